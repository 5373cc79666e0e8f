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

from pomyslowice.api.errors import error_responses
from pomyslowice.api.pagination import LimitOffsetPagination
from pomyslowice.core.db_routing import read_from_replica
from pomyslowice.core.page_cache import cache_public_api
from pomyslowice.core.sanitize import clean_html
from pomyslowice.organizations.api import AreaOut, DistrictOut, OrganizationRefOut, absolute_url

from . import availability, permissions
from .models import ADULT_AGE, Offer

router = Router()

PART_NAMES = ("morning", "afternoon", "evening")
WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


class SkillOut(Schema):
    slug: str = Field(
        description="Stable identifier, used by the `skill` filter.", examples=["grafika"]
    )
    name: str = Field(description="Name.", examples=["grafika komputerowa"])


class SlotOut(Schema):
    weekday: str = Field(description="monday … sunday", examples=["saturday"])
    part: str = Field(description="morning, afternoon or evening", examples=["morning"])


class HostOffersOut(Schema):
    training: bool = Field(description="The host trains the volunteer.", examples=[True])
    travel_costs: bool = Field(description="The host covers travel costs.", examples=[False])
    certificate: bool = Field(description="The host issues a certificate.", examples=[True])
    other: str | None = Field(description="Anything else offered.", examples=["koszulka, obiad"])


class OpportunityOut(Schema):
    id: int = Field(description="Stable identifier.", examples=[23])
    slug: str = Field(
        description="Stable address part of its page.", examples=["pomoc-w-swietlicy"]
    )
    title: str = Field(description="Title.", examples=["Pomoc w odrabianiu lekcji w świetlicy"])
    url: str = Field(
        description="The offer's page on the site.",
        examples=["https://pomyslowice.example.org/wolontariat/pomoc-w-swietlicy/"],
    )
    host: OrganizationRefOut = Field(description="The organisation looking for volunteers.")
    description: str = Field(
        description="Sanitised HTML.", examples=["<p>Szukamy osób do pomocy dzieciom.</p>"]
    )
    tasks: list[str] = Field(
        description="What the volunteer will do.", examples=[["pomoc w lekcjach", "gry"]]
    )
    skills: list[SkillOut] = Field(description="Skills wanted.")
    areas: list[AreaOut] = Field(description="Areas of public benefit it serves.")
    district: DistrictOut | None = Field(description="District of Mysłowice, when known.")
    address: str | None = Field(description="Where it takes place.", examples=["ul. Mickiewicza 5"])
    remote: bool = Field(description="Can be done remotely.", examples=[False])
    schedule: Offer.Schedule = Field(
        description="How the time is arranged.", examples=["recurring"]
    )
    schedule_label: str = Field(
        description="The schedule in the request's language.",
        examples=["recurring (regular days)"],
    )
    schedule_note: str | None = Field(
        description="More about the schedule.", examples=["wtorki 15–17"]
    )
    starts_on: date | None = Field(description="First day.", examples=["2027-01-10"])
    ends_on: date | None = Field(description="Last day.", examples=["2027-06-20"])
    availability: list[SlotOut] = Field(description="When the work takes place; empty: flexible.")
    duration: Offer.Duration = Field(
        description="short: up to 30 days; long: more than 30.", examples=["long"]
    )
    places: int = Field(description="How many volunteers are wanted.", examples=[3])
    min_age: int = Field(description="Youngest age accepted.", examples=[16])
    minors_welcome: bool = Field(description="Open to volunteers under 18.", examples=[True])
    works_with_children: bool = Field(
        description="Involves work with children (a criminal register check is needed).",
        examples=[True],
    )
    host_offers: HostOffersOut = Field(description="What the host gives volunteers.")
    expires_on: date | None = Field(
        description="The offer is taken down after this day.", examples=["2027-01-31"]
    )
    published_at: datetime | None = Field(
        description="When it was published.", examples=["2026-11-20T12:00:00+01:00"]
    )

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
    q: str | None = Field(
        None,
        max_length=200,
        description="Words in the title, text or host.",
        examples=["świetlica"],
    )
    area: str | None = Field(
        None, max_length=100, description="Slug of an area of benefit (see /areas)."
    )
    skill: str | None = Field(
        None, max_length=100, description="Slug of a skill.", examples=["grafika"]
    )
    district: str | None = Field(
        None, max_length=100, description="Slug of a district (see /districts)."
    )
    host: str | None = Field(
        None,
        max_length=220,
        description="Slug of the host organisation.",
        examples=["klub-seniora"],
    )
    remote: bool | None = Field(None, description="true: only offers that can be done remotely.")
    schedule: Offer.Schedule | None = Field(None, description="Only this kind of schedule.")
    duration: Offer.Duration | None = Field(None, description="Only short or only long offers.")
    minors: bool | None = Field(
        None, description="true: only offers open to minors; false: only adults-only offers."
    )
    age: int | None = Field(
        None,
        ge=0,
        le=150,
        description="Only offers open to a volunteer of this age.",
        examples=[17],
    )

    def apply(self, offers):
        if self.area:
            offers = offers.through_relation(areas__slug=self.area)
        if self.skill:
            offers = offers.through_relation(skills__slug=self.skill)
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
    response={200: list[OpportunityOut], **error_responses(400, 401)},
    tags=["volunteering"],
    url_name="opportunity-list",
    operation_id="listOpportunities",
    summary="Open volunteer offers, newest first",
    description="A caller whose token belongs to a minor sees only the offers open to their "
    "age. Unknown slugs in filters give an empty list; a value of the wrong type is a 400.",
)
@cache_public_api("volunteering", "organizations")
@read_from_replica
@paginate(LimitOffsetPagination)
def list_opportunities(request, filters: Query[OpportunityFilters]):
    return filters.apply(_open_offers(request)).order_by("-published_at", "-pk")


@router.get(
    "/opportunities/{slug}",
    response={200: OpportunityOut, **error_responses(401, 404)},
    tags=["volunteering"],
    url_name="opportunity-detail",
    operation_id="getOpportunity",
    summary="One open volunteer offer",
    description="By its slug; an offer not open (draft, in review, filled, closed, expired) "
    "is a 404.",
)
@cache_public_api("volunteering", "organizations")
@read_from_replica
def get_opportunity(request, slug: str):
    return get_object_or_404(_open_offers(request), slug=slug)
