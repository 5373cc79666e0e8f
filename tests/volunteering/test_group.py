"""The initiative group (/wolontariat/grupa-inicjatywna/): members, meetings, actions."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from pomyslowice.core.models import AuditLogEntry
from pomyslowice.volunteering import group_services as services
from pomyslowice.volunteering.models import GroupAction, GroupMeeting, GroupMember
from tests.conftest import PERSONAS

GROUP_URL = "/wolontariat/grupa-inicjatywna/"
KEEPERS = {"coordinator", "volunteer_caretaker"}
TODAY = timezone.localdate
FAR_AHEAD = TODAY() + datetime.timedelta(days=400)


def days_ago(days: int) -> datetime.date:
    return TODAY() - datetime.timedelta(days=days)


@pytest.fixture
def keeper(users):
    return users["volunteer_caretaker"]


@pytest.fixture
def group(keeper, organization, users):
    """Three members (one has left), a meeting with two present, an open and an overdue action."""
    leader = services.add_member(
        by=keeper,
        name="Anna Lider",
        role=GroupMember.Role.LEADER,
        organization=organization,
        user=users["representative"],
        joined_on=days_ago(200),
    )
    secretary = services.add_member(
        by=keeper, name="Ewa Sekretarz", role=GroupMember.Role.SECRETARY, joined_on=days_ago(150)
    )
    former = services.add_member(
        by=keeper, name="Jan Odszedł", joined_on=days_ago(200), left_on=days_ago(30)
    )
    meeting = services.record_group_meeting(
        by=keeper,
        held_on=days_ago(60),
        place="CIS Mysłowice, sala szkoleniowa",
        agenda="1. Diagnoza\n2. Plan działań",
        minutes="<p>Ustalono <strong>harmonogram</strong>.</p><script>alert(1)</script>",
        attendees=[leader, former],
    )
    overdue = services.add_action(
        by=keeper, title="Ankieta w szkołach", owner=secretary, meeting=meeting, due_on=days_ago(5)
    )
    upcoming = services.add_action(
        by=keeper, title="Rozmowa z MOPS", owner=leader, due_on=TODAY() + datetime.timedelta(days=9)
    )
    return {
        "leader": leader,
        "secretary": secretary,
        "former": former,
        "meeting": meeting,
        "overdue": overdue,
        "upcoming": upcoming,
    }


# --- access ----------------------------------------------------------------------------------


def group_urls(group) -> list[str]:
    return [
        GROUP_URL,
        f"{GROUP_URL}spotkania/{group['meeting'].pk}/",
        f"{GROUP_URL}czlonkowie/nowy/",
        f"{GROUP_URL}czlonkowie/{group['leader'].pk}/edytuj/",
        f"{GROUP_URL}spotkania/nowe/",
        f"{GROUP_URL}spotkania/{group['meeting'].pk}/edytuj/",
        f"{GROUP_URL}zadania/nowe/",
        f"{GROUP_URL}zadania/{group['overdue'].pk}/edytuj/",
    ]


@pytest.mark.parametrize("persona", PERSONAS)
def test_every_page_is_for_the_groups_keepers_only(client_for, group, persona):
    client = client_for(persona)
    for url in group_urls(group):
        response = client.get(url)
        if persona == "anonymous":
            assert response.status_code == 302, url
            assert response.url.startswith("/konto/")
        else:
            assert response.status_code == (200 if persona in KEEPERS else 404), url


@pytest.mark.parametrize("persona", sorted(set(PERSONAS) - KEEPERS))
def test_others_cannot_change_anything(client_for, group, persona):
    client = client_for(persona)
    before = AuditLogEntry.objects.count()
    client.post(f"{GROUP_URL}czlonkowie/nowy/", {"name": "Intruz", "joined_on": "2026-01-01"})
    client.post(
        f"{GROUP_URL}zadania/{group['overdue'].pk}/edytuj/",
        {"title": "Zmienione", "status": "done"},
    )
    assert AuditLogEntry.objects.count() == before
    assert not GroupMember.objects.filter(name="Intruz").exists()
    group["overdue"].refresh_from_db()
    assert group["overdue"].title == "Ankieta w szkołach"


def test_forged_ids_are_404(client_for):
    client = client_for("coordinator")
    for url in ("spotkania/4242/", "czlonkowie/4242/edytuj/", "zadania/4242/edytuj/"):
        assert client.get(GROUP_URL + url).status_code == 404


# --- overview and meeting pages --------------------------------------------------------------


def test_overview_shows_members_meetings_and_overdue_in_words(client_for, group):
    client = client_for("coordinator")
    client.cookies["django_language"] = "en"
    response = client.get("/en" + GROUP_URL)
    assert list(response.context["members"]) == [group["leader"], group["secretary"]]
    assert list(response.context["former_members"]) == [group["former"]]
    open_actions = response.context["open_actions"]
    assert [action.title for action in open_actions] == ["Ankieta w szkołach", "Rozmowa z MOPS"]
    assert [action.is_overdue for action in open_actions] == [True, False]
    page = response.content.decode()
    assert page.count("(overdue)") == 1
    assert "Stowarzyszenie Przyjaciół Piasku" in page
    meeting = response.context["meetings"].get()
    assert (meeting.attendee_count, meeting.action_count) == (2, 1)


def test_done_and_dropped_actions_are_not_overdue(client_for, group, keeper):
    services.update_action(action=group["overdue"], by=keeper, status=GroupAction.Status.DONE)
    response = client_for("coordinator").get(GROUP_URL)
    assert [a.title for a in response.context["open_actions"]] == ["Rozmowa z MOPS"]
    assert [a.title for a in response.context["closed_actions"]] == ["Ankieta w szkołach"]


def test_meeting_page_shows_cleaned_minutes_and_its_actions(client_for, group):
    response = client_for("volunteer_caretaker").get(f"{GROUP_URL}spotkania/{group['meeting'].pk}/")
    page = response.content.decode()
    assert "<p>Ustalono <strong>harmonogram</strong>.</p>" in page
    assert "alert(1)" not in page
    assert "Anna Lider" in page and "Jan Odszedł" in page
    assert [action.title for action in response.context["actions"]] == ["Ankieta w szkołach"]
    assert f"zadania/nowe/?spotkanie={group['meeting'].pk}" in page


def test_minutes_are_cleaned_when_stored(group):
    assert "script" not in GroupMeeting.objects.get().minutes


def test_action_form_from_a_meeting_page_fills_in_the_meeting(client_for, group):
    client = client_for("coordinator")
    response = client.get(f"{GROUP_URL}zadania/nowe/?spotkanie={group['meeting'].pk}")
    assert response.context["form"].initial == {"meeting": group["meeting"].pk}
    assert client.get(f"{GROUP_URL}zadania/nowe/?spotkanie=x").context["form"].initial == {}


def test_overview_query_count_does_not_grow(
    client_for, keeper, group, django_assert_max_num_queries
):
    for i in range(15):
        member = services.add_member(by=keeper, name=f"Członek {i:02d}", joined_on=days_ago(100))
        meeting = services.record_group_meeting(
            by=keeper, held_on=days_ago(90 - i), attendees=[member]
        )
        services.add_action(
            by=keeper, title=f"Zadanie {i}", owner=member, meeting=meeting, due_on=days_ago(i)
        )
    client = client_for("coordinator")
    with django_assert_max_num_queries(10):
        response = client.get(GROUP_URL)
    assert len(response.context["open_actions"]) == 17


def test_meeting_page_query_count(client_for, keeper, group, django_assert_max_num_queries):
    for i in range(10):
        member = services.add_member(by=keeper, name=f"Osoba {i}", joined_on=days_ago(100))
        group["meeting"].attendees.add(member)
        services.add_action(by=keeper, title=f"Zadanie {i}", owner=member, meeting=group["meeting"])
    client = client_for("coordinator")
    with django_assert_max_num_queries(9):
        client.get(f"{GROUP_URL}spotkania/{group['meeting'].pk}/")


# --- writing through the forms ---------------------------------------------------------------


def test_add_member_with_an_account(client_for, users, organization):
    response = client_for("volunteer_caretaker").post(
        f"{GROUP_URL}czlonkowie/nowy/",
        {
            "name": "Wiktor Wolny",
            "role": "member",
            "organization": str(organization.pk),
            "email": "",
            "joined_on": "2026-02-01",
            "left_on": "",
            "account_email": "WOLONTARIUSZ@example.org",
        },
    )
    assert response.status_code == 302
    member = GroupMember.objects.get()
    assert member.user == users["volunteer"]
    assert member.email == "wolontariusz@example.org"
    assert member.organization == organization
    assert AuditLogEntry.objects.filter(verb="volunteering.group_member.added").count() == 1


def test_meeting_through_the_form(client_for, group):
    response = client_for("coordinator").post(
        f"{GROUP_URL}spotkania/nowe/",
        {
            "held_on": days_ago(1).isoformat(),
            "place": "Urząd Miasta, sala sesyjna",
            "agenda": "Statut centrum",
            "minutes": "<p>Przyjęto projekt <em>statutu</em>.</p>",
            "attendees": [str(group["leader"].pk), str(group["secretary"].pk)],
        },
    )
    meeting = GroupMeeting.objects.get(place="Urząd Miasta, sala sesyjna")
    assert response.url == f"{GROUP_URL}spotkania/{meeting.pk}/"
    assert set(meeting.attendees.all()) == {group["leader"], group["secretary"]}


def test_edit_action_status_is_logged(client_for, group):
    action = group["upcoming"]
    client_for("coordinator").post(
        f"{GROUP_URL}zadania/{action.pk}/edytuj/",
        {
            "title": action.title,
            "owner": str(action.owner_id),
            "meeting": "",
            "due_on": action.due_on.isoformat(),
            "status": "dropped",
            "notes": "MOPS sam się zgłosił.",
        },
    )
    action.refresh_from_db()
    assert action.status == GroupAction.Status.DROPPED
    entry = AuditLogEntry.objects.filter(verb="volunteering.group_action.changed").get()
    assert entry.data == {"fields": ["notes", "status"], "status": "dropped"}


# --- bad input -------------------------------------------------------------------------------


def post_en(client, url, data):
    client.cookies["django_language"] = "en"
    return client.post("/en" + url, data)


@pytest.mark.parametrize(
    "data, message",
    [
        (
            {"joined_on": "2026-03-01", "left_on": "2026-02-01"},
            "A member cannot leave (",
        ),
        ({"joined_on": "1850-03-01"}, "Check the year: dates before 2000 are not accepted."),
        ({"joined_on": FAR_AHEAD.isoformat()}, "Check the date: it can be at most a year ahead"),
        ({"account_email": "nikt@example.org"}, "No active account uses this e-mail address."),
        ({"name": "  "}, "This field is required."),
    ],
)
def test_member_form_errors(client_for, data, message):
    fields = {"name": "Maria Nowa", "role": "member", "joined_on": "2026-01-10"} | data
    response = post_en(client_for("coordinator"), f"{GROUP_URL}czlonkowie/nowy/", fields)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not GroupMember.objects.exists()


def test_attendees_must_be_members_on_the_day(client_for, group):
    response = post_en(
        client_for("coordinator"),
        f"{GROUP_URL}spotkania/nowe/",
        {"held_on": days_ago(10).isoformat(), "attendees": [str(group["former"].pk)]},
    )
    assert response.status_code == 200
    assert "Not members of the group on" in response.content.decode()
    assert "Jan Odszedł" in response.context["form"].errors["attendees"][0]
    assert GroupMeeting.objects.count() == 1


@pytest.mark.parametrize(
    "changes, field, code",
    [
        ({"owner": "former"}, "owner", "owner_left"),
        ({"due_on": days_ago(90), "meeting": "meeting"}, "due_on", "due_before_meeting"),
        ({"due_on": datetime.date(1999, 12, 31)}, "due_on", "unreasonable_date"),
        ({"title": ""}, "title", "required"),
    ],
)
def test_action_service_refuses_bad_input(keeper, group, changes, field, code):
    values = {"title": "Nowe zadanie"} | {
        name: group[value] if value in ("former", "meeting") else value
        for name, value in changes.items()
    }
    with pytest.raises(ValidationError) as caught:
        services.add_action(by=keeper, **values)
    assert [error.code for error in caught.value.error_dict[field]] == [code]
    assert GroupAction.objects.count() == 2


def test_action_of_a_member_who_left_can_be_closed_but_not_kept_open(keeper, group):
    action = services.add_action(by=keeper, title="Strona WWW", owner=group["secretary"])
    group["secretary"].actions.exclude(pk=action.pk).update(status=GroupAction.Status.DONE)
    with pytest.raises(ValidationError) as caught:
        services.update_member(member=group["secretary"], by=keeper, left_on=TODAY())
    assert caught.value.error_dict["left_on"][0].code == "owns_open_actions"
    services.update_action(action=action, by=keeper, status=GroupAction.Status.DONE)
    services.update_member(member=group["secretary"], by=keeper, left_on=TODAY())
    group["secretary"].refresh_from_db()
    assert group["secretary"].left_on == TODAY()


def test_owner_who_left_shows_on_the_form(client_for, group):
    response = post_en(
        client_for("coordinator"),
        f"{GROUP_URL}zadania/nowe/",
        {"title": "Plakat", "owner": str(group["former"].pk), "status": "open"},
    )
    assert response.status_code == 200
    assert "Jan Odszedł left the group on" in response.content.decode()
    assert GroupAction.objects.count() == 2
