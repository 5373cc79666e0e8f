"""Benchmark: the events calendar, its iCal feed and API with many events, some repeating.

Builds a throwaway SQLite database (or uses DATABASE_URL), fills it with N published events
spread over three years (every tenth one repeats weekly or monthly), then times the busiest
public reads through Django's test client and prints median and 95th-percentile latency plus
the number of SQL queries per request.

    .venv/bin/python bench/calendar.py [--events 10000] [--repeat 20]
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# This file's directory comes first on sys.path and would shadow the standard library's
# "calendar" module (which the events views import); the project root takes its place.
sys.path[0] = str(ROOT)

RULES = (
    "FREQ=WEEKLY;COUNT=52",
    "FREQ=MONTHLY;BYDAY=1TU;COUNT=24",
    "FREQ=WEEKLY;BYDAY=TU,TH;COUNT=60",
)


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
    from pomyslowice.events.models import Event
    from pomyslowice.organizations.models import Organization

    call_command("migrate", verbosity=0)
    call_command("collectstatic", verbosity=0, interactive=False)
    areas = list(AreaOfBenefit.objects.all())
    districts = list(District.objects.all())
    organizer = Organization.objects.create(
        name="Stowarzyszenie Kalendarz",
        slug="stowarzyszenie-kalendarz",
        status=Organization.Status.PUBLISHED,
        published_at=timezone.now(),
    )
    categories = Event.Category.values
    first = timezone.localtime().replace(hour=9, minute=0, second=0, microsecond=0)
    first -= timedelta(days=365)
    events = []
    for i in range(count):
        start = first + timedelta(days=i * 3 * 365 // count, hours=i % 10)
        events.append(
            Event(
                title=f"Spotkanie mieszkańców {i:05d}",
                slug=f"spotkanie-mieszkancow-{i:05d}",
                category=categories[i % len(categories)],
                organizer=organizer,
                district=districts[i % len(districts)],
                description="<p>Rozmawiamy o sprawach dzielnicy.</p>",
                start=start,
                end=start + timedelta(hours=2),
                address="ul. Powstańców 1, Mysłowice",
                status=Event.Status.PUBLISHED,
                published_at=start - timedelta(days=30),
                recurrence_rule=RULES[i // 10 % len(RULES)] if i % 10 == 0 else "",
                recurrence_exceptions=[(start + timedelta(days=7)).date().isoformat()]
                if i % 20 == 0
                else [],
            )
        )
    Event.objects.bulk_create(events, batch_size=500)
    links = [
        Event.areas.through(event_id=pk, areaofbenefit_id=areas[pk % len(areas)].pk)
        for pk in Event.objects.values_list("pk", flat=True)
    ]
    Event.areas.through.objects.bulk_create(links, batch_size=1000)


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
    return statistics.median(timings), timings[max(int(len(timings) * 0.95) - 1, 0)], len(queries)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as var_dir:
        configure(var_dir)
        fill(args.events)
        from django.utils import timezone

        today = timezone.localdate()
        paths = [
            "/wydarzenia/",
            "/wydarzenia/?page=5",
            f"/wydarzenia/miesiac/{today.year}/{today.month:02d}/",
            "/wydarzenia/spotkanie-mieszkancow-03340/",
            "/kalendarz.ics",
            "/api/v1/events?limit=100",
        ]
        print(f"{args.events} events, {args.repeat} requests each")
        print(f"{'path':55} {'median ms':>10} {'p95 ms':>8} {'queries':>8}")
        for path in paths:
            median, p95, queries = measure(path, args.repeat)
            print(f"{path:55} {median:10.1f} {p95:8.1f} {queries:8d}")


if __name__ == "__main__":
    main()
