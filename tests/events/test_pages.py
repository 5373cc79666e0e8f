"""The calendar's pages, iCal export, feed and API, including DST and query counts."""

import datetime
import json
import re

import pytest
from django.utils import timezone, translation
from icalendar import Calendar

from pomyslowice.events import views
from pomyslowice.events.models import Event
from tests.events.conftest import at, make_event

ICS_HEADERS = "text/calendar; charset=utf-8"


@pytest.fixture
def dst_event(organization):
    # 2026-10-25: clocks go back from 03:00 CEST to 02:00 CET, so this lasts 3.5 hours.
    return make_event(
        "Noc zmiany czasu",
        start=at(2026, 10, 25, 1, 30),
        end=at(2026, 10, 25, 4, 0),
        organizer=organization,
        place_name="Obserwatorium",
    )


def parse(response) -> Calendar:
    assert response["Content-Type"] == ICS_HEADERS
    return Calendar.from_ical(response.content)


def test_list_filters_and_ignores_bad_values(client, event, organization, other_organization):
    make_event("Szkolenie RODO", category=Event.Category.TRAINING, organizer=other_organization)
    response = client.get("/en/wydarzenia/?rodzaj=szkolenie")
    assert "Szkolenie RODO" in response.text and event.title not in response.text
    response = client.get(f"/en/wydarzenia/?organizacja={organization.slug}&bezplatne=1")
    assert event.title in response.text and "Szkolenie RODO" not in response.text
    response = client.get("/en/wydarzenia/?rodzaj=<script>&od=jutro&obszar=nic&dzielnica=x")
    assert response.status_code == 200
    assert "These filters were ignored" in response.text
    assert event.title in response.text and "<script>" not in response.text


def test_list_date_filters_and_pagination(client, organization):
    for day in range(1, 23):
        make_event(f"Dzien {day}", slug=f"dzien-{day}", start=at(2030, 3, day, 10))
    response = client.get("/en/wydarzenia/?od=2030-03-05&do=2030-03-06")
    assert response.context["page"].paginator.count == 2
    response = client.get("/en/wydarzenia/")
    assert len(response.context["page"].object_list) == 20
    assert client.get("/en/wydarzenia/?page=2").context["page"].number == 2


def test_past_events_are_not_listed(client, db):
    make_event("Dawno", start=at(2001, 1, 1, 10))
    assert "Dawno" not in client.get("/en/wydarzenia/").text


def test_month_grid(client, dst_event):
    response = client.get("/en/wydarzenia/miesiac/2026/10/")
    html = response.text
    assert "<caption>" in html
    headers = re.findall(r'<th scope="col"><abbr title="([^"]+)"', html)
    assert headers == ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
    assert f'href="{dst_event.get_absolute_url()}">01:30 Noc zmiany czasu</a>' in html
    assert 'href="/en/wydarzenia/miesiac/2026/09/"' in html
    assert 'href="/en/wydarzenia/miesiac/2026/11/"' in html


def test_multi_day_event_appears_on_each_day(client, db):
    make_event("Festiwal", start=at(2030, 7, 30, 18), end=at(2030, 8, 2, 22))
    july = client.get("/en/wydarzenia/miesiac/2030/07/").text
    august = client.get("/en/wydarzenia/miesiac/2030/08/").text
    # Both grids show the week of 29 July - 4 August: 30 July to 2 August, four days.
    assert july.count("Festiwal</a>") == august.count("Festiwal</a>") == 4
    assert july.count(">18:00 Festiwal</a>") == 1  # the time only on the first day


@pytest.mark.parametrize("path", ["1999/01", "2030/13", "2030/00", "2101/01"])
def test_out_of_range_month_is_404(client, path):
    assert client.get(f"/wydarzenia/miesiac/{path}/").status_code == 404


def test_current_month_redirects(client):
    response = client.get("/wydarzenia/miesiac/")
    assert response.status_code == 302
    assert re.fullmatch(r"/wydarzenia/miesiac/\d{4}/\d{2}/", response["Location"])


def json_ld(response) -> dict:
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', response.text, re.S)
    return json.loads(match.group(1))


def test_detail_structured_data(client, event, organization, other_organization):
    event.co_organizers.add(other_organization)
    event.online_url = "https://meet.example.org/piknik"
    event.save()
    response = client.get(f"/en/wydarzenia/{event.slug}/")
    data = json_ld(response)
    assert data["@type"] == "Event"
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    assert data["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    assert [place["@type"] for place in data["location"]] == ["Place", "VirtualLocation"]
    assert data["organizer"] == {
        "@type": "Organization",
        "name": organization.name,
        "url": f"http://testserver{organization.get_absolute_url()}",
    }
    assert data["isAccessibleForFree"] is True
    assert f'href="/en/wydarzenia/{event.slug}.ics"' in response.text
    assert f'href="{other_organization.get_absolute_url()}"' in response.text


@pytest.mark.parametrize(
    ("status", "schema"),
    [("cancelled", "EventCancelled"), ("postponed", "EventPostponed")],
)
def test_detail_status_in_structured_data(client, event, status, schema):
    event.status = status
    event.online_url, event.address, event.place_name = "https://x.example.org", "", ""
    event.save()
    data = json_ld(client.get(f"/en/wydarzenia/{event.slug}/"))
    assert data["eventStatus"] == f"https://schema.org/{schema}"
    assert data["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    assert data["location"]["@type"] == "VirtualLocation"


def test_dst_event_renders_and_exports(client, dst_event, settings):
    settings.SITE_URL = "https://pomyslowice.example.org"
    data = json_ld(client.get(f"/en/wydarzenia/{dst_event.slug}/"))
    assert data["startDate"] == "2026-10-25T01:30:00+02:00"
    assert data["endDate"] == "2026-10-25T04:00:00+01:00"
    calendar = parse(client.get(f"/wydarzenia/{dst_event.slug}.ics"))
    [item] = calendar.walk("VEVENT")
    assert item["DTSTART"].params["TZID"] == "Europe/Warsaw"
    assert item["DTSTART"].dt.replace(tzinfo=None) == datetime.datetime(2026, 10, 25, 1, 30)
    assert item["DTEND"].dt.replace(tzinfo=None) == datetime.datetime(2026, 10, 25, 4, 0)
    # Subtracting in UTC: within one zone Python subtracts wall-clock times.
    duration = item["DTEND"].dt.astimezone(datetime.UTC) - item["DTSTART"].dt
    assert duration == datetime.timedelta(hours=3, minutes=30)
    [zone] = calendar.walk("VTIMEZONE")
    assert zone["TZID"] == "Europe/Warsaw"
    assert calendar.walk("STANDARD") and calendar.walk("DAYLIGHT")


def test_ics_fields(client, event, organization, settings):
    settings.SITE_URL = "https://pomyslowice.example.org"
    first = parse(client.get(f"/en/wydarzenia/{event.slug}.ics"))
    second = parse(client.get("/kalendarz.ics"))
    assert first["VERSION"] == "2.0" and first["PRODID"]
    assert first["X-WR-CALNAME"] == event.title
    [item] = first.walk("VEVENT")
    [again] = [e for e in second.walk("VEVENT") if e["SUMMARY"] == event.title]
    assert item["UID"] == again["UID"] == f"event-{event.pk}@pomyslowice.example.org"
    assert item["SUMMARY"] == event.title
    assert item["DESCRIPTION"] == "Grill i gry dla dzieci."
    assert item["LOCATION"] == f"Park Zamkowy, {event.address}"
    # Polish address even when asked from an English page.
    assert item["URL"] == f"https://pomyslowice.example.org/wydarzenia/{event.slug}/"
    assert item["STATUS"] == "CONFIRMED"
    with translation.override("pl"):  # the file's texts are in the site's language
        assert item["CATEGORIES"].cats == [str(Event.Category.MEETING.label)]
    assert item["ORGANIZER"].params["CN"] == organization.name
    assert item["DTSTAMP"]


def test_ics_of_all_day_and_cancelled_events(client, db):
    event = make_event(
        "Dzien otwarty",
        start=at(2030, 6, 1, 0, 0),
        end=at(2030, 6, 2, 23, 59),
        all_day=True,
        status=Event.Status.CANCELLED,
    )
    [item] = parse(client.get(f"/wydarzenia/{event.slug}.ics")).walk("VEVENT")
    assert item["STATUS"] == "CANCELLED"
    assert item["DTSTART"].params.get("VALUE") == "DATE"
    assert item["DTSTART"].dt == datetime.date(2030, 6, 1)
    assert item["DTEND"].dt == datetime.date(2030, 6, 3)


def test_postponed_is_tentative(client, event):
    event.status = Event.Status.POSTPONED
    event.save()
    [item] = parse(client.get(f"/wydarzenia/{event.slug}.ics")).walk("VEVENT")
    assert item["STATUS"] == "TENTATIVE"


def test_calendar_feed_filters(client, event, organization, other_organization):
    make_event("Szkolenie RODO", category=Event.Category.TRAINING, organizer=other_organization)
    make_event("Stare", start=at(2001, 1, 1, 10))
    make_event("Czeka", status=Event.Status.SUBMITTED)
    titles = lambda response: {e["SUMMARY"] for e in parse(response).walk("VEVENT")}  # noqa: E731
    assert titles(client.get("/kalendarz.ics")) == {event.title, "Szkolenie RODO"}
    assert titles(client.get("/kalendarz.ics?rodzaj=szkolenie")) == {"Szkolenie RODO"}
    assert titles(client.get(f"/kalendarz.ics?organizacja={organization.slug}")) == {event.title}


def test_calendar_feed_is_bounded(client, db, monkeypatch):
    """A month back to a year ahead; past the limits, the soonest and the latest recent stay."""
    now = timezone.now()
    for days in (-40, -20, -10, -5):
        make_event(f"Minione {days}", start=now + datetime.timedelta(days=days))
    for days in (1, 2, 3, 4, 400):
        make_event(f"Przyszle {days}", start=now + datetime.timedelta(days=days))
    titles = lambda: [e["SUMMARY"] for e in parse(client.get("/kalendarz.ics")).walk("VEVENT")]  # noqa: E731
    assert titles() == [
        "Minione -20",
        "Minione -10",
        "Minione -5",
        "Przyszle 1",
        "Przyszle 2",
        "Przyszle 3",
        "Przyszle 4",
    ]
    monkeypatch.setattr(views, "ICS_LIMIT", 2)
    monkeypatch.setattr(views, "ICS_RECENT_LIMIT", 1)
    assert titles() == ["Minione -5", "Przyszle 1", "Przyszle 2"]


def test_ics_texts_are_escaped_and_folded(client, organization):
    title = "Zażółć gęślą jaźń; spotkanie, rozmowy \\ " * 4
    organization.name = 'Fundacja "Razem": Mysłowice, Śląsk'
    organization.save()
    event = make_event(
        title, slug="znaki", organizer=organization, description="<p>Linia</p><p>druga</p>"
    )
    response = client.get(f"/wydarzenia/{event.slug}.ics")
    lines = response.content.split(b"\r\n")
    assert max(len(line) for line in lines) <= 75
    assert all(line.decode() for line in lines[:-1])  # no line cut inside a character
    [item] = parse(response).walk("VEVENT")
    assert item["SUMMARY"] == title
    assert item["DESCRIPTION"] == "Linia druga"
    assert item["ORGANIZER"].params["CN"] == "Fundacja 'Razem': Mysłowice, Śląsk"


@pytest.mark.parametrize(
    "query",
    [
        "rodzaj=<script>alert(1)</script>",
        "rodzaj=training",
        "organizacja=nie-ma-takiej",
        "organizacja=<b>",
    ],
)
def test_calendar_feed_refuses_forged_filters(client, db, query):
    response = client.get(f"/kalendarz.ics?{query}")
    assert response.status_code == 400
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert "Nieprawidłowy filtr kalendarza" in response.content.decode()  # unprefixed: Polish


def test_atom_feed(client, event):
    make_event("Czeka", status=Event.Status.SUBMITTED)
    response = client.get("/wydarzenia/kanal.atom")
    assert response["Content-Type"].startswith("application/atom+xml")
    text = response.content.decode()
    assert event.title in text and "Czeka" not in text


# --- API ---------------------------------------------------------------------------------------


def test_api_list_and_detail(client, event, organization, area):
    make_event("Czeka", status=Event.Status.SUBMITTED)
    data = client.get("/api/v1/events").json()
    assert data["count"] == 1
    [item] = data["items"]
    assert item["slug"] == event.slug
    assert item["category"] == "meeting"
    assert item["organizer"] == {
        "id": organization.pk,
        "slug": organization.slug,
        "name": organization.name,
    }
    assert item["areas"] == [
        {"id": area.pk, "code": area.code, "name": area.name, "slug": area.slug}
    ]
    assert item["status"] == "published" and item["online_url"] is None
    assert client.get(f"/api/v1/events/{event.slug}").json()["title"] == event.title
    assert client.get("/api/v1/events/czeka").status_code == 404


def test_api_filters(client, event, organization, area):
    make_event("Szkolenie", category=Event.Category.TRAINING, start=at(2030, 3, 1, 10))
    get = lambda query: [i["title"] for i in client.get(f"/api/v1/events?{query}").json()["items"]]  # noqa: E731
    assert get("category=training") == ["Szkolenie"]
    assert get(f"organization={organization.slug}") == [event.title]
    assert get(f"area={area.slug}") == [event.title]
    assert get("start=2030-03-01&end=2030-03-01") == ["Szkolenie"]
    assert get("start=2030-03-01T11:00:00%2B01:00&end=2030-03-02") == ["Szkolenie"]


@pytest.mark.parametrize(
    "query", ["category=szkolenie", "start=jutro", "end=2030-13-01", "limit=0"]
)
def test_api_bad_filters_are_400(client, query):
    assert client.get(f"/api/v1/events?{query}").status_code == 400


# --- query counts ------------------------------------------------------------------------------


@pytest.mark.parametrize("count", [50, 1000])
def test_query_counts_stay_flat(
    client, count, organization, other_organization, area, district, django_assert_max_num_queries
):
    for n in range(count):
        event = make_event(
            f"Wydarzenie {n}",
            slug=f"wydarzenie-{n}",
            start=at(2030, 4, 1 + n % 28, 10),
            organizer=organization,
            district=district,
        )
        event.areas.add(area)
        event.co_organizers.add(other_organization)
    with django_assert_max_num_queries(12):
        assert client.get("/en/wydarzenia/").status_code == 200
    with django_assert_max_num_queries(8):
        assert client.get("/en/wydarzenia/miesiac/2030/04/").status_code == 200
    with django_assert_max_num_queries(8):
        assert client.get("/kalendarz.ics").status_code == 200
    with django_assert_max_num_queries(8):
        assert client.get("/api/v1/events?limit=100").status_code == 200


def test_busy_day_in_month_links_to_its_list(client, db):
    for n in range(7):
        make_event(f"Dyzur {n}", start=at(2030, 5, 14, 8 + n))
    body = client.get("/en/wydarzenia/miesiac/2030/05/").content.decode()
    assert body.count("Dyzur ") == 5
    assert "and 2 more" in body
    assert "/en/wydarzenia/?od=2030-05-14&amp;do=2030-05-14" in body
    listed = client.get("/en/wydarzenia/?od=2030-05-14&do=2030-05-14").content.decode()
    assert listed.count("Dyzur ") == 7


def test_event_list_offers_only_the_organiser_asked_for(client, organization, other_organization):
    body = client.get("/en/wydarzenia/").content.decode()
    assert organization.name not in body and other_organization.name not in body
    chosen = client.get(f"/en/wydarzenia/?organizacja={organization.slug}").content.decode()
    assert f'value="{organization.slug}" selected' in chosen
    assert other_organization.name not in chosen
