"""Who may see and change what in the volunteer centre. Views and the API ask here.

Anything a person may not see is a 404, never a hint that it exists: other volunteers'
applications, engagements and profiles are invisible, not forbidden. Minors never see offers
that are not open to their age. A volunteer's profile reaches hosts only if the volunteer opted
in, and then only the fields they chose (`host_view`).
"""

import dataclasses

from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone

from pomyslowice.core.ages import age_on
from pomyslowice.organizations.models import Membership, Organization

from .models import (
    Application,
    CertificateRequest,
    Engagement,
    HoursEntry,
    Offer,
    VolunteerProfile,
)


def _has(user, permission: str) -> bool:
    return user.is_authenticated and user.has_perm(permission)


def can_review_offers(user) -> bool:
    """Review and publish offers, see every offer, application and engagement (the caretaker)."""
    return _has(user, "volunteering.review_offer")


def can_see_everything(user) -> bool:
    """Read access to all of the volunteer centre's records (caretaker, coordinator, analyst)."""
    return _has(user, "volunteering.view_application")


def can_manage_outreach(user) -> bool:
    return _has(user, "volunteering.manage_outreach")


def host_organizations(user):
    """Published organisations the user actively represents: the hosts they act for."""
    if not user.is_authenticated:
        return Organization.objects.none()
    return (
        Organization.objects.published()
        .filter(memberships__user=user, memberships__status=Membership.Status.ACTIVE)
        .order_by("name", "pk")
        .distinct()
    )


def is_host(user, offer: Offer) -> bool:
    return host_organizations(user).filter(pk=offer.host_id).exists()


def can_edit_offer(user, offer: Offer) -> bool:
    return can_review_offers(user) or is_host(user, offer)


def user_age(user) -> int | None:
    """The person's age today; None for anonymous visitors and accounts without a birth date."""
    if not user.is_authenticated:
        return None
    return age_on(user.birth_date, timezone.localdate())


def visible_offers(user):
    """Open offers the user may see: minors only those open to their age."""
    return Offer.objects.open().open_to_age(user_age(user))


def get_offer_for_user(user, slug: str) -> Offer:
    """An offer's page: open offers for everyone allowed by age; any status for its host and
    the caretaker."""
    offer = get_object_or_404(Offer.objects.select_related("host", "district"), slug=slug)
    if can_edit_offer(user, offer):
        return offer
    if not visible_offers(user).filter(pk=offer.pk).exists():
        raise Http404
    return offer


def get_offer_for_host(user, slug: str) -> Offer:
    """An offer its host (or the caretaker) manages; 404 for anyone else."""
    offer = get_object_or_404(Offer.objects.select_related("host"), slug=slug)
    if not can_edit_offer(user, offer):
        raise Http404
    return offer


def _applications_for(user):
    if can_see_everything(user) or can_review_offers(user):
        return Application.objects.all()
    if not user.is_authenticated:
        return Application.objects.none()
    return Application.objects.filter(
        Q(volunteer=user) | Q(offer__host__in=host_organizations(user))
    )


def get_application_for_user(user, pk: int) -> Application:
    """The volunteer's own application, one sent to a host the user represents, or any for the
    caretaker; 404 otherwise (forged ids included)."""
    return get_object_or_404(
        _applications_for(user).select_related("offer__host", "volunteer"), pk=pk
    )


def get_engagement_for_user(user, pk: int) -> Engagement:
    return get_object_or_404(
        Engagement.objects.filter(application__in=_applications_for(user)).select_related(
            "application__offer__host", "application__volunteer"
        ),
        pk=pk,
    )


def is_volunteer_of(user, engagement: Engagement) -> bool:
    return user.is_authenticated and engagement.application.volunteer_id == user.pk


def acts_for_host(user, engagement: Engagement) -> bool:
    """The host's representatives and the caretaker act for the host in an engagement."""
    return can_review_offers(user) or is_host(user, engagement.application.offer)


def findable_profiles(user):
    """Volunteer profiles a host representative (or staff) may browse; none for anyone else."""
    if can_see_everything(user) or host_organizations(user).exists():
        return VolunteerProfile.objects.findable()
    return VolunteerProfile.objects.none()


@dataclasses.dataclass(frozen=True)
class HostView:
    """What a host sees of a volunteer who opted in: only the fields the volunteer allowed."""

    profile_id: int
    name: str | None
    email: str | None
    phone: str | None
    about: str | None
    experience: str | None
    skills: list[str]
    areas: list[str]
    district: str | None
    languages: str
    availability: int
    is_minor: bool


def host_view(profile: VolunteerProfile) -> HostView:
    """Hosts read volunteers only through this: name and contact only if the volunteer chose."""
    age = profile.age()
    return HostView(
        profile_id=profile.pk,
        name=profile.user.get_full_name() if profile.show_name else None,
        email=profile.user.email if profile.show_contact else None,
        phone=(profile.phone or None) if profile.show_contact else None,
        about=profile.about if profile.show_experience else None,
        experience=profile.experience if profile.show_experience else None,
        skills=[skill.name for skill in profile.skills.all()],
        areas=[area.name for area in profile.areas.all()],
        district=profile.district.name if profile.district else None,
        languages=profile.languages,
        availability=profile.availability,
        is_minor=age is not None and age < 18,
    )


# --- outreach log and the initiative group ----------------------------------------------------


def can_read_outreach(user) -> bool:
    """The outreach log's lists and counts: its keepers, and analysts (who see no names)."""
    return can_manage_outreach(user) or _has(user, "volunteering.view_outreachmeeting")


def can_see_outreach_volunteers(user) -> bool:
    """Names of the volunteers who came through a meeting: only the log's keepers."""
    return can_manage_outreach(user)


def can_read_group(user) -> bool:
    """The initiative group's members, meetings and actions: its keepers, and read-only staff who
    may see all of the volunteer centre's records."""
    return can_manage_outreach(user) or can_see_everything(user)


# --- offers ----------------------------------------------------------------------------


def offer_host_choices(user):
    """Organisations the user may post offers for: those they represent; any published one for
    the caretaker, who posts on behalf of hosts without an account."""
    if can_review_offers(user):
        return Organization.objects.published().order_by("name", "pk")
    return host_organizations(user)


def managed_offers(user):
    """Offers in any status the user manages: their organisations' ones; all for the caretaker."""
    if can_review_offers(user):
        return Offer.objects.all()
    return Offer.objects.for_host(host_organizations(user))


# --- hours and certificates ------------------------------------------------------------


def hours_entries_for(user):
    """Hours entries the user may see: their own, those in their host organisations'
    engagements, or all of them for staff who read every record."""
    if can_see_everything(user) or can_review_offers(user):
        return HoursEntry.objects.all()
    if not user.is_authenticated:
        return HoursEntry.objects.none()
    return HoursEntry.objects.filter(
        Q(engagement__application__volunteer=user)
        | Q(engagement__application__offer__host__in=host_organizations(user))
    )


def get_hours_entry_for_user(user, pk: int):
    """An entry the user may see (404 otherwise, forged ids included)."""
    return get_object_or_404(
        hours_entries_for(user).select_related(
            "engagement__application__offer__host", "engagement__application__volunteer"
        ),
        pk=pk,
    )


def hours_overview_entries(user):
    """The hours overview: everything for staff, the host organisations' entries for their
    representatives; None for anyone else (their overview is a 404)."""
    if can_see_everything(user) or can_review_offers(user):
        return HoursEntry.objects.all()
    organizations = host_organizations(user)
    if not organizations.exists():
        return None
    return HoursEntry.objects.filter(engagement__application__offer__host__in=organizations)


def can_export_hours(user) -> bool:
    """The CSV of everyone's hours is for the centre's staff."""
    return can_see_everything(user)


def get_certificate_request_for_user(user, pk: int):
    """A certificate or opinion request of an engagement the user may see; 404 otherwise."""
    return get_object_or_404(
        CertificateRequest.objects.filter(
            engagement__application__in=_applications_for(user)
        ).select_related(
            "engagement__application__offer__host",
            "engagement__application__volunteer",
            "issued_by",
        ),
        pk=pk,
    )
