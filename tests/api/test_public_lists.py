"""Reference lists, stable ids, room filters and the OpenAPI documentation of every operation."""

import pytest

from pomyslowice.core.models import AreaOfBenefit, District

OPENAPI = "/api/v1/openapi.json"


def test_areas_list_every_area_in_force_with_ids(client, area):
    AreaOfBenefit.objects.create(code="99z", name="Uchylony", slug="uchylony", is_active=False)

    body = client.get("/api/v1/areas").json()

    assert body["count"] == AreaOfBenefit.objects.filter(is_active=True).count()
    assert {"id": area.pk, "code": area.code, "name": area.name, "slug": area.slug} in body["items"]
    assert "uchylony" not in {item["slug"] for item in body["items"]}


def test_districts_list(client, district):
    body = client.get("/api/v1/districts").json()

    assert body["count"] == District.objects.count()
    assert {"id": district.pk, "slug": district.slug, "name": district.name} in body["items"]


def test_organizations_carry_their_id(client, organization):
    item = client.get("/api/v1/organizations").json()["items"][0]
    assert (item["id"], item["slug"]) == (organization.pk, organization.slug)


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/organizations?public_benefit=perhaps",
        "/api/v1/events?start=2026-13-45",
        "/api/v1/events?category=concert",
        "/api/v1/grant-calls?state=sleeping",
        "/api/v1/articles?kind=poem",
        "/api/v1/opportunities?age=1000",
        "/api/v1/rooms?people=0",
        "/api/v1/rooms?layout=circus",
        "/api/v1/people?limit=101",
        "/api/v1/organizations?offset=99999999999999999999999",
    ],
)
def test_bad_filter_values_are_a_translated_400(client, db, path):
    english = client.get(path)
    polish = client.get(path, HTTP_ACCEPT_LANGUAGE="pl")

    assert english.status_code == 400
    assert english.json()["detail"].startswith("Invalid request:")
    assert english.json()["errors"]
    assert polish.status_code == 400


@pytest.fixture
def rooms(db):
    from pomyslowice.centre.models import Room

    def room(name, capacity, step_free, layouts):
        return Room.objects.create(
            name=name,
            slug=name.lower(),
            capacity=capacity,
            step_free_access=step_free,
            layouts=layouts,
        )

    return [room("Duza", 40, True, ["theatre"]), room("Mala", 8, False, ["boardroom"])]


def room_slugs(client, query: str) -> list[str]:
    return [item["slug"] for item in client.get(f"/api/v1/rooms?{query}").json()["items"]]


def test_room_filters(client, rooms):
    assert room_slugs(client, "people=20") == ["duza"]
    assert room_slugs(client, "step_free=false") == ["mala"]
    assert room_slugs(client, "layout=boardroom") == ["mala"]
    assert sorted(room_slugs(client, "")) == ["duza", "mala"]


def test_every_operation_and_field_is_documented(client, db):
    schema = client.get(OPENAPI).json()

    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            label = f"{method.upper()} {path}"
            assert operation.get("summary") and operation.get("description"), label
            assert operation.get("tags") and operation.get("operationId"), label
            assert "401" in operation["responses"], label
            query = [p for p in operation.get("parameters", []) if p["in"] == "query"]
            if query:
                assert "400" in operation["responses"], label
            for parameter in query:
                assert parameter.get("description"), f"{label} {parameter['name']}"
    for name, component in schema["components"]["schemas"].items():
        for field, definition in component.get("properties", {}).items():
            if name.startswith("Paged") and field == "items":
                continue  # ninja's pagination wrapper, generated without field descriptions
            assert definition.get("description"), f"{name}.{field}"
