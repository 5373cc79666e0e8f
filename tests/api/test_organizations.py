"""GET /api/v1/organizations and /organizations/{slug}: published only, public fields only."""

import pytest
from django.core.files.base import ContentFile
from django.utils import translation

from pomyslowice.core.models import AreaOfBenefit, District
from pomyslowice.organizations.models import Organization
from tests.conftest import PERSONAS, make_organization

from .conftest import bearer

LIST = "/api/v1/organizations"

ORGANIZATION_KEYS = {
    "id",
    "slug",
    "name",
    "short_name",
    "kind",
    "kind_label",
    "description",
    "url",
    "logo_url",
    "address",
    "contact",
    "krs",
    "nip",
    "regon",
    "is_public_benefit",
    "areas",
    "published_at",
}


def detail_url(org: Organization) -> str:
    return f"{LIST}/{org.slug}"


def names(response) -> list[str]:
    return [item["name"] for item in response.json()["items"]]


@pytest.fixture
def full_organization(organization, users, settings, tmp_path):
    """The fixture organisation with every public and every private field filled in."""
    settings.MEDIA_ROOT = tmp_path
    settings.SITE_URL = "https://pomyslowice.example.org"
    organization.short_name = "SPP"
    organization.street = "ul. Mikołowska 4a"
    organization.postal_code = "41-400"
    organization.phone = "+48 32 000 00 00"
    organization.website = "https://przyjaciele-piasku.example.org"
    organization.facebook = "https://facebook.com/przyjaciele.piasku"
    organization.krs = "0000123456"
    organization.nip = "2220000001"
    organization.regon = "240000001"
    organization.is_public_benefit = True
    organization.caretaker = users["ngo_caretaker"]
    organization.submitted_by = users["representative"]
    organization.rejection_reason = "Sekretna notatka moderatora"
    organization.logo.save("logo.png", ContentFile(b"\x89PNG not really"), save=False)
    organization.save()
    return organization


def test_detail_has_the_documented_fields(client, full_organization, area, district):
    org = full_organization

    response = client.get(detail_url(org), HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 200
    body = response.json()
    assert set(body) == ORGANIZATION_KEYS
    assert body["slug"] == org.slug
    assert body["name"] == "Stowarzyszenie Przyjaciół Piasku"
    assert body["short_name"] == "SPP"
    assert body["kind"] == "stowarzyszenie"
    with translation.override("en"):
        assert body["kind_label"] == str(Organization.Kind.ASSOCIATION.label)
    assert body["description"] == "<p>Działamy na rzecz mieszkańców dzielnicy.</p>"
    assert body["url"] == "https://pomyslowice.example.org" + org.get_absolute_url()
    assert body["logo_url"].startswith("https://pomyslowice.example.org/media/logos/")
    assert body["address"] == {
        "street": "ul. Mikołowska 4a",
        "postal_code": "41-400",
        "city": "Mysłowice",
        "district": {"id": district.pk, "slug": district.slug, "name": district.name},
    }
    assert body["contact"] == {
        "email": "kontakt@przyjaciele-piasku.example.org",
        "phone": "+48 32 000 00 00",
        "website": "https://przyjaciele-piasku.example.org",
        "facebook": "https://facebook.com/przyjaciele.piasku",
        "instagram": None,
        "youtube": None,
        "linkedin": None,
    }
    assert (body["krs"], body["nip"], body["regon"]) == ("0000123456", "2220000001", "240000001")
    assert body["is_public_benefit"] is True
    assert body["areas"] == [
        {"id": area.pk, "code": area.code, "name": area.name, "slug": area.slug}
    ]
    assert body["published_at"].startswith(str(org.published_at.year))


def test_missing_values_are_null(client, other_organization):
    body = client.get(detail_url(other_organization)).json()

    assert body["short_name"] is None
    assert body["logo_url"] is None
    assert body["krs"] is None
    assert body["address"]["district"] is None
    assert body["address"]["street"] is None
    assert body["areas"] == []


def test_list_items_have_the_same_shape_as_the_detail(client, organization):
    body = client.get(LIST).json()

    item = next(i for i in body["items"] if i["slug"] == organization.slug)
    assert item == client.get(detail_url(organization)).json()


@pytest.mark.parametrize("persona", PERSONAS)
def test_every_persona_gets_the_same_public_data(client, client_for, full_organization, persona):
    anonymous_list = client.get(LIST).json()
    anonymous_detail = client.get(detail_url(full_organization)).json()

    persona_client = client_for(persona)
    list_response = persona_client.get(LIST)
    detail_response = persona_client.get(detail_url(full_organization))

    assert list_response.status_code == detail_response.status_code == 200
    assert list_response.json() == anonymous_list
    assert detail_response.json() == anonymous_detail


def test_private_fields_never_appear(client_for, full_organization, users):
    caretaker = users["ngo_caretaker"]
    for persona in ("anonymous", "ngo_caretaker", "coordinator", "technical_admin"):
        client = client_for(persona)
        for url in (LIST, detail_url(full_organization)):
            content = client.get(url).content.decode()
            for secret in (
                "caretaker",
                "submitted_by",
                "membership",
                "rejection",
                "Sekretna notatka moderatora",
                caretaker.email,
                users["representative"].email,
                "search_text",
                '"status"',
            ):
                assert secret not in content, (persona, url, secret)


@pytest.mark.parametrize("status", [Organization.Status.PENDING, Organization.Status.REJECTED])
@pytest.mark.parametrize("persona", ["anonymous", "representative", "coordinator"])
def test_unpublished_organizations_are_invisible(client_for, users, status, persona):
    hidden = make_organization("Fundacja Ukryta", status=status, submitted_by=users[persona])
    client = client_for(persona)

    response = client.get(LIST)
    detail = client.get(detail_url(hidden))

    assert hidden.slug not in [item["slug"] for item in response.json()["items"]]
    assert response.json()["count"] == 2  # the two published organisations of the fixtures
    assert detail.status_code == 404
    assert set(detail.json()) == {"detail"}


def test_unknown_slug_is_404_json(client, db):
    response = client.get(f"{LIST}/nie-ma-takiej", HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/json")
    assert response.json() == {"detail": "Not found."}


def test_list_is_sorted_by_name(client, organization, other_organization):
    assert names(client.get(LIST)) == ["Fundacja Ławki Razem", "Stowarzyszenie Przyjaciół Piasku"]


class TestFilters:
    @pytest.mark.parametrize("q", ["przyjaciol", "PRZYJACIÓŁ piasku", "  piasku  ", "mysłowice"])
    def test_q_ignores_case_and_polish_letters(self, client, organization, other_organization, q):
        expected = {"mysłowice": 2}.get(q, 1)
        response = client.get(LIST, {"q": q})
        assert response.json()["count"] == expected
        assert organization.name in names(response)

    def test_q_without_matches(self, client, organization):
        assert client.get(LIST, {"q": "zzz"}).json() == {"count": 0, "items": []}

    def test_kind(self, client, organization, other_organization):
        response = client.get(LIST, {"kind": "fundacja"})
        assert names(response) == [other_organization.name]

    def test_area(self, client, organization, other_organization):
        other_area = AreaOfBenefit.objects.create(
            code="test-1", name="sfera testowa", slug="inna-sfera", source="test"
        )
        other_organization.areas.add(other_area)

        assert names(client.get(LIST, {"area": "rozwoj-wspolnot-lokalnych"})) == [organization.name]
        assert names(client.get(LIST, {"area": "inna-sfera"})) == [other_organization.name]
        assert names(client.get(LIST, {"area": "nie-ma-takiej"})) == []

    def test_district(self, client, organization, other_organization):
        other, _created = District.objects.get_or_create(
            slug="brzezinka", defaults={"name": "Brzezinka"}
        )
        assert names(client.get(LIST, {"district": "piasek"})) == [organization.name]
        assert names(client.get(LIST, {"district": other.slug})) == []

    def test_public_benefit(self, client, organization, other_organization):
        other_organization.is_public_benefit = True
        other_organization.save()

        assert names(client.get(LIST, {"public_benefit": "true"})) == [other_organization.name]
        assert names(client.get(LIST, {"public_benefit": "false"})) == [organization.name]

    def test_filters_combine(self, client, organization, other_organization):
        response = client.get(LIST, {"kind": "stowarzyszenie", "district": "piasek", "q": "piask"})
        assert names(response) == [organization.name]
        assert client.get(LIST, {"kind": "fundacja", "district": "piasek"}).json()["count"] == 0

    @pytest.mark.parametrize(
        "params",
        [{"kind": "partia"}, {"public_benefit": "maybe"}, {"q": "x" * 201}],
    )
    def test_invalid_filter_is_400(self, client, organization, params):
        response = client.get(LIST, params)
        assert response.status_code == 400
        assert response.json()["detail"]


class TestPagination:
    def test_default_page_is_20_with_the_total_count(self, client, make_organizations):
        make_organizations(25)

        body = client.get(LIST).json()

        assert body["count"] == 25
        assert len(body["items"]) == 20
        assert list(body) == ["count", "items"]

    def test_limit_and_offset(self, client, make_organizations):
        make_organizations(25)

        body = client.get(LIST, {"limit": 10, "offset": 20}).json()

        assert body["count"] == 25
        assert [item["name"] for item in body["items"]] == [
            f"Organizacja testowa {i:04d}" for i in range(20, 25)
        ]

    def test_offset_past_the_end_is_an_empty_page(self, client, make_organizations):
        make_organizations(3)
        assert client.get(LIST, {"offset": 50}).json() == {"count": 3, "items": []}

    def test_limit_100_is_allowed(self, client, make_organizations):
        make_organizations(3)
        assert client.get(LIST, {"limit": 100}).status_code == 200


@pytest.mark.parametrize("count", [10, 200])
def test_list_query_count_does_not_grow(
    client, make_organizations, django_assert_max_num_queries, count
):
    make_organizations(count)
    with django_assert_max_num_queries(3):  # count, page, areas
        response = client.get(LIST, {"limit": 100})
    assert len(response.json()["items"]) == min(count, 100)


@pytest.mark.parametrize("count", [10, 200])
def test_list_query_count_with_a_token_does_not_grow(
    client, make_organizations, api_token, django_assert_max_num_queries, count
):
    make_organizations(count)
    _token, secret = api_token
    with django_assert_max_num_queries(5):  # token lookup and its last-use write, then as above
        assert client.get(LIST, {"limit": 100}, **bearer(secret)).status_code == 200


def test_detail_query_count(client, organization, django_assert_max_num_queries):
    with django_assert_max_num_queries(2):  # the organisation with its district, its areas
        assert client.get(detail_url(organization)).status_code == 200


def test_description_is_sanitised_even_if_stored_raw(client, organization):
    # An edit that bypassed the services (shell, admin, import) must not reach API consumers raw.
    Organization.objects.filter(pk=organization.pk).update(
        description='<p onclick="x()">Opis</p><script>alert(1)</script>'
    )

    description = client.get(detail_url(organization)).json()["description"]

    assert "Opis" in description
    assert "<script" not in description
    assert "onclick" not in description
