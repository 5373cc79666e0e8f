"""The staff panel's start screen: who may open it, which role sees which item, every item
appearing with its link when there is something to do and disappearing once it is done, and a
query count that does not grow with the data."""

import datetime
import re
from decimal import Decimal

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from pomyslowice.accounts.roles import Role
from pomyslowice.centre import caretaking_services, equipment_services, mail_services, room_services
from pomyslowice.centre.models import (
    Appointment,
    CaretakerContact,
    CaretakerTask,
    Consultant,
    ConsultingService,
    Equipment,
    EquipmentReservation,
    MailItem,
    Room,
    RoomBooking,
)
from pomyslowice.core.audit import log_action
from pomyslowice.events import services as event_services
from pomyslowice.events.models import Event
from pomyslowice.knowledge import services as knowledge_services
from pomyslowice.knowledge.models import Article
from pomyslowice.organizations import services as organization_services
from pomyslowice.organizations.models import Organization, SupportRecord
from pomyslowice.reports.models import Project
from pomyslowice.volunteering import application_services, engagement_services, hours_services
from pomyslowice.volunteering.models import (
    Application,
    HoursEntry,
    Offer,
    OutreachMeeting,
    VolunteerProfile,
)
from tests.conftest import PERSONAS, STAFF_PERSONAS, create_user, make_organization
from tests.events.conftest import make_event
from tests.volunteering.conftest import make_offer
from tests.volunteering.engagement_helpers import make_engagement

PANEL = "/en/panel/"
ITEM_ROLES = {
    "organizations-pending": {"coordinator"},
    "events-pending": {"coordinator"},
    "articles-in-review": {"coordinator"},
    "offers-in-review": {"coordinator"},
    "room-requests": {"coordinator"},
    "equipment-pickups": {"coordinator"},
    "indicators": {"coordinator", "analyst"},
    "audit-log": {"coordinator"},
    "consultations-today": {"ngo_caretaker"},
    "consultations-week": {"ngo_caretaker"},
    "my-organizations": {"ngo_caretaker"},
    "mail-waiting": {"ngo_caretaker"},
    "equipment-overdue": {"ngo_caretaker"},
    "new-volunteers": {"volunteer_caretaker"},
    "pending-applications": {"volunteer_caretaker"},
    "engagements-preparing": {"volunteer_caretaker"},
    "hours-awaiting": {"volunteer_caretaker"},
    "outreach-upcoming": {"volunteer_caretaker"},
    "analysis-tools": {"analyst"},
    "admin-tools": {"technical_admin"},
}


def item_html(html: str, key: str) -> str:
    """The HTML of every occurrence of one panel item (an item may appear in two roles)."""
    return "".join(
        re.findall(rf'<section[^>]*data-item="{key}"[^>]*>.*?</section>', html, flags=re.S)
    )


def panel_html(client) -> str:
    response = client.get(PANEL)
    assert response.status_code == 200
    return response.content.decode()


def count_of(html: str, key: str) -> int:
    return int(re.search(r'<span class="count">(\d+)</span>', item_html(html, key)).group(1))


def assert_item_shows(client_for, key: str, text: str) -> None:
    """`text` is in the item for the roles that have it, and nowhere on anyone else's panel."""
    for persona in STAFF_PERSONAS:
        html = panel_html(client_for(persona))
        if persona in ITEM_ROLES[key]:
            assert text in item_html(html, key), (persona, key)
        else:
            assert f'data-item="{key}"' not in html, (persona, key)
            assert text not in html, (persona, key)


def assert_item_empty(client, key: str, text: str) -> None:
    html = panel_html(client)
    assert text not in item_html(html, key)
    assert count_of(html, key) == 0


def local(day: datetime.date, hour: int, minute: int = 0) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))


# --- access ------------------------------------------------------------------------------------


@pytest.mark.parametrize("persona", PERSONAS)
def test_access_of_every_persona(client_for, persona):
    response = client_for(persona).get(PANEL)
    if persona == "anonymous":
        assert response.status_code == 302
        assert response["Location"].startswith("/en/konto/login/")
    elif persona in STAFF_PERSONAS:
        assert response.status_code == 200
    else:
        assert response.status_code == 403


@pytest.mark.parametrize("persona, role", STAFF_PERSONAS.items())
def test_each_role_sees_only_its_own_section(client_for, persona, role):
    html = panel_html(client_for(persona))
    sections = re.findall(r'<section class="panel-section" id="section-([a-z-]+)"', html)
    assert sections == [role]
    shown = set(re.findall(r'data-item="([a-z-]+)"', html))
    assert shown == {key for key, personas in ITEM_ROLES.items() if persona in personas}


def test_several_roles_see_each_section_coordinator_first(client, users):
    user = users["analyst"]
    user.groups.add(Group.objects.get(name=Role.VOLUNTEER_CARETAKER))
    user.groups.add(Group.objects.get(name=Role.COORDINATOR))
    client.force_login(user)
    html = panel_html(client)
    sections = re.findall(r'<section class="panel-section" id="section-([a-z-]+)"', html)
    assert sections == [Role.COORDINATOR, Role.VOLUNTEER_CARETAKER, Role.ANALYST]


def test_staff_navigation_links_to_the_panel(client_for):
    assert f'href="{PANEL}"' in client_for("ngo_caretaker").get("/en/moje/").content.decode()
    assert f'href="{PANEL}"' not in client_for("resident").get("/en/moje/").content.decode()


# --- coordinator -------------------------------------------------------------------------------


def test_pending_organization(client_for, users):
    organization = make_organization("Koło Gospodyń z Larysza", status=Organization.Status.PENDING)
    link = reverse("organizations:detail", args=[organization.slug])
    assert_item_shows(client_for, "organizations-pending", link)
    assert 'href="/en/organizacje/moderacja/"' in item_html(
        panel_html(client_for("coordinator")), "organizations-pending"
    )
    organization_services.approve_organization(organization=organization, by=users["coordinator"])
    assert_item_empty(client_for("coordinator"), "organizations-pending", link)


def test_pending_event(client_for, users, organization):
    event = make_event(
        "Warsztaty z pisania wniosków",
        slug="warsztaty-wnioski",
        status=Event.Status.SUBMITTED,
        organizer=organization,
        category=Event.Category.MEETING,
    )
    link = reverse("events:detail", args=[event.slug])
    assert_item_shows(client_for, "events-pending", link)
    event_services.approve_event(event=event, by=users["coordinator"])
    assert_item_empty(client_for("coordinator"), "events-pending", link)


def test_article_in_review(client_for, users):
    article = Article.objects.create(
        kind=Article.Kind.GOOD_PRACTICE,
        title="Festyn na Piasku",
        slug="festyn-na-piasku",
        lead="Jak zorganizowaliśmy festyn.",
        body="<p>Opis.</p>",
        status=Article.Status.IN_REVIEW,
        author=users["representative"],
    )
    link = reverse("knowledge:detail", args=[article.slug])
    assert_item_shows(client_for, "articles-in-review", link)
    knowledge_services.publish_article(article=article, by=users["coordinator"])
    assert_item_empty(client_for("coordinator"), "articles-in-review", link)


def test_offer_in_review(client_for, organization):
    offer = make_offer(organization, "Pomoc przy zbiórce żywności", status=Offer.Status.REVIEW)
    link = reverse("volunteering:offer_review", args=[offer.slug])
    assert_item_shows(client_for, "offers-in-review", link)
    Offer.objects.filter(pk=offer.pk).update(
        status=Offer.Status.PUBLISHED, published_at=timezone.now()
    )
    assert_item_empty(client_for("coordinator"), "offers-in-review", link)


def make_room() -> Room:
    return Room.objects.create(name="Sala szkoleniowa", slug="sala-szkoleniowa", capacity=30)


@pytest.fixture
def room(db):
    return make_room()


def make_booking(room, *, days=3, hour=10) -> RoomBooking:
    day = timezone.localdate() + datetime.timedelta(days=days)
    return RoomBooking.objects.create(
        room=room,
        start=local(day, hour),
        end=local(day, hour + 2),
        contact_name="Anna Nowak",
        contact_email="anna@example.org",
        purpose="Zebranie zarządu",
        expected_people=8,
    )


def test_room_request(client_for, users, room):
    booking = make_booking(room)
    link = reverse("centre:booking-detail", args=[booking.pk])
    assert_item_shows(client_for, "room-requests", link)
    html = item_html(panel_html(client_for("coordinator")), "room-requests")
    assert reverse("reports:panel-booking-approve", args=[booking.pk]) in html
    room_services.reject_booking(booking=booking, by=users["coordinator"], reason="Remont sali.")
    assert_item_empty(client_for("coordinator"), "room-requests", link)


def make_projector() -> Equipment:
    return Equipment.objects.create(name="Projektor", slug="projektor", quantity=2)


@pytest.fixture
def projector(db):
    return make_projector()


def make_reservation(equipment, *, start, end, status=EquipmentReservation.Status.RESERVED):
    return EquipmentReservation.objects.create(
        equipment=equipment,
        quantity=1,
        start=start,
        end=end,
        status=status,
        contact_name="Anna Nowak",
        contact_email="anna@example.org",
    )


def test_equipment_to_hand_out_today(client_for, users, projector):
    now = timezone.now()
    reservation = make_reservation(
        projector, start=now - datetime.timedelta(hours=1), end=now + datetime.timedelta(days=1)
    )
    later = make_reservation(
        projector, start=now + datetime.timedelta(days=3), end=now + datetime.timedelta(days=4)
    )
    link = reverse("centre:equipment-reservation-detail", args=[reservation.pk])
    assert_item_shows(client_for, "equipment-pickups", link)
    html = item_html(panel_html(client_for("coordinator")), "equipment-pickups")
    assert reverse("centre:equipment-reservation-detail", args=[later.pk]) not in html
    equipment_services.check_out(reservation=reservation, by=users["coordinator"])
    assert_item_empty(client_for("coordinator"), "equipment-pickups", link)


def test_indicator_progress_of_running_projects(client_for, users, organization):
    today = timezone.localdate()
    project = Project.objects.create(
        name="POMYSłowice 2026",
        slug="pomyslowice-2026",
        funder="FIO",
        start=today - datetime.timedelta(days=30),
        end=today + datetime.timedelta(days=30),
        target_persons=40,
        target_organizations=16,
        counted_kinds=[SupportRecord.Kind.CONSULTATION],
        grant_amount=Decimal("39435"),
    )
    for email in ("a@example.org", "b@example.org", "a@example.org"):
        SupportRecord.objects.create(
            kind=SupportRecord.Kind.CONSULTATION,
            date=today,
            person_email=email,
            organization=organization,
            summary="Porada",
        )
    link = reverse("reports:project", args=[project.slug])
    assert_item_shows(client_for, "indicators", link)
    html = item_html(panel_html(client_for("analyst")), "indicators")
    assert '<td class="persons">2/40</td>' in html
    assert '<td class="organizations">1/16</td>' in html
    Project.objects.filter(pk=project.pk).update(end=today - datetime.timedelta(days=1))
    assert_item_empty(client_for("coordinator"), "indicators", link)


def test_recent_audit_log(client_for, users, organization):
    log_action(actor=users["coordinator"], verb="organizations.panel.first", target=organization)
    assert_item_shows(client_for, "audit-log", "organizations.panel.first")
    for number in range(10):
        log_action(actor=users["coordinator"], verb=f"organizations.panel.later{number}")
    html = panel_html(client_for("coordinator"))
    assert "organizations.panel.first" not in item_html(html, "audit-log")
    assert "organizations.panel.later9" in item_html(html, "audit-log")
    assert count_of(html, "audit-log") == 11


# --- NGO caretaker -----------------------------------------------------------------------------


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


def make_appointment(consulting, start, **fields) -> Appointment:
    consultant, service = consulting
    return Appointment.objects.create(
        service=service,
        consultant=consultant,
        start=start,
        end=start + datetime.timedelta(minutes=30),
        name="Jan Kowalski",
        email="jan@example.org",
        question="Jak założyć stowarzyszenie?",
        **fields,
    )


def test_consultations_today_and_this_week(client_for, consulting):
    today = timezone.localdate()
    todays = make_appointment(consulting, local(today, 0, 30))
    link = reverse("centre:consulting-appointment", args=[todays.pk])
    assert_item_shows(client_for, "consultations-today", link)
    tomorrow = today + datetime.timedelta(days=1)
    later = make_appointment(consulting, local(tomorrow, 9))
    later_link = reverse("centre:consulting-appointment", args=[later.pk])
    html = panel_html(client_for("ngo_caretaker"))
    assert (later_link in item_html(html, "consultations-week")) == (tomorrow.weekday() != 0)
    assert later_link not in item_html(html, "consultations-today")
    Appointment.objects.filter(pk=todays.pk).update(status=Appointment.Status.HELD)
    assert_item_empty(client_for("ngo_caretaker"), "consultations-today", link)


def test_consultations_of_other_consultants_are_not_mine(client_for, consulting, users):
    other = Consultant.objects.create(user=users["coordinator"], display_name="Ktoś inny")
    appointment = make_appointment((other, consulting[1]), local(timezone.localdate(), 0, 30))
    html = panel_html(client_for("ngo_caretaker"))
    link = reverse("centre:consulting-appointment", args=[appointment.pk])
    assert link not in html


def test_my_organizations_with_last_contact_and_open_tasks(client_for, users, organization):
    caretaker = users["ngo_caretaker"]
    Organization.objects.filter(pk=organization.pk).update(caretaker=caretaker)
    contact_day = timezone.localdate() - datetime.timedelta(days=12)
    CaretakerContact.objects.create(
        organization=organization,
        date=contact_day,
        channel=CaretakerContact.Channel.PHONE,
        topic="Sprawozdanie",
        caretaker=caretaker,
    )
    task = CaretakerTask.objects.create(
        organization=organization,
        title="Przypomnieć o sprawozdaniu",
        due_date=timezone.localdate(),
        created_by=caretaker,
    )
    link = reverse("centre:timeline-detail", args=[organization.slug])
    assert_item_shows(client_for, "my-organizations", link)
    html = item_html(panel_html(client_for("ngo_caretaker")), "my-organizations")
    assert '<td class="open-tasks">1</td>' in html
    caretaking_services.complete_task(task=task, by=caretaker)
    html = item_html(panel_html(client_for("ngo_caretaker")), "my-organizations")
    assert '<td class="open-tasks">0</td>' in html
    Organization.objects.filter(pk=organization.pk).update(caretaker=None)
    assert_item_empty(client_for("ngo_caretaker"), "my-organizations", link)


def test_mail_waiting_for_pickup(client_for, users, organization):
    item = MailItem.objects.create(organization=organization, sender="Urząd Miasta Mysłowice")
    link = reverse("centre:mail-detail", args=[item.pk])
    assert_item_shows(client_for, "mail-waiting", link)
    mail_services.record_pickup(item=item, picked_up_by_name="Piotr R.", by=users["ngo_caretaker"])
    assert_item_empty(client_for("ngo_caretaker"), "mail-waiting", link)


def test_overdue_equipment(client_for, users, projector):
    now = timezone.now()
    reservation = make_reservation(
        projector,
        start=now - datetime.timedelta(days=2),
        end=now - datetime.timedelta(hours=1),
        status=EquipmentReservation.Status.CHECKED_OUT,
    )
    link = reverse("centre:equipment-reservation-detail", args=[reservation.pk])
    assert_item_shows(client_for, "equipment-overdue", link)
    equipment_services.return_equipment(reservation=reservation, by=users["ngo_caretaker"])
    assert_item_empty(client_for("ngo_caretaker"), "equipment-overdue", link)


# --- volunteer caretaker -----------------------------------------------------------------------


def test_new_volunteers(client_for, users):
    profile = VolunteerProfile.objects.create(user=users["volunteer"])
    link = reverse("admin:volunteering_volunteerprofile_change", args=[profile.pk])
    assert_item_shows(client_for, "new-volunteers", link)
    VolunteerProfile.objects.filter(pk=profile.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=8)
    )
    assert_item_empty(client_for("volunteer_caretaker"), "new-volunteers", link)


def make_volunteer_offer(organization) -> Offer:
    return make_offer(organization, "Pomoc w świetlicy na Piasku")


@pytest.fixture
def offer(organization):
    return make_volunteer_offer(organization)


def test_pending_applications(client_for, users, offer):
    application = Application.objects.create(
        offer=offer, volunteer=users["volunteer"], message="Chętnie pomogę."
    )
    link = reverse("volunteering:application", args=[application.pk])
    assert_item_shows(client_for, "pending-applications", link)
    application_services.decline_application(
        application=application, by=users["volunteer_caretaker"], reason="Brak miejsc."
    )
    assert_item_empty(client_for("volunteer_caretaker"), "pending-applications", link)


def test_engagements_being_prepared_with_what_is_missing(client_for, users, offer):
    engagement = make_engagement(offer, users["volunteer"])
    link = reverse("volunteering:engagement", args=[engagement.pk])
    assert_item_shows(client_for, "engagements-preparing", link)
    html = item_html(panel_html(client_for("volunteer_caretaker")), "engagements-preparing")
    missing = [item.label for item in engagement_services.checklist(engagement) if item.blocker]
    assert missing
    for label in missing:
        assert escape(label) in html
    engagement_services.cancel_engagement(engagement=engagement, by=users["volunteer_caretaker"])
    assert_item_empty(client_for("volunteer_caretaker"), "engagements-preparing", link)


def make_hours(engagement, *, days_ago=1) -> HoursEntry:
    return HoursEntry.objects.create(
        engagement=engagement,
        date=timezone.localdate() - datetime.timedelta(days=days_ago),
        hours=Decimal("2.5"),
        description="Zajęcia z dziećmi",
    )


def test_hours_awaiting_approval(client_for, users, offer):
    entry = make_hours(make_engagement(offer, users["volunteer"]))
    action = reverse("reports:panel-hours-approve", args=[entry.pk])
    assert_item_shows(client_for, "hours-awaiting", action)
    hours_services.approve_hours(entry=entry, by=users["volunteer_caretaker"])
    assert_item_empty(client_for("volunteer_caretaker"), "hours-awaiting", action)


def test_upcoming_outreach_meetings(client_for, users):
    meeting = OutreachMeeting.objects.create(
        institution="Szkoła Podstawowa nr 1",
        institution_kind=OutreachMeeting.InstitutionKind.SCHOOL,
        held_on=timezone.localdate() + datetime.timedelta(days=2),
        audience="klasy 7–8",
        tracking_code="sp1-test",
    )
    link = reverse("volunteering:outreach_detail", args=[meeting.pk])
    assert_item_shows(client_for, "outreach-upcoming", link)
    OutreachMeeting.objects.filter(pk=meeting.pk).update(
        held_on=timezone.localdate() - datetime.timedelta(days=1)
    )
    assert_item_empty(client_for("volunteer_caretaker"), "outreach-upcoming", link)


# --- analyst and technical admin ---------------------------------------------------------------


def test_analyst_tools_link_to_dashboards_exports_and_surveys(client_for, organization):
    SupportRecord.objects.create(
        kind=SupportRecord.Kind.MAIL,
        date=timezone.localdate(),
        organization=organization,
        summary="Odbiór poczty",
    )
    html = item_html(panel_html(client_for("analyst")), "analysis-tools")
    assert f'href="{reverse("reports:projects")}"' in html
    assert f'href="{reverse("reports:exports")}"' in html
    assert 'href="/panel/ankiety/"' in html
    assert count_of(html, "analysis-tools") == 1


def test_analyst_sees_no_personal_details(client_for, users, consulting, organization):
    make_appointment(consulting, local(timezone.localdate(), 0, 30))
    MailItem.objects.create(organization=organization, sender="Urząd Skarbowy")
    VolunteerProfile.objects.create(user=users["volunteer"])
    html = panel_html(client_for("analyst"))
    for private in ("Jan Kowalski", "jan@example.org", "Urząd Skarbowy", "wolontariusz@"):
        assert private not in html


def test_technical_admin_gets_admin_tools(client_for):
    html = item_html(panel_html(client_for("technical_admin")), "admin-tools")
    assert f'href="{reverse("admin:index")}"' in html
    assert f'href="{reverse("admin:accounts_user_changelist")}"' in html
    assert f'href="{reverse("admin:core_auditlogentry_changelist")}"' in html


# --- query count -------------------------------------------------------------------------------


def make_everything(users, room, projector, offer, consulting, numbers: range):
    now = timezone.now()
    caretaker = users["ngo_caretaker"]
    for number in numbers:
        make_organization(f"Organizacja oczekująca {number}", status=Organization.Status.PENDING)
        make_booking(room, days=3 + number)
        make_reservation(
            projector,
            start=now - datetime.timedelta(hours=1),
            end=now + datetime.timedelta(minutes=10 + number),
        )
        # Back to back: one consultant's appointments never overlap (PostgreSQL enforces it).
        start = local(timezone.localdate(), 0) + datetime.timedelta(minutes=30 * number)
        make_appointment(consulting, start)
        cared = make_organization(f"Organizacja pod opieką {number}", caretaker=caretaker)
        CaretakerTask.objects.create(
            organization=cared, title="Zadanie", due_date=timezone.localdate()
        )
        MailItem.objects.create(organization=cared, sender=f"Nadawca {number}")
        volunteer = create_user(f"wolontariusz{number}@example.org")
        VolunteerProfile.objects.create(user=volunteer)
        engagement = make_engagement(offer, volunteer)
        make_hours(engagement)
        log_action(actor=caretaker, verb="test.panel.query", target=cared)


@pytest.mark.parametrize(
    "persona, most",
    [
        ("coordinator", 22),
        ("ngo_caretaker", 16),
        # Includes the volunteering checklist of each engagement shown (two queries a row).
        ("volunteer_caretaker", 26),
        ("analyst", 10),
        ("technical_admin", 6),
    ],
)
def test_query_count_is_pinned_and_does_not_grow(
    client_for, users, room, projector, offer, consulting, persona, most
):
    client = client_for(persona)
    # Enough of everything to fill each item's first rows, then much more.
    make_everything(users, room, projector, offer, consulting, range(6))
    with CaptureQueriesContext(connection) as few:
        panel_html(client)
    make_everything(users, room, projector, offer, consulting, range(6, 30))
    with CaptureQueriesContext(connection) as many:
        panel_html(client)
    assert len(many) == len(few)
    assert len(many) <= most
