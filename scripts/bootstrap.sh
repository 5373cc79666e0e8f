# Sourced by run.sh and test.sh: a virtualenv in .venv with the locked dependencies.
# Usage: source scripts/bootstrap.sh base|test
set -euo pipefail
PYTHON=${PYTHON:-python3.11}
command -v "$PYTHON" >/dev/null || PYTHON=python3
if [ ! -x .venv/bin/python ]; then
  if ! "$PYTHON" -m venv .venv 2>/dev/null; then
    # Debian's own Python keeps venv/ensurepip in a separate package.
    rm -rf .venv
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv >/dev/null
    "$PYTHON" -m venv .venv
  fi
fi
locks=(requirements/base.lock)
if [ "${1:-base}" = "test" ]; then
  locks+=(requirements/test.lock)
fi
# Reinstall only when a lock file changed since the last install into this .venv.
stamp=".venv/.installed-$(cat "${locks[@]}" | sha256sum | cut -c1-16)"
if [ ! -f "$stamp" ]; then
  # Some machines list package mirrors that do not exist; pip's warnings about them are noise.
  .venv/bin/python -m pip install --quiet --disable-pip-version-check "${locks[@]/#/--requirement=}" \
    2>&1 | { grep -v "^WARNING: Location '.*' is ignored" || true; }
  touch "$stamp"
fi
export PATH="$PWD/.venv/bin:$PATH"
