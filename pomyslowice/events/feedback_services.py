"""Messages to an event's participants: the survey after it, the day-before reminder, the
staff's message to everyone registered and the notice that the event is cancelled.

Decisions worth knowing:
- The survey link is signed and names the registration, so people answer without an account;
  a registration answers once (EventFeedback is one-to-one with it).
- A reminder is recorded on the registration (reminded_at) in the same transaction that sends
  it, so running the command again, or twice at once, never repeats it.
"""

from datetime import datetime, time, timedelta

from django.core import signing
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Avg, Count
from django.utils import timezone
from django.utils.translation import gettext as _

from pomyslowice.core.audit import log_action
from pomyslowice.core.notifications import send_templated_email
from pomyslowice.core.text import ERASED_EMAIL_SUFFIX, is_erased_email

from .models import Event, EventFeedback, Registration
from .registration_services import make_token

FEEDBACK_SALT = "events.feedback"
FEEDBACK_MAX_AGE = timedelta(days=30)


class InvalidFeedbackToken(Exception):
    """A survey link that was forged, has expired or points at nobody who attended."""


def make_feedback_token(registration: Registration) -> str:
    return signing.TimestampSigner(salt=FEEDBACK_SALT).sign(str(registration.pk))


def registration_from_feedback_token(token: str) -> Registration:
    try:
        pk = signing.TimestampSigner(salt=FEEDBACK_SALT).unsign(token, max_age=FEEDBACK_MAX_AGE)
    except signing.BadSignature as error:  # SignatureExpired is a BadSignature too
        raise InvalidFeedbackToken from error
    registration = Registration.objects.select_related("event").filter(pk=pk, attended=True).first()
    # A link sent before the person's data was erased must not attach new data to the kept entry.
    if registration is None or is_erased_email(registration.email):
        raise InvalidFeedbackToken
    return registration


@transaction.atomic
def send_feedback_requests(*, event: Event, by) -> int:
    """E-mail the survey link to everyone who attended and has not answered yet."""
    if event.end > timezone.now():
        raise ValidationError(_("The survey can be sent once the event is over."))
    attendees = event.registrations.filter(attended=True, feedback__isnull=True).exclude(
        email__endswith=ERASED_EMAIL_SUFFIX
    )
    for registration in attendees:
        _email(
            "feedback_request",
            registration,
            feedback_token=make_feedback_token(registration),
        )
    count = len(attendees)
    log_action(actor=by, verb="events.feedback.requested", target=event, data={"count": count})
    return count


@transaction.atomic
def submit_feedback(*, registration: Registration, rating: int, comment: str = "") -> EventFeedback:
    if EventFeedback.objects.filter(registration=registration).exists():
        raise _already_sent()
    feedback = EventFeedback(registration=registration, rating=rating, comment=comment.strip())
    feedback.full_clean(exclude=["registration"])
    try:
        with transaction.atomic():
            feedback.save()
    except IntegrityError as error:  # the same form sent twice at once
        raise _already_sent() from error
    log_action(actor=registration.user, verb="events.feedback.sent", target=registration)
    return feedback


def feedback_summary(event: Event) -> dict:
    answers = EventFeedback.objects.filter(registration__event=event)
    summary = answers.aggregate(count=Count("pk"), average=Avg("rating"))
    summary["comments"] = list(answers.exclude(comment="").values_list("comment", flat=True))
    return summary


def send_event_reminders(now=None) -> int:
    """Remind confirmed participants of events starting tomorrow (local date); returns the
    number of e-mails sent."""
    tomorrow = timezone.localdate(now or timezone.now()) + timedelta(days=1)
    start = timezone.make_aware(datetime.combine(tomorrow, time.min))
    with transaction.atomic():
        due = list(
            Registration.objects.select_for_update(of=("self",))
            .select_related("event")
            .confirmed()
            .filter(
                reminded_at__isnull=True,
                event__status=Event.Status.PUBLISHED,
                event__start__gte=start,
                event__start__lt=start + timedelta(days=1),
            )
        )
        for registration in due:
            _email("reminder", registration)
        Registration.objects.filter(pk__in=[r.pk for r in due]).update(reminded_at=timezone.now())
    return len(due)


@transaction.atomic
def message_registrations(*, event: Event, by, subject: str, body: str) -> int:
    """The staff's message to everyone with a seat or on the waitlist."""
    subject, body = (subject or "").strip(), (body or "").strip()
    if not subject or not body:
        raise ValidationError(_("Write both the subject and the message."))
    recipients = event.registrations.filter(
        status__in=[Registration.Status.CONFIRMED, Registration.Status.WAITLISTED]
    )
    for registration in recipients:
        _email("message", registration, subject=subject, body=body)
    count = len(recipients)
    log_action(
        actor=by,
        verb="events.registration.message",
        target=event,
        data={"subject": subject, "count": count},
    )
    return count


def notify_event_cancelled(event: Event) -> None:
    for registration in event.registrations.active():
        _email("event_cancelled", registration)


# --- helpers -----------------------------------------------------------------------------------


def _already_sent() -> ValidationError:
    return ValidationError(_("You have already sent your feedback. Thank you!"), code="sent")


def _email(template: str, registration: Registration, **context) -> None:
    send_templated_email(
        template=f"events/registration/email/{template}",
        to=[registration.email],
        context={
            "registration": registration,
            "event": registration.event,
            "token": make_token(registration),
            **context,
        },
        language=registration.language,
    )
