"""Retention periods: the daily `apply_retention` command, with a frozen clock."""

import datetime
import importlib
import sys
import types
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command
from django.db import transaction
from django.urls import reverse
from django.utils import translation

from pomyslowice.accounts.models import User
from pomyslowice.accounts.roles import Role
from pomyslowice.centre.models import Appointment, BookingStatus, EquipmentReservation, RoomBooking
from pomyslowice.core.models import AuditLogEntry
from pomyslowice.events.models import Registration
from pomyslowice.privacy.models import ErasureRecord
from pomyslowice.privacy.registry import email_digest, retention_rules
from pomyslowice.privacy.retention import WARNED_VERB
from tests.centre.conftest import consultant, first_contact, projector, room  # noqa: F401
from tests.conftest import create_user
from tests.events.conftest import make_event

WARSAW = ZoneInfo("Europe/Warsaw")
JOINED = datetime.datetime(2026, 1, 5, 12, 0, tzinfo=WARSAW)
DEADLINE = JOINED + datetime.timedelta(days=730)


def days(n: float) -> datetime.timedelta:
    return datetime.timedelta(days=n)


@pytest.fixture(autouse=True)
def erasure(monkeypatch):
    """A stand-in for privacy.erasure (tested on its own, and it e-mails and walks every data
    source): it records the erasure and deletes the account as the real one does."""

    @transaction.atomic
    def erase_person(*, subject, by, reason, data_request=None):
        record = ErasureRecord.objects.create(
            by=by,
            reason=reason,
            user_id_erased=subject.user.pk if subject.user else None,
            email_digest=subject.email_digest,
            data_request=data_request,
        )
        if subject.user is not None:
            subject.user.delete()
        return record

    try:
        module = importlib.import_module("pomyslowice.privacy.erasure")
    except ImportError:  # not written yet
        module = types.ModuleType("pomyslowice.privacy.erasure")
        monkeypatch.setitem(sys.modules, module.__name__, module)
    monkeypatch.setattr(module, "erase_person", erase_person, raising=False)


@pytest.fixture
def run(django_capture_on_commit_callbacks):
    """Run the command at a frozen moment, sending the e-mails it queues."""

    def run_at(moment: datetime.datetime, *args: str) -> str:
        out = StringIO()
        with (
            time_machine.travel(moment, tick=False),
            translation.override("en"),
            django_capture_on_commit_callbacks(execute=True),
        ):
            call_command("apply_retention", *args, stdout=out)
        return out.getvalue()

    return run_at


@pytest.fixture
def person(db):
    with time_machine.travel(JOINED, tick=False):
        return create_user("dawny.uczestnik@example.org", first_name="Jan")


def exists(user) -> bool:
    return User.objects.filter(pk=user.pk).exists()


def test_warnings_exactly_30_and_7_days_before_each_sent_once(run, person):
    run(DEADLINE - days(30) - datetime.timedelta(seconds=1))
    assert mail.outbox == []

    run(DEADLINE - days(30))
    run(DEADLINE - days(30))
    assert [message.to for message in mail.outbox] == [[person.email]]
    assert reverse("account_login") in mail.outbox[0].body
    assert "5.01.2028" in mail.outbox[0].body  # the deletion date, two years after the last visit

    run(DEADLINE - days(8))
    assert len(mail.outbox) == 1
    run(DEADLINE - days(7))
    run(DEADLINE - days(7))
    assert len(mail.outbox) == 2
    warned = AuditLogEntry.objects.for_object(person).filter(verb=WARNED_VERB)
    assert sorted(entry.data["days"] for entry in warned) == [7, 30]
    assert exists(person)


def test_no_deletion_before_the_date_and_deletion_on_it(run, person):
    run(DEADLINE - days(30))
    run(DEADLINE - days(7))
    run(DEADLINE - datetime.timedelta(minutes=1))
    assert exists(person)
    assert not ErasureRecord.objects.exists()

    output = run(DEADLINE)
    assert not exists(person)
    record = ErasureRecord.objects.get()
    assert record.reason == ErasureRecord.Reason.RETENTION
    assert record.user_id_erased == person.pk
    assert record.email_digest == email_digest(person.email)
    assert "1 records" in output

    run(DEADLINE + days(1))
    assert ErasureRecord.objects.count() == 1


def test_logging_in_resets_the_clock(run, person):
    run(DEADLINE - days(30))
    logged_in = DEADLINE - days(20)
    User.objects.filter(pk=person.pk).update(last_login=logged_in)

    run(DEADLINE - days(7))
    run(DEADLINE + days(1))
    assert exists(person)
    assert len(mail.outbox) == 1

    new_deadline = logged_in + days(730)
    run(new_deadline - days(30))
    assert len(mail.outbox) == 2
    run(new_deadline - days(7))
    run(new_deadline)
    assert not exists(person)


def test_a_late_run_warns_first_and_deletes_7_days_after_the_warning(run, person):
    run(DEADLINE + days(10))
    assert exists(person)
    assert len(mail.outbox) == 1  # only the most urgent warning, not both
    assert AuditLogEntry.objects.get(verb=WARNED_VERB).data["days"] == 7

    run(DEADLINE + days(17) - datetime.timedelta(minutes=1))
    assert exists(person)
    run(DEADLINE + days(17))
    assert not exists(person)


def test_staff_and_superusers_never_expire(run, users):
    with time_machine.travel(JOINED, tick=False):
        admin = User.objects.create_superuser("operator@example.org", "x")
        coordinator = create_user("koordynatorka@example.org", role=Role.COORDINATOR)
    User.objects.filter(pk__in=[admin.pk, users["coordinator"].pk]).update(
        date_joined=JOINED, last_login=None
    )
    for moment in (DEADLINE - days(30), DEADLINE - days(7), DEADLINE + days(30)):
        run(moment)
    assert User.objects.filter(pk__in=[admin.pk, coordinator.pk]).count() == 2
    assert exists(users["coordinator"])
    staff_emails = {admin.email, coordinator.email, users["coordinator"].email}
    assert not [m for m in mail.outbox if set(m.to) & staff_emails]


def test_dry_run_changes_nothing(run, person):
    output = run(DEADLINE + days(30), "--dry-run")
    assert "Inactive accounts: 0 records" in output
    assert exists(person)
    assert mail.outbox == []
    assert not AuditLogEntry.objects.filter(verb=WARNED_VERB).exists()


# --- events ------------------------------------------------------------------------------------


@pytest.fixture
def past_event(db):
    with time_machine.travel(JOINED, tick=False):
        return make_event("Szkolenie z RODO", start=JOINED + days(1))


def register(event, **fields) -> Registration:
    fields.setdefault("status", Registration.Status.CONFIRMED)
    with time_machine.travel(JOINED, tick=False):
        return Registration.objects.create(event=event, **fields)


def test_guest_registrations_are_anonymised_after_the_period(run, past_event, users):
    guest = register(past_event, name="Anna Gość", email="anna@example.org", needs="winda")
    other = register(past_event, name="Piotr Gość", email="piotr@example.org", attended=True)
    member = register(
        past_event, user=users["resident"], name="Rezydent", email=users["resident"].email
    )
    after_event = past_event.end + days(365)

    run(after_event - datetime.timedelta(minutes=1))
    guest.refresh_from_db()
    assert guest.email == "anna@example.org"

    output = run(after_event + datetime.timedelta(minutes=1))
    assert "2 records" in output
    guest.refresh_from_db()
    other.refresh_from_db()
    member.refresh_from_db()
    assert (guest.name, guest.needs) == ("", "")
    assert guest.email.endswith("@erased.invalid") and "anna" not in guest.email
    assert other.attended and other.email != guest.email
    assert member.email == users["resident"].email

    run(after_event + days(1))
    assert Registration.objects.count() == 3


def test_unconfirmed_registrations_are_deleted_after_30_days(run, past_event):
    stale = register(
        past_event, name="Ktoś", email="ktos@example.org", status=Registration.Status.UNCONFIRMED
    )
    run(JOINED + days(30) - datetime.timedelta(minutes=1))
    assert Registration.objects.filter(pk=stale.pk).exists()
    run(JOINED + days(30) + datetime.timedelta(minutes=1))
    assert not Registration.objects.filter(pk=stale.pk).exists()


def test_settings_override_the_period(run, past_event, settings):
    settings.RETENTION = {**settings.RETENTION, "guest_registrations": 10}
    guest = register(past_event, name="Anna Gość", email="anna@example.org")
    run(past_event.end + days(11))
    guest.refresh_from_db()
    assert guest.name == ""


# --- centre ------------------------------------------------------------------------------------


def test_consultation_notes_are_erased_three_years_after(run, first_contact, consultant):  # noqa: F811
    appointment = Appointment.objects.create(
        service=first_contact,
        consultant=consultant,
        start=JOINED,
        end=JOINED + datetime.timedelta(minutes=30),
        status=Appointment.Status.HELD,
        name="Klientka",
        email="klientka@example.org",
        question="Jak napisać statut?",
        staff_notes="Trudna sytuacja w zarządzie.",
        follow_up="Zadzwonić za miesiąc.",
    )
    run(appointment.end + days(1095) - datetime.timedelta(minutes=1))
    appointment.refresh_from_db()
    assert appointment.staff_notes

    run(appointment.end + days(1095) + datetime.timedelta(minutes=1))
    appointment.refresh_from_db()
    assert (appointment.staff_notes, appointment.follow_up, appointment.question) == ("", "", "")
    assert appointment.status == Appointment.Status.HELD


def test_contacts_of_cancelled_and_rejected_bookings_are_erased(run, room, projector):  # noqa: F811
    def booking(status, hour):
        return RoomBooking.objects.create(
            room=room,
            start=JOINED + datetime.timedelta(hours=hour),
            end=JOINED + datetime.timedelta(hours=hour + 1),
            status=status,
            contact_name="Ewa",
            contact_email="ewa@example.org",
            contact_phone="600100200",
            purpose="Spotkanie",
            expected_people=5,
        )

    rejected = booking(BookingStatus.REJECTED, 0)
    approved = booking(BookingStatus.APPROVED, 2)
    reservation = EquipmentReservation.objects.create(
        equipment=projector,
        quantity=1,
        start=JOINED,
        end=JOINED + days(1),
        status=EquipmentReservation.Status.CANCELLED,
        contact_name="Ewa",
        contact_email="ewa@example.org",
    )
    run(JOINED + days(364))
    rejected.refresh_from_db()
    assert rejected.contact_email == "ewa@example.org"

    run(JOINED + days(367))
    for record in (rejected, approved, reservation):
        record.refresh_from_db()
    assert (rejected.contact_name, rejected.contact_email, rejected.contact_phone) == ("", "", "")
    assert (reservation.contact_name, reservation.contact_email) == ("", "")
    assert approved.contact_email == "ewa@example.org"


def test_dry_run_reports_counts_without_changing_data(run, past_event):
    guest = register(past_event, name="Anna Gość", email="anna@example.org")
    output = run(past_event.end + days(400), "--dry-run")
    guest.refresh_from_db()
    assert guest.email == "anna@example.org"
    assert len(output.strip().splitlines()) == len(retention_rules())
    assert "Guests' details on past event registrations: 1 records" in output
