"""The accessibility statement's facts, read from settings.ACCESSIBILITY_STATEMENT: each centre
running the platform publishes its own dates, compliance status and contact."""

import dataclasses
import datetime

from django.conf import settings
from django.core import checks

STATUSES = ("full", "partial", "none")
DATES = ("published", "updated", "prepared", "reviewed")


@dataclasses.dataclass(frozen=True)
class Statement:
    published: datetime.date
    updated: datetime.date
    prepared: datetime.date
    reviewed: datetime.date
    status: str
    contact_name: str
    email: str
    phone: str


def statement() -> Statement:
    facts = dict(settings.ACCESSIBILITY_STATEMENT)
    for name in DATES:
        facts[name] = datetime.date.fromisoformat(facts[name])
    return Statement(**facts)


@checks.register
def check_statement(app_configs, **kwargs) -> list[checks.Error]:
    """A statement the law requires must not break at the first visitor: bad settings stop
    the site from starting instead."""
    facts = settings.ACCESSIBILITY_STATEMENT
    errors = []
    for name in DATES:
        try:
            datetime.date.fromisoformat(facts.get(name, ""))
        except (TypeError, ValueError):
            errors.append(
                checks.Error(f"ACCESSIBILITY_STATEMENT[{name!r}] must be a date (YYYY-MM-DD).")
            )
    if facts.get("status") not in STATUSES:
        errors.append(
            checks.Error(f"ACCESSIBILITY_STATEMENT['status'] must be one of {', '.join(STATUSES)}.")
        )
    if not facts.get("email"):
        errors.append(checks.Error("ACCESSIBILITY_STATEMENT['email'] must be given."))
    return errors
