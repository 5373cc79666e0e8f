"""Demo engagements in three stages: one in progress for a month, one finished, and the
16-year-old's being prepared (agreement confirmed by the host only, health and safety information
not yet acknowledged, the guardian's consent missing) so the checklist has something to show.

Idempotent: an engagement that already has an agreement is left as it is. Written directly (no
e-mails to demo people) with the rules of the services: a written agreement where required,
insurance for up to 30 days, the register check for work with children, a guardian's consent for
minors. Engagements that started are backdated, which the services would refuse for a new
agreement, so that the hours' demo has days to log.
"""

import datetime

from django.db import transaction
from django.utils import timezone

from pomyslowice.centre.support import record_support
from pomyslowice.organizations.models import SupportRecord

from . import engagement_services as services
from .models import Agreement, Application, Engagement, GuardianConsent

# application key (profile key:offer slug, from the applications' demo) → (stage, days ago it
# started, days ago it ended)
PLAN = {
    "volunteer:komputer-dla-seniora-biblioteka": ("active", 30, None),
    "julia.zajac:pomoc-w-nauce-w-sp5": ("finished", 75, 5),
    "volunteer_minor:kino-sasiedzkie-seanse": ("preparing", None, None),
}
SAFETY = (
    "Zajęcia odbywają się w budynku instytucji; drogi ewakuacyjne są oznaczone, apteczka jest "
    "w pokoju koordynatora. Nie przenosimy ciężkich sprzętów w pojedynkę. W razie wypadku "
    "zgłoś go od razu koordynatorowi."
)
TRAVEL = "Zwrot kosztów biletów komunikacji miejskiej na podstawie biletów okresowych."
INSURER = "Towarzystwo Ubezpieczeń Wzajemnych „Śląsk”"


def _host_person(engagement: Engagement, users: dict):
    return engagement.application.decided_by or users.get("volunteer_caretaker")


def _at(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(9)))


def _agreement(engagement: Engagement, host, *, confirmed_on: datetime.date | None) -> Agreement:
    data = services.agreement_defaults(engagement, by=host)
    if services.guardian_concludes(engagement):
        data["guardian_name"] = "Opiekun prawny"
    agreement = Agreement.objects.create(
        engagement=engagement,
        version=1,
        volunteer_name=engagement.volunteer.get_full_name() or engagement.volunteer.email,
        created_by=host,
        host_confirmed_at=_at(confirmed_on) if confirmed_on else timezone.now(),
        host_confirmed_by=host,
        volunteer_confirmed_at=_at(confirmed_on) if confirmed_on else None,
        **data,
    )
    return agreement


def _backdate(engagement: Engagement, started: int, ended: int | None) -> None:
    today = timezone.localdate()
    engagement.starts_on = today - datetime.timedelta(days=started)
    if ended is not None:
        engagement.ends_on = today - datetime.timedelta(days=ended)
    elif engagement.ends_on is None or engagement.ends_on < today:
        engagement.ends_on = today + datetime.timedelta(days=60)


def _fulfil(engagement: Engagement, host, *, ready_on: datetime.date) -> None:
    """Everything the checklist asks for, done the day before the start."""
    engagement.safety_information, engagement.travel_costs = SAFETY, TRAVEL
    engagement.safety_informed_at = _at(ready_on)
    if engagement.is_short:
        engagement.insurer, engagement.insurance_policy = INSURER, "NNW/MYS/2026/0117"
        engagement.insured_until, engagement.insurance_recorded_by = engagement.ends_on, host
    if engagement.offer.works_with_children:
        engagement.register_checked_on = ready_on
        engagement.register_checked_by = host.get_full_name() if host else ""
        engagement.register_result = Engagement.RegisterResult.CLEAR
        engagement.register_recorded_by = host
    if services.is_minor(engagement):
        GuardianConsent.objects.get_or_create(
            engagement=engagement,
            defaults={
                "guardian_name": "Opiekun prawny",
                "relationship": "rodzic",
                "method": GuardianConsent.Method.PAPER,
                "given_on": ready_on,
                "recorded_by": host,
            },
        )


def _started(engagement: Engagement, host, started: int, ended: int | None) -> None:
    _backdate(engagement, started, ended)
    ready_on = engagement.starts_on - datetime.timedelta(days=1)
    _fulfil(engagement, host, ready_on=ready_on)
    engagement.save()
    _agreement(engagement, host, confirmed_on=ready_on)
    engagement.status = Engagement.Status.ACTIVE
    engagement.started_at = _at(engagement.starts_on)
    if ended is not None:
        engagement.status = Engagement.Status.FINISHED
        engagement.ended_at = _at(engagement.ends_on)
    engagement.save()
    volunteer = engagement.volunteer
    record_support(
        kind=SupportRecord.Kind.VOLUNTEERING,
        source=engagement,
        date=engagement.starts_on,
        organization=engagement.offer.host,
        person=volunteer,
        person_name=volunteer.get_full_name(),
        summary=f"Wolontariat: {engagement.offer.title}",
        by=host,
    )


def _preparing(engagement: Engagement, host) -> None:
    engagement.safety_information, engagement.travel_costs = SAFETY, TRAVEL
    engagement.save(update_fields=["safety_information", "travel_costs"])
    _agreement(engagement, host, confirmed_on=None)


@transaction.atomic
def seed(*, users: dict, applications: dict, **_inputs) -> dict:
    """`applications` (key → Application) come from the applications' demo; accepted ones have
    their engagements already."""
    engagements = {}
    shaped = 0
    for key, application in applications.items():
        if application.status != Application.Status.ACCEPTED:
            continue
        engagement = Engagement.objects.select_related(
            "application__offer__host", "application__volunteer", "application__decided_by"
        ).get(application=application)
        stage, started, ended = PLAN.get(key, (None, None, None))
        if stage and not engagement.agreements.exists():
            host = _host_person(engagement, users)
            if stage == "preparing":
                _preparing(engagement, host)
            else:
                _started(engagement, host, started, ended)
            shaped += 1
        engagements[key] = engagement
    return {
        "counts": {
            "engagements": len(engagements),
            "engagements in progress": sum(
                e.status == Engagement.Status.ACTIVE for e in engagements.values()
            ),
            "engagements shaped now": shaped,
        },
        "engagements": engagements,
    }
