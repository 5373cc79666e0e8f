"""Benchmark: the organisations directory and its API with many organisations.

Builds a throwaway SQLite database (or uses DATABASE_URL), fills it with N published
organisations, then times the busiest public reads through Django's test client and prints
median and 95th-percentile latency plus the number of SQL queries per request.

    .venv/bin/python bench/directory.py [--organizations 2000] [--repeat 50]
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def configure(var_dir: str) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "pomyslowice.settings")
    os.environ.setdefault("SECRET_KEY", "benchmark-only")
    os.environ.setdefault("EMAIL_URL", "locmem://")
    os.environ.setdefault("HTTPS", "0")
    os.environ["VAR_DIR"] = var_dir
    os.environ["STATIC_ROOT"] = str(Path(var_dir) / "static")
    import django

    django.setup()


def fill(count: int) -> None:
    from django.core.management import call_command
    from django.utils import timezone

    from pomyslowice.core.models import AreaOfBenefit, District
    from pomyslowice.core.text import fold
    from pomyslowice.organizations.models import Organization

    call_command("migrate", verbosity=0)
    call_command("collectstatic", verbosity=0, interactive=False)
    areas = list(AreaOfBenefit.objects.all())
    districts = list(District.objects.all())
    kinds = Organization.Kind.values
    now = timezone.now()
    organizations = [
        Organization(
            name=f"Stowarzyszenie Łączy Nas {i:05d}",
            slug=f"stowarzyszenie-laczy-nas-{i:05d}",
            kind=kinds[i % len(kinds)],
            district=districts[i % len(districts)],
            description="<p>Działamy na rzecz mieszkańców dzielnicy od wielu lat.</p>",
            status=Organization.Status.PUBLISHED,
            published_at=now,
            city="Mysłowice",
        )
        for i in range(count)
    ]
    for organization in organizations:  # bulk_create skips save(), which keeps search_text
        organization.search_text = fold(organization.name)
    Organization.objects.bulk_create(organizations, batch_size=500)
    links = [
        Organization.areas.through(organization_id=pk, areaofbenefit_id=areas[pk % len(areas)].pk)
        for pk in Organization.objects.values_list("pk", flat=True)
    ]
    Organization.areas.through.objects.bulk_create(links, batch_size=1000)


def measure(path: str, repeat: int) -> tuple[float, float, int]:
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
    return statistics.median(timings), timings[int(len(timings) * 0.95) - 1], len(queries)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--organizations", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=50)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as var_dir:
        configure(var_dir)
        fill(args.organizations)
        paths = [
            "/organizacje/",
            "/organizacje/?q=laczy+nas+0019",
            "/organizacje/?rodzaj=fundacja&sort=-name&page=3",
            "/organizacje/stowarzyszenie-laczy-nas-00042/",
            "/api/v1/organizations?limit=100",
            "/api/v1/organizations?q=laczy&offset=500",
        ]
        print(f"{args.organizations} organisations, {args.repeat} requests each")
        print(f"{'path':55} {'median ms':>10} {'p95 ms':>8} {'queries':>8}")
        for path in paths:
            median, p95, queries = measure(path, args.repeat)
            print(f"{path:55} {median:10.1f} {p95:8.1f} {queries:8d}")


if __name__ == "__main__":
    main()
