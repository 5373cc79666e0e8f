"""Bearer tokens: /me needs one; public reads work without one but refuse a bad one."""

import pytest

from pomyslowice.accounts.models import ApiToken
from pomyslowice.accounts.tokens import revoke_api_token

from .conftest import bearer

ME = "/api/v1/me"
ORGANIZATIONS = "/api/v1/organizations"


def test_me_with_a_valid_token(client, api_user, api_token):
    token, secret = api_token

    response = client.get(ME, **bearer(secret))

    assert response.status_code == 200
    assert response.json() == {
        "id": api_user.pk,
        "email": "integrator@example.org",
        "name": "Irena Integratorka",
    }
    token.refresh_from_db()
    assert token.last_used_at is not None


def test_me_without_a_token_is_401_with_a_bearer_challenge(client, db):
    response = client.get(ME)

    assert response.status_code == 401
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response.json()["detail"]
    assert response["WWW-Authenticate"] == "Bearer"


@pytest.mark.parametrize(
    "header",
    ["Bearer pmw_wrong", "Bearer ", "Token {secret}", "{secret}", "Basic {secret}"],
)
def test_me_with_a_wrong_token_or_scheme_is_401(client, api_token, header):
    _token, secret = api_token

    response = client.get(ME, HTTP_AUTHORIZATION=header.format(secret=secret))

    assert response.status_code == 401
    assert set(response.json()) == {"detail"}
    assert response["WWW-Authenticate"] == 'Bearer error="invalid_token"'


def test_me_with_a_revoked_token_is_401(client, api_user, api_token):
    token, secret = api_token
    assert client.get(ME, **bearer(secret)).status_code == 200

    revoke_api_token(token=token, by=api_user)

    assert client.get(ME, **bearer(secret)).status_code == 401


def test_me_for_an_inactive_user_is_401(client, api_user, api_token):
    _token, secret = api_token
    api_user.is_active = False
    api_user.save(update_fields=["is_active"])

    assert client.get(ME, **bearer(secret)).status_code == 401


def test_me_ignores_a_logged_in_session(client_for):
    # The API knows callers by token only, so a browser session cannot be ridden (no CSRF hole).
    assert client_for("coordinator").get(ME).status_code == 401


def test_public_read_accepts_no_token_and_a_valid_token(client, organization, api_token):
    _token, secret = api_token

    anonymous = client.get(ORGANIZATIONS)
    with_token = client.get(ORGANIZATIONS, **bearer(secret))

    assert anonymous.status_code == with_token.status_code == 200
    assert anonymous.json() == with_token.json()


@pytest.mark.parametrize("path", [ORGANIZATIONS, "/api/v1/people", f"{ORGANIZATIONS}/x"])
def test_public_read_refuses_a_bad_token(client, organization, path):
    response = client.get(path, HTTP_AUTHORIZATION="Bearer pmw_wrong")

    assert response.status_code == 401
    assert set(response.json()) == {"detail"}


def test_public_read_refuses_a_revoked_token(client, organization, api_user, api_token):
    token, secret = api_token
    revoke_api_token(token=token, by=api_user)

    assert client.get(ORGANIZATIONS, **bearer(secret)).status_code == 401


def test_error_messages_follow_accept_language(client, db):
    response = client.get(ME, HTTP_ACCEPT_LANGUAGE="en")
    assert response.json()["detail"] == (
        'This needs an API token: send the header "Authorization: Bearer <token>".'
    )


def test_token_use_is_recorded(client, api_token):
    token, secret = api_token
    client.get(ORGANIZATIONS, **bearer(secret))
    assert ApiToken.objects.get(pk=token.pk).last_used_at is not None


def test_errors_are_polish_without_accept_language_on_a_polish_site(client, db, settings):
    settings.LANGUAGE_CODE = "pl"

    response = client.get(ME)

    assert response.json()["detail"].startswith("Ta operacja wymaga tokenu API")


def test_api_language_does_not_leak_into_pages(client, db, settings):
    settings.LANGUAGE_CODE = "pl"
    client.get(ME, HTTP_ACCEPT_LANGUAGE="en")

    assert '<html lang="pl">' in client.get("/organizacje/").text
