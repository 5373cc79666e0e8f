"""Every change to events goes through these functions.

Decisions worth knowing:
- An event of a trusted organisation (Organization.is_trusted) is published at once; any other
  waits in the moderation queue.
- Edits by the organiser's representatives to a published event stay published (they vouch for
  their organisation, as with its profile); a rejected event edited by its submitter goes back
  to the queue; a postponed event given new dates is published again.
- The slug is fixed at submission, so links and calendar subscriptions keep working.
- An event in a room of the centre books that room for each of its dates (events.venue); a
  conflict refuses the whole change. Cancelling or rejecting the event gives the room back.
"""

from datetime import datetime, time, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models.fields.files import FieldFile
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from pomyslowice.accounts.permissions import emails_with_permission
from pomyslowice.core import text
from pomyslowice.core.audit import log_action
from pomyslowice.core.files import delete_file_on_commit
from pomyslowice.core.images import validate_image
from pomyslowice.core.notifications import send_templated_email
from pomyslowice.core.sanitize import clean_html

from . import recurrence, venue
from .feedback_services import notify_event_cancelled
from .models import Event
from .permissions import can_moderate_events, organizations_user_may_submit_for

# Paths under /wydarzenia/ that are pages, not events.
RESERVED_SLUGS = frozenset(
    {"zglos", "moderacja", "miesiac", "kanal", "edytuj", "zapisy", "ankieta", "widget"}
)
IMAGE_MAX_SIDE = 3000
DEFAULT_DURATION = timedelta(hours=2)

EVENT_FIELDS = frozenset(
    {
        "title",
        "description",
        "category",
        "organizer",
        "co_organizers",
        "areas",
        "start",
        "end",
        "all_day",
        "recurrence_rule",
        "recurrence_exceptions",
        "place_name",
        "address",
        "room",
        "district",
        "online_url",
        "audience",
        "is_free",
        "price",
        "accessibility",
        "image",
        "image_alt",
    }
)
_RELATIONS = ("areas", "co_organizers")
# Changing any of these re-books the event's room for its new dates.
_ROOM_DEPENDS_ON = {
    "room",
    "start",
    "end",
    "all_day",
    "recurrence_rule",
    "recurrence_exceptions",
}


@transaction.atomic
def submit_event(*, data: dict, by) -> Event:
    """Create an event for one of the organisations the submitter may act for."""
    fields = _clean_event_data(data)
    relations = {name: fields.pop(name, []) for name in _RELATIONS}
    if not _is_new_file(fields.get("image")):
        fields.pop("image", None)
    organizer = fields.get("organizer")
    if organizer is None or not _may_submit_for(by, organizer):
        raise ValidationError({"organizer": _("Choose an organisation you represent.")})
    event = Event(**fields, slug=unique_slug(fields.get("title", "")), submitted_by=by)
    if organizer.is_trusted:
        event.status, event.published_at = Event.Status.PUBLISHED, timezone.now()
    else:
        event.status = Event.Status.SUBMITTED
    _validate(event)
    event.save()
    _set_relations(event, relations)
    if event.room is not None:
        venue.book_event_room(event, by=by)
    log_action(actor=by, verb="events.event.submitted", target=event, data={"status": event.status})
    context = {"event": event, "user": by}
    _email("submitted", [by.email], context, language=translation.get_language())
    _email("submitted_staff", moderator_emails(), context)
    return event


@transaction.atomic
def update_event(*, event: Event, by, changes: dict) -> Event:
    """Apply the changes at once and log which fields changed."""
    event = Event.objects.select_for_update().get(pk=event.pk)
    cleaned = _clean_event_data(changes)
    relations = {name: cleaned.pop(name) for name in _RELATIONS if name in cleaned}
    old_image_name = event.image.name
    changed = _apply_changes(event, cleaned)
    changed += [name for name, value in relations.items() if _relation_changed(event, name, value)]
    resubmitted = event.status == Event.Status.REJECTED and not can_moderate_events(by)
    rescheduled = event.status == Event.Status.POSTPONED and {"start", "end"} & set(changed)
    if not changed:
        return event
    if resubmitted:
        event.status, event.status_note = Event.Status.SUBMITTED, ""
    if rescheduled:
        event.status, event.status_note = Event.Status.PUBLISHED, ""
    _validate(event)
    event.save()
    _set_relations(event, {name: relations[name] for name in relations if name in changed})
    if _ROOM_DEPENDS_ON & set(changed):
        venue.book_event_room(event, by=by)
    if "image" in changed and old_image_name:
        delete_file_on_commit(event.image.storage, old_image_name)
    log_action(
        actor=by, verb="events.event.updated", target=event, data={"fields": sorted(changed)}
    )
    if resubmitted:
        _email("submitted_staff", moderator_emails(), {"event": event, "user": by})
    return event


@transaction.atomic
def approve_event(*, event: Event, by) -> Event:
    event = Event.objects.select_for_update().get(pk=event.pk)
    if event.status != Event.Status.SUBMITTED:
        raise ValidationError(_("Only an event awaiting approval can be approved."))
    event.status, event.status_note = Event.Status.PUBLISHED, ""
    event.published_at = event.published_at or timezone.now()
    event.save(update_fields=["status", "status_note", "published_at", "updated_at"])
    log_action(actor=by, verb="events.event.approved", target=event)
    _email_submitter("approved", event)
    return event


@transaction.atomic
def reject_event(*, event: Event, by, reason: str) -> Event:
    reason = _required_note(reason, field="reason")
    event = Event.objects.select_for_update().get(pk=event.pk)
    if event.status != Event.Status.SUBMITTED:
        raise ValidationError(_("Only an event awaiting approval can be rejected."))
    venue.release_event_room(event, by=by)
    return _change_status(event, Event.Status.REJECTED, by=by, note=reason, verb="rejected")


@transaction.atomic
def cancel_event(*, event: Event, by, note: str) -> Event:
    note = _required_note(note, field="note")
    event = Event.objects.select_for_update().get(pk=event.pk)
    if event.status not in (Event.Status.PUBLISHED, Event.Status.POSTPONED):
        raise ValidationError(_("Only a published or postponed event can be cancelled."))
    event = _change_status(event, Event.Status.CANCELLED, by=by, note=note, verb="cancelled")
    venue.release_event_room(event, by=by)
    notify_event_cancelled(event)
    return event


@transaction.atomic
def postpone_event(*, event: Event, by, note: str) -> Event:
    note = _required_note(note, field="note")
    event = Event.objects.select_for_update().get(pk=event.pk)
    if event.status != Event.Status.PUBLISHED:
        raise ValidationError(_("Only a published event can be postponed."))
    return _change_status(event, Event.Status.POSTPONED, by=by, note=note, verb="postponed")


# --- helpers -----------------------------------------------------------------------------------


def unique_slug(title: str, *, exclude_pk=None) -> str:
    return text.unique_slug(
        title,
        queryset=Event.objects.exclude(pk=exclude_pk),
        fallback="wydarzenie",
        reserved=RESERVED_SLUGS,
    )


def moderator_emails() -> list[str]:
    """Addresses of everyone who may approve events."""
    return emails_with_permission("events.moderate_event")


def default_end(start: datetime, *, all_day: bool) -> datetime:
    """Two hours after the start, or the end of the start's day for an all-day event."""
    if all_day:
        day = timezone.localtime(start).date()
        return timezone.make_aware(datetime.combine(day, time.max))
    return start + DEFAULT_DURATION


def _clean_event_data(data: dict) -> dict:
    """Sanitise rich text, fill in a missing end, check the image; raise every problem at once."""
    unknown = set(data) - EVENT_FIELDS
    if unknown:
        raise TypeError(f"Not event fields: {', '.join(sorted(unknown))}")
    cleaned, errors = dict(data), {}
    if "description" in cleaned:
        cleaned["description"] = clean_html(cleaned["description"])
    if "recurrence_rule" in cleaned:
        cleaned["recurrence_rule"] = recurrence.normalize_rule(cleaned["recurrence_rule"])
    if cleaned.get("all_day") and cleaned.get("start"):
        _cover_whole_days(cleaned)
    if cleaned.get("room") and not cleaned.get("address", "").strip():
        cleaned["address"] = settings.CENTRE_ADDRESS
        cleaned["place_name"] = cleaned.get("place_name") or cleaned["room"].name
    if cleaned.get("start") and "end" in cleaned and not cleaned["end"]:
        cleaned["end"] = default_end(cleaned["start"], all_day=cleaned.get("all_day", False))
    if _is_new_file(cleaned.get("image")):
        try:
            validate_image(cleaned["image"], max_side=IMAGE_MAX_SIDE)
        except ValidationError as error:
            errors["image"] = error
    if errors:
        raise ValidationError(errors)
    return cleaned


def _may_submit_for(user, organization) -> bool:
    return organizations_user_may_submit_for(user).filter(pk=organization.pk).exists()


def _cover_whole_days(cleaned: dict) -> None:
    """An all-day event runs from the start of its first day to the end of its last one."""
    first_day = timezone.localtime(cleaned["start"]).date()
    cleaned["start"] = timezone.make_aware(datetime.combine(first_day, time.min))
    if cleaned.get("end"):
        last_day = timezone.localtime(cleaned["end"]).date()
        cleaned["end"] = timezone.make_aware(datetime.combine(last_day, time.max))


def _validate(event: Event) -> None:
    errors = {}
    try:
        event.full_clean(exclude=["slug"], validate_constraints=False)
    except ValidationError as error:
        errors.update(error.error_dict)
    if event.start and event.end and event.end < event.start:
        errors.setdefault("end", []).append(
            ValidationError(_("The event cannot end before it starts."))
        )
    try:
        recurrence.validate(event)
    except ValidationError as error:
        for field, field_errors in error.error_dict.items():
            errors.setdefault(field, []).extend(field_errors)
    if not (event.address.strip() or event.online_url.strip()):
        errors.setdefault("address", []).append(
            ValidationError(_("Give the address of the place or a link to the online meeting."))
        )
    if errors:
        raise ValidationError(errors)


def _is_new_file(value) -> bool:
    """A fresh upload, as opposed to the stored file (kept), False (cleared) or None (none)."""
    return bool(value) and not isinstance(value, FieldFile)


def _apply_changes(event: Event, cleaned: dict) -> list[str]:
    changed = []
    for field, value in cleaned.items():
        if field == "image":
            if value is False and event.image:
                event.image = None
                changed.append(field)
            elif _is_new_file(value):
                event.image = value
                changed.append(field)
        elif getattr(event, field) != value:
            setattr(event, field, value)
            changed.append(field)
    return changed


def _relation_changed(event: Event, name: str, value) -> bool:
    return {item.pk for item in value} != set(getattr(event, name).values_list("pk", flat=True))


def _set_relations(event: Event, relations: dict) -> None:
    for name, value in relations.items():
        getattr(event, name).set(value)


def _change_status(event: Event, status: str, *, by, note: str, verb: str) -> Event:
    event.status, event.status_note = status, note
    event.save(update_fields=["status", "status_note", "updated_at"])
    log_action(actor=by, verb=f"events.event.{verb}", target=event, data={"note": note})
    _email_submitter(verb, event)
    return event


def _required_note(note: str, *, field: str) -> str:
    note = (note or "").strip()
    if not note:
        raise ValidationError({field: _("Give the reason; the person will receive it.")})
    return note


def _email_submitter(template: str, event: Event) -> None:
    submitter = event.submitted_by
    if submitter is not None and submitter.is_active:
        _email(template, [submitter.email], {"event": event, "user": submitter})


def _email(template: str, recipients: list[str], context: dict, *, language=None) -> None:
    send_templated_email(
        template=f"events/email/{template}", to=recipients, context=context, language=language
    )
