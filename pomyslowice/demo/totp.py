"""Two-step verification for the demo's staff accounts.

DEMO ONLY. Every demo staff account shares this published secret, like the published demo
password, so that anyone trying the demo can sign in as staff: add the secret to an authenticator
app or run `python manage.py demo_totp`. A real account never gets it: seed_demo enrols only the
demo personas (…@demo.pomyslowice.pl) with it.
"""

import time

from allauth.mfa import app_settings as mfa_settings
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from allauth.mfa.utils import encrypt

from pomyslowice.accounts.models import User
from pomyslowice.organizations import demo_data

DEMO_TOTP_SECRET = "PMYSLOWICEDEMO2FAPMYSLOWICEDEMO2"  # published with the demo  # nosec B105


def staff_personas() -> list[str]:
    return [spec["email"] for spec in demo_data.PERSONAS.values() if spec.get("role")]


def enrol_demo_staff(users: dict[str, User]) -> int:
    """Gives each demo staff account the demo secret (again, if it was changed); returns how
    many accounts were enrolled anew."""
    staff = [user for user in users.values() if user.email in staff_personas()]
    enrolled = 0
    for user in staff:
        _authenticator, created = Authenticator.objects.update_or_create(
            user=user,
            type=Authenticator.Type.TOTP,
            defaults={"data": {"secret": encrypt(DEMO_TOTP_SECRET)}},
        )
        enrolled += created
    return enrolled


def current_code(at: float | None = None) -> str:
    """The code an authenticator app holding the demo secret shows now."""
    now = time.time() if at is None else at
    return format_hotp_value(hotp_value(DEMO_TOTP_SECRET, int(now) // mfa_settings.TOTP_PERIOD))
