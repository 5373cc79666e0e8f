"""Who may see, add and change grant calls, and who may receive their alerts."""

from django.http import Http404

from pomyslowice.organizations.models import Membership, Organization

from .models import GrantCall


def can_add_grant_call(user) -> bool:
    return user.is_authenticated and user.has_perm("events.add_grantcall")


def can_change_grant_call(user) -> bool:
    return user.is_authenticated and user.has_perm("events.change_grantcall")


def get_grant_call_for_user(user, slug: str) -> GrantCall:
    """A published call for everyone; a hidden one only for the staff who may edit it."""
    calls = GrantCall.objects.for_listing().prefetch_related("attachments")
    if not can_change_grant_call(user):
        calls = calls.published()
    call = calls.filter(slug=slug).first()
    if call is None:
        raise Http404
    return call


def represented_organizations(user):
    """Organisations the user is an active representative of: only they may receive alerts."""
    if not user.is_authenticated:
        return Organization.objects.none()
    return Organization.objects.filter(
        memberships__user=user, memberships__status=Membership.Status.ACTIVE
    ).order_by("name", "pk")
