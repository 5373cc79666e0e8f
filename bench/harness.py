"""What every benchmark here shares: a throwaway database, a warmed client, a printed table."""

import os
import statistics
import time
from pathlib import Path


def configure(var_dir: str) -> None:
    """Production-like settings (manifest static files, DEBUG off) on a database in var_dir."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "pomyslowice.settings")
    os.environ.setdefault("SECRET_KEY", "benchmark-only")
    os.environ.setdefault("EMAIL_URL", "locmem://")
    os.environ.setdefault("HTTPS", "0")
    os.environ["VAR_DIR"] = var_dir
    os.environ["STATIC_ROOT"] = str(Path(var_dir) / "static")
    import django

    django.setup()

    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("collectstatic", verbosity=0, interactive=False)


def measure(path: str, repeat: int) -> tuple[float, float, int]:
    """Median and 95th-percentile latency in ms, and the SQL queries of one request."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST="localhost")
    client.get(path)  # warm caches and templates
    timings = []
    for _ in range(repeat):
        with CaptureQueriesContext(connection) as queries:
            start = time.perf_counter()
            response = client.get(path)
            timings.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, (path, response.status_code)
    timings.sort()
    return statistics.median(timings), timings[max(int(len(timings) * 0.95) - 1, 0)], len(queries)


def print_table(title: str, paths: list[str], repeat: int) -> None:
    print(f"{title}, {repeat} requests each")
    print(f"{'path':55} {'median ms':>10} {'p95 ms':>8} {'queries':>8}")
    for path in paths:
        median, p95, queries = measure(path, repeat)
        print(f"{path:55} {median:10.1f} {p95:8.1f} {queries:8d}")
