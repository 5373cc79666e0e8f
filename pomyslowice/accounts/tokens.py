"""Personal API tokens: creating, revoking and checking them. Only a secret's SHA-256 is kept."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from pomyslowice.core.audit import log_action

from .models import ApiToken, User, hash_token

# Recording every use would turn each API read into a database write; a minute is precise enough
# for "last used" on the account page.
LAST_USED_RESOLUTION = datetime.timedelta(minutes=1)
HINT_LENGTH = 12


def _clean_token_name(name: str) -> str:
    name = (name or "").strip()
    if not name:
        raise ValidationError(
            _("Give the token a name, e.g. the program that will use it."), code="required"
        )
    max_length = ApiToken._meta.get_field("name").max_length
    if len(name) > max_length:
        raise ValidationError(
            _("The token name can have at most %(max_length)d characters."),
            code="max_length",
            params={"max_length": max_length},
        )
    return name


@transaction.atomic
def create_api_token(*, user: User, name: str) -> tuple[ApiToken, str]:
    """Create a token; the returned secret is shown to its owner once and never stored."""
    name = _clean_token_name(name)
    secret = ApiToken.generate_secret()
    token = ApiToken.objects.create(
        user=user, name=name, key_hash=hash_token(secret), hint=secret[:HINT_LENGTH]
    )
    log_action(actor=user, verb="accounts.token.created", target=token)
    return token, secret


@transaction.atomic
def revoke_api_token(*, token: ApiToken, by: User) -> ApiToken:
    """Revoke a token for good. Revoking a revoked token changes nothing and logs nothing."""
    token = ApiToken.objects.select_for_update().get(pk=token.pk)
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
        log_action(actor=by, verb="accounts.token.revoked", target=token)
    return token


def authenticate_token(raw: str) -> User | None:
    """The owner of an active token, if that owner's account is active; otherwise None."""
    if not raw:
        return None
    token = (
        ApiToken.objects.active()
        .filter(key_hash=hash_token(raw), user__is_active=True)
        .select_related("user")
        .first()
    )
    if token is None:
        return None
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at >= LAST_USED_RESOLUTION:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token.user
