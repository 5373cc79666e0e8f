"""Demo applications: pending ones for hosts to answer (one for the representative persona's
organisation), accepted ones with their engagements being prepared, one declined with a reason
and one withdrawn.

Idempotent: an application is found by (offer, volunteer) whatever its status. Written directly
(no e-mails to demo people) after the same checks as on the site; an accepted one gets its
engagement from `engagement_services.create_engagement`, as an acceptance on the site does.
"""

from django.db import transaction
from django.utils import timezone

from pomyslowice.organizations.models import Membership

from . import engagement_services, offer_services
from .application_services import apply_problem
from .models import Application, Offer

Status = Application.Status

# profile key (from the profiles' demo), offer slug, status, message, host's reason
APPLICATIONS = [
    (
        "volunteer",
        "swietlica-na-slupnej",
        Status.PENDING,
        "Dzień dobry, mieszkam na Piasku i mogę przychodzić w poniedziałki i środy wieczorem. "
        "Chętnie poprowadzę zajęcia plastyczne albo pomogę przy komputerach.",
        "",
    ),
    (
        "volunteer",
        "komputer-dla-seniora-biblioteka",
        Status.ACCEPTED,
        "Pracuję przy komputerze na co dzień i mam dużo cierpliwości. Mogę w soboty rano.",
        "Zapraszamy na pierwsze spotkanie w sobotę o 10:00 w czytelni.",
    ),
    (
        "volunteer_minor",
        "kino-sasiedzkie-seanse",
        Status.ACCEPTED,
        "Lubię kino i mogę pomagać przy seansach w piątki. Rodzice wiedzą i się zgadzają.",
        "Świetnie! Poprosimy rodzica o podpisanie zgody przed pierwszym seansem.",
    ),
    (
        "volunteer_minor",
        "festiwal-mok-obsluga",
        Status.PENDING,
        "Chciałbym pomagać przy festiwalu, np. w punkcie informacyjnym. Mówię po angielsku.",
        "",
    ),
    (
        "julia.zajac",
        "pomoc-w-nauce-w-sp5",
        Status.ACCEPTED,
        "Studiuję pedagogikę i prowadziłam zajęcia w świetlicy. Mogę we wtorki i czwartki.",
        "",
    ),
    (
        "tomasz.kubica",
        "komputer-dla-seniora-biblioteka",
        Status.PENDING,
        "Prowadziłem już kursy komputerowe dla seniorów w tej bibliotece, chętnie wrócę.",
        "",
    ),
    (
        "tomasz.kubica",
        "towarzyszenie-osobom-samotnym",
        Status.DECLINED,
        "Mogę odwiedzać osoby samotne i wozić je na zakupy własnym samochodem.",
        "Dziękujemy! W tym roku mamy już komplet osób w Pana dzielnicy; zapraszamy jesienią.",
    ),
    (
        "oksana.melnyk",
        "swiateczna-paczka-mops",
        Status.PENDING,
        "Mogę pomóc w kontakcie z rodzinami z Ukrainy i przy pakowaniu paczek.",
        "",
    ),
    (
        "bartek.lis",
        "kino-sasiedzkie-seanse",
        Status.WITHDRAWN,
        "Mogę robić zdjęcia na seansach i plakaty na Instagram.",
        "",
    ),
    (
        "hania.lis",
        "rodzinne-sprzatanie-przemszy",
        Status.PENDING,
        "Przyjdę z mamą, która też się zgłasza. Mama wie o zgłoszeniu i je wysyła ze mną.",
        "",
    ),
]


def _host_person(offer: Offer, users: dict):
    """Who answers for the host in the demo: the representative persona for their own
    organisation, the volunteer caretaker (who acts for any host) otherwise."""
    representative = users.get("representative")
    if (
        representative is not None
        and offer.host.memberships.filter(
            user=representative, status=Membership.Status.ACTIVE
        ).exists()
    ):
        return representative
    return users.get("volunteer_caretaker")


def _create(profile, offer, status, message, reason, users) -> Application | None:
    volunteer = profile.user
    existing = Application.objects.filter(offer=offer, volunteer=volunteer).first()
    if existing is not None:
        return existing
    if apply_problem(offer, volunteer):
        return None
    now = timezone.now()
    application = Application(offer=offer, volunteer=volunteer, message=message)
    if status in (Status.ACCEPTED, Status.DECLINED):
        application.status = status
        application.reason = reason
        application.decided_by, application.decided_at = _host_person(offer, users), now
    elif status == Status.WITHDRAWN:
        application.status, application.withdrawn_at = status, now
    application.save()
    if status == Status.ACCEPTED:
        engagement_services.create_engagement(application=application, by=application.decided_by)
        offer_services.refresh_filled(offer=offer)
    return application


@transaction.atomic
def seed(*, users: dict, profiles: dict, offers: dict, **_inputs) -> dict:
    """`profiles` come from the profiles' demo, `offers` (slug → Offer) from the offers' demo."""
    applications = {}
    for key, slug, status, message, reason in APPLICATIONS:
        profile, offer = profiles.get(key), offers.get(slug)
        if profile is None or offer is None:
            continue
        application = _create(profile, offer, status, message, reason, users)
        if application is not None:
            applications[f"{key}:{slug}"] = application
    return {
        "counts": {
            "applications": len(applications),
            "applications accepted": sum(
                application.status == Status.ACCEPTED for application in applications.values()
            ),
        },
        "applications": applications,
    }
