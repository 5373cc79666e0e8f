"""Whole public pages cached for anonymous visitors (core.page_cache), dropped when data changes."""

import datetime

import pytest
from django.contrib.messages.storage.cookie import CookieStorage
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from pomyslowice.accounts.tokens import create_api_token
from pomyslowice.core import page_cache
from pomyslowice.organizations.models import Organization, Person, PersonConsent, SupportRecord
from tests.conftest import make_organization
from tests.core import page_cache_urls
from tests.events.conftest import make_event

DIRECTORY = "/organizacje/"


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 300


def served_from_cache(client, url, django_assert_num_queries) -> str:
    with django_assert_num_queries(0):
        response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_an_anonymous_visitor_gets_the_kept_page_without_queries(
    client, organization, django_assert_num_queries
):
    first = client.get(DIRECTORY)
    assert organization.name in first.content.decode()
    assert served_from_cache(client, DIRECTORY, django_assert_num_queries) == first.content.decode()


def test_a_saved_organisation_shows_at_once(client, organization, django_assert_num_queries):
    client.get(DIRECTORY)
    make_organization("Fundacja Nowo Zapisana")
    assert "Fundacja Nowo Zapisana" in client.get(DIRECTORY).content.decode()
    organization.name = "Stowarzyszenie Po Zmianie"
    organization.save()
    page = client.get(organization.get_absolute_url()).content.decode()
    assert "Stowarzyszenie Po Zmianie" in page


def test_a_deleted_organisation_disappears(client, organization):
    gone = make_organization("Klub Do Usunięcia")
    assert "Klub Do Usunięcia" in client.get(DIRECTORY).content.decode()
    gone.delete()
    assert "Klub Do Usunięcia" not in client.get(DIRECTORY).content.decode()


def test_the_commit_moves_the_generation_again(
    client, organization, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks() as callbacks:
        make_organization("Fundacja Po Zatwierdzeniu")
    client.get(DIRECTORY)  # kept between the change and the commit, as a visitor could
    generation_before = page_cache._generations(["organizations"])
    for callback in callbacks:
        callback()
    assert page_cache._generations(["organizations"]) != generation_before


def test_changes_of_other_parts_keep_the_page(client, organization, django_assert_num_queries):
    client.get(DIRECTORY)
    make_event("Spotkanie bez wpływu na katalog")
    served_from_cache(client, DIRECTORY, django_assert_num_queries)


def test_an_event_page_changes_with_its_event(client, organization):
    event = make_event("Piknik sasiedzki", organizer=organization, place_name="Park Zamkowy")
    assert "Park Zamkowy" in client.get(event.get_absolute_url()).content.decode()
    event.place_name = "Dom Kultury"
    event.save()
    assert "Dom Kultury" in client.get(event.get_absolute_url()).content.decode()


def test_signed_in_people_always_get_their_own_page(client_for, organization):
    client = client_for("resident")
    client.get(DIRECTORY)
    second = client.get(DIRECTORY)
    assert second.context is not None, "rendered again, not served from the cache"
    assert "Log out" in client.get(f"/en{DIRECTORY}").content.decode()


def test_the_anonymous_page_carries_no_csrf_token(client, organization):
    response = client.get(DIRECTORY)
    assert "csrfmiddlewaretoken" not in response.content.decode()
    assert "csrftoken" not in response.cookies


@pytest.mark.urls("tests.core.page_cache_urls")
def test_a_page_with_a_form_token_is_never_kept(client, db):
    page_cache_urls.built.clear()
    for _ in range(2):
        client.get("/bez-formularza/")
        # A fresh browser each time: a kept page would hand it the first browser's token.
        client.cookies.clear()
        assert "csrfmiddlewaretoken" in client.get("/z-formularzem/").content.decode()
    assert page_cache_urls.built == ["/bez-formularza/", "/z-formularzem/", "/z-formularzem/"]


def test_a_visitor_with_a_waiting_message_gets_a_fresh_page(client, organization, rf):
    client.get(DIRECTORY)
    request = rf.get("/")
    storage = CookieStorage(request)
    storage.add(20, "Zapisano.")
    response = client.get("/")  # any response object to carry the encoded cookie
    storage.update(response)
    client.cookies["messages"] = response.cookies["messages"].value
    page = client.get(DIRECTORY)
    assert page.context is not None
    assert "Zapisano." in page.content.decode()


def test_languages_are_kept_apart(client, organization):
    polish = client.get(DIRECTORY).content.decode()
    english = client.get(f"/en{DIRECTORY}").content.decode()
    assert '<html lang="pl">' in polish
    assert '<html lang="en">' in english


def test_not_found_is_not_kept(client, db):
    assert client.get("/organizacje/nie-ma-takiej/").status_code == 404
    second = client.get("/organizacje/nie-ma-takiej/")
    assert second.status_code == 404
    assert second.context is not None


def test_invalidate_everything_builds_every_page_anew(client, organization):
    client.get(DIRECTORY)
    Organization.objects.filter(pk=organization.pk).update(name="Zmiana Bez Sygnału")
    assert "Zmiana Bez Sygnału" not in client.get(DIRECTORY).content.decode()
    page_cache.invalidate_everything()
    assert "Zmiana Bez Sygnału" in client.get(DIRECTORY).content.decode()


def test_switched_off_with_zero_seconds(client, organization, settings):
    settings.PAGE_CACHE_SECONDS = 0
    client.get(DIRECTORY)
    assert client.get(DIRECTORY).context is not None


def test_time_bounds_a_kept_page(client, organization, settings, time_machine):
    time_machine.move_to(timezone.now())
    client.get(DIRECTORY)
    time_machine.shift(datetime.timedelta(seconds=settings.PAGE_CACHE_SECONDS + 1))
    assert client.get(DIRECTORY).context is not None


def test_unknown_parts_are_refused():
    with pytest.raises(ValueError, match="Unknown page cache parts"):
        page_cache.cache_public_page("nowhere")


def test_private_records_leave_public_pages_kept(client, organization, django_assert_num_queries):
    client.get(DIRECTORY)
    SupportRecord.objects.create(
        kind=SupportRecord.Kind.CONSULTATION,
        date=timezone.localdate(),
        organization=organization,
    )
    served_from_cache(client, DIRECTORY, django_assert_num_queries)


def test_a_leaders_consent_moves_the_organisations_part_on(client, organization):
    before = page_cache._generations(["organizations"])
    person = Person.objects.create(
        full_name="Anna Testowa", slug="anna-testowa", email="anna@example.org"
    )
    after_person = page_cache._generations(["organizations"])
    assert after_person != before
    PersonConsent.objects.create(person=person, field="name", given_via="test")
    assert page_cache._generations(["organizations"]) != after_person


def test_parts_are_checked_when_models_are_declared():
    with pytest.raises(ValueError, match="Unknown page cache part"):
        page_cache.shown_in("nowhere", Organization)


API_LIST = "/api/v1/organizations"


def test_an_anonymous_api_answer_is_kept(client, organization, django_assert_num_queries):
    first = client.get(API_LIST)
    assert [item["name"] for item in first.json()["items"]] == [organization.name]
    with django_assert_num_queries(0):
        second = client.get(API_LIST)
    assert second.json() == first.json()
    make_organization("Fundacja Z Interfejsu")
    assert client.get(API_LIST).json()["count"] == 2


def test_an_api_answer_with_a_token_is_never_kept(client, organization, users):
    secret = create_api_token(user=users["resident"], name="test")[1]
    client.get(API_LIST)
    with CaptureQueriesContext(connection) as queries:
        client.get(API_LIST, HTTP_AUTHORIZATION=f"Bearer {secret}")
    assert len(queries) > 0
