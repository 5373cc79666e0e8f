"""User accounts: the volunteers and one representative per organisation, with verified e-mails.

Ages are not set here: the volunteering module gives its volunteers their dates of birth.
"""

import datetime

from allauth.account.models import EmailAddress
from django.contrib.auth.hashers import make_password

from pomyslowice.accounts.models import User

from . import text
from .base import Context

# Everyone generated shares one password: hashing per account would take hours nationally.
PASSWORD = "dane-testowe-2011"  # a published test password, not a secret  # nosec B105
EMAIL_DOMAIN = "example.org"
# Most people get e-mails in Polish; some chose Ukrainian or English.
LANGUAGES = (("pl", 92), ("uk", 5), ("en", 3))


BLOCK = 20_000


def generate(ctx: Context) -> None:
    volunteers = ctx.scale.volunteer_profiles
    users = ctx.writer.reserve(User, volunteers + ctx.scale.organizations)
    ctx.ids["users"] = users
    ctx.ids["volunteer_users"] = users[:volunteers]
    ctx.ids["representative_users"] = users[volunteers:]
    emails = ctx.writer.reserve(EmailAddress, len(users))
    make_user = _user_maker(ctx)
    # In blocks, so a national run never holds a million rows at once.
    for start in range(0, len(users), BLOCK):
        rows = [make_user(user_id) for user_id in users[start : start + BLOCK]]
        ctx.writer.insert(User, rows)
        ctx.writer.insert(
            EmailAddress,
            (
                {"id": email_id, "user_id": row["id"], "email": row["email"]}
                | {"verified": True, "primary": True}
                for email_id, row in zip(emails[start : start + BLOCK], rows, strict=True)
            ),
        )


def _user_maker(ctx: Context):
    password = make_password(PASSWORD)
    rng = ctx.rng
    span = int((ctx.now - ctx.start).total_seconds())
    languages = [code for code, _weight in LANGUAGES]
    cum_weights = text.cumulative(weight for _code, weight in LANGUAGES)
    start = ctx.start

    def make_user(user_id: int) -> dict:
        first, last = text.person_name(rng)
        login = f"{text.ascii_word(first)}.{text.ascii_word(last)}"
        return {
            "id": user_id,
            "password": password,
            "first_name": first,
            "last_name": last,
            "email": f"{login}.{user_id}@{EMAIL_DOMAIN}",
            "is_active": True,
            "date_joined": start + datetime.timedelta(seconds=rng.randrange(span)),
            "language": rng.choices(languages, cum_weights=cum_weights)[0],
        }

    return make_user
