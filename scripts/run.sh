#!/usr/bin/env bash
# Installs everything, prepares the embedded SQLite database with demo data and serves
# the platform at http://127.0.0.1:8000 (development mode).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/bootstrap.sh base
export DEBUG="${DEBUG:-1}"
python manage.py migrate --noinput
python manage.py seed_demo
python manage.py export_open_data
exec python manage.py runserver "${HOST:-127.0.0.1}:${PORT:-8000}"
