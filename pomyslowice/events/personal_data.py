"""Personal data the events app holds: registrations (with feedback), events submitted and
grant call alerts (see privacy.registry for the contract)."""

import datetime
import uuid

from django.db.models import Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from pomyslowice.core.text import ERASED_EMAIL_SUFFIX
from pomyslowice.organizations.personal_data import iso
from pomyslowice.privacy.registry import (
    Kept,
    PersonalDataSource,
    Report,
    Subject,
    register_source,
)

from .models import Event, GrantCallSubscription, Registration

# Attendance lists of trainings are part of a funded project's documentation: kept for 5 years
# after the end of the year of the event (accountability to the funder: art. 5(2) GDPR and the
# grant agreement).
ATTENDANCE_LIST_YEARS = 5


def _registrations_of(subject: Subject):
    condition = Q(email__iexact=subject.email)
    if subject.user is not None:
        condition |= Q(user=subject.user)
    return Registration.objects.filter(condition)


def _attendance_kept_until(event: Event) -> datetime.date:
    return datetime.date(timezone.localdate(event.start).year + ATTENDANCE_LIST_YEARS, 12, 31)


def export_registrations(subject: Subject) -> list[dict]:
    registrations = _registrations_of(subject).select_related("event", "organization", "feedback")
    return [_registration_record(registration) for registration in registrations]


def _registration_record(registration: Registration) -> dict:
    feedback = getattr(registration, "feedback", None)
    return {
        "event": registration.event.title,
        "event_start": iso(registration.event.start),
        "name": registration.name,
        "email": registration.email,
        "organization": (
            registration.organization.name
            if registration.organization
            else registration.organization_name
        ),
        "needs": registration.needs,
        "status": registration.status,
        "status_label": str(registration.get_status_display()),
        "attended": registration.attended,
        "registered_at": iso(registration.created_at),
        "confirmed_at": iso(registration.confirmed_at),
        "cancelled_at": iso(registration.cancelled_at),
        "feedback": (
            {
                "rating": feedback.rating,
                "comment": feedback.comment,
                "sent_at": iso(feedback.created_at),
            }
            if feedback
            else None
        ),
    }


def erase_registrations(subject: Subject) -> Report:
    """Attended registrations keep the name on the attendance list until the documentation
    period ends; everything else about the person goes."""
    report = Report()
    today = timezone.localdate()
    for registration in _registrations_of(subject).select_related("event"):
        until = _attendance_kept_until(registration.event)
        if registration.attended and until >= today:
            _keep_on_attendance_list(registration)
            report.kept.append(
                Kept(
                    what=_("Your name on the attendance list of “%(event)s” (%(date)s)")
                    % {
                        "event": registration.event.title,
                        "date": date_format(timezone.localdate(registration.event.start)),
                    },
                    why=_(
                        "The attendance list is part of the documentation of a project funded "
                        "by a grant, which we must be able to show to the funder (art. 5(2) "
                        "GDPR and the grant agreement); your e-mail, needs and account link "
                        "are removed."
                    ),
                    until=until,
                )
            )
        else:
            registration.delete()
        report.erased += 1
    return report


def _keep_on_attendance_list(registration: Registration) -> None:
    if hasattr(registration, "feedback"):
        registration.feedback.comment = ""
        registration.feedback.save(update_fields=["comment"])
    registration.user = None
    # Unique per event among active registrations, so not blank.
    registration.email = f"{uuid.uuid4().hex}{ERASED_EMAIL_SUFFIX}"
    registration.needs = ""
    registration.save(update_fields=["user", "email", "needs"])


# --- events submitted --------------------------------------------------------------------------


def export_events(subject: Subject) -> list[dict]:
    if subject.user is None:
        return []
    return [
        {
            "title": event.title,
            "start": iso(event.start),
            "status": event.status,
            "status_label": str(event.get_status_display()),
            "submitted_at": iso(event.created_at),
        }
        for event in Event.objects.filter(submitted_by=subject.user)
    ]


def erase_events(subject: Subject) -> Report:
    # The event is its organiser's announcement; only who submitted it is the person's.
    if subject.user is None:
        return Report()
    return Report(erased=Event.objects.filter(submitted_by=subject.user).update(submitted_by=None))


# --- grant call alerts -------------------------------------------------------------------------


def export_alerts(subject: Subject) -> list[dict]:
    if subject.user is None:
        return []
    return [
        {"organization": alert.organization.name, "created_at": iso(alert.created_at)}
        for alert in GrantCallSubscription.objects.filter(user=subject.user).select_related(
            "organization"
        )
    ]


def erase_alerts(subject: Subject) -> Report:
    if subject.user is None:
        return Report()
    alerts = GrantCallSubscription.objects.filter(user=subject.user)
    count = alerts.count()
    alerts.delete()
    return Report(erased=count)


register_source(
    PersonalDataSource(
        name="events.registrations",
        label=_("Event registrations"),
        export=export_registrations,
        erase=erase_registrations,
        guest_emails=lambda: Registration.objects.filter(user__isnull=True).values_list(
            "email", flat=True
        ),
    )
)
register_source(
    PersonalDataSource(
        name="events.submitted",
        label=_("Events submitted to the calendar"),
        export=export_events,
        erase=erase_events,
    )
)
register_source(
    PersonalDataSource(
        name="events.grant_call_alerts",
        label=_("Grant call alerts"),
        export=export_alerts,
        erase=erase_alerts,
    )
)
