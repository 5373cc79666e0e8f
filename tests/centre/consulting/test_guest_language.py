"""A guest has no account to keep a language in: the appointment keeps the one they booked in,
and every later e-mail uses it, whoever on the staff triggers it and in whatever language."""

import datetime
import re
import zoneinfo

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import dateformat, timezone, translation
from django.utils.translation import gettext

from pomyslowice.centre import consulting_services as services
from pomyslowice.centre.consulting_forms import slot_value
from pomyslowice.centre.consulting_slots import Slot
from pomyslowice.centre.models import Appointment
from tests.centre.consulting.conftest import at, book

GUEST = "gosc@example.org"
WARSAW = zoneinfo.ZoneInfo("Europe/Warsaw")


def subject(msgid: str, appointment: Appointment, *, language: str, when: str) -> str:
    with translation.override(language):
        return gettext(msgid) % {
            "service": appointment.service.name,
            "when": dateformat.format(timezone.localtime(appointment.start, WARSAW), when),
        }


def cancelled(appointment, language):
    return subject(
        "Cancelled: %(service)s on %(when)s", appointment, language=language, when="j.m.Y H:i"
    )


def to_guest(message_list):
    (message,) = [message for message in message_list if message.to == [GUEST]]
    return message


def book_in(language: str, service, consultant, start, **fields) -> Appointment:
    with translation.override(language):
        appointment = book(service, consultant, start, **fields)
    services.confirm_appointment(appointment=appointment)
    return appointment


def test_a_guest_booking_on_the_english_page_keeps_english_for_staff_decisions(
    client, client_for, first_contact, consultant, monday, django_capture_on_commit_callbacks
):
    with translation.override("en"):
        book_url = reverse("centre:consulting-book", args=[first_contact.slug])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            book_url,
            {
                "slot": slot_value(Slot(consultant, at(monday, 11), at(monday, 11))),
                "name": "Guest",
                "email": GUEST,
                "question": "How?",
            },
        )
    appointment = Appointment.objects.get()
    assert appointment.language == "en"
    confirm = re.search(r"https?://[^/]+(/\S*potwierdz/\S+/)", mail.outbox[0].body).group(1)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(confirm)
    mail.outbox.clear()

    # The coordinator works in Polish.
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for("coordinator").post(
            reverse("centre:consulting-cancel", args=[appointment.pk]), {"reason": "Choroba"}
        )
    assert response.status_code == 302
    appointment.refresh_from_db()
    assert appointment.status == Appointment.Status.CANCELLED
    assert to_guest(mail.outbox).subject == cancelled(appointment, "en")
    assert cancelled(appointment, "en") != cancelled(appointment, "pl")


def test_the_reminder_is_in_the_guests_language(
    first_contact, consultant, monday, django_capture_on_commit_callbacks
):
    appointment = book_in("en", first_contact, consultant, at(monday, 11))
    mail.outbox.clear()
    sunday_evening = at(monday - datetime.timedelta(days=1), 20)
    with translation.override("pl"), django_capture_on_commit_callbacks(execute=True):
        assert services.send_reminders(now=sunday_evening) == 1
    expected = subject("Tomorrow at %(when)s: %(service)s", appointment, language="en", when="H:i")
    assert to_guest(mail.outbox).subject == expected


def test_a_move_by_the_consultant_keeps_the_language(
    first_contact, consultant, monday, django_capture_on_commit_callbacks
):
    appointment = book_in("uk", first_contact, consultant, at(monday, 11))
    mail.outbox.clear()
    with translation.override("pl"), django_capture_on_commit_callbacks(execute=True):
        moved = services.reschedule_appointment(
            appointment=appointment, start=at(monday, 14), by=consultant.user
        )
    assert moved.language == "uk"
    expected = subject(
        "Moved: %(service)s, now on %(when)s", moved, language="uk", when="j.m.Y H:i"
    )
    assert to_guest(mail.outbox).subject == expected
    # The consultant reads their own account's language, not the guest's.
    (notice,) = [message for message in mail.outbox if message.to == [consultant.user.email]]
    consultant_language = consultant.user.language
    assert notice.subject == subject(
        "Moved: %(service)s, now on %(when)s", moved, language=consultant_language, when="j.m.Y H:i"
    )


def test_an_older_booking_without_a_language_falls_back_to_polish_not_the_staffs(
    first_contact, consultant, monday, django_capture_on_commit_callbacks
):
    appointment = book_in("en", first_contact, consultant, at(monday, 11))
    Appointment.objects.filter(pk=appointment.pk).update(language="")
    appointment.refresh_from_db()
    mail.outbox.clear()
    with translation.override("en"), django_capture_on_commit_callbacks(execute=True):
        services.cancel_appointment(appointment=appointment, by=consultant.user)
    assert to_guest(mail.outbox).subject == cancelled(appointment, "pl")


@pytest.mark.parametrize(("requested", "stored"), [("en-gb", "en"), ("de", "pl"), (None, "uk")])
def test_only_a_supported_language_is_stored(first_contact, consultant, monday, requested, stored):
    with translation.override("uk"):
        appointment = book(first_contact, consultant, at(monday, 11), language=requested)
    assert appointment.language == stored


def test_an_account_language_wins_over_the_page(
    users, first_contact, consultant, monday, django_capture_on_commit_callbacks
):
    resident = users["resident"]
    resident.language = "uk"
    resident.save(update_fields=["language"])
    appointment = book_in("en", first_contact, consultant, at(monday, 11), user=resident)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.cancel_appointment(appointment=appointment, by=consultant.user)
    (message,) = mail.outbox
    assert message.to == [resident.email]
    assert message.subject == cancelled(appointment, "uk")
