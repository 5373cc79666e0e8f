"""Messages to participants: the day-before reminder, the staff's message, the cancellation."""

import datetime
import io

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from pomyslowice.core.models import AuditLogEntry
from pomyslowice.events import feedback_services
from pomyslowice.events import registration_services as services
from pomyslowice.events.models import Registration
from pomyslowice.events.services import cancel_event
from tests.conftest import PERSONAS
from tests.events.conftest import at
from tests.events.test_registration_pages import MANAGERS, confirmed_guest, register_guest
from tests.events.test_registration_services import make_training

NOW = at(2030, 3, 9, 18, 0)  # Warsaw time; "tomorrow" is 10 March


@pytest.fixture
def people(organization):
    """A training with one seat: a confirmed guest, a waitlisted one and a cancelled one."""
    event = make_training(capacity=1, organizer=organization)
    confirmed = confirmed_guest(event, "pierwszy@example.org")
    waiting = confirmed_guest(event, "drugi@example.org")
    cancelled = register_guest(event, "trzeci@example.org")
    services.cancel_registration(registration=cancelled)
    register_guest(event, "niepotwierdzony@example.org")
    assert (confirmed.status, waiting.status) == ("confirmed", "waitlisted")
    return event


def starting(event, moment) -> None:
    type(event).objects.filter(pk=event.pk).update(
        start=moment, end=moment + timezone.timedelta(hours=2)
    )


def test_reminders_go_once_to_confirmed_participants_of_tomorrows_events(
    people, organization, django_capture_on_commit_callbacks
):
    starting(people, at(2030, 3, 10, 0, 30))
    later = make_training("Pojutrze", organizer=organization, start=at(2030, 3, 11, 0, 0))
    confirmed_guest(later, "pojutrze@example.org")
    today = make_training("Dzis", organizer=organization, start=at(2030, 3, 9, 23, 30))
    confirmed_guest(today, "dzis@example.org")
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        assert feedback_services.send_event_reminders(now=NOW) == 1
    with django_capture_on_commit_callbacks(execute=True):
        assert feedback_services.send_event_reminders(now=NOW) == 0

    assert [message.to for message in mail.outbox] == [["pierwszy@example.org"]]
    assert people.title in mail.outbox[0].subject
    reminded = Registration.objects.exclude(reminded_at=None)
    assert list(reminded.values_list("email", flat=True)) == ["pierwszy@example.org"]


def test_cancelled_event_gets_no_reminder(users, people):
    starting(people, at(2030, 3, 10, 10, 0))
    cancel_event(event=people, by=users["coordinator"], note="Choroba prowadzącego")
    assert feedback_services.send_event_reminders(now=NOW) == 0


def test_command_prints_the_count(people, django_capture_on_commit_callbacks):
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    starting(people, timezone.make_aware(datetime.datetime.combine(tomorrow, datetime.time(10))))
    mail.outbox.clear()
    out = io.StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_event_reminders", stdout=out)
        call_command("send_event_reminders", stdout=out)
    assert out.getvalue() == "Event reminders sent: 1\nEvent reminders sent: 0\n"
    assert len(mail.outbox) == 1


@pytest.mark.parametrize("persona", PERSONAS)
def test_message_to_everyone_registered_for_every_persona(
    client_for, persona, people, django_capture_on_commit_callbacks
):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(persona).post(
            f"/en/wydarzenia/{people.slug}/uczestnicy/wiadomosc/",
            {"subject": "Zmiana sali", "body": "Spotykamy się w sali 5."},
        )
    if persona == "anonymous":
        assert response.status_code == 302 and "/konto/" in response["Location"]
    elif persona in MANAGERS:
        assert response.status_code == 302
    else:
        assert response.status_code == 403
    if persona in MANAGERS:
        assert sorted(message.to[0] for message in mail.outbox) == [
            "drugi@example.org",
            "pierwszy@example.org",
        ]
        assert mail.outbox[0].subject == f"{people.title}: Zmiana sali"
        assert "Spotykamy się w sali 5." in mail.outbox[0].body
        entry = AuditLogEntry.objects.get(verb="events.registration.message")
        assert entry.data == {"subject": "Zmiana sali", "count": 2}
    else:
        assert mail.outbox == []
        assert not AuditLogEntry.objects.filter(verb="events.registration.message").exists()


def test_message_form_errors_are_shown(client_for, people):
    mail.outbox.clear()
    response = client_for("representative").post(
        f"/en/wydarzenia/{people.slug}/uczestnicy/wiadomosc/", {"subject": " ", "body": ""}
    )
    assert response.status_code == 400
    assert "This field is required." in response.text
    assert response.context["message_form"].errors.keys() == {"subject", "body"}
    assert mail.outbox == []
    page = client_for("representative").get(f"/en/wydarzenia/{people.slug}/uczestnicy/")
    assert "Message to everyone registered" in page.text


def test_cancelling_the_event_tells_everyone_registered(
    users, people, django_capture_on_commit_callbacks
):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        cancel_event(event=people, by=users["coordinator"], note="Choroba prowadzącego")
    # The submitter is nobody here, so every e-mail is to a registered person, cancelled excluded.
    assert sorted(message.to[0] for message in mail.outbox) == [
        "drugi@example.org",
        "niepotwierdzony@example.org",
        "pierwszy@example.org",
    ]
    notice = next(m for m in mail.outbox if m.to == ["pierwszy@example.org"])
    assert "Choroba prowadzącego" in notice.body
