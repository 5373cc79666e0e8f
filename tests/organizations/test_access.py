"""Every persona against every organisation page: who gets in, who gets 403/404/login."""

import pytest
from django.urls import reverse

from pomyslowice.organizations.models import Membership, Organization
from tests.conftest import PERSONAS

from .conftest import registration_data

MODERATORS = {"coordinator", "ngo_caretaker"}
EDITORS = {"representative", "coordinator", "ngo_caretaker"}  # of `organization`
LOGIN = reverse("account_login")


def expected(persona: str, allowed: set, *, ok: int = 200, denied: int = 403) -> int:
    if persona == "anonymous":
        return 302
    return ok if persona in allowed else denied


def assert_status(response, status: int) -> None:
    assert response.status_code == status
    if status == 302 and response.wsgi_request.user.is_anonymous:
        assert response.url.startswith(LOGIN)


@pytest.mark.parametrize("persona", PERSONAS)
def test_public_pages(client_for, organization, persona):
    client = client_for(persona)
    for url in ("/", "/organizacje/", organization.get_absolute_url(), "/organizacje/?q=piasek"):
        assert client.get(url).status_code == 200, url


@pytest.mark.parametrize("persona", PERSONAS)
def test_pending_profile_is_seen_only_by_moderators(client_for, pending_organization, persona):
    response = client_for(persona).get(pending_organization.get_absolute_url())
    assert response.status_code == (200 if persona in MODERATORS else 404)


def test_pending_profile_is_seen_by_its_submitter(client, submitter, pending_organization):
    client.force_login(submitter)
    assert client.get(pending_organization.get_absolute_url()).status_code == 200


def test_unknown_slug_is_404(client_for):
    assert client_for("coordinator").get("/organizacje/nie-ma-takiej/").status_code == 404
    assert client_for("anonymous").get("/en/organizacje/nie-ma-takiej/edytuj/").status_code == 302


@pytest.mark.parametrize("persona", PERSONAS)
def test_register_page(client_for, persona):
    assert_status(client_for(persona).get("/organizacje/zglos/"), expected(persona, set(PERSONAS)))


@pytest.mark.parametrize("persona", PERSONAS)
def test_register_post(client_for, users, area, persona):
    response = client_for(persona).post("/organizacje/zglos/", registration_data(area))
    assert_status(response, 302)
    created = Organization.objects.filter(name="Stowarzyszenie Nowe Łąki").first()
    if persona == "anonymous":
        assert created is None
    else:
        assert created.status == Organization.Status.PENDING
        assert created.submitted_by == users[persona]
        assert response.url == created.get_absolute_url()


@pytest.mark.parametrize("persona", PERSONAS)
def test_edit_published_profile(client_for, organization, persona):
    response = client_for(persona).get(f"/organizacje/{organization.slug}/edytuj/")
    assert_status(response, expected(persona, EDITORS))


@pytest.mark.parametrize("persona", PERSONAS)
def test_edit_post_changes_only_for_editors(client_for, organization, area, district, persona):
    data = registration_data(area, district, name="Nowa nazwa", krs=None, nip=None, regon=None)
    response = client_for(persona).post(f"/organizacje/{organization.slug}/edytuj/", data)
    assert_status(response, expected(persona, EDITORS, ok=302))
    organization.refresh_from_db()
    assert (organization.name == "Nowa nazwa") == (persona in EDITORS)


@pytest.mark.parametrize("persona", PERSONAS)
def test_edit_pending_profile_is_404_for_outsiders(client_for, pending_organization, persona):
    response = client_for(persona).get(f"/organizacje/{pending_organization.slug}/edytuj/")
    assert_status(response, expected(persona, MODERATORS, denied=404))


def test_submitter_may_correct_a_pending_registration(client, submitter, pending_organization):
    client.force_login(submitter)
    assert client.get(f"/organizacje/{pending_organization.slug}/edytuj/").status_code == 200


@pytest.mark.parametrize("persona", PERSONAS)
def test_claim_page(client_for, organization, persona):
    response = client_for(persona).get(f"/organizacje/{organization.slug}/przejmij/")
    if persona == "representative":  # already represents it: back to the profile
        assert response.status_code == 302
        assert response.url == organization.get_absolute_url()
    else:
        assert_status(response, expected(persona, set(PERSONAS)))


@pytest.mark.parametrize("persona", PERSONAS)
def test_claim_post(client_for, users, organization, persona):
    response = client_for(persona).post(
        f"/organizacje/{organization.slug}/przejmij/", {"message": "Jestem w zarządzie."}
    )
    assert_status(response, 302)
    if persona == "anonymous":
        assert Membership.objects.filter(organization=organization).count() == 1
    elif persona == "representative":
        assert Membership.objects.get(user=users[persona], organization=organization).status == (
            Membership.Status.ACTIVE
        )
    else:
        claim = Membership.objects.get(user=users[persona], organization=organization)
        assert claim.status == Membership.Status.PENDING
        assert claim.message == "Jestem w zarządzie."


def test_claim_of_an_unpublished_organisation_is_404(client, submitter, pending_organization):
    client.force_login(submitter)
    response = client.post(f"/organizacje/{pending_organization.slug}/przejmij/", {"message": "x"})
    assert response.status_code == 404


@pytest.mark.parametrize("persona", PERSONAS)
def test_moderation_page(client_for, persona):
    assert_status(client_for(persona).get("/organizacje/moderacja/"), expected(persona, MODERATORS))


@pytest.mark.parametrize("persona", PERSONAS)
def test_approve(client_for, pending_organization, persona):
    url = f"/organizacje/moderacja/organizacje/{pending_organization.slug}/zatwierdz/"
    assert_status(client_for(persona).post(url), expected(persona, MODERATORS, ok=302))
    pending_organization.refresh_from_db()
    published = pending_organization.status == Organization.Status.PUBLISHED
    assert published == (persona in MODERATORS)


def test_approve_needs_post(client_for, pending_organization):
    url = f"/organizacje/moderacja/organizacje/{pending_organization.slug}/zatwierdz/"
    assert client_for("coordinator").get(url).status_code == 405


@pytest.mark.parametrize("persona", PERSONAS)
def test_reject(client_for, pending_organization, persona):
    url = f"/organizacje/moderacja/organizacje/{pending_organization.slug}/odrzuc/"
    response = client_for(persona).post(url, {"reason": "Nie działa w Mysłowicach."})
    assert_status(response, expected(persona, MODERATORS, ok=302))
    pending_organization.refresh_from_db()
    rejected = pending_organization.status == Organization.Status.REJECTED
    assert rejected == (persona in MODERATORS)


@pytest.mark.parametrize("persona", PERSONAS)
def test_claim_decisions(client_for, pending_claim, persona):
    client = client_for(persona)
    approve = client.post(f"/organizacje/moderacja/przejecia/{pending_claim.pk}/zatwierdz/")
    assert_status(approve, expected(persona, MODERATORS, ok=302))
    pending_claim.refresh_from_db()
    assert (pending_claim.status == Membership.Status.ACTIVE) == (persona in MODERATORS)


@pytest.mark.parametrize("persona", PERSONAS)
def test_claim_rejection(client_for, pending_claim, persona):
    response = client_for(persona).post(
        f"/organizacje/moderacja/przejecia/{pending_claim.pk}/odrzuc/", {"reason": "Nie."}
    )
    assert_status(response, expected(persona, MODERATORS, ok=302))
    pending_claim.refresh_from_db()
    assert (pending_claim.status == Membership.Status.REJECTED) == (persona in MODERATORS)


@pytest.mark.parametrize("persona", PERSONAS)
def test_caretaker_assignment(client_for, users, organization, persona):
    response = client_for(persona).post(
        f"/organizacje/{organization.slug}/opiekun/", {"caretaker": users["ngo_caretaker"].pk}
    )
    assert_status(response, expected(persona, MODERATORS, ok=302))
    organization.refresh_from_db()
    assert (organization.caretaker == users["ngo_caretaker"]) == (persona in MODERATORS)


@pytest.mark.parametrize("persona", PERSONAS)
def test_my_page(client_for, persona):
    assert_status(client_for(persona).get("/moje/"), expected(persona, set(PERSONAS)))
