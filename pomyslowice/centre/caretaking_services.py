"""Caretakers' work with organisations: contacts (meetings, calls, e-mails, visits) and tasks.

Decisions worth knowing:
- A contact is support received: recording one writes one SupportRecord (kind CARETAKER_CONTACT,
  source = the contact, summary = its topic); changing it updates that record, deleting it
  removes it. The notes stay on the contact, so the timeline can hide them from readers
  without the right to see them.
- A task goes to a member of staff, by default the organisation's caretaker; the assignee is
  told by e-mail unless they assigned it themselves.
- Naming the caretaker is `organizations.services.assign_caretaker`; it is not repeated here.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from pomyslowice.core.audit import log_action
from pomyslowice.core.notifications import send_templated_email
from pomyslowice.organizations.models import Organization, SupportRecord

from .models import CaretakerContact, CaretakerTask
from .support import record_support, remove_support

CONTACT_FIELDS = ("date", "channel", "topic", "duration_minutes", "notes", "person_name")


@transaction.atomic
def record_contact(
    *,
    organization: Organization,
    by,
    date: datetime.date,
    channel: str,
    topic: str,
    duration_minutes: int | None = None,
    notes: str = "",
    person_name: str = "",
) -> CaretakerContact:
    contact = CaretakerContact(organization=organization, caretaker=by)
    _apply_contact(
        contact,
        date=date,
        channel=channel,
        topic=topic,
        duration_minutes=duration_minutes,
        notes=notes,
        person_name=person_name,
    )
    contact.save()
    _record_support(contact, by=by)
    log_action(actor=by, verb="centre.caretaker_contact.recorded", target=contact)
    return contact


@transaction.atomic
def update_contact(*, contact: CaretakerContact, by, **changes) -> CaretakerContact:
    unknown = set(changes) - set(CONTACT_FIELDS)
    if unknown:
        raise TypeError(f"unknown contact fields: {sorted(unknown)}")
    contact = CaretakerContact.objects.select_for_update().get(pk=contact.pk)
    values = {name: getattr(contact, name) for name in CONTACT_FIELDS} | changes
    _apply_contact(contact, **values)
    contact.save()
    _record_support(contact, by=by)
    log_action(
        actor=by,
        verb="centre.caretaker_contact.changed",
        target=contact,
        data={"fields": sorted(changes)},
    )
    return contact


@transaction.atomic
def delete_contact(*, contact: CaretakerContact, by) -> None:
    remove_support(kind=SupportRecord.Kind.CARETAKER_CONTACT, source=contact)
    log_action(
        actor=by,
        verb="centre.caretaker_contact.deleted",
        target=contact,
        data={"organization": contact.organization_id, "date": contact.date.isoformat()},
    )
    contact.delete()


@transaction.atomic
def add_task(
    *,
    organization: Organization,
    by,
    title: str,
    due_date: datetime.date | None,
    assigned_to=None,
    notes: str = "",
) -> CaretakerTask:
    assigned_to = assigned_to or organization.caretaker
    if assigned_to is not None and not (assigned_to.is_staff and assigned_to.is_active):
        raise ValidationError(
            {"assigned_to": _("A task can go only to an active member of the centre's staff.")}
        )
    if due_date is None:
        raise ValidationError({"due_date": _("Give the date by which the task is due.")})
    task = CaretakerTask(
        organization=organization,
        title=(title or "").strip(),
        due_date=due_date,
        assigned_to=assigned_to,
        notes=(notes or "").strip(),
        created_by=by,
    )
    if not task.title:
        raise ValidationError({"title": _("Say what is to be done.")})
    task.full_clean()
    task.save()
    log_action(
        actor=by,
        verb="centre.caretaker_task.added",
        target=task,
        data={"assigned_to": assigned_to.pk if assigned_to else None},
    )
    if assigned_to is not None and assigned_to != by:
        send_templated_email(
            template="centre/email/caretaking_task_assigned",
            to=[assigned_to.email],
            context={"task": task, "organization": organization, "assigned_by": by},
        )
    return task


@transaction.atomic
def complete_task(*, task: CaretakerTask, by) -> CaretakerTask:
    task = CaretakerTask.objects.select_for_update().get(pk=task.pk)
    if task.done_at is None:
        task.done_at = timezone.now()
        task.save(update_fields=["done_at"])
        log_action(actor=by, verb="centre.caretaker_task.completed", target=task)
    return task


@transaction.atomic
def reopen_task(*, task: CaretakerTask, by) -> CaretakerTask:
    task = CaretakerTask.objects.select_for_update().get(pk=task.pk)
    if task.done_at is not None:
        task.done_at = None
        task.save(update_fields=["done_at"])
        log_action(actor=by, verb="centre.caretaker_task.reopened", target=task)
    return task


def _apply_contact(contact: CaretakerContact, **values) -> None:
    date = values["date"]
    if date is None:
        raise ValidationError({"date": _("Give the date of the contact.")})
    if date > timezone.localdate():
        raise ValidationError(
            {"date": _("A contact cannot be recorded before it happens; check the date.")}
        )
    topic = (values["topic"] or "").strip()
    if not topic:
        raise ValidationError({"topic": _("Give the topic of the contact.")})
    contact.date = date
    contact.channel = values["channel"]
    contact.topic = topic
    contact.duration_minutes = values["duration_minutes"]
    contact.notes = (values["notes"] or "").strip()
    contact.person_name = (values["person_name"] or "").strip()
    contact.full_clean(exclude=["caretaker"])


def _record_support(contact: CaretakerContact, *, by) -> None:
    record_support(
        kind=SupportRecord.Kind.CARETAKER_CONTACT,
        source=contact,
        date=contact.date,
        organization=contact.organization,
        person_name=contact.person_name,
        summary=contact.topic,
        by=by,
    )
