"""allauth's pages in the site layout, and its flows end to end: sign up, verify, log in, reset."""

import pytest
from allauth.account.models import EmailAddress
from django.conf import settings
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import translation

from pomyslowice.accounts.models import User

from ..conftest import PASSWORD
from .conftest import links_in
from .pages import assert_accessible_page

NEW_PASSWORD = "Nowe-haslo-do-konta-2025"
DASH = "\N{EN DASH}"  # base.html separates page and site name with it


def en(name: str, **kwargs) -> str:
    with translation.override("en"):
        return reverse(name, kwargs=kwargs)


def path_of(url: str) -> str:
    return url.removeprefix("http://testserver")


def test_allauth_sends_mail_through_our_adapter():
    assert settings.ACCOUNT_ADAPTER == "pomyslowice.accounts.adapter.AccountAdapter"


@pytest.mark.parametrize(
    "name, title",
    [
        ("account_login", "Sign In"),
        ("account_signup", "Signup"),
        ("account_reset_password", "Password Reset"),
        ("account_reset_password_done", "Password Reset"),
        ("account_email_verification_sent", "Verify Your Email Address"),
        ("account_inactive", "Account Inactive"),
    ],
)
def test_entrance_pages_use_the_site_layout(db, client, name, title):
    response = client.get(en(name))
    assert response.status_code == 200
    assert_accessible_page(response, title=f"{title} {DASH} {settings.SITE_NAME}")


@pytest.mark.parametrize(
    "name, title",
    [
        ("account_email", "Email Addresses"),
        ("account_change_password", "Change Password"),
        ("account_logout", "Sign Out"),
    ],
)
def test_account_management_pages_use_the_site_layout(resident_client, name, title):
    response = resident_client.get(en(name))
    assert response.status_code == 200
    assert_accessible_page(response, title=f"{title} {DASH} {settings.SITE_NAME}")


@pytest.mark.parametrize("name", ["account_email", "account_change_password"])
def test_account_management_pages_need_login(db, client, name):
    response = client.get(en(name))
    assert response.status_code == 302
    assert response.url.startswith(en("account_login"))


def test_email_page_groups_the_addresses_under_a_legend(resident_client, resident):
    response = resident_client.get(en("account_email"))
    html = response.content.decode()
    assert "<legend>" in html
    assert f'value="{resident.email}"' in html
    assert "Verified" in html and "Primary" in html


def test_login_errors_are_shown_and_linked_to_the_fields(db, client):
    response = client.post(en("account_login"), {"login": "", "password": ""})
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="id_login_error"' in html
    assert 'aria-invalid="true"' in html
    assert_accessible_page(response)


def test_wrong_password_is_refused_with_a_message(users, client):
    response = client.post(
        en("account_login"), {"login": users["resident"].email, "password": "not-the-password"}
    )
    assert response.status_code == 200
    assert "not correct" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_sign_up_verify_and_log_in(db, client):
    email = "nowa.osoba@example.org"
    response = client.post(
        en("account_signup"),
        {"email": email, "password1": PASSWORD, "password2": PASSWORD, "privacy_policy": "on"},
    )
    assert response.status_code == 302
    assert response.url == en("account_email_verification_sent")
    user = User.objects.get(email=email)
    address = EmailAddress.objects.get(user=user)
    assert address.verified is False and address.primary is True
    assert "_auth_user_id" not in client.session

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [email]
    assert message.subject.startswith(f"[{settings.SITE_NAME}] ")
    assert f"Hello from {settings.SITE_NAME}!" in message.body
    confirm_url = next(url for url in links_in(message) if "/confirm-email/" in url)

    # Unverified, the password alone does not let them in: allauth asks again for verification.
    response = client.post(en("account_login"), {"login": email, "password": PASSWORD})
    assert response.status_code == 302
    assert response.url == en("account_email_verification_sent")
    assert "_auth_user_id" not in client.session

    # The link is opened from the mail program, a browser without this session.
    browser = Client()
    response = browser.get(path_of(confirm_url))
    assert response.status_code == 200
    assert_accessible_page(response, title="Confirm Email Address")
    response = browser.post(path_of(confirm_url))
    assert response.status_code == 302
    address.refresh_from_db()
    assert address.verified is True

    response = browser.post(en("account_login"), {"login": email, "password": PASSWORD})
    assert response.status_code == 302
    assert response.url == en("accounts:profile")
    assert browser.session["_auth_user_id"] == str(user.pk)


def test_signing_up_with_a_taken_address_creates_nobody(users, client):
    email = users["resident"].email
    response = client.post(
        en("account_signup"),
        {"email": email, "password1": PASSWORD, "password2": PASSWORD, "privacy_policy": "on"},
    )
    # allauth hides whether the address exists: same answer, a notice goes to the owner.
    assert response.status_code == 302
    assert User.objects.filter(email=email).count() == 1
    assert [message.to for message in mail.outbox] == [[email]]


def test_invalid_confirmation_link_explains_itself(db, client):
    response = client.get(en("account_confirm_email", key="not-a-real-key"))
    assert response.status_code == 200
    assert "expired or is invalid" in response.content.decode()
    assert_accessible_page(response)


def test_password_reset_by_email(users, client):
    user = users["resident"]
    response = client.post(en("account_reset_password"), {"email": user.email})
    assert response.status_code == 302
    assert response.url == en("account_reset_password_done")
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [user.email]
    assert message.subject.startswith(f"[{settings.SITE_NAME}] ")
    reset_url = next(url for url in links_in(message) if "/password/reset/key/" in url)

    response = client.get(path_of(reset_url))
    assert response.status_code == 302  # allauth moves the key out of the address bar
    response = client.get(response.url)
    assert response.status_code == 200
    assert_accessible_page(response, title="Change Password")
    response = client.post(
        response.request["PATH_INFO"], {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD}
    )
    assert response.status_code == 302
    assert response.url == en("account_reset_password_from_key_done")
    assert_accessible_page(client.get(response.url))

    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD)
    fresh = Client()
    response = fresh.post(en("account_login"), {"login": user.email, "password": NEW_PASSWORD})
    assert response.status_code == 302
    assert fresh.session["_auth_user_id"] == str(user.pk)


def test_used_reset_link_is_refused(users, client):
    user = users["resident"]
    client.post(en("account_reset_password"), {"email": user.email})
    reset_url = next(url for url in links_in(mail.outbox[0]) if "/password/reset/key/" in url)
    set_url = client.get(path_of(reset_url)).url
    client.post(set_url, {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD})

    response = Client().get(path_of(reset_url))
    assert response.status_code == 200
    assert "Bad Token" in response.content.decode()
    assert_accessible_page(response)


def test_password_change(users, resident_client):
    response = resident_client.post(
        en("account_change_password"),
        {"oldpassword": PASSWORD, "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )
    assert response.status_code == 302
    users["resident"].refresh_from_db()
    assert users["resident"].check_password(NEW_PASSWORD)


def test_logout_asks_first_then_logs_out(resident_client):
    response = resident_client.get(en("account_logout"))
    assert "Are you sure you want to sign out?" in response.content.decode()
    assert "_auth_user_id" in resident_client.session
    response = resident_client.post(en("account_logout"))
    assert response.status_code == 302
    assert "_auth_user_id" not in resident_client.session


def test_inactive_account_cannot_log_in(users, client):
    user = users["resident"]
    user.is_active = False
    user.save(update_fields=["is_active"])
    response = client.post(en("account_login"), {"login": user.email, "password": PASSWORD})
    assert response.status_code == 302
    assert response.url == en("account_inactive")
    assert "_auth_user_id" not in client.session


def test_polish_pages_have_no_prefix_and_are_polish(db, client):
    response = client.get("/konto/login/")
    assert response.status_code == 200
    assert '<html lang="pl">' in response.content.decode()
    # allauth ships its own Polish; our layout must not hide it.
    assert_accessible_page(response, title="Zaloguj")
