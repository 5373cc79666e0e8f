"""Who may see and change organisations. Views and the API ask here, nowhere else."""

from django.http import Http404
from django.shortcuts import get_object_or_404

from .models import Membership, Organization


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
