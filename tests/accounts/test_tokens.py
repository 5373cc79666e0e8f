import pytest
from django.core.management import CommandError, ManagementUtility, call_command

from pomyslowice.accounts.models import ApiToken, hash_token
from pomyslowice.accounts.tokens import authenticate_token, create_api_token
from pomyslowice.core.models import AuditLogEntry

from ..conftest import PERSONAS
from .pages import assert_accessible_page, parse

TOKENS = "/en/konto/tokeny/"


def revoke_url(token: ApiToken) -> str:
    return f"/en/konto/tokeny/{token.pk}/uniewaznij/"


@pytest.mark.parametrize("persona", PERSONAS)
def test_every_persona_on_the_tokens_page(client_for, persona):
    response = client_for(persona).get(TOKENS)
    if persona == "anonymous":
        assert response.status_code == 302
        assert response.url.startswith("/en/konto/login/")
    else:
        assert response.status_code == 200
        assert_accessible_page(response, title="API tokens")


def test_create_shows_the_secret_once_and_stores_only_its_hash(users, client_for):
    client = client_for("resident")
    response = client.post(TOKENS, {"name": "Kalendarz"})
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    html = response.content.decode()
    token = ApiToken.objects.get(user=users["resident"])
    secret = html.split('<p class="token-secret">', 1)[1].split("</p>", 1)[0]
    assert token.name == "Kalendarz"
    assert token.key_hash == hash_token(secret)
    assert secret.startswith(token.hint)
    assert "shown only this once" in html
    assert authenticate_token(secret) == users["resident"]

    again = client.get(TOKENS).content.decode()
    assert secret not in again
    assert "Kalendarz" in again and f"{token.hint}…" in again


def test_create_without_a_name_is_refused(users, client_for):
    response = client_for("resident").post(TOKENS, {"name": "   "})
    assert response.status_code == 200
    assert 'id="id_name_error"' in response.content.decode()
    assert_accessible_page(response)
    assert not ApiToken.objects.exists()


def test_list_shows_only_my_tokens_with_their_state(users, client_for):
    create_api_token(user=users["resident"], name="Mój skrypt")
    create_api_token(user=users["volunteer"], name="Cudzy skrypt")
    html = client_for("resident").get(TOKENS).content.decode()
    assert "Mój skrypt" in html
    assert "Cudzy skrypt" not in html
    assert "active" in html and "never" in html
    assert parse(html).h1_count == 1


def test_revoke_my_token(users, client_for):
    token, secret = create_api_token(user=users["resident"], name="Stary")
    client = client_for("resident")
    response = client.post(revoke_url(token))
    assert response.status_code == 302
    assert response.url == TOKENS
    token.refresh_from_db()
    assert token.revoked_at is not None
    assert authenticate_token(secret) is None
    html = client.get(TOKENS).content.decode()
    assert "has been revoked" in html
    assert "revoked " in html
    assert revoke_url(token) not in html  # no button for a revoked token
    assert AuditLogEntry.objects.filter(verb="accounts.token.revoked").count() == 1


def test_revoking_twice_changes_nothing(users, client_for):
    token, _secret = create_api_token(user=users["resident"], name="Stary")
    client = client_for("resident")
    client.post(revoke_url(token))
    token.refresh_from_db()
    first_revocation = token.revoked_at
    response = client.post(revoke_url(token), follow=True)
    token.refresh_from_db()
    assert token.revoked_at == first_revocation
    assert "had already been revoked" in response.content.decode()


@pytest.mark.parametrize("persona", ["volunteer", "coordinator", "technical_admin"])
def test_someone_elses_token_is_404(users, client_for, persona):
    token, secret = create_api_token(user=users["resident"], name="Cudzy")
    response = client_for(persona).post(revoke_url(token))
    assert response.status_code == 404
    token.refresh_from_db()
    assert token.is_active
    assert authenticate_token(secret) == users["resident"]


def test_revoke_needs_post_and_login(users, client_for):
    token, _secret = create_api_token(user=users["resident"], name="Mój")
    assert client_for("resident").get(revoke_url(token)).status_code == 405
    response = client_for("anonymous").post(revoke_url(token))
    assert response.status_code == 302
    token.refresh_from_db()
    assert token.is_active


def test_tokens_page_query_count_does_not_grow(users, client_for, django_assert_max_num_queries):
    for i in range(30):
        create_api_token(user=users["resident"], name=f"Token {i}")
    client = client_for("resident")
    with django_assert_max_num_queries(6):
        assert client.get(TOKENS).status_code == 200


def test_command_prints_a_working_token(users, capsys):
    call_command("api_token", users["volunteer"].email.upper(), "--name", "Integracja")
    captured = capsys.readouterr()
    secret = captured.out.strip()
    assert authenticate_token(secret) == users["volunteer"]
    assert ApiToken.objects.get(user=users["volunteer"]).name == "Integracja"
    assert "shown only once" in captured.err


def test_command_has_a_default_name(users, capsys):
    call_command("api_token", users["volunteer"].email)
    assert ApiToken.objects.get(user=users["volunteer"]).name == "manage.py api_token"


def test_command_refuses_an_unknown_email(db, capsys):
    with pytest.raises(CommandError, match="No user has the e-mail address"):
        call_command("api_token", "nikt@example.org")
    assert not ApiToken.objects.exists()


def test_command_exits_non_zero_for_an_unknown_email(db, capsys):
    with pytest.raises(SystemExit) as exit_info:
        ManagementUtility(["manage.py", "api_token", "nikt@example.org"]).execute()
    assert exit_info.value.code == 1
    assert "No user has the e-mail address" in capsys.readouterr().err


def test_command_refuses_an_inactive_account(users):
    user = users["resident"]
    user.is_active = False
    user.save(update_fields=["is_active"])
    with pytest.raises(CommandError, match="inactive"):
        call_command("api_token", user.email)
