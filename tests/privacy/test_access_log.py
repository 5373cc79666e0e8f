"""The personal-data access log: staff pages record views, the coordinator reads the log."""

# The fixtures imported from other test packages are redefined as parameters by design.
# ruff: noqa: F811

import csv
import datetime
import io
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse
from django.utils import translation

from pomyslowice.centre.models import Appointment
from pomyslowice.core.audit import log_action
from pomyslowice.core.models import AuditLogEntry
from pomyslowice.events.models import Registration
from pomyslowice.privacy.access_log import VIEWED_VERB, action_label
from pomyslowice.volunteering.models import Application
from tests.centre.conftest import consultant, first_contact  # noqa: F401
from tests.conftest import PERSONAS
from tests.events.conftest import event  # noqa: F401
from tests.volunteering.conftest import offer, skills  # noqa: F401

WARSAW = ZoneInfo("Europe/Warsaw")


def views_logged():
    return AuditLogEntry.objects.filter(verb=VIEWED_VERB)


@pytest.fixture
def registration(event, users):
    return Registration.objects.create(
        event=event,
        name="Anna Gość",
        email="anna@example.org",
        status=Registration.Status.CONFIRMED,
    )


@pytest.fixture
def application(offer, users):
    return Application.objects.create(
        offer=offer, volunteer=users["volunteer"], message="Chętnie pomogę."
    )


@pytest.fixture
def appointment(users, first_contact, consultant):
    start = datetime.datetime(2026, 12, 7, 11, tzinfo=WARSAW)
    return Appointment.objects.create(
        service=first_contact,
        consultant=consultant,
        start=start,
        end=start + datetime.timedelta(minutes=30),
        user=users["resident"],
        name="Rezydentka",
        email=users["resident"].email,
        question="Jak założyć fundację?",
    )


# --- instrumented pages ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url, what",
    [
        (lambda o: reverse("events:attendees", args=[o["event"].slug]), "attendee_list"),
        (lambda o: reverse("events:attendees-csv", args=[o["event"].slug]), "attendee_csv"),
        (
            lambda o: reverse("centre:timeline-detail", args=[o["organization"].slug]),
            "caretaking_timeline",
        ),
        (
            lambda o: reverse("centre:consulting-appointment", args=[o["appointment"].pk]),
            "appointment",
        ),
        (lambda o: reverse("centre:consulting-appointments"), "list"),
        (lambda o: reverse("people:pending"), "list"),
        (
            lambda o: (
                reverse("reports:exports") + "?od=2026-01-01&do=2026-12-31&pobierz=support-csv"
            ),
            "export_csv",
        ),
        (
            lambda o: (
                reverse("reports:exports") + "?od=2026-01-01&do=2026-12-31&pobierz=indicators-xlsx"
            ),
            "export_xlsx",
        ),
    ],
)
def test_a_staff_page_view_writes_one_entry(
    client_for,
    users,
    event,
    organization,
    appointment,
    registration,
    url,
    what,
):
    objects = {"event": event, "organization": organization, "appointment": appointment}
    response = client_for("coordinator").get(url(objects))
    assert response.status_code == 200
    entry = views_logged().get()
    assert entry.actor == users["coordinator"]
    assert entry.data["what"] == what


def test_the_subject_of_an_appointment_is_its_client(client_for, users, appointment):
    client_for("coordinator").get(reverse("centre:consulting-appointment", args=[appointment.pk]))
    entry = views_logged().get()
    assert entry.data["subject_user"] == users["resident"].pk
    assert entry.target == appointment


def test_the_client_viewing_their_own_appointment_is_not_recorded(client_for, appointment):
    response = client_for("resident").get(
        reverse("centre:consulting-appointment", args=[appointment.pk])
    )
    assert response.status_code == 200
    assert not views_logged().exists()


def test_the_host_viewing_an_application_is_recorded_the_volunteer_is_not(
    client_for, users, application
):
    url = reverse("volunteering:application", args=[application.pk])
    assert client_for("volunteer").get(url).status_code == 200
    assert not views_logged().exists()

    assert client_for("representative").get(url).status_code == 200
    entry = views_logged().get()
    assert entry.actor == users["representative"]
    assert (entry.data["what"], entry.data["subject_user"]) == (
        "application",
        users["volunteer"].pk,
    )


def test_the_applications_list_and_the_volunteers_for_an_offer_are_recorded_once(
    client_for,
    offer,
    application,
):
    client = client_for("representative")
    assert (
        client.get(reverse("volunteering:offer_applications", args=[offer.slug])).status_code == 200
    )
    assert (
        client.get(reverse("volunteering:volunteers_for_offer", args=[offer.slug])).status_code
        == 200
    )
    assert sorted(views_logged().values_list("data__what", flat=True)) == [
        "list",
        "volunteer_profile",
    ]


def test_refused_personas_leave_no_entry(client_for, event):
    for persona in ("anonymous", "resident", "volunteer"):
        client_for(persona).get(reverse("events:attendees", args=[event.slug]))
    assert not views_logged().exists()


# --- the log page ------------------------------------------------------------------------------

LOG_URL = "/en/panel/rodo/dziennik/"


@pytest.mark.parametrize("persona", PERSONAS)
def test_only_the_coordinator_reads_the_log(client_for, persona):
    response = client_for(persona).get(LOG_URL)
    expected = {"coordinator": 200, "anonymous": 302}.get(persona, 403)
    assert response.status_code == expected
    assert client_for(persona).get(LOG_URL + "csv/").status_code == expected


@pytest.fixture
def log(users):
    """A view and a change on 3 March, a view of someone else on 10 March, and noise."""
    volunteer, resident = users["volunteer"], users["resident"]
    with time_machine.travel(datetime.datetime(2026, 3, 3, 10, tzinfo=WARSAW), tick=False):
        log_action(
            actor=users["coordinator"],
            verb=VIEWED_VERB,
            target=volunteer,
            data={"what": "volunteer_profile", "subject_user": volunteer.pk},
        )
        log_action(
            actor=users["volunteer_caretaker"],
            verb="volunteering.profile.updated",
            target=volunteer,
        )
    with time_machine.travel(datetime.datetime(2026, 3, 10, 10, tzinfo=WARSAW), tick=False):
        log_action(
            actor=users["ngo_caretaker"],
            verb=VIEWED_VERB,
            target=resident,
            data={"what": "user", "subject_user": resident.pk},
        )
        log_action(actor=users["coordinator"], verb="knowledge.article.published")
    return users


def rows(response) -> list[str]:
    html = response.content.decode()
    body = html.split("<tbody>", 1)[1].split("</tbody>", 1)[0]
    return body.split("<tr>")[1:]


def test_the_log_shows_views_and_changes_of_personal_data_only(client_for, log):
    response = client_for("coordinator").get(LOG_URL)
    assert response.status_code == 200
    found = rows(response)
    assert len(found) == 3
    assert "Viewed personal data" in found[0]
    assert "Volunteer profile" in found[1]
    assert "knowledge.article" not in response.content.decode()


@pytest.mark.parametrize(
    "query, expected",
    [
        ("kind=views", 2),
        ("kind=changes", 1),
        ("person=wolontariusz", 2),
        ("staff=koordynator", 1),
        ("since=2026-03-05", 1),
        ("since=2026-03-01&until=2026-03-03", 2),
    ],
)
def test_the_log_filters(client_for, log, query, expected):
    email = log["volunteer"].email.split("@")[0]
    staff = log["coordinator"].email.split("@")[0]
    query = query.replace("wolontariusz", email).replace("koordynator", staff)
    response = client_for("coordinator").get(f"{LOG_URL}?{query}")
    assert response.status_code == 200
    assert len(rows(response)) == expected


def test_a_reversed_date_range_is_a_400(client_for, log):
    response = client_for("coordinator").get(f"{LOG_URL}?since=2026-03-10&until=2026-03-01")
    assert response.status_code == 400
    assert "The start date is after the end date." in response.content.decode()


def test_the_log_is_paginated_with_a_fixed_number_of_queries(
    client_for, users, django_assert_max_num_queries
):
    for _ in range(120):
        log_action(
            actor=users["ngo_caretaker"],
            verb=VIEWED_VERB,
            target=users["resident"],
            data={"what": "user"},
        )
    client = client_for("coordinator")
    with django_assert_max_num_queries(10):
        first = client.get(LOG_URL)
    assert len(rows(first)) == 50
    assert len(rows(client.get(LOG_URL + "?page=3"))) == 20


def test_the_csv_download_is_filtered_and_logged(client_for, log):
    response = client_for("coordinator").get(LOG_URL + "csv/?kind=views")
    assert response.status_code == 200
    table = list(csv.reader(io.StringIO(response.content.decode())))
    assert len(table) == 1 + 2, table
    assert table[1][1] == log["ngo_caretaker"].email
    entry = AuditLogEntry.objects.filter(verb=VIEWED_VERB, data__what="access_log_csv").get()
    assert entry.actor == log["coordinator"]


@translation.override("en")
def test_an_unknown_verb_is_shown_as_it_is():
    assert action_label("volunteering.profile.updated") == "Volunteer profile"
    assert action_label("privacy.person.erased") == "Person's data erased"
    assert action_label("something.new") == "something.new"
