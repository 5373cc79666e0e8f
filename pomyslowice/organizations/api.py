"""Public API of the directory: published organisations and consented parts of people's profiles.

Only what the public pages show is here. Caretakers, submitters, memberships, rejection reasons and
people's e-mail addresses never leave the database through this module, whoever asks.
"""

from datetime import datetime
from typing import Literal
from urllib.parse import urljoin

from django.conf import settings
from django.shortcuts import get_object_or_404
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate

from pomyslowice.api.errors import error_responses
from pomyslowice.api.pagination import LimitOffsetPagination
from pomyslowice.core.db_routing import read_from_replica
from pomyslowice.core.models import AreaOfBenefit, District
from pomyslowice.core.page_cache import cache_public_api
from pomyslowice.core.sanitize import clean_html

from .models import Organization
from .permissions import PublicProfile, public_people, public_profile

router = Router()
# Inlined in OpenAPI: several models have an enum called Kind, which would share one schema.
OrganizationKind = Literal[tuple(Organization.Kind.values)]


def absolute_url(path: str) -> str:
    return urljoin(settings.SITE_URL, path)


def _or_none(value: str | None) -> str | None:
    """A value not given (or not consented to) is null in the API, never an empty string."""
    return value or None


class AreaOut(Schema):
    id: int = Field(description="Stable identifier.", examples=[12])
    code: str = Field(
        description="Point of art. 4 sec. 1 of the Act on public benefit activity.",
        examples=["1a"],
    )
    name: str = Field(
        description="Name as in the Act.", examples=["działalność na rzecz osób niepełnosprawnych"]
    )
    slug: str = Field(
        description="Stable address part, used by the `area` filters.",
        examples=["osoby-niepelnosprawne"],
    )


class DistrictOut(Schema):
    id: int = Field(description="Stable identifier.", examples=[3])
    slug: str = Field(
        description="Stable address part, used by the `district` filters.", examples=["piasek"]
    )
    name: str = Field(description="Name of the district of Mysłowice.", examples=["Piasek"])


class AddressOut(Schema):
    street: str | None = Field(description="Street and number.", examples=["ul. Powstańców 1"])
    postal_code: str | None = Field(description="Polish postal code.", examples=["41-400"])
    city: str | None = Field(description="City or town.", examples=["Mysłowice"])
    district: DistrictOut | None = Field(description="District of Mysłowice, when known.")


class ContactOut(Schema):
    email: str | None = Field(description="Public contact address.", examples=["biuro@example.org"])
    phone: str | None = Field(description="Public phone number.", examples=["+48 32 222 33 44"])
    website: str | None = Field(description="Website.", examples=["https://example.org/"])
    facebook: str | None = Field(
        description="Facebook page.", examples=["https://www.facebook.com/example"]
    )
    instagram: str | None = Field(
        description="Instagram profile.", examples=["https://www.instagram.com/example"]
    )
    youtube: str | None = Field(
        description="YouTube channel.", examples=["https://www.youtube.com/@example"]
    )
    linkedin: str | None = Field(
        description="LinkedIn page.", examples=["https://www.linkedin.com/company/example"]
    )


CONTACT_FIELDS = tuple(ContactOut.model_fields)


class OrganizationOut(Schema):
    id: int = Field(description="Stable identifier.", examples=[42])
    slug: str = Field(description="Stable address part of its page.", examples=["klub-seniora"])
    name: str = Field(description="Full name.", examples=["Stowarzyszenie Klub Seniora Mysłowice"])
    short_name: str | None = Field(description="Short name, if any.", examples=["Klub Seniora"])
    kind: OrganizationKind = Field(description="Legal form.", examples=["stowarzyszenie"])
    kind_label: str = Field(
        description="Legal form in the request's language.", examples=["association"]
    )
    description: str = Field(
        description="Sanitised HTML.", examples=["<p>Spotkania, wycieczki i zajęcia.</p>"]
    )
    url: str = Field(
        description="The organisation's page on the site.",
        examples=["https://pomyslowice.example.org/organizacje/klub-seniora/"],
    )
    logo_url: str | None = Field(
        description="Absolute address of the logo.",
        examples=["https://pomyslowice.example.org/media/logos/klub.png"],
    )
    address: AddressOut = Field(description="Postal address; unknown parts are null.")
    contact: ContactOut = Field(description="Public contact details; unknown ones are null.")
    krs: str | None = Field(description="KRS number (10 digits).", examples=["0000123456"])
    nip: str | None = Field(description="Tax number (10 digits).", examples=["2220000000"])
    regon: str | None = Field(description="REGON (9 or 14 digits).", examples=["240000000"])
    is_public_benefit: bool = Field(
        description="Has the public benefit status (OPP).", examples=[True]
    )
    areas: list[AreaOut] = Field(description="Areas of public benefit it works in.")
    published_at: datetime | None = Field(
        description="When it was published in the directory.",
        examples=["2026-03-02T10:15:00+01:00"],
    )

    @staticmethod
    def resolve_short_name(org: Organization) -> str | None:
        return _or_none(org.short_name)

    @staticmethod
    def resolve_description(org: Organization) -> str:
        # Stored sanitised; cleaning again, as the profile page does, covers edits made elsewhere.
        return clean_html(org.description)

    @staticmethod
    def resolve_kind_label(org: Organization) -> str:
        return str(org.get_kind_display())

    @staticmethod
    def resolve_url(org: Organization) -> str:
        return absolute_url(org.get_absolute_url())

    @staticmethod
    def resolve_logo_url(org: Organization) -> str | None:
        return absolute_url(org.logo.url) if org.logo else None

    @staticmethod
    def resolve_address(org: Organization) -> dict:
        return {
            "street": _or_none(org.street),
            "postal_code": _or_none(org.postal_code),
            "city": _or_none(org.city),
            "district": org.district,
        }

    @staticmethod
    def resolve_contact(org: Organization) -> dict:
        return {field: _or_none(getattr(org, field)) for field in CONTACT_FIELDS}

    @staticmethod
    def resolve_krs(org: Organization) -> str | None:
        return _or_none(org.krs)

    @staticmethod
    def resolve_nip(org: Organization) -> str | None:
        return _or_none(org.nip)

    @staticmethod
    def resolve_regon(org: Organization) -> str | None:
        return _or_none(org.regon)

    @staticmethod
    def resolve_areas(org: Organization) -> list:
        return list(org.areas.all())


class OrganizationFilters(Schema):
    q: str | None = Field(
        None, max_length=200, description="Words in the name or city.", examples=["senior"]
    )
    kind: OrganizationKind | None = Field(None, description="Only this legal form.")
    area: str | None = Field(
        None, max_length=100, description="Slug of an area of benefit (see /areas)."
    )
    district: str | None = Field(
        None, max_length=100, description="Slug of a district (see /districts)."
    )
    public_benefit: bool | None = Field(
        None, description="Only public benefit organisations (OPP), or only the others."
    )

    def apply(self, organizations):
        if self.q:
            organizations = organizations.search(self.q)
        if self.kind:
            organizations = organizations.filter(kind=self.kind)
        if self.area:
            organizations = organizations.filter(areas__slug=self.area)
        if self.district:
            organizations = organizations.filter(district__slug=self.district)
        if self.public_benefit is not None:
            organizations = organizations.filter(is_public_benefit=self.public_benefit)
        return organizations


@router.get(
    "/organizations",
    response={200: list[OrganizationOut], **error_responses(400, 401)},
    tags=["organizations"],
    url_name="organization-list",
    operation_id="listOrganizations",
    summary="Published organisations",
    description="The directory of organisations, by name. Unknown slugs in filters give an "
    "empty list; values of the wrong type are a 400.",
)
@cache_public_api("organizations")
@read_from_replica
@paginate(LimitOffsetPagination)
def list_organizations(request, filters: Query[OrganizationFilters]):
    organizations = Organization.objects.published().for_listing()
    return filters.apply(organizations).order_by("name", "pk")


@router.get(
    "/organizations/{slug}",
    response={200: OrganizationOut, **error_responses(401, 404)},
    tags=["organizations"],
    url_name="organization-detail",
    operation_id="getOrganization",
    summary="One published organisation",
    description="By its slug; an organisation not (or no longer) published is a 404.",
)
@cache_public_api("organizations")
@read_from_replica
def get_organization(request, slug: str):
    return get_object_or_404(Organization.objects.published().for_listing(), slug=slug)


class OrganizationRefOut(Schema):
    id: int = Field(description="Stable identifier.", examples=[42])
    slug: str = Field(description="Stable address part of its page.", examples=["klub-seniora"])
    name: str = Field(description="Full name.", examples=["Stowarzyszenie Klub Seniora Mysłowice"])


class PersonOut(Schema):
    """Built from permissions.public_profile, the one place that applies the consents:
    a field without its owner's active consent is null (or an empty list)."""

    slug: str = Field(
        description="Stable identifier of the person's page.", examples=["anna-nowak"]
    )
    name: str = Field(description="Full name.", examples=["Anna Nowak"])
    url: str = Field(
        description="The person's page on the site.",
        examples=["https://pomyslowice.example.org/ludzie/anna-nowak/"],
    )
    bio: str | None = Field(
        description="Sanitised HTML.", examples=["<p>Prowadzi klub seniora od 2015 roku.</p>"]
    )
    skills: str | None = Field(
        description="What the person can help with.", examples=["księgowość, pisanie wniosków"]
    )
    areas: list[AreaOut] = Field(description="Areas of public benefit the person works in.")
    organizations: list[OrganizationRefOut] = Field(description="Published organisations only.")
    photo_url: str | None = Field(
        description="Absolute address of the photo.",
        examples=["https://pomyslowice.example.org/media/people/anna.jpg"],
    )

    @staticmethod
    def resolve_url(profile: PublicProfile) -> str:
        return absolute_url(profile.url)

    @staticmethod
    def resolve_bio(profile: PublicProfile) -> str | None:
        return _or_none(profile.bio_html)

    @staticmethod
    def resolve_skills(profile: PublicProfile) -> str | None:
        return _or_none(profile.skills)

    @staticmethod
    def resolve_photo_url(profile: PublicProfile) -> str | None:
        return absolute_url(profile.photo_url) if profile.photo_url else None


class PeoplePageOut(Schema):
    count: int = Field(description="How many people there are in all.", examples=[12])
    items: list[PersonOut] = Field(description="This page of them.")


@router.get(
    "/people",
    response={200: PeoplePageOut, **error_responses(400, 401)},
    tags=["people"],
    url_name="person-list",
    operation_id="listPeople",
    summary="Activists and leaders who agreed to be listed",
    description="Only people who consented to showing their name, and of them only the fields "
    "they consented to; the rest is null. Their slug is the stable identifier.",
)
@cache_public_api("organizations")
@read_from_replica
def list_people(request, page: Query[LimitOffsetPagination.Input]):
    # Paginated by hand because each person becomes a PublicProfile before it is serialised.
    people = public_people().order_by("full_name", "pk")
    result = LimitOffsetPagination().paginate_queryset(people, page, request)
    return {"count": result["count"], "items": [public_profile(p) for p in result["items"]]}


class AreaListOut(Schema):
    count: int = Field(description="How many areas there are.", examples=[40])
    items: list[AreaOut] = Field(description="Every area in force, in the order of the Act.")


@router.get(
    "/areas",
    response={200: AreaListOut, **error_responses(401)},
    tags=["reference"],
    url_name="area-list",
    operation_id="listAreas",
    summary="Areas of public benefit",
    description="The spheres of public tasks of the Act on public benefit activity and "
    "volunteering (art. 4 sec. 1), as used by every `area` filter. Not paginated: it is short.",
)
@cache_public_api("organizations")
@read_from_replica
def list_areas(request):
    areas = list(AreaOfBenefit.objects.filter(is_active=True).order_by("position", "pk"))
    return {"count": len(areas), "items": areas}


class DistrictListOut(Schema):
    count: int = Field(description="How many districts there are.", examples=[13])
    items: list[DistrictOut] = Field(description="Every district, by name.")


@router.get(
    "/districts",
    response={200: DistrictListOut, **error_responses(401)},
    tags=["reference"],
    url_name="district-list",
    operation_id="listDistricts",
    summary="Districts of Mysłowice",
    description="As used by every `district` filter. Not paginated: it is short.",
)
@cache_public_api("organizations")
@read_from_replica
def list_districts(request):
    districts = list(District.objects.order_by("name", "pk"))
    return {"count": len(districts), "items": districts}
