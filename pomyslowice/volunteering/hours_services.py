"""Volunteers' hours: logged by the volunteer, approved or queried by the host, and totalled.

Decisions worth knowing:
- Nobody volunteers more than 24 hours a day: one volunteer's entries on one date, across all
  their engagements, add up to at most MAX_HOURS_A_DAY. The sum is checked while the engagement
  and the volunteer's user row are locked (select_for_update), so two entries sent at the same
  moment cannot both slip under the cap; SQLite's IMMEDIATE transactions serialise writers.
- Every entry counts towards that cap whatever its status: a queried entry still claims its time
  until the volunteer corrects it.
- Approved entries are final. Only approved hours count on the certificate.
- Hours go in quarters of an hour (0.25), the precision of a timesheet.
"""

import dataclasses
import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Count, DecimalField, Q, Sum, Value
from django.db.models.functions import Coalesce, TruncMonth, TruncYear
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from pomyslowice.accounts.models import User
from pomyslowice.core.audit import log_action
from pomyslowice.core.notifications import send_templated_email
from pomyslowice.organizations.models import Membership

from .models import ERASED_PERSON, MAX_HOURS_A_DAY, CertificateRequest, Engagement, HoursEntry

HOURS_STEP = Decimal("0.25")
ZERO = Decimal("0.00")
DESCRIPTION_MAX = 300
NOTE_MAX = 2000
OPINION_MAX = 5000
EDITABLE_STATUSES = (HoursEntry.Status.SUBMITTED, HoursEntry.Status.QUERIED)


# --- rules -------------------------------------------------------------------------------------


def last_day(engagement: Engagement) -> datetime.date | None:
    """The last day hours may be logged for: the agreed end, or the day it ended early."""
    ends = [engagement.ends_on]
    if engagement.ended_at:
        ends.append(timezone.localdate(engagement.ended_at))
    ends = [day for day in ends if day]
    return min(ends) if ends else None


def _day_problem(engagement: Engagement, day: datetime.date | None) -> str | None:
    if day is None:
        return _("Give the date.")
    if day > timezone.localdate():
        return _("Hours cannot be logged for a future date.")
    if day < engagement.starts_on:
        return _("The engagement started on %(date)s; hours before it cannot be logged.") % {
            "date": date_format(engagement.starts_on, "DATE_FORMAT")
        }
    end = last_day(engagement)
    if end and day > end:
        return _("The engagement ended on %(date)s; hours after it cannot be logged.") % {
            "date": date_format(end, "DATE_FORMAT")
        }
    return None


def _hours_problem(hours: Decimal | None) -> str | None:
    if hours is None:
        return _("Give the number of hours.")
    if hours <= 0:
        return _("The number of hours must be more than zero.")
    if hours > MAX_HOURS_A_DAY:
        return _("A day has %(max)s hours; give at most %(max)s.") % {"max": MAX_HOURS_A_DAY}
    if hours % HOURS_STEP:
        return _("Give the hours in quarters of an hour, for example 1.5 or 2.25.")
    return None


def hours_text(hours: Decimal) -> str:
    """12.50 as "12.5" and 20.00 as "20" (plain normalize() would say 2E+1)."""
    return f"{hours.normalize():f}"


def hours_on_day(*, volunteer_id: int, day: datetime.date, exclude_pk: int | None = None):
    """The volunteer's logged hours on this date across all their engagements."""
    entries = HoursEntry.objects.filter(
        engagement__application__volunteer_id=volunteer_id, date=day
    )
    if exclude_pk is not None:
        entries = entries.exclude(pk=exclude_pk)
    # quantize: SQLite sums 2.50 + 3.00 to 5.5, PostgreSQL to 5.50; say it one way.
    return (entries.aggregate(total=Sum("hours"))["total"] or ZERO).quantize(ZERO)


def _validate(*, engagement, volunteer_id, day, hours, description, exclude_pk=None) -> None:
    """Raise a ValidationError per field for everything wrong with an entry."""
    errors = {}
    if problem := _day_problem(engagement, day):
        errors["date"] = ValidationError(problem, code="date")
    if problem := _hours_problem(hours):
        errors["hours"] = ValidationError(problem, code="hours")
    if not description:
        errors["description"] = ValidationError(_("Say what you did."), code="required")
    elif len(description) > DESCRIPTION_MAX:
        errors["description"] = ValidationError(
            _("Describe it in at most %(max)s characters.") % {"max": DESCRIPTION_MAX},
            code="max_length",
        )
    if not errors:
        already = hours_on_day(volunteer_id=volunteer_id, day=day, exclude_pk=exclude_pk)
        if already + hours > MAX_HOURS_A_DAY:
            errors["hours"] = ValidationError(
                _(
                    "On %(date)s you have already logged %(already)s h; with this entry the day "
                    "would have more than %(max)s hours."
                )
                % {
                    "date": date_format(day, "DATE_FORMAT"),
                    "already": hours_text(already),
                    "max": MAX_HOURS_A_DAY,
                },
                code="day_full",
            )
    if errors:
        raise ValidationError(errors)


def _lock(engagement: Engagement) -> tuple[Engagement, User]:
    """Lock the engagement, then its volunteer: the volunteer's row serialises the daily cap
    across all of their engagements. of=self: the joined offer and host stay unlocked."""
    engagement = (
        Engagement.objects.select_for_update(of=("self",))
        .select_related("application__offer__host", "application__volunteer")
        .get(pk=engagement.pk)
    )
    volunteer = (
        User.objects.select_for_update().filter(pk=engagement.application.volunteer_id).first()
    )
    if volunteer is None:
        raise ValidationError(
            _("The volunteer's account is erased; only the records kept by law remain."),
            code="erased",
        )
    return engagement, volunteer


def _entry_data(entry: HoursEntry) -> dict:
    return {"date": entry.date.isoformat(), "hours": str(entry.hours), "status": entry.status}


# --- the volunteer -----------------------------------------------------------------------------


@transaction.atomic
def log_hours(
    *, engagement: Engagement, by: User, date: datetime.date, hours: Decimal, description: str
) -> HoursEntry:
    """The volunteer logs hours in an engagement in progress."""
    engagement, volunteer = _lock(engagement)
    if by.pk != volunteer.pk:
        raise ValidationError(_("Only the volunteer logs their hours."), code="not_volunteer")
    if engagement.status != Engagement.Status.ACTIVE:
        raise ValidationError(
            _("Hours can be logged only while the engagement is in progress."), code="not_active"
        )
    description = (description or "").strip()
    _validate(
        engagement=engagement,
        volunteer_id=volunteer.pk,
        day=date,
        hours=hours,
        description=description,
    )
    entry = HoursEntry.objects.create(
        engagement=engagement, date=date, hours=hours, description=description
    )
    log_action(actor=by, verb="volunteering.hours.logged", target=entry, data=_entry_data(entry))
    return entry


@transaction.atomic
def correct_hours(
    *,
    entry: HoursEntry,
    by: User,
    date: datetime.date,
    hours: Decimal,
    description: str,
    language: str | None = None,
) -> HoursEntry:
    """The volunteer corrects an entry not yet approved; it waits for approval again. Whoever
    queried it hears about the correction."""
    engagement, volunteer = _lock(entry.engagement)
    entry = HoursEntry.objects.select_for_update().get(pk=entry.pk)
    if by.pk != volunteer.pk:
        raise ValidationError(_("Only the volunteer corrects their hours."), code="not_volunteer")
    if entry.status not in EDITABLE_STATUSES:
        raise ValidationError(_("Approved hours cannot be changed."), code="approved")
    # Still allowed after the engagement ended: a queried entry needs its answer.
    if engagement.started_at is None:
        raise ValidationError(_("This engagement has not started."), code="not_started")
    description = (description or "").strip()
    _validate(
        engagement=engagement,
        volunteer_id=volunteer.pk,
        day=date,
        hours=hours,
        description=description,
        exclude_pk=entry.pk,
    )
    was_queried = entry.status == HoursEntry.Status.QUERIED
    before = _entry_data(entry)
    entry.date, entry.hours, entry.description = date, hours, description
    entry.status = HoursEntry.Status.SUBMITTED
    entry.save(update_fields=["date", "hours", "description", "status"])
    log_action(
        actor=by,
        verb="volunteering.hours.corrected",
        target=entry,
        data={"before": before, "after": _entry_data(entry)},
    )
    if was_queried and entry.reviewed_by:
        send_templated_email(
            template="volunteering/email/hours_corrected",
            to=[entry.reviewed_by.email],
            context={"entry": entry, "engagement": engagement},
            language=language,
        )
    return entry


# --- the host ----------------------------------------------------------------------------------


def _lock_for_review(entry: HoursEntry, by: User) -> HoursEntry:
    entry = (
        HoursEntry.objects.select_for_update(of=("self",))
        .select_related(
            "engagement__application__offer__host", "engagement__application__volunteer"
        )
        .get(pk=entry.pk)
    )
    if entry.status != HoursEntry.Status.SUBMITTED:
        raise ValidationError(
            _("Only hours awaiting approval can be approved or queried."), code="not_submitted"
        )
    if entry.engagement.application.volunteer_id == by.pk:
        raise ValidationError(_("You cannot review your own hours."), code="own_hours")
    return entry


@transaction.atomic
def approve_hours(*, entry: HoursEntry, by: User) -> HoursEntry:
    """The host confirms the entry; from now on it is final and counts on the certificate."""
    entry = _lock_for_review(entry, by)
    entry.status = HoursEntry.Status.APPROVED
    entry.reviewed_by, entry.reviewed_at = by, timezone.now()
    entry.save(update_fields=["status", "reviewed_by", "reviewed_at"])
    log_action(actor=by, verb="volunteering.hours.approved", target=entry, data=_entry_data(entry))
    return entry


@transaction.atomic
def query_hours(
    *, entry: HoursEntry, by: User, note: str, language: str | None = None
) -> HoursEntry:
    """The host asks the volunteer about the entry; the note goes to the volunteer by e-mail."""
    note = (note or "").strip()
    if not note:
        raise ValidationError(
            {"note": ValidationError(_("Write what is unclear."), code="required")}
        )
    if len(note) > NOTE_MAX:
        raise ValidationError(
            {
                "note": ValidationError(
                    _("Write at most %(max)s characters.") % {"max": NOTE_MAX}, code="max_length"
                )
            }
        )
    entry = _lock_for_review(entry, by)
    entry.status = HoursEntry.Status.QUERIED
    entry.review_note = note
    entry.reviewed_by, entry.reviewed_at = by, timezone.now()
    entry.save(update_fields=["status", "review_note", "reviewed_by", "reviewed_at"])
    log_action(
        actor=by,
        verb="volunteering.hours.queried",
        target=entry,
        data={**_entry_data(entry), "note": note},
    )
    send_templated_email(
        template="volunteering/email/hours_queried",
        to=[entry.engagement.application.volunteer_email],
        context={"entry": entry, "engagement": entry.engagement, "note": note},
        language=language,
    )
    return entry


# --- totals ------------------------------------------------------------------------------------


def approved_hours_total(
    engagement: Engagement, *, as_of: datetime.datetime | None = None
) -> Decimal:
    """Approved hours of one engagement: what the certificate states. `as_of` counts only what
    was approved by then, so an issued certificate reads the same on every download."""
    entries = HoursEntry.objects.filter(engagement=engagement, status=HoursEntry.Status.APPROVED)
    if as_of is not None:
        entries = entries.filter(reviewed_at__lte=as_of)
    # quantize: SQLite sums 2.50 + 3.00 to 5.5, PostgreSQL to 5.50; say it one way.
    return (entries.aggregate(total=Sum("hours"))["total"] or ZERO).quantize(ZERO)


def _sum_of(status: str):
    return Coalesce(
        Sum("hours", filter=Q(status=status)),
        Value(ZERO),
        output_field=DecimalField(max_digits=12, decimal_places=2),
    )


TOTALS = {
    "approved": _sum_of(HoursEntry.Status.APPROVED),
    "awaiting": _sum_of(HoursEntry.Status.SUBMITTED),
    "queried": _sum_of(HoursEntry.Status.QUERIED),
    "entries": Count("pk"),
}


@dataclasses.dataclass(frozen=True)
class Totals:
    approved: Decimal = ZERO
    awaiting: Decimal = ZERO
    queried: Decimal = ZERO
    entries: int = 0


def totals_of(entries) -> Totals:
    """Approved, awaiting and queried hours of a QuerySet of entries, in one query."""
    return Totals(**entries.order_by().aggregate(**TOTALS))


def with_hours_totals(engagements):
    """Engagements annotated with `approved_hours` and `awaiting_hours`: one query for a list."""
    return engagements.annotate(
        approved_hours=Coalesce(
            Sum("hours__hours", filter=Q(hours__status=HoursEntry.Status.APPROVED)),
            Value(ZERO),
            output_field=DecimalField(max_digits=12, decimal_places=2),
        ),
        awaiting_hours=Coalesce(
            Sum("hours__hours", filter=Q(hours__status=HoursEntry.Status.SUBMITTED)),
            Value(ZERO),
            output_field=DecimalField(max_digits=12, decimal_places=2),
        ),
    )


@dataclasses.dataclass(frozen=True)
class TotalsRow:
    label: str
    totals: Totals


VOLUNTEER = "engagement__application__volunteer"
OFFER = "engagement__application__offer"
HOST = "engagement__application__offer__host"


def _volunteer_label(row) -> str:
    # All None for an erased volunteer's kept hours.
    parts = (row[f"{VOLUNTEER}__first_name"], row[f"{VOLUNTEER}__last_name"])
    name = " ".join(part for part in parts if part)
    return name or row[f"{VOLUNTEER}__email"] or str(ERASED_PERSON)


# grouping → (values to group by, how to order, label of a row)
GROUPINGS = {
    "volunteer": (
        [VOLUNTEER, f"{VOLUNTEER}__first_name", f"{VOLUNTEER}__last_name", f"{VOLUNTEER}__email"],
        [f"{VOLUNTEER}__last_name", f"{VOLUNTEER}__first_name", VOLUNTEER],
        _volunteer_label,
    ),
    "offer": (
        [OFFER, f"{OFFER}__title", f"{HOST}__name"],
        [f"{OFFER}__title", OFFER],
        lambda row: f"{row[f'{OFFER}__title']} ({row[f'{HOST}__name']})",
    ),
    "host": ([HOST, f"{HOST}__name"], [f"{HOST}__name", HOST], lambda row: row[f"{HOST}__name"]),
    "month": (
        ["period"],
        ["period"],
        lambda row: date_format(row["period"], "YEAR_MONTH_FORMAT"),
    ),
    "year": (["period"], ["period"], lambda row: str(row["period"].year)),
}
PERIODS = {"month": TruncMonth, "year": TruncYear}


def totals_by(entries, grouping: str) -> list[TotalsRow]:
    """Totals of the entries per volunteer, offer, host, month or year; one query however many
    rows."""
    fields, ordering, label = GROUPINGS[grouping]
    entries = entries.order_by()
    if grouping in PERIODS:
        entries = entries.annotate(period=PERIODS[grouping]("date"))
    rows = entries.values(*fields).annotate(**TOTALS).order_by(*ordering)
    return [
        TotalsRow(label=label(row), totals=Totals(**{name: row[name] for name in TOTALS}))
        for row in rows
    ]


# --- certificates and opinions (art. 44 ust. 5–6) ----------------------------------------------


def host_emails(engagement: Engagement) -> list[str]:
    """Who hears about a request for the host: the offer's contact person, else the host's
    active representatives."""
    offer = engagement.application.offer
    if offer.contact_person and offer.contact_person.email:
        return [offer.contact_person.email]
    return list(
        User.objects.filter(
            memberships__organization_id=offer.host_id,
            memberships__status=Membership.Status.ACTIVE,
            is_active=True,
        )
        .order_by("pk")
        .values_list("email", flat=True)
        .distinct()
    )


@transaction.atomic
def request_certificate(
    *, engagement: Engagement, by: User, kind: str, language: str | None = None
) -> CertificateRequest:
    """The volunteer asks the host for a certificate or an opinion; one open request per kind."""
    engagement, volunteer = _lock(engagement)
    if by.pk != volunteer.pk:
        raise ValidationError(_("Only the volunteer asks for a certificate."), code="not_volunteer")
    if kind not in CertificateRequest.Kind.values:
        raise ValidationError({"kind": ValidationError(_("Choose what you ask for."), code="kind")})
    if engagement.started_at is None:
        raise ValidationError(
            _("A certificate can be requested once the volunteering has started."),
            code="not_started",
        )
    already = _("You have already asked for this; the host has not issued it yet.")
    if engagement.certificate_requests.filter(kind=kind, issued_at__isnull=True).exists():
        raise ValidationError({"kind": ValidationError(already, code="already_requested")})
    try:
        with transaction.atomic():
            request = CertificateRequest.objects.create(engagement=engagement, kind=kind)
    except IntegrityError as error:  # one_open_request_per_kind: a racing request won
        raise ValidationError(
            {"kind": ValidationError(already, code="already_requested")}
        ) from error
    log_action(
        actor=by, verb="volunteering.certificate.requested", target=request, data={"kind": kind}
    )
    send_templated_email(
        template="volunteering/email/certificate_requested",
        to=host_emails(engagement),
        context={"request": request, "engagement": engagement},
        language=language,
    )
    return request


@transaction.atomic
def issue_certificate(
    *, request: CertificateRequest, by: User, opinion: str = "", language: str | None = None
) -> CertificateRequest:
    """The host issues the certificate (its text comes from the records) or the opinion (the
    host writes it)."""
    request = (
        CertificateRequest.objects.select_for_update(of=("self",))
        .select_related(
            "engagement__application__offer__host", "engagement__application__volunteer"
        )
        .get(pk=request.pk)
    )
    engagement = request.engagement
    if request.issued_at is not None:
        raise ValidationError(_("This has already been issued."), code="issued")
    if engagement.application.volunteer_id == by.pk:
        raise ValidationError(_("You cannot issue it for yourself."), code="own_request")
    opinion = (opinion or "").strip()
    if request.kind == CertificateRequest.Kind.OPINION:
        if not opinion:
            raise ValidationError(
                {"opinion": ValidationError(_("Write the opinion."), code="required")}
            )
        if len(opinion) > OPINION_MAX:
            raise ValidationError(
                {
                    "opinion": ValidationError(
                        _("Write at most %(max)s characters.") % {"max": OPINION_MAX},
                        code="max_length",
                    )
                }
            )
    else:
        opinion = ""
    request.issued_at, request.issued_by, request.opinion = timezone.now(), by, opinion
    request.save(update_fields=["issued_at", "issued_by", "opinion"])
    data = {"kind": request.kind}
    if request.kind == CertificateRequest.Kind.CERTIFICATE:
        data["approved_hours"] = str(approved_hours_total(engagement, as_of=request.issued_at))
    log_action(actor=by, verb="volunteering.certificate.issued", target=request, data=data)
    send_templated_email(
        template="volunteering/email/certificate_issued",
        to=[engagement.application.volunteer_email],
        context={"request": request, "engagement": engagement},
        language=language,
    )
    return request
