"""POST /api/v1/events/{slug}/registrations: the token's owner registers themselves."""

import pytest

from pomyslowice.accounts.tokens import create_api_token
from pomyslowice.events.models import Event, Registration
from tests.events.test_registration_services import make_training


@pytest.fixture(autouse=True)
def english_by_default(settings):
    settings.LANGUAGE_CODE = "en"


@pytest.fixture
def training(organization):
    return make_training(capacity=1, organizer=organization)


def post(client, event, secret=None, **body):
    headers = {"HTTP_AUTHORIZATION": f"Bearer {secret}"} if secret else {}
    return client.post(
        f"/api/v1/events/{event.slug}/registrations",
        body,
        content_type="application/json",
        **headers,
    )


def token_of(user) -> str:
    return create_api_token(user=user, name="Test")[1]


def test_register_then_waitlist_then_duplicate(client, training, users, organization):
    representative = token_of(users["representative"])
    response = post(client, training, representative, organization=organization.slug, needs="Winda")
    assert response.status_code == 201
    registration = Registration.objects.get()
    assert response.json() == {"id": registration.pk, "status": "confirmed"}
    assert (registration.user, registration.organization) == (users["representative"], organization)
    assert registration.needs == "Winda"

    assert post(client, training, token_of(users["resident"])).json()["status"] == "waitlisted"

    response = post(client, training, representative)
    assert response.status_code == 409
    assert "already registered" in response.json()["detail"]


def test_pending_when_staff_confirm(client, users):
    event = make_training(registration_needs_confirmation=True)
    response = post(client, event, token_of(users["resident"]))
    assert response.status_code == 201 and response.json()["status"] == "pending"


def test_organisation_must_be_represented(client, training, users, other_organization):
    response = post(client, training, token_of(users["representative"]), organization="nieznana")
    assert response.status_code == 400
    response = post(
        client, training, token_of(users["representative"]), organization=other_organization.slug
    )
    assert response.status_code == 400
    assert not Registration.objects.exists()


def test_closed_and_consent_are_400(client, users):
    closed = make_training("Zamkniete", registration_enabled=False)
    response = post(client, closed, token_of(users["resident"]))
    assert response.status_code == 400
    assert response.json()["detail"] == "This event does not take registrations."
    consent = make_training("Zgoda", registration_consent_text="Zgadzam się.")
    assert post(client, consent, token_of(users["resident"])).status_code == 400
    assert post(client, consent, token_of(users["volunteer"]), consent=True).status_code == 201


def test_no_token_is_401(client, training):
    response = post(client, training)
    assert response.status_code == 401
    assert "detail" in response.json()
    assert post(client, training, "zly-token").status_code == 401
    assert not Registration.objects.exists()


@pytest.mark.parametrize("status", [Event.Status.SUBMITTED, Event.Status.DRAFT])
def test_unpublished_and_unknown_events_are_404(client, users, status):
    hidden = make_training("Ukryte", status=status)
    assert post(client, hidden, token_of(users["coordinator"])).status_code == 404
    hidden.slug = "nie-ma-takiego"
    assert post(client, hidden, token_of(users["coordinator"])).status_code == 404
