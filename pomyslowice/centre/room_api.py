"""Rooms in the API: the rooms, their public availability and booking requests.

Availability carries only times and whether a booking is approved or awaiting approval: who
booked a room and why never leaves through the public endpoints. A token's owner sees their own
bookings (and their organisations') in full.
"""

import datetime as dt

from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema, Status
from ninja.pagination import paginate

from pomyslowice.api.auth import token_auth
from pomyslowice.api.errors import ErrorOut, conflict
from pomyslowice.api.pagination import LimitOffsetPagination
from pomyslowice.organizations.api import OrganizationRefOut, absolute_url
from pomyslowice.organizations.models import Organization

from . import room_services as services
from .models import Room, RoomBooking
from .permissions import can_book_on_behalf, represented_organizations

router = Router()


class OpeningHoursOut(Schema):
    weekday: int = Field(description="0 = Monday … 6 = Sunday.")
    opens: dt.time
    closes: dt.time


class RoomOut(Schema):
    slug: str
    name: str
    description: str
    capacity: int
    location: str
    layouts: list[str]
    built_in_equipment: str
    step_free_access: bool
    accessible_toilet: bool
    hearing_loop: bool
    accessibility_notes: str
    rules: str
    opening_hours: list[OpeningHoursOut] = Field(description="Weekdays without a row: closed.")
    url: str

    @staticmethod
    def resolve_opening_hours(room: Room) -> list:
        return list(room.opening_hours.all())

    @staticmethod
    def resolve_url(room: Room) -> str:
        return absolute_url(room.get_absolute_url())


class BusyOut(Schema):
    start: dt.datetime
    end: dt.datetime
    status: str = Field(description="approved or pending (awaiting approval).")

    @staticmethod
    def resolve_status(busy) -> str:
        return "approved" if busy.approved else "pending"


class AvailabilityOut(Schema):
    date: dt.date
    open: bool
    opens: dt.time | None
    closes: dt.time | None
    closed_reason: str | None = Field(description="A public holiday, a closed day or weekday.")
    busy: list[BusyOut] = Field(description="Taken times, without who took them.")

    @staticmethod
    def resolve_date(schedule) -> dt.date:
        return schedule.day

    @staticmethod
    def resolve_open(schedule) -> bool:
        return schedule.is_open


class AvailabilityQuery(Schema):
    date: dt.date = Field(description="YYYY-MM-DD")


class BookingIn(Schema):
    room: str = Field(max_length=120, description="Slug of the room.")
    start: dt.datetime = Field(description="With a time zone offset, or Warsaw time.")
    end: dt.datetime
    purpose: str = Field(max_length=300)
    expected_people: int = Field(ge=1)
    organization: str | None = Field(
        None, max_length=120, description="Slug of an organisation you represent."
    )
    layout: str = Field("", max_length=20)
    equipment_needed: str = Field("", max_length=2000)
    notes: str = Field("", max_length=2000)
    contact_phone: str = Field("", max_length=40)


class BookingOut(Schema):
    id: int
    room: str
    start: dt.datetime
    end: dt.datetime
    status: str = Field(description="pending, approved, rejected or cancelled.")
    purpose: str
    expected_people: int
    organization: OrganizationRefOut | None
    decision_reason: str

    @staticmethod
    def resolve_room(booking: RoomBooking) -> str:
        return booking.room.slug

    @staticmethod
    def resolve_start(booking: RoomBooking) -> dt.datetime:
        return timezone.localtime(booking.start)

    @staticmethod
    def resolve_end(booking: RoomBooking) -> dt.datetime:
        return timezone.localtime(booking.end)


def _rooms():
    return Room.objects.for_listing()


@router.get(
    "/rooms",
    response=list[RoomOut],
    tags=["rooms"],
    url_name="room-list",
    operation_id="listRooms",
    summary="Rooms of the centre that can be booked",
)
@paginate(LimitOffsetPagination)
def list_rooms(request):
    return _rooms()


@router.get(
    "/rooms/{slug}",
    response={200: RoomOut, 404: ErrorOut},
    tags=["rooms"],
    url_name="room-detail",
    operation_id="getRoom",
)
def get_room(request, slug: str):
    return get_object_or_404(_rooms(), slug=slug)


@router.get(
    "/rooms/{slug}/availability",
    response={200: AvailabilityOut, 400: ErrorOut, 404: ErrorOut},
    tags=["rooms"],
    url_name="room-availability",
    operation_id="getRoomAvailability",
    summary="Opening hours and taken times of a room on one day",
)
def room_availability(request, slug: str, query: Query[AvailabilityQuery]):
    room = get_object_or_404(_rooms(), slug=slug)
    return services.day_schedule(room=room, day=query.date)


def _aware(moment: dt.datetime) -> dt.datetime:
    return moment if timezone.is_aware(moment) else timezone.make_aware(moment)


def _organization_for(user, slug: str | None) -> Organization | None:
    """The organisation the booking is for, which the caller must be allowed to book for."""
    if can_book_on_behalf(user):
        if not slug:
            return None
        found = Organization.objects.published().filter(slug=slug).first()
    else:
        if not slug:
            raise ValidationError({"organization": _("Give the organisation you are booking for.")})
        found = represented_organizations(user).filter(slug=slug).first()
    if found is None:
        raise ValidationError(
            {"organization": _("You do not represent an organisation with this address.")}
        )
    return found


@router.post(
    "/bookings",
    auth=token_auth,
    response={
        201: BookingOut,
        400: ErrorOut,
        401: ErrorOut,
        403: ErrorOut,
        404: ErrorOut,
        409: ErrorOut,
    },
    tags=["rooms"],
    url_name="booking-create",
    operation_id="requestRoomBooking",
    summary="Request a room for the token owner's organisation (awaits approval)",
)
def create_booking(request, payload: BookingIn):
    user = request.auth
    if not (can_book_on_behalf(user) or represented_organizations(user).exists()):
        return Status(
            403, {"detail": _("Only representatives of organisations can request rooms.")}
        )
    room = get_object_or_404(_rooms(), slug=payload.room)
    if payload.layout and payload.layout not in Room.Layout.values:
        raise ValidationError({"layout": _("Unknown layout.")})
    try:
        booking = services.request_booking(
            room=room,
            start=_aware(payload.start),
            end=_aware(payload.end),
            purpose=payload.purpose,
            expected_people=payload.expected_people,
            requested_by=user,
            organization=_organization_for(user, payload.organization),
            layout=payload.layout,
            equipment_needed=payload.equipment_needed,
            notes=payload.notes,
            contact_phone=payload.contact_phone,
            language=translation.get_language(),
        )
    except services.BookingConflict as error:
        return conflict(error)
    return Status(201, booking)


@router.get(
    "/bookings",
    auth=token_auth,
    response={200: list[BookingOut], 401: ErrorOut},
    tags=["rooms"],
    url_name="booking-list",
    operation_id="listMyRoomBookings",
    summary="Room bookings of the token's owner and of the organisations they represent",
)
@paginate(LimitOffsetPagination)
def list_bookings(request):
    return (
        RoomBooking.objects.for_user(request.auth)
        .select_related("room", "organization")
        .order_by("-start", "-pk")
    )
