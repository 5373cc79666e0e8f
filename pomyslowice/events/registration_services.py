"""Every change to event registrations goes through these functions.

Decisions worth knowing:
- Seats are counted inside a transaction holding the event row's lock
  (select_for_update; on SQLite the IMMEDIATE transaction does the same), so two people can
  never take the last seat at once.
- Guests confirm their e-mail through a signed link before they take a seat; the same link lets
  them see and cancel their registration. Logged-in users' addresses are already verified.
- A freed seat goes to the first person on the waitlist at once, who is told by e-mail.
- Attendance is support received: marking someone present writes one SupportRecord, unmarking
  removes it.
"""

from datetime import timedelta

from django.contrib.contenttypes.models import ContentType
from django.core import signing
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from pomyslowice.core.audit import log_action
from pomyslowice.core.notifications import send_templated_email, supported_language
from pomyslowice.core.text import is_erased_email
from pomyslowice.organizations.models import SupportRecord
from pomyslowice.privacy import consents as consent_register

from .models import Event, Registration

TOKEN_SALT = "events.registration"  # a signing namespace, not a secret  # nosec B105
TOKEN_MAX_AGE = timedelta(days=7)


class InvalidToken(Exception):
    """A registration link that was forged, has expired or points at nothing."""


def make_token(registration: Registration) -> str:
    return signing.TimestampSigner(salt=TOKEN_SALT).sign(str(registration.pk))


def registration_from_token(token: str) -> Registration:
    try:
        pk = signing.TimestampSigner(salt=TOKEN_SALT).unsign(token, max_age=TOKEN_MAX_AGE)
    except signing.BadSignature as error:  # SignatureExpired is a BadSignature too
        raise InvalidToken from error
    registration = (
        Registration.objects.select_related("event", "user", "organization").filter(pk=pk).first()
    )
    if registration is None:
        raise InvalidToken
    return registration


def registration_problem(event: Event, now=None) -> str | None:
    """Why nobody can register now, or None when registration is open."""
    now = now or timezone.now()
    if not event.registration_enabled or event.status != Event.Status.PUBLISHED:
        return _("This event does not take registrations.")
    if event.end <= now:
        return _("The event is over.")
    if event.registration_opens and now < event.registration_opens:
        return _("Registration has not opened yet.")
    if event.registration_closes and now >= event.registration_closes:
        return _("Registration is closed.")
    return None


def seats_left(event: Event) -> int | None:
    """None means unlimited."""
    if event.capacity is None:
        return None
    return max(event.capacity - event.registrations.confirmed().count(), 0)


@transaction.atomic
def register(
    *,
    event: Event,
    name: str,
    email: str,
    user=None,
    organization=None,
    organization_name: str = "",
    needs: str = "",
    consent: bool = False,
    language: str | None = None,
) -> Registration:
    """Register a person; a guest still has to confirm the e-mail address.

    `language` is the page language the person registered in (default: the active one); a
    guest's e-mails are written in it, since a guest has no account to keep a preference in.
    """
    event = Event.objects.select_for_update().get(pk=event.pk)
    if user is not None and not user.is_authenticated:
        user = None
    email = (user.email if user else email or "").strip().lower()
    problem = registration_problem(event)
    if problem:
        raise ValidationError(problem, code="closed")
    if event.registration_consent_text.strip() and not consent:
        raise ValidationError(
            {"consent": _("Registration needs your consent.")}, code="consent_required"
        )
    if event.registrations.active().filter(email__iexact=email).exists():
        raise _duplicate()
    registration = Registration(
        event=event,
        user=user,
        name=(name or "").strip(),
        email=email,
        organization=organization if event.registration_asks_organization else None,
        organization_name=(organization_name or "").strip()
        if event.registration_asks_organization and organization is None
        else "",
        needs=(needs or "").strip() if event.registration_asks_needs else "",
        status=Registration.Status.UNCONFIRMED,
        language=supported_language(language or translation.get_language()),
    )
    registration.full_clean(exclude=["status"], validate_constraints=False)
    try:
        with transaction.atomic():
            registration.save()
    except IntegrityError as error:
        raise _duplicate() from error
    log_action(actor=user, verb="events.registration.created", target=registration)
    if event.registration_consent_text.strip():
        # The organiser's own wording is what the person agreed to; the register keeps it.
        consent_register.record_consent(
            purpose="event_registration",
            user=user,
            email=email,
            source=registration,
            text=event.registration_consent_text,
            language=language,
        )
    if user is None:
        _email("confirm_email", registration)
    else:
        _place(registration, event=event, actor=user)
    return registration


@transaction.atomic
def confirm_guest_registration(*, registration: Registration) -> Registration:
    """The guest followed the link from the e-mail; confirming twice changes nothing."""
    event = Event.objects.select_for_update().get(pk=registration.event_id)
    registration = Registration.objects.select_for_update().get(pk=registration.pk)
    if registration.status != Registration.Status.UNCONFIRMED:
        return registration
    problem = registration_problem(event)
    if problem:
        raise ValidationError(problem, code="closed")
    _place(registration, event=event, actor=None)
    return registration


@transaction.atomic
def cancel_registration(*, registration: Registration, by=None) -> Registration:
    """Free the seat (or the waitlist place) and give it to the next person waiting."""
    event = Event.objects.select_for_update().get(pk=registration.event_id)
    registration = Registration.objects.select_for_update().get(pk=registration.pk)
    if registration.status == Registration.Status.CANCELLED:
        return registration
    had_seat = registration.status == Registration.Status.CONFIRMED
    registration.status, registration.cancelled_at = Registration.Status.CANCELLED, timezone.now()
    registration.save(update_fields=["status", "cancelled_at"])
    log_action(actor=by, verb="events.registration.cancelled", target=registration)
    if had_seat:
        _promote_from_waitlist(event)
    return registration


@transaction.atomic
def approve_registration(*, registration: Registration, by) -> Registration:
    """Staff accept a pending registration: a seat if one is free, else the waitlist."""
    event = Event.objects.select_for_update().get(pk=registration.event_id)
    registration = Registration.objects.select_for_update().get(pk=registration.pk)
    if registration.status != Registration.Status.PENDING:
        raise ValidationError(_("Only a registration awaiting confirmation can be approved."))
    _take_seat_or_wait(registration, event=event, actor=by)
    return registration


@transaction.atomic
def mark_attendance(*, registration: Registration, attended: bool, by) -> Registration:
    registration = (
        Registration.objects.select_for_update().select_related("event").get(pk=registration.pk)
    )
    if registration.status != Registration.Status.CONFIRMED:
        raise ValidationError(_("Only a confirmed participant can be marked as present."))
    # An erased person's kept entry is final: no new support record names them again.
    if is_erased_email(registration.email):
        raise ValidationError(_("This participant's data was erased; attendance cannot change."))
    if registration.attended == attended:
        return registration
    registration.attended = attended
    registration.save(update_fields=["attended"])
    source = {
        "kind": SupportRecord.Kind.TRAINING,
        "source_type": ContentType.objects.get_for_model(Registration),
        "source_id": str(registration.pk),
    }
    if attended:
        SupportRecord.objects.create(
            **source,
            date=timezone.localdate(registration.event.start),
            person=registration.user,
            person_name=registration.name,
            person_email=registration.email,
            organization=registration.organization,
            summary=registration.event.title[:300],
            recorded_by=by,
        )
    else:
        SupportRecord.objects.filter(**source).delete()
    log_action(
        actor=by,
        verb="events.registration.attendance",
        target=registration,
        data={"attended": attended},
    )
    return registration


@transaction.atomic
def close_registration(*, event: Event, by) -> Event:
    """Nobody new may register from now on; those already registered keep their places."""
    event = Event.objects.select_for_update().get(pk=event.pk)
    now = timezone.now()
    if event.registration_closes is None or event.registration_closes > now:
        event.registration_closes = now
        event.save(update_fields=["registration_closes", "updated_at"])
        log_action(actor=by, verb="events.registration.closed", target=event)
    return event


SETTINGS_FIELDS = (
    "registration_enabled",
    "capacity",
    "registration_opens",
    "registration_closes",
    "registration_needs_confirmation",
    "registration_asks_organization",
    "registration_asks_needs",
    "registration_consent_text",
)


@transaction.atomic
def update_registration_settings(*, event: Event, by, changes: dict) -> Event:
    """Change how the event takes registrations; more seats go to the waitlist at once."""
    unknown = set(changes) - set(SETTINGS_FIELDS)
    if unknown:
        raise TypeError(f"Not registration settings: {', '.join(sorted(unknown))}")
    event = Event.objects.select_for_update().get(pk=event.pk)
    changed = [name for name, value in changes.items() if getattr(event, name) != value]
    if not changed:
        return event
    for name in changed:
        setattr(event, name, changes[name])
    _check_settings(event)
    event.full_clean(exclude=["slug"], validate_constraints=False)
    event.save(update_fields=[*changed, "updated_at"])
    log_action(
        actor=by, verb="events.registration.settings", target=event, data={"fields": changed}
    )
    while event.capacity is None or event.registrations.confirmed().count() < event.capacity:
        if not _promote_from_waitlist(event):
            break
    return event


# --- helpers -----------------------------------------------------------------------------------


def _check_settings(event: Event) -> None:
    opens, closes = event.registration_opens, event.registration_closes
    if opens and closes and closes < opens:
        raise ValidationError(
            {"registration_closes": _("Registration cannot close before it opens.")}
        )
    if opens and opens >= event.end:
        raise ValidationError(
            {"registration_opens": _("Registration must open before the event ends.")}
        )
    confirmed = event.registrations.confirmed().count()
    if event.capacity is not None and event.capacity < confirmed:
        raise ValidationError(
            {
                "capacity": _(
                    "%(count)s people are already confirmed; cancel registrations before "
                    "lowering the number of seats below that."
                )
                % {"count": confirmed}
            }
        )


def _duplicate() -> ValidationError:
    return ValidationError(
        _("This e-mail address is already registered for this event."), code="duplicate"
    )


def _place(registration: Registration, *, event: Event, actor) -> None:
    """A registration with a confirmed address: to the staff's queue, a seat or the waitlist."""
    registration.confirmed_at = timezone.now()
    if event.registration_needs_confirmation:
        _set_status(registration, Registration.Status.PENDING, actor=actor)
        _email("pending", registration)
    else:
        _take_seat_or_wait(registration, event=event, actor=actor)


def _take_seat_or_wait(registration: Registration, *, event: Event, actor) -> None:
    if event.capacity is None or event.registrations.confirmed().count() < event.capacity:
        _set_status(registration, Registration.Status.CONFIRMED, actor=actor)
        _email("confirmed", registration)
    else:
        _set_status(registration, Registration.Status.WAITLISTED, actor=actor)
        _email("waitlisted", registration)


def _promote_from_waitlist(event: Event) -> bool:
    """Give a free seat to the first person waiting; True if someone got it."""
    if event.capacity is not None and event.registrations.confirmed().count() >= event.capacity:
        return False
    first = event.registrations.waitlisted().select_for_update().first()
    if first is None:
        return False
    _set_status(first, Registration.Status.CONFIRMED, actor=None, verb="promoted")
    _email("promoted", first)
    return True


def _set_status(registration: Registration, status: str, *, actor, verb: str = "") -> None:
    registration.status = status
    registration.save(update_fields=["status", "confirmed_at"])
    log_action(
        actor=actor,
        verb=f"events.registration.{verb or status}",
        target=registration,
        data={"status": status},
    )


def _email(template: str, registration: Registration) -> None:
    # An account's own choice wins (send_templated_email); a guest gets what they registered in.
    send_templated_email(
        template=f"events/registration/email/{template}",
        to=[registration.email],
        context={
            "registration": registration,
            "event": registration.event,
            "token": make_token(registration),
        },
        language=registration.language,
    )
