"""The public list and profile pages show consented fields only, and never an e-mail address."""

import json
import re

import pytest
from django.conf import settings
from django.urls import reverse

from pomyslowice.core.models import AreaOfBenefit
from pomyslowice.organizations.models import Organization, PersonConsent
from pomyslowice.organizations.people_services import set_consents, withdraw_consent

from .conftest import PERSON_EMAIL, en, make_person

LIST_URL = "/en/ludzie/"


def json_ld(response) -> dict:
    match = re.search(
        r'<script type="application/ld\+json">(.*?)</script>', response.content.decode(), re.S
    )
    assert match, "no JSON-LD on the page"
    return json.loads(match.group(1))


def test_profile_shows_consented_fields_and_json_ld(client, published_person, organization, area):
    response = client.get(en(published_person.get_absolute_url()))
    page = response.content.decode()
    assert "<h1>Anna Łęcka</h1>" in page
    assert "<strong>klub sąsiedzki</strong>" in page
    assert "fundraising, praca z młodzieżą" in page
    assert area.name in page
    assert organization.name in page
    assert reverse("people:contact", kwargs={"slug": published_person.slug}) in page
    data = json_ld(response)
    assert data["@type"] == "Person"
    assert data["name"] == "Anna Łęcka"
    assert data["url"] == f"http://testserver{published_person.get_absolute_url()}"
    assert data["description"] == "Prowadzę klub sąsiedzki na Piasku."
    assert data["knowsAbout"] == ["fundraising", "praca z młodzieżą", area.name]
    assert data["memberOf"][0]["name"] == organization.name


def test_profile_without_optional_consents_shows_name_only(client, area, organization):
    person = make_person(
        "Jan Skromny", consents=("name",), bio="<p>Tajny opis</p>", skills="Sekretna umiejętność"
    )
    person.areas.add(area)
    person.organizations.add(organization)
    response = client.get(en(person.get_absolute_url()))
    page = response.content.decode()
    assert "Jan Skromny" in page
    for hidden in ("Tajny opis", "Sekretna umiejętność", area.name, organization.name, "Write to"):
        assert hidden not in page
    assert json_ld(response) == {
        "@context": "https://schema.org",
        "@type": "Person",
        "name": "Jan Skromny",
        "url": f"http://testserver{person.get_absolute_url()}",
    }


def test_withdrawal_hides_field_at_once_everywhere(client, published_person, users):
    detail = en(published_person.get_absolute_url())
    assert "fundraising" in client.get(LIST_URL).content.decode()

    withdraw_consent(person=published_person, field="skills", actor=None)
    withdraw_consent(person=published_person, field="bio", actor=None)

    assert "fundraising" not in client.get(LIST_URL).content.decode()
    response = client.get(detail)
    page = response.content.decode()
    assert "fundraising" not in page
    assert "klub sąsiedzki" not in page
    data = json_ld(response)
    assert "description" not in data
    assert "fundraising" not in json.dumps(data)
    assert "Anna Łęcka" in page


def test_withdrawing_the_name_hides_the_whole_profile(client, published_person):
    withdraw_consent(person=published_person, field="name", actor=None)
    assert client.get(published_person.get_absolute_url()).status_code == 404
    contact = reverse("people:contact", kwargs={"slug": published_person.slug})
    assert client.get(contact).status_code == 404
    page = client.get(LIST_URL).content.decode()
    assert "Anna Łęcka" not in page
    assert "0 people" in page


def test_reconsent_shows_the_field_again(client, published_person):
    set_consents(person=published_person, fields=["name"], via="profile form", actor=None)
    assert "fundraising" not in client.get(published_person.get_absolute_url()).content.decode()
    set_consents(person=published_person, fields=["name", "skills"], via="e-mail link", actor=None)
    assert "fundraising" in client.get(published_person.get_absolute_url()).content.decode()


def test_no_email_address_on_any_public_page(client, published_person, users):
    owner = make_person("Olek Kontowy", user=users["volunteer"], email=users["volunteer"].email)
    pages = [
        LIST_URL,
        en(published_person.get_absolute_url()),
        en(reverse("people:contact", kwargs={"slug": published_person.slug})),
        en(owner.get_absolute_url()),
    ]
    for url in pages:
        page = client.get(url).content.decode()
        assert PERSON_EMAIL not in page, url
        assert users["volunteer"].email not in page, url
        # The only address allowed is the controller's, in the information clause (art. 13 GDPR).
        assert "mailto:" not in page.replace(f"mailto:{settings.PRIVACY_EMAIL}", ""), url


def test_photo_only_with_consent(client, published_person, tmp_path):
    published_person.photo = "people/2025/abc.png"
    published_person.save()
    assert "people/2025/abc.png" in client.get(published_person.get_absolute_url()).content.decode()
    withdraw_consent(person=published_person, field="photo", actor=None)
    for url in (LIST_URL, published_person.get_absolute_url()):
        assert "people/2025/abc.png" not in client.get(url).content.decode()


def test_unpublished_organisation_is_not_listed_on_a_profile(client, published_person):
    pending = Organization.objects.create(
        name="Grupa W Trakcie Rejestracji",
        slug="grupa-w-trakcie",
        kind=Organization.Kind.INFORMAL_GROUP,
        status=Organization.Status.PENDING,
    )
    published_person.organizations.add(pending)
    assert "Grupa W Trakcie" not in client.get(published_person.get_absolute_url()).content.decode()


def test_search_ignores_accents_and_case(client, published_person):
    make_person("Bartosz Inny", skills="ogrodnictwo")
    page = client.get(LIST_URL, {"q": "ANNA lecka"}).content.decode()
    assert "Anna Łęcka" in page
    assert "Bartosz Inny" not in page
    page = client.get(LIST_URL, {"q": "młodzież"}).content.decode()
    assert "Anna Łęcka" in page
    assert "Bartosz Inny" not in client.get(LIST_URL, {"q": "mlodziez"}).content.decode()


def test_search_does_not_reveal_skills_without_consent(client, db):
    make_person("Celina Cicha", consents=("name",), skills="terapia uzależnień")
    make_person("Dorota Jawna", consents=("name", "skills"), skills="terapia uzależnień")
    page = client.get(LIST_URL, {"q": "uzaleznien"}).content.decode()
    assert "Dorota Jawna" in page
    assert "Celina Cicha" not in page
    assert "Celina Cicha" in client.get(LIST_URL, {"q": "celina"}).content.decode()


def test_area_filter_counts_only_consented_areas(client, area):
    other_area = AreaOfBenefit.objects.create(
        code="test-99", name="Obszar testowy", slug="obszar-testowy", position=990, source="test"
    )
    shown = make_person("Ewa Obszarowa", consents=("name", "areas"))
    hidden = make_person("Filip Prywatny", consents=("name",))
    for person in (shown, hidden):
        person.areas.add(area)
    elsewhere = make_person("Gosia Gdzieindziej", consents=("name", "areas"))
    elsewhere.areas.add(other_area)
    page = client.get(LIST_URL, {"obszar": area.slug}).content.decode()
    assert "Ewa Obszarowa" in page
    assert "Filip Prywatny" not in page
    assert "Gosia Gdzieindziej" not in page
    unknown = client.get(LIST_URL, {"obszar": "nie-ma-takiego"})
    assert unknown.status_code == 200
    assert "Ewa Obszarowa" not in unknown.content.decode()


def test_list_paginates_by_twenty_and_keeps_filters(client, make_people, area):
    make_people(45)
    first = client.get(LIST_URL, {"q": "osoba", "obszar": area.slug}).content.decode()
    assert first.count('class="card"') == 20
    assert "Page 1 of 3" in first
    assert f"?q=osoba&amp;obszar={area.slug}&amp;strona=2" in first
    last = client.get(LIST_URL, {"q": "osoba", "obszar": area.slug, "strona": 3}).content.decode()
    assert last.count('class="card"') == 5
    beyond = client.get(LIST_URL, {"strona": "999"})
    assert beyond.status_code == 200


@pytest.mark.parametrize("count", [5, 60])
def test_list_query_count_does_not_grow(client, make_people, django_assert_max_num_queries, count):
    make_people(count)
    with django_assert_max_num_queries(7):
        response = client.get(LIST_URL, {"q": "osoba"})
    assert response.content.decode().count('class="card"') == min(count, 20)


@pytest.mark.parametrize("count", [1, 12])
def test_profile_query_count_does_not_grow(client, area, django_assert_max_num_queries, count):
    person = make_person("Hanna Wielorganizacyjna")
    for number in range(count):
        person.organizations.add(
            Organization.objects.create(
                name=f"Organizacja {number}",
                slug=f"organizacja-{number}",
                kind=Organization.Kind.ASSOCIATION,
                status=Organization.Status.PUBLISHED,
            )
        )
    with django_assert_max_num_queries(5):
        response = client.get(person.get_absolute_url())
    assert response.content.decode().count("Organizacja ") == count + len(
        json_ld(response)["memberOf"]
    )


def test_json_ld_cannot_break_out_of_its_script(client, db):
    person = make_person("Zła </script><script>alert(1)</script>", slug="zla")
    page = client.get(person.get_absolute_url()).content.decode()
    assert "<script>alert(1)" not in page
    assert json_ld(client.get(person.get_absolute_url()))["name"].startswith("Zła </script>")


def test_consent_history_is_kept(published_person):
    withdraw_consent(person=published_person, field="bio", actor=None)
    set_consents(
        person=published_person,
        fields=[*PersonConsent.Field.values],
        via="profile form",
        actor=None,
    )
    rows = published_person.consents.filter(field="bio")
    assert rows.count() == 2
    assert rows.filter(withdrawn_at__isnull=True).count() == 1
