"""What each domain app exports and erases for one person (the `<app>/personal_data.py`
sources): only that person's records, nothing of anyone else's, kept records reported with
their legal reason, a second erasure finding nothing, and the funder's figures unchanged."""

import datetime
import json
import uuid
from decimal import Decimal

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone, translation

from pomyslowice.accounts.models import User
from pomyslowice.centre.models import (
    Appointment,
    BookingSeries,
    Consultant,
    ConsultingService,
    Equipment,
    EquipmentReservation,
    MailItem,
    Room,
    RoomBooking,
)
from pomyslowice.events.models import Event, EventFeedback, GrantCallSubscription, Registration
from pomyslowice.knowledge.models import Article, ArticleRevision
from pomyslowice.organizations.models import Membership, Person, PersonConsent, SupportRecord
from pomyslowice.privacy.erasure import erase_person
from pomyslowice.privacy.models import ErasureRecord
from pomyslowice.privacy.registry import Subject, sources
from pomyslowice.reports import indicators
from pomyslowice.reports.models import Project
from pomyslowice.surveys.models import Answer, Invitation, Question, Response, Survey
from pomyslowice.volunteering import personal_data as volunteering_data
from pomyslowice.volunteering.models import Application, GroupMember, Offer, VolunteerProfile
from tests.events.conftest import make_event
from tests.knowledge.conftest import make_article
from tests.volunteering.conftest import make_offer, make_profile
from tests.volunteering.engagement_helpers import make_engagement

Kind = SupportRecord.Kind

# Every foreign key to the user model is either read by a source or deliberately left out.
COVERED = {
    ("organizations.Membership", "user"): "organizations.memberships",
    ("organizations.Organization", "submitted_by"): "organizations.submitted",
    ("organizations.Person", "user"): "organizations.people",
    ("organizations.SupportRecord", "person"): "organizations.support",
    ("centre.RoomBooking", "requested_by"): "centre.room_bookings",
    ("centre.BookingSeries", "requested_by"): "centre.room_bookings",
    ("centre.EquipmentReservation", "requested_by"): "centre.equipment_reservations",
    ("centre.Appointment", "user"): "centre.appointments",
    ("centre.MailItem", "picked_up_by"): "centre.mail_pickups",
    ("centre.Consultant", "user"): "centre.consultant",
    ("knowledge.Article", "author"): "knowledge.articles",
    ("knowledge.ArticleRevision", "author"): "knowledge.articles",
    ("events.Event", "submitted_by"): "events.submitted",
    ("events.Registration", "user"): "events.registrations",
    ("events.GrantCallSubscription", "user"): "events.grant_call_alerts",
    ("volunteering.VolunteerProfile", "user"): "volunteering.profile",
    ("volunteering.Application", "volunteer"): "volunteering.applications",
    ("volunteering.Offer", "contact_person"): "volunteering.offer_contacts",
    ("volunteering.GroupMember", "user"): "volunteering.initiative_group",
    ("accounts.ApiToken", "user"): "accounts.account",
    ("account.EmailAddress", "user"): "accounts.account",
    ("mfa.Authenticator", "user"): "accounts.account",
    ("privacy.ConsentRecord", "user"): "privacy.consents",
    ("privacy.DataRequest", "user"): "privacy.requests",
}
# A staff member's act on someone else's record (who decided, recorded, handed over...) is not
# data about the person the record is about; SET_NULL detaches it when the account goes.
STAFF_ACTS = {
    ("organizations.Organization", "caretaker"),
    ("organizations.Membership", "decided_by"),
    ("organizations.Person", "added_by"),
    ("organizations.SupportRecord", "recorded_by"),
    ("centre.RoomBooking", "decided_by"),
    ("centre.EquipmentReservation", "checked_out_by"),
    ("centre.EquipmentReservation", "returned_by"),
    ("centre.Appointment", "outcome_recorded_by"),
    ("centre.MailItem", "logged_by"),
    ("centre.MailItem", "handed_over_by"),
    ("centre.CaretakerContact", "caretaker"),
    ("centre.CaretakerTask", "assigned_to"),
    ("centre.CaretakerTask", "created_by"),
    ("centre.StrategyPlan", "updated_by"),
    ("centre.StrategyReview", "recorded_by"),
    ("centre.StrategyPlanVersion", "saved_by"),
    ("events.GrantCall", "created_by"),
    ("volunteering.OutreachMeeting", "created_by"),
    ("volunteering.Offer", "created_by"),
    ("volunteering.Application", "decided_by"),
    ("volunteering.Engagement", "insurance_recorded_by"),
    ("volunteering.Engagement", "register_recorded_by"),
    ("volunteering.GuardianConsent", "recorded_by"),
    ("volunteering.Agreement", "created_by"),
    ("volunteering.Agreement", "host_confirmed_by"),
    ("volunteering.HoursEntry", "reviewed_by"),
    ("volunteering.CertificateRequest", "issued_by"),
    ("volunteering.GroupMeeting", "created_by"),
    ("surveys.Survey", "created_by"),
    ("reports.Expense", "recorded_by"),
    ("reports.FunderReport", "updated_by"),
    ("privacy.ConsentRecord", "withdrawn_by"),
    ("privacy.DataRequest", "created_by"),
    ("privacy.DataRequest", "handled_by"),
    ("privacy.ErasureRecord", "by"),
}
UNCOVERED = {
    **dict.fromkeys(STAFF_ACTS, "a staff member's act on someone else's record"),
    # The audit log names actors for accountability (art. 5(2) GDPR); privacy.erasure forgets
    # the names in it, and SET_NULL detaches it.
    ("core.AuditLogEntry", "actor"): "the audit log, handled by privacy.erasure",
    ("admin.LogEntry", "user"): "Django admin's history of staff edits; goes with the account",
}


def source(name: str):
    return next(source for source in sources() if source.name == name)


def export(name: str, subject: Subject) -> list[dict]:
    return source(name).export(subject)


def erase(name: str, subject: Subject):
    report = source(name).erase(subject)
    again = source(name).erase(subject)
    assert (again.erased, again.kept) == (0, [])
    return report


def end_of_year_plus(day: datetime.date, years: int) -> datetime.date:
    return datetime.date(day.year + years, 12, 31)


@pytest.fixture
def anna(users):
    return users["resident"]


@pytest.fixture
def bob(users):
    return users["volunteer"]


@pytest.fixture
def subject(anna):
    return Subject.for_user(anna)


def test_every_foreign_key_to_the_user_is_covered_or_left_out_with_a_reason():
    user_model = get_user_model()
    foreign_keys = {
        (model._meta.label, field.name)
        for model in apps.get_models()
        for field in model._meta.get_fields()
        if field.concrete and field.is_relation and field.related_model is user_model
    }
    assert foreign_keys == set(COVERED) | set(UNCOVERED)
    assert set(COVERED.values()) <= {source.name for source in sources()}


def test_no_foreign_key_to_the_user_blocks_its_deletion():
    """A PROTECT/RESTRICT foreign key to the user would stop the account's deletion."""
    user_model = get_user_model()
    blocking = [
        (model._meta.label, field.name)
        for model in apps.get_models()
        for field in model._meta.get_fields()
        if field.concrete
        and field.many_to_one
        and field.related_model is user_model
        and field.remote_field.on_delete in (models.PROTECT, models.RESTRICT)
    ]
    assert blocking == []


# --- organizations -----------------------------------------------------------------------------


def test_memberships_and_submitted_organisations(anna, bob, subject, organization):
    Membership.objects.create(user=anna, organization=organization, message="Jestem prezeską.")
    Membership.objects.create(user=bob, organization=organization)
    organization.submitted_by = anna
    organization.save(update_fields=["submitted_by"])

    with translation.override("en"):
        memberships = export("organizations.memberships", subject)
    assert memberships == [
        {
            "organization": organization.name,
            "role": "representative",
            "role_label": "representative",
            "status": "pending",
            "status_label": "awaiting approval",
            "message": "Jestem prezeską.",
            "rejection_reason": "",
            "created_at": memberships[0]["created_at"],
            "decided_at": None,
        }
    ]
    assert [row["organization"] for row in export("organizations.submitted", subject)] == [
        organization.name
    ]

    assert erase("organizations.memberships", subject).erased == 1
    assert erase("organizations.submitted", subject).erased == 1
    assert not Membership.objects.filter(user=anna).exists()
    assert Membership.objects.filter(user=bob).exists()
    organization.refresh_from_db()
    assert organization.submitted_by is None


def test_leader_profile_found_by_account_and_by_guest_email(anna, bob, subject):
    mine = Person.objects.create(user=anna, full_name="Janina Mieszko", slug="jm", email=anna.email)
    PersonConsent.objects.create(person=mine, field=PersonConsent.Field.NAME, given_via="form")
    Person.objects.create(full_name="Bob", slug="bob", email=bob.email)
    guest = Person.objects.create(full_name="Gość", slug="gosc", email="Gosc@Example.org")

    rows = export("organizations.people", subject)
    assert [row["full_name"] for row in rows] == ["Janina Mieszko"]
    assert rows[0]["consents"][0]["field"] == "name"
    assert export("organizations.people", Subject.for_email("gosc@example.org"))[0]["email"] == (
        "Gosc@Example.org"
    )
    assert "Gosc@Example.org" in list(source("organizations.people").guest_emails())

    assert erase("organizations.people", subject).erased == 1
    assert erase("organizations.people", Subject.for_email("GOSC@example.org")).erased == 1
    assert not Person.objects.filter(pk__in=[mine.pk, guest.pk]).exists()
    assert list(Person.objects.values_list("full_name", flat=True)) == ["Bob"]
    assert not PersonConsent.objects.exists()


def test_support_received_is_pseudonymised(anna, bob, subject, organization):
    today = timezone.localdate()
    SupportRecord.objects.create(kind=Kind.TRAINING, date=today, person=anna, summary="RODO")
    SupportRecord.objects.create(
        kind=Kind.CONSULTATION, date=today, person_email=anna.email.upper(), summary="Porada"
    )
    theirs = SupportRecord.objects.create(
        kind=Kind.ROOM, date=today, person=bob, person_name="Bob", summary="Sala"
    )

    rows = export("organizations.support", subject)
    assert sorted(row["kind"] for row in rows) == ["consultation", "training"]

    assert erase("organizations.support", subject).erased == 2
    mine = SupportRecord.objects.exclude(pk=theirs.pk)
    assert not mine.filter(person__isnull=False).exists()
    assert set(mine.values_list("person_email", flat=True)) == {""}
    # One person before, one pseudonym after: the same e-mail (account or given) is one person.
    (pseudonym,) = set(mine.values_list("person_name", flat=True))
    assert pseudonym.startswith("anonim-") and anna.email not in pseudonym
    theirs.refresh_from_db()
    assert (theirs.person, theirs.person_name) == (bob, "Bob")


def make_project(counted) -> Project:
    return Project.objects.create(
        name="POMYSłowice 2025",
        slug="pomyslowice-2025",
        funder="FIO",
        start=datetime.date(2025, 1, 1),
        end=datetime.date(2025, 12, 31),
        target_persons=40,
        target_organizations=16,
        counted_kinds=[str(kind) for kind in counted],
        grant_amount=Decimal("39435.00"),
    )


def yearly_figures(project):
    records = indicators.counted_records(project)
    return (
        indicators.figures(records),
        indicators.by_kind(records),
        indicators.by_month(records),
        indicators.by_district(records),
    )


def test_yearly_indicators_are_unchanged_by_an_erasure(
    anna, bob, subject, organization, other_organization
):
    project = make_project([Kind.TRAINING, Kind.CONSULTATION, Kind.ROOM, Kind.MAIL])
    day = datetime.date(2025, 3, 4)
    # Anna: by account, by the same e-mail given as a guest, and under another address given at
    # a consultation (counted as a different person: indicators tell people apart by e-mail).
    SupportRecord.objects.create(
        kind=Kind.TRAINING, date=day, person=anna, organization=organization, summary="a"
    )
    SupportRecord.objects.create(
        kind=Kind.TRAINING, date=day, person_email=" Mieszkaniec@example.org", summary="b"
    )
    SupportRecord.objects.create(
        kind=Kind.CONSULTATION,
        date=day,
        person=anna,
        person_email="janina.praca@example.org",
        organization=other_organization,
        summary="c",
    )
    SupportRecord.objects.create(
        kind=Kind.ROOM, date=day, person=bob, organization=organization, summary="d"
    )
    SupportRecord.objects.create(kind=Kind.MAIL, date=day, person_name="Celina", summary="e")
    before = yearly_figures(project)
    assert before[0] == indicators.Figures(persons=4, organizations=2, services=5)

    erase_person(subject=subject, by=None, reason=ErasureRecord.Reason.SELF_SERVICE)

    assert not User.objects.filter(pk=anna.pk).exists()
    assert SupportRecord.objects.count() == 5
    assert yearly_figures(project) == before
    everything = str(list(SupportRecord.objects.values())).lower()
    assert "mieszkaniec" not in everything and "janina" not in everything


# --- events ------------------------------------------------------------------------------------


def register(event, *, name, email, user=None, **fields) -> Registration:
    fields.setdefault("status", Registration.Status.CONFIRMED)
    return Registration.objects.create(event=event, user=user, name=name, email=email, **fields)


def test_event_registrations(anna, bob, subject, organization):
    past = make_event("Szkolenie z RODO", start=timezone.now() - datetime.timedelta(days=30))
    upcoming = make_event("Szkolenie z księgowości")
    attended = register(
        past, name="Janina Mieszko", email=anna.email, user=anna, attended=True, needs="Pętla"
    )
    EventFeedback.objects.create(registration=attended, rating=5, comment="Janina: super")
    register(upcoming, name="Janina Mieszko", email=anna.email, user=anna)
    meeting = make_event("Spotkanie sąsiedzkie")
    guest = register(meeting, name="Janina jako gość", email="MIESZKANIEC@example.org")
    bobs = register(past, name="Bob", email=bob.email, user=bob, attended=True)

    with translation.override("en"):
        rows = export("events.registrations", subject)
        assert sorted(row["event"] for row in rows) == sorted(
            [past.title, upcoming.title, meeting.title]
        )
        assert {row["status_label"] for row in rows} == {"confirmed"}
        assert [row["feedback"]["comment"] for row in rows if row["feedback"]] == ["Janina: super"]
        report = erase("events.registrations", subject)

    assert report.erased == 3
    (kept,) = report.kept
    assert kept.until == end_of_year_plus(timezone.localdate(past.start), 5)
    with translation.override("en"):
        assert past.title in str(kept.what) and "grant agreement" in str(kept.why)
    attended.refresh_from_db()
    assert attended.name == "Janina Mieszko"
    assert (attended.user, attended.needs, attended.attended) == (None, "", True)
    assert attended.email.endswith("@erased.invalid")
    assert attended.feedback.comment == "" and attended.feedback.rating == 5
    assert not Registration.objects.filter(pk=guest.pk).exists()
    assert set(Registration.objects.values_list("pk", flat=True)) == {attended.pk, bobs.pk}


def test_attendance_past_its_documentation_period_is_deleted(anna, subject):
    old = make_event("Dawne szkolenie", start=timezone.now() - datetime.timedelta(days=7 * 365))
    register(old, name="Janina", email=anna.email, user=anna, attended=True)
    assert erase("events.registrations", subject).kept == []
    assert not Registration.objects.exists()


def test_guest_registration_by_email_only(bob):
    event = make_event("Spotkanie")
    register(event, name="Gość", email="Gosc@Example.org")
    register(event, name="Bob", email=bob.email, user=bob)
    guest = Subject.for_email("gosc@example.org")
    assert [row["name"] for row in export("events.registrations", guest)] == ["Gość"]
    assert "Gosc@Example.org" in list(source("events.registrations").guest_emails())
    assert erase("events.registrations", guest).erased == 1
    assert list(Registration.objects.values_list("name", flat=True)) == ["Bob"]


def test_events_submitted_and_grant_call_alerts(anna, bob, subject, organization):
    mine = make_event("Piknik", submitted_by=anna)
    theirs = make_event("Festyn", submitted_by=bob)
    GrantCallSubscription.objects.create(user=anna, organization=organization)
    GrantCallSubscription.objects.create(user=bob, organization=organization)

    assert [row["title"] for row in export("events.submitted", subject)] == ["Piknik"]
    assert export("events.grant_call_alerts", subject)[0]["organization"] == organization.name

    assert erase("events.submitted", subject).erased == 1
    assert erase("events.grant_call_alerts", subject).erased == 1
    mine.refresh_from_db()
    theirs.refresh_from_db()
    assert (mine.submitted_by, theirs.submitted_by) == (None, bob)
    assert list(GrantCallSubscription.objects.values_list("user", flat=True)) == [bob.pk]
    assert Event.objects.count() == 2


# --- centre ------------------------------------------------------------------------------------


@pytest.fixture
def room(db):
    return Room.objects.create(name="Sala", slug="sala", capacity=20)


def book(room, *, days, user=None, email, name):
    start = timezone.now() + datetime.timedelta(days=days)
    return RoomBooking.objects.create(
        room=room,
        start=start,
        end=start + datetime.timedelta(hours=2),
        requested_by=user,
        contact_name=name,
        contact_email=email,
        contact_phone="600 100 200",
        purpose="Zebranie",
        expected_people=5,
        notes="Proszę o rzutnik",
    )


def test_room_bookings_and_equipment_reservations(anna, bob, subject, room, organization):
    mine = book(room, days=2, user=anna, email=anna.email, name="Janina")
    guest = book(room, days=3, email="MIESZKANIEC@example.org", name="Janina")
    theirs = book(room, days=4, user=bob, email=bob.email, name="Bob")
    series = BookingSeries.objects.create(
        room=room,
        weekday=1,
        starts_at=datetime.time(17),
        ends_at=datetime.time(19),
        first_date=timezone.localdate(),
        occurrences=2,
        requested_by=anna,
    )
    SupportRecord.objects.create(
        kind=Kind.ROOM,
        date=timezone.localdate(),
        person_name="Janina",
        summary="Sala",
        source_type=ContentType.objects.get_for_model(RoomBooking),
        source_id=str(guest.pk),
    )
    projector = Equipment.objects.create(name="Projektor", slug="projektor", quantity=2)
    start = timezone.now()
    lent = EquipmentReservation.objects.create(
        equipment=projector,
        quantity=1,
        start=start,
        end=start + datetime.timedelta(days=1),
        requested_by=anna,
        contact_name="Janina",
        contact_email=anna.email,
    )

    assert len(export("centre.room_bookings", subject)) == 2
    assert export("centre.equipment_reservations", subject)[0]["equipment"] == "Projektor"

    assert erase("centre.room_bookings", subject).erased == 3
    assert erase("centre.equipment_reservations", subject).erased == 1
    for booking in (mine, guest):
        booking.refresh_from_db()
        assert (booking.requested_by, booking.contact_name, booking.contact_email) == (None, "", "")
        assert (booking.contact_phone, booking.notes) == ("", "")
    theirs.refresh_from_db()
    assert (theirs.requested_by, theirs.contact_name) == (bob, "Bob")
    series.refresh_from_db()
    assert series.requested_by is None
    lent.refresh_from_db()
    assert (lent.requested_by, lent.contact_email, lent.quantity) == (None, "", 1)
    assert SupportRecord.objects.get().person_name.startswith("anonim-")
    assert RoomBooking.objects.count() == 3


@pytest.fixture
def consulting(users):
    consultant = Consultant.objects.create(user=users["ngo_caretaker"], display_name="Opiekunka")
    service = ConsultingService.objects.create(
        kind=ConsultingService.Kind.FIRST_CONTACT,
        name="Porada pierwszego kontaktu",
        slug="porada",
        duration_minutes=30,
    )
    return consultant, service


def appoint(consulting, *, days, **fields) -> Appointment:
    consultant, service = consulting
    start = timezone.now() + datetime.timedelta(days=days)
    return Appointment.objects.create(
        service=service,
        consultant=consultant,
        start=start,
        end=start + datetime.timedelta(minutes=30),
        question="Jak założyć stowarzyszenie?",
        **fields,
    )


def test_consulting_appointments(anna, bob, subject, consulting):
    held = appoint(
        consulting,
        days=-10,
        user=anna,
        name="Janina",
        email=anna.email,
        phone="600",
        status=Appointment.Status.HELD,
        staff_notes="Janina ma kłopot z zarządem",
        topics="statut",
    )
    SupportRecord.objects.create(
        kind=Kind.CONSULTATION,
        date=timezone.localdate(held.start),
        person_name="Janina",
        summary="statut",
        source_type=ContentType.objects.get_for_model(Appointment),
        source_id=str(held.pk),
    )
    upcoming = appoint(consulting, days=3, name="Janina", email="mieszkaniec@EXAMPLE.org")
    theirs = appoint(consulting, days=4, user=bob, name="Bob", email=bob.email)

    rows = export("centre.appointments", subject)
    assert sorted(row["status"] for row in rows) == ["booked", "held"]
    assert "Janina ma kłopot z zarządem" in [row["notes"] for row in rows]

    assert erase("centre.appointments", subject).erased == 2
    held.refresh_from_db()
    assert (held.user, held.name, held.email, held.phone) == (None, "", "", "")
    assert (held.question, held.staff_notes, held.topics) == ("", "", "statut")
    assert not Appointment.objects.filter(pk=upcoming.pk).exists()
    assert Appointment.objects.filter(pk=theirs.pk, name="Bob").exists()
    assert SupportRecord.objects.get().person_name.startswith("anonim-")


def test_consultant_profile_is_closed_when_appointments_keep_it(users, consulting):
    consultant, _service = consulting
    caretaker = Subject.for_user(users["ngo_caretaker"])
    assert export("centre.consultant", caretaker)[0]["name_shown"] == "Opiekunka"
    held = appoint(consulting, days=-1, name="X", email="x@example.org")
    with translation.override("en"):
        report = erase("centre.consultant", caretaker)
    assert report.erased == 1
    (kept,) = report.kept
    with translation.override("en"):
        assert "Opiekunka" in str(kept.what) and "funders" in str(kept.why)
    assert kept.until == end_of_year_plus(timezone.localdate(held.start), 5)
    consultant.refresh_from_db()
    assert (consultant.user, consultant.is_active, consultant.bio) == (None, False, "")
    assert consultant.display_name == "Opiekunka"


def test_consultant_profile_without_appointments_is_deleted(users, consulting):
    assert erase("centre.consultant", Subject.for_user(users["ngo_caretaker"])).erased == 1
    assert not Consultant.objects.exists()


def test_mail_pickup_signatures_are_kept(anna, bob, subject, organization):
    picked_up_at = timezone.now() - datetime.timedelta(days=20)
    mine = MailItem.objects.create(
        organization=organization,
        sender="Urząd Miasta",
        status=MailItem.Status.PICKED_UP,
        picked_up_at=picked_up_at,
        picked_up_by=anna,
        picked_up_by_name="Janina Mieszko",
    )
    old = MailItem.objects.create(
        organization=organization,
        sender="Sąd",
        received_on=datetime.date(2018, 3, 1),
        status=MailItem.Status.PICKED_UP,
        picked_up_at=timezone.now() - datetime.timedelta(days=8 * 365),
        picked_up_by=anna,
        picked_up_by_name="Janina Mieszko",
    )
    theirs = MailItem.objects.create(
        organization=organization, sender="ZUS", picked_up_by=bob, picked_up_by_name="Bob"
    )

    assert sorted(row["sender"] for row in export("centre.mail_pickups", subject)) == [
        "Sąd",
        "Urząd Miasta",
    ]
    with translation.override("en"):
        report = erase("centre.mail_pickups", subject)
    assert report.erased == 2
    (kept,) = report.kept
    assert kept.until == end_of_year_plus(timezone.localdate(picked_up_at), 5)
    with translation.override("en"):
        assert organization.name in str(kept.what) and "mail register" in str(kept.why)
    mine.refresh_from_db()
    old.refresh_from_db()
    assert (mine.picked_up_by, mine.picked_up_by_name) == (None, "Janina Mieszko")
    assert (old.picked_up_by, old.picked_up_by_name) == (None, "")
    theirs.refresh_from_db()
    assert theirs.picked_up_by == bob


# --- knowledge ---------------------------------------------------------------------------------


def test_articles(anna, bob, subject):
    published = make_article("Dobra praktyka", author=anna, contact=f"Janina, {anna.email}")
    proposal = make_article("Propozycja", author=anna, status=Article.Status.IN_REVIEW)
    theirs = make_article("Cudzy artykuł", author=bob)
    ArticleRevision.objects.create(article=published, snapshot={}, author=anna)

    assert sorted(row["title"] for row in export("knowledge.articles", subject)) == [
        "Dobra praktyka",
        "Propozycja",
    ]
    assert erase("knowledge.articles", subject).erased == 3
    published.refresh_from_db()
    assert (published.author, published.contact) == (None, "")
    assert not Article.objects.filter(pk=proposal.pk).exists()
    assert not ArticleRevision.objects.filter(author__isnull=False).exists()
    theirs.refresh_from_db()
    assert theirs.author == bob


# --- volunteering ------------------------------------------------------------------------------


def test_volunteer_profile(anna, bob, subject):
    make_profile(anna, about="Lubię dzieci", phone="600 700 800")
    make_profile(bob)
    (row,) = export("volunteering.profile", subject)
    assert (row["about"], row["phone"]) == ("Lubię dzieci", "600 700 800")
    assert erase("volunteering.profile", subject).erased == 1
    assert list(VolunteerProfile.objects.values_list("user", flat=True)) == [bob.pk]


def test_applications_and_engagements(anna, bob, subject, organization, users):
    offer = make_offer(organization, "Pomoc w świetlicy")
    other_offer = make_offer(organization, "Sprzątanie parku")
    Application.objects.create(offer=other_offer, volunteer=anna, message="Chętnie!")
    engagement = make_engagement(offer, anna, by=users["representative"])
    make_engagement(offer, bob, by=users["representative"])

    rows = export("volunteering.applications", subject)
    assert sorted(row["offer"] for row in rows) == ["Pomoc w świetlicy", "Sprzątanie parku"]
    (engaged,) = [row for row in rows if row["engagement"]]
    assert engaged["engagement"]["from"] == engagement.starts_on.isoformat()

    with translation.override("en"):
        report = erase("volunteering.applications", subject)
    assert report.erased == 2
    assert not Application.objects.filter(offer=other_offer).exists()
    application = Application.objects.get(pk=engagement.application_id)
    assert (application.message, application.reason, application.volunteer) == ("", "", None)
    assert Application.objects.filter(volunteer=bob, message="Chętnie pomogę.").exists()
    assert volunteering_data.records_outlive_account() is True
    (kept,) = report.kept
    assert "Pomoc w świetlicy" in str(kept.what) and organization.name in str(kept.what)
    assert "art. 44" in str(kept.why)
    # Still being prepared when erased: it ends now, so the records are kept from today.
    assert kept.until == end_of_year_plus(timezone.localdate(), 5)


def test_offer_contacts_and_initiative_group(anna, bob, subject, organization):
    offer = make_offer(organization, "Oferta", contact_person=anna, contact_phone="600")
    theirs = make_offer(organization, "Inna", contact_person=bob, contact_phone="700")
    member = GroupMember.objects.create(
        name="Janina", user=anna, joined_on=datetime.date(2026, 1, 1), email=anna.email
    )
    guest = GroupMember.objects.create(
        name="Janina", joined_on=datetime.date(2026, 1, 1), email="MIESZKANIEC@example.org"
    )
    GroupMember.objects.create(name="Bob", user=bob, joined_on=datetime.date(2026, 1, 1))

    assert export("volunteering.offer_contacts", subject) == [
        {"offer": "Oferta", "host": organization.name, "contact_phone": "600"}
    ]
    assert len(export("volunteering.initiative_group", subject)) == 2

    assert erase("volunteering.offer_contacts", subject).erased == 1
    assert erase("volunteering.initiative_group", subject).erased == 2
    offer.refresh_from_db()
    theirs.refresh_from_db()
    assert (offer.contact_person, offer.contact_phone) == (None, "")
    assert (theirs.contact_person, theirs.contact_phone) == (bob, "700")
    for each in (member, guest):
        each.refresh_from_db()
        assert (each.name, each.email, each.user) == ("", "", None)
    assert GroupMember.objects.filter(name="Bob", user=bob).exists()
    assert Offer.objects.count() == 2


# --- surveys -----------------------------------------------------------------------------------


def test_survey_invitations(anna, bob, subject):
    survey = Survey.objects.create(title="Ankieta", is_anonymous=False, status=Survey.Status.OPEN)
    question = Question.objects.create(survey=survey, text="Jak było?", kind=Question.Kind.TEXT)
    mine = Invitation.objects.create(
        survey=survey, email=anna.email.upper(), token=uuid.uuid4().hex, answered=True
    )
    response = Response.objects.create(
        survey=survey, invitation=mine, submitted_on=timezone.localdate()
    )
    Answer.objects.create(response=response, question=question, text="Dobrze")
    Invitation.objects.create(survey=survey, email=bob.email, token=uuid.uuid4().hex)

    (row,) = export("surveys.invitations", subject)
    assert row["answers"] == [
        {"question": "Jak było?", "choice": None, "number": None, "text": "Dobrze"}
    ]
    assert erase("surveys.invitations", subject).erased == 1
    assert list(Invitation.objects.values_list("email", flat=True)) == [bob.email]
    response.refresh_from_db()
    assert response.invitation is None
    assert Answer.objects.get().text == "Dobrze"


def test_erasing_everyone_else_leaves_a_stranger_untouched(bob):
    """A guest known only by an address matching nobody: every source finds nothing."""
    stranger = Subject.for_email("nikt@example.org")
    for each in sources():
        if each.name.split(".")[0] in {"accounts", "privacy"}:
            continue
        assert each.export(stranger) == []
        assert each.erase(stranger).erased == 0


def test_exports_are_json_serialisable(anna, subject, organization, room):
    Membership.objects.create(user=anna, organization=organization)
    book(room, days=1, user=anna, email=anna.email, name="Janina")
    make_profile(anna)
    for each in sources():
        json.dumps(each.export(subject))
