"""The access helpers themselves, persona by persona."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import Http404

from pomyslowice.organizations.models import Membership, Organization
from pomyslowice.organizations.permissions import (
    can_assign_caretaker,
    can_claim,
    can_edit_organization,
    can_moderate,
    can_see_caretaker,
    get_organization_for_user,
)
from tests.conftest import PERSONAS


def user_of(users, persona):
    return users[persona] or AnonymousUser()


@pytest.mark.parametrize("persona", PERSONAS)
def test_staff_abilities(users, persona):
    user = user_of(users, persona)
    assert can_moderate(user) == (persona in {"coordinator", "ngo_caretaker"})
    assert can_assign_caretaker(user) == (persona in {"coordinator", "ngo_caretaker"})
    assert can_see_caretaker(user) == (
        persona in {"coordinator", "analyst", "ngo_caretaker", "volunteer_caretaker"}
    )


@pytest.mark.parametrize("persona", PERSONAS)
def test_who_edits_a_published_profile(users, organization, persona):
    allowed = {"representative", "coordinator", "ngo_caretaker"}
    assert can_edit_organization(user_of(users, persona), organization) == (persona in allowed)


def test_pending_or_rejected_membership_gives_no_editing(users, organization):
    resident = users["resident"]
    membership = Membership.objects.create(user=resident, organization=organization)
    assert not can_edit_organization(resident, organization)
    membership.status = Membership.Status.REJECTED
    membership.save()
    assert not can_edit_organization(resident, organization)


def test_submitter_edits_only_until_publication(users, submitter, pending_organization):
    assert can_edit_organization(submitter, pending_organization)
    pending_organization.status = Organization.Status.PUBLISHED
    assert not can_edit_organization(submitter, pending_organization)


@pytest.mark.parametrize("persona", PERSONAS)
def test_get_organization_for_user(users, organization, pending_organization, persona):
    user = user_of(users, persona)
    assert get_organization_for_user(user, organization.slug) == organization
    if persona in {"coordinator", "ngo_caretaker"}:
        assert get_organization_for_user(user, pending_organization.slug) == pending_organization
    else:
        with pytest.raises(Http404):
            get_organization_for_user(user, pending_organization.slug)
    with pytest.raises(Http404):
        get_organization_for_user(user, "nie-istnieje")


def test_rejected_profile_stays_visible_to_its_submitter(submitter, pending_organization):
    pending_organization.status = Organization.Status.REJECTED
    pending_organization.save()
    assert get_organization_for_user(submitter, pending_organization.slug) == pending_organization


def test_can_claim(users, organization, pending_organization):
    resident = users["resident"]
    assert can_claim(resident, organization, None)
    assert not can_claim(AnonymousUser(), organization, None)
    assert not can_claim(resident, pending_organization, None)
    for status, allowed in [("pending", False), ("active", False), ("rejected", True)]:
        membership = Membership(user=resident, organization=organization, status=status)
        assert can_claim(resident, organization, membership) == allowed
