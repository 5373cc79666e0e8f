"""Two-step verification (issue 8 §1): staff must set up an authenticator app before they can use
the site, and enter its code at every log-in; for everyone else it is optional."""

import time

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import SECRET_SESSION_KEY
from django.core.management import CommandError, call_command
from django.test import Client
from django.urls import reverse
from django.utils import translation

from pomyslowice.accounts import mfa
from pomyslowice.accounts.roles import Role
from pomyslowice.demo import totp as demo_totp
from pomyslowice.organizations import demo_data

from ..conftest import PASSWORD, STAFF_PERSONAS, create_user, totp_code
from .pages import assert_accessible_page

ENROL_MESSAGE = "Staff accounts are protected by two-step verification."


def en(name: str) -> str:
    with translation.override("en"):
        return reverse(name)


def logged_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def user_id(client: Client) -> str | None:
    return client.session.get("_auth_user_id")


def reauthenticate(client: Client) -> None:
    """allauth asks for the password again before anything changes an authenticator."""
    response = client.post(en("account_reauthenticate"), {"password": PASSWORD})
    assert response.status_code == 302


# Enforcement


@pytest.mark.parametrize("role", STAFF_PERSONAS.values())
def test_staff_without_an_app_are_sent_to_set_it_up(db, unenrolled_staff, role):
    client = logged_in(unenrolled_staff(role))
    for page in ("/en/panel/", "/en/konto/", "/en/", "/en/organizacje/"):
        response = client.get(page)
        assert response.status_code == 302, page
        assert response.url == en("mfa_activate_totp")
    response = client.get("/en/panel/", follow=True)
    assert ENROL_MESSAGE in response.text


def test_a_superuser_without_a_role_must_set_it_up_too(db):
    client = logged_in(create_user("root@example.org", is_superuser=True, totp=False))
    assert client.get("/en/panel/").url == en("mfa_activate_totp")


def test_posting_without_an_app_changes_nothing(db, unenrolled_staff):
    user = unenrolled_staff()
    response = logged_in(user).post("/en/konto/", {"first_name": "Zmieniony", "last_name": "X"})
    assert response.status_code == 302 and response.url == en("mfa_activate_totp")
    user.refresh_from_db()
    assert user.first_name == ""


def test_the_way_out_and_the_set_up_stay_open(db, unenrolled_staff):
    client = logged_in(unenrolled_staff())
    # The set-up page first asks for the password again: a redirect there, not back to itself.
    response = client.get(en("mfa_activate_totp"))
    assert response.status_code == 302 and response.url.startswith(en("account_reauthenticate"))
    assert client.get(en("account_reauthenticate")).status_code == 200
    assert client.get("/healthz").status_code == 200
    assert client.get("/api/v1/events").status_code == 200
    assert client.get("/static/core/css/site.css").status_code != 302
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/en/"})
    assert response.status_code == 302 and response.url == "/en/"
    assert client.get(en("account_logout")).status_code == 200
    client.post(en("account_logout"))
    assert user_id(client) is None


@pytest.mark.parametrize("persona", ["resident", "representative", "volunteer", "volunteer_minor"])
def test_others_are_never_forced(client_for, persona):
    client = client_for(persona)
    assert client.get("/en/konto/").status_code == 200
    assert client.get("/en/moje/").status_code == 200


@pytest.mark.parametrize("persona", STAFF_PERSONAS)
def test_enrolled_staff_work_as_usual(client_for, persona):
    assert client_for(persona).get("/en/konto/").status_code == 200


def test_the_requirement_can_be_switched_off(db, settings, unenrolled_staff):
    settings.STAFF_MFA_REQUIRED = False
    assert logged_in(unenrolled_staff()).get("/en/konto/").status_code == 200


def test_the_check_runs_once_per_session(users, client_for, unenrolled_staff):
    """Settled at log-in (force_login logs in too), so pages pay no query for it."""
    assert client_for("coordinator").session[mfa.SESSION_KEY] == users["coordinator"].pk
    assert client_for("resident").session[mfa.SESSION_KEY] == users["resident"].pk
    assert mfa.SESSION_KEY not in logged_in(unenrolled_staff()).session


# Log-in


def log_in_with_password(client: Client, user):
    return client.post(en("account_login"), {"login": user.email, "password": PASSWORD})


def test_staff_log_in_with_password_then_code(users, client):
    coordinator = users["coordinator"]
    response = log_in_with_password(client, coordinator)
    assert response.status_code == 302 and response.url == en("mfa_authenticate")
    assert user_id(client) is None

    page = client.get(en("mfa_authenticate"))
    assert_accessible_page(page)
    assert "Please enter an authenticator code" in page.text

    response = client.post(en("mfa_authenticate"), {"code": totp_code()})
    assert response.status_code == 302 and response.url == en("accounts:profile")
    assert user_id(client) == str(coordinator.pk)
    assert client.get("/en/panel/").status_code == 200


def wrong_code() -> str:
    """A code the app does not show in any step the site accepts (now, or one step either way)."""
    accepted = {totp_code(at=time.time() + step * 30) for step in (-1, 0, 1)}
    return next(code for code in ("000000", "111111", "222222", "333333") if code not in accepted)


def test_a_wrong_code_lets_nobody_in(users, client):
    log_in_with_password(client, users["coordinator"])
    response = client.post(en("mfa_authenticate"), {"code": wrong_code()})
    assert response.status_code == 200
    assert "Incorrect code." in response.text
    assert user_id(client) is None


def test_a_used_code_cannot_be_replayed(users, client):
    code = totp_code()
    log_in_with_password(client, users["coordinator"])
    client.post(en("mfa_authenticate"), {"code": code})
    other = Client()
    log_in_with_password(other, users["coordinator"])
    response = other.post(en("mfa_authenticate"), {"code": code})
    assert response.status_code == 200 and user_id(other) is None


def test_guessing_codes_is_rate_limited(users, client):
    log_in_with_password(client, users["coordinator"])
    for _ in range(5):
        client.post(en("mfa_authenticate"), {"code": wrong_code()})
    response = client.post(en("mfa_authenticate"), {"code": totp_code()})
    assert response.status_code == 200
    assert "Too many failed login attempts" in response.text
    assert user_id(client) is None


def test_a_recovery_code_works_once(users):
    coordinator = users["coordinator"]
    code = RecoveryCodes.activate(coordinator).get_unused_codes()[0]

    first = Client()
    log_in_with_password(first, coordinator)
    response = first.post(en("mfa_authenticate"), {"code": code})
    assert response.status_code == 302
    assert user_id(first) == str(coordinator.pk)

    second = Client()
    log_in_with_password(second, coordinator)
    response = second.post(en("mfa_authenticate"), {"code": code})
    assert response.status_code == 200 and user_id(second) is None


def test_the_admin_log_in_asks_for_the_code_too(users, client):
    """Django's own admin form would skip the second step; it hands over to the site's log-in."""
    response = client.get("/admin/login/?next=/admin/")
    assert response.status_code == 302 and response.url.startswith(reverse("account_login"))


# Setting up


def test_setting_up_the_app(db, unenrolled_staff):
    user = unenrolled_staff(Role.ANALYST)
    client = logged_in(user)
    reauthenticate(client)

    page = client.get(en("mfa_activate_totp"))
    assert page.status_code == 200
    assert_accessible_page(page, title="Set up two-step verification")
    assert 'src="data:image/svg+xml;base64,' in page.text
    assert 'alt="QR code to scan with the authenticator app"' in page.text
    # The QR code is a data: image, which the policy allows; nothing inline may run or style.
    policy = page.headers["Content-Security-Policy"]
    assert "img-src 'self' data:" in policy
    assert "style=" not in page.text
    secret = client.session[SECRET_SESSION_KEY]
    assert f'value="{secret}"' in page.text

    response = client.post(en("mfa_activate_totp"), {"code": "not a code"})
    assert response.status_code == 200
    assert not Authenticator.objects.filter(user=user).exists()

    response = client.post(en("mfa_activate_totp"), {"code": totp_code(secret)})
    assert response.status_code == 302
    assert Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).count() == 1
    assert client.get("/en/panel/").status_code == 200


def test_non_staff_may_set_it_up_from_their_profile(users, client_for):
    client = client_for("resident")
    profile = client.get("/en/konto/")
    assert f'href="{en("mfa_index")}"' in profile.text
    assert "Two-step verification" in profile.text
    index = client.get(en("mfa_index"))
    assert index.status_code == 200
    assert_accessible_page(index)
    reauthenticate(client)
    assert client.get(en("mfa_activate_totp")).status_code == 200


def test_staff_cannot_switch_it_off(users, client_for):
    coordinator = users["coordinator"]
    client = client_for("coordinator")
    reauthenticate(client)
    response = client.post(en("mfa_deactivate_totp"))
    assert response.status_code == 200
    assert "Staff accounts must keep two-step verification" in response.text
    assert Authenticator.objects.filter(user=coordinator, type="totp").exists()


def test_others_can_switch_it_off(users, client_for):
    resident = users["resident"]
    Authenticator.objects.create(user=resident, type="totp", data={"secret": "JBSWY3DPEHPK3PXP"})
    client = client_for("resident")
    reauthenticate(client)
    assert client.post(en("mfa_deactivate_totp")).status_code == 302
    assert not Authenticator.objects.filter(user=resident).exists()


# Demo


def test_demo_totp_refuses_without_demo_accounts(db):
    with pytest.raises(CommandError, match="seed_demo"):
        call_command("demo_totp")


def test_demo_staff_share_the_published_secret(db, capsys):
    spec = demo_data.PERSONAS["coordinator"]
    user = create_user(spec["email"], role=spec["role"], totp=False)
    assert demo_totp.enrol_demo_staff({"coordinator": user}) == 1
    assert demo_totp.enrol_demo_staff({"coordinator": user}) == 0

    call_command("demo_totp")
    code = capsys.readouterr().out.strip()
    assert code == totp_code(demo_totp.DEMO_TOTP_SECRET)

    client = Client()
    log_in_with_password(client, user)
    client.post(en("mfa_authenticate"), {"code": code})
    assert user_id(client) == str(user.pk)
