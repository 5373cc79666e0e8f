"""How long the centre keeps consultation notes and contact details of bookings that did not
happen (settings.RETENTION; see privacy.retention)."""

import datetime

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from pomyslowice.privacy.registry import RetentionRule, register_retention_rule

from .models import Appointment, BookingStatus, EquipmentReservation, RoomBooking


def erase_consultation_notes(now: datetime.datetime, days: int, dry_run: bool) -> int:
    """Notes and follow-ups go N days after the appointment; the fact it was held stays."""
    expired = Appointment.objects.filter(end__lt=now - datetime.timedelta(days)).exclude(
        staff_notes="", follow_up="", question=""
    )
    if dry_run:
        return expired.count()
    return expired.update(staff_notes="", follow_up="", question="", follow_up_date=None)


def erase_cancelled_booking_contacts(now: datetime.datetime, days: int, dry_run: bool) -> int:
    """Contact details of bookings that never took place, N days after their booked time."""
    cutoff = now - datetime.timedelta(days)
    has_contact = ~Q(contact_name="") | ~Q(contact_email="")
    bookings = RoomBooking.objects.filter(
        has_contact,
        status__in=[BookingStatus.CANCELLED, BookingStatus.REJECTED],
        end__lt=cutoff,
    )
    reservations = EquipmentReservation.objects.filter(
        has_contact, status=EquipmentReservation.Status.CANCELLED, end__lt=cutoff
    )
    if dry_run:
        return bookings.count() + reservations.count()
    return bookings.update(contact_name="", contact_email="", contact_phone="") + (
        reservations.update(contact_name="", contact_email="")
    )


register_retention_rule(
    RetentionRule(
        name="centre.consultation_notes",
        label=_("Notes on past consultations"),
        setting="consultation_notes",
        apply=erase_consultation_notes,
    )
)
register_retention_rule(
    RetentionRule(
        name="centre.cancelled_bookings",
        label=_("Contact details on cancelled or rejected bookings"),
        setting="cancelled_bookings",
        apply=erase_cancelled_booking_contacts,
    )
)
