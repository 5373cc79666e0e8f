"""Public API of the calendar: published events (also cancelled and postponed ones, flagged).

Submitters, moderation notes of rejected events and events not yet approved never leave the
database through this module, whoever asks.
"""

from datetime import date, datetime, time, timedelta

from django.core.exceptions import ValidationError
from django.db.models import Q
from django.shortcuts import get_object_or_404
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema, Status
from ninja.pagination import paginate

from pomyslowice.api.auth import token_auth
from pomyslowice.api.errors import error_responses
from pomyslowice.api.pagination import LimitOffsetPagination
from pomyslowice.core.db_routing import read_from_replica
from pomyslowice.core.page_cache import cache_public_api
from pomyslowice.core.sanitize import clean_html
from pomyslowice.organizations.api import AreaOut, DistrictOut, OrganizationRefOut, absolute_url
from pomyslowice.organizations.models import Organization

from . import recurrence, registration_services
from .models import Event
from .permissions import represented_organizations

router = Router()
NEXT_OCCURRENCES = 10


def _is_public(organization: Organization) -> bool:
    return organization.status == Organization.Status.PUBLISHED


def _or_none(value: str | None) -> str | None:
    return value or None


class EventOut(Schema):
    id: int = Field(description="Stable identifier.", examples=[101])
    slug: str = Field(
        description="Stable address part of its page.", examples=["warsztaty-pisania-wnioskow"]
    )
    title: str = Field(description="Title.", examples=["Warsztaty pisania wniosków"])
    category: Event.Category = Field(description="Kind of event.", examples=["workshop"])
    category_label: str = Field(
        description="Kind of event in the request's language.", examples=["workshop"]
    )
    description: str = Field(
        description="Sanitised HTML.", examples=["<p>Jak napisać dobry wniosek o dotację.</p>"]
    )
    start: datetime = Field(
        description="Start, in Warsaw time with its offset.", examples=["2026-12-03T17:00:00+01:00"]
    )
    end: datetime = Field(
        description="End, in Warsaw time with its offset.", examples=["2026-12-03T19:00:00+01:00"]
    )
    all_day: bool = Field(description="Takes whole days; ignore the times.", examples=[False])
    recurrence_rule: str | None = Field(
        description="RFC 5545 RRULE of a repeating event.", examples=["FREQ=WEEKLY;BYDAY=TU"]
    )
    next_occurrences: list[datetime] = Field(
        description="Starts of the next dates (at most 10), in Warsaw time.",
        examples=[["2026-12-08T17:00:00+01:00", "2026-12-15T17:00:00+01:00"]],
    )
    status: str = Field(description="published, cancelled or postponed.", examples=["published"])
    place_name: str | None = Field(description="Name of the place.", examples=["Centrum NGO"])
    address: str | None = Field(
        description="Street address.", examples=["ul. Powstańców 1, Mysłowice"]
    )
    district: DistrictOut | None = Field(description="District of Mysłowice, when known.")
    online_url: str | None = Field(
        description="Where to join online.", examples=["https://meet.example.org/warsztaty"]
    )
    audience: str | None = Field(description="Who it is for.", examples=["członkowie NGO"])
    is_free: bool = Field(description="Free of charge.", examples=[True])
    price: str | None = Field(description="Price, when not free.", examples=["20 zł"])
    accessibility: str | None = Field(
        description="Accessibility information.", examples=["Sala na parterze, pętla indukcyjna."]
    )
    image_url: str | None = Field(
        description="Absolute address of the image.",
        examples=["https://pomyslowice.example.org/media/events/warsztaty.jpg"],
    )
    url: str = Field(
        description="The event's page on the site.",
        examples=["https://pomyslowice.example.org/wydarzenia/warsztaty-pisania-wnioskow/"],
    )
    organizer: OrganizationRefOut | None = Field(
        description="The organiser, when it is a published organisation."
    )
    co_organizers: list[OrganizationRefOut] = Field(description="Published organisations only.")
    areas: list[AreaOut] = Field(description="Areas of public benefit it concerns.")

    @staticmethod
    def resolve_category_label(event: Event) -> str:
        return str(event.get_category_display())

    @staticmethod
    def resolve_description(event: Event) -> str:
        return clean_html(event.description)

    @staticmethod
    def resolve_start(event: Event) -> datetime:
        return timezone.localtime(event.start)

    @staticmethod
    def resolve_end(event: Event) -> datetime:
        return timezone.localtime(event.end)

    @staticmethod
    def resolve_recurrence_rule(event: Event) -> str | None:
        return _or_none(event.recurrence_rule)

    @staticmethod
    def resolve_next_occurrences(event: Event) -> list[datetime]:
        upcoming = recurrence.occurrences(event, timezone.now())[:NEXT_OCCURRENCES]
        return [timezone.localtime(occurrence.start) for occurrence in upcoming]

    @staticmethod
    def resolve_place_name(event: Event) -> str | None:
        return _or_none(event.place_name)

    @staticmethod
    def resolve_address(event: Event) -> str | None:
        return _or_none(event.address)

    @staticmethod
    def resolve_online_url(event: Event) -> str | None:
        return _or_none(event.online_url)

    @staticmethod
    def resolve_audience(event: Event) -> str | None:
        return _or_none(event.audience)

    @staticmethod
    def resolve_price(event: Event) -> str | None:
        return _or_none(event.price)

    @staticmethod
    def resolve_accessibility(event: Event) -> str | None:
        return _or_none(event.accessibility)

    @staticmethod
    def resolve_image_url(event: Event) -> str | None:
        return absolute_url(event.image.url) if event.image else None

    @staticmethod
    def resolve_url(event: Event) -> str:
        return absolute_url(event.get_absolute_url())

    @staticmethod
    def resolve_organizer(event: Event):
        organizer = event.organizer
        return (
            organizer
            if organizer is not None and organizer.status == Organization.Status.PUBLISHED
            else None
        )

    @staticmethod
    def resolve_co_organizers(event: Event) -> list:
        return [
            org for org in event.co_organizers.all() if org.status == Organization.Status.PUBLISHED
        ]

    @staticmethod
    def resolve_areas(event: Event) -> list:
        return list(event.areas.all())


class EventFilters(Schema):
    start: date | datetime | None = Field(
        None,
        description="Events ending on or after this date or moment (default: now).",
        examples=["2026-12-01"],
    )
    end: date | datetime | None = Field(
        None,
        description="Events starting before the end of this date, or before this moment.",
        examples=["2026-12-31"],
    )
    category: Event.Category | None = Field(None, description="Only this kind of event.")
    organization: str | None = Field(
        None,
        max_length=120,
        description="Slug of the organiser or a co-organiser.",
        examples=["klub-seniora"],
    )
    area: str | None = Field(
        None, max_length=100, description="Slug of an area of benefit (see /areas)."
    )

    def apply(self, events):
        # Repeating events starting before the end are included; next_occurrences has their dates.
        events = events.overlapping(
            _moment(self.start, end_of_day=False) or timezone.now(),
            _moment(self.end, end_of_day=True),
        )
        if self.category:
            events = events.filter(category=self.category)
        if self.organization:
            events = events.filter(
                Q(organizer__slug=self.organization) | Q(co_organizers__slug=self.organization)
            ).distinct()
        if self.area:
            events = events.filter(areas__slug=self.area)
        return events


def _moment(value, *, end_of_day: bool) -> datetime | None:
    """A date means the start of that day, or (as an upper bound) the start of the next."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value if timezone.is_aware(value) else timezone.make_aware(value)
    moment = timezone.make_aware(datetime.combine(value, time.min))
    return moment + timedelta(days=1) if end_of_day else moment


def _public_events():
    return (
        Event.objects.published()
        .select_related("organizer", "district")
        .prefetch_related("areas", "co_organizers")
    )


@router.get(
    "/events",
    response={200: list[EventOut], **error_responses(400, 401)},
    tags=["events"],
    url_name="event-list",
    operation_id="listEvents",
    summary="Published events, upcoming by default",
    description="Published, cancelled and postponed events (flagged in `status`), by start. "
    "A repeating event is listed once; `next_occurrences` has its dates. Unknown slugs in "
    "filters give an empty list; a value of the wrong type is a 400.",
)
@cache_public_api("events", "organizations")
@read_from_replica
@paginate(LimitOffsetPagination)
def list_events(request, filters: Query[EventFilters]):
    return filters.apply(_public_events()).order_by("start", "pk")


@router.get(
    "/events/{slug}",
    response={200: EventOut, **error_responses(401, 404)},
    tags=["events"],
    url_name="event-detail",
    operation_id="getEvent",
    summary="One published event",
    description="By its slug; an event not published (or rejected) is a 404.",
)
@cache_public_api("events", "organizations")
@read_from_replica
def get_event(request, slug: str):
    return get_object_or_404(_public_events(), slug=slug)


class RegistrationIn(Schema):
    organization: str | None = Field(
        None,
        max_length=120,
        description="Slug of an organisation the caller represents.",
        examples=["klub-seniora"],
    )
    needs: str = Field(
        "",
        max_length=2000,
        description="Accessibility, diet and the like.",
        examples=["Dieta wegetariańska."],
    )
    consent: bool = Field(
        False, description="Required when the event asks for consent.", examples=[True]
    )


class RegistrationOut(Schema):
    id: int = Field(description="Stable identifier of the registration.", examples=[555])
    status: str = Field(description="confirmed, waitlisted or pending.", examples=["confirmed"])


@router.post(
    "/events/{slug}/registrations",
    auth=token_auth,
    response={201: RegistrationOut, **error_responses(400, 401, 404, 409)},
    tags=["events"],
    url_name="event-registrations",
    operation_id="registerForEvent",
    summary="Register the token's owner for an event",
    description="Needs a token. 400: registration closed, consent missing or an organisation "
    "the caller does not represent; 409: already registered.",
)
def register_for_event(request, slug: str, payload: RegistrationIn):
    event = get_object_or_404(Event.objects.published(), slug=slug)
    user = request.auth
    organization = None
    if payload.organization:
        organization = represented_organizations(user).filter(slug=payload.organization).first()
        if organization is None:
            raise ValidationError(
                {"organization": _("You do not represent an organisation with this address.")}
            )
    try:
        registration = registration_services.register(
            event=event,
            name=user.get_full_name() or user.email,
            email=user.email,
            user=user,
            organization=organization,
            needs=payload.needs,
            consent=payload.consent,
            language=translation.get_language(),
        )
    except ValidationError as error:
        if getattr(error, "code", None) == "duplicate":
            return Status(409, {"detail": " ".join(error.messages)})
        raise
    return Status(201, registration)
