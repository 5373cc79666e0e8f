"""Retention: personal data is kept only as long as each purpose needs it.

Each app registers its rules in `<app>/retention.py`; `apply_retention` (run daily by the
`apply_retention` command) applies them all. This module also holds the rule for accounts
nobody has used for a long time.
"""

import datetime

from django.conf import settings
from django.db import transaction
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from pomyslowice.accounts.models import User
from pomyslowice.accounts.roles import ROLE_LABELS
from pomyslowice.core import page_cache
from pomyslowice.core.audit import log_action
from pomyslowice.core.models import AuditLogEntry
from pomyslowice.core.notifications import send_templated_email

from .models import ErasureRecord
from .registry import RetentionRule, Subject, register_retention_rule, retention_rules

WARNED_VERB = "privacy.retention.warned"


def apply_retention(now=None, dry_run=False) -> list[tuple[RetentionRule, int]]:
    """Apply every registered rule; returns how many records each removed (or would remove)."""
    now = now or timezone.now()
    results = []
    for rule in retention_rules():
        with transaction.atomic():
            count = rule.apply(now, settings.RETENTION[rule.setting], dry_run)
            if dry_run:
                transaction.set_rollback(True)
            elif count:
                # Rules anonymise with bulk updates, which send no signals.
                page_cache.invalidate_everything()
        results.append((rule, count))
    return results


# --- inactive accounts -------------------------------------------------------------------------


def _expiring_accounts(now: datetime.datetime, days: int):
    """Accounts close enough to their deletion date to be warned or deleted; never staff."""
    longest_warning = max(settings.RETENTION_WARNING_DAYS, default=0)
    horizon = now - datetime.timedelta(days=days - longest_warning)
    return (
        User.objects.annotate(last_activity=Coalesce("last_login", "date_joined"))
        .filter(last_activity__lte=horizon, is_staff=False, is_superuser=False)
        .exclude(groups__name__in=ROLE_LABELS)
        .distinct()
        .order_by("pk")
    )


def _warnings_since(user, since: datetime.datetime) -> list[AuditLogEntry]:
    return list(
        AuditLogEntry.objects.for_object(user)
        .filter(verb=WARNED_VERB, created_at__gte=since)
        .order_by("created_at", "pk")
    )


def _handle_account(user, now: datetime.datetime, days: int, dry_run: bool) -> bool:
    """Warn or erase one account as its dates require; True if it is (or would be) erased."""
    deadline = user.last_activity + datetime.timedelta(days=days)
    warning_days = settings.RETENTION_WARNING_DAYS
    # Logging in moves last_activity past the old warnings, so a new cycle starts afresh.
    warnings = _warnings_since(user, user.last_activity)
    if warning_days:
        due = [w for w in warning_days if now >= deadline - datetime.timedelta(days=w)]
        # Only the most urgent warning due goes out: a late run sends one e-mail, not two.
        if due and not any(entry.data.get("days", 0) <= min(due) for entry in warnings):
            if not dry_run:
                _warn(user, now=now, days=min(due), deadline=deadline)
            return False
        # Be humane: if the last warning went out late (the command did not run, the server was
        # down), the person still gets its full notice before anything is deleted.
        last_warning = warnings[-1].created_at if warnings else now
        deadline = max(deadline, last_warning + datetime.timedelta(days=min(warning_days)))
    if now < deadline:
        return False
    if not dry_run:
        _erase(user)
    return True


def _warn(user, *, now, days: int, deadline: datetime.datetime) -> None:
    deletion = max(deadline, now + datetime.timedelta(days=min(settings.RETENTION_WARNING_DAYS)))
    send_templated_email(
        template="privacy/email/inactive_account_warning",
        to=[user.email],
        context={"user": user, "deletion_date": timezone.localdate(deletion)},
    )
    log_action(
        actor=None,
        verb=WARNED_VERB,
        target=user,
        data={"days": days, "deletion_date": timezone.localdate(deletion).isoformat()},
    )


def _erase(user) -> None:
    # erasure pulls in every app's personal-data sources; imported here so that registering
    # this rule at start-up does not depend on the order the apps are loaded in.
    from .erasure import erase_person

    erase_person(subject=Subject.for_user(user), by=None, reason=ErasureRecord.Reason.RETENTION)


def erase_inactive_accounts(now: datetime.datetime, days: int, dry_run: bool) -> int:
    return sum(_handle_account(user, now, days, dry_run) for user in _expiring_accounts(now, days))


register_retention_rule(
    RetentionRule(
        name="accounts.inactive",
        label=_("Inactive accounts"),
        setting="inactive_accounts",
        apply=erase_inactive_accounts,
    )
)
