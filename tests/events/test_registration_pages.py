"""Registration pages for every persona: the form, the guests' links, the attendee list."""

import csv
import io

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from pomyslowice.events import registration_services as services
from pomyslowice.events.models import Event, Registration
from pomyslowice.organizations.models import SupportRecord
from tests.conftest import PERSONAS, create_user
from tests.events.test_registration_services import make_training

# events.change_registration, plus the organiser's active representative
MANAGERS = {"coordinator", "ngo_caretaker", "representative"}
Status = Registration.Status


@pytest.fixture
def training(organization):
    return make_training(capacity=1, organizer=organization)


def register_guest(event: Event, email: str = "gosc@example.org", name="Gość Testowy"):
    return services.register(event=event, name=name, email=email)


def confirmed_guest(event: Event, email: str = "gosc@example.org") -> Registration:
    registration = register_guest(event, email)
    services.confirm_guest_registration(registration=registration)
    registration.refresh_from_db()
    return registration


# --- registering -------------------------------------------------------------------------------


@pytest.mark.parametrize("persona", PERSONAS)
def test_everyone_may_register(client_for, users, persona, training):
    client = client_for(persona)
    assert client.get(f"/wydarzenia/{training.slug}/zapisz/").status_code == 200

    response = client.post(
        f"/en/wydarzenia/{training.slug}/zapisz/",
        {"name": "Ktoś", "email": "ktos@example.org", "needs": "Pętla indukcyjna"},
    )

    assert (
        response.status_code == 302 and response["Location"] == f"/en/wydarzenia/{training.slug}/"
    )
    registration = Registration.objects.get()
    assert registration.needs == "Pętla indukcyjna"
    if persona == "anonymous":
        assert registration.status == Status.UNCONFIRMED
        assert registration.email == "ktos@example.org"
    else:
        # A logged-in user registers with the account's address, whatever the form says.
        assert registration.status == Status.CONFIRMED
        assert (registration.user, registration.email) == (users[persona], users[persona].email)


def test_result_messages(client, users, training, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/en/wydarzenia/{training.slug}/zapisz/",
            {"name": "Gość", "email": "gosc@example.org"},
            follow=True,
        )
    assert "check your inbox" in response.text
    assert mail.outbox[0].to == ["gosc@example.org"]

    client.force_login(users["resident"])
    response = client.post(f"/en/wydarzenia/{training.slug}/zapisz/", {"name": "J"}, follow=True)
    assert "Your place is confirmed" in response.text
    assert "You are registered. Status: confirmed." in response.text
    client.force_login(users["volunteer"])
    response = client.post(f"/en/wydarzenia/{training.slug}/zapisz/", {"name": "W"}, follow=True)
    assert "you are on the waitlist" in response.text


def test_form_follows_the_event_settings(client_for, organization):
    event = make_training(
        registration_asks_needs=False, registration_consent_text="Zgadzam się na zdjęcia."
    )
    response = client_for("representative").get(f"/en/wydarzenia/{event.slug}/zapisz/")
    form = response.context["form"]
    assert list(form.fields) == ["name", "email", "organization", "organization_name", "consent"]
    assert list(form.fields["organization"].queryset) == [organization]
    assert form.fields["email"].disabled
    assert "Zgadzam się na zdjęcia." in response.text

    response = client_for("anonymous").post(
        f"/en/wydarzenia/{event.slug}/zapisz/", {"name": "Gość", "email": "gosc@example.org"}
    )
    assert response.status_code == 200
    assert "This field is required." in response.text
    assert not Registration.objects.exists()


def test_duplicate_and_invalid_input_are_shown(client, training):
    register_guest(training)
    response = client.post(
        f"/en/wydarzenia/{training.slug}/zapisz/", {"name": "Gość", "email": "gosc@example.org"}
    )
    assert response.status_code == 200
    assert "already registered for this event" in response.text
    response = client.post(f"/en/wydarzenia/{training.slug}/zapisz/", {"email": "nie-email"})
    assert "Enter a valid email address." in response.text
    assert Registration.objects.count() == 1


def test_closed_registration_says_so(client, organization):
    event = make_training(registration_enabled=False)
    assert "registration-heading" not in client.get(f"/en/wydarzenia/{event.slug}/").text
    closed = make_training("Po terminie", registration_closes=timezone.now())
    assert "Registration is closed." in client.get(f"/en/wydarzenia/{closed.slug}/").text
    response = client.post(
        f"/en/wydarzenia/{event.slug}/zapisz/", {"name": "Gość", "email": "gosc@example.org"}
    )
    assert response.status_code == 400
    assert "This event does not take registrations." in response.text
    assert not Registration.objects.exists()


def test_hidden_event_cannot_be_registered_for(client, organization):
    event = make_training(status=Event.Status.SUBMITTED)
    assert client.get(f"/wydarzenia/{event.slug}/zapisz/").status_code == 404


def test_detail_panel(client_for, users, training):
    client = client_for("resident")
    assert "1 seat left." in client.get(f"/en/wydarzenia/{training.slug}/").text
    services.register(event=training, name="R", email="", user=users["resident"])
    response = client.get(f"/en/wydarzenia/{training.slug}/")
    assert "You are registered. Status: confirmed." in response.text
    assert "Cancel my registration" in response.text
    response = client_for("volunteer").get(f"/en/wydarzenia/{training.slug}/")
    assert "All seats are taken; you can join the waitlist." in response.text
    assert "Join the waitlist" in response.text and "Participants" not in response.text
    assert (
        "Participants" in client_for("representative").get(f"/en/wydarzenia/{training.slug}/").text
    )


def test_logged_in_user_cancels_from_the_event_page(client_for, users, training):
    mine = services.register(event=training, name="R", email="", user=users["resident"])
    client = client_for("resident")
    response = client.get(f"/en/wydarzenia/{training.slug}/")
    action = response.context["state"]["cancel_token"]
    response = client.post(f"/en/wydarzenia/zapisy/{action}/", follow=True)
    assert "Your registration is cancelled." in response.text
    mine.refresh_from_db()
    assert mine.status == Status.CANCELLED


# --- guests' links -----------------------------------------------------------------------------


def test_guest_confirms_with_a_post_not_a_get(client, training):
    registration = register_guest(training)
    token = services.make_token(registration)
    response = client.get(f"/en/wydarzenia/zapisy/{token}/potwierdz/")
    assert response.status_code == 200
    assert "Confirm my registration" in response.text
    registration.refresh_from_db()
    assert registration.status == Status.UNCONFIRMED

    response = client.post(f"/en/wydarzenia/zapisy/{token}/potwierdz/", follow=True)
    assert "Confirmed" in response.text
    registration.refresh_from_db()
    assert registration.status == Status.CONFIRMED
    # Following the link again only shows the registration.
    response = client.get(f"/en/wydarzenia/zapisy/{token}/potwierdz/")
    assert response.status_code == 302


def test_guest_cancels_and_the_waitlist_moves(client, training, django_capture_on_commit_callbacks):
    guest = confirmed_guest(training)
    waiting = confirmed_guest(training, "drugi@example.org")
    assert waiting.status == Status.WAITLISTED
    token = services.make_token(guest)
    response = client.get(f"/en/wydarzenia/zapisy/{token}/")
    assert "Cancel my registration" in response.text

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/en/wydarzenia/zapisy/{token}/", follow=True)

    assert "Your registration is cancelled." in response.text
    assert "Cancel my registration" not in response.text
    waiting.refresh_from_db()
    assert waiting.status == Status.CONFIRMED
    assert mail.outbox[-1].to == ["drugi@example.org"]


@pytest.mark.parametrize("suffix", ["", "potwierdz/"])
@pytest.mark.parametrize("token", ["nonsense", "1:1vVX2a:abcdefghijklmnopqrstuvwxyz0"])
def test_forged_links_are_a_clear_400(client, training, token, suffix):
    register_guest(training)
    for method in (client.get, client.post):
        response = method(f"/en/wydarzenia/zapisy/{token}/{suffix}")
        assert response.status_code == 400
        assert "This link is not valid" in response.text
    assert Registration.objects.get().status == Status.UNCONFIRMED


# --- the organisers' side ----------------------------------------------------------------------


@pytest.mark.parametrize("persona", PERSONAS)
def test_attendee_pages_for_every_persona(client_for, persona, training):
    registration = confirmed_guest(training)
    client = client_for(persona)
    pages = [
        client.get(f"/en/wydarzenia/{training.slug}/uczestnicy/"),
        client.get(f"/en/wydarzenia/{training.slug}/uczestnicy.csv"),
        client.get(f"/en/wydarzenia/{training.slug}/zapisy/ustawienia/"),
        client.post(
            f"/en/wydarzenia/{training.slug}/uczestnicy/{registration.pk}/obecnosc/",
            {"attended": "on"},
        ),
    ]
    registration.refresh_from_db()
    if persona == "anonymous":
        assert all(page.status_code == 302 for page in pages)
        assert reverse("account_login") in pages[0]["Location"]
    elif persona in MANAGERS:
        assert [page.status_code for page in pages] == [200, 200, 200, 302]
    else:
        assert [page.status_code for page in pages] == [403] * 4
    assert registration.attended is (persona in MANAGERS)
    assert SupportRecord.objects.exists() is (persona in MANAGERS)


@pytest.mark.parametrize("persona", PERSONAS)
def test_approve_and_close_only_for_organisers(client_for, persona, organization):
    event = make_training(organizer=organization, registration_needs_confirmation=True)
    registration = confirmed_guest(event)
    client = client_for(persona)
    client.post(f"/wydarzenia/{event.slug}/uczestnicy/{registration.pk}/zatwierdz/")
    client.post(f"/wydarzenia/{event.slug}/zapisy/zamknij/")
    registration.refresh_from_db(), event.refresh_from_db()
    if persona in MANAGERS:
        assert registration.status == Status.CONFIRMED
        assert services.registration_problem(event) == "Zapisy są zamknięte."
    else:
        assert registration.status == Status.PENDING
        assert services.registration_problem(event) is None


def test_representative_of_another_organisation_gets_403(client_for, training, users):
    response = client_for("representative_other_org").get(
        f"/en/wydarzenia/{training.slug}/uczestnicy/"
    )
    assert response.status_code == 403


def test_settings_page_saves_through_the_service(client_for, training):
    response = client_for("representative").post(
        f"/en/wydarzenia/{training.slug}/zapisy/ustawienia/",
        {
            "registration_enabled": "on",
            "capacity": "10",
            "registration_asks_needs": "on",
            "registration_consent_text": "Zgoda na zdjęcia.",
        },
    )
    assert response.status_code == 302
    training.refresh_from_db()
    assert training.capacity == 10 and training.registration_consent_text == "Zgoda na zdjęcia."
    assert training.registration_asks_organization is False


def test_attendee_list_and_counts(client_for, training, organization):
    confirmed_guest(training, "pierwszy@example.org")
    confirmed_guest(training, "drugi@example.org")
    cancelled = register_guest(training, "trzeci@example.org")
    services.cancel_registration(registration=cancelled)
    register_guest(training, "czwarty@example.org")
    response = client_for("coordinator").get(f"/en/wydarzenia/{training.slug}/uczestnicy/")
    counts = response.context["counts"]
    assert (counts["confirmed"], counts["waitlisted"], counts["cancelled"]) == (1, 1, 1)
    assert (counts["pending"], counts["unconfirmed"]) == (0, 1)
    assert "events/attendees.css" in response.text
    assert "Mark Gość Testowy as present" in response.text
    assert "pierwszy@example.org" in response.text and "Download CSV" in response.text


def test_csv_export(client_for, training, organization, users):
    services.register(
        event=training,
        name="Piotr Żółć",
        email="",
        user=users["representative"],
        organization=organization,
        needs="Dieta wegańska",
    )
    register_guest(training, "gosc@example.org")
    response = client_for("coordinator").get(f"/en/wydarzenia/{training.slug}/uczestnicy.csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert f"{training.slug}-uczestnicy.csv" in response["Content-Disposition"]
    assert response.content.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == [
        "Full name",
        "E-mail",
        "Organisation",
        "Needs",
        "Status",
        "Attended",
        "Registered",
    ]
    assert rows[1][:6] == [
        "Piotr Żółć",
        users["representative"].email,
        organization.name,
        "Dieta wegańska",
        "confirmed",
        "no",
    ]
    assert rows[2][1] == "gosc@example.org" and rows[2][4] == "e-mail not confirmed yet"
    polish = client_for("coordinator").get(f"/wydarzenia/{training.slug}/uczestnicy.csv")
    assert polish.status_code == 200


@pytest.mark.parametrize("count", [5, 50])
def test_attendee_list_queries_do_not_grow(
    client_for, organization, count, django_assert_max_num_queries
):
    event = make_training(capacity=None, organizer=organization)
    for i in range(count):
        user = create_user(f"uczestnik{i}@example.org")
        services.register(event=event, name=f"U{i}", email="", user=user, organization=organization)
    client = client_for("coordinator")
    with django_assert_max_num_queries(12):
        response = client.get(f"/en/wydarzenia/{event.slug}/uczestnicy/")
    assert len(response.context["registrations"]) == count
    with django_assert_max_num_queries(10):
        client.get(f"/en/wydarzenia/{event.slug}/uczestnicy.csv")
