"""Benchmark: races for the last seats and for one room, across both app servers of the stack.

Creates (with this run's unique names) an event with 20 seats and 200 users with API tokens,
then fires 200 registrations at once (threads released together by a barrier), half to app
server A and half to B directly; then 200 requests for the same room and hour. Prints the answers
by status and what the database holds: exactly 20 confirmed registrations and exactly 1 booking
are expected. Exits 1 otherwise. What it creates is left in place (names carry the run's tag).

    STACK_DIR=var/stack .venv/bin/python bench/contention.py [--requests 200] [--seats 20]
"""

import argparse
import collections
import datetime
import random
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# Import the project (and the bench helpers) from the root, not from this folder.
sys.path[0] = str(ROOT)

from bench import stack_client  # noqa: E402  (needs the path above)


def fire(calls: list[tuple[str, dict, str]]) -> list[tuple[int, dict | None]]:
    """POST every (url, payload, token) from its own thread, all released at the same moment."""
    barrier = threading.Barrier(len(calls))
    answers: list = [None] * len(calls)

    def call(index: int, url: str, payload: dict, token: str) -> None:
        barrier.wait()
        answers[index] = stack_client.post_json(url, payload, token=token, timeout=120)

    threads = [threading.Thread(target=call, args=(i, *c)) for i, c in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return answers


def by_status(answers) -> str:
    counts = collections.Counter(status for status, _body in answers)
    return ", ".join(f"{status or 'no answer'}: {n}" for status, n in sorted(counts.items()))


def spread(app_urls: list[str], count: int) -> list[str]:
    """Server for each request: A, B, A, B, ..."""
    return [app_urls[index % len(app_urls)] for index in range(count)]


def registrations(stack, users, tag: str, seats: int) -> bool:
    from pomyslowice.events.models import Registration

    event = stack_client.registration_event(tag, capacity=seats)
    servers = spread(stack.app_urls, len(users))
    calls = [
        (f"{server}/api/v1/events/{event.slug}/registrations", {}, token)
        for server, (_user, token) in zip(servers, users, strict=True)
    ]
    started = time.perf_counter()
    answers = fire(calls)
    elapsed = time.perf_counter() - started
    statuses = collections.Counter(
        body.get("status") for status, body in answers if status == 201 and body
    )
    confirmed = Registration.objects.filter(
        event=event, status=Registration.Status.CONFIRMED
    ).count()
    total = Registration.objects.filter(event=event).count()
    ok = confirmed == seats
    print(f"Registrations: {len(calls)} at once for {seats} seats of /wydarzenia/{event.slug}/")
    print(f"  answers in {elapsed:.1f} s by HTTP status: {by_status(answers)}")
    print(f"  registration status in the 201 answers: {dict(statuses)}")
    print(f"  in the database: {confirmed} confirmed of {total} registrations")
    print(f"  {'PASS' if ok else 'FAIL'}: {confirmed} confirmed, {seats} expected")
    return ok


def bookings(stack, users, tag: str, organization) -> bool:
    from pomyslowice.centre.models import RoomBooking

    [(room, start)] = stack_client.free_slots(
        1, minutes=60, first_day_ahead=random.randint(30, 300)
    )
    end = start + datetime.timedelta(hours=1)
    payload = {
        "room": room.slug,
        "start": start.isoformat(),
        "end": end.isoformat(),
        "purpose": f"Benchmark {tag}",
        "expected_people": 1,
        "organization": organization.slug,
    }
    servers = spread(stack.app_urls, len(users))
    calls = [
        (f"{server}/api/v1/bookings", payload, token)
        for server, (_user, token) in zip(servers, users, strict=True)
    ]
    started = time.perf_counter()
    answers = fire(calls)
    elapsed = time.perf_counter() - started
    held = RoomBooking.objects.holding().overlapping(start, end).filter(room=room).count()
    ok = held == 1 and sum(status == 201 for status, _body in answers) == 1
    print(f"Bookings: {len(calls)} at once for {room.name}, {start:%Y-%m-%d %H:%M}-{end:%H:%M}")
    print(f"  answers in {elapsed:.1f} s by HTTP status: {by_status(answers)}")
    print(f"  in the database: {held} booking(s) holding that slot")
    print(f"  {'PASS' if ok else 'FAIL'}: {held} booking, 1 expected (and one 201)")
    return ok


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--seats", type=int, default=20)
    args = parser.parse_args()

    stack = stack_client.load_stack()
    stack_client.setup_django(stack)
    tag = stack_client.run_tag()
    organization = stack_client.busiest_organization()
    users = stack_client.users_with_tokens(tag, args.requests, represent=organization)
    print(f"Stack {stack.url} (scale {stack.scale}), app servers {', '.join(stack.app_urls)}")
    print(f"{args.requests} users with tokens, run tag {tag}")
    results = [
        registrations(stack, users, tag, args.seats),
        bookings(stack, users, tag, organization),
    ]
    print("PASS" if all(results) else "FAIL")
    sys.exit(0 if all(results) else 1)


if __name__ == "__main__":
    main()
