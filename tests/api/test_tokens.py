"""accounts/tokens.py: what is stored, what is logged, who a token authenticates."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from pomyslowice.accounts.models import TOKEN_PREFIX, ApiToken, hash_token
from pomyslowice.accounts.tokens import (
    authenticate_token,
    create_api_token,
    revoke_api_token,
)
from pomyslowice.core.models import AuditLogEntry


def test_create_stores_only_the_hash_and_a_hint(api_user):
    token, secret = create_api_token(user=api_user, name="  Skrypt raportów  ")

    token.refresh_from_db()
    assert secret.startswith(TOKEN_PREFIX)
    assert len(secret) > 40
    assert token.key_hash == hash_token(secret)
    assert token.key_hash != secret
    assert token.hint == secret[:12]
    assert secret not in {token.name, token.hint, token.key_hash}
    assert token.name == "Skrypt raportów"
    assert token.user == api_user
    assert token.revoked_at is None
    assert token.last_used_at is None


def test_every_token_gets_its_own_secret(api_user):
    _first, first_secret = create_api_token(user=api_user, name="A")
    _second, second_secret = create_api_token(user=api_user, name="B")
    assert first_secret != second_secret
    assert ApiToken.objects.filter(user=api_user).count() == 2


def test_create_is_logged_without_the_secret(api_user):
    token, secret = create_api_token(user=api_user, name="Skrypt")

    entry = AuditLogEntry.objects.for_object(token).get()
    assert entry.verb == "accounts.token.created"
    assert entry.actor == api_user
    assert secret not in entry.target_repr
    assert secret not in str(entry.data)


@pytest.mark.parametrize("name", ["", "   ", None, "x" * 101])
def test_create_rejects_an_empty_or_too_long_name(api_user, name):
    with pytest.raises(ValidationError) as error:
        create_api_token(user=api_user, name=name)

    assert error.value.messages[0]
    assert not ApiToken.objects.exists()
    assert not AuditLogEntry.objects.exists()


def test_create_accepts_the_longest_allowed_name(api_user):
    token, _secret = create_api_token(user=api_user, name="x" * 100)
    assert len(token.name) == 100


def test_revoke_sets_revoked_at_and_logs_once(api_user, api_token):
    token, secret = api_token

    revoked = revoke_api_token(token=token, by=api_user)
    first_revoked_at = revoked.revoked_at
    again = revoke_api_token(token=token, by=api_user)

    assert first_revoked_at is not None
    assert again.revoked_at == first_revoked_at
    assert ApiToken.objects.get(pk=token.pk).revoked_at == first_revoked_at
    verbs = list(AuditLogEntry.objects.for_object(token).values_list("verb", flat=True))
    assert sorted(verbs) == ["accounts.token.created", "accounts.token.revoked"]
    assert authenticate_token(secret) is None


def test_authenticate_returns_the_owner_of_an_active_token(api_user, api_token):
    _token, secret = api_token
    assert authenticate_token(secret) == api_user


@pytest.mark.parametrize("raw", ["", None, "pmw_not-a-real-token", "Bearer pmw_x"])
def test_authenticate_rejects_unknown_tokens(api_token, raw):
    assert authenticate_token(raw) is None


def test_authenticate_rejects_a_token_of_an_inactive_user(api_user, api_token):
    _token, secret = api_token
    api_user.is_active = False
    api_user.save(update_fields=["is_active"])
    assert authenticate_token(secret) is None


def test_authenticate_records_use_at_most_once_a_minute(api_token, django_assert_num_queries):
    token, secret = api_token

    authenticate_token(secret)
    token.refresh_from_db()
    first_use = token.last_used_at
    assert first_use is not None

    with django_assert_num_queries(1):  # the lookup only, no write
        authenticate_token(secret)
    token.refresh_from_db()
    assert token.last_used_at == first_use

    long_ago = timezone.now() - datetime.timedelta(minutes=2)
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=long_ago)
    authenticate_token(secret)
    token.refresh_from_db()
    assert token.last_used_at > long_ago
