#!/usr/bin/env bash
# Quick start, command 1: install, build a demo database (first run only) and open the desk.
# Log in as agent, supervisor or admin; the password is "demo".
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ "${QT_QPA_PLATFORM:-}" = "" ]; then
  echo "run-demo: no screen found (DISPLAY is not set): starting the desk on a virtual screen (Xvfb)." >&2
  echo "run-demo: to see it, run this on a desktop session, or set QT_QPA_PLATFORM=offscreen to test headless." >&2
  exec xvfb-run -a -s "-screen 0 1440x900x24" .venv/bin/gdpr-desk demo "$@"
fi
exec .venv/bin/gdpr-desk demo "$@"
