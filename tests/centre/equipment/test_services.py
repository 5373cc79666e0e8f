"""Equipment reservations: quantities, bad input, lending and returning, reminders."""

import datetime

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command
from django.utils import timezone

from pomyslowice.centre import equipment_services as services
from pomyslowice.centre.calendar import local_datetime
from pomyslowice.centre.models import EquipmentReservation
from pomyslowice.core.models import AuditLogEntry
from pomyslowice.organizations.models import SupportRecord

Status = EquipmentReservation.Status
HOUR = datetime.timedelta(hours=1)
DAY = datetime.timedelta(days=1)


def at(days: int, hour: int = 9) -> datetime.datetime:
    return local_datetime(timezone.localdate() + datetime.timedelta(days=days), datetime.time(hour))


def codes(error: ValidationError) -> list[str]:
    if hasattr(error, "error_dict"):
        return [item.code for items in error.error_dict.values() for item in items]
    return [item.code for item in error.error_list]


@pytest.fixture
def reserve(users, organization):
    def make(equipment, quantity, start, end, **extra):
        extra.setdefault("requested_by", users["representative"])
        extra.setdefault("organization", organization)
        return services.reserve_equipment(
            equipment=equipment, quantity=quantity, start=start, end=end, **extra
        )

    return make


def lent_out(reservation, by, *, end=None):
    """A reservation checked out; `end` moves its end (e.g. into the past) afterwards."""
    services.check_out(reservation=reservation, by=by)
    if end is not None:
        EquipmentReservation.objects.filter(pk=reservation.pk).update(start=end - DAY, end=end)
    reservation.refresh_from_db()
    return reservation


# --- quantities ---------------------------------------------------------------------------------


def test_five_laptops_three_plus_two_then_none_left(reserve, laptops):
    reserve(laptops, 3, at(2), at(2, 17))
    reserve(laptops, 2, at(2, 12), at(3))

    with pytest.raises(ValidationError) as error:
        reserve(laptops, 1, at(2, 16), at(2, 18))

    assert codes(error.value) == ["over_quantity"]
    assert EquipmentReservation.objects.count() == 2
    assert reserve(laptops, 5, at(4), at(5)).quantity == 5


def test_touching_and_later_periods_are_free(reserve, laptops):
    reserve(laptops, 5, at(2), at(2, 17))

    assert reserve(laptops, 5, at(2, 17), at(2, 20)).quantity == 5
    assert reserve(laptops, 5, at(4), at(4, 12)).quantity == 5


def test_over_quantity_error_says_how_many_are_free(reserve, laptops, settings):
    settings.LANGUAGE_CODE = "en"
    reserve(laptops, 3, at(2), at(2, 17))

    with pytest.raises(ValidationError) as error:
        reserve(laptops, 4, at(2, 10), at(2, 11), language="en")

    assert "Only 2 of 5" in error.value.error_dict["quantity"][0].message


def test_asking_for_more_than_owned_is_refused(reserve, laptops):
    with pytest.raises(ValidationError):
        reserve(laptops, 6, at(2), at(2, 17))


def test_peak_of_staggered_reservations_not_their_sum(reserve, laptops):
    # 9–11: 2, 10–13: 2, 12–15: 2, 14–16: 1 -> never more than 4 at once, but 7 in sum.
    reserve(laptops, 2, at(2, 9), at(2, 11))
    reserve(laptops, 2, at(2, 10), at(2, 13))
    reserve(laptops, 2, at(2, 12), at(2, 15))
    reserve(laptops, 1, at(2, 14), at(2, 16))

    assert services.available_quantity(equipment=laptops, start=at(2, 8), end=at(2, 17)) == 1
    assert services.available_quantity(equipment=laptops, start=at(2, 11), end=at(2, 12)) == 3
    assert services.available_quantity(equipment=laptops, start=at(2, 15), end=at(2, 16)) == 4
    assert services.available_quantity(equipment=laptops, start=at(2, 16), end=at(2, 18)) == 5
    reserve(laptops, 1, at(2, 8), at(2, 17))
    with pytest.raises(ValidationError):
        reserve(laptops, 1, at(2, 10), at(2, 11))


def test_cancelled_reservation_frees_its_units(reserve, laptops, users):
    first = reserve(laptops, 5, at(1), at(1, 23))
    services.cancel_reservation(reservation=first, by=users["representative"])

    assert services.available_quantity(equipment=laptops, start=at(1, 10), end=at(1, 11)) == 5


def test_overdue_equipment_stays_unavailable_until_returned(reserve, laptops, users):
    reservation = lent_out(
        reserve(laptops, 2, timezone.now(), at(1)), users["coordinator"], end=at(-1)
    )

    assert services.available_quantity(equipment=laptops, start=at(30), end=at(31)) == 3
    services.return_equipment(reservation=reservation, by=users["coordinator"])
    assert services.available_quantity(equipment=laptops, start=at(30), end=at(31)) == 5


# --- bad input ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("quantity", "start", "end", "code"),
    [
        (0, 2, 3, "quantity"),
        (-1, 2, 3, "quantity"),
        (1, 2, 2, "end_first"),
        (1, 3, 2, "end_first"),
        (1, -2, 1, "past"),
        (1, 2, 17, "too_long"),
        (1, 400, 401, "too_far"),
    ],
)
def test_bad_input_is_refused_and_nothing_saved(reserve, laptops, quantity, start, end, code):
    with pytest.raises(ValidationError) as error:
        reserve(laptops, quantity, at(start), at(end))

    assert codes(error.value) == [code]
    assert not EquipmentReservation.objects.exists()
    assert not AuditLogEntry.objects.filter(verb__startswith="centre.equipment").exists()
    assert mail.outbox == []


def test_exactly_fourteen_days_is_allowed(reserve, laptops):
    assert reserve(laptops, 1, at(1), at(15)).pk


def test_inactive_equipment_cannot_be_reserved(reserve, laptops):
    laptops.is_active = False
    laptops.save()

    with pytest.raises(ValidationError) as error:
        reserve(laptops, 1, at(1), at(2))
    assert "equipment" in error.value.error_dict


def test_representative_only_for_their_own_organisation(reserve, laptops, other_organization):
    with pytest.raises(ValidationError) as error:
        reserve(laptops, 1, at(1), at(2), organization=other_organization)
    assert "organization" in error.value.error_dict


@pytest.mark.parametrize("persona", ["resident", "analyst", "volunteer"])
def test_non_representatives_need_an_organisation_they_represent(
    reserve, laptops, users, persona, organization
):
    with pytest.raises(ValidationError):
        reserve(laptops, 1, at(1), at(2), requested_by=users[persona])
    with pytest.raises(ValidationError):
        reserve(laptops, 1, at(1), at(2), requested_by=users[persona], organization=None)


def test_anonymous_cannot_reserve(reserve, laptops):
    with pytest.raises(PermissionDenied):
        reserve(laptops, 1, at(1), at(2), requested_by=None)


def test_staff_reserve_for_anyone_or_nobody(reserve, laptops, users, other_organization):
    staff = users["ngo_caretaker"]

    for_org = reserve(laptops, 1, at(1), at(2), requested_by=staff, organization=other_organization)
    for_person = reserve(
        laptops,
        1,
        at(1),
        at(2),
        requested_by=staff,
        organization=None,
        contact_name="Jan Kowalski",
        contact_email="Jan@Example.org",
    )

    assert for_org.organization == other_organization
    assert (for_person.contact_name, for_person.contact_email) == (
        "Jan Kowalski",
        "jan@example.org",
    )


# --- e-mails and the audit log ------------------------------------------------------------------


def test_reservation_emails_the_requester_and_lending_staff(
    reserve, laptops, users, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        reservation = reserve(laptops, 2, at(1), at(2), purpose="Warsztaty")

    recipients = sorted(message.to[0] for message in mail.outbox)
    assert "przedstawiciel@example.org" in recipients
    assert "coordinator@example.org" in recipients
    assert "ngo-caretaker@example.org" in recipients
    assert "analyst@example.org" not in recipients
    assert all("Laptop" in message.subject for message in mail.outbox)
    assert f"/osrodek/sprzet/rezerwacje/{reservation.pk}/" in mail.outbox[0].body
    assert AuditLogEntry.objects.filter(verb="centre.equipment_reservation.created").exists()


# --- lending, returning, cancelling -------------------------------------------------------------


def test_check_out_writes_support_record_and_return_keeps_it(reserve, laptops, users, organization):
    reservation = reserve(laptops, 2, timezone.now(), at(1))

    services.check_out(reservation=reservation, by=users["ngo_caretaker"])
    reservation.refresh_from_db()
    record = SupportRecord.objects.get(
        kind=SupportRecord.Kind.EQUIPMENT,
        source_type=ContentType.objects.get_for_model(EquipmentReservation),
        source_id=str(reservation.pk),
    )
    services.return_equipment(
        reservation=reservation, by=users["ngo_caretaker"], notes=" Brak myszki "
    )
    reservation.refresh_from_db()

    assert record.organization == organization
    assert record.person == users["representative"]
    assert record.date == timezone.localdate()
    assert record.recorded_by == users["ngo_caretaker"]
    assert "Laptop" in record.summary
    assert reservation.status == Status.RETURNED
    assert reservation.checked_out_by == users["ngo_caretaker"]
    assert reservation.returned_by == users["ngo_caretaker"]
    assert reservation.return_notes == "Brak myszki"
    assert SupportRecord.objects.count() == 1


def test_invalid_transitions_are_refused(reserve, laptops, users):
    staff = users["coordinator"]
    reservation = reserve(laptops, 1, timezone.now(), at(1))

    with pytest.raises(ValidationError):
        services.return_equipment(reservation=reservation, by=staff)
    services.check_out(reservation=reservation, by=staff)
    with pytest.raises(ValidationError):
        services.check_out(reservation=reservation, by=staff)
    with pytest.raises(ValidationError):
        services.cancel_reservation(reservation=reservation, by=staff)
    services.return_equipment(reservation=reservation, by=staff)
    for change in (services.check_out, services.return_equipment):
        with pytest.raises(ValidationError):
            change(reservation=reservation, by=staff)
    with pytest.raises(ValidationError):
        services.cancel_reservation(reservation=reservation, by=staff)
    assert SupportRecord.objects.count() == 1


def test_cannot_lend_out_before_the_day_or_after_the_period(reserve, laptops, users):
    staff = users["coordinator"]
    tomorrow = reserve(laptops, 1, at(1), at(2))
    with pytest.raises(ValidationError) as error:
        services.check_out(reservation=tomorrow, by=staff)
    assert codes(error.value) == ["too_early"]

    past = reserve(laptops, 1, timezone.now(), timezone.now() + HOUR)
    EquipmentReservation.objects.filter(pk=past.pk).update(
        start=timezone.now() - 2 * HOUR, end=timezone.now() - HOUR
    )
    with pytest.raises(ValidationError) as error:
        services.check_out(reservation=past, by=staff)
    assert codes(error.value) == ["period_over"]
    assert not SupportRecord.objects.exists()


def test_cancel_by_requester_colleague_or_staff_only(
    reserve, laptops, users, django_capture_on_commit_callbacks
):
    reservation = reserve(laptops, 1, at(1), at(2))

    for persona in ["resident", "representative_other_org", "analyst"]:
        with pytest.raises(PermissionDenied):
            services.cancel_reservation(reservation=reservation, by=users[persona])
    with django_capture_on_commit_callbacks(execute=True):
        services.cancel_reservation(reservation=reservation, by=users["ngo_caretaker"])

    reservation.refresh_from_db()
    assert reservation.status == Status.CANCELLED
    assert "przedstawiciel@example.org" in [message.to[0] for message in mail.outbox]
    # cancelling twice changes nothing
    services.cancel_reservation(reservation=reservation, by=users["representative"])


# --- overdue reminders --------------------------------------------------------------------------


@pytest.fixture
def overdue(reserve, laptops, projector, users):
    staff = users["coordinator"]
    late = lent_out(reserve(laptops, 2, timezone.now(), at(1)), staff, end=at(-1))
    on_time = lent_out(reserve(projector, 1, timezone.now(), at(1)), staff)
    return late, on_time


def test_overdue_list(overdue):
    late, _on_time = overdue

    assert list(EquipmentReservation.objects.overdue()) == [late]


def test_reminders_at_most_once_a_day(overdue, django_capture_on_commit_callbacks):
    late, _on_time = overdue
    now = timezone.now()

    with django_capture_on_commit_callbacks(execute=True):
        assert services.send_overdue_reminders(now=now) == 1
    to_borrower = [message for message in mail.outbox if message.to == [late.contact_email]]
    to_staff = [message for message in mail.outbox if message.to == ["coordinator@example.org"]]
    assert len(to_borrower) == 1 and len(to_staff) == 1
    assert late.contact_email in to_staff[0].body

    # An hour later, but never past midnight, whatever the time the test runs at.
    end_of_day = local_datetime(timezone.localdate(now), datetime.time(23, 59, 59))
    later_that_day = max(now, min(now + HOUR, end_of_day))
    assert services.send_overdue_reminders(now=later_that_day) == 0
    next_day = local_datetime(
        timezone.localdate(now) + datetime.timedelta(days=1), datetime.time(7)
    )
    assert services.send_overdue_reminders(now=next_day) == 1


def test_returned_equipment_is_not_reminded(overdue, users):
    late, _on_time = overdue
    services.return_equipment(reservation=late, by=users["coordinator"])

    assert services.send_overdue_reminders() == 0


def test_reminder_command_prints_the_count(overdue, capsys):
    call_command("send_equipment_reminders")
    call_command("send_equipment_reminders")

    assert capsys.readouterr().out.splitlines() == [
        "Equipment reminders sent: 1",
        "Equipment reminders sent: 0",
    ]
