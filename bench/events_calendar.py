"""Benchmark: the events calendar, its iCal feed and API with many events, some repeating.

Builds a throwaway SQLite database (or uses DATABASE_URL), fills it with N published events
spread over three years (every tenth one repeats weekly or monthly), then times the busiest
public reads through Django's test client and prints median and 95th-percentile latency plus
the number of SQL queries per request.

    .venv/bin/python bench/events_calendar.py [--events 10000] [--repeat 20]
"""

import argparse
import sys
import tempfile
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# Import the project (and the bench harness) from the root, not from this folder.
sys.path[0] = str(ROOT)

from bench.harness import configure, print_table  # noqa: E402  (needs the path above)

RULES = (
    "FREQ=WEEKLY;COUNT=52",
    "FREQ=MONTHLY;BYDAY=1TU;COUNT=24",
    "FREQ=WEEKLY;BYDAY=TU,TH;COUNT=60",
)


def fill(count: int) -> None:
    from django.utils import timezone

    from pomyslowice.core.models import AreaOfBenefit, District
    from pomyslowice.events.models import Event
    from pomyslowice.organizations.models import Organization

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
            f"/wydarzenia/spotkanie-mieszkancow-{args.events // 30 * 10:05d}/",  # a repeating one
            "/kalendarz.ics",
            "/api/v1/events?limit=100",
        ]
        print_table(f"{args.events} events", paths, args.repeat)


if __name__ == "__main__":
    main()
