"""Who may see and change what among organisations and people. Views and the API ask here.

A person's profile is public only field by field, as far as that person has consented. Views and
templates never read a Person's fields for the public directly: they go through `public_profile`,
which holds only what the active consents allow.
"""

import hashlib
from dataclasses import dataclass, field
from datetime import timedelta

from django.core import signing
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404

from pomyslowice.core.models import AreaOfBenefit
from pomyslowice.core.sanitize import safe_html

from .models import Membership, Organization, Person, PersonConsent

CONSENT_LINK_SALT = "pomyslowice.people.consent-link"
CONSENT_LINK_MAX_AGE = timedelta(days=30)


def can_moderate(user) -> bool:
    return user.is_authenticated and user.has_perm("organizations.moderate_organization")


def can_see_caretaker(user) -> bool:
    return user.is_authenticated and user.has_perm("organizations.view_caretaker")


def can_assign_caretaker(user) -> bool:
    return user.is_authenticated and user.has_perm("organizations.change_organization")


def is_representative(user, organization: Organization) -> bool:
    return (
        user.is_authenticated
        and Membership.objects.filter(
            user=user, organization=organization, status=Membership.Status.ACTIVE
        ).exists()
    )


def can_edit_organization(user, organization: Organization) -> bool:
    """Staff with the change permission, the organisation's representatives, and the submitter
    of a registration not yet published (to correct it before or after a rejection)."""
    if not user.is_authenticated:
        return False
    if user.has_perm("organizations.change_organization"):
        return True
    if organization.status != Organization.Status.PUBLISHED:
        return organization.submitted_by_id == user.pk
    return is_representative(user, organization)


def can_claim(user, organization: Organization, membership: Membership | None) -> bool:
    """A logged-in person may ask to represent a published organisation they do not act for yet."""
    return (
        user.is_authenticated
        and organization.status == Organization.Status.PUBLISHED
        and (membership is None or membership.status == Membership.Status.REJECTED)
    )


def get_organization_for_user(user, slug: str) -> Organization:
    """A published profile for anyone; one awaiting approval or rejected only for its submitter,
    its representatives and moderators. Anything else is a 404, never a hint that it exists."""
    organization = get_object_or_404(
        Organization.objects.select_related("district", "caretaker", "submitted_by"), slug=slug
    )
    if organization.status == Organization.Status.PUBLISHED:
        return organization
    if user.is_authenticated and (
        organization.submitted_by_id == user.pk
        or can_moderate(user)
        or is_representative(user, organization)
    ):
        return organization
    raise Http404


# People ---------------------------------------------------------------------------------------


def can_manage_people(user) -> bool:
    """Coordinators and caretakers add leaders on their behalf and follow up their consent."""
    return user.is_authenticated and user.has_perm("organizations.manage_people")


def public_people():
    """Published people with everything the public profile needs, in a fixed number of queries."""
    return (
        Person.objects.published()
        .with_active_consents()
        .prefetch_related(
            "areas",
            Prefetch(
                "organizations",
                queryset=Organization.objects.published().only("name", "slug"),
                to_attr="public_organizations",
            ),
        )
    )


def get_public_person(slug: str) -> Person:
    return get_object_or_404(public_people(), slug=slug)


def get_contactable_person(slug: str) -> Person:
    """Only a person who agreed to be contacted has a contact form; for others it does not exist."""
    person = get_public_person(slug)
    if PersonConsent.Field.CONTACT not in active_consent_fields(person):
        raise Http404
    return person


def get_person_for_owner(user) -> Person | None:
    """The signed-in user's own leader profile, with its full consent history."""
    return (
        Person.objects.filter(user=user)
        .prefetch_related("areas", "organizations", "consents")
        .first()
    )


def drafts_awaiting_consent():
    """People the centre added who have never answered: no account and no consent ever given."""
    return (
        Person.objects.filter(user__isnull=True, consents__isnull=True)
        .select_related("added_by")
        .order_by("-created_at")
    )


def get_draft_for_staff(user, pk: int) -> Person:
    """A draft the centre may resend or discard."""
    if not can_manage_people(user):
        raise PermissionDenied
    return get_object_or_404(drafts_awaiting_consent(), pk=pk)


def active_consent_fields(person: Person) -> frozenset[str]:
    consents = getattr(person, "active_consents", None)
    if consents is None:
        consents = person.consents.filter(withdrawn_at__isnull=True)
    return frozenset(consent.field for consent in consents)


# Consent links -------------------------------------------------------------------------------


def _email_fingerprint(email: str) -> str:
    # Binding the link to the address it was sent to means a link mailed to a mistyped
    # address stops working as soon as the centre corrects it.
    return hashlib.sha256(email.strip().lower().encode()).hexdigest()[:16]


def make_consent_token(person: Person) -> str:
    value = f"{person.pk}.{_email_fingerprint(person.email)}"
    return signing.TimestampSigner(salt=CONSENT_LINK_SALT).sign(value)


def get_person_for_consent_token(token: str) -> Person:
    """The person a consent link was sent to.

    Raises signing.SignatureExpired for a link older than 30 days, signing.BadSignature for a
    damaged one, and Http404 when the person no longer exists, has changed address or has an
    account (account holders manage their profile after logging in).
    """
    value = signing.TimestampSigner(salt=CONSENT_LINK_SALT).unsign(
        token, max_age=CONSENT_LINK_MAX_AGE
    )
    pk, _dot, fingerprint = value.partition(".")
    person = (
        Person.objects.filter(pk=pk, user__isnull=True)
        .with_active_consents()
        .prefetch_related("areas", "organizations")
        .first()
        if pk.isdigit()
        else None
    )
    if person is None or _email_fingerprint(person.email) != fingerprint:
        raise Http404
    return person


# What the public sees --------------------------------------------------------------------------


@dataclass(frozen=True)
class PublicProfile:
    """The consented part of a person's profile; anything not consented is simply absent."""

    name: str
    slug: str
    url: str
    bio_html: str = ""  # sanitised HTML, marked safe
    skills: str = ""
    areas: list[AreaOfBenefit] = field(default_factory=list)
    organizations: list[Organization] = field(default_factory=list)
    photo_url: str = ""
    contactable: bool = False


def public_profile(person: Person) -> PublicProfile | None:
    """None when the person has not consented to showing their name: then nothing is shown."""
    consented = active_consent_fields(person)
    if PersonConsent.Field.NAME not in consented:
        return None
    shown = {
        "name": person.full_name,
        "slug": person.slug,
        "url": person.get_absolute_url(),
        "contactable": PersonConsent.Field.CONTACT in consented,
    }
    if PersonConsent.Field.BIO in consented:
        # Stored sanitised already; cleaning again guards against edits that bypassed the services.
        shown["bio_html"] = safe_html(person.bio)
    if PersonConsent.Field.SKILLS in consented:
        shown["skills"] = person.skills
    if PersonConsent.Field.AREAS in consented:
        shown["areas"] = list(person.areas.all())
    if PersonConsent.Field.ORGANIZATIONS in consented:
        shown["organizations"] = _public_organizations(person)
    if PersonConsent.Field.PHOTO in consented and person.photo:
        shown["photo_url"] = person.photo.url
    return PublicProfile(**shown)


def _public_organizations(person: Person) -> list[Organization]:
    prefetched = getattr(person, "public_organizations", None)
    if prefetched is not None:
        return list(prefetched)
    return list(person.organizations.published())
