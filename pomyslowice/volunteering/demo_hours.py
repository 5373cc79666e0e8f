"""Demo hours of the engagements that have started, a few approved, one queried, and a
certificate issued for the engagement with the most approved hours plus an opinion requested.

Idempotent: entries are found by (engagement, date, description) and requests by (engagement,
kind), so running it again changes nothing. Dates go back from the day it first runs, never
before an engagement's start nor after its end. Written directly (no e-mails to demo people),
within the service's rules: past dates, quarters of an hour, far below 24 hours a day.
"""

import datetime
from decimal import Decimal

from django.utils import timezone

from pomyslowice.organizations.models import Membership

from .hours_services import approved_hours_total, last_day
from .models import CertificateRequest, Engagement, HoursEntry

# (days before the latest possible day, hours, what was done, status)
ENTRIES = [
    (1, "2.5", "Pomoc dzieciom w odrabianiu lekcji", HoursEntry.Status.SUBMITTED),
    (3, "3", "Przygotowanie sali i materiałów na zajęcia", HoursEntry.Status.APPROVED),
    (8, "2", "Dyżur w świetlicy i prowadzenie gier planszowych", HoursEntry.Status.APPROVED),
    (10, "4.25", "Udział w festynie dzielnicowym: stoisko informacyjne", HoursEntry.Status.QUERIED),
    (15, "1.5", "Porządkowanie biblioteczki i spis książek", HoursEntry.Status.APPROVED),
]
QUERY_NOTE = "Czy festyn nie trwał krócej? W naszym grafiku stoisko było czynne od 10 do 13."


def _reviewer(engagement: Engagement, users: dict):
    """Someone who acts for the host: its first active representative, else the caretaker."""
    membership = (
        Membership.objects.filter(
            organization_id=engagement.application.offer.host_id,
            status=Membership.Status.ACTIVE,
        )
        .select_related("user")
        .order_by("pk")
        .first()
    )
    return membership.user if membership else users.get("volunteer_caretaker")


def _entries_for(engagement: Engagement, reviewer) -> int:
    today = timezone.localdate()
    latest = min(filter(None, (today, last_day(engagement))))
    created = 0
    for days_back, hours, description, status in ENTRIES:
        day = latest - datetime.timedelta(days=days_back)
        if day < engagement.starts_on:
            continue
        reviewed = status != HoursEntry.Status.SUBMITTED
        _entry, was_created = HoursEntry.objects.get_or_create(
            engagement=engagement,
            date=day,
            description=description,
            defaults={
                "hours": Decimal(hours),
                "status": status,
                "review_note": QUERY_NOTE if status == HoursEntry.Status.QUERIED else "",
                "reviewed_by": reviewer if reviewed else None,
                "reviewed_at": timezone.now() if reviewed else None,
            },
        )
        created += was_created
    return created


def _certificates_for(engagement: Engagement, reviewer) -> int:
    """An issued certificate and an opinion the host has yet to write."""
    created = 0
    if not engagement.certificate_requests.filter(
        kind=CertificateRequest.Kind.CERTIFICATE
    ).exists():
        CertificateRequest.objects.create(
            engagement=engagement,
            kind=CertificateRequest.Kind.CERTIFICATE,
            issued_at=timezone.now(),
            issued_by=reviewer,
        )
        created += 1
    if not engagement.certificate_requests.filter(kind=CertificateRequest.Kind.OPINION).exists():
        CertificateRequest.objects.create(
            engagement=engagement, kind=CertificateRequest.Kind.OPINION
        )
        created += 1
    return created


def seed(*, engagements: dict, users: dict, **_inputs) -> dict:
    """`engagements` (any key → Engagement) come from the engagements' demo; only those that
    started get hours."""
    started = [
        engagement
        for engagement in engagements.values()
        if engagement.started_at is not None
        and engagement.status in (Engagement.Status.ACTIVE, Engagement.Status.FINISHED)
    ]
    entries = requests = 0
    for engagement in started:
        entries += _entries_for(engagement, _reviewer(engagement, users))
    with_hours = [engagement for engagement in started if approved_hours_total(engagement)]
    if with_hours:
        best = max(with_hours, key=approved_hours_total)
        requests += _certificates_for(best, _reviewer(best, users))
    return {"counts": {"hours entries": entries, "certificate requests": requests}}
