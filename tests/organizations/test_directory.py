"""The directory at /organizacje/: search, filters, sorting, pagination, bad input, query counts."""

import datetime
import re

import pytest
from django.utils import timezone

from pomyslowice.core.models import AreaOfBenefit, District
from pomyslowice.organizations.models import Organization
from tests.conftest import make_organization

from .conftest import en


def names(response) -> list[str]:
    return [org.name for org in response.context["page"].object_list]


@pytest.fixture
def directory(organization, other_organization, area, district):
    """A few published organisations of different kinds, plus ones that must never be listed."""
    other_district, _created = District.objects.get_or_create(
        slug="brzeczkowice-slupna", defaults={"name": "Brzęczkowice-Słupna"}
    )
    other_area, _created = AreaOfBenefit.objects.get_or_create(
        code="16",
        defaults={"name": "kultury, sztuki", "slug": "kultura", "position": 160, "source": "test"},
    )
    zrodlo = make_organization(
        "Stowarzyszenie Źródło", district=other_district, is_public_benefit=True, krs="0000424242"
    )
    zrodlo.areas.add(other_area)
    make_organization("Klub Ukryty", status=Organization.Status.PENDING)
    make_organization("Klub Odrzucony", status=Organization.Status.REJECTED)
    return {"zrodlo": zrodlo, "other_area": other_area, "other_district": other_district}


def test_lists_published_organisations_only(client, directory):
    response = client.get(en("/organizacje/"))
    assert names(response) == [
        "Fundacja Ławki Razem",
        "Stowarzyszenie Przyjaciół Piasku",
        "Stowarzyszenie Źródło",
    ]
    assert "Klub Ukryty" not in response.text and "Klub Odrzucony" not in response.text
    assert "3 organisations found" in response.text


@pytest.mark.parametrize(
    "query, found",
    [
        ("lawki", ["Fundacja Ławki Razem"]),
        ("ŁAWKI", ["Fundacja Ławki Razem"]),
        ("zrodlo", ["Stowarzyszenie Źródło"]),
        ("źródło", ["Stowarzyszenie Źródło"]),
        ("przyjaciol piasku", ["Stowarzyszenie Przyjaciół Piasku"]),
        ("0000424242", ["Stowarzyszenie Źródło"]),
        ("myslowice zrodlo", ["Stowarzyszenie Źródło"]),
        ("stowarzyszenie", ["Stowarzyszenie Przyjaciół Piasku", "Stowarzyszenie Źródło"]),
        ("katowice", []),
    ],
)
def test_search_ignores_case_and_polish_letters(client, directory, query, found):
    assert names(client.get("/organizacje/", {"q": query})) == found


def test_no_results_says_so(client, directory):
    response = client.get(en("/organizacje/"), {"q": "nic takiego"})
    assert "0 organisations found" in response.text
    assert "No organisation matches" in response.text


def test_one_result_uses_the_singular(client, directory):
    response = client.get(en("/organizacje/"), {"q": "lawki"})
    assert "1 organisation found" in response.text


@pytest.mark.parametrize(
    "params, found",
    [
        ({"rodzaj": "fundacja"}, ["Fundacja Ławki Razem"]),
        ({"obszar": "@other_area"}, ["Stowarzyszenie Źródło"]),
        ({"obszar": "rozwoj-wspolnot-lokalnych"}, ["Stowarzyszenie Przyjaciół Piasku"]),
        ({"dzielnica": "piasek"}, ["Stowarzyszenie Przyjaciół Piasku"]),
        ({"opp": "1"}, ["Stowarzyszenie Źródło"]),
        ({"rodzaj": "stowarzyszenie", "q": "piasku"}, ["Stowarzyszenie Przyjaciół Piasku"]),
        (
            {"rodzaj": "stowarzyszenie", "dzielnica": "brzeczkowice-slupna", "opp": "1"},
            ["Stowarzyszenie Źródło"],
        ),
        ({"rodzaj": "fundacja", "opp": "1"}, []),
    ],
)
def test_filters(client, directory, params, found):
    params = {k: v.replace("@other_area", directory["other_area"].slug) for k, v in params.items()}
    assert names(client.get("/organizacje/", params)) == found


@pytest.mark.parametrize(
    "params, ignored",
    [
        ({"obszar": "nie-ma-takiego"}, "Area of activity"),
        ({"dzielnica": "atlantyda"}, "District"),
        ({"rodzaj": "klub-kosmiczny"}, "Kind"),
        ({"sort": "price"}, "Sort by"),
    ],
)
def test_unknown_filter_values_are_ignored_with_a_message(client, directory, params, ignored):
    response = client.get(en("/organizacje/"), params)
    assert response.status_code == 200
    assert len(names(response)) == 3  # the bad filter did not apply
    assert "These filters were ignored" in response.text
    assert ignored in response.text


def test_a_good_filter_still_applies_next_to_a_bad_one(client, directory):
    response = client.get("/organizacje/", {"rodzaj": "fundacja", "obszar": "nie-ma-takiego"})
    assert names(response) == ["Fundacja Ławki Razem"]


def test_sorting(client, directory, organization, other_organization):
    now = timezone.now()
    Organization.objects.filter(pk=organization.pk).update(published_at=now)
    Organization.objects.filter(pk=other_organization.pk).update(
        published_at=now - datetime.timedelta(days=30)
    )
    Organization.objects.filter(pk=directory["zrodlo"].pk).update(
        published_at=now - datetime.timedelta(days=1)
    )
    assert names(client.get("/organizacje/", {"sort": "-name"})) == [
        "Stowarzyszenie Źródło",
        "Stowarzyszenie Przyjaciół Piasku",
        "Fundacja Ławki Razem",
    ]
    assert names(client.get("/organizacje/", {"sort": "newest"})) == [
        "Stowarzyszenie Przyjaciół Piasku",
        "Stowarzyszenie Źródło",
        "Fundacja Ławki Razem",
    ]


def test_pagination_keeps_the_filters(client, make_organizations, settings):
    make_organizations(45)
    response = client.get(en("/organizacje/"), {"q": "testowa", "dzielnica": "piasek", "page": "2"})
    page = response.context["page"]
    assert (page.number, page.paginator.num_pages, len(page.object_list)) == (2, 3, 20)
    assert names(response)[0] == "Organizacja testowa 0020"
    assert "45 organisations found" in response.text
    assert "page 2 of 3" in response.text
    nav = re.search(r'<nav aria-label="Pages of results">.*?</nav>', response.text, re.S).group()
    links = re.findall(r'href="([^"]+)"', nav)
    assert all("q=testowa" in link and "dzielnica=piasek" in link for link in links)
    assert any("page=3" in link for link in links)
    assert re.search(r'aria-current="page">.*?2</a>', nav, re.S)


@pytest.mark.parametrize("page, shown", [("abc", 1), ("9999", 2), ("-1", 2), ("", 1), ("1.5", 1)])
def test_bad_page_numbers_fall_back(client, make_organizations, page, shown):
    make_organizations(25)
    response = client.get("/organizacje/", {"page": page})
    assert response.status_code == 200
    assert response.context["page"].number == shown


def test_filter_form_works_without_javascript(client, directory):
    response = client.get(en("/organizacje/"), {"q": "lawki", "rodzaj": "fundacja"})
    form = re.search(
        r'<form method="get" action="/en/organizacje/">.*?</form>', response.text, re.S
    )
    assert form is not None
    for name in ("q", "rodzaj", "obszar", "dzielnica", "opp", "sort"):
        assert f'name="{name}"' in form.group()
    assert 'value="lawki"' in form.group()  # the search stays filled in
    assert "Clear filters" in form.group()


def test_description_summary_on_cards_is_plain_text(client, organization):
    organization.description = "<p>Pierwszy akapit.</p><p>Drugi &amp; ostatni.</p>"
    organization.save()
    response = client.get("/organizacje/")
    assert "Pierwszy akapit. Drugi &amp; ostatni." in response.text


@pytest.mark.parametrize("count", [10, 200])
def test_query_count_does_not_grow(
    client, make_organizations, django_assert_max_num_queries, count
):
    make_organizations(count)
    with django_assert_max_num_queries(6):
        response = client.get("/organizacje/", {"obszar": "rozwoj-wspolnot-lokalnych"})
    assert response.status_code == 200
    assert len(response.context["page"].object_list) == min(count, 20)


@pytest.mark.parametrize("count", [10, 200])
def test_query_count_for_a_logged_in_user(
    client_for, make_organizations, django_assert_max_num_queries, count
):
    make_organizations(count)
    client = client_for("coordinator")
    with django_assert_max_num_queries(9):  # + session, user and permissions
        assert client.get("/organizacje/", {"q": "testowa", "page": "2"}).status_code == 200


@pytest.mark.parametrize("sort", ["name", "-name", "newest"])
def test_a_deep_page_lists_the_same_profiles_as_the_full_ordering(
    client, make_organizations, django_assert_max_num_queries, sort
):
    make_organizations(65)
    expected = [
        org.name
        for org in Organization.objects.published().order_by(
            *{
                "name": ("name", "pk"),
                "-name": ("-name", "-pk"),
                "newest": ("-published_at", "-pk"),
            }[sort]
        )
    ]
    with django_assert_max_num_queries(5):
        response = client.get("/organizacje/", {"sort": sort, "page": "4"})
    assert names(response) == expected[60:]
    assert response.context["page"].paginator.num_pages == 4
