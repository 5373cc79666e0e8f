"""Public API of the volunteer centre: open volunteer offers ("opportunities") only.

Drafts, offers in review, filled, closed and expired ones are a 404. A caller whose token
belongs to a minor sees only the offers open to their age, like on the site. Contact people's
names and addresses stay on the site's pages.
"""

from datetime import date, datetime

from django.db.models import Q
from django.shortcuts import get_object_or_404
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate

from pomyslowice.api.errors import ErrorOut
from pomyslowice.api.pagination import LimitOffsetPagination
from pomyslowice.core.sanitize import clean_html
from pomyslowice.organizations.api import AreaOut, DistrictOut, OrganizationRefOut, absolute_url

from . import availability, permissions
from .models import ADULT_AGE, Offer

router = Router()

PART_NAMES = ("morning", "afternoon", "evening")
WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


class SkillOut(Schema):
    slug: str
    name: str


class SlotOut(Schema):
    weekday: str = Field(description="monday … sunday")
    part: str = Field(description="morning, afternoon or evening")


class HostOffersOut(Schema):
    training: bool
    travel_costs: bool
    certificate: bool
    other: str | None


class OpportunityOut(Schema):
    slug: str
    title: str
    url: str = Field(description="The offer's page on the site.")
    host: OrganizationRefOut
    description: str = Field(description="Sanitised HTML.")
    tasks: list[str]
    skills: list[SkillOut]
    areas: list[AreaOut]
    district: DistrictOut | None
    address: str | None
    remote: bool
    schedule: Offer.Schedule
    schedule_label: str
    schedule_note: str | None
    starts_on: date | None
    ends_on: date | None
    availability: list[SlotOut] = Field(description="When the work takes place; empty: flexible.")
    duration: Offer.Duration = Field(description="short: up to 30 days; long: more than 30.")
    places: int
    min_age: int
    minors_welcome: bool
    works_with_children: bool
    host_offers: HostOffersOut
    expires_on: date | None
    published_at: datetime | None

    @staticmethod
    def resolve_url(offer: Offer) -> str:
        return absolute_url(offer.get_absolute_url())

    @staticmethod
    def resolve_description(offer: Offer) -> str:
        return clean_html(offer.description)

    @staticmethod
    def resolve_tasks(offer: Offer) -> list[str]:
        return [line.strip(" -•\t") for line in offer.tasks.splitlines() if line.strip(" -•\t")]

    @staticmethod
    def resolve_skills(offer: Offer) -> list:
        return list(offer.skills.all())

    @staticmethod
    def resolve_areas(offer: Offer) -> list:
        return list(offer.areas.all())

    @staticmethod
    def resolve_address(offer: Offer) -> str | None:
        return offer.address or None

    @staticmethod
    def resolve_remote(offer: Offer) -> bool:
        return offer.is_remote

    @staticmethod
    def resolve_schedule_label(offer: Offer) -> str:
        return str(offer.get_schedule_display())

    @staticmethod
    def resolve_schedule_note(offer: Offer) -> str | None:
        return offer.schedule_note or None

    @staticmethod
    def resolve_availability(offer: Offer) -> list[dict]:
        return [
            {"weekday": WEEKDAY_NAMES[weekday], "part": PART_NAMES[part]}
            for weekday, part in availability.slots(offer.availability)
        ]

    @staticmethod
    def resolve_host_offers(offer: Offer) -> dict:
        return {
            "training": offer.offers_training,
            "travel_costs": offer.covers_travel,
            "certificate": offer.offers_certificate,
            "other": offer.offers_other or None,
        }


class OpportunityFilters(Schema):
    q: str | None = Field(None, max_length=200, description="Words in the title, text or host.")
    area: str | None = Field(None, max_length=100, description="Slug of an area of benefit.")
    skill: str | None = Field(None, max_length=100, description="Slug of a skill.")
    district: str | None = Field(None, max_length=100, description="Slug of a district.")
    host: str | None = Field(None, max_length=220, description="Slug of the host organisation.")
    remote: bool | None = Field(None, description="true: only offers that can be done remotely.")
    schedule: Offer.Schedule | None = None
    duration: Offer.Duration | None = None
    minors: bool | None = Field(
        None, description="true: only offers open to minors; false: only adults-only offers."
    )
    age: int | None = Field(
        None, ge=0, le=150, description="Only offers open to a volunteer of this age."
    )

    def apply(self, offers):
        if self.area:
            offers = offers.filter(areas__slug=self.area)
        if self.skill:
            offers = offers.filter(skills__slug=self.skill)
        if self.district:
            offers = offers.filter(district__slug=self.district)
        if self.host:
            offers = offers.filter(host__slug=self.host)
        if self.remote is not None:
            offers = offers.filter(is_remote=self.remote)
        if self.schedule:
            offers = offers.filter(schedule=self.schedule)
        if self.duration:
            offers = offers.filter(duration=self.duration)
        if self.minors is not None:
            adults_only = Q(min_age__gte=ADULT_AGE)
            offers = offers.exclude(adults_only) if self.minors else offers.filter(adults_only)
        if self.age is not None:
            offers = offers.filter(min_age__lte=self.age)
        for word in (self.q or "").split()[:10]:
            offers = offers.filter(
                Q(title__icontains=word)
                | Q(description__icontains=word)
                | Q(tasks__icontains=word)
                | Q(host__name__icontains=word)
            )
        return offers


def _open_offers(request):
    return (
        permissions.visible_offers(request.user)
        .select_related("host", "district")
        .prefetch_related("skills", "areas")
    )


@router.get(
    "/opportunities",
    response=list[OpportunityOut],
    tags=["volunteering"],
    url_name="opportunity-list",
    operation_id="listOpportunities",
    summary="Open volunteer offers, newest first",
)
@paginate(LimitOffsetPagination)
def list_opportunities(request, filters: Query[OpportunityFilters]):
    return filters.apply(_open_offers(request)).distinct().order_by("-published_at", "-pk")


@router.get(
    "/opportunities/{slug}",
    response={200: OpportunityOut, 404: ErrorOut},
    tags=["volunteering"],
    url_name="opportunity-detail",
    operation_id="getOpportunity",
    summary="One open volunteer offer",
)
def get_opportunity(request, slug: str):
    return get_object_or_404(_open_offers(request), slug=slug)
