"""Registration services: seats, waitlist, guests' links, attendance as support received."""

import datetime
import re

import pytest
from django.core import mail, signing
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.utils import timezone

from pomyslowice.core.models import AuditLogEntry
from pomyslowice.events import registration_services as services
from pomyslowice.events.models import Event, Registration
from pomyslowice.organizations.models import SupportRecord
from tests.conftest import create_user
from tests.events.conftest import at, make_event

Status = Registration.Status


def make_training(title: str = "Szkolenie z RODO", **fields) -> Event:
    fields.setdefault("category", Event.Category.TRAINING)
    fields.setdefault("registration_enabled", True)
    fields.setdefault("capacity", 2)
    return make_event(title, **fields)


def register_user(event: Event, user, **extra) -> Registration:
    return services.register(event=event, name=user.get_full_name(), email="", user=user, **extra)


def register_guest(event: Event, email: str, **extra) -> Registration:
    return services.register(event=event, name="Gość Testowy", email=email, **extra)


@pytest.fixture
def training(organization):
    return make_training(organizer=organization)


@pytest.fixture
def people(db):
    return [create_user(f"osoba{i}@example.org", first_name=f"Osoba{i}") for i in range(4)]


def test_users_take_seats_then_the_waitlist(training, people, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        statuses = [register_user(training, person).status for person in people[:3]]

    assert statuses == [Status.CONFIRMED, Status.CONFIRMED, Status.WAITLISTED]
    assert [message.to for message in mail.outbox] == [[p.email] for p in people[:3]]
    assert "potwierdzone" in mail.outbox[0].subject
    assert "liście rezerwowej" in mail.outbox[2].subject
    assert AuditLogEntry.objects.filter(verb="events.registration.waitlisted").count() == 1


def test_unlimited_capacity_confirms_everyone(people):
    event = make_training(capacity=None)
    assert {register_user(event, person).status for person in people} == {Status.CONFIRMED}


def test_staff_confirmation_puts_registrations_in_the_queue(people, users):
    event = make_training(capacity=1, registration_needs_confirmation=True)
    first, second = (register_user(event, person) for person in people[:2])
    assert (first.status, second.status) == (Status.PENDING, Status.PENDING)

    services.approve_registration(registration=first, by=users["coordinator"])
    services.approve_registration(registration=second, by=users["coordinator"])

    first.refresh_from_db(), second.refresh_from_db()
    assert (first.status, second.status) == (Status.CONFIRMED, Status.WAITLISTED)
    with pytest.raises(ValidationError):
        services.approve_registration(registration=first, by=users["coordinator"])


def test_cancelling_promotes_the_first_on_the_waitlist(
    training, people, django_capture_on_commit_callbacks
):
    first, _second, third, fourth = (register_user(training, p) for p in people)

    with django_capture_on_commit_callbacks(execute=True):
        services.cancel_registration(registration=first, by=people[0])

    third.refresh_from_db(), fourth.refresh_from_db()
    assert (third.status, fourth.status) == (Status.CONFIRMED, Status.WAITLISTED)
    assert [message.to for message in mail.outbox] == [[people[2].email]]
    assert "Masz miejsce" in mail.outbox[0].subject
    assert training.registrations.confirmed().count() == 2
    # Cancelling a waitlist place frees no seat; cancelling twice changes nothing.
    with django_capture_on_commit_callbacks(execute=True):
        services.cancel_registration(registration=fourth)
        services.cancel_registration(registration=fourth)
    assert len(mail.outbox) == 1
    assert AuditLogEntry.objects.filter(verb="events.registration.cancelled").count() == 2


def test_guest_confirms_through_the_signed_link(training, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        registration = register_guest(training, "Gosc@Example.org")
    assert registration.status == Status.UNCONFIRMED
    assert registration.email == "gosc@example.org"
    # The token carries a timestamp, so take it from the e-mail rather than making a new one.
    token = re.search(r"/wydarzenia/zapisy/([^/\s]+)/potwierdz/", mail.outbox[0].body).group(1)

    found = services.registration_from_token(token)
    assert found == registration
    with django_capture_on_commit_callbacks(execute=True):
        services.confirm_guest_registration(registration=found)
        services.confirm_guest_registration(registration=found)

    registration.refresh_from_db()
    assert registration.status == Status.CONFIRMED and registration.confirmed_at
    assert len(mail.outbox) == 2 and "potwierdzone" in mail.outbox[1].subject


def test_unconfirmed_guests_hold_no_seat(training, people):
    register_guest(training, "gosc@example.org")
    assert [register_user(training, p).status for p in people[:2]] == [Status.CONFIRMED] * 2


@pytest.mark.parametrize("token", ["", "1", "1:abc:def", "nonsense"])
def test_forged_tokens_are_refused(training, token):
    with pytest.raises(services.InvalidToken):
        services.registration_from_token(token)


def test_expired_and_foreign_tokens_are_refused(training):
    registration = register_guest(training, "gosc@example.org")
    signer = signing.TimestampSigner(salt=services.TOKEN_SALT)
    eight_days_ago = timezone.now() - datetime.timedelta(days=8)
    old = signing.TimestampSigner(salt=services.TOKEN_SALT)
    old.timestamp = lambda: signing.b62_encode(int(eight_days_ago.timestamp()))
    with pytest.raises(services.InvalidToken):
        services.registration_from_token(old.sign(str(registration.pk)))
    other_salt = signing.TimestampSigner(salt="other").sign(str(registration.pk))
    with pytest.raises(services.InvalidToken):
        services.registration_from_token(other_salt)
    with pytest.raises(services.InvalidToken):
        services.registration_from_token(signer.sign("999999"))


def test_duplicate_registration_is_refused(training, people):
    register_user(training, people[0])
    with pytest.raises(ValidationError) as error:
        register_guest(training, people[0].email.upper())
    assert error.value.code == "duplicate"
    assert training.registrations.count() == 1


def test_duplicate_saved_concurrently_is_a_validation_error(training, monkeypatch):
    monkeypatch.setattr(Registration, "save", _raise_integrity_error)
    with pytest.raises(ValidationError) as error:
        register_guest(training, "gosc@example.org")
    assert error.value.code == "duplicate"


def _raise_integrity_error(*args, **kwargs):
    raise IntegrityError("one_registration_per_person_per_event")


def test_registering_again_after_cancelling(training, people):
    first = register_user(training, people[0])
    services.cancel_registration(registration=first)
    assert register_user(training, people[0]).status == Status.CONFIRMED


@pytest.mark.parametrize(
    "fields",
    [
        {"registration_enabled": False},
        {"status": Event.Status.CANCELLED},
        {"registration_opens": timezone.now() + datetime.timedelta(days=1)},
        {"registration_closes": timezone.now() - datetime.timedelta(minutes=1)},
        {"start": at(2020, 1, 1, 10)},
    ],
    ids=["disabled", "cancelled", "not-open-yet", "closed", "over"],
)
def test_registration_window(people, fields):
    event = make_training(**fields)
    with pytest.raises(ValidationError) as error:
        register_user(event, people[0])
    assert error.value.code == "closed"
    assert not Registration.objects.exists()


def test_consent_is_required_when_asked(people):
    event = make_training(registration_consent_text="Zgadzam się na zdjęcia.")
    with pytest.raises(ValidationError) as error:
        register_user(event, people[0])
    assert "consent" in error.value.message_dict
    assert register_user(event, people[0], consent=True).status == Status.CONFIRMED


def test_fields_not_asked_for_are_not_stored(people, organization):
    event = make_training(registration_asks_organization=False, registration_asks_needs=False)
    registration = register_user(event, people[0], organization=organization, needs="Winda")
    assert registration.organization is None and registration.needs == ""


def test_closing_registration(training, people, users):
    services.close_registration(event=training, by=users["coordinator"])
    with pytest.raises(ValidationError):
        register_user(training, people[0])
    assert AuditLogEntry.objects.filter(verb="events.registration.closed").count() == 1


def test_more_seats_promote_the_waitlist(training, people, users):
    registrations = [register_user(training, p) for p in people]
    services.update_registration_settings(
        event=training, by=users["coordinator"], changes={"capacity": 3}
    )
    statuses = [Registration.objects.get(pk=r.pk).status for r in registrations]
    assert statuses == [Status.CONFIRMED] * 3 + [Status.WAITLISTED]
    with pytest.raises(ValidationError):
        services.update_registration_settings(
            event=training,
            by=users["coordinator"],
            changes={
                "registration_opens": at(2030, 1, 2, 10),
                "registration_closes": at(2030, 1, 1, 10),
            },
        )


def test_attendance_writes_and_removes_one_support_record(training, users, organization):
    registration = register_user(training, users["representative"], organization=organization)

    services.mark_attendance(registration=registration, attended=True, by=users["coordinator"])
    services.mark_attendance(registration=registration, attended=True, by=users["coordinator"])

    record = SupportRecord.objects.get()
    assert record.kind == SupportRecord.Kind.TRAINING
    assert record.date == timezone.localdate(training.start)
    assert record.person == users["representative"] and record.organization == organization
    assert record.source_id == str(registration.pk) and record.summary == training.title
    assert record.recorded_by == users["coordinator"]

    services.mark_attendance(registration=registration, attended=False, by=users["coordinator"])
    assert not SupportRecord.objects.exists()
    registration.refresh_from_db()
    assert registration.attended is False


def test_guest_attendance_keeps_name_and_email(training, users):
    registration = register_guest(training, "gosc@example.org")
    services.confirm_guest_registration(registration=registration)
    services.mark_attendance(registration=registration, attended=True, by=users["coordinator"])
    record = SupportRecord.objects.get()
    assert (record.person, record.person_name, record.person_email) == (
        None,
        "Gość Testowy",
        "gosc@example.org",
    )


def test_only_confirmed_participants_attend(training, users):
    registration = register_guest(training, "gosc@example.org")
    with pytest.raises(ValidationError):
        services.mark_attendance(registration=registration, attended=True, by=users["coordinator"])
    assert not SupportRecord.objects.exists()


def test_seats_cannot_drop_below_the_confirmed_people(training, people, users):
    for person in people[:2]:
        register_user(training, person)

    with pytest.raises(ValidationError) as error:
        services.update_registration_settings(
            event=training, by=users["coordinator"], changes={"capacity": 1}
        )

    assert "capacity" in error.value.message_dict
    training.refresh_from_db()
    assert training.capacity == 2
    assert training.registrations.confirmed().count() == 2


def test_registration_cannot_open_after_the_event(training, users):
    with pytest.raises(ValidationError) as error:
        services.update_registration_settings(
            event=training,
            by=users["coordinator"],
            changes={"registration_opens": training.end + datetime.timedelta(hours=1)},
        )

    assert "registration_opens" in error.value.message_dict
    training.refresh_from_db()
    assert training.registration_opens is None
