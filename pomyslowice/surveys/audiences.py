"""The groups a survey can be sent to, each as a list of e-mail addresses.

Addresses are lower-cased and deduplicated here, so one person asked through two routes (their
organisation's address and their own as its representative) gets one invitation per address.
"""

import datetime
import re

from django.core.exceptions import ValidationError
from django.core.validators import validate_email

from pomyslowice.events.models import Event, Registration
from pomyslowice.organizations.models import Membership, Organization, SupportRecord
from pomyslowice.volunteering.models import Engagement

# Pasted lists come from spreadsheets and mail clients: any mix of commas, semicolons and breaks.
ADDRESS_SEPARATORS = re.compile(r"[\s,;]+")


def _normalised(addresses) -> list[str]:
    return sorted({address.strip().lower() for address in addresses if address and address.strip()})


def supported_organizations(start: datetime.date, end: datetime.date):
    organization_ids = SupportRecord.objects.filter(
        date__range=(start, end), organization__isnull=False
    ).values("organization_id")
    return Organization.objects.filter(pk__in=organization_ids)


def organizations_supported_between(start: datetime.date, end: datetime.date) -> list[str]:
    """Organisations supported in the period: their own addresses and their representatives'."""
    organizations = supported_organizations(start, end)
    own = organizations.values_list("email", flat=True)
    representatives = Membership.objects.filter(
        organization__in=organizations,
        status=Membership.Status.ACTIVE,
        user__is_active=True,
    ).values_list("user__email", flat=True)
    return _normalised([*own, *representatives])


def trainings():
    return Event.objects.filter(category=Event.Category.TRAINING).order_by("-start", "pk")


def training_attendees(event: Event) -> list[str]:
    return _normalised(
        Registration.objects.filter(event=event, attended=True).values_list("email", flat=True)
    )


def active_volunteers() -> list[str]:
    """Volunteers with an engagement in progress."""
    return _normalised(
        Engagement.objects.filter(
            status=Engagement.Status.ACTIVE, application__volunteer__is_active=True
        ).values_list("application__volunteer__email", flat=True)
    )


def parse_pasted(text: str) -> list[str]:
    """Every address of a pasted list; raises ValidationError naming each bad one."""
    candidates = [part for part in ADDRESS_SEPARATORS.split(text or "") if part]
    bad = []
    for candidate in candidates:
        try:
            validate_email(candidate)
        except ValidationError:
            bad.append(candidate)
    if bad:
        raise ValidationError(bad)
    return _normalised(candidates)
