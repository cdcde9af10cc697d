#!/usr/bin/env bash
# Quick start, command 2: install and run the whole test suite headless.
# PostgreSQL tests use the server on 127.0.0.1:5432 when it answers and skip with a reason otherwise.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh
export QT_QPA_PLATFORM=offscreen
exec .venv/bin/python -m pytest -n 2 -q "$@"
