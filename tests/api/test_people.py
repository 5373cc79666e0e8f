"""GET /api/v1/people: only people who consented to their name, only consented fields."""

import pytest
from django.core.files.base import ContentFile

from pomyslowice.organizations.models import Organization, Person, PersonConsent
from tests.conftest import PERSONAS, make_organization

from .conftest import ALL_PERSON_FIELDS, make_person, withdraw

PEOPLE = "/api/v1/people"
Field = PersonConsent.Field


@pytest.fixture
def leader(organization, area, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.SITE_URL = "https://pomyslowice.example.org"
    person = make_person(
        "Anna Liderka",
        email="anna.prywatna@example.org",
        bio="<p>Prowadzę klub seniora na <strong>Piasku</strong>.</p>",
        skills="fundraising, animacja",
    )
    person.areas.add(area)
    hidden_org = make_organization("Fundacja Czekająca", status=Organization.Status.PENDING)
    person.organizations.add(organization, hidden_org)
    person.photo.save("anna.jpg", ContentFile(b"not really a jpeg"), save=True)
    return person


def only_item(client):
    body = client.get(PEOPLE).json()
    assert body["count"] == len(body["items"]) == 1
    return body["items"][0]


def test_a_fully_consented_person(client, leader, organization, area):
    item = only_item(client)

    assert item == {
        "slug": "anna-liderka",
        "name": "Anna Liderka",
        "url": "https://pomyslowice.example.org" + leader.get_absolute_url(),
        "bio": "<p>Prowadzę klub seniora na <strong>Piasku</strong>.</p>",
        "skills": "fundraising, animacja",
        "areas": [{"id": area.pk, "code": area.code, "name": area.name, "slug": area.slug}],
        "organizations": [
            {"id": organization.pk, "slug": organization.slug, "name": organization.name}
        ],
        "photo_url": item["photo_url"],
    }
    assert item["photo_url"].startswith("https://pomyslowice.example.org/media/people/")


def test_unpublished_organizations_are_not_listed_for_a_person(client, leader):
    assert "Fundacja Czekająca" not in client.get(PEOPLE).content.decode()


def test_email_is_never_shown(client, leader):
    content = client.get(PEOPLE).content.decode()
    assert "anna.prywatna@example.org" not in content
    assert "email" not in content


@pytest.mark.parametrize(
    "field, key, empty",
    [
        (Field.BIO, "bio", None),
        (Field.SKILLS, "skills", None),
        (Field.AREAS, "areas", []),
        (Field.ORGANIZATIONS, "organizations", []),
        (Field.PHOTO, "photo_url", None),
    ],
)
def test_a_withdrawn_consent_hides_its_field_at_once(client, leader, field, key, empty):
    assert only_item(client)[key] not in (None, [])

    withdraw(leader, field)

    item = only_item(client)
    assert item[key] == empty
    assert item["name"] == "Anna Liderka"
    others = {"bio", "skills", "areas", "organizations", "photo_url"} - {key}
    assert all(item[other] not in (None, []) for other in others)


def test_fields_never_consented_are_empty(client, db):
    make_person("Jan Tylkoimię", consents=[Field.NAME], bio="Tajne", skills="Tajne")

    item = only_item(client)

    assert item["name"] == "Jan Tylkoimię"
    assert (item["bio"], item["skills"], item["photo_url"]) == (None, None, None)
    assert item["areas"] == item["organizations"] == []
    assert "Tajne" not in client.get(PEOPLE).content.decode()


def test_without_name_consent_a_person_is_not_listed(client, leader):
    make_person("Bez Zgody", consents=[field for field in ALL_PERSON_FIELDS if field != "name"])
    assert [item["name"] for item in client.get(PEOPLE).json()["items"]] == ["Anna Liderka"]

    withdraw(leader, Field.NAME)

    assert client.get(PEOPLE).json() == {"count": 0, "items": []}


def test_a_renewed_consent_counts_once(client, leader):
    withdraw(leader, Field.NAME)
    PersonConsent.objects.create(person=leader, field=Field.NAME, given_via="test")
    assert only_item(client)["name"] == "Anna Liderka"


@pytest.mark.parametrize("persona", PERSONAS)
def test_every_persona_sees_the_same(client, client_for, leader, persona):
    withdraw(leader, Field.BIO)
    response = client_for(persona).get(PEOPLE)
    assert response.status_code == 200
    assert response.json() == client.get(PEOPLE).json()
    assert response.json()["items"][0]["bio"] is None


def test_pagination(client, db):
    for i in range(5):
        make_person(f"Osoba {i}")

    body = client.get(PEOPLE, {"limit": 2, "offset": 3}).json()

    assert body["count"] == 5
    assert [item["name"] for item in body["items"]] == ["Osoba 3", "Osoba 4"]


@pytest.mark.parametrize("count", [5, 60])
def test_query_count_does_not_grow(
    client, organization, area, django_assert_max_num_queries, count
):
    for i in range(count):
        person = make_person(f"Osoba {i:03d}")
        person.areas.add(area)
        person.organizations.add(organization)

    with django_assert_max_num_queries(5):  # count, page, consents, areas, organisations
        response = client.get(PEOPLE, {"limit": 100})

    assert len(response.json()["items"]) == count


def test_bio_is_sanitised_even_if_stored_raw(client, leader):
    Person.objects.filter(pk=leader.pk).update(bio="<p>Bio</p><script>alert(1)</script>")

    bio = only_item(client)["bio"]

    assert "Bio" in bio
    assert "<script" not in bio
