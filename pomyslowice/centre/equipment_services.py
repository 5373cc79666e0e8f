"""Every change to equipment reservations goes through these functions.

Decisions worth knowing:
- Quantities are checked inside a transaction holding the equipment row's lock
  (select_for_update; on SQLite the IMMEDIATE transaction does the same), so two people can
  never take the last units at once.
- What is free is the owned quantity minus the PEAK of what is held at any one moment of the
  period, not the sum of every overlapping reservation: two laptops lent in the morning and two
  others in the afternoon leave the same units free in between.
- Equipment lent out and not returned after its end still holds its units, for any later
  period, until it is back: nobody can promise what is not on the shelf.
- Lending is support received: checking equipment out writes one SupportRecord.
"""

import datetime
from collections import defaultdict

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from pomyslowice.accounts.permissions import emails_with_permission
from pomyslowice.core.audit import log_action
from pomyslowice.core.notifications import send_templated_email
from pomyslowice.organizations.models import SupportRecord
from pomyslowice.organizations.permissions import is_representative

from .calendar import local_date, local_datetime
from .models import Equipment, EquipmentReservation
from .permissions import can_lend_equipment

MAX_LENGTH = datetime.timedelta(days=14)
MAX_DAYS_AHEAD = 365
# A form gives minutes, and someone picking a laptop up right now types the current minute.
PAST_GRACE = datetime.timedelta(minutes=15)
LENDERS = "centre.lend_equipment"
Status = EquipmentReservation.Status


def available_quantities(*, equipment_list, start, end, now=None) -> dict[int, int]:
    """For each equipment (by pk): how many units are free during the whole of [start, end)."""
    now = now or timezone.now()
    held = defaultdict(list)
    reservations = (
        EquipmentReservation.objects.holding()
        .filter(equipment__in=[item.pk for item in equipment_list], start__lt=end)
        .filter(Q(end__gt=start) | Q(status=Status.CHECKED_OUT, end__lt=now))
        .values_list("equipment_id", "start", "end", "quantity", "status")
    )
    for equipment_id, held_from, held_until, quantity, status in reservations:
        if status == Status.CHECKED_OUT and held_until < now:
            held_until = datetime.datetime.max.replace(tzinfo=datetime.UTC)
        held[equipment_id].append((max(held_from, start), min(held_until, end), quantity))
    return {item.pk: max(item.quantity - _peak(held[item.pk]), 0) for item in equipment_list}


def available_quantity(*, equipment: Equipment, start, end) -> int:
    return available_quantities(equipment_list=[equipment], start=start, end=end)[equipment.pk]


def _peak(periods: list[tuple]) -> int:
    """The most units held at one moment. At a moment where one period ends and another starts
    the ending one is released first: touching periods do not overlap."""
    changes = sorted(
        [(held_from, 1, quantity) for held_from, _until, quantity in periods]
        + [(held_until, 0, -quantity) for _from, held_until, quantity in periods]
    )
    peak = current = 0
    for _moment, _order, change in changes:
        current += change
        peak = max(peak, current)
    return peak


@transaction.atomic
def reserve_equipment(
    *,
    equipment: Equipment,
    quantity: int,
    start,
    end,
    requested_by,
    organization=None,
    contact_name: str = "",
    contact_email: str = "",
    purpose: str = "",
    room_booking=None,
    language: str | None = None,
) -> EquipmentReservation:
    equipment = Equipment.objects.select_for_update().get(pk=equipment.pk)
    _check_requester(requested_by, organization)
    _check_period(start, end)
    if not equipment.is_active:
        raise _field_error(
            "equipment",
            _("%(name)s cannot be borrowed now.") % {"name": equipment.name},
            code="inactive",
        )
    if quantity is None or quantity < 1:
        raise _field_error("quantity", _("Reserve at least one unit."), code="quantity")
    free = available_quantity(equipment=equipment, start=start, end=end)
    if quantity > free:
        raise _field_error("quantity", _not_enough(equipment, free), code="over_quantity")
    reservation = EquipmentReservation(
        equipment=equipment,
        quantity=quantity,
        start=start,
        end=end,
        organization=organization,
        requested_by=requested_by,
        contact_name=(contact_name or requested_by.get_full_name() or requested_by.email).strip(),
        contact_email=(contact_email or requested_by.email).strip().lower(),
        purpose=(purpose or "").strip(),
        room_booking=room_booking,
    )
    reservation.full_clean()
    reservation.save()
    log_action(
        actor=requested_by,
        verb="centre.equipment_reservation.created",
        target=reservation,
        data={"equipment": equipment.slug, "quantity": quantity},
    )
    _email("equipment_reserved", reservation, to=[reservation.contact_email], language=language)
    _email(
        "equipment_reserved_staff",
        reservation,
        to=_lenders_except(reservation.contact_email),
        language=language,
    )
    return reservation


def _field_error(field: str, message: str, *, code: str) -> ValidationError:
    return ValidationError({field: ValidationError(message, code=code)})


def _check_requester(user, organization) -> None:
    if user is None or not user.is_authenticated:
        raise PermissionDenied
    if can_lend_equipment(user):
        return
    if organization is None:
        raise _field_error(
            "organization",
            _("Choose the organisation borrowing the equipment."),
            code="organization_required",
        )
    if not is_representative(user, organization):
        raise _field_error(
            "organization",
            _("You can only reserve equipment for organisations you represent."),
            code="not_representative",
        )


def _check_period(start, end, now=None) -> None:
    now = now or timezone.now()
    if start is None or end is None:
        raise ValidationError(_("Give both the start and the end."), code="period_missing")
    if end <= start:
        raise _field_error("end", _("The end must be after the start."), code="end_first")
    if start < now - PAST_GRACE:
        raise _field_error("start", _("The start is in the past."), code="past")
    # Counted on the wall clock: 9:00 to 9:00 two weeks later is two weeks, also across a
    # clock change.
    if timezone.localtime(end) - timezone.localtime(start) > MAX_LENGTH:
        raise _field_error(
            "end",
            ngettext(
                "Equipment can be borrowed for at most %(days)d day.",
                "Equipment can be borrowed for at most %(days)d days.",
                MAX_LENGTH.days,
            )
            % {"days": MAX_LENGTH.days},
            code="too_long",
        )
    if start > now + datetime.timedelta(days=MAX_DAYS_AHEAD):
        raise _field_error(
            "start",
            _("Reservations open at most %(days)d days ahead.") % {"days": MAX_DAYS_AHEAD},
            code="too_far",
        )


def _not_enough(equipment: Equipment, free: int) -> str:
    if free == 0:
        return _("%(name)s: none free for the whole of this period.") % {"name": equipment.name}
    return ngettext(
        "Only %(free)d of %(owned)d (%(name)s) is free for the whole of this period.",
        "Only %(free)d of %(owned)d (%(name)s) are free for the whole of this period.",
        free,
    ) % {"free": free, "owned": equipment.quantity, "name": equipment.name}


def support_summary(reservation: EquipmentReservation) -> str:
    return f"{reservation.equipment.name} \N{MULTIPLICATION SIGN} {reservation.quantity}"[:300]


def _locked(reservation: EquipmentReservation) -> EquipmentReservation:
    return (
        EquipmentReservation.objects.select_for_update(of=("self",))
        .select_related("equipment", "organization", "requested_by")
        .get(pk=reservation.pk)
    )


@transaction.atomic
def check_out(*, reservation: EquipmentReservation, by) -> EquipmentReservation:
    """Staff hand the equipment over; from then on it counts as support received."""
    reservation = _locked(reservation)
    if reservation.status != Status.RESERVED:
        raise ValidationError(_("Only reserved equipment can be lent out."), code="not_reserved")
    now = timezone.now()
    if local_date(now) < local_date(reservation.start):
        raise ValidationError(
            _("This equipment can be lent out from %(date)s.")
            % {"date": local_date(reservation.start).isoformat()},
            code="too_early",
        )
    if reservation.end <= now:
        raise ValidationError(
            _("The reservation period is over; make a new reservation."), code="period_over"
        )
    reservation.status, reservation.checked_out_at, reservation.checked_out_by = (
        Status.CHECKED_OUT,
        now,
        by,
    )
    reservation.save(update_fields=["status", "checked_out_at", "checked_out_by"])
    SupportRecord.objects.create(
        kind=SupportRecord.Kind.EQUIPMENT,
        source_type=ContentType.objects.get_for_model(EquipmentReservation),
        source_id=str(reservation.pk),
        date=local_date(now),
        person=reservation.requested_by,
        person_name=reservation.contact_name,
        person_email=reservation.contact_email,
        organization=reservation.organization,
        summary=support_summary(reservation),
        recorded_by=by,
    )
    log_action(actor=by, verb="centre.equipment_reservation.checked_out", target=reservation)
    return reservation


@transaction.atomic
def return_equipment(
    *, reservation: EquipmentReservation, by, notes: str = ""
) -> EquipmentReservation:
    reservation = _locked(reservation)
    if reservation.status != Status.CHECKED_OUT:
        raise ValidationError(
            _("Only equipment that is lent out can be taken back."), code="not_checked_out"
        )
    reservation.status, reservation.returned_at, reservation.returned_by = (
        Status.RETURNED,
        timezone.now(),
        by,
    )
    reservation.return_notes = (notes or "").strip()
    reservation.save(update_fields=["status", "returned_at", "returned_by", "return_notes"])
    log_action(
        actor=by,
        verb="centre.equipment_reservation.returned",
        target=reservation,
        data={"late": reservation.returned_at > reservation.end},
    )
    return reservation


def can_cancel(user, reservation: EquipmentReservation) -> bool:
    return (
        reservation.status == Status.RESERVED
        and user.is_authenticated
        and (
            can_lend_equipment(user)
            or reservation.requested_by_id == user.pk
            or (
                reservation.organization_id is not None
                and is_representative(user, reservation.organization)
            )
        )
    )


@transaction.atomic
def cancel_reservation(
    *, reservation: EquipmentReservation, by, language: str | None = None
) -> EquipmentReservation:
    reservation = _locked(reservation)
    if reservation.status == Status.CANCELLED:
        return reservation
    if reservation.status != Status.RESERVED:
        raise ValidationError(
            _("Equipment already lent out or returned cannot be cancelled."), code="not_reserved"
        )
    if not can_cancel(by, reservation):
        raise PermissionDenied
    reservation.status = Status.CANCELLED
    reservation.save(update_fields=["status"])
    log_action(actor=by, verb="centre.equipment_reservation.cancelled", target=reservation)
    context = {"cancelled_by_staff": by.pk != reservation.requested_by_id}
    _email(
        "equipment_cancelled",
        reservation,
        to=[reservation.contact_email, *_lenders_except(reservation.contact_email, by.email)],
        language=language,
        extra=context,
    )
    return reservation


@transaction.atomic
def send_overdue_reminders(now=None) -> int:
    """Remind each borrower of overdue equipment, at most once a (local) day per reservation,
    and send staff the list of those reminded. Returns how many reminders went out."""
    now = now or timezone.now()
    start_of_today = local_datetime(local_date(now), datetime.time(0))
    due = list(
        EquipmentReservation.objects.overdue(now)
        .filter(Q(last_reminder_at__isnull=True) | Q(last_reminder_at__lt=start_of_today))
        .select_for_update(of=("self",))
        .select_related("equipment", "organization")
        .order_by("end", "pk")
    )
    for reservation in due:
        _email("equipment_overdue", reservation, to=[reservation.contact_email])
        reservation.last_reminder_at = now
    EquipmentReservation.objects.bulk_update(due, ["last_reminder_at"])
    if due:
        send_templated_email(
            template="centre/email/equipment_overdue_staff",
            to=emails_with_permission(LENDERS),
            context={"reservations": due, "url": _absolute(reverse("centre:equipment-lending"))},
        )
        log_action(
            actor=None,
            verb="centre.equipment_reservation.reminded",
            data={"reservations": [reservation.pk for reservation in due]},
        )
    return len(due)


def _lenders_except(*addresses: str) -> list[str]:
    skip = {address.lower() for address in addresses if address}
    return [address for address in emails_with_permission(LENDERS) if address.lower() not in skip]


def _absolute(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


def _email(template, reservation, *, to, language=None, extra=None) -> None:
    url = reverse("centre:equipment-reservation-detail", args=[reservation.pk])
    send_templated_email(
        template=f"centre/email/{template}",
        to=to,
        context={"reservation": reservation, "url": _absolute(url), **(extra or {})},
        language=language,
    )
