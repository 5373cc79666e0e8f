"""The home page and the signed-in person's own page (/moje/)."""

import datetime
import re

from django.utils import timezone

from pomyslowice.organizations.models import Membership, Organization
from tests.conftest import make_organization

from .conftest import en


def test_home_explains_the_platform_and_searches_the_directory(client, organization):
    text = client.get(en("/")).text
    assert text.count("<h1") == 1
    assert "is a local knowledge platform" in text
    form = re.search(r'<form class="search-box" role="search"[^>]*>', text).group()
    assert 'action="/en/organizacje/"' in form and 'method="get"' in form
    assert 'name="q"' in text
    assert '<label for="home-search">' in text
    assert 'href="/en/organizacje/zglos/"' in text
    assert 'href="/en/osrodek/"' in text
    assert 'href="/en/wiedza/"' in text
    assert 'href="/en/wolontariat/"' in text
    assert "No volunteer offer is open right now." in text


def test_home_lists_the_six_newest_and_counts_by_kind(client, make_organizations):
    orgs = make_organizations(8)
    now = timezone.now()
    for age, org in enumerate(orgs):
        Organization.objects.filter(pk=org.pk).update(
            published_at=now - datetime.timedelta(days=age)
        )
    make_organization("Fundacja Nowa", kind=Organization.Kind.FOUNDATION, published_at=now)
    make_organization("Fundacja Ukryta", kind=Organization.Kind.FOUNDATION, status="pending")

    response = client.get(en("/"))
    newest = [org.name for org in response.context["newest"]]
    assert newest == ["Fundacja Nowa"] + [f"Organizacja testowa {i:04d}" for i in range(5)]
    assert "Fundacja Ukryta" not in response.text
    assert 'href="/en/organizacje/?rodzaj=fundacja">Foundation</a>: 1' in response.text
    assert 'href="/en/organizacje/?rodzaj=stowarzyszenie">Association</a>: 8' in response.text
    assert "Browse all 9 organisations" in response.text


def test_home_query_count_is_constant(client, make_organizations, django_assert_max_num_queries):
    make_organizations(30)
    # The calendar's part asks twice (running and repeating events; the soonest to start), so
    # that it never reads the whole 90-day window.
    with django_assert_max_num_queries(7):
        assert client.get("/").status_code == 200


def test_home_with_no_organisations(client, db):
    text = client.get(en("/")).text
    assert "No organisation has been published yet." in text
    assert "Organisations by kind" not in text


def test_my_page_lists_memberships_claims_and_registrations(
    client_for, users, organization, other_organization
):
    resident = users["resident"]
    Membership.objects.create(user=resident, organization=organization, status="active")
    Membership.objects.create(
        user=resident,
        organization=other_organization,
        status="rejected",
        rejection_reason="Brak pełnomocnictwa.",
    )
    third = make_organization("Klub Trzeci")
    Membership.objects.create(user=resident, organization=third, status="pending")
    make_organization(
        "Grupa Odrzucona",
        status="rejected",
        submitted_by=resident,
        rejection_reason="Działa poza miastem.",
    )
    make_organization("Grupa Czekająca", status="pending", submitted_by=resident)

    text = client_for("resident").get(en("/moje/")).text
    representing = text.split('id="representing-heading"', 1)[1].split("</section>", 1)[0]
    assert "Stowarzyszenie Przyjaciół Piasku" in representing
    assert f"/en/organizacje/{organization.slug}/edytuj/" in representing
    assert "Fundacja Ławki Razem" not in representing

    requests = text.split('id="requests-heading"', 1)[1].split("</section>", 1)[0]
    for expected in [
        "Fundacja Ławki Razem",
        "Brak pełnomocnictwa.",
        "Klub Trzeci",
        "Grupa Odrzucona",
        "Działa poza miastem.",
        "Grupa Czekająca",
        "Awaiting approval",
    ]:
        assert expected in requests, expected
    assert 'href="/en/organizacje/zglos/"' in text


def test_my_page_links_the_leader_profile(client_for):
    text = client_for("volunteer").get(en("/moje/")).text
    assert 'id="leader-profile-heading"' in text
    assert 'href="/en/ludzie/moj-profil/"' in text
    assert "You do not represent any organisation yet." in text
    assert 'id="requests-heading"' not in text
