"""How long events keep guests' personal data (settings.RETENTION; see privacy.retention)."""

import datetime

from django.db.models import CharField, Value
from django.db.models.functions import Cast, Concat
from django.utils.translation import gettext_lazy as _

from pomyslowice.core.text import ERASED_EMAIL_SUFFIX
from pomyslowice.privacy.registry import RetentionRule, register_retention_rule

from .models import Registration

# The unique (event, e-mail) constraint rules out one shared placeholder address; the erased
# suffix (a reserved RFC 2606 domain) makes the row recognisable and never receives mail.


def anonymise_guest_registrations(now: datetime.datetime, days: int, dry_run: bool) -> int:
    """Guests' names, e-mails and needs go N days after the event; attendance stays counted."""
    expired = (
        Registration.objects.filter(
            user__isnull=True, event__end__lt=now - datetime.timedelta(days)
        )
        .exclude(email__endswith=ERASED_EMAIL_SUFFIX)
        .exclude(status=Registration.Status.UNCONFIRMED)
    )
    if dry_run:
        return expired.count()
    return expired.update(
        name="",
        needs="",
        organization_name="",
        email=Concat(
            Value("guest-"),
            Cast("pk", output_field=CharField()),
            Value(ERASED_EMAIL_SUFFIX),
            output_field=CharField(),
        ),
    )


def delete_unconfirmed_registrations(now: datetime.datetime, days: int, dry_run: bool) -> int:
    """A registration whose e-mail was never confirmed holds a place nobody took up."""
    expired = Registration.objects.filter(
        status=Registration.Status.UNCONFIRMED, created_at__lt=now - datetime.timedelta(days)
    )
    if dry_run:
        return expired.count()
    return expired.delete()[1].get(Registration._meta.label, 0)


register_retention_rule(
    RetentionRule(
        name="events.guest_registrations",
        label=_("Guests' details on past event registrations"),
        setting="guest_registrations",
        apply=anonymise_guest_registrations,
    )
)
register_retention_rule(
    RetentionRule(
        name="events.unconfirmed_registrations",
        label=_("Unconfirmed event registrations"),
        setting="unconfirmed_registrations",
        apply=delete_unconfirmed_registrations,
    )
)
