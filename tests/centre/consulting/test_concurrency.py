"""Twenty people racing for one consulting slot: exactly one gets it, the rest hear so."""

import json
import urllib.error
import urllib.request

import pytest

from pomyslowice.accounts.tokens import create_api_token
from pomyslowice.centre import consulting_services as services
from pomyslowice.centre.models import Appointment
from tests.centre.consulting.conftest import at, working_monday
from tests.conftest import create_user
from tests.events.test_registration_concurrency import race

RACERS = 20


@pytest.fixture
def racers(transactional_db):
    return [create_user(f"racer{i}@example.org", first_name=f"Racer{i}") for i in range(RACERS)]


@pytest.mark.django_db(transaction=True)
def test_concurrent_bookings_of_one_slot_give_it_to_exactly_one(racers, first_contact, consultant):
    start = at(working_monday(), 11)

    def attempt(index: int) -> str:
        return services.book_appointment(
            service=first_contact,
            consultant=consultant,
            start=start,
            name=racers[index].first_name,
            email="",
            question="Pytanie",
            user=racers[index],
        ).status

    outcomes = race(attempt, RACERS)

    assert sorted(outcomes) == sorted(["booked"] + ["SlotTaken"] * (RACERS - 1))
    assert Appointment.objects.holding().count() == 1


@pytest.mark.django_db(transaction=True)
def test_concurrent_overlapping_bookings_of_two_services(
    racers, first_contact, legal_advice, consultant
):
    monday = working_monday()

    def attempt(index: int) -> str:
        service, start = (
            (first_contact, at(monday, 11, 30)) if index % 2 else (legal_advice, at(monday, 11))
        )
        return services.book_appointment(
            service=service,
            consultant=consultant,
            start=start,
            name="X",
            email="",
            question="Pytanie",
            user=racers[index],
            organization_name="Fundacja",
        ).status

    outcomes = race(attempt, RACERS)

    assert outcomes.count("booked") == 1
    assert outcomes.count("SlotTaken") == RACERS - 1
    assert Appointment.objects.holding().count() == 1


@pytest.mark.django_db(transaction=True)
def test_concurrent_api_bookings_of_one_slot(racers, first_contact, consultant, live_server):
    start = at(working_monday(), 11)
    secrets = [create_api_token(user=user, name="Wyścig")[1] for user in racers]
    body = json.dumps(
        {
            "service": first_contact.slug,
            "consultant": consultant.pk,
            "start": start.isoformat(),
            "question": "Pytanie",
        }
    ).encode()

    def post(index: int) -> int:
        request = urllib.request.Request(
            f"{live_server.url}/api/v1/consulting/appointments",
            data=body,
            method="POST",
            headers={
                "Authorization": f"Bearer {secrets[index]}",
                "Content-Type": "application/json",
            },
        )
        try:
            with urllib.request.urlopen(request, timeout=60) as response:
                return response.status
        except urllib.error.HTTPError as error:
            return error.code

    outcomes = race(post, RACERS)

    assert sorted(outcomes) == [201] + [409] * (RACERS - 1)
    assert Appointment.objects.holding().count() == 1
