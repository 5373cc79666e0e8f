"""Fault drill: restart PostgreSQL and kill an app server during a write load; nothing accepted
may be lost and the errors must stop within seconds.

N threads send registrations (for one big event) and room bookings (each for its own free
slot) through nginx for --duration seconds. At t=10 s the PostgreSQL primary restarts
(`scripts/stack.sh restart-postgres`), at t=20 s app server A is killed (`kill-app a`) and at
t=30 s started again. Every request's time, status and the created object's id are recorded.
Prints the errors second by second, how long errors went on after each fault, and the durability
check: every 201 answer's object must be in the database (objects in the database that got no
201, requests in flight at a fault, are allowed and counted). Exits 1 if an accepted write is
missing or errors go on more than 10 s after a fault ends.

    STACK_DIR=var/stack .venv/bin/python bench/fault_drill.py [--threads 8] [--duration 40]
"""

import argparse
import collections
import datetime
import itertools
import os
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# Import the project (and the bench helpers) from the root, not from this folder.
sys.path[0] = str(ROOT)

from bench import stack_client  # noqa: E402  (needs the path above)

FAULTS = [(10, "restart-postgres"), (20, "kill-app a"), (30, "start-app a")]
RECOVERY_LIMIT_S = 10
# Enough for the fastest write rate seen on a 2-core machine, with room to spare.
WRITES_PER_SECOND_BUDGET = 60
BOOKING_MINUTES = 10


@dataclass
class Outcome:
    kind: str  # registration or booking
    sent: float  # seconds since the load started
    took: float
    status: int
    object_id: int | None


@dataclass
class Fault:
    command: str
    began: float
    ended: float = 0.0
    output: str = ""
    failed: bool = False


def writes(stack, tag: str, count: int, organization):
    """An endless-enough supply of (kind, url, payload, token): registrations of distinct users
    alternating with bookings of distinct free slots."""
    event = stack_client.registration_event(tag, capacity=1_000_000)
    users = stack_client.users_with_tokens(tag, count, represent=organization)
    slots = stack_client.free_slots(count // 2, minutes=BOOKING_MINUTES, first_day_ahead=2)
    length = datetime.timedelta(minutes=BOOKING_MINUTES)
    register_url = f"{stack.url}/api/v1/events/{event.slug}/registrations"
    for index, (_user, token) in enumerate(users):
        if index % 2 == 0 or index // 2 >= len(slots):
            yield "registration", register_url, {}, token
            continue
        room, start = slots[index // 2]
        payload = {
            "room": room.slug,
            "start": start.isoformat(),
            "end": (start + length).isoformat(),
            "purpose": f"Benchmark {tag}",
            "expected_people": 1,
            "organization": organization.slug,
        }
        yield "booking", f"{stack.url}/api/v1/bookings", payload, token


def load(supply, *, threads: int, duration: float, started: float) -> list[Outcome]:
    lock = threading.Lock()
    outcomes: list[Outcome] = []

    def worker() -> None:
        while time.monotonic() - started < duration:
            with lock:
                item = next(supply, None)
            if item is None:
                return
            kind, url, payload, token = item
            sent = time.monotonic() - started
            status, body = stack_client.post_json(url, payload, token=token, timeout=20)
            object_id = body.get("id") if status == 201 and isinstance(body, dict) else None
            with lock:
                outcomes.append(
                    Outcome(kind, sent, time.monotonic() - started - sent, status, object_id)
                )

    pool = [threading.Thread(target=worker) for _ in range(threads)]
    for thread in pool:
        thread.start()
    for thread in pool:
        thread.join()
    return sorted(outcomes, key=lambda outcome: outcome.sent)


def run_faults(stack, started: float, faults: list[Fault]) -> None:
    env = {**os.environ, **stack.env}
    for at, command in FAULTS:
        time.sleep(max(0.0, at - (time.monotonic() - started)))
        fault = Fault(command, time.monotonic() - started)
        result = subprocess.run(
            ["bash", str(ROOT / "scripts" / "stack.sh"), *command.split()],
            env=env,
            capture_output=True,
            text=True,
        )
        fault.ended = time.monotonic() - started
        fault.output = " ".join((result.stdout + result.stderr).strip().splitlines()[-1:])
        fault.failed = result.returncode != 0
        faults.append(fault)


def print_timeline(outcomes: list[Outcome], faults: list[Fault]) -> None:
    per_second = collections.defaultdict(lambda: [0, 0])
    for outcome in outcomes:
        per_second[int(outcome.sent)][0 if outcome.status == 201 else 1] += 1
    marks = {int(fault.began): fault.command for fault in faults}
    print("second   ok  errors")
    for second in range(max(per_second, default=-1) + 1):
        ok, errors = per_second[second]
        mark = f"  <- {marks[second]}" if second in marks else ""
        print(f"{second:6d} {ok:4d} {errors:7d}{mark}")


def recovery(outcomes: list[Outcome], faults: list[Fault]) -> bool:
    """How long after each fault's command ended requests still failed."""
    ok = True
    bounds = [fault.began for fault in faults[1:]] + [float("inf")]
    for fault, until in zip(faults, bounds, strict=True):
        failed = [o for o in outcomes if fault.began <= o.sent < until and o.status != 201]
        last = max((o.sent + o.took for o in failed), default=None)
        if last is None:
            print(f"  {fault.command}: no errors ({fault.ended - fault.began:.1f} s to run)")
            continue
        after = last - fault.ended
        ok &= after <= RECOVERY_LIMIT_S
        print(
            f"  {fault.command}: {len(failed)} failed requests, the last answered "
            f"{after:+.1f} s after the command finished ({fault.ended - fault.began:.1f} s to run)"
        )
    return ok


def durability(outcomes: list[Outcome], tag: str) -> bool:
    from pomyslowice.centre.models import RoomBooking
    from pomyslowice.events.models import Registration

    stored = {
        "registration": set(
            Registration.objects.filter(event__slug=f"benchmark-{tag}").values_list("pk", flat=True)
        ),
        "booking": set(
            RoomBooking.objects.filter(purpose=f"Benchmark {tag}").values_list("pk", flat=True)
        ),
    }
    ok = True
    for kind, in_db in stored.items():
        accepted = {o.object_id for o in outcomes if o.kind == kind and o.status == 201}
        missing, unanswered = accepted - in_db, in_db - accepted
        ok &= not missing
        print(
            f"  {kind}s: {len(accepted)} accepted (201), {len(in_db)} in the database, "
            f"{len(missing)} accepted but missing, {len(unanswered)} stored without a 201"
        )
    return ok


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--threads", type=int, default=8)
    parser.add_argument("--duration", type=float, default=40)
    args = parser.parse_args()

    stack = stack_client.load_stack()
    stack_client.setup_django(stack)
    tag = stack_client.run_tag()
    organization = stack_client.busiest_organization()
    count = int(args.duration * WRITES_PER_SECOND_BUDGET)
    supply = iter(writes(stack, tag, count, organization))
    supply = itertools.chain([next(supply)], supply)  # the setup runs before the clock starts
    print(
        f"Write load on {stack.url} (scale {stack.scale}): {args.threads} threads, "
        f"{args.duration:.0f} s, run tag {tag}",
        flush=True,
    )
    started = time.monotonic()
    faults: list[Fault] = []
    injector = threading.Thread(target=run_faults, args=(stack, started, faults))
    injector.start()
    outcomes = load(supply, threads=args.threads, duration=args.duration, started=started)
    injector.join()
    print_timeline(outcomes, faults)
    for fault in faults:
        failed = " FAILED TO RUN" if fault.failed else ""
        print(
            f"fault {fault.command!r} at {fault.began:.1f}-{fault.ended:.1f} s{failed}: "
            f"{fault.output}"
        )
    by_status = collections.Counter(o.status for o in outcomes)
    print(f"{len(outcomes)} requests; by status: {dict(sorted(by_status.items()))} (0 = no answer)")
    print("Recovery:")
    recovered = recovery(outcomes, [f for f in faults if not f.command.startswith("start")])
    # The database connection of this process may have been cut by the restart.
    from django.db import connections

    connections.close_all()
    print("Durability:")
    durable = durability(outcomes, tag)
    passed = recovered and durable and not any(fault.failed for fault in faults)
    print("PASS" if passed else "FAIL")
    sys.exit(0 if passed else 1)


if __name__ == "__main__":
    main()
