"""Booking rules, guest confirmation, cancelling, moving, outcomes and reminders."""

import datetime
import re

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core import mail, signing
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.utils import timezone
from icalendar import Calendar

from pomyslowice.centre import consulting_services as services
from pomyslowice.centre.consulting_ical import build_invitation
from pomyslowice.centre.consulting_slots import free_slots
from pomyslowice.centre.models import Appointment, AvailabilityException, ConsultingService
from pomyslowice.core.models import AuditLogEntry
from pomyslowice.organizations.models import SupportRecord
from tests.centre.consulting.conftest import at, book, make_past

Status = Appointment.Status


def ics_events(message) -> list:
    (attachment,) = [a for a in message.attachments if a[0].endswith(".ics")]
    calendar = Calendar.from_ical(attachment[1])
    return calendar, list(calendar.walk("VEVENT"))


def test_a_logged_in_user_books_at_once_with_an_invitation(
    users, first_contact, consultant, monday, django_capture_on_commit_callbacks
):
    resident = users["resident"]
    with django_capture_on_commit_callbacks(execute=True):
        appointment = book(first_contact, consultant, at(monday, 11), user=resident, email="x@y.z")

    assert appointment.status == Status.BOOKED
    assert appointment.email == resident.email  # the account's address, not the typed one
    assert appointment.end - appointment.start == datetime.timedelta(minutes=30)
    client_mail, consultant_mail = mail.outbox
    assert client_mail.to == [resident.email] and consultant_mail.to == [consultant.user.email]
    calendar, (event,) = ics_events(client_mail)
    assert str(calendar["method"]) == "REQUEST"
    assert event.decoded("dtstart") == at(monday, 11)
    assert event.decoded("dtend") == at(monday, 11, 30)
    assert int(event["sequence"]) == 0
    assert AuditLogEntry.objects.filter(verb="centre.appointment.booked").count() == 1


def test_a_guest_confirms_through_the_signed_link(
    first_contact, consultant, monday, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        appointment = book(first_contact, consultant, at(monday, 11), email=" Gosc@Example.org ")
    assert appointment.status == Status.UNCONFIRMED
    assert appointment.email == "gosc@example.org"
    (message,) = mail.outbox
    # The token carries its time of signing, so it is read from the message, not made again.
    token = re.search(r"/doradztwo/potwierdz/([^/\s]+)/", message.body).group(1)
    assert not message.attachments

    assert services.appointment_from_token(token) == appointment
    with django_capture_on_commit_callbacks(execute=True):
        services.confirm_appointment(appointment=appointment)
        services.confirm_appointment(appointment=appointment)  # twice changes nothing
    appointment.refresh_from_db()
    assert appointment.status == Status.BOOKED
    assert len(mail.outbox) == 3  # confirmation link, booked (with .ics), consultant's notice
    ics_events(mail.outbox[1])


def test_an_unconfirmed_booking_expires_and_frees_the_slot(first_contact, consultant, monday):
    stale = book(first_contact, consultant, at(monday, 11))
    Appointment.objects.filter(pk=stale.pk).update(
        created_at=timezone.now() - datetime.timedelta(hours=3)
    )
    with pytest.raises(ValidationError) as error:
        services.confirm_appointment(appointment=stale)
    assert error.value.code == "expired"

    again = book(first_contact, consultant, at(monday, 11), email="inny@example.org")
    stale.refresh_from_db()
    assert again.status == Status.UNCONFIRMED
    assert stale.status == Status.CANCELLED


def test_forged_and_expired_tokens_are_refused(first_contact, consultant, monday):
    appointment = book(first_contact, consultant, at(monday, 11))
    token = services.make_token(appointment)
    for bad in ["", "abc", token + "x", signing.TimestampSigner(salt="other").sign("1")]:
        with pytest.raises(services.InvalidToken):
            services.appointment_from_token(bad)
    with pytest.raises(services.InvalidToken):
        services.appointment_from_token(token, max_age=datetime.timedelta(seconds=-1))


@pytest.mark.parametrize(
    ("start", "problem"),
    [
        (lambda monday: at(monday, 10), "outside the hours"),
        (lambda monday: at(monday, 16, 45), "runs past the end"),
        (lambda monday: at(monday, 11, 10), "not aligned"),
        (lambda monday: at(monday + datetime.timedelta(days=1), 11), "a Tuesday"),
        (lambda monday: at(monday - datetime.timedelta(days=14), 11), "in the past"),
        (lambda monday: at(monday + datetime.timedelta(days=70), 11), "too far ahead"),
    ],
)
def test_only_real_free_slots_can_be_booked(first_contact, consultant, monday, start, problem):
    with pytest.raises(services.SlotTaken):
        book(first_contact, consultant, start(monday))
    assert not Appointment.objects.exists()


def test_a_naive_time_is_refused(first_contact, consultant, monday):
    with pytest.raises(ValidationError):
        book(first_contact, consultant, datetime.datetime.combine(monday, datetime.time(11)))


def test_the_same_or_an_overlapping_slot_cannot_be_booked_twice(
    first_contact, legal_advice, consultant, monday
):
    book(first_contact, consultant, at(monday, 11, 30))
    with pytest.raises(services.SlotTaken):
        book(first_contact, consultant, at(monday, 11, 30), email="b@example.org")
    with pytest.raises(services.SlotTaken):  # 11:00–12:00 overlaps 11:30
        book(legal_advice, consultant, at(monday, 11), email="c@example.org")
    assert Appointment.objects.count() == 1


def test_the_database_refuses_a_double_booking_that_skipped_the_check(
    first_contact, consultant, monday, monkeypatch
):
    book(first_contact, consultant, at(monday, 11))
    monkeypatch.setattr(services, "is_free", lambda *args, **kwargs: True)
    with pytest.raises(services.SlotTaken):
        book(first_contact, consultant, at(monday, 11), email="b@example.org")
    assert Appointment.objects.count() == 1


def test_specialist_consulting_needs_an_organisation(
    legal_advice, consultant, monday, organization
):
    with pytest.raises(ValidationError) as error:
        book(legal_advice, consultant, at(monday, 11), organization_name="  ")
    assert "organization" in error.value.message_dict
    assert book(legal_advice, consultant, at(monday, 11), organization=organization).organization
    assert book(legal_advice, consultant, at(monday, 12), organization_name="Klub Seniora")


@pytest.mark.parametrize(
    "fields",
    [
        {"email": "not-an-address"},
        {"name": ""},
        {"question": "   "},
        {"phone": "1" * 41},
    ],
)
def test_bad_details_are_refused_and_nothing_is_saved(first_contact, consultant, monday, fields):
    with pytest.raises(ValidationError):
        book(first_contact, consultant, at(monday, 11), **fields)
    assert not Appointment.objects.exists()


def test_a_consultant_outside_the_service_or_an_inactive_service_is_refused(
    first_contact, consultant, monday
):
    first_contact.consultants.clear()
    with pytest.raises(ValidationError):
        book(first_contact, consultant, at(monday, 11))
    first_contact.consultants.add(consultant)
    ConsultingService.objects.filter(pk=first_contact.pk).update(is_active=False)
    first_contact.refresh_from_db()
    with pytest.raises(ValidationError):
        book(first_contact, consultant, at(monday, 11))


def test_the_client_cancels_and_the_consultant_is_told_with_an_ics_cancel(
    users, first_contact, consultant, monday, django_capture_on_commit_callbacks
):
    appointment = book(first_contact, consultant, at(monday, 11), user=users["resident"])
    with django_capture_on_commit_callbacks(execute=True):
        services.cancel_appointment(appointment=appointment, by=users["resident"], reason="Choroba")
    (message,) = mail.outbox
    assert message.to == [consultant.user.email]
    calendar, (event,) = ics_events(message)
    assert str(calendar["method"]) == "CANCEL" and str(event["status"]) == "CANCELLED"
    appointment.refresh_from_db()
    assert appointment.status == Status.CANCELLED
    assert appointment.cancellation_reason == "Choroba"
    with pytest.raises(ValidationError):
        services.cancel_appointment(appointment=appointment, by=users["resident"])
    # The time is free again.
    assert book(first_contact, consultant, at(monday, 11), email="b@example.org")


def test_the_consultant_cancels_and_the_client_is_told(
    first_contact, consultant, monday, django_capture_on_commit_callbacks
):
    appointment = book(first_contact, consultant, at(monday, 11))
    with django_capture_on_commit_callbacks(execute=True):
        services.cancel_appointment(appointment=appointment, by=consultant.user)
    (message,) = mail.outbox
    assert message.to == ["gosc@example.org"]
    ics_events(message)


def test_moving_keeps_the_calendar_uid_and_raises_the_sequence(
    users, first_contact, consultant, monday, django_capture_on_commit_callbacks
):
    first = book(first_contact, consultant, at(monday, 11), user=users["resident"])
    _, (original,) = ics_events_of_booking(first)
    with django_capture_on_commit_callbacks(execute=True):
        moved = services.reschedule_appointment(
            appointment=first, start=at(monday, 11, 30), by=users["resident"]
        )
        again = services.reschedule_appointment(
            appointment=moved, start=at(monday, 14), by=consultant.user
        )
    first.refresh_from_db()
    moved.refresh_from_db()
    assert first.status == moved.status == Status.CANCELLED
    assert again.status == Status.BOOKED and again.rescheduled_from == moved
    assert [m.to for m in mail.outbox] == [
        [users["resident"].email],
        [consultant.user.email],
    ] * 2
    _, (event,) = ics_events(mail.outbox[-1])
    assert str(event["uid"]) == str(original["uid"])
    assert int(event["sequence"]) == 2
    assert event.decoded("dtstart") == at(monday, 14)
    # The old times are free again.
    assert book(first_contact, consultant, at(monday, 11), email="b@example.org")


def ics_events_of_booking(appointment):
    calendar = Calendar.from_ical(build_invitation(appointment))
    return calendar, list(calendar.walk("VEVENT"))


def test_moving_to_a_taken_time_changes_nothing(first_contact, consultant, monday):
    mine = book(first_contact, consultant, at(monday, 11))
    services.confirm_appointment(appointment=mine)
    book(first_contact, consultant, at(monday, 12), email="b@example.org")
    with pytest.raises(services.SlotTaken):
        services.reschedule_appointment(appointment=mine, start=at(monday, 12), by=None)
    mine.refresh_from_db()
    assert mine.status == Status.BOOKED
    assert Appointment.objects.count() == 2


def test_a_held_consultation_is_support_received_and_a_no_show_is_not(
    users, legal_advice, consultant, monday, organization
):
    appointment = book(
        legal_advice,
        consultant,
        at(monday, 11),
        user=users["representative"],
        organization=organization,
    )
    with pytest.raises(ValidationError):  # not yet started
        services.record_outcome(appointment=appointment, by=consultant.user, held=True)
    make_past(appointment)
    services.record_outcome(
        appointment=appointment,
        by=consultant.user,
        held=True,
        topics="Statut stowarzyszenia",
        staff_notes="Potrzebna pomoc z KRS",
        follow_up="Wysłać wzór statutu",
        follow_up_date=monday,
    )
    record = SupportRecord.objects.get(
        kind=SupportRecord.Kind.CONSULTATION,
        source_type=ContentType.objects.get_for_model(Appointment),
        source_id=str(appointment.pk),
    )
    assert record.organization == organization and record.person == users["representative"]
    assert record.summary == "Statut stowarzyszenia"
    services.record_outcome(appointment=appointment, by=consultant.user, held=True, topics="X")
    assert SupportRecord.objects.count() == 1
    services.record_outcome(appointment=appointment, by=consultant.user, held=False)
    appointment.refresh_from_db()
    assert appointment.status == Status.NO_SHOW
    assert not SupportRecord.objects.exists()


def test_no_outcome_for_a_cancelled_appointment(first_contact, consultant, monday):
    appointment = book(first_contact, consultant, at(monday, 11))
    services.cancel_appointment(appointment=appointment, by=None)
    make_past(appointment)
    with pytest.raises(ValidationError):
        services.record_outcome(appointment=appointment, by=consultant.user, held=True)


def test_reminders_go_once_the_day_before(
    first_contact, consultant, monday, django_capture_on_commit_callbacks
):
    tomorrow_booking = book(first_contact, consultant, at(monday, 11))
    services.confirm_appointment(appointment=tomorrow_booking)
    later = book(first_contact, consultant, at(monday + datetime.timedelta(days=7), 11))
    services.confirm_appointment(appointment=later)
    book(first_contact, consultant, at(monday, 12), email="niepotwierdzony@example.org")
    mail.outbox.clear()
    sunday_evening = at(monday - datetime.timedelta(days=1), 20)
    with django_capture_on_commit_callbacks(execute=True):
        assert services.send_reminders(now=sunday_evening) == 1
        assert services.send_reminders(now=sunday_evening) == 0
    (message,) = mail.outbox
    assert message.to == ["gosc@example.org"]
    token = re.search(r"/doradztwo/[^\s]*?/([^/\s]+:[^/\s]+)/", message.body).group(1)
    assert services.appointment_from_token(token) == tomorrow_booking


def test_the_reminder_command_runs(first_contact, consultant, capsys):
    call_command("send_consultation_reminders")
    assert "0" in capsys.readouterr().out


def test_exceptions_are_added_and_removed(consultant, first_contact, monday):
    exception = services.add_availability_exception(
        consultant=consultant,
        by=consultant.user,
        exception=AvailabilityException(date=monday, kind=AvailabilityException.Kind.UNAVAILABLE),
    )
    assert free_slots(first_contact, monday, monday) == []
    services.remove_availability_exception(exception=exception, by=consultant.user)
    assert len(free_slots(first_contact, monday, monday)) == 12
