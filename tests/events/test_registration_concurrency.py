"""Twenty people racing for five seats: the database lock, not luck, keeps the count right."""

import json
import threading
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection

from pomyslowice.accounts.tokens import create_api_token
from pomyslowice.events import registration_services as services
from pomyslowice.events.models import Registration
from tests.conftest import create_user
from tests.events.test_registration_services import make_training

RACERS = 20
SEATS = 5


def race(function, count: int = RACERS) -> list:
    """Run `function` in `count` threads released at the same moment; each gets its own
    database connection. Returns each thread's result, or the class name of its error."""
    barrier = threading.Barrier(count)

    def run(index: int):
        try:
            barrier.wait()
            return function(index)
        except Exception as error:  # any outcome but a result is a defect the assertion shows
            return type(error).__name__
        finally:
            connection.close()

    with ThreadPoolExecutor(count) as pool:
        return list(pool.map(run, range(count)))


@pytest.fixture
def racers(transactional_db):
    return [create_user(f"racer{i}@example.org", first_name=f"Racer{i}") for i in range(RACERS)]


@pytest.mark.django_db(transaction=True)
def test_concurrent_registrations_never_exceed_the_seats(racers):
    event = make_training(capacity=SEATS)

    outcomes = race(
        lambda i: (
            services.register(
                event=event, name=racers[i].first_name, email="", user=racers[i]
            ).status
        )
    )

    assert sorted(outcomes) == sorted(
        [Registration.Status.CONFIRMED] * SEATS
        + [Registration.Status.WAITLISTED] * (RACERS - SEATS)
    )
    assert event.registrations.confirmed().count() == SEATS
    assert event.registrations.waitlisted().count() == RACERS - SEATS


@pytest.mark.django_db(transaction=True)
def test_concurrent_api_registrations_never_exceed_the_seats(racers, live_server):
    event = make_training(capacity=SEATS)
    secrets = [create_api_token(user=user, name="Wyścig")[1] for user in racers]
    url = f"{live_server.url}/api/v1/events/{event.slug}/registrations"

    def post(index: int) -> tuple[int, str]:
        request = urllib.request.Request(
            url,
            data=b"{}",
            method="POST",
            headers={
                "Authorization": f"Bearer {secrets[index]}",
                "Content-Type": "application/json",
            },
        )
        try:
            with urllib.request.urlopen(request, timeout=60) as response:
                return response.status, json.load(response)["status"]
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode()

    outcomes = race(post)

    assert sorted(outcomes) == sorted(
        [(201, "confirmed")] * SEATS + [(201, "waitlisted")] * (RACERS - SEATS)
    )
    assert event.registrations.confirmed().count() == SEATS
