"""Benchmark: room booking requests and the availability views with many bookings.

Builds a throwaway SQLite database (or uses DATABASE_URL), fills three rooms with N one-hour
bookings (8:00–19:00 on every open day ahead, the 19:00–20:00 hour left free), then times
booking requests (the service call and POST /api/v1/bookings, each for a free hour) and the
public availability of a room (day and week pages, the API), printing median and
95th-percentile latency.

    .venv/bin/python bench/rooms.py [--bookings 10000] [--repeat 20]
"""

import argparse
import datetime
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[0] = str(ROOT)

from bench.harness import configure, print_table  # noqa: E402  (needs the path above)

ROOMS = (
    ("Sala szkoleniowa", "sala-szkoleniowa", 30),
    ("Sala konferencyjna", "sala-konferencyjna", 60),
    ("Sala spotkań", "sala-spotkan", 12),
)


def open_days(count: int) -> list[datetime.date]:
    from django.utils import timezone

    from pomyslowice.centre.calendar import public_holiday

    days, day = [], timezone.localdate() + datetime.timedelta(days=1)
    while len(days) < count:
        if day.weekday() != 6 and not public_holiday(day):
            days.append(day)
        day += datetime.timedelta(days=1)
    return days


def fill(count: int):
    from pomyslowice.accounts.models import User
    from pomyslowice.centre import room_services
    from pomyslowice.centre.calendar import local_datetime
    from pomyslowice.centre.models import BookingStatus, Room, RoomBooking
    from pomyslowice.organizations.models import Membership, Organization

    user = User.objects.create_user("bench@example.org", "bench-password-123", first_name="Bench")
    organization = Organization.objects.create(
        name="Stowarzyszenie Ławka",
        slug="stowarzyszenie-lawka",
        status=Organization.Status.PUBLISHED,
    )
    Membership.objects.create(user=user, organization=organization, status=Membership.Status.ACTIVE)
    rooms = []
    for name, slug, capacity in ROOMS:
        room = Room.objects.create(name=name, slug=slug, capacity=capacity)
        room_services.ensure_default_opening_hours(room=room)
        rooms.append(room)
    per_day = 11 * len(rooms)
    days = open_days(count // per_day + 1)
    bookings = []
    for i in range(count):
        day, slot = days[i // per_day], i % per_day
        start = local_datetime(day, datetime.time(8 + slot // len(rooms)))
        bookings.append(
            RoomBooking(
                room=rooms[slot % len(rooms)],
                start=start,
                end=start + datetime.timedelta(hours=1),
                status=BookingStatus.APPROVED if i % 3 else BookingStatus.PENDING,
                organization=organization,
                requested_by=user,
                contact_name="Bench",
                contact_email=user.email,
                purpose=f"Spotkanie {i}",
                expected_people=5,
            )
        )
    RoomBooking.objects.bulk_create(bookings, batch_size=1000)
    return user, organization, rooms[0], days


def timed(function, repeat: int) -> tuple[float, float]:
    timings = []
    for index in range(repeat):
        start = time.perf_counter()
        function(index)
        timings.append((time.perf_counter() - start) * 1000)
    timings.sort()
    return statistics.median(timings), timings[max(int(len(timings) * 0.95) - 1, 0)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bookings", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as var_dir:
        configure(var_dir)
        user, organization, room, days = fill(args.bookings)

        from django.test import Client

        from pomyslowice.accounts.tokens import create_api_token
        from pomyslowice.centre import room_services
        from pomyslowice.centre.calendar import local_datetime
        from pomyslowice.centre.models import RoomBooking

        print(f"{RoomBooking.objects.count()} bookings in {len(ROOMS)} rooms")
        evening = datetime.time(19), datetime.time(20)

        def by_service(index: int) -> None:
            day = days[index]
            room_services.request_booking(
                room=room,
                start=local_datetime(day, evening[0]),
                end=local_datetime(day, evening[1]),
                purpose="Pomiar",
                expected_people=5,
                requested_by=user,
                organization=organization,
            )

        def conflicting(index: int) -> None:
            try:
                by_service(index)
            except room_services.BookingConflict:
                return
            raise AssertionError("expected a conflict")

        client = Client(HTTP_HOST="localhost")
        token = create_api_token(user=user, name="Bench")[1]

        def by_api(index: int) -> None:
            day = days[args.repeat + index]
            response = client.post(
                "/api/v1/bookings",
                {
                    "room": room.slug,
                    "start": local_datetime(day, evening[0]).isoformat(),
                    "end": local_datetime(day, evening[1]).isoformat(),
                    "purpose": "Pomiar",
                    "expected_people": 5,
                    "organization": organization.slug,
                },
                content_type="application/json",
                HTTP_AUTHORIZATION=f"Bearer {token}",
            )
            assert response.status_code == 201, response.content

        print(f"{'booking request':55} {'median ms':>10} {'p95 ms':>8}")
        for label, function in (
            ("request_booking() for a free hour", by_service),
            ("request_booking() for a taken hour (conflict)", conflicting),
            ("POST /api/v1/bookings for a free hour", by_api),
        ):
            median, p95 = timed(function, args.repeat)
            print(f"{label:55} {median:10.1f} {p95:8.1f}")
        print()
        middle = days[len(days) // 2].isoformat()
        print_table(
            f"availability with {args.bookings} bookings",
            [
                f"/osrodek/sale/{room.slug}/?dzien={middle}",
                f"/osrodek/sale/{room.slug}/?tydzien={middle}",
                f"/api/v1/rooms/{room.slug}/availability?date={middle}",
                "/osrodek/sale/",
            ],
            args.repeat,
        )


if __name__ == "__main__":
    main()
