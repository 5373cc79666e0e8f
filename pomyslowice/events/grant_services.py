"""Every change to grant calls and their alerts goes through these functions.

Decisions worth knowing:
- A call is announced to subscribers when it becomes published for the first time, whether it
  was created published or published later. A GrantCallReminder row per subscription and kind
  makes every alert go out at most once, however often the call is edited or the command runs.
- A subscriber is matched through the areas of the organisation they represent; an alert goes
  only to someone who still actively represents that organisation.
- One person representing several matching organisations receives one e-mail per call and kind.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from pomyslowice.core import text
from pomyslowice.core.audit import log_action
from pomyslowice.core.notifications import send_templated_email
from pomyslowice.core.sanitize import clean_html
from pomyslowice.organizations.models import Membership, Organization
from pomyslowice.privacy import consents as consent_register

from .models import GrantCall, GrantCallReminder, GrantCallSubscription

# Paths under /konkursy/ that are pages, not calls.
RESERVED_SLUGS = frozenset({"dodaj", "powiadomienia", "edytuj", "kanal"})
WEEK_BEFORE = datetime.timedelta(days=7)
DAY_BEFORE = datetime.timedelta(days=1)
# An alert subscription is a consent; its purpose in the register (privacy.clauses).
REGISTER_PURPOSE = "grant_call_alerts"

EDITABLE_FIELDS = (
    "title",
    "kind",
    "funder_organization",
    "funder_name",
    "description",
    "eligibility",
    "budget",
    "min_amount",
    "max_amount",
    "own_contribution",
    "announced_on",
    "deadline",
    "results_on",
    "application_url",
    "is_published",
)
AMOUNT_FIELDS = ("budget", "min_amount", "max_amount")


# --- grant calls -------------------------------------------------------------------------------


@transaction.atomic
def create_grant_call(*, data: dict, by) -> GrantCall:
    fields = _editable(data)
    areas = data.get("areas", [])
    grant_call = GrantCall(**fields, slug=unique_slug(fields.get("title", "")), created_by=by)
    _validate(grant_call)
    grant_call.save()
    grant_call.areas.set(areas)
    log_action(actor=by, verb="events.grant_call.created", target=grant_call)
    if grant_call.is_published:
        announce_grant_call(grant_call)
    return grant_call


@transaction.atomic
def update_grant_call(*, grant_call: GrantCall, changes: dict, by) -> GrantCall:
    grant_call = GrantCall.objects.select_for_update().get(pk=grant_call.pk)
    was_published = grant_call.is_published
    changed = []
    for name, value in _editable(changes).items():
        if getattr(grant_call, name) != value:
            setattr(grant_call, name, value)
            changed.append(name)
    new_areas = changes.get("areas")
    if new_areas is not None and {a.pk for a in new_areas} != set(
        grant_call.areas.values_list("pk", flat=True)
    ):
        changed.append("areas")
    if not changed:
        return grant_call
    _validate(grant_call)
    grant_call.save()
    if "areas" in changed:
        grant_call.areas.set(new_areas)
    log_action(
        actor=by,
        verb="events.grant_call.updated",
        target=grant_call,
        data={"fields": sorted(changed)},
    )
    if grant_call.is_published and not was_published:
        announce_grant_call(grant_call)
    return grant_call


def unique_slug(title: str) -> str:
    return text.unique_slug(
        title, queryset=GrantCall.objects.all(), fallback="konkurs", reserved=RESERVED_SLUGS
    )


def _editable(data: dict) -> dict:
    fields = {name: data[name] for name in EDITABLE_FIELDS if name in data}
    if "description" in fields:
        fields["description"] = clean_html(fields["description"] or "")
    for name in ("funder_name", "eligibility", "own_contribution", "application_url"):
        if name in fields:
            fields[name] = (fields[name] or "").strip()
    return fields


def _validate(grant_call: GrantCall) -> None:
    """Rules a form cannot be trusted with; raises one ValidationError with every problem."""
    errors = {}
    for name in AMOUNT_FIELDS:
        value = getattr(grant_call, name)
        if value is not None and value < 0:
            errors[name] = _("An amount cannot be negative.")
    low, high = grant_call.min_amount, grant_call.max_amount
    if low is not None and high is not None and low > high and "min_amount" not in errors:
        errors["min_amount"] = _("The minimum grant cannot be higher than the maximum grant.")
    deadline_day = timezone.localdate(grant_call.deadline) if grant_call.deadline else None
    if deadline_day and grant_call.announced_on and deadline_day < grant_call.announced_on:
        errors["deadline"] = _("The deadline cannot be before the call was announced.")
    if deadline_day and grant_call.results_on and grant_call.results_on < deadline_day:
        errors["results_on"] = _("Results cannot be expected before the deadline.")
    if not grant_call.funder_organization_id and not grant_call.funder_name:
        errors["funder_name"] = _("Name the funder or choose it from the directory.")
    if errors:
        raise ValidationError(errors)
    grant_call.full_clean(exclude=["areas"])


# --- alerts ------------------------------------------------------------------------------------


@transaction.atomic
def set_grant_call_alerts(*, user, organization: Organization, enabled: bool) -> bool:
    """Turn alerts for one represented organisation on or off; True when something changed."""
    is_representative = Membership.objects.filter(
        user=user, organization=organization, status=Membership.Status.ACTIVE
    ).exists()
    if not is_representative:
        raise ValidationError(_("Only an active representative can receive alerts for it."))
    if enabled:
        subscription, changed = GrantCallSubscription.objects.get_or_create(
            user=user, organization=organization
        )
        if changed:
            consent_register.record_consent(
                purpose=REGISTER_PURPOSE, user=user, source=subscription
            )
    else:
        subscriptions = GrantCallSubscription.objects.filter(user=user, organization=organization)
        for subscription in subscriptions:
            consent_register.withdraw_for_source(
                source=subscription,
                purpose=REGISTER_PURPOSE,
                by=user,
                method=consent_register.Method.SELF_SERVICE,
            )
        changed, _deleted = subscriptions.delete()
        changed = bool(changed)
    if changed:
        log_action(
            actor=user,
            verb="events.grant_call_alert.enabled"
            if enabled
            else "events.grant_call_alert.disabled",
            target=organization,
        )
    return changed


def stop_alerts_after_register_withdrawal(record, by) -> None:
    """The consent was withdrawn in the consent register (/konto/zgody/): no more alerts."""
    subscription = record.source
    if isinstance(subscription, GrantCallSubscription):
        set_grant_call_alerts_off(subscription=subscription, by=by)


@transaction.atomic
def set_grant_call_alerts_off(*, subscription: GrantCallSubscription, by) -> None:
    subscription.delete()
    log_action(actor=by, verb="events.grant_call_alert.disabled", target=subscription.organization)


def register_consent_hooks() -> None:
    consent_register.on_withdrawal(REGISTER_PURPOSE, stop_alerts_after_register_withdrawal)


def announce_grant_call(grant_call: GrantCall) -> int:
    """E-mail the subscribers whose areas match a newly published call; returns e-mails sent."""
    return _alert(grant_call, GrantCallReminder.Kind.NEW)


def send_deadline_reminders(now: datetime.datetime | None = None) -> int:
    """Remind subscribers a week and a day before deadlines; safe to run as often as wanted."""
    now = now or timezone.now()
    closing = GrantCall.objects.published().open(now=now).filter(deadline__lte=now + WEEK_BEFORE)
    sent = 0
    for grant_call in closing.prefetch_related("areas"):
        kind = (
            GrantCallReminder.Kind.DAY
            if grant_call.deadline <= now + DAY_BEFORE
            else GrantCallReminder.Kind.WEEK
        )
        with transaction.atomic():
            sent += _alert(grant_call, kind)
    return sent


def matching_subscriptions(grant_call: GrantCall):
    return (
        GrantCallSubscription.objects.filter(
            organization__areas__in=grant_call.areas.all(),
            organization__memberships__user=F("user"),
            organization__memberships__status=Membership.Status.ACTIVE,
            user__is_active=True,
        )
        .select_related("user", "organization")
        .distinct()
        .order_by("user_id", "pk")
    )


def _alert(grant_call: GrantCall, kind: str) -> int:
    """Record a reminder per matching subscription; e-mail each person with a new one once."""
    newly_alerted = {}
    for subscription in matching_subscriptions(grant_call):
        # get_or_create, not create: a concurrent run may have recorded this reminder already.
        _reminder, created = GrantCallReminder.objects.get_or_create(
            subscription=subscription, grant_call=grant_call, kind=kind
        )
        if created:
            newly_alerted.setdefault(subscription.user, []).append(subscription.organization)
    for user, organizations in newly_alerted.items():
        _email(
            "new_call" if kind == GrantCallReminder.Kind.NEW else "reminder",
            user.email,
            {
                "grant_call": grant_call,
                "organizations": organizations,
                "kind": kind,
                "user": user,
            },
        )
    return len(newly_alerted)


def _email(template: str, recipient: str, context: dict) -> None:
    send_templated_email(
        template=f"events/grants/email/{template}", to=[recipient], context=context
    )
