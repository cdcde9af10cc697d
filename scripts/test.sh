#!/usr/bin/env bash
# Quick start, command 2: install, check and run the whole test suite headless. CI runs it too.
#
# Three steps, all of them every time, so that one run shows every problem:
#   1. ruff check desktop tests bench scripts installer
#   2. mypy: desktop, tests, bench, scripts and installer, strict ([tool.mypy] in pyproject.toml)
#   3. pytest -n 2 (arguments to this script go to pytest)
# It fails when any step fails. Its exit code is pytest's when pytest failed (1 tests failed,
# 2 interrupted, 5 no tests collected ...), otherwise 1 when ruff or mypy found something.
# PostgreSQL tests use the server on 127.0.0.1:5432 when it answers and skip with a reason otherwise.
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh || exit $?
export QT_QPA_PLATFORM=offscreen

LINT_PATHS=(desktop tests bench scripts installer)
failed=()

echo "test.sh: ruff check ${LINT_PATHS[*]}"
.venv/bin/ruff check "${LINT_PATHS[@]}" || failed+=("ruff check ${LINT_PATHS[*]}")

echo "test.sh: mypy (strict on ${LINT_PATHS[*]}; see [tool.mypy] in pyproject.toml)"
.venv/bin/mypy || failed+=("mypy")

echo "test.sh: pytest -n 2 -q $*"
.venv/bin/python -m pytest -n 2 -q "$@"
pytest_status=$?
case "$pytest_status" in
  0) ;;
  1) failed+=("pytest: tests failed (exit 1)") ;;
  2) failed+=("pytest: interrupted (exit 2)") ;;
  3) failed+=("pytest: internal error (exit 3)") ;;
  4) failed+=("pytest: usage error (exit 4)") ;;
  5) failed+=("pytest: no tests were collected (exit 5)") ;;
  *) failed+=("pytest: exit $pytest_status") ;;
esac

if [ ${#failed[@]} -eq 0 ]; then
  echo "test.sh: ruff, mypy and pytest passed."
  exit 0
fi
echo >&2
echo "test.sh: FAILED (details above):" >&2
for step in "${failed[@]}"; do
  echo "test.sh:   - $step" >&2
done
if [ "$pytest_status" -ne 0 ]; then
  exit "$pytest_status"
fi
exit 1
