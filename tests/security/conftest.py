"""One demo world for the whole permission matrix: seeded once per module, rolled back after it.

The matrix sends thousands of requests; seeding the demo data for each of them would take far
too long. The world is built inside a transaction that is never committed, and every test runs
in its own savepoint inside it (pytest-django's `db`), so a request that wrongly changes
something cannot leak into the next test or into other test modules.
"""

from dataclasses import dataclass
from io import StringIO

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from django.utils import translation

from pomyslowice.accounts.models import ApiToken, User
from pomyslowice.accounts.tokens import create_api_token
from pomyslowice.centre import models as centre
from pomyslowice.events.models import Event, GrantCall, Registration
from pomyslowice.knowledge.models import Article, ArticleRevision, Attachment, Tag
from pomyslowice.organizations import demo_data
from pomyslowice.organizations.models import Membership, Organization, Person
from pomyslowice.organizations.permissions import drafts_awaiting_consent
from pomyslowice.privacy.models import ConsentRecord, DataRequest
from pomyslowice.reports.models import BudgetLine, Expense, Project
from pomyslowice.surveys.models import Survey
from pomyslowice.volunteering import models as volunteering
from tests.conftest import create_user

REPRESENTATIVE_OTHER_ORG_EMAIL = "inna-organizacja@example.org"
OTHER_ORGANIZATION_SLUG = "sasiedzi-bonczyk"
# Capability links (e-mailed tokens) are checked with a token nobody was sent: it must open
# nothing, whoever is logged in.
UNKNOWN_TOKEN = "nieznany-token-0123456789abcdef"


@dataclass(frozen=True)
class World:
    users: dict[str, User | None]
    api_tokens: dict[str, str]
    samples: dict[str, dict]


def _personas() -> dict[str, User | None]:
    users = {"anonymous": None}
    for persona, spec in demo_data.PERSONAS.items():
        users[persona] = User.objects.get(email=spec["email"])
    # The demo has one representative; the matrix also needs one acting for another organisation.
    other = create_user(REPRESENTATIVE_OTHER_ORG_EMAIL, first_name="Olga", last_name="Inna")
    Membership.objects.create(
        user=other,
        organization=Organization.objects.get(slug=OTHER_ORGANIZATION_SLUG),
        status=Membership.Status.ACTIVE,
    )
    users["representative_other_org"] = other
    return users


def _registration(event: Event, user: User) -> Registration:
    # The demo has no registrations yet; one confirmed place is enough for the attendee pages.
    return Registration.objects.create(
        event=event,
        user=user,
        name=user.get_full_name(),
        email=user.email,
        status=Registration.Status.CONFIRMED,
        attended=True,
    )


def _data_request(user: User) -> DataRequest:
    # An open erasure request: its page previews the erasure, which must change nothing.
    return DataRequest.objects.create(
        kind=DataRequest.Kind.ERASURE,
        requester_name=user.get_full_name(),
        requester_email=user.email,
        user=user,
    )


def _consent_record(user: User) -> ConsentRecord:
    return ConsentRecord.objects.create(
        user=user, purpose="grant_call_alerts", version="2026-11", text="Alerts.", language="pl"
    )


def _missing_pk(model) -> int:
    # The demo has none of these; an unknown id still proves the page opens nothing and never fails.
    return (model.objects.order_by("-pk").values_list("pk", flat=True).first() or 0) + 1


def find_samples(users: dict[str, User | None]) -> dict[str, dict]:
    """URL kwargs per kind of object, chosen so that owner rules can be told apart: the
    representative's own organisation and its things, the volunteer's own engagement."""
    own_org = Membership.objects.get(user=users["representative"]).organization
    volunteer_engagement = volunteering.Engagement.objects.get(
        application__volunteer=users["volunteer"]
    )
    event = Event.objects.filter(status=Event.Status.PUBLISHED, organizer=own_org).first()
    event = event or Event.objects.filter(status=Event.Status.PUBLISHED).earliest("start")
    registration = _registration(event, users["resident"])
    contact = centre.CaretakerContact.objects.filter(organization=own_org).first()
    task = centre.CaretakerTask.objects.first()
    plan = centre.StrategyPlan.objects.get(organization=own_org)
    survey = Survey.objects.first()
    project = Project.objects.get()
    article = Article.objects.published().first()
    revision = ArticleRevision.objects.select_related("article").first()
    return {
        "api_token": {"pk": ApiToken.objects.get(user=users["resident"]).pk},
        "organization": {"slug": own_org.slug},
        "pending_organization": {"slug": Organization.objects.pending().first().slug},
        "claim": {"pk": Membership.objects.get(status=Membership.Status.PENDING).pk},
        "consent_field": {"field": "photo"},
        "draft_person": {"pk": drafts_awaiting_consent().first().pk},
        "person": {"slug": Person.objects.filter(consents__isnull=False).first().slug},
        "token": {"token": UNKNOWN_TOKEN},
        "email_key": {"key": UNKNOWN_TOKEN},
        "reset_key": {"uidb36": "zz", "key": UNKNOWN_TOKEN},
        "event": {"slug": event.slug},
        "submitted_event": {"slug": Event.objects.filter(status="submitted").first().slug},
        "month": {"year": f"{event.start.year:04d}", "month": f"{event.start.month:02d}"},
        "registration": {"pk": registration.pk},
        "event_registration": {"slug": event.slug, "pk": registration.pk},
        "room": {"slug": centre.Room.objects.first().slug},
        "booking": {"pk": centre.RoomBooking.objects.get(requested_by=users["representative"]).pk},
        "booking_series": {"pk": _missing_pk(centre.BookingSeries)},
        "equipment_reservation": {
            "pk": centre.EquipmentReservation.objects.get(requested_by=users["representative"]).pk
        },
        "appointment": {
            "pk": centre.Appointment.objects.filter(user=users["representative"]).first().pk
        },
        "availability": {"pk": centre.AvailabilityRule.objects.first().pk},
        "consulting_service": {"slug": centre.ConsultingService.objects.first().slug},
        "mail_item": {"pk": centre.MailItem.objects.filter(organization=own_org).first().pk},
        "caretaking_contact": {"slug": own_org.slug, "pk": contact.pk},
        "caretaking_task": {"slug": task.organization.slug, "pk": task.pk},
        "strategy_action": {"slug": own_org.slug, "pk": plan.actions.first().pk},
        "strategy_review": {"slug": own_org.slug, "pk": plan.reviews.first().pk},
        "strategy_version": {"slug": own_org.slug, "number": plan.versions.first().number},
        "tag": {"slug": Tag.objects.first().slug},
        "article_kind": {"kind_slug": "dobra-praktyka"},
        "article": {"slug": article.slug},
        "attachment": {"slug": article.slug, "pk": _missing_pk(Attachment)},
        "revision": {"slug": revision.article.slug, "pk": revision.pk},
        "offer": {"slug": volunteering.Offer.objects.get(host=own_org, status="published").slug},
        "offer_in_review": {"slug": volunteering.Offer.objects.get(status="review").slug},
        "application": {"pk": volunteer_engagement.application.pk},
        "engagement": {"pk": volunteer_engagement.pk},
        "agreement": {
            "pk": volunteer_engagement.pk,
            "version": volunteer_engagement.agreements.first().version,
        },
        "hours_entry": {"pk": volunteer_engagement.hours.first().pk},
        "certificate_request": {
            "pk": volunteering.CertificateRequest.objects.filter(engagement__isnull=False)
            .first()
            .pk
        },
        "outreach_meeting": {"pk": volunteering.OutreachMeeting.objects.first().pk},
        "outreach_code": {"code": volunteering.OutreachMeeting.objects.first().tracking_code},
        "group_member": {"pk": volunteering.GroupMember.objects.first().pk},
        "group_meeting": {"pk": volunteering.GroupMeeting.objects.first().pk},
        "group_action": {"pk": volunteering.GroupAction.objects.first().pk},
        "grant_call": {"slug": GrantCall.objects.first().slug},
        "survey": {"pk": survey.pk},
        "survey_question": {"pk": survey.pk, "question_pk": survey.questions.first().pk},
        "project": {"slug": project.slug},
        "budget_line": {"slug": project.slug, "pk": BudgetLine.objects.first().pk},
        "expense": {"slug": project.slug, "pk": Expense.objects.first().pk},
        "report_file": {"slug": project.slug, "kind": "pdf"},
        "dataset": {"slug": "organizacje"},
        "data_request": {"pk": _data_request(users["resident"]).pk},
        "consent_record": {"pk": _consent_record(users["resident"]).pk},
    }


@pytest.fixture(scope="module")
def media_dirs(tmp_path_factory):
    root = tmp_path_factory.mktemp("matrix-files")
    return {"MEDIA_ROOT": root / "media", "PRIVATE_MEDIA_ROOT": root / "private"}


@pytest.fixture(autouse=True)
def isolated_environment(settings, media_dirs):
    """Like the project-wide fixture, but uploads stay where the module's world put them, and
    the URL caches are kept: no test here changes the language settings, and rebuilding the
    resolver after each of thousands of requests would double the run time."""
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    settings.MEDIA_ROOT = media_dirs["MEDIA_ROOT"]
    settings.PRIVATE_MEDIA_ROOT = media_dirs["PRIVATE_MEDIA_ROOT"]
    cache.clear()
    translation.activate(settings.LANGUAGE_CODE)
    yield
    cache.clear()
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker, media_dirs):
    """The demo data, the personas, an API token each, and one sample object per URL kind."""
    fast_hashing = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    with (
        django_db_blocker.unblock(),
        override_settings(PASSWORD_HASHERS=fast_hashing, **media_dirs),
    ):
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            call_command("seed_demo", stdout=StringIO())
            users = _personas()
            api_tokens = {
                persona: create_api_token(user=user, name="matrix")[1]
                for persona, user in users.items()
                if user is not None
            }
            yield World(users=users, api_tokens=api_tokens, samples=find_samples(users))
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)
