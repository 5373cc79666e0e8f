"""The centre's services as an Open Referral HSDS-style document at /dane/hsds.json."""

import datetime
import io
import json

import pytest
from django.core.management import call_command
from django.utils import timezone

from pomyslowice.api.hsds import build_hsds
from pomyslowice.centre.models import AvailabilityRule, Equipment, Room, Weekday
from tests.centre.conftest import consultant, first_contact, legal_advice, room  # noqa: F401

SERVICE_KEYS = {"id", "organization_id", "name", "description", "url", "status", "schedules"}
SCHEDULE_KEYS = {"id", "freq", "byday", "opens_at", "closes_at"}


@pytest.fixture
def centre(db, room, first_contact, legal_advice, consultant):  # noqa: F811
    Room.objects.create(name="Sala nieczynna", slug="sala-nieczynna", capacity=8, is_active=False)
    Equipment.objects.create(name="Nagłośnienie", slug="naglosnienie", quantity=1)
    AvailabilityRule.objects.create(
        consultant=consultant,
        weekday=Weekday.THURSDAY,
        starts_at=datetime.time(9),
        ends_at=datetime.time(12),
        valid_until=timezone.localdate() - datetime.timedelta(days=1),
    )
    return {"room": room, "first_contact": first_contact, "consultant": consultant}


def get_hsds(client) -> dict:
    response = client.get("/dane/hsds.json")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"
    return json.loads(response.content)


def services_by_name(document) -> dict:
    return {service["name"]: service for service in document["services"]}


def test_document_has_organisation_services_and_location(centre, client, settings):
    document = get_hsds(client)

    assert document["hsds_version"] == "3.0"
    organization = document["organization"]
    assert organization["name"] == settings.CENTRE_NAME
    assert all(set(service) >= SERVICE_KEYS for service in document["services"])
    assert {s["organization_id"] for s in document["services"]} == {organization["id"]}
    assert all(service["status"] == "active" for service in document["services"])
    [location] = document["locations"]
    [address] = location["addresses"]
    assert location["location_type"] == "physical"
    assert address == {
        "id": address["id"],
        "location_id": location["id"],
        "address_1": "ul. Grunwaldzka 12",
        "city": "Mysłowice",
        "state_province": None,
        "postal_code": "41-400",
        "country": "PL",
        "address_type": "physical",
    }
    location_ids = {
        sal["location_id"] for s in document["services"] for sal in s["service_at_locations"]
    }
    assert location_ids == {location["id"]}


def test_every_kind_of_centre_service_is_listed(centre, client):
    names = set(services_by_name(get_hsds(client)))

    assert {"Porada pierwszego kontaktu", "Doradztwo prawne"} <= names
    assert len(names) == 2 + 5  # consulting kinds + trainings, mail, volunteering, rooms, equipment


def test_rooms_are_service_at_locations_with_weekly_opening_hours(centre, client):
    document = get_hsds(client)
    hired = centre["room"]

    [room_hire] = [s for s in document["services"] if s["url"].endswith("/osrodek/sale/")]
    [sal] = room_hire["service_at_locations"]
    assert hired.name in sal["description"]
    assert sal["service_id"] == room_hire["id"]
    assert [schedule["byday"] for schedule in sal["schedules"]] == [
        "MO",
        "TU",
        "WE",
        "TH",
        "FR",
        "SA",
    ]
    for schedule in sal["schedules"]:
        assert set(schedule) >= SCHEDULE_KEYS
        assert schedule["freq"] == "WEEKLY"
        assert (schedule["opens_at"], schedule["closes_at"]) == ("08:00", "20:00")
        assert schedule["service_at_location_id"] == sal["id"]
    assert "Sala nieczynna" not in json.dumps(document, ensure_ascii=False)


def test_consulting_schedules_come_from_current_weekly_availability(centre, client):
    service = services_by_name(get_hsds(client))["Porada pierwszego kontaktu"]

    assert [(s["byday"], s["opens_at"], s["closes_at"]) for s in service["schedules"]] == [
        ("MO", "11:00", "17:00")
    ]
    assert service["schedules"][0]["service_id"] == service["id"]


def test_consultants_personal_data_is_not_published(centre, client):
    text = json.dumps(get_hsds(client), ensure_ascii=False)

    assert "Dorota" not in text
    assert "doradca@example.org" not in text


def test_identifiers_are_stable_between_generations(centre):
    first, second = build_hsds(), build_hsds()

    assert first["services"] == second["services"]
    assert first["locations"] == second["locations"]


def test_hsds_query_count_does_not_grow_with_rooms(centre, client, django_assert_max_num_queries):
    for i in range(10):
        Room.objects.create(name=f"Sala {i}", slug=f"sala-{i}", capacity=10)

    with django_assert_max_num_queries(6):
        get_hsds(client)


def test_the_export_writes_hsds_and_lists_it_in_the_catalogue(centre, settings, tmp_path):
    settings.VAR_DIR = tmp_path
    call_command("export_open_data", stdout=io.StringIO())

    directory = tmp_path / "opendata"
    document = json.loads((directory / "hsds.json").read_text(encoding="utf-8"))
    catalog = json.loads((directory / "catalog.json").read_text(encoding="utf-8"))
    [entry] = [entry for entry in catalog["datasets"] if entry["name"] == "hsds"]
    assert entry["rows"] == len(document["services"]) == 7
    assert entry["distributions"][0]["download_url"].endswith("/dane/hsds.json")
