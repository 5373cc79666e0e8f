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
from pomyslowice.api.errors import conflict, error_responses
from pomyslowice.api.pagination import LimitOffsetPagination
from pomyslowice.organizations.api import OrganizationRefOut, absolute_url
from pomyslowice.organizations.models import Organization

from . import room_services as services
from .models import Room, RoomBooking
from .permissions import can_book_on_behalf, represented_organizations

router = Router()


# Local wall-clock times; JSON Schema's "time" format would demand a UTC offset they lack.
WALL_CLOCK = r"^[0-2][0-9]:[0-5][0-9]:[0-5][0-9]$"


def wall_clock(moment: dt.time | None) -> str | None:
    return moment.strftime("%H:%M:%S") if moment is not None else None


class OpeningHoursOut(Schema):
    weekday: int = Field(description="0 = Monday … 6 = Sunday.", examples=[0])
    opens: str = Field(
        pattern=WALL_CLOCK, description="Opening time, Warsaw wall clock.", examples=["08:00:00"]
    )
    closes: str = Field(
        pattern=WALL_CLOCK, description="Closing time, Warsaw wall clock.", examples=["20:00:00"]
    )

    @staticmethod
    def resolve_opens(hours) -> str:
        return wall_clock(hours.opens)

    @staticmethod
    def resolve_closes(hours) -> str:
        return wall_clock(hours.closes)


class RoomOut(Schema):
    id: int = Field(description="Stable identifier.", examples=[2])
    slug: str = Field(description="Stable address part of its page.", examples=["sala-szkoleniowa"])
    name: str = Field(description="Name.", examples=["Sala szkoleniowa"])
    description: str = Field(
        description="Plain-text description.", examples=["Jasna sala na szkolenia i warsztaty."]
    )
    capacity: int = Field(description="How many people it holds.", examples=[30])
    location: str = Field(description="Where in the building.", examples=["parter, pokój 3"])
    layouts: list[str] = Field(
        description="Furniture layouts it can be set up in.", examples=[["classroom", "theatre"]]
    )
    built_in_equipment: str = Field(
        description="Equipment always in the room.", examples=["Ekran projekcyjny, flipchart."]
    )
    step_free_access: bool = Field(description="Reachable without steps.", examples=[True])
    accessible_toilet: bool = Field(description="Accessible toilet nearby.", examples=[True])
    hearing_loop: bool = Field(description="Has an induction loop.", examples=[False])
    accessibility_notes: str = Field(
        description="More about accessibility.", examples=["Winda od strony parkingu."]
    )
    rules: str = Field(description="House rules.", examples=["Prosimy o pozostawienie porządku."])
    opening_hours: list[OpeningHoursOut] = Field(description="Weekdays without a row: closed.")
    url: str = Field(
        description="The room's page on the site.",
        examples=["https://pomyslowice.example.org/osrodek/sale/sala-szkoleniowa/"],
    )

    @staticmethod
    def resolve_opening_hours(room: Room) -> list:
        return list(room.opening_hours.all())

    @staticmethod
    def resolve_url(room: Room) -> str:
        return absolute_url(room.get_absolute_url())


class RoomFilters(Schema):
    people: int | None = Field(
        None,
        ge=1,
        le=10_000,
        description="Only rooms holding at least this many people.",
        examples=[20],
    )
    step_free: bool | None = Field(
        None, description="true: only rooms reachable without steps.", examples=[True]
    )
    layout: Room.Layout | None = Field(None, description="Only rooms that can be set up so.")

    def apply(self, rooms):
        if self.people is not None:
            rooms = rooms.filter(capacity__gte=self.people)
        if self.step_free is not None:
            rooms = rooms.filter(step_free_access=self.step_free)
        if self.layout:
            # Layouts are a short list per room; filtered in Python so it works on every database.
            return [room for room in rooms if self.layout in room.layouts]
        return rooms


class BusyOut(Schema):
    start: dt.datetime = Field(
        description="Start, Warsaw time with its offset.", examples=["2026-12-01T10:00:00+01:00"]
    )
    end: dt.datetime = Field(
        description="End, Warsaw time with its offset.", examples=["2026-12-01T12:00:00+01:00"]
    )
    status: str = Field(
        description="approved or pending (awaiting approval).", examples=["approved"]
    )

    @staticmethod
    def resolve_status(busy) -> str:
        return "approved" if busy.approved else "pending"


class AvailabilityOut(Schema):
    date: dt.date = Field(description="The day asked for.", examples=["2026-12-01"])
    open: bool = Field(description="The room is open that day.", examples=[True])
    opens: str | None = Field(
        pattern=WALL_CLOCK, description="Opening time, Warsaw wall clock.", examples=["08:00:00"]
    )
    closes: str | None = Field(
        pattern=WALL_CLOCK, description="Closing time, Warsaw wall clock.", examples=["20:00:00"]
    )
    closed_reason: str | None = Field(
        description="A public holiday, a closed day or weekday.", examples=["Boże Narodzenie"]
    )
    busy: list[BusyOut] = Field(description="Taken times, without who took them.")

    @staticmethod
    def resolve_date(schedule) -> dt.date:
        return schedule.day

    @staticmethod
    def resolve_open(schedule) -> bool:
        return schedule.is_open

    @staticmethod
    def resolve_opens(schedule) -> str | None:
        return wall_clock(schedule.opens)

    @staticmethod
    def resolve_closes(schedule) -> str | None:
        return wall_clock(schedule.closes)


class AvailabilityQuery(Schema):
    date: dt.date = Field(description="The day, YYYY-MM-DD.", examples=["2026-12-01"])


class BookingIn(Schema):
    room: str = Field(
        max_length=120, description="Slug of the room.", examples=["sala-szkoleniowa"]
    )
    start: dt.datetime = Field(
        description="With a time zone offset, or Warsaw time.",
        examples=["2026-12-01T10:00:00+01:00"],
    )
    end: dt.datetime = Field(
        description="With a time zone offset, or Warsaw time.",
        examples=["2026-12-01T12:00:00+01:00"],
    )
    purpose: str = Field(max_length=300, description="What for.", examples=["Walne zebranie"])
    expected_people: int = Field(
        ge=1, le=10_000, description="How many people will come.", examples=[12]
    )
    organization: str | None = Field(
        None,
        max_length=120,
        description="Slug of an organisation you represent.",
        examples=["klub-seniora"],
    )
    layout: str = Field(
        "", max_length=20, description="One of the room's layouts, or empty.", examples=["theatre"]
    )
    equipment_needed: str = Field(
        "", max_length=2000, description="Equipment to prepare.", examples=["rzutnik"]
    )
    notes: str = Field("", max_length=2000, description="Anything else.", examples=[""])
    contact_phone: str = Field(
        "", max_length=40, description="Phone for the day.", examples=["+48 600 000 000"]
    )


class BookingOut(Schema):
    id: int = Field(description="Stable identifier of the booking.", examples=[812])
    room: str = Field(description="Slug of the room.", examples=["sala-szkoleniowa"])
    start: dt.datetime = Field(
        description="Start, Warsaw time with its offset.", examples=["2026-12-01T10:00:00+01:00"]
    )
    end: dt.datetime = Field(
        description="End, Warsaw time with its offset.", examples=["2026-12-01T12:00:00+01:00"]
    )
    status: str = Field(
        description="pending, approved, rejected or cancelled.", examples=["pending"]
    )
    purpose: str = Field(description="What for.", examples=["Walne zebranie"])
    expected_people: int = Field(description="How many people will come.", examples=[12])
    organization: OrganizationRefOut | None = Field(description="The organisation it is for.")
    decision_reason: str = Field(
        description="Why it was rejected, when it was.", examples=["Sala zajęta przez szkolenie."]
    )

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
    response={200: list[RoomOut], **error_responses(400, 401)},
    tags=["rooms"],
    url_name="room-list",
    operation_id="listRooms",
    summary="Rooms of the centre that can be booked",
    description="Active rooms with their opening hours, by name.",
)
@paginate(LimitOffsetPagination)
def list_rooms(request, filters: Query[RoomFilters]):
    return filters.apply(_rooms())


@router.get(
    "/rooms/{slug}",
    response={200: RoomOut, **error_responses(401, 404)},
    tags=["rooms"],
    url_name="room-detail",
    operation_id="getRoom",
    summary="One room",
    description="By its slug; a room no longer offered is a 404.",
)
def get_room(request, slug: str):
    return get_object_or_404(_rooms(), slug=slug)


@router.get(
    "/rooms/{slug}/availability",
    response={200: AvailabilityOut, **error_responses(400, 401, 404)},
    tags=["rooms"],
    url_name="room-availability",
    operation_id="getRoomAvailability",
    summary="Opening hours and taken times of a room on one day",
    description="Whether the room is open that day (public holidays and closed days count) "
    "and which times are taken; who took them is never shown. `date` is required.",
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
    response={201: BookingOut, **error_responses(400, 401, 403, 404, 409)},
    tags=["rooms"],
    url_name="booking-create",
    operation_id="requestRoomBooking",
    summary="Request a room for the token owner's organisation (awaits approval)",
    description="Needs a token of an organisation's representative (403 otherwise). 400: "
    "invalid times or fields; 404: unknown room; 409: the time is already taken.",
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
    response={200: list[BookingOut], **error_responses(400, 401)},
    tags=["rooms"],
    url_name="booking-list",
    operation_id="listMyRoomBookings",
    summary="Room bookings of the token's owner and of the organisations they represent",
    description="Needs a token. Newest first.",
)
@paginate(LimitOffsetPagination)
def list_bookings(request):
    return (
        RoomBooking.objects.for_user(request.auth)
        .select_related("room", "organization")
        .order_by("-start", "-pk")
    )
