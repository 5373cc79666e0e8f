"""The language of e-mails: chosen at sign-up, by the language switcher and on the profile."""

import pytest
from django.urls import reverse
from django.utils import translation

from pomyslowice.accounts.models import User
from pomyslowice.core.models import AuditLogEntry

from ..conftest import PASSWORD

PROFILE = "/en/konto/"


def test_sign_up_keeps_the_language_of_the_page(db, client):
    with translation.override("uk"):
        url = reverse("account_signup")
    assert url.startswith("/uk/")
    response = client.post(
        url,
        {
            "email": "mariia@example.org",
            "password1": PASSWORD,
            "password2": PASSWORD,
            "privacy_policy": "on",
        },
    )
    assert response.status_code == 302
    assert User.objects.get(email="mariia@example.org").language == "uk"


def test_a_new_account_defaults_to_polish(db):
    assert User.objects.create_user("nowy@example.org").language == "pl"


@pytest.mark.parametrize("language", ["en", "uk", "pl"])
def test_the_switcher_remembers_a_logged_in_persons_choice(users, client_for, language):
    response = client_for("resident").post(
        "/i18n/setlang/", {"language": language, "next": "/wydarzenia/"}
    )
    assert response.status_code == 302
    users["resident"].refresh_from_db()
    assert users["resident"].language == language


def test_the_switcher_ignores_an_unknown_language(users, client_for):
    response = client_for("resident").post("/i18n/setlang/", {"language": "de", "next": "/"})
    assert response.status_code == 302
    users["resident"].refresh_from_db()
    assert users["resident"].language == "pl"


def test_the_switcher_works_for_anonymous_visitors(db, client):
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/wydarzenia/"})
    assert response.status_code == 302
    assert response.url == "/en/wydarzenia/"


def test_the_profile_shows_and_saves_the_language_of_e_mails(users, client_for):
    client = client_for("resident")
    html = client.get(PROFILE).content.decode()
    assert "Language of e-mails" in html
    assert '<option value="pl" selected>' in html

    response = client.post(PROFILE, {"first_name": "Anna", "last_name": "Nowak", "language": "uk"})

    assert response.status_code == 302
    user = User.objects.get(pk=users["resident"].pk)
    assert user.language == "uk"
    entry = AuditLogEntry.objects.filter(verb="accounts.profile.updated").latest("pk")
    assert "language" in entry.data["fields"]
    # The page's own language did not change: only e-mails follow the choice.
    assert response.url == PROFILE


def test_the_profile_rejects_an_unknown_language(users, client_for):
    user = users["resident"]
    response = client_for("resident").post(
        PROFILE, {"first_name": user.first_name, "last_name": user.last_name, "language": "de"}
    )
    assert response.status_code in (200, 400)
    assert "Select a valid choice" in response.content.decode()
    user.refresh_from_db()
    assert user.language == "pl"
    assert not AuditLogEntry.objects.filter(verb="accounts.profile.updated").exists()


def test_the_profile_without_a_language_keeps_the_choice(users, client_for):
    user = users["resident"]
    User.objects.filter(pk=user.pk).update(language="en")
    response = client_for("resident").post(PROFILE, {"first_name": "Ala", "last_name": "Kot"})
    assert response.status_code == 302
    user.refresh_from_db()
    assert (user.first_name, user.language) == ("Ala", "en")
