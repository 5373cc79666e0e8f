"""Repeating events: rule expansion (also across DST), validation, pages, iCal and API."""

import datetime
import itertools

import pytest
import time_machine
from django.utils import timezone
from icalendar import Calendar

from pomyslowice.events import recurrence
from pomyslowice.events.models import Event
from tests.events.conftest import at, event_form_data, make_event

pytestmark = pytest.mark.django_db


def local_starts(event, since=None) -> list[datetime.datetime]:
    since = since or event.start
    return [timezone.localtime(item.start) for item in recurrence.occurrences(event, since)]


def test_weekly_count_expands_to_that_many_dates():
    event = make_event("Joga", start=at(2030, 5, 7, 18), recurrence_rule="FREQ=WEEKLY;COUNT=10")
    starts = local_starts(event)
    assert len(starts) == 10
    assert starts[0] == at(2030, 5, 7, 18) and starts[-1] == at(2030, 7, 9, 18)
    assert {start - previous for previous, start in itertools.pairwise(starts)} == {
        datetime.timedelta(days=7)
    }


def test_exceptions_are_skipped_and_each_date_keeps_the_duration():
    event = make_event(
        "Joga",
        start=at(2030, 5, 7, 18),
        hours=1.5,
        recurrence_rule="FREQ=WEEKLY;COUNT=4",
        recurrence_exceptions=["2030-05-14", "2030-05-28"],
    )
    found = recurrence.occurrences(event, event.start)
    assert [item.first_day.isoformat() for item in found] == ["2030-05-07", "2030-05-21"]
    assert all(item.end - item.start == datetime.timedelta(hours=1.5) for item in found)


def test_monthly_rule_on_the_first_tuesday():
    event = make_event(
        "Forum NGO", start=at(2030, 1, 1, 17), recurrence_rule="FREQ=MONTHLY;BYDAY=1TU;COUNT=6"
    )
    days = [start.date().isoformat() for start in local_starts(event)]
    assert days == [
        "2030-01-01",
        "2030-02-05",
        "2030-03-05",
        "2030-04-02",
        "2030-05-07",
        "2030-06-04",
    ]


def test_until_is_respected():
    # Tuesdays of January 2027; UNTIL is 23:59:59 UTC, i.e. 00:59:59 on 1 February in Warsaw.
    event = make_event(
        "Dyżur",
        start=at(2027, 1, 5, 17),
        recurrence_rule="FREQ=WEEKLY;BYDAY=TU;UNTIL=20270131T235959Z",
    )
    days = [start.day for start in local_starts(event)]
    assert days == [5, 12, 19, 26]
    assert recurrence.until(event) == at(2027, 2, 1, 0, 59, 59)


@pytest.mark.parametrize(
    ("first", "offsets"),
    [
        # 25 October 2026: summer time (UTC+2) ends.
        (at(2026, 10, 13, 17), [2, 2, 1, 1]),
        # 28 March 2027: summer time starts.
        (at(2027, 3, 16, 17), [1, 1, 2, 2]),
    ],
)
def test_weekly_time_stays_local_across_dst(first, offsets):
    event = make_event("Klub seniora", start=first, recurrence_rule="FREQ=WEEKLY;COUNT=4")
    starts = local_starts(event)
    assert [start.hour for start in starts] == [17, 17, 17, 17]
    assert [start.utcoffset() // datetime.timedelta(hours=1) for start in starts] == offsets
    assert [start.astimezone(datetime.UTC).hour for start in starts] == [17 - n for n in offsets]


def test_occurrences_in_a_window_include_one_still_running():
    event = make_event(
        "Maraton", start=at(2030, 5, 1, 22), hours=4, recurrence_rule="FREQ=DAILY;COUNT=5"
    )
    found = recurrence.occurrences(event, at(2030, 5, 3, 1), at(2030, 5, 4, 0))
    assert [item.start for item in found] == [at(2030, 5, 2, 22), at(2030, 5, 3, 22)]


@pytest.mark.parametrize(
    ("rule", "message"),
    [
        ("FREQ=WEEKLY", "Say when the repeating ends"),
        ("FREQ=HOURLY;COUNT=5", "Repeat daily, weekly, monthly or yearly"),
        ("FREQ=MINUTELY;UNTIL=20300601T000000Z", "Repeat daily, weekly, monthly or yearly"),
        ("FREQ=DAILY;COUNT=201", "at most 200 times"),
        ("FREQ=DAILY;UNTIL=20330101T000000Z", "at most 200 times"),
        ("FREQ=WEEKLY;COUNT=dziesięć", "not a valid repeat rule"),
        ("FREQ=WEEKLY;BYDAY=XX;COUNT=3", "not a valid repeat rule"),
    ],
)
def test_bad_rules_are_rejected_and_nothing_is_saved(client_for, organization, rule, message):
    data = event_form_data(organization, recurrence_rule=rule)
    response = client_for("representative").post("/en/wydarzenia/zglos/", data)
    assert response.status_code == 200
    assert message in response.text
    assert 'aria-invalid="true"' in response.text
    assert not Event.objects.exists()


def test_bad_exception_dates_are_rejected(client_for, organization):
    data = event_form_data(
        organization,
        recurrence_rule="FREQ=WEEKLY;COUNT=3",
        recurrence_exceptions="2030-05-17\n2030-13-01",
    )
    response = client_for("representative").post("/en/wydarzenia/zglos/", data)
    assert response.status_code == 200
    assert "2030-13-01 is not a date" in response.text
    assert not Event.objects.exists()


def test_service_rejects_exceptions_that_are_not_dates(users, organization):
    from django.core.exceptions import ValidationError

    from pomyslowice.events.services import submit_event

    data = {
        "title": "Spotkanie",
        "organizer": organization,
        "start": at(2030, 5, 10, 10),
        "end": at(2030, 5, 10, 12),
        "address": "ul. Krakowska 1",
        "recurrence_rule": "FREQ=WEEKLY;COUNT=3",
        "recurrence_exceptions": ["10 maja"],
    }
    with pytest.raises(ValidationError) as error:
        submit_event(data=data, by=users["representative"])
    assert "recurrence_exceptions" in error.value.error_dict
    assert not Event.objects.exists()


def test_valid_rule_is_stored_normalised(client_for, organization):
    data = event_form_data(
        organization,
        recurrence_rule=" rrule:freq=weekly; count=3 ",
        recurrence_exceptions="2030-05-24, 2030-05-17",
    )
    response = client_for("representative").post("/en/wydarzenia/zglos/", data)
    assert response.status_code == 302
    event = Event.objects.get()
    assert event.recurrence_rule == "FREQ=WEEKLY;COUNT=3"
    assert event.recurrence_exceptions == ["2030-05-17", "2030-05-24"]
    edit = client_for("representative").get(f"/en/wydarzenia/{event.slug}/edytuj/")
    assert "2030-05-17\n2030-05-24</textarea>" in edit.text


def test_list_shows_each_upcoming_date(client):
    # Today's meeting is still ahead whenever the test runs (a fixed hour failed in the evening).
    first = (timezone.localtime() + datetime.timedelta(hours=1)).replace(second=0, microsecond=0)
    make_event(
        "Klub dyskusyjny",
        start=first - datetime.timedelta(days=14),  # the series began before today
        recurrence_rule="FREQ=WEEKLY;COUNT=5",
    )
    make_event("Jednorazowe", start=first + datetime.timedelta(days=8, hours=1))
    response = client.get("/en/wydarzenia/")
    items = response.context["page"].object_list
    assert [item.event.title for item in items] == [
        "Klub dyskusyjny",
        "Klub dyskusyjny",
        "Jednorazowe",
        "Klub dyskusyjny",
    ]
    assert response.context["page"].paginator.count == 4
    next_week = (first + datetime.timedelta(days=7)).date().isoformat()
    assert f'href="/en/wydarzenia/klub-dyskusyjny/?data={next_week}"' in response.text
    assert 'href="/en/wydarzenia/jednorazowe/"' in response.text


def test_list_date_filters_apply_to_each_date(client):
    make_event("Szachy", start=at(2030, 3, 4, 17), recurrence_rule="FREQ=WEEKLY;COUNT=10")
    response = client.get("/en/wydarzenia/?od=2030-03-17&do=2030-03-31")
    starts = [item.start for item in response.context["page"].object_list]
    assert starts == [at(2030, 3, 18, 17), at(2030, 3, 25, 17)]


def test_month_grid_places_each_date(client):
    make_event(
        "Szachy",
        start=at(2030, 4, 2, 17),
        recurrence_rule="FREQ=WEEKLY;COUNT=4",
        recurrence_exceptions=["2030-04-16"],
    )
    html = client.get("/en/wydarzenia/miesiac/2030/04/").text
    assert html.count(">17:00 Szachy</a>") == 3
    assert 'href="/en/wydarzenia/szachy/?data=2030-04-23"' in html
    assert "?data=2030-04-16" not in html
    # The grid of May starts on 29 April and shows none of these dates.
    assert "Szachy" not in client.get("/en/wydarzenia/miesiac/2030/05/").text


def test_detail_lists_next_dates_and_highlights_the_chosen_one(client):
    start = timezone.localtime().replace(hour=17, minute=0, second=0, microsecond=0)
    event = make_event(
        "Kawiarenka",
        start=start + datetime.timedelta(days=1),
        recurrence_rule="FREQ=DAILY;COUNT=15",
    )
    chosen = (start + datetime.timedelta(days=3)).date()
    response = client.get(f"/en/wydarzenia/{event.slug}/?data={chosen.isoformat()}")
    assert len(response.context["next_dates"]) == 10
    assert "Next dates" in response.text
    assert (
        f'<strong aria-current="date"><time datetime="{chosen.isoformat()}T17:00' in response.text
    )


@pytest.fixture
def repeating_event(organization):
    return make_event(
        "Szachy",
        start=at(2030, 4, 2, 17),
        organizer=organization,
        recurrence_rule="FREQ=WEEKLY;BYDAY=TU;UNTIL=20301231T235959Z",
        recurrence_exceptions=["2030-04-16", "2030-11-05"],
    )


BEFORE_THE_SERIES = datetime.datetime(2030, 3, 1, tzinfo=datetime.UTC)


def assert_one_repeating_vevent(response) -> None:
    assert response.status_code == 200
    events = Calendar.from_ical(response.content).walk("VEVENT")
    assert len(events) == 1
    vevent = events[0]
    rule = vevent["RRULE"]
    assert rule["FREQ"] == ["WEEKLY"] and rule["BYDAY"] == ["TU"]
    assert rule["UNTIL"] == [datetime.datetime(2030, 12, 31, 23, 59, 59, tzinfo=datetime.UTC)]
    assert vevent["DTSTART"].params["TZID"] == "Europe/Warsaw"
    exdate = vevent["EXDATE"]
    assert exdate.params["TZID"] == "Europe/Warsaw"
    assert [item.dt for item in exdate.dts] == [at(2030, 4, 16, 17), at(2030, 11, 5, 17)]
    # November is winter time: the exception is still at 17:00 local, 16:00 UTC.
    assert exdate.dts[1].dt.utcoffset() == datetime.timedelta(hours=1)
    assert b"EXDATE;TZID=Europe/Warsaw:20300416T170000,20301105T170000" in response.content


def test_ics_exports_one_vevent_with_rrule_and_exdate(client, repeating_event):
    with time_machine.travel(BEFORE_THE_SERIES, tick=False):  # within the feed's horizon
        assert_one_repeating_vevent(client.get("/kalendarz.ics"))
    assert_one_repeating_vevent(client.get(f"/wydarzenia/{repeating_event.slug}.ics"))


def test_ics_leaves_out_a_series_that_is_over(client):
    make_event("Dawno", start=at(2020, 1, 7, 17), recurrence_rule="FREQ=WEEKLY;COUNT=3")
    recent = timezone.now() - datetime.timedelta(days=100)
    make_event("Trwa", start=recent, recurrence_rule="FREQ=WEEKLY;COUNT=30")
    body = client.get("/kalendarz.ics").content
    assert b"SUMMARY:Trwa" in body and b"Dawno" not in body


def test_all_day_series_uses_dates_in_ics(client):
    make_event(
        "Zbiorka",
        start=at(2030, 6, 1, 0, 0),
        end=at(2030, 6, 1, 23, 59, 59),
        all_day=True,
        recurrence_rule="FREQ=MONTHLY;UNTIL=20301001T000000Z",
        recurrence_exceptions=["2030-08-01"],
    )
    with time_machine.travel(BEFORE_THE_SERIES, tick=False):
        vevent = Calendar.from_ical(client.get("/kalendarz.ics").content).walk("VEVENT")[0]
    assert vevent["RRULE"]["UNTIL"] == [datetime.date(2030, 10, 1)]
    assert [item.dt for item in vevent["EXDATE"].dts] == [datetime.date(2030, 8, 1)]


def test_api_gives_rule_and_next_dates(client, repeating_event):
    make_event("Jednorazowe", start=at(2030, 4, 3, 10))
    items = client.get("/api/v1/events?start=2030-04-01&end=2030-04-30").json()["items"]
    by_title = {item["title"]: item for item in items}
    assert by_title["Szachy"]["recurrence_rule"] == repeating_event.recurrence_rule
    assert by_title["Jednorazowe"]["recurrence_rule"] is None
    assert by_title["Jednorazowe"]["next_occurrences"] == ["2030-04-03T10:00:00+02:00"]
    upcoming = by_title["Szachy"]["next_occurrences"]
    assert len(upcoming) == 10
    assert upcoming[:3] == [
        "2030-04-02T17:00:00+02:00",
        "2030-04-09T17:00:00+02:00",
        "2030-04-23T17:00:00+02:00",
    ]
    # A series that began before the requested period is found too.
    later = client.get("/api/v1/events?start=2030-06-01&end=2030-06-30").json()
    assert [item["title"] for item in later["items"]] == ["Szachy"]


@pytest.mark.parametrize("count", [10, 200])
def test_query_counts_stay_flat(
    client, count, organization, area, district, django_assert_max_num_queries
):
    for n in range(count):
        event = make_event(
            f"Wydarzenie {n}",
            slug=f"wydarzenie-{n}",
            start=at(2030, 4, 1 + n % 28, 10),
            organizer=organization,
            district=district,
            recurrence_rule="FREQ=WEEKLY;COUNT=8" if n % 3 == 0 else "",
        )
        event.areas.add(area)
    with django_assert_max_num_queries(13):
        assert client.get("/en/wydarzenia/").status_code == 200
    with django_assert_max_num_queries(13):
        assert client.get("/en/wydarzenia/?page=3").status_code == 200
    with django_assert_max_num_queries(8):
        assert client.get("/en/wydarzenia/miesiac/2030/05/").status_code == 200
    with django_assert_max_num_queries(2):
        assert client.get("/kalendarz.ics").status_code == 200
    with django_assert_max_num_queries(8):
        assert client.get("/api/v1/events?limit=100").status_code == 200
