"""The consulting API: services and slots are public; booking and listing need a token."""

import datetime

import pytest

from pomyslowice.accounts.tokens import create_api_token
from pomyslowice.centre.models import Appointment
from tests.centre.consulting.conftest import at, book
from tests.conftest import PERSONAS


@pytest.fixture(autouse=True)
def english_by_default(settings):
    settings.LANGUAGE_CODE = "en"


def token_of(user) -> str:
    return create_api_token(user=user, name="Test")[1]


def post(client, secret=None, **body):
    headers = {"HTTP_AUTHORIZATION": f"Bearer {secret}"} if secret else {}
    return client.post(
        "/api/v1/consulting/appointments", body, content_type="application/json", **headers
    )


def test_services_are_listed(client, first_contact, legal_advice, consultant):
    response = client.get("/api/v1/consulting/services")
    assert response.status_code == 200
    by_slug = {item["slug"]: item for item in response.json()}
    assert by_slug["doradztwo-prawne"]["organization_required"] is True
    assert by_slug["porada-pierwszego-kontaktu"]["duration_minutes"] == 30
    assert by_slug["doradztwo-prawne"]["consultants"] == [
        {"id": consultant.pk, "name": "Dorota Doradczyni"}
    ]


def test_slots_of_a_range(client, legal_advice, monday, django_assert_max_num_queries):
    book(legal_advice, legal_advice.consultants.get(), at(monday, 12))
    with django_assert_max_num_queries(6):
        response = client.get(
            f"/api/v1/consulting/services/{legal_advice.slug}/slots",
            {"from": monday.isoformat(), "to": (monday + datetime.timedelta(days=20)).isoformat()},
        )
    assert response.status_code == 200
    slots = response.json()
    assert slots[0]["start"] == at(monday, 11).isoformat()
    assert at(monday, 12).isoformat() not in [slot["start"] for slot in slots]
    assert len(slots) == 6 * 3 - 1


@pytest.mark.parametrize(
    "query",
    [
        {"from": "2030-13-01"},
        {"from": "nonsense"},
        {"from": "2030-01-10", "to": "2030-01-01"},
        {"from": "2030-01-01", "to": "2030-03-01"},
    ],
)
def test_bad_slot_ranges_are_400(client, first_contact, query):
    response = client.get(f"/api/v1/consulting/services/{first_contact.slug}/slots", query)
    assert response.status_code == 400
    assert response.json()["detail"]


def test_slots_of_an_unknown_service_are_404(client, db):
    assert client.get("/api/v1/consulting/services/nie-ma/slots").status_code == 404


def test_booking_needs_a_token(client, first_contact, consultant, monday):
    body = {"service": first_contact.slug, "consultant": consultant.pk, "question": "?"}
    response = post(client, **body, start=at(monday, 11).isoformat())
    assert response.status_code == 401
    assert post(client, "wrong", **body, start=at(monday, 11).isoformat()).status_code == 401
    assert not Appointment.objects.exists()


def test_booking_201_then_409(client, users, legal_advice, consultant, monday, organization):
    body = {
        "service": legal_advice.slug,
        "consultant": consultant.pk,
        "start": at(monday, 11).isoformat(),
        "question": "Statut",
        "organization": organization.slug,
    }
    response = post(client, token_of(users["representative"]), **body)
    assert response.status_code == 201, response.json()
    appointment = Appointment.objects.get()
    assert response.json()["id"] == appointment.pk
    assert response.json()["status"] == "booked"
    assert appointment.organization == organization and appointment.user == users["representative"]

    again = post(
        client,
        token_of(users["resident"]),
        **{**body, "organization": None, "organization_name": "Klub"},
    )
    assert again.status_code == 409
    assert "no longer free" in again.json()["detail"]


@pytest.mark.parametrize(
    ("change", "status"),
    [
        ({"service": "nie-ma"}, 404),
        ({"consultant": 99999}, 400),
        ({"start": "2030-01-07T11:00:00"}, 400),
        ({"start": "nonsense"}, 400),
        ({"question": ""}, 400),
        ({"organization": "someone-elses"}, 400),
        ({"organization": None, "organization_name": ""}, 400),  # specialist needs one
    ],
)
def test_bad_bookings(
    client, users, legal_advice, consultant, monday, organization, change, status
):
    body = {
        "service": legal_advice.slug,
        "consultant": consultant.pk,
        "start": at(monday, 11).isoformat(),
        "question": "Statut",
        "organization": organization.slug,
        **change,
    }
    response = post(client, token_of(users["representative"]), **body)
    assert response.status_code == status
    assert response.json()["detail"]
    assert not Appointment.objects.exists()


def test_booking_for_another_organisation_is_refused(
    client, users, legal_advice, consultant, monday, other_organization
):
    response = post(
        client,
        token_of(users["representative"]),
        service=legal_advice.slug,
        consultant=consultant.pk,
        start=at(monday, 11).isoformat(),
        question="?",
        organization=other_organization.slug,
    )
    assert response.status_code == 400


@pytest.mark.parametrize("persona", [p for p in PERSONAS if p != "anonymous"])
def test_each_persona_lists_only_their_own_appointments(
    client, users, persona, first_contact, consultant, monday
):
    book(first_contact, consultant, at(monday, 11), user=users["resident"])
    book(first_contact, consultant, at(monday, 12), email="gosc@example.org")
    response = client.get(
        "/api/v1/consulting/appointments",
        HTTP_AUTHORIZATION=f"Bearer {token_of(users[persona])}",
    )
    assert response.status_code == 200
    assert len(response.json()) == (1 if persona == "resident" else 0)


def test_listing_needs_a_token(client):
    assert client.get("/api/v1/consulting/appointments").status_code == 401
