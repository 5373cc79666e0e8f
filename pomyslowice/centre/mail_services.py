"""The mail register: letters and parcels that reach the centre's address for organisations.

Decisions worth knowing:
- Only organisations that use the centre's correspondence address get mail logged; the
  representatives hear about each item at once (the organisation's own address only when it
  has no active representative).
- Handing an item over is support received: the pickup writes one SupportRecord (kind MAIL).
- Reminders about uncollected items go to an organisation at most once a week, in one e-mail
  listing everything that waits for it, however many items are overdue.
"""

import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from pomyslowice.core.audit import log_action
from pomyslowice.core.notifications import send_templated_email
from pomyslowice.organizations.models import Membership, Organization, SupportRecord

from .calendar import local_date
from .models import MailItem

REMINDER_INTERVAL = datetime.timedelta(days=7)


def recipients_for(organization: Organization) -> list[str]:
    """Active representatives' addresses, or the organisation's own when it has none."""
    addresses = list(
        get_user_model()
        .objects.filter(
            memberships__organization=organization,
            memberships__status=Membership.Status.ACTIVE,
            is_active=True,
        )
        .exclude(email="")
        .order_by("email")
        .values_list("email", flat=True)
        .distinct()
    )
    return addresses or ([organization.email] if organization.email else [])


def _centre_context() -> dict:
    return {"centre_address": settings.CENTRE_ADDRESS, "centre_name": settings.CENTRE_NAME}


@transaction.atomic
def log_mail_item(
    *,
    organization: Organization,
    sender: str,
    kind: str,
    registered: bool,
    note: str = "",
    received_on: datetime.date | None = None,
    by,
) -> MailItem:
    """Register an item that arrived for `organization` and tell its representatives at once."""
    organization = Organization.objects.select_for_update().get(pk=organization.pk)
    if not organization.uses_centre_address:
        raise ValidationError(
            {
                "organization": _(
                    "%(name)s does not use the centre's correspondence address, so its mail "
                    "cannot be registered here."
                )
                % {"name": organization.name}
            },
            code="not_using_address",
        )
    received_on = received_on or timezone.localdate()
    if received_on > timezone.localdate():
        raise ValidationError(
            {"received_on": _("The date of receipt cannot be in the future.")}, code="future"
        )
    item = MailItem(
        organization=organization,
        sender=(sender or "").strip(),
        kind=kind,
        registered=bool(registered),
        note=(note or "").strip(),
        received_on=received_on,
        logged_by=by,
    )
    item.full_clean()
    item.save()
    log_action(
        actor=by,
        verb="centre.mail.logged",
        target=item,
        data={"organization": organization.pk, "registered": item.registered},
    )
    send_templated_email(
        template="centre/email/mail_arrived",
        to=recipients_for(organization),
        context={"item": item, "organization": organization, **_centre_context()},
    )
    return item


def _locked_waiting(item: MailItem, message: str) -> MailItem:
    item = MailItem.objects.select_for_update().select_related("organization").get(pk=item.pk)
    if item.status != MailItem.Status.WAITING:
        raise ValidationError(message, code="not_waiting")
    return item


@transaction.atomic
def record_pickup(
    *,
    item: MailItem,
    picked_up_by_name: str,
    by,
    picked_up_at: datetime.datetime | None = None,
    picked_up_by=None,
) -> MailItem:
    """Hand a waiting item over to the person who signed for it."""
    item = _locked_waiting(item, _("This item is no longer waiting, so it cannot be handed over."))
    name = (picked_up_by_name or "").strip()
    if not name:
        raise ValidationError(
            {"picked_up_by_name": _("Enter the name of the person who signed for the item.")},
            code="required",
        )
    now = timezone.now()
    picked_up_at = picked_up_at or now
    if picked_up_at > now + datetime.timedelta(minutes=5):
        raise ValidationError(
            {"picked_up_at": _("The time of pickup cannot be in the future.")}, code="future"
        )
    if local_date(picked_up_at) < item.received_on:
        raise ValidationError(
            {"picked_up_at": _("The item cannot be picked up before it arrived.")},
            code="before_received",
        )
    if (
        picked_up_by is not None
        and not Membership.objects.filter(
            user=picked_up_by, organization=item.organization, status=Membership.Status.ACTIVE
        ).exists()
    ):
        raise ValidationError(
            {"picked_up_by": _("This person does not represent the organisation.")},
            code="not_representative",
        )
    item.status = MailItem.Status.PICKED_UP
    item.picked_up_at, item.picked_up_by_name = picked_up_at, name
    item.picked_up_by, item.handed_over_by = picked_up_by, by
    item.full_clean()
    item.save(
        update_fields=[
            "status",
            "picked_up_at",
            "picked_up_by_name",
            "picked_up_by",
            "handed_over_by",
        ]
    )
    SupportRecord.objects.create(
        kind=SupportRecord.Kind.MAIL,
        source_type=ContentType.objects.get_for_model(MailItem),
        source_id=str(item.pk),
        date=local_date(picked_up_at),
        person=picked_up_by,
        person_name=name,
        organization=item.organization,
        summary=_("%(kind)s from %(sender)s")
        % {"kind": item.get_kind_display(), "sender": item.sender},
        recorded_by=by,
    )
    log_action(actor=by, verb="centre.mail.picked_up", target=item, data={"name": name})
    return item


@transaction.atomic
def mark_returned(*, item: MailItem, by, note: str) -> MailItem:
    """Send an uncollected (or refused) item back; the reason goes to the item's note and to
    the representatives, who may need to ask the sender for it again."""
    item = _locked_waiting(item, _("Only an item waiting for pickup can be returned to sender."))
    reason = (note or "").strip()
    if not reason:
        raise ValidationError(
            {"note": _("Say why the item goes back to the sender.")}, code="required"
        )
    item.status = MailItem.Status.RETURNED
    item.note = " — ".join(part for part in [item.note, reason] if part)[:300]
    item.save(update_fields=["status", "note"])
    log_action(actor=by, verb="centre.mail.returned", target=item, data={"reason": reason})
    send_templated_email(
        template="centre/email/mail_returned",
        to=recipients_for(item.organization),
        context={"item": item, "organization": item.organization, "reason": reason},
    )
    return item


@transaction.atomic
def send_pickup_reminders(today: datetime.date | None = None) -> int:
    """Remind organisations of items waiting longer than MAIL_PICKUP_REMINDER_DAYS; returns the
    number of organisations reminded."""
    today = today or timezone.localdate()
    overdue_since = today - datetime.timedelta(days=settings.MAIL_PICKUP_REMINDER_DAYS)
    organization_ids = set(
        MailItem.objects.uncollected_since(overdue_since).values_list("organization_id", flat=True)
    )
    now = timezone.now()
    reminded = 0
    for organization in Organization.objects.filter(pk__in=organization_ids).order_by("pk"):
        waiting = list(
            MailItem.objects.select_for_update()
            .waiting()
            .filter(organization=organization)
            .order_by("received_on", "pk")
        )
        last = max((i.last_reminder_at for i in waiting if i.last_reminder_at), default=None)
        if last is not None and local_date(last) > today - REMINDER_INTERVAL:
            continue
        MailItem.objects.filter(pk__in=[i.pk for i in waiting]).update(
            reminders_sent=F("reminders_sent") + 1, last_reminder_at=now
        )
        send_templated_email(
            template="centre/email/mail_reminder",
            to=recipients_for(organization),
            context={
                "organization": organization,
                "items": waiting,
                "today": today,
                **_centre_context(),
            },
        )
        log_action(
            actor=None,
            verb="centre.mail.reminded",
            target=organization,
            data={"items": [i.pk for i in waiting]},
        )
        reminded += 1
    return reminded
