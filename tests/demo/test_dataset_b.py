"""The dataset's events, volunteering, centre and support steps at a tiny scale: counts,
distributions, the database's constraints, the public pages and the indicators showing the rows."""

import dataclasses
import datetime
import hashlib
import itertools
import random
from collections import Counter

import pytest
from django.db import connection
from django.db.models import Count, Q
from django.utils import timezone

from pomyslowice.accounts.models import User
from pomyslowice.centre.models import (
    Appointment,
    Consultant,
    ConsultingService,
    OpeningHours,
    Room,
    RoomBooking,
)
from pomyslowice.demo.dataset import centre, events, support, volunteering
from pomyslowice.demo.dataset.base import SCALES, Context, Writer
from pomyslowice.events.models import Event, EventFeedback, GrantCall, Registration
from pomyslowice.organizations.models import Organization, SupportRecord
from pomyslowice.reports.models import Project
from pomyslowice.volunteering.models import (
    Application,
    Offer,
    ProfileConsent,
    VolunteerProfile,
)

SCALE = dataclasses.replace(
    SCALES["city"],
    organizations=20,
    events=400,
    volunteer_profiles=40,
    open_offers=8,
    bookings=1_200,
    support_records=600,
    years=2,
)
STEPS = (events, volunteering, centre, support)
MODELS = (
    Event,
    Registration,
    EventFeedback,
    GrantCall,
    VolunteerProfile,
    ProfileConsent,
    Offer,
    Application,
    Room,
    OpeningHours,
    RoomBooking,
    Consultant,
    Appointment,
    SupportRecord,
    Project,
)


def make_accounts() -> dict:
    """Accounts and organisations made here (the people and organisations steps are not run)."""
    users = User.objects.bulk_create(
        User(email=f"osoba{n}@example.org", first_name="Ola", last_name=f"Nowak{n}")
        for n in range(80)
    )
    organizations = Organization.objects.bulk_create(
        Organization(
            name=f"Stowarzyszenie {n}",
            slug=f"stowarzyszenie-{n}",
            kind=Organization.Kind.ASSOCIATION,
            status=Organization.Status.PUBLISHED,
        )
        for n in range(SCALE.organizations)
    )
    return {
        "users": [user.pk for user in users],
        "volunteer_users": [user.pk for user in users[:40]],
        "representative_users": [user.pk for user in users[40:60]],
        "organizations": [organization.pk for organization in organizations],
    }


def make_context(accounts: dict, *, now=None) -> Context:
    context = Context(scale=SCALE, writer=Writer(batch_size=500), rng=random.Random(7))
    if now is not None:
        context.now = now
    context.ids |= accounts
    return context


def generate(context: Context) -> Context:
    for step in STEPS:
        step.generate(context)
    context.writer.finish()
    return context


@pytest.fixture
def dataset(db):
    # The centre's consulting services exist already, as on a real installation.
    ConsultingService.objects.create(
        kind="first-contact", name="Porada", slug="porada", duration_minutes=60
    )
    return generate(make_context(make_accounts()))


def test_row_counts(dataset):
    today = timezone.localdate()
    assert Event.objects.count() == SCALE.events
    assert Registration.objects.count() == len(dataset.ids["registrations"]) > 0
    assert VolunteerProfile.objects.count() == 40
    assert Offer.objects.open(today).count() == SCALE.open_offers
    assert Offer.objects.count() > SCALE.open_offers
    assert RoomBooking.objects.count() == SCALE.bookings
    assert Room.objects.count() == SCALE.bookings // centre.ROOM_BOOKINGS
    assert SupportRecord.objects.count() == SCALE.support_records
    assert Appointment.objects.exists() and GrantCall.objects.exists()
    assert Application.objects.exists() and EventFeedback.objects.exists()
    # Every profile has its processing consent; a findable one also the hosts' consent.
    assert ProfileConsent.objects.filter(purpose="profile").count() == 40
    assert ProfileConsent.objects.filter(purpose="visible-to-hosts").count() == (
        VolunteerProfile.objects.filter(visible_to_hosts=True).count()
    )


def test_most_events_are_on_weekends_and_public(dataset):
    days = Counter()
    for start in Event.objects.values_list("start", flat=True):
        local = timezone.localtime(start)
        weekday = local.weekday()
        days["weekend" if weekday >= 5 or (weekday == 4 and local.hour >= 16) else "week"] += 1
    assert days["weekend"] > 0.6 * SCALE.events
    assert Event.objects.published().count() > 0.9 * SCALE.events
    assert Event.objects.filter(start__gt=timezone.now()).exists()
    # A heavy tail: the busiest organiser runs many times the median's events.
    counts = sorted(
        Event.objects.exclude(organizer=None)
        .values("organizer")
        .annotate(n=Count("pk"))
        .values_list("n", flat=True)
    )
    assert counts[-1] >= 5 * counts[len(counts) // 2]


def test_no_room_or_consultant_is_double_booked(dataset):
    for model, owner in ((RoomBooking, "room_id"), (Appointment, "consultant_id")):
        holding = model.objects.filter(status__in=["pending", "approved", "unconfirmed", "booked"])
        rows = sorted(holding.values_list(owner, "start", "end"))
        assert rows
        for (owner_a, _start_a, end_a), (owner_b, start_b, _end_b) in itertools.pairwise(rows):
            assert owner_a != owner_b or end_a <= start_b
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT count(*) FROM pg_constraint WHERE conname IN "
                "('room_booking_no_overlap', 'appointment_no_overlap')"
            )
            assert cursor.fetchone()[0] == 2


def test_registrations_never_exceed_capacity(dataset):
    events_with_seats = Event.objects.filter(registration_enabled=True).annotate(
        confirmed=Count("registrations", filter=Q(registrations__status="confirmed")),
        waiting=Count("registrations", filter=Q(registrations__status="waitlisted")),
    )
    full = 0
    for event in events_with_seats:
        assert event.capacity and event.confirmed <= event.capacity
        if event.waiting:
            assert event.confirmed == event.capacity
            full += 1
    assert full > 0
    assert not Registration.objects.filter(event__registration_enabled=False).exists()
    statuses = Counter(Registration.objects.values_list("status", flat=True))
    assert statuses["confirmed"] > 0.6 * sum(statuses.values())
    assert set(Registration.objects.values_list("language", flat=True)) == {"pl"}


def test_public_pages_show_the_generated_rows(dataset, client):
    event = Event.objects.published().filter(start__gt=timezone.now()).order_by("start").first()
    start = timezone.localtime(event.start)
    month = client.get(f"/wydarzenia/miesiac/{start.year}/{start.month:02d}/")
    assert month.status_code == 200
    assert event.title in month.content.decode()
    assert client.get(f"/wydarzenia/{event.slug}/").status_code == 200
    offers = client.get("/wolontariat/")
    assert offers.status_code == 200
    titles = set(Offer.objects.open().values_list("title", flat=True))
    assert any(title in offers.content.decode() for title in titles)


def test_indicators_dashboard_counts_support_records(dataset, client_for):
    year = timezone.localdate().year - 1
    project = Project.objects.get(start=datetime.date(year, 1, 1), slug__startswith="wsparcie-")
    response = client_for("coordinator").get(f"/panel/wskazniki/{project.slug}/")
    assert response.status_code == 200
    services = SupportRecord.objects.filter(date__year=year).count()
    assert services > 0 and response.context["totals"].services == services
    kinds = set(SupportRecord.objects.values_list("kind", flat=True))
    assert {"training", "room", "consultation", "caretaker-contact"} <= kinds
    # Sourced records point at the row of the service delivered, as the services write them.
    room = SupportRecord.objects.filter(kind="room").first()
    booking = RoomBooking.objects.get(pk=room.source_id)
    assert booking.status == "approved" and booking.organization_id == room.organization_id


@pytest.mark.parametrize("model", MODELS, ids=lambda model: model.__name__)
def test_rows_pass_full_clean(dataset, model):
    rows = list(model.objects.order_by("?")[:50])
    assert rows
    for row in rows:
        row.full_clean()


def test_same_seed_gives_the_same_rows(db):
    ConsultingService.objects.create(
        kind="first-contact", name="Porada", slug="porada", duration_minutes=60
    )
    now = timezone.now().replace(microsecond=0)
    accounts = make_accounts()
    generate(make_context(accounts, now=now))
    digest = _digest()
    for model in (SupportRecord, Project, Appointment, Consultant, RoomBooking, OpeningHours):
        model.objects.all().delete()
    for model in (Room, Application, Offer, VolunteerProfile, Event, GrantCall):
        model.objects.all().delete()
    User.objects.update(birth_date=None)
    generate(make_context(accounts, now=now))
    assert _digest() == digest


def _digest() -> str:
    digest = hashlib.sha256()
    for model in MODELS:
        for row in model.objects.order_by("pk").values_list():
            digest.update(repr(row).encode())
    return digest.hexdigest()
