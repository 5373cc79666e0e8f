"""Accounts against guessing and bots: lock-out after failed log-ins, password rules, a bot trap on
sign-up, and staff sessions that end after a working day."""

import pytest
from django.conf import settings
from django.core import mail
from django.urls import reverse
from django.utils import translation

from pomyslowice.accounts.models import User

from ..conftest import PASSWORD, totp_code


def en(name: str) -> str:
    with translation.override("en"):
        return reverse(name)


def log_in(client, email: str, password: str):
    return client.post(en("account_login"), {"login": email, "password": password})


def test_five_failed_log_ins_lock_the_account_even_against_the_right_password(users, client):
    email = users["resident"].email
    for _ in range(5):
        assert "_auth_user_id" not in log_in(client, email, "not-the-password").wsgi_request.session
    response = log_in(client, email, PASSWORD)
    assert response.status_code == 200
    assert "Too many failed login attempts" in response.text
    assert "_auth_user_id" not in client.session


def test_the_lock_out_is_per_account(users, client):
    for _ in range(5):
        log_in(client, users["resident"].email, "not-the-password")
    assert log_in(client, users["volunteer"].email, PASSWORD).status_code == 302
    assert int(client.session["_auth_user_id"]) == users["volunteer"].pk


@pytest.mark.parametrize(
    "password, problem",
    [
        ("Krotkie-1!", "at least 12 characters"),
        ("123456789012345", "entirely numeric"),
        ("password1234", "too common"),
    ],
)
def test_weak_passwords_are_refused_at_sign_up(db, client, password, problem):
    response = client.post(
        en("account_signup"),
        {"email": "nowa@example.org", "password1": password, "password2": password},
    )
    assert response.status_code == 200
    assert problem in response.text
    assert not User.objects.filter(email="nowa@example.org").exists()


def test_a_bot_filling_the_trap_is_answered_as_usual_and_nothing_is_created(db, client):
    response = client.post(
        en("account_signup"),
        {
            "email": "bot@example.org",
            "password1": PASSWORD,
            "password2": PASSWORD,
            "privacy_policy": "on",
            settings.ACCOUNT_SIGNUP_FORM_HONEYPOT_FIELD: "https://spam.example",
        },
    )
    assert response.status_code == 302
    assert response.url == en("account_email_verification_sent")
    assert not User.objects.filter(email="bot@example.org").exists()
    assert mail.outbox == []


def test_the_trap_is_hidden_labelled_and_carries_no_inline_style(db, client):
    html = client.get(en("account_signup")).text
    trap = settings.ACCOUNT_SIGNUP_FORM_HONEYPOT_FIELD
    assert f'<div class="field" hidden><label for="id_{trap}">' in html
    assert "style=" not in html


@pytest.mark.parametrize(
    "persona, lasts",
    [("coordinator", settings.STAFF_SESSION_SECONDS), ("resident", settings.SESSION_COOKIE_AGE)],
)
def test_staff_sessions_end_after_a_working_day(users, client, persona, lasts):
    assert log_in(client, users[persona].email, PASSWORD).status_code == 302
    if persona == "coordinator":
        # Staff are enrolled in two-step verification: the log-in ends with the app's code.
        client.post(en("mfa_authenticate"), {"code": totp_code()})
    assert int(client.session["_auth_user_id"]) == users[persona].pk
    assert client.session.get_expiry_age() == lasts
    assert settings.STAFF_SESSION_SECONDS == 8 * 60 * 60 < settings.SESSION_COOKIE_AGE


def test_the_admin_log_in_form_sends_staff_to_the_site_log_in(users, client):
    """The admin's own form would skip the authenticator code."""
    response = client.post(
        "/admin/login/", {"username": users["coordinator"].email, "password": PASSWORD}
    )
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))
    assert "_auth_user_id" not in client.session
