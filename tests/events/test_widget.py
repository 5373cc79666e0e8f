"""The embeddable calendar widget (/wydarzenia/widget/) and its code page."""

import datetime
import re

import pytest
from django.conf import settings
from django.utils import timezone

from pomyslowice.events.models import Event
from tests.conftest import make_organization
from tests.events.conftest import make_event

WIDGET = "/wydarzenia/widget/"
CODE = "/wydarzenia/widget/kod/"


@pytest.fixture
def calendar(event, other_organization):
    """The organisation's meeting (`event`), another one's training, a cancelled, a past, a
    submitted (not approved) event."""
    soon = timezone.now() + datetime.timedelta(days=3)
    return {
        "training": make_event(
            "Szkolenie z RODO",
            start=soon,
            category=Event.Category.TRAINING,
            organizer=other_organization,
            place_name="Centrum NGO",
        ),
        "cancelled": make_event("Odwolany koncert", status=Event.Status.CANCELLED),
        "past": make_event(
            "Zeszloroczny festyn", start=timezone.now() - datetime.timedelta(days=9)
        ),
        "submitted": make_event("Czeka na zgode", status=Event.Status.SUBMITTED),
    }


def titles(response) -> list[str]:
    return re.findall(r'class="title"[^>]*>([^<]+)<', response.content.decode())


def test_widget_lists_upcoming_published_events_in_order(client, calendar, event):
    response = client.get(WIDGET)

    assert response.status_code == 200
    assert titles(response) == ["Szkolenie z RODO", "Piknik sasiedzki"]
    html = response.content.decode()
    assert f'href="{settings.SITE_URL}{event.get_absolute_url()}"' in html
    assert 'target="_blank" rel="noopener"' in html
    assert "Park Zamkowy" in html


def test_widget_filters_by_organisation_and_kind(client, calendar, event, organization):
    by_org = client.get(WIDGET, {"organizacja": organization.slug})
    by_kind = client.get(WIDGET, {"rodzaj": "szkolenie"})
    both = client.get(WIDGET, {"rodzaj": "szkolenie", "organizacja": organization.slug})

    assert titles(by_org) == ["Piknik sasiedzki"]
    assert titles(by_kind) == ["Szkolenie z RODO"]
    assert titles(both) == []
    assert 'id="widget-empty"' in both.content.decode()


def test_widget_limit(client, calendar):
    assert titles(client.get(WIDGET, {"limit": 1})) == ["Szkolenie z RODO"]


@pytest.mark.parametrize(
    "query",
    [
        {"organizacja": "nie-ma-takiej"},
        {"rodzaj": "koncert"},
        {"limit": "0"},
        {"limit": "999999999999999999999"},
        {"limit": "abc"},
        {"organizacja": "a\x00b"},
    ],
)
def test_unusable_filter_gives_an_empty_widget_with_a_message(client, calendar, query):
    response = client.get(WIDGET, query)

    assert response.status_code == 200
    assert titles(response) == []
    assert 'id="widget-problem"' in response.content.decode()


def test_widget_of_an_unpublished_organisation_is_empty(client, calendar):
    hidden = make_organization("Ukryta Fundacja", status="pending")
    make_event("Ukryte spotkanie", organizer=hidden)

    response = client.get(WIDGET, {"organizacja": hidden.slug})

    assert 'id="widget-problem"' in response.content.decode()


def test_only_the_widget_may_be_framed_by_other_sites(client, calendar):
    widget = client.get(WIDGET)
    code_page = client.get(CODE)
    event_list = client.get("/wydarzenia/")

    assert "X-Frame-Options" not in widget.headers
    assert "frame-ancestors *" in widget.headers["Content-Security-Policy"]
    assert "script-src" not in widget.headers["Content-Security-Policy"]
    assert "default-src 'none'" in widget.headers["Content-Security-Policy"]
    assert code_page.headers["X-Frame-Options"] == "DENY"
    assert event_list.headers["X-Frame-Options"] == "DENY"


def test_widget_has_no_scripts_no_inline_styles_and_nothing_from_other_hosts(client, calendar):
    html = client.get(WIDGET).content.decode()

    assert "<script" not in html
    assert "style=" not in html and "<style" not in html
    assert re.search(r'<html lang="pl">', html)
    assert '<link rel="stylesheet" href="/static/events/widget.css">' in html
    assert all(
        link.startswith(("/", f"{settings.SITE_URL}/"))
        for link in re.findall(r'(?:src|href)="([^"]*)"', html)
    )
    assert "<ol" in html and "<h1>" in html


def test_widget_shows_no_personal_data(client, calendar, event, users):
    event.submitted_by = users["representative"]
    event.save()

    html = client.get(WIDGET).content.decode()

    assert users["representative"].email not in html
    assert "@" not in html


def test_widget_query_count_does_not_grow(client, organization, django_assert_max_num_queries):
    for number in range(30):
        make_event(f"Spotkanie {number}", slug=f"spotkanie-{number}", organizer=organization)

    with django_assert_max_num_queries(4):
        response = client.get(WIDGET, {"organizacja": organization.slug, "limit": 20})

    assert len(titles(response)) == 20


def test_code_page_builds_the_snippet_from_the_chosen_filters(client, organization):
    response = client.get(CODE, {"organizacja": organization.slug, "rodzaj": "szkolenie"})

    assert response.status_code == 200
    html = response.content.decode()
    snippet = re.search(r'<textarea id="widget-code"[^>]*>(.*?)</textarea>', html, re.S).group(1)
    assert snippet.startswith(
        f'&lt;iframe src="{settings.SITE_URL}/wydarzenia/widget/'
        f'?organizacja={organization.slug}&amp;rodzaj=szkolenie"'
    )
    assert 'id="widget-preview"' in html


def test_code_page_with_bad_filters_shows_errors_and_the_plain_snippet(client, db):
    response = client.get(CODE, {"organizacja": "nie-ma", "limit": "500"})

    assert response.status_code == 200
    html = response.content.decode()
    assert "errorlist" in html
    assert f'&lt;iframe src="{settings.SITE_URL}/wydarzenia/widget/"' in html
