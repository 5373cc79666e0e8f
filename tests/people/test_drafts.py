"""Leaders added by the centre: draft, e-mailed link, the person's own decision."""

import time
from unittest import mock

import pytest
from django.core import signing
from django.urls import reverse

from pomyslowice.core.models import AuditLogEntry
from pomyslowice.organizations.models import Person
from pomyslowice.organizations.permissions import make_consent_token

from .conftest import en, link_from, make_person, upload

ADD_URL = "/en/ludzie/dodaj/"
DRAFT_EMAIL = "krystyna.nowa@example.org"


def draft_data(**overrides) -> dict:
    data = {
        "full_name": "Krystyna Nowa",
        "email": DRAFT_EMAIL,
        "bio": "<p>Organizuje <b>festyny</b> na Brzezince.</p><img src=x onerror=alert(1)>",
        "skills": "animacja czasu wolnego",
    }
    data.update(overrides)
    return data


@pytest.fixture
def invited(client_for, users, area, mailoutbox, django_capture_on_commit_callbacks):
    """A draft the coordinator added, and the link e-mailed to the person."""
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for("coordinator").post(
            ADD_URL, draft_data(areas=[area.pk], photo=upload())
        )
    assert response.status_code == 302
    assert response.url == reverse("people:pending")
    person = Person.objects.get(email=DRAFT_EMAIL)
    assert len(mailoutbox) == 1
    return person, link_from(mailoutbox[0])


def test_staff_draft_is_unpublished_and_the_person_is_emailed(client, invited, users, mailoutbox):
    person, link = invited
    assert person.added_by == users["coordinator"]
    assert person.user is None
    assert not person.consents.exists()
    assert person.bio == "<p>Organizuje <b>festyny</b> na Brzezince.</p>"
    assert person.photo
    assert client.get(person.get_absolute_url()).status_code == 404
    assert "Krystyna Nowa" not in client.get("/en/ludzie/").content.decode()
    assert mailoutbox[0].to == [DRAFT_EMAIL]
    assert link.startswith("/ludzie/zgoda/")  # Polish, the site's language, whoever sent it
    assert AuditLogEntry.objects.filter(verb="people.person.draft-created").count() == 1


def test_person_sees_what_was_written_and_publishes_chosen_fields(client, invited, area):
    person, link = invited
    page = client.get(en(link)).content.decode()
    assert "Krystyna Nowa" in page
    assert "<b>festyny</b>" in page
    assert "animacja czasu wolnego" in page
    assert area.name in page
    assert person.photo.url in page
    assert DRAFT_EMAIL not in page
    assert '<meta name="robots" content="noindex">' in page

    response = client.post(link, {"action": "confirm", "consents": ["name", "bio"]})
    assert response.status_code == 302
    assert {c.field for c in person.consents.all()} == {"name", "bio"}
    assert {c.given_via for c in person.consents.all()} == {"e-mail link"}
    profile = client.get(en(person.get_absolute_url())).content.decode()
    assert "festyny" in profile
    assert "animacja czasu wolnego" not in profile
    assert person.photo.url not in profile
    assert "Your profile is public." in client.get(en(link)).content.decode()
    assert "Krystyna Nowa" not in client.get(en(reverse("people:pending"))).content.decode()


def test_link_also_withdraws_later(client, invited):
    person, link = invited
    client.post(link, {"action": "confirm", "consents": ["name", "bio", "skills"]})
    client.post(link, {"action": "confirm", "consents": ["name"]})
    active = person.consents.filter(withdrawn_at__isnull=True)
    assert {c.field for c in active} == {"name"}
    assert "festyny" not in client.get(person.get_absolute_url()).content.decode()


@pytest.mark.parametrize(
    ("consents", "error"),
    [
        ([], "Tick what may be shown"),
        (["bio", "skills"], "Nothing can be shown without your name"),
    ],
)
def test_confirmation_needs_the_name(client, invited, consents, error):
    person, link = invited
    response = client.post(en(link), {"action": "confirm", "consents": consents})
    assert response.status_code == 200
    assert error in response.content.decode()
    assert not person.consents.exists()


def test_decline_deletes_the_draft_and_its_data(
    client, invited, django_capture_on_commit_callbacks
):
    from django.core.files.storage import default_storage

    person, link = invited
    photo = person.photo.name
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(link, {"action": "decline"})
    assert response.status_code == 302
    assert not Person.objects.filter(pk=person.pk).exists()
    assert not default_storage.exists(photo)
    assert not AuditLogEntry.objects.filter(target_repr__contains="Krystyna").exists()
    declined = AuditLogEntry.objects.get(verb="people.person.declined")
    assert declined.data == {"person_id": person.pk}
    assert client.get(link).status_code == 404


def test_tampered_link_is_a_clear_400(client, invited):
    person, link = invited
    token = link.rstrip("/").rsplit("/", 1)[1]
    tampered = reverse("people:consent", kwargs={"token": token[:-2] + "xx"})
    response = client.get(en(tampered))
    assert response.status_code == 400
    assert "The link is incomplete or has been changed." in response.content.decode()
    garbage = client.get(en(reverse("people:consent", kwargs={"token": "123"})))
    assert garbage.status_code == 400
    forged = signing.TimestampSigner(salt="another-salt").sign(f"{person.pk}.x")
    assert client.get(reverse("people:consent", kwargs={"token": forged})).status_code == 400


def test_expired_link_is_a_clear_400(client, users):
    person = make_person("Stara Zaproszona", consents=(), added_by=users["coordinator"])
    with mock.patch("django.core.signing.time.time", return_value=time.time() - 31 * 86400):
        token = make_consent_token(person)
    response = client.get(en(reverse("people:consent", kwargs={"token": token})))
    assert response.status_code == 400
    assert "older than 30 days" in response.content.decode()
    post = client.post(reverse("people:consent", kwargs={"token": token}), {"action": "decline"})
    assert post.status_code == 400
    assert Person.objects.filter(pk=person.pk).exists()


def test_link_stops_working_when_the_address_is_corrected(client, users):
    person = make_person("Pomylony Adres", consents=(), email="zly@example.org")
    token = make_consent_token(person)
    person.email = "dobry@example.org"
    person.save()
    assert client.get(reverse("people:consent", kwargs={"token": token})).status_code == 404


def test_duplicate_address_is_refused(client_for, published_person, users, mailoutbox):
    response = client_for("ngo_caretaker").post(
        ADD_URL, draft_data(email=published_person.email.upper())
    )
    assert response.status_code == 200
    assert "already in the directory or invited" in response.content.decode()
    response = client_for("ngo_caretaker").post(ADD_URL, draft_data(email=users["resident"].email))
    assert response.status_code == 302  # an account without a profile may still be invited
    assert Person.objects.filter(full_name="Krystyna Nowa").count() == 1


def test_add_form_refuses_bad_photo(client_for):
    response = client_for("volunteer_caretaker").post(
        ADD_URL, draft_data(photo=upload("x.png", b"GIF89a not really"))
    )
    assert response.status_code == 200
    assert "Upload a valid image" in response.content.decode()
    assert not Person.objects.exists()


def test_pending_list_shows_drafts_only(client_for, invited, published_person, users):
    person, _link = invited
    answered_then_withdrew = make_person("Była Zgoda", consents=("name",))
    answered_then_withdrew.consents.update(withdrawn_at=answered_then_withdrew.created_at)
    page = client_for("coordinator").get(en(reverse("people:pending"))).content.decode()
    assert "Krystyna Nowa" in page
    assert reverse("people:resend", kwargs={"pk": person.pk}) in page
    assert "Anna Łęcka" not in page
    assert "Była Zgoda" not in page
    assert DRAFT_EMAIL not in page
    assert users["coordinator"].email not in page


def test_resend_sends_a_fresh_working_link(
    client, client_for, invited, mailoutbox, django_capture_on_commit_callbacks
):
    person, _old_link = invited
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for("volunteer_caretaker").post(
            en(reverse("people:resend", kwargs={"pk": person.pk})), follow=True
        )
    assert "A new link has been sent to Krystyna Nowa." in response.content.decode()
    assert len(mailoutbox) == 2
    assert mailoutbox[1].to == [DRAFT_EMAIL]
    assert client.get(link_from(mailoutbox[1])).status_code == 200
    assert AuditLogEntry.objects.filter(verb="people.person.link-resent").count() == 1


def test_discard_deletes_the_draft(client_for, invited):
    person, _link = invited
    response = client_for("ngo_caretaker").post(reverse("people:discard", kwargs={"pk": person.pk}))
    assert response.status_code == 302
    assert not Person.objects.filter(pk=person.pk).exists()
    assert AuditLogEntry.objects.filter(verb="people.person.draft-discarded").exists()


# A new link on request -------------------------------------------------------------------------

REQUEST_URL = "/en/ludzie/zgoda/nowy-link/"


def test_new_link_on_request(client, invited, mailoutbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(REQUEST_URL, {"email": DRAFT_EMAIL.upper()}, follow=True)
    assert "If this address is in our directory" in response.content.decode()
    assert len(mailoutbox) == 2
    assert mailoutbox[1].to == [DRAFT_EMAIL]
    assert client.get(link_from(mailoutbox[1])).status_code == 200


def test_new_link_request_reveals_nobody(
    client, db, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(REQUEST_URL, {"email": "nikt@example.org"}, follow=True)
    assert "If this address is in our directory" in response.content.decode()
    assert mailoutbox == []


def test_account_holder_is_pointed_to_their_profile_page(
    client, users, mailoutbox, django_capture_on_commit_callbacks
):
    make_person("Ma Konto", user=users["resident"], email="inny@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(REQUEST_URL, {"email": users["resident"].email})
    assert mailoutbox[0].to == [users["resident"].email]
    assert link_from(mailoutbox[0]) == "/ludzie/moj-profil/"  # the site's language
    assert "/zgoda/" not in mailoutbox[0].body


def test_new_link_requests_are_rate_limited(client, db, settings):
    settings.CONTACT_RATE_LIMIT = 2
    codes = [client.post(REQUEST_URL, {"email": f"x{n}@example.org"}).status_code for n in range(3)]
    assert codes == [302, 302, 429]
