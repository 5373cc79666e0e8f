"""Public API of the directory: published organisations and consented parts of people's profiles.

Only what the public pages show is here. Caretakers, submitters, memberships, rejection reasons and
people's e-mail addresses never leave the database through this module, whoever asks.
"""

from datetime import datetime
from urllib.parse import urljoin

from django.conf import settings
from django.shortcuts import get_object_or_404
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate

from pomyslowice.api.errors import ErrorOut
from pomyslowice.api.pagination import LimitOffsetPagination
from pomyslowice.core.sanitize import clean_html

from .models import Organization
from .permissions import PublicProfile, public_people, public_profile

router = Router()


def absolute_url(path: str) -> str:
    return urljoin(settings.SITE_URL, path)


def _or_none(value: str | None) -> str | None:
    """A value not given (or not consented to) is null in the API, never an empty string."""
    return value or None


class AreaOut(Schema):
    code: str
    name: str
    slug: str


class DistrictOut(Schema):
    slug: str
    name: str


class AddressOut(Schema):
    street: str | None
    postal_code: str | None
    city: str | None
    district: DistrictOut | None


class ContactOut(Schema):
    email: str | None
    phone: str | None
    website: str | None
    facebook: str | None
    instagram: str | None
    youtube: str | None
    linkedin: str | None


CONTACT_FIELDS = tuple(ContactOut.model_fields)


class OrganizationOut(Schema):
    slug: str
    name: str
    short_name: str | None
    kind: Organization.Kind
    kind_label: str
    description: str = Field(description="Sanitised HTML.")
    url: str = Field(description="The organisation's page on the site.")
    logo_url: str | None
    address: AddressOut
    contact: ContactOut
    krs: str | None
    nip: str | None
    regon: str | None
    is_public_benefit: bool
    areas: list[AreaOut]
    published_at: datetime | None

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
    q: str | None = Field(None, max_length=200, description="Words in the name or city.")
    kind: Organization.Kind | None = None
    area: str | None = Field(None, max_length=100, description="Slug of an area of benefit.")
    district: str | None = Field(None, max_length=100, description="Slug of a district.")
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
    response=list[OrganizationOut],
    tags=["organizations"],
    url_name="organization-list",
    operation_id="listOrganizations",
    summary="Published organisations",
)
@paginate(LimitOffsetPagination)
def list_organizations(request, filters: Query[OrganizationFilters]):
    organizations = Organization.objects.published().for_listing()
    return filters.apply(organizations).order_by("name", "pk")


@router.get(
    "/organizations/{slug}",
    response={200: OrganizationOut, 404: ErrorOut},
    tags=["organizations"],
    url_name="organization-detail",
    operation_id="getOrganization",
    summary="One published organisation",
)
def get_organization(request, slug: str):
    return get_object_or_404(Organization.objects.published().for_listing(), slug=slug)


class OrganizationRefOut(Schema):
    slug: str
    name: str


class PersonOut(Schema):
    """Built from permissions.public_profile, the one place that applies the consents:
    a field without its owner's active consent is null (or an empty list)."""

    slug: str
    name: str
    url: str = Field(description="The person's page on the site.")
    bio: str | None = Field(description="Sanitised HTML.")
    skills: str | None
    areas: list[AreaOut]
    organizations: list[OrganizationRefOut] = Field(description="Published organisations only.")
    photo_url: str | None

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
    count: int
    items: list[PersonOut]


@router.get(
    "/people",
    response=PeoplePageOut,
    tags=["people"],
    url_name="person-list",
    operation_id="listPeople",
    summary="Activists and leaders who agreed to be listed",
)
def list_people(request, page: Query[LimitOffsetPagination.Input]):
    # Paginated by hand because each person becomes a PublicProfile before it is serialised.
    people = public_people().order_by("full_name", "pk")
    result = LimitOffsetPagination().paginate_queryset(people, page, request)
    return {"count": result["count"], "items": [public_profile(p) for p in result["items"]]}
