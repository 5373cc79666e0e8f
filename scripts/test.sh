#!/usr/bin/env bash
# Installs what the tests need (Python packages, Debian's Chromium, gettext) and runs
# the linters, the migration and translation checks, the dependency audit (pip-audit), the
# security linter (bandit) and the whole test suite, browser tests included.
# Extra arguments go to pytest. Set DATABASE_URL to run against PostgreSQL.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/bootstrap.sh test

missing=()
command -v chromium >/dev/null || missing+=(chromium)
command -v msgfmt >/dev/null || missing+=(gettext)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing from Debian: ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

export DEBUG=0 HTTPS=0 SECRET_KEY="tests-only-secret-key" EMAIL_URL="locmem://"
export DJANGO_SETTINGS_MODULE=pomyslowice.settings

ruff check .
ruff format --check .
python manage.py makemigrations --check --dry-run >/dev/null || {
  echo "Models and migrations differ: run 'python manage.py makemigrations'." >&2
  exit 1
}
python scripts/check_translations.py
python scripts/audit_dependencies.py
# Findings are fixed or justified inline (# nosec with the reason beside it).
bandit --recursive pomyslowice --exclude "*/migrations/*" --quiet 2>/dev/null
python -m pytest "$@"
