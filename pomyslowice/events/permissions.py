"""Who may see, submit, change and moderate events and grant calls. Views and the API ask here."""

from django.http import Http404
from django.shortcuts import get_object_or_404

from pomyslowice.organizations.models import Membership, Organization

from .models import Event, GrantCall


def can_moderate_events(user) -> bool:
    return user.is_authenticated and user.has_perm("events.moderate_event")


def can_manage_events(user) -> bool:
    """Staff who may change any event: edit it, cancel it, postpone it."""
    return user.is_authenticated and user.has_perm("events.change_event")


def organizations_user_may_submit_for(user):
    """Published organisations the user may name as an event's organiser."""
    published = Organization.objects.published().order_by("name", "pk")
    if not user.is_authenticated:
        return published.none()
    if user.has_perm("events.add_event"):
        return published
    return published.filter(
        memberships__user=user, memberships__status=Membership.Status.ACTIVE
    ).distinct()


def can_submit_event(user) -> bool:
    return organizations_user_may_submit_for(user).exists()


def represents_organizer(user, event: Event) -> bool:
    return (
        user.is_authenticated
        and event.organizer_id is not None
        and Membership.objects.filter(
            user=user, organization_id=event.organizer_id, status=Membership.Status.ACTIVE
        ).exists()
    )


def can_edit_event(user, event: Event) -> bool:
    """Staff with the change permission and the organiser's active representatives."""
    return can_manage_events(user) or represents_organizer(user, event)


def get_event_for_user(user, slug: str) -> Event:
    """A public event for anyone; any other only for its submitter, the organiser's
    representatives and moderators. Anything else is a 404, never a hint that it exists."""
    event = get_object_or_404(
        Event.objects.select_related("organizer", "district", "submitted_by"), slug=slug
    )
    if event.status in Event.PUBLIC_STATUSES:
        return event
    if user.is_authenticated and (
        event.submitted_by_id == user.pk
        or can_moderate_events(user)
        or represents_organizer(user, event)
    ):
        return event
    raise Http404


# Grant calls ---------------------------------------------------------------------------------


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


# Registrations -------------------------------------------------------------------------------


def can_manage_registrations(user, event: Event) -> bool:
    """Staff with events.change_registration and the organiser's active representatives see the
    attendee list, approve registrations, mark attendance and close registration."""
    return user.is_authenticated and (
        user.has_perm("events.change_registration") or represents_organizer(user, event)
    )


def can_get_certificate(user, registration) -> bool:
    """The participant, staff with events.change_registration and the organiser's
    representatives."""
    return user.is_authenticated and (
        registration.user_id == user.pk or can_manage_registrations(user, registration.event)
    )
