import datetime

import pytest
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from pomyslowice.centre import caretaking_services
from pomyslowice.centre.models import CaretakerContact, CaretakerTask
from pomyslowice.organizations.models import SupportRecord
from tests.conftest import PERSONAS, make_organization

TODAY = timezone.localdate
TIMELINE_READERS = {"coordinator", "analyst", "ngo_caretaker", "volunteer_caretaker"}
WORKERS = {"coordinator", "ngo_caretaker"}
NOTE = "Prezes prosi o pomoc z budżetem – POUFNE"


def _timeline(organization):
    return f"/en/osrodek/opieka/{organization.slug}/"


def _expected(persona, allowed):
    if persona == "anonymous":
        return 302
    return 200 if persona in allowed else 403


@pytest.mark.parametrize("persona", PERSONAS)
def test_timeline_access(client_for, cared_organization, persona):
    response = client_for(persona).get(_timeline(cared_organization))
    assert response.status_code == _expected(persona, TIMELINE_READERS)


@pytest.mark.parametrize("persona", PERSONAS)
def test_overview_access(client_for, cared_organization, persona):
    response = client_for(persona).get("/en/osrodek/opieka/")
    assert response.status_code == _expected(persona, TIMELINE_READERS)


@pytest.mark.parametrize(
    "path",
    ["kontakt/", "zadania/dodaj/"],
)
@pytest.mark.parametrize("persona", PERSONAS)
def test_work_forms_access(client_for, cared_organization, persona, path):
    response = client_for(persona).get(_timeline(cared_organization) + path)
    assert response.status_code == _expected(persona, WORKERS)


@pytest.mark.parametrize("persona", PERSONAS)
def test_contact_edit_access(client_for, contact, persona):
    url = f"{_timeline(contact.organization)}kontakt/{contact.pk}/"
    assert client_for(persona).get(url).status_code == _expected(persona, WORKERS)


@pytest.mark.parametrize("persona", sorted(set(PERSONAS) - WORKERS))
def test_others_cannot_delete_or_close(client_for, contact, users, persona):
    task = caretaking_services.add_task(
        organization=contact.organization, by=users["ngo_caretaker"], title="T", due_date=TODAY()
    )
    client = client_for(persona)
    client.post(f"{_timeline(contact.organization)}kontakt/{contact.pk}/usun/")
    client.post(f"{_timeline(contact.organization)}zadania/{task.pk}/wykonane/")
    assert CaretakerContact.objects.filter(pk=contact.pk).exists()
    assert CaretakerTask.objects.open().filter(pk=task.pk).exists()


def test_forged_contact_of_another_organisation_is_404(client_for, contact, other_organization):
    url = f"{_timeline(other_organization)}kontakt/{contact.pk}/"
    assert client_for("ngo_caretaker").get(url).status_code == 404
    response = client_for("ngo_caretaker").post(url + "usun/")
    assert response.status_code == 404
    assert CaretakerContact.objects.filter(pk=contact.pk).exists()


def _one_of_each_kind(organization):
    for number, (kind, _label) in enumerate(SupportRecord.Kind.choices):
        SupportRecord.objects.create(
            kind=kind,
            date=TODAY() - datetime.timedelta(days=number + 1),
            organization=organization,
            summary=f"Wpis rodzaju {kind}",
        )


def test_timeline_lists_each_kind(client_for, cared_organization, contact):
    _one_of_each_kind(cared_organization)
    content = client_for("coordinator").get(_timeline(cared_organization)).content.decode()
    for kind, label in SupportRecord.Kind.choices:
        assert f"Wpis rodzaju {kind}" in content
        assert str(label).capitalize() in content
    # newest first
    assert content.index("Wpis rodzaju training") < content.index("Wpis rodzaju volunteering")


def test_timeline_shows_only_its_organisation(client_for, cared_organization, other_organization):
    SupportRecord.objects.create(
        kind="room", date=TODAY(), organization=other_organization, summary="Cudza sala"
    )
    content = client_for("coordinator").get(_timeline(cared_organization)).content.decode()
    assert "Cudza sala" not in content


def test_timeline_filters_by_kind_and_dates(client_for, cared_organization):
    _one_of_each_kind(cared_organization)
    client = client_for("ngo_caretaker")
    content = client.get(_timeline(cared_organization), {"rodzaj": "mail"}).content.decode()
    assert "Wpis rodzaju mail" in content
    assert "Wpis rodzaju room" not in content
    day = TODAY() - datetime.timedelta(days=3)
    content = client.get(
        _timeline(cared_organization), {"od": day.isoformat(), "do": day.isoformat()}
    ).content.decode()
    entries = [
        kind for kind, _label in SupportRecord.Kind.choices if f"Wpis rodzaju {kind}" in content
    ]
    assert entries == [SupportRecord.Kind.choices[2][0]]


def test_nonsense_filter_is_ignored_not_500(client_for, cared_organization):
    response = client_for("coordinator").get(
        _timeline(cared_organization), {"rodzaj": "bzdura", "od": "wczoraj"}
    )
    assert response.status_code == 200
    assert b"ignored" in response.content


@pytest.mark.parametrize(
    "persona, sees_notes",
    [
        ("coordinator", True),
        ("ngo_caretaker", True),
        ("analyst", False),
        ("volunteer_caretaker", False),
    ],
)
def test_notes_only_for_those_allowed(client_for, contact, persona, sees_notes):
    content = client_for(persona).get(_timeline(contact.organization)).content.decode()
    assert contact.topic in content
    assert "Phone call" in content
    assert (NOTE in content) is sees_notes


def test_header_shows_caretaker_tasks_and_counts(client_for, contact, users):
    caretaking_services.add_task(
        organization=contact.organization,
        by=users["coordinator"],
        title="Oddzwonić do prezesa",
        due_date=TODAY() - datetime.timedelta(days=1),
    )
    content = client_for("coordinator").get(_timeline(contact.organization)).content.decode()
    assert "Oddzwonić do prezesa" in content
    assert "overdue" in content
    assert str(users["ngo_caretaker"]) in content


def test_timeline_query_count_is_flat(
    client_for, cared_organization, users, django_assert_max_num_queries
):
    client = client_for("coordinator")

    def add(count):
        for i in range(count):
            caretaking_services.record_contact(
                organization=cared_organization,
                by=users["ngo_caretaker"],
                date=TODAY(),
                channel="meeting",
                topic=f"Spotkanie {i}",
            )
            SupportRecord.objects.create(
                kind="room", date=TODAY(), organization=cared_organization, summary=f"Sala {i}"
            )
            CaretakerTask.objects.create(
                organization=cared_organization, title=f"Z {i}", due_date=TODAY()
            )

    add(2)
    client.get(_timeline(cared_organization))  # warm the content-type cache and session
    with django_assert_max_num_queries(14) as few:
        client.get(_timeline(cared_organization))
    add(30)
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get(_timeline(cared_organization)).status_code == 200


def test_overview_lists_my_organisations(client_for, contact, users, other_organization):
    caretaking_services.add_task(
        organization=contact.organization,
        by=users["ngo_caretaker"],
        title="Zaległe",
        due_date=TODAY() - datetime.timedelta(days=5),
    )
    response = client_for("ngo_caretaker").get("/en/osrodek/opieka/")
    mine = list(response.context["mine"])
    assert mine == [contact.organization]
    assert (mine[0].last_contact, mine[0].open_tasks, mine[0].overdue_tasks) == (contact.date, 1, 1)
    assert "Zaległe" in response.content.decode()
    search = client_for("ngo_caretaker").get("/en/osrodek/opieka/", {"q": "Ławki"})
    assert list(search.context["page"].object_list) == [other_organization]


def test_overview_query_count_is_flat(client_for, users, django_assert_max_num_queries):
    client = client_for("ngo_caretaker")
    made = []

    def add(count):
        for _i in range(count):
            made.append(
                make_organization(
                    f"Organizacja pod opieką {len(made)}", caretaker=users["ngo_caretaker"]
                )
            )
            CaretakerTask.objects.create(organization=made[-1], title="Z", due_date=TODAY())

    add(2)
    client.get("/en/osrodek/opieka/")
    with django_assert_max_num_queries(12) as few:
        client.get("/en/osrodek/opieka/")
    add(25)
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get("/en/osrodek/opieka/").status_code == 200


def test_record_contact_through_the_form(client_for, cared_organization):
    response = client_for("ngo_caretaker").post(
        _timeline(cared_organization) + "kontakt/",
        {
            "date": TODAY().isoformat(),
            "channel": "phone",
            "duration_minutes": "15",
            "topic": "Sprawozdanie roczne",
            "person_name": "Jan Kowalski",
            "notes": "",
        },
    )
    assert response.status_code == 302
    contact = CaretakerContact.objects.get()
    assert SupportRecord.objects.get(source_id=str(contact.pk)).source_type == (
        ContentType.objects.get_for_model(CaretakerContact)
    )


@pytest.mark.parametrize(
    "changes, field",
    [
        ({"date": "tomorrow"}, "date"),
        ({"topic": ""}, "topic"),
        ({"channel": "gołąb"}, "channel"),
        ({"duration_minutes": "-5"}, "duration_minutes"),
    ],
)
def test_bad_contact_form_input(client_for, cared_organization, changes, field):
    tomorrow = (TODAY() + datetime.timedelta(days=1)).isoformat()
    data = {"date": TODAY().isoformat(), "channel": "phone", "topic": "Temat", **changes}
    data = {key: tomorrow if value == "tomorrow" else value for key, value in data.items()}
    response = client_for("ngo_caretaker").post(_timeline(cared_organization) + "kontakt/", data)
    assert response.status_code == 400
    assert response.context["form"].errors[field]
    assert not CaretakerContact.objects.exists()
    assert not SupportRecord.objects.exists()


def test_task_form_without_due_date(client_for, cared_organization):
    response = client_for("ngo_caretaker").post(
        _timeline(cared_organization) + "zadania/dodaj/", {"title": "Zadanie", "due_date": ""}
    )
    assert response.status_code == 400
    assert response.context["form"].errors["due_date"]
    assert not CaretakerTask.objects.exists()


def test_task_form_flow(client_for, cared_organization, users):
    client = client_for("coordinator")
    response = client.post(
        _timeline(cared_organization) + "zadania/dodaj/",
        {"title": "Umówić wizytę", "due_date": TODAY().isoformat()},
    )
    assert response.status_code == 302
    task = CaretakerTask.objects.get()
    assert task.assigned_to == users["ngo_caretaker"]
    client.post(f"{_timeline(cared_organization)}zadania/{task.pk}/wykonane/")
    task.refresh_from_db()
    assert task.done_at is not None
    client.post(f"{_timeline(cared_organization)}zadania/{task.pk}/otworz/")
    task.refresh_from_db()
    assert task.done_at is None


def test_state_changes_are_post_only(client_for, contact):
    url = f"{_timeline(contact.organization)}kontakt/{contact.pk}/usun/"
    assert client_for("coordinator").get(url).status_code == 405
