"""The outreach log (/wolontariat/promocja/): access, tracking codes, the join link, results."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from pomyslowice.core.models import AuditLogEntry
from pomyslowice.events import demo as events_demo
from pomyslowice.events.models import Event
from pomyslowice.organizations import demo as organizations_demo
from pomyslowice.volunteering import demo_outreach
from pomyslowice.volunteering import outreach_services as services
from pomyslowice.volunteering.models import GroupAction, GroupMeeting, GroupMember, OutreachMeeting
from tests.conftest import PERSONAS, create_user
from tests.events.conftest import make_event
from tests.events.test_registration_concurrency import race

from .conftest import make_profile

LIST_URL = "/wolontariat/promocja/"
CREATE_URL = "/wolontariat/promocja/nowe/"
PROFILE_URL = "/wolontariat/profil/"
FAR_AHEAD = datetime.date.today() + datetime.timedelta(days=400)
KEEPERS = {"coordinator", "volunteer_caretaker"}
READERS = KEEPERS | {"analyst"}


def record(by, institution="Szkoła Podstawowa nr 5 w Mysłowicach", **fields) -> OutreachMeeting:
    fields.setdefault("institution_kind", OutreachMeeting.InstitutionKind.SCHOOL)
    fields.setdefault("held_on", datetime.date(2026, 3, 12))
    fields.setdefault("audience", "uczniowie klas 7–8")
    fields.setdefault("participants", 48)
    return services.create_outreach_meeting(by=by, institution=institution, **fields)


@pytest.fixture
def meeting(users):
    return record(users["volunteer_caretaker"], notes="Pani dyrektor prosi o drugi termin.")


def form_data(**changes) -> dict:
    data = {
        "institution": "I Liceum Ogólnokształcące im. Tadeusza Kościuszki w Mysłowicach",
        "institution_kind": "school",
        "held_on": "2026-10-05",
        "audience": "uczniowie klas 2 i 3",
        "participants": "60",
        "materials": "ulotki, prezentacja",
        "follow_up": "szkolny klub wolontariatu",
        "notes": "",
        "event": "",
    }
    return data | changes


# --- tracking codes --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "institution, abbreviation",
    [
        ("Szkoła Podstawowa nr 5 w Mysłowicach", "sp5"),
        ("Zespół Szkół Ponadpodstawowych nr 2 w Mysłowicach", "zsp2"),
        ("Zespół Szkół Ponadpodstawowych nr 2 (liceum ogólnokształcące)", "zsp2"),
        ("I Liceum Ogólnokształcące im. Tadeusza Kościuszki w Mysłowicach", "ilo"),
        ("Powiatowy Urząd Pracy w Mysłowicach", "pup"),
        ("Miejski Ośrodek Pomocy Społecznej w Mysłowicach", "mops"),
        ("Urząd Miasta Mysłowice", "um"),
        ("Caritas", "caritas"),
        ("Łąka", "laka"),
        ("!!!", "spotkanie"),
    ],
)
def test_institution_abbreviation(institution, abbreviation):
    assert services.institution_abbreviation(institution) == abbreviation


def test_tracking_code_is_readable_and_numbered_on_collision(users):
    by = users["volunteer_caretaker"]
    first = record(by)
    second = record(by, held_on=datetime.date(2026, 3, 20))
    third = record(by, held_on=datetime.date(2026, 3, 27))
    other_month = record(by, held_on=datetime.date(2026, 4, 2))
    assert [first.tracking_code, second.tracking_code, third.tracking_code] == [
        "sp5-2026-03",
        "sp5-2026-03-2",
        "sp5-2026-03-3",
    ]
    assert other_month.tracking_code == "sp5-2026-04"


def test_tracking_code_stays_when_the_meeting_is_corrected(meeting, users):
    services.update_outreach_meeting(
        meeting=meeting,
        by=users["coordinator"],
        institution="Powiatowy Urząd Pracy w Mysłowicach",
        held_on=datetime.date(2026, 5, 4),
    )
    meeting.refresh_from_db()
    assert meeting.tracking_code == "sp5-2026-03"
    assert meeting.institution == "Powiatowy Urząd Pracy w Mysłowicach"
    entry = AuditLogEntry.objects.filter(verb="volunteering.outreach_meeting.changed").get()
    assert entry.data == {"fields": ["held_on", "institution"]}


def test_creating_a_meeting_is_logged(meeting):
    entry = AuditLogEntry.objects.get(verb="volunteering.outreach_meeting.created")
    assert entry.target_id == str(meeting.pk)
    assert entry.data == {"tracking_code": "sp5-2026-03"}


# --- bad input -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "changes, field, code",
    [
        ({"participants": -3}, "participants", "negative"),
        ({"participants": 250_000}, "participants", "too_many"),
        ({"held_on": datetime.date(1926, 3, 12)}, "held_on", "unreasonable_date"),
        ({"held_on": FAR_AHEAD}, "held_on", "unreasonable_date"),
        ({"institution": "   "}, "institution", "required"),
        ({"audience": ""}, "audience", "required"),
    ],
)
def test_service_refuses_bad_input(users, changes, field, code):
    with pytest.raises(ValidationError) as caught:
        record(users["coordinator"], **changes)
    assert [error.code for error in caught.value.error_dict[field]] == [code]
    assert not OutreachMeeting.objects.exists()


def test_planned_meeting_within_a_year_is_accepted(users):
    planned = timezone.localdate() + datetime.timedelta(days=300)
    assert record(users["coordinator"], held_on=planned).held_on == planned


@pytest.mark.parametrize(
    "changes, message",
    [
        ({"participants": "-5"}, "The number of participants cannot be negative."),
        ({"held_on": "1899-09-01"}, "Check the year: dates before 2000 are not accepted."),
        ({"held_on": "2999-09-01"}, "Check the date: it can be at most a year ahead"),
        ({"held_on": "not a date"}, "Enter a valid date."),
        ({"event": "999999"}, "Select a valid choice."),
    ],
)
def test_form_shows_clear_errors_and_saves_nothing(client_for, changes, message):
    client = client_for("volunteer_caretaker")
    client.cookies["django_language"] = "en"
    response = client.post("/en" + CREATE_URL, form_data(**changes))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not OutreachMeeting.objects.exists()


def test_create_through_the_form_shows_the_join_link(client_for, users):
    event = make_event("Spotkanie integracyjne: prawne aspekty wolontariatu", slug="prawne-aspekty")
    response = client_for("volunteer_caretaker").post(
        CREATE_URL, form_data(event=str(event.pk)), follow=True
    )
    meeting = OutreachMeeting.objects.get()
    assert response.redirect_chain[-1][0] == f"/wolontariat/promocja/{meeting.pk}/"
    assert meeting.tracking_code == "ilo-2026-10"
    assert meeting.event == event
    assert meeting.created_by == users["volunteer_caretaker"]
    page = response.content.decode()
    assert "http://testserver/wolontariat/promocja/dolacz/ilo-2026-10/" in page
    assert event.get_absolute_url() in page


def test_event_list_offers_recent_public_events_only(client_for):
    recent = make_event("Konferencja wolontariatu")
    make_event("Stara konferencja", start=timezone.now() - datetime.timedelta(days=3 * 365))
    make_event("Szkic", slug="szkic", status=Event.Status.DRAFT)
    page = client_for("coordinator").get(CREATE_URL).content.decode()
    assert recent.title in page
    assert "Stara konferencja" not in page
    assert "Szkic" not in page


def test_edit_keeps_code_and_changes_fields(client_for, meeting):
    response = client_for("coordinator").post(
        f"/wolontariat/promocja/{meeting.pk}/edytuj/",
        form_data(institution="Szkoła Podstawowa nr 5 im. Jana Pawła II", participants="52"),
    )
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert (meeting.participants, meeting.tracking_code) == (52, "sp5-2026-03")


# --- access ----------------------------------------------------------------------------------


@pytest.mark.parametrize("persona", PERSONAS)
def test_list_and_detail_access(client_for, meeting, persona):
    client = client_for(persona)
    for url in (LIST_URL, f"/wolontariat/promocja/{meeting.pk}/"):
        response = client.get(url)
        if persona == "anonymous":
            assert response.status_code == 302
            assert response.url.startswith("/konto/")
        else:
            assert response.status_code == (200 if persona in READERS else 404), url


@pytest.mark.parametrize("persona", PERSONAS)
def test_only_keepers_create_and_edit(client_for, meeting, persona):
    client = client_for(persona)
    edit_url = f"/wolontariat/promocja/{meeting.pk}/edytuj/"
    expected = 302 if persona == "anonymous" else 200 if persona in KEEPERS else 404
    assert client.get(CREATE_URL).status_code == expected
    assert client.get(edit_url).status_code == expected
    if persona not in KEEPERS:
        client.post(CREATE_URL, form_data())
        client.post(edit_url, form_data(participants="1"))
        assert OutreachMeeting.objects.count() == 1
        meeting.refresh_from_db()
        assert meeting.participants == 48


def test_unknown_meeting_is_404_for_keepers(client_for):
    assert client_for("coordinator").get("/wolontariat/promocja/98765/").status_code == 404


def test_analyst_sees_counts_but_no_names_or_notes(client_for, users, meeting, child):
    make_profile(users["volunteer"], source_meeting=meeting)
    make_profile(child, source_meeting=meeting)
    analyst_page = client_for("analyst").get(f"/wolontariat/promocja/{meeting.pk}/")
    caretaker_page = client_for("volunteer_caretaker").get(f"/wolontariat/promocja/{meeting.pk}/")
    for response in (analyst_page, caretaker_page):
        assert response.context["meeting"].volunteer_count == 2
    analyst_text = analyst_page.content.decode()
    assert "Wiktor Wolny" not in analyst_text
    assert "Zosia Mała" not in analyst_text
    assert "drugi termin" not in analyst_text
    assert "/edytuj/" not in analyst_text
    caretaker_text = caretaker_page.content.decode()
    assert "Wiktor Wolny" in caretaker_text
    assert "Zosia Mała" in caretaker_text
    assert "drugi termin" in caretaker_text


# --- the join link ---------------------------------------------------------------------------


@pytest.mark.parametrize("persona", PERSONAS)
def test_join_link_remembers_the_meeting_for_anyone(client_for, meeting, persona):
    client = client_for(persona)
    response = client.get(f"/wolontariat/promocja/dolacz/{meeting.tracking_code}/")
    assert response.status_code == 302
    assert response.url == PROFILE_URL
    assert client.session[services.SOURCE_SESSION_KEY] == meeting.pk


def test_join_link_explains_and_ignores_letter_case(client, meeting):
    response = client.get("/wolontariat/promocja/dolacz/SP5-2026-03/")
    assert response.url == reverse("volunteering:profile")
    assert client.session[services.SOURCE_SESSION_KEY] == meeting.pk
    shown = [str(message) for message in response.wsgi_request._messages]
    assert len(shown) == 1
    assert meeting.institution in shown[0]


def test_unknown_code_is_404_and_remembers_nothing(client, meeting):
    response = client.get("/wolontariat/promocja/dolacz/sp5-1999-01/")
    assert response.status_code == 404
    assert services.SOURCE_SESSION_KEY not in client.session


def test_later_link_replaces_the_earlier_one(client, users, meeting):
    later = record(users["coordinator"], "Powiatowy Urząd Pracy w Mysłowicach")
    client.get(f"/wolontariat/promocja/dolacz/{meeting.tracking_code}/")
    client.get(f"/wolontariat/promocja/dolacz/{later.tracking_code}/")
    assert client.session[services.SOURCE_SESSION_KEY] == later.pk


# --- results and totals ----------------------------------------------------------------------


@pytest.fixture
def outreach_year(users):
    """Three meetings in 2025 and 2026 with volunteers who came through two of them."""
    by = users["volunteer_caretaker"]
    school = record(by, participants=50)
    labour_office = record(
        by,
        "Powiatowy Urząd Pracy w Mysłowicach",
        institution_kind=OutreachMeeting.InstitutionKind.LABOUR_OFFICE,
        participants=15,
    )
    old_school = record(by, "Szkoła Podstawowa nr 8", held_on=datetime.date(2025, 11, 3))
    for i in range(3):
        make_profile(create_user(f"uczen{i}@example.org"), source_meeting=school)
    make_profile(create_user("bezrobotny@example.org"), source_meeting=labour_office)
    make_profile(create_user("sam@example.org"))
    return {"school": school, "labour_office": labour_office, "old_school": old_school}


def test_totals_count_meetings_participants_and_volunteers(client_for, outreach_year):
    response = client_for("analyst").get(LIST_URL)
    assert response.context["totals"] == {"meetings": 3, "participants": 113, "volunteers": 4}
    assert [
        (row["meetings"], row["participants"], row["volunteers"])
        for row in response.context["by_kind"]
    ] == [
        (2, 98, 3),
        (1, 15, 1),
    ]
    counts = {meeting.pk: meeting.volunteer_count for meeting in response.context["page"]}
    assert counts == {
        outreach_year["school"].pk: 3,
        outreach_year["labour_office"].pk: 1,
        outreach_year["old_school"].pk: 0,
    }


@pytest.mark.parametrize(
    "query, meetings, volunteers",
    [
        ("?rodzaj=school", 2, 3),
        ("?rodzaj=pup", 1, 1),
        ("?rok=2025", 1, 0),
        ("?rok=2026&rodzaj=school", 1, 3),
        ("?rodzaj=mops", 0, 0),
    ],
)
def test_filters_narrow_the_list_and_its_totals(
    client_for, outreach_year, query, meetings, volunteers
):
    response = client_for("coordinator").get(LIST_URL + query)
    assert response.context["page"].paginator.count == meetings
    assert response.context["totals"]["meetings"] == meetings
    assert response.context["totals"]["volunteers"] == volunteers


def test_nonsense_filters_are_ignored_and_said_so(client_for, outreach_year):
    client = client_for("coordinator")
    client.cookies["django_language"] = "en"
    response = client.get("/en" + LIST_URL + "?rok=abc&rodzaj=zoo")
    assert response.status_code == 200
    assert response.context["totals"]["meetings"] == 3
    assert "These filters were ignored" in response.content.decode()


def test_list_query_count_does_not_grow(client_for, users, django_assert_max_num_queries):
    client = client_for("volunteer_caretaker")
    for day in range(1, 29):
        meeting = record(users["coordinator"], held_on=datetime.date(2026, 2, day))
        make_profile(create_user(f"osoba{day}@example.org"), source_meeting=meeting)
    make_event("Konferencja wolontariatu")
    OutreachMeeting.objects.update(event=Event.objects.get())
    with django_assert_max_num_queries(12):
        response = client.get(LIST_URL)
    assert response.context["totals"]["volunteers"] == 28


def test_detail_query_count_does_not_grow_with_volunteers(
    client_for, meeting, django_assert_max_num_queries
):
    for i in range(20):
        make_profile(create_user(f"wolontariusz{i}@example.org"), source_meeting=meeting)
    client = client_for("volunteer_caretaker")
    with django_assert_max_num_queries(8):
        response = client.get(f"/wolontariat/promocja/{meeting.pk}/")
    assert len(response.context["volunteers"]) == 20


# --- demo ------------------------------------------------------------------------------------


@pytest.mark.parametrize("with_events_demo", [True, False])
def test_demo_is_realistic_and_idempotent(db, with_events_demo):
    base = organizations_demo.seed()
    inputs = {"users": base["users"], "organizations": base["organizations"]}
    if with_events_demo:
        events_demo.seed(**inputs, areas=base["areas"], districts=base["districts"])
    make_profile(base["users"]["volunteer_minor"])
    first = demo_outreach.seed(**inputs)
    second = demo_outreach.seed(**inputs)
    assert first["counts"] == {
        "outreach meetings": 8,
        "volunteers through outreach": 1,
        "initiative group members": 8,
        "initiative group meetings": 3,
        "initiative group actions": 6,
    }
    assert second["meetings"] == first["meetings"]
    assert OutreachMeeting.objects.count() == 8
    kinds = set(OutreachMeeting.objects.values_list("institution_kind", flat=True))
    assert kinds == {"school", "pup", "mops", "um", "ngo"}
    integration = first["meetings"]["integracja"]
    assert integration.event == first["integration_event"]
    assert "prawne aspekty wolontariatu" in integration.event.title.lower()
    assert Event.objects.filter(title__icontains="prawne aspekty").count() == 1
    assert first["meetings"]["liceum"].tracking_code.startswith("zsp2-")
    assert first["meetings"]["liceum"].volunteers.get().user == base["users"]["volunteer_minor"]
    if with_events_demo:
        assert first["meetings"]["sp5-rodzice"].event.slug == "wolontariat-spotkanie-sp5"
    assert (GroupMember.objects.count(), GroupMeeting.objects.count()) == (8, 3)
    assert GroupAction.objects.count() == 6
    assert GroupMember.objects.filter(left_on__isnull=False).count() == 1
    overdue = GroupAction.objects.filter(status="open", due_on__lt=timezone.localdate())
    assert overdue.count() == 1


# --- concurrency -----------------------------------------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_meetings_recorded_at_once_get_distinct_codes():
    keeper = create_user("opiekun-wyscig@example.org")
    racers = 6

    def attempt(index: int) -> str:
        return record(keeper, audience=f"klasa {index}").tracking_code

    codes = race(attempt, racers)

    expected = ["sp5-2026-03"] + [f"sp5-2026-03-{n}" for n in range(2, racers + 1)]
    assert sorted(codes) == sorted(expected)
    assert OutreachMeeting.objects.count() == racers
