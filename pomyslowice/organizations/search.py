"""What the search index holds of organisations and people: only what the public may see."""

from django.utils.translation import gettext_lazy as _

from pomyslowice.core.sanitize import plain_text
from pomyslowice.search.registry import Document, Searchable, register

from .models import Organization, Person, PersonConsent
from .permissions import public_people, public_profile


def organization_document(organization: Organization) -> Document | None:
    if organization.status != Organization.Status.PUBLISHED:
        return None
    body = [
        organization.short_name,
        organization.get_kind_display(),
        plain_text(organization.description),
        organization.city,
        organization.district.name if organization.district else "",
        *(area.name for area in organization.areas.all()),
        organization.krs or "",
    ]
    return Document(
        title=organization.name,
        body="\n".join(part for part in body if part),
        url=organization.get_absolute_url(),
    )


def person_document(person: Person) -> Document | None:
    profile = public_profile(person)
    if profile is None:
        return None
    body = [
        plain_text(profile.bio_html),
        profile.skills,
        *(area.name for area in profile.areas),
        *(organization.name for organization in profile.organizations),
    ]
    return Document(
        title=profile.name, body="\n".join(part for part in body if part), url=profile.url
    )


register(
    Searchable(
        kind="organization",
        label=_("Organisations"),
        model=Organization,
        document=organization_document,
        queryset=lambda: (
            Organization.objects.published().select_related("district").prefetch_related("areas")
        ),
    )
)
register(
    Searchable(
        kind="person",
        label=_("People"),
        model=Person,
        document=person_document,
        queryset=public_people,
        # Withdrawing or giving a consent changes what may be shown, at once.
        watch={PersonConsent: lambda consent: [consent.person]},
    )
)
