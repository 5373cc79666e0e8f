"""Public API of the calendar: published events (also cancelled and postponed ones, flagged).

Submitters, moderation notes of rejected events and events not yet approved never leave the
database through this module, whoever asks.
"""

from datetime import date, datetime, time, timedelta

from django.db.models import Q
from django.shortcuts import get_object_or_404
from django.utils import timezone
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate

from pomyslowice.api.errors import ErrorOut
from pomyslowice.api.pagination import LimitOffsetPagination
from pomyslowice.core.sanitize import clean_html
from pomyslowice.organizations.api import AreaOut, DistrictOut, OrganizationRefOut, absolute_url
from pomyslowice.organizations.models import Organization

from .models import Event

router = Router()


def _is_public(organization: Organization) -> bool:
    return organization.status == Organization.Status.PUBLISHED


def _or_none(value: str | None) -> str | None:
    return value or None


class EventOut(Schema):
    slug: str
    title: str
    category: Event.Category
    category_label: str
    description: str = Field(description="Sanitised HTML.")
    start: datetime
    end: datetime
    all_day: bool
    status: str = Field(description="published, cancelled or postponed.")
    place_name: str | None
    address: str | None
    district: DistrictOut | None
    online_url: str | None
    audience: str | None
    is_free: bool
    price: str | None
    accessibility: str | None
    image_url: str | None
    url: str = Field(description="The event's page on the site.")
    organizer: OrganizationRefOut | None
    co_organizers: list[OrganizationRefOut] = Field(description="Published organisations only.")
    areas: list[AreaOut]

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
        None, description="Events ending on or after this date or moment (default: now)."
    )
    end: date | datetime | None = Field(
        None, description="Events starting before the end of this date, or before this moment."
    )
    category: Event.Category | None = None
    organization: str | None = Field(
        None, max_length=120, description="Slug of the organiser or a co-organiser."
    )
    area: str | None = Field(None, max_length=100, description="Slug of an area of benefit.")

    def apply(self, events):
        events = events.filter(end__gte=_moment(self.start, end_of_day=False) or timezone.now())
        if self.end is not None:
            events = events.filter(start__lt=_moment(self.end, end_of_day=True))
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
    response=list[EventOut],
    tags=["events"],
    url_name="event-list",
    operation_id="listEvents",
    summary="Published events, upcoming by default",
)
@paginate(LimitOffsetPagination)
def list_events(request, filters: Query[EventFilters]):
    return filters.apply(_public_events()).order_by("start", "pk")


@router.get(
    "/events/{slug}",
    response={200: EventOut, 404: ErrorOut},
    tags=["events"],
    url_name="event-detail",
    operation_id="getEvent",
    summary="One published event",
)
def get_event(request, slug: str):
    return get_object_or_404(_public_events(), slug=slug)
