# Sourced by run.sh and test.sh: a virtualenv in .venv with the locked dependencies.
# Usage: source scripts/bootstrap.sh base|test
set -euo pipefail
PYTHON=${PYTHON:-python3.11}
command -v "$PYTHON" >/dev/null || PYTHON=python3
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
locks=(-r requirements/base.lock)
if [ "${1:-base}" = "test" ]; then
  locks+=(-r requirements/test.lock)
fi
stamp=".venv/.installed-$(cat "${locks[@]/#-r/}" 2>/dev/null | sha256sum | cut -c1-16)-${1:-base}"
if [ ! -f "$stamp" ]; then
  .venv/bin/python -m pip install --quiet --disable-pip-version-check "${locks[@]}"
  touch "$stamp"
fi
export PATH="$PWD/.venv/bin:$PATH"
