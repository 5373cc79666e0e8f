"""Who may see and change what among the centre's services. Views and the API ask here.

Anything a person may not see is a 404, never a hint that it exists: bookings, reservations,
appointments and mail of other people and organisations are invisible, not forbidden.
"""

from django.http import Http404
from django.shortcuts import get_object_or_404

from pomyslowice.organizations.models import Membership, Organization
from pomyslowice.organizations.permissions import is_representative

from .models import (
    Appointment,
    Consultant,
    EquipmentReservation,
    MailItem,
    RoomBooking,
    StrategyPlan,
)


def _has(user, permission: str) -> bool:
    return user.is_authenticated and user.has_perm(permission)


def represented_organizations(user):
    """Published organisations the user actively represents."""
    if not user.is_authenticated:
        return Organization.objects.none()
    return (
        Organization.objects.published()
        .filter(memberships__user=user, memberships__status=Membership.Status.ACTIVE)
        .order_by("name", "pk")
        .distinct()
    )


# --- rooms and equipment -----------------------------------------------------------------------


def can_decide_bookings(user) -> bool:
    """Approve or reject room requests; also see every booking with its contact details."""
    return _has(user, "centre.decide_roombooking")


def can_book_on_behalf(user) -> bool:
    """Staff who may book a room for anyone (approved at once) and for any organisation."""
    return _has(user, "centre.add_roombooking")


def can_request_room(user) -> bool:
    return can_book_on_behalf(user) or represented_organizations(user).exists()


def get_room_booking_for_user(user, pk: int) -> RoomBooking:
    """A booking for staff who decide on bookings, its requester and the representatives of
    its organisation; a 404 for anyone else."""
    booking = get_object_or_404(
        RoomBooking.objects.select_related("room", "organization", "requested_by", "series"),
        pk=pk,
    )
    if can_decide_bookings(user):
        return booking
    if user.is_authenticated and (
        booking.requested_by_id == user.pk
        or (booking.organization_id and is_representative(user, booking.organization))
    ):
        return booking
    raise Http404


def get_booking_series_for_user(user, pk: int):
    """A repeating booking (with its skipped dates) for its requester and staff who decide on
    bookings; a 404 for anyone else."""
    from .models import BookingSeries  # kept in this section: the import list is shared

    series = get_object_or_404(BookingSeries.objects.select_related("room"), pk=pk)
    if can_decide_bookings(user) or (user.is_authenticated and series.requested_by_id == user.pk):
        return series
    raise Http404


def can_lend_equipment(user) -> bool:
    """Check equipment out and in, see every reservation and the overdue list."""
    return _has(user, "centre.lend_equipment")


def can_reserve_equipment(user) -> bool:
    return can_lend_equipment(user) or represented_organizations(user).exists()


def get_reservation_for_user(user, pk: int) -> EquipmentReservation:
    reservation = get_object_or_404(
        EquipmentReservation.objects.select_related("equipment", "organization", "requested_by"),
        pk=pk,
    )
    if can_lend_equipment(user):
        return reservation
    if user.is_authenticated and (
        reservation.requested_by_id == user.pk
        or (reservation.organization_id and is_representative(user, reservation.organization))
    ):
        return reservation
    raise Http404


# --- consulting --------------------------------------------------------------------------------


def consultant_for(user) -> Consultant | None:
    if not user.is_authenticated:
        return None
    return Consultant.objects.filter(user=user).first()


def can_manage_appointments(user) -> bool:
    """Staff who see and change every appointment (not only their own as a consultant)."""
    return _has(user, "centre.manage_appointments")


def can_see_appointment_notes(user, appointment: Appointment) -> bool:
    """The consultant's notes are for staff: the consultant, appointment managers and staff
    who may read appointments (the organisations' caretakers)."""
    return user.is_authenticated and (
        appointment.consultant.user_id == user.pk
        or can_manage_appointments(user)
        or user.has_perm("centre.view_appointment")
    )


def can_record_outcome(user, appointment: Appointment) -> bool:
    return user.is_authenticated and (
        appointment.consultant.user_id == user.pk or can_manage_appointments(user)
    )


def get_appointment_for_user(user, pk: int) -> Appointment:
    """An appointment for the person who booked it, its consultant and staff who may read
    appointments; a 404 for anyone else. Guests reach theirs through a signed link instead."""
    appointment = get_object_or_404(
        Appointment.objects.select_related("service", "consultant__user", "organization", "user"),
        pk=pk,
    )
    if user.is_authenticated and (
        appointment.user_id == user.pk
        or appointment.consultant.user_id == user.pk
        or can_manage_appointments(user)
        or user.has_perm("centre.view_appointment")
    ):
        return appointment
    raise Http404


# --- mail register -----------------------------------------------------------------------------


def can_manage_mail(user) -> bool:
    """Log incoming mail, record pickups, see the register of every organisation."""
    return _has(user, "centre.change_mailitem")


def get_mail_item_for_user(user, pk: int) -> MailItem:
    item = get_object_or_404(MailItem.objects.select_related("organization", "picked_up_by"), pk=pk)
    if can_manage_mail(user) or is_representative(user, item.organization):
        return item
    raise Http404


# --- caretakers and strategy plans -------------------------------------------------------------


def can_see_timeline(user) -> bool:
    """Staff who read what the centre did for organisations (never the notes by this alone)."""
    return _has(user, "organizations.view_supportrecord")


def can_see_caretaker_notes(user) -> bool:
    return _has(user, "centre.view_caretakercontact")


def can_add_caretaker_work(user) -> bool:
    """Record contacts with organisations and keep tasks about them."""
    return _has(user, "centre.add_caretakercontact")


def can_edit_strategy(user, organization: Organization) -> bool:
    """The organisation's representatives and staff who may change strategy plans."""
    return _has(user, "centre.change_strategyplan") or is_representative(user, organization)


def can_view_strategy(user, organization: Organization) -> bool:
    return can_edit_strategy(user, organization) or _has(user, "centre.view_strategyplan")


def get_strategy_plan_for_user(user, organization: Organization) -> StrategyPlan | None:
    """The organisation's plan (None before anyone starts one) for those who may read it."""
    if not can_view_strategy(user, organization):
        raise Http404
    return StrategyPlan.objects.filter(organization=organization).first()
