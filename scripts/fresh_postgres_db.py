"""Drops and re-creates the database of a postgres:// URL; fails loudly if the server is down."""

import sys
from urllib.parse import urlsplit

import psycopg

url = urlsplit(sys.argv[1])
name = url.path.lstrip("/")
try:
    with psycopg.connect(
        host=url.hostname,
        port=url.port or 5432,
        user=url.username,
        dbname="postgres",
        autocommit=True,
        connect_timeout=10,
    ) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'DROP DATABASE IF EXISTS "test_{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')
except psycopg.OperationalError as error:
    sys.exit(f"PostgreSQL at {url.hostname}:{url.port} is unreachable: {error}")
print(f"Created a fresh PostgreSQL database {name!r}.")
