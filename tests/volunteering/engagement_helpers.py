"""Engagements for the area D tests: an accepted application turned into an engagement, and the
steps that make it ready to start."""

import datetime

from django.utils import timezone

from pomyslowice.volunteering import engagement_services as services
from pomyslowice.volunteering.models import Application, Engagement


def days(count: int) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=count)


def make_engagement(offer, volunteer, *, by=None) -> Engagement:
    application = Application.objects.create(
        offer=offer,
        volunteer=volunteer,
        message="Chętnie pomogę.",
        status=Application.Status.ACCEPTED,
    )
    return services.create_engagement(application=application, by=by)


def confirm_agreement(engagement: Engagement, host, *, for_guardian=False, **changes):
    """Version 1 from the offer (with `changes`), confirmed by both sides."""
    data = services.agreement_defaults(engagement, by=host) | changes
    agreement = services.save_agreement_version(engagement=engagement, by=host, **data)
    services.confirm_agreement(agreement=agreement, by=host, side="host")
    services.confirm_agreement(
        agreement=agreement,
        by=engagement.volunteer,
        side="volunteer",
        for_guardian=for_guardian,
    )
    return agreement


def inform_about_safety(engagement: Engagement, host) -> None:
    services.record_safety_information(
        engagement=engagement,
        by=host,
        safety_information="Praca w rękawicach ochronnych; apteczka w biurze.",
        travel_costs="Zwrot biletów MZK.",
    )
    services.acknowledge_safety(engagement=engagement, by=engagement.volunteer)


def insure(engagement: Engagement, host, *, until=None) -> None:
    services.record_insurance(
        engagement=engagement,
        by=host,
        insurer="PZU SA",
        insurance_policy="NNW/2026/0042",
        insured_until=until or engagement.ends_on or engagement.starts_on,
    )


def reload(engagement: Engagement) -> Engagement:
    return Engagement.objects.get(pk=engagement.pk)
