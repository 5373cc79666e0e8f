"""Demo mail register: three organisations use the centre's address, with a few letters each.

Idempotent: items are found again by (organisation, sender), so running it again (on any day)
changes nothing. Dates are relative to today so the demo always shows an overdue item.
"""

import datetime

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from pomyslowice.organizations.demo_data import REPRESENTED_ORGANIZATION
from pomyslowice.organizations.models import Organization, SupportRecord

from .calendar import local_datetime
from .models import MailItem

ORGANIZATIONS = [REPRESENTED_ORGANIZATION, "aktywna-jesien", "sasiedzi-bonczyk"]

# (organisation, days ago, sender, kind, registered, note, picked up by or None)
ITEMS = [
    (
        REPRESENTED_ORGANIZATION,
        20,
        "Urząd Miasta Mysłowice, Wydział Zdrowia i Polityki Społecznej",
        MailItem.Kind.OFFICIAL_LETTER,
        True,
        "Dotyczy rozliczenia dotacji.",
        None,
    ),
    (
        REPRESENTED_ORGANIZATION,
        9,
        "Krajowy Rejestr Sądowy, Sąd Rejonowy Katowice-Wschód",
        MailItem.Kind.OFFICIAL_LETTER,
        True,
        "",
        "Grzegorz Pietrzyk",
    ),
    (
        "aktywna-jesien",
        3,
        "Miejski Ośrodek Pomocy Społecznej w Mysłowicach",
        MailItem.Kind.LETTER,
        False,
        "",
        None,
    ),
    (
        "sasiedzi-bonczyk",
        6,
        "Wydawnictwo Wiedza i Praktyka",
        MailItem.Kind.PARCEL,
        False,
        "Paczka z publikacjami.",
        "Helena Nowak",
    ),
]


def seed() -> dict:
    organizations = {org.slug: org for org in Organization.objects.filter(slug__in=ORGANIZATIONS)}
    for organization in organizations.values():
        if not organization.uses_centre_address:
            organization.uses_centre_address = True
            organization.save(update_fields=["uses_centre_address"])
    today = timezone.localdate()
    created = 0
    for slug, days_ago, sender, kind, registered, note, picked_up_by_name in ITEMS:
        organization = organizations.get(slug)
        if organization is None:
            continue
        received_on = today - datetime.timedelta(days=days_ago)
        item, was_created = MailItem.objects.get_or_create(
            organization=organization,
            sender=sender,
            defaults={
                "received_on": received_on,
                "kind": kind,
                "registered": registered,
                "note": note,
            },
        )
        created += was_created
        if was_created and picked_up_by_name:
            _hand_over(item, picked_up_by_name, received_on + datetime.timedelta(days=2))
    return {
        "mail_organisations": len(organizations),
        "mail_items_created": created,
    }


def _hand_over(item: MailItem, name: str, day: datetime.date) -> None:
    picked_up_at = local_datetime(day, datetime.time(11, 30))
    item.status = MailItem.Status.PICKED_UP
    item.picked_up_at, item.picked_up_by_name = picked_up_at, name
    item.save(update_fields=["status", "picked_up_at", "picked_up_by_name"])
    SupportRecord.objects.get_or_create(
        kind=SupportRecord.Kind.MAIL,
        source_type=ContentType.objects.get_for_model(MailItem),
        source_id=str(item.pk),
        defaults={
            "date": day,
            "person_name": name,
            "organization": item.organization,
            "summary": f"{item.get_kind_display()}: {item.sender}"[:300],
        },
    )
