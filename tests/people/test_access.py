"""Every persona against every page of the directory of activists and leaders."""

import pytest
from django.urls import reverse

from pomyslowice.organizations.models import Person, PersonConsent
from pomyslowice.organizations.permissions import make_consent_token
from tests.conftest import PERSONAS

from .conftest import make_person

MANAGERS = {"coordinator", "ngo_caretaker", "volunteer_caretaker"}
LOGIN_URL = "/konto/login/"


def staff_only(persona: str, *, allowed: int) -> int:
    if persona == "anonymous":
        return 302
    return allowed if persona in MANAGERS else 403


@pytest.fixture
def draft(users):
    return make_person(
        "Tomasz Szkic", consents=(), email="tomasz.szkic@example.org", added_by=users["coordinator"]
    )


@pytest.mark.parametrize("persona", PERSONAS)
def test_public_pages_are_open_to_everyone(client_for, published_person, persona):
    client = client_for(persona)
    assert client.get(reverse("people:list")).status_code == 200
    assert client.get(published_person.get_absolute_url()).status_code == 200
    contact = reverse("people:contact", kwargs={"slug": published_person.slug})
    assert client.get(contact).status_code == 200
    assert client.get(reverse("people:consent-request")).status_code == 200


@pytest.mark.parametrize("persona", PERSONAS)
def test_unpublished_profile_and_missing_contact_consent_are_404(client_for, users, persona):
    hidden = make_person("Ukryta Osoba", consents=("bio", "skills", "contact"))
    no_contact = make_person("Bez Kontaktu", consents=("name", "bio"))
    client = client_for(persona)
    assert client.get(hidden.get_absolute_url()).status_code == 404
    assert client.get(reverse("people:contact", kwargs={"slug": hidden.slug})).status_code == 404
    assert client.get(no_contact.get_absolute_url()).status_code == 200
    contact = reverse("people:contact", kwargs={"slug": no_contact.slug})
    assert client.get(contact).status_code == 404


@pytest.mark.parametrize("persona", PERSONAS)
def test_own_profile_needs_login(client_for, persona):
    response = client_for(persona).get(reverse("people:my-profile"))
    if persona == "anonymous":
        assert response.status_code == 302
        assert response.url.startswith(LOGIN_URL)
    else:
        assert response.status_code == 200


@pytest.mark.parametrize("persona", PERSONAS)
def test_own_profile_actions_without_a_profile(client_for, persona):
    client = client_for(persona)
    withdraw = client.post(reverse("people:withdraw-consent", kwargs={"field": "bio"}))
    delete = client.get(reverse("people:my-profile-delete"))
    if persona == "anonymous":
        assert withdraw.status_code == delete.status_code == 302
        assert withdraw.url.startswith(LOGIN_URL)
        assert delete.url.startswith(LOGIN_URL)
    else:
        assert withdraw.status_code == delete.status_code == 404


@pytest.mark.parametrize("persona", PERSONAS)
def test_staff_pages(client_for, draft, persona):
    client = client_for(persona)
    for name in ("people:add", "people:pending"):
        response = client.get(reverse(name))
        assert response.status_code == staff_only(persona, allowed=200), name
        if persona == "anonymous":
            assert response.url.startswith(LOGIN_URL)


@pytest.mark.parametrize("persona", PERSONAS)
def test_resend_link(client_for, draft, persona, mailoutbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(persona).post(reverse("people:resend", kwargs={"pk": draft.pk}))
    assert response.status_code == staff_only(persona, allowed=302)
    if persona in MANAGERS:
        assert response.url == reverse("people:pending")
        assert [m.to for m in mailoutbox] == [["tomasz.szkic@example.org"]]
    else:
        assert mailoutbox == []


@pytest.mark.parametrize("persona", PERSONAS)
def test_discard_draft(client_for, draft, persona):
    response = client_for(persona).post(reverse("people:discard", kwargs={"pk": draft.pk}))
    assert response.status_code == staff_only(persona, allowed=302)
    assert Person.objects.filter(pk=draft.pk).exists() == (persona not in MANAGERS)


@pytest.mark.parametrize("persona", PERSONAS)
def test_staff_actions_do_not_reach_answered_people(client_for, published_person, persona):
    """A person who has answered is not a draft: no resend, no discard, for anyone."""
    client = client_for(persona)
    for name in ("people:resend", "people:discard"):
        response = client.post(reverse(name, kwargs={"pk": published_person.pk}))
        assert response.status_code == staff_only(persona, allowed=404), name
    assert Person.objects.filter(pk=published_person.pk).exists()


@pytest.mark.parametrize("persona", PERSONAS)
def test_consent_link_needs_no_login(client_for, draft, persona):
    url = reverse("people:consent", kwargs={"token": make_consent_token(draft)})
    assert client_for(persona).get(url).status_code == 200


def test_consent_link_of_account_holder_is_404(client, users):
    person = make_person("Konto Posiada", user=users["resident"], consents=("name",))
    url = reverse("people:consent", kwargs={"token": make_consent_token(person)})
    assert client.get(url).status_code == 404


def test_staff_actions_are_post_only(client_for, draft):
    client = client_for("coordinator")
    assert client.get(reverse("people:resend", kwargs={"pk": draft.pk})).status_code == 405
    assert client.get(reverse("people:discard", kwargs={"pk": draft.pk})).status_code == 405
    withdraw = reverse("people:withdraw-consent", kwargs={"field": PersonConsent.Field.BIO})
    assert client.get(withdraw).status_code == 405
