"""Every change to consulting appointments goes through these functions.

Decisions worth knowing:
- A booking is checked inside a transaction holding the consultant's row lock, and the database
  refuses a second holding appointment at the same time anyway (unique start everywhere, an
  exclusion constraint over the range on PostgreSQL); either way the loser gets SlotTaken.
- Guests confirm their e-mail address through a signed link within
  CONSULTING_CONFIRMATION_HOURS; until then the slot is held, afterwards it is free again and the
  next booking of that time cancels the stale request.
- A held consultation is support received: recording it writes one SupportRecord, recording a
  no-show instead removes it.
"""

import datetime

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core import signing
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from pomyslowice.core.audit import log_action
from pomyslowice.core.notifications import send_templated_email, supported_language
from pomyslowice.organizations.models import SupportRecord

from . import consulting_ical
from .calendar import local_date
from .consulting_slots import is_free
from .models import Appointment, AvailabilityException, Consultant, ConsultingService

TOKEN_SALT = "centre.appointment"  # a signing namespace, not a secret  # nosec B105


class SlotTaken(ValidationError):
    def __init__(self):
        super().__init__(
            _("This time is no longer free. Please choose another one."), code="slot_taken"
        )


class InvalidToken(Exception):
    """An appointment link that was forged, has expired or points at nothing."""


def make_token(appointment: Appointment) -> str:
    return signing.TimestampSigner(salt=TOKEN_SALT).sign(str(appointment.pk))


def appointment_from_token(token: str, *, max_age: datetime.timedelta | None = None):
    """The appointment a signed link names; a link lasts as long as one may book ahead."""
    max_age = max_age or datetime.timedelta(days=settings.CONSULTING_MAX_DAYS_AHEAD + 30)
    try:
        pk = signing.TimestampSigner(salt=TOKEN_SALT).unsign(token, max_age=max_age)
    except signing.BadSignature as error:
        raise InvalidToken from error
    appointment = (
        Appointment.objects.select_related("service", "consultant__user", "organization", "user")
        .filter(pk=pk)
        .first()
    )
    if appointment is None:
        raise InvalidToken
    return appointment


def confirmation_deadline(appointment: Appointment) -> datetime.datetime:
    return appointment.created_at + datetime.timedelta(hours=settings.CONSULTING_CONFIRMATION_HOURS)


@transaction.atomic
def book_appointment(
    *,
    service: ConsultingService,
    consultant: Consultant,
    start: datetime.datetime,
    name: str,
    email: str,
    question: str,
    user=None,
    organization=None,
    organization_name: str = "",
    phone: str = "",
    language: str | None = None,
) -> Appointment:
    """Book a free slot; a guest's booking waits for the e-mail confirmation.

    `language` is the page language the person booked in (default: the active one); every
    later e-mail about the appointment is written in it unless their account says otherwise.
    """
    if user is not None and not user.is_authenticated:
        user = None
    start = _utc(start)
    consultant = Consultant.objects.select_for_update().get(pk=consultant.pk)
    if not service.is_active or not service.consultants.filter(pk=consultant.pk).exists():
        raise ValidationError(_("This consultant does not give this service."), code="invalid")
    organization_name = (organization_name or "").strip() if organization is None else ""
    if service.organization_required and organization is None and not organization_name:
        raise ValidationError(
            {"organization": _("Specialist consulting is for organisations: name yours.")},
            code="organization_required",
        )
    appointment = Appointment(
        service=service,
        consultant=consultant,
        start=start,
        end=start + datetime.timedelta(minutes=service.duration_minutes),
        status=Appointment.Status.BOOKED if user else Appointment.Status.UNCONFIRMED,
        user=user,
        name=(name or "").strip() or (user.get_full_name() if user else ""),
        email=(user.email if user else email or "").strip().lower(),
        phone=(phone or "").strip(),
        organization=organization,
        organization_name=organization_name,
        question=(question or "").strip(),
        language=supported_language(language or translation.get_language()),
    )
    appointment.full_clean(exclude=["status"], validate_constraints=False)
    _take_slot(appointment)
    log_action(actor=user, verb="centre.appointment.booked", target=appointment)
    if user:
        _email_booked(appointment)
    else:
        _email("consulting_confirm", appointment)
    return appointment


@transaction.atomic
def confirm_appointment(*, appointment: Appointment) -> Appointment:
    """The guest followed the e-mailed link; confirming twice changes nothing."""
    Consultant.objects.select_for_update().get(pk=appointment.consultant_id)
    appointment = _locked(appointment)
    if appointment.status != Appointment.Status.UNCONFIRMED:
        return appointment
    if timezone.now() > confirmation_deadline(appointment):
        raise ValidationError(
            _("The time to confirm this booking has passed. Please book again."), code="expired"
        )
    appointment.status = Appointment.Status.BOOKED
    appointment.save(update_fields=["status"])
    log_action(actor=None, verb="centre.appointment.confirmed", target=appointment)
    _email_booked(appointment)
    return appointment


@transaction.atomic
def cancel_appointment(*, appointment: Appointment, by=None, reason: str = "") -> Appointment:
    """Cancel for the client (`by` None or the client) or for the centre; the other side is told."""
    appointment = _locked(appointment)
    if appointment.status not in Appointment.HOLDING_STATUSES:
        raise ValidationError(_("Only an upcoming appointment can be cancelled."), code="invalid")
    appointment.status = Appointment.Status.CANCELLED
    appointment.cancelled_at = timezone.now()
    appointment.cancellation_reason = (reason or "").strip()
    appointment.save(update_fields=["status", "cancelled_at", "cancellation_reason"])
    log_action(actor=_actor(by), verb="centre.appointment.cancelled", target=appointment)
    by_client = _by_client(appointment, by)
    recipients = [appointment.consultant.email] if by_client else [appointment.email]
    send_templated_email(
        template="centre/email/consulting_cancelled",
        to=recipients,
        context={**_context(appointment), "by_client": by_client},
        language=appointment.language or None,
        attachments=[consulting_ical.attachment(appointment, cancel=True)],
    )
    return appointment


@transaction.atomic
def reschedule_appointment(
    *, appointment: Appointment, start: datetime.datetime, by=None
) -> Appointment:
    """Move to another free slot of the same consultant: the old time is freed at once."""
    Consultant.objects.select_for_update().get(pk=appointment.consultant_id)
    old = _locked(appointment)
    start = _utc(start)
    if old.status != Appointment.Status.BOOKED:
        raise ValidationError(_("Only a booked appointment can be moved."), code="invalid")
    old.status = Appointment.Status.CANCELLED
    old.cancelled_at = timezone.now()
    old.cancellation_reason = _("Moved to another time.")
    old.save(update_fields=["status", "cancelled_at", "cancellation_reason"])
    new = Appointment(
        service=old.service,
        consultant=old.consultant,
        start=start,
        end=start + datetime.timedelta(minutes=old.service.duration_minutes),
        status=Appointment.Status.BOOKED,
        rescheduled_from=old,
        **{
            field: getattr(old, field)
            for field in (
                "user",
                "name",
                "email",
                "phone",
                "organization",
                "organization_name",
                "question",
                "language",
            )
        },
    )
    _take_slot(new)
    log_action(
        actor=_actor(by),
        verb="centre.appointment.rescheduled",
        target=new,
        data={"from": old.pk},
    )
    send_templated_email(
        template="centre/email/consulting_rescheduled",
        to=[new.email, new.consultant.email],
        context={**_context(new), "old": old},
        language=new.language or None,
        attachments=[consulting_ical.attachment(new)],
    )
    return new


@transaction.atomic
def record_outcome(
    *,
    appointment: Appointment,
    by,
    held: bool,
    topics: str = "",
    staff_notes: str = "",
    follow_up: str = "",
    follow_up_date: datetime.date | None = None,
) -> Appointment:
    appointment = _locked(appointment)
    if appointment.status not in (
        Appointment.Status.BOOKED,
        Appointment.Status.HELD,
        Appointment.Status.NO_SHOW,
    ):
        raise ValidationError(
            _("An outcome can be recorded only for a booked appointment."), code="invalid"
        )
    if appointment.start > timezone.now():
        raise ValidationError(
            _("The outcome can be recorded once the appointment has started."), code="too_early"
        )
    appointment.status = Appointment.Status.HELD if held else Appointment.Status.NO_SHOW
    appointment.topics = (topics or "").strip()
    appointment.staff_notes = (staff_notes or "").strip()
    appointment.follow_up = (follow_up or "").strip()
    appointment.follow_up_date = follow_up_date
    appointment.outcome_recorded_by = by
    appointment.full_clean(validate_constraints=False)
    appointment.save()
    source = {
        "kind": SupportRecord.Kind.CONSULTATION,
        "source_type": ContentType.objects.get_for_model(Appointment),
        "source_id": str(appointment.pk),
    }
    if held:
        SupportRecord.objects.update_or_create(
            **source,
            defaults={
                "date": local_date(appointment.start),
                "person": appointment.user,
                "person_name": appointment.name,
                "person_email": appointment.email,
                "organization": appointment.organization,
                "summary": (appointment.topics or appointment.service.name)[:300],
                "recorded_by": by,
            },
        )
    else:
        SupportRecord.objects.filter(**source).delete()
    log_action(actor=by, verb="centre.appointment.outcome", target=appointment, data={"held": held})
    return appointment


def send_reminders(now=None) -> int:
    """E-mail everyone whose appointment is tomorrow, once; returns how many were reminded."""
    now = now or timezone.now()
    tomorrow = local_date(now) + datetime.timedelta(days=1)
    count = 0
    due = Appointment.objects.filter(
        status=Appointment.Status.BOOKED,
        reminder_sent_at__isnull=True,
        start__gte=now,
        start__lt=now + datetime.timedelta(days=3),
    ).select_related("service", "consultant__user")
    for appointment in due:
        if local_date(appointment.start) != tomorrow:
            continue
        with transaction.atomic():
            updated = Appointment.objects.filter(
                pk=appointment.pk, reminder_sent_at__isnull=True
            ).update(reminder_sent_at=now)
            if updated:
                _email("consulting_reminder", appointment)
                count += 1
    return count


# --- helpers -----------------------------------------------------------------------------------


def _locked(appointment: Appointment) -> Appointment:
    return (
        Appointment.objects.select_for_update(of=("self",))
        .select_related("service", "consultant__user", "organization", "user")
        .get(pk=appointment.pk)
    )


def _take_slot(appointment: Appointment) -> None:
    """Save the appointment if its time is a free slot; the consultant's row is locked."""
    now = timezone.now()
    stale = Appointment.objects.filter(
        consultant=appointment.consultant,
        status=Appointment.Status.UNCONFIRMED,
        created_at__lt=now - datetime.timedelta(hours=settings.CONSULTING_CONFIRMATION_HOURS),
    ).overlapping(appointment.start, appointment.end)
    for expired in stale:
        expired.status, expired.cancelled_at = Appointment.Status.CANCELLED, now
        expired.cancellation_reason = _("Not confirmed in time.")
        expired.save(update_fields=["status", "cancelled_at", "cancellation_reason"])
        log_action(actor=None, verb="centre.appointment.expired", target=expired)
    if not is_free(appointment.service, appointment.consultant, appointment.start, now=now):
        raise SlotTaken
    try:
        with transaction.atomic():
            appointment.save()
    except IntegrityError as error:
        raise SlotTaken from error


def _utc(moment: datetime.datetime) -> datetime.datetime:
    """Times are added to in UTC: wall-clock arithmetic would be wrong across the DST change."""
    if timezone.is_naive(moment):
        raise ValidationError({"start": _("Give the time with its time zone.")}, code="invalid")
    return moment.astimezone(datetime.UTC)


def _actor(by):
    return by if by is not None and by.is_authenticated else None


def _by_client(appointment: Appointment, by) -> bool:
    by = _actor(by)
    return by is None or (by.pk == appointment.user_id and by.pk != appointment.consultant.user_id)


def _context(appointment: Appointment) -> dict:
    return {
        "appointment": appointment,
        "service": appointment.service,
        "consultant": appointment.consultant,
        "token": make_token(appointment),
        "CENTRE_ADDRESS": settings.CENTRE_ADDRESS,
        "hours": settings.CONSULTING_CONFIRMATION_HOURS,
    }


def _email(template: str, appointment: Appointment) -> None:
    send_templated_email(
        template=f"centre/email/{template}",
        to=[appointment.email],
        context=_context(appointment),
        language=appointment.language or None,
    )


def _email_booked(appointment: Appointment) -> None:
    send_templated_email(
        template="centre/email/consulting_booked",
        to=[appointment.email],
        context=_context(appointment),
        language=appointment.language or None,
        attachments=[consulting_ical.attachment(appointment)],
    )
    send_templated_email(
        template="centre/email/consulting_new_for_consultant",
        to=[appointment.consultant.email],
        context=_context(appointment),
        language=appointment.language or None,
    )


@transaction.atomic
def add_availability_exception(
    *, consultant: Consultant, by, exception: AvailabilityException
) -> AvailabilityException:
    """Time off or extra hours; appointments already booked stay (the consultant moves them)."""
    exception.consultant = consultant
    exception.full_clean()
    exception.save()
    log_action(actor=by, verb="centre.availability.added", target=exception)
    return exception


@transaction.atomic
def remove_availability_exception(*, exception: AvailabilityException, by) -> None:
    log_action(
        actor=by,
        verb="centre.availability.removed",
        target=exception.consultant,
        data={"date": exception.date.isoformat(), "kind": exception.kind},
    )
    exception.delete()
