"""How domain apps tell the privacy app what personal data they hold, without it importing them.

Each app with personal data has a module `<app>/personal_data.py` that registers one source
per kind of record (the privacy app imports these modules at start-up):

    from pomyslowice.privacy.registry import Kept, PersonalDataSource, Report, register_source

    def export(subject):            # -> list of JSON-serialisable dicts, one per record
        ...
    def erase(subject):             # -> Report: what was erased, what is kept and why
        ...

    register_source(
        PersonalDataSource(
            name="events.registrations",
            label=_("Event registrations"),
            export=export,
            erase=erase,
            guest_emails=lambda: Registration.objects.values_list("email", flat=True),
        )
    )

Retention rules live in `<app>/retention.py` and are registered with `register_retention_rule`.
"""

import dataclasses
import datetime
import hashlib
from collections.abc import Callable, Iterable

from django.utils.functional import Promise


@dataclasses.dataclass(frozen=True)
class Subject:
    """The person whose data is exported or erased: an account holder, or someone known only by
    the e-mail address they gave (a guest registration, a request sent by post).

    `email` is always set, normalised to lower case; for account holders it is the account's
    address.
    """

    email: str
    user: object | None = None  # accounts.User; typed loosely to keep this module import-free

    @classmethod
    def for_user(cls, user) -> "Subject":
        return cls(email=normalise_email(user.email), user=user)

    @classmethod
    def for_email(cls, email: str) -> "Subject":
        return cls(email=normalise_email(email))

    @property
    def email_digest(self) -> str:
        return email_digest(self.email)


def normalise_email(email: str) -> str:
    return email.strip().lower()


def email_digest(email: str) -> str:
    """What the erasure log keeps instead of the address itself."""
    return hashlib.sha256(normalise_email(email).encode()).hexdigest()


@dataclasses.dataclass(frozen=True)
class Kept:
    """A record that erasure leaves in place because the law requires it."""

    what: str | Promise  # e.g. "Volunteer agreement of 3 March 2026 with Fundacja X"
    why: str | Promise  # e.g. "Art. 44 of the Act on public benefit: kept for 3 years"
    until: datetime.date | None = None


@dataclasses.dataclass
class Report:
    """What one source did to one subject's data."""

    erased: int = 0  # records deleted or anonymised
    kept: list[Kept] = dataclasses.field(default_factory=list)


@dataclasses.dataclass(frozen=True)
class PersonalDataSource:
    name: str  # "<app>.<what>", unique; also the key in the export archive
    label: str | Promise
    export: Callable[[Subject], list[dict]]
    # Must run inside the caller's transaction, be idempotent (a second call finds nothing left)
    # and leave no link from kept records to the user account, which is deleted afterwards.
    erase: Callable[[Subject], Report]
    # Addresses of people without accounts in this source's records; used to find them again
    # by their digest when an erasure is re-applied after a backup restore. None if the source
    # only holds data of account holders.
    guest_emails: Callable[[], Iterable[str]] | None = None


@dataclasses.dataclass(frozen=True)
class RetentionRule:
    name: str  # "<app>.<what>", unique
    label: str | Promise
    setting: str  # key in settings.RETENTION (a number of days)
    # apply(now, days, dry_run) -> how many records were (or would be) removed or anonymised
    apply: Callable[[datetime.datetime, int, bool], int]


_sources: dict[str, PersonalDataSource] = {}
_retention_rules: dict[str, RetentionRule] = {}


def register_source(source: PersonalDataSource) -> PersonalDataSource:
    _sources[source.name] = source
    return source


def sources() -> list[PersonalDataSource]:
    return sorted(_sources.values(), key=lambda source: source.name)


def register_retention_rule(rule: RetentionRule) -> RetentionRule:
    _retention_rules[rule.name] = rule
    return rule


def retention_rules() -> list[RetentionRule]:
    return sorted(_retention_rules.values(), key=lambda rule: rule.name)
