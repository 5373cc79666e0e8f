"""Hours: the volunteer logs them in an engagement in progress, the host approves or queries
them, staff and hosts see totals per volunteer, offer, host and period."""

import csv
import datetime
import io
import time
from decimal import Decimal

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from pomyslowice.core.models import AuditLogEntry
from pomyslowice.volunteering import demo_hours
from pomyslowice.volunteering import hours_services as services
from pomyslowice.volunteering.models import Application, Engagement, HoursEntry
from tests.conftest import PERSONAS, create_user, make_organization
from tests.events.test_registration_concurrency import race
from tests.volunteering.conftest import make_offer, make_profile, years_ago


def days_ago(days: int) -> datetime.date:
    return timezone.localdate() - datetime.timedelta(days=days)


def make_engagement(offer, volunteer, *, starts_on=None, ends_on=None, status=None):
    """An engagement in progress (ACTIVE, started) made directly, as the engagements' services
    would after acceptance and the legal steps."""
    application = Application.objects.create(
        offer=offer, volunteer=volunteer, message="Chętnie pomogę.", status="accepted"
    )
    status = status or Engagement.Status.ACTIVE
    return Engagement.objects.create(
        application=application,
        starts_on=starts_on or days_ago(90),
        ends_on=ends_on,
        status=status,
        started_at=None if status == Engagement.Status.PREPARING else timezone.now(),
    )


@pytest.fixture
def engagement(users, offer):
    """The adult volunteer in the representative's organisation's offer, for 90 days so far."""
    return make_engagement(offer, users["volunteer"])


@pytest.fixture
def other_engagement(users, other_offer):
    """The same volunteer also helps the other organisation."""
    return make_engagement(other_offer, users["volunteer"])


def log(engagement, day=None, hours="2", description="Pomoc w świetlicy", by=None):
    return services.log_hours(
        engagement=engagement,
        by=by or engagement.application.volunteer,
        date=day or days_ago(1),
        hours=Decimal(hours),
        description=description,
    )


def error_codes(error: ValidationError) -> dict:
    return {field: [e.code for e in errors] for field, errors in error.error_dict.items()}


# --- logging -----------------------------------------------------------------------------------


def test_volunteer_logs_hours_awaiting_approval(engagement, users):
    entry = log(engagement, hours="2.25", description="Zajęcia plastyczne z dziećmi")

    entry.refresh_from_db()
    assert entry.status == HoursEntry.Status.SUBMITTED
    assert entry.hours == Decimal("2.25")
    assert entry.description == "Zajęcia plastyczne z dziećmi"
    logged = AuditLogEntry.objects.get(verb="volunteering.hours.logged")
    assert logged.actor == users["volunteer"] and logged.target_id == str(entry.pk)


@pytest.mark.parametrize(
    "day, hours, field, code",
    [
        (1, "2", "date", "date"),  # tomorrow: in the future
        (-91, "2", "date", "date"),  # before the engagement started
        (-1, "0", "hours", "hours"),
        (-1, "-3", "hours", "hours"),
        (-1, "24.25", "hours", "hours"),
        (-1, "1.3", "hours", "hours"),  # not a quarter of an hour
    ],
)
def test_bad_entries_are_refused_and_nothing_saved(engagement, day, hours, field, code):
    with pytest.raises(ValidationError) as raised:
        log(engagement, day=days_ago(-day), hours=hours)

    assert code in error_codes(raised.value)[field]
    assert not HoursEntry.objects.exists()


def test_a_whole_day_of_24_hours_is_allowed(engagement):
    assert log(engagement, hours="24").hours == 24


def test_hours_after_the_engagement_ended_are_refused(users, offer):
    finished = make_engagement(
        offer, users["volunteer"], starts_on=days_ago(30), ends_on=days_ago(10)
    )

    with pytest.raises(ValidationError) as raised:
        log(finished, day=days_ago(9))

    assert "date" in error_codes(raised.value)
    assert log(finished, day=days_ago(10)).date == days_ago(10)


def test_the_day_an_engagement_ended_early_is_its_last(engagement):
    engagement.ended_at = timezone.now() - datetime.timedelta(days=5)
    engagement.save()

    with pytest.raises(ValidationError):
        log(engagement, day=days_ago(4))
    assert services.last_day(engagement) == days_ago(5)


def test_the_daily_cap_counts_every_engagement_of_the_volunteer(engagement, other_engagement):
    log(engagement, day=days_ago(2), hours="20")

    with pytest.raises(ValidationError) as raised:
        log(other_engagement, day=days_ago(2), hours="4.25")

    assert error_codes(raised.value) == {"hours": ["day_full"]}
    assert "20 h" in raised.value.message_dict["hours"][0]
    log(other_engagement, day=days_ago(2), hours="4")
    assert (
        services.hours_on_day(volunteer_id=engagement.application.volunteer_id, day=days_ago(2))
        == 24
    )


def test_other_volunteers_hours_do_not_count_towards_the_cap(engagement, users, offer):
    someone_else = make_engagement(offer, users["volunteer_minor"])
    log(someone_else, day=days_ago(2), hours="20")

    assert log(engagement, day=days_ago(2), hours="20").hours == 20


@pytest.mark.parametrize("status", [Engagement.Status.PREPARING, Engagement.Status.FINISHED])
def test_hours_are_logged_only_in_an_engagement_in_progress(users, offer, status):
    not_active = make_engagement(offer, users["volunteer"], status=status)

    with pytest.raises(ValidationError) as raised:
        log(not_active)

    assert raised.value.code == "not_active"


def test_only_the_volunteer_logs_their_hours(engagement, users):
    with pytest.raises(ValidationError) as raised:
        log(engagement, by=users["representative"])
    assert raised.value.code == "not_volunteer"


# --- review ------------------------------------------------------------------------------------


def test_host_approves_and_approved_hours_are_final(engagement, users):
    entry = log(engagement, hours="3")

    services.approve_hours(entry=entry, by=users["representative"])

    entry.refresh_from_db()
    assert entry.status == HoursEntry.Status.APPROVED
    assert entry.reviewed_by == users["representative"] and entry.reviewed_at
    assert AuditLogEntry.objects.filter(verb="volunteering.hours.approved").count() == 1
    with pytest.raises(ValidationError):
        services.approve_hours(entry=entry, by=users["representative"])
    with pytest.raises(ValidationError) as raised:
        services.correct_hours(
            entry=entry, by=users["volunteer"], date=entry.date, hours=Decimal(1), description="x"
        )
    assert raised.value.code == "approved"


def test_nobody_reviews_their_own_hours(users, organization, offer):
    # The representative also volunteers in their own organisation's offer.
    own = make_engagement(offer, users["representative"])
    entry = log(own)

    with pytest.raises(ValidationError) as raised:
        services.approve_hours(entry=entry, by=users["representative"])
    assert raised.value.code == "own_hours"


def test_query_e_mails_the_note_and_the_volunteer_corrects(
    engagement, users, django_capture_on_commit_callbacks
):
    entry = log(engagement, day=days_ago(3), hours="5")
    with django_capture_on_commit_callbacks(execute=True):
        services.query_hours(entry=entry, by=users["representative"], note="Czy na pewno 5 godzin?")

    entry.refresh_from_db()
    assert entry.status == HoursEntry.Status.QUERIED
    assert entry.review_note == "Czy na pewno 5 godzin?"
    assert [message.to for message in mail.outbox] == [[users["volunteer"].email]]
    assert "Czy na pewno 5 godzin?" in mail.outbox[0].body
    assert f"/wolontariat/godziny/{entry.pk}/popraw/" in mail.outbox[0].body

    with django_capture_on_commit_callbacks(execute=True):
        services.correct_hours(
            entry=entry,
            by=users["volunteer"],
            date=days_ago(3),
            hours=Decimal("3.5"),
            description="Dyżur",
        )

    entry.refresh_from_db()
    assert entry.status == HoursEntry.Status.SUBMITTED
    assert entry.hours == Decimal("3.5")
    assert mail.outbox[1].to == [users["representative"].email]
    corrected = AuditLogEntry.objects.get(verb="volunteering.hours.corrected")
    assert corrected.data["before"]["hours"] == "5.00"
    assert corrected.data["after"]["hours"] == "3.5"


def test_a_query_needs_a_note(engagement, users):
    entry = log(engagement)
    with pytest.raises(ValidationError) as raised:
        services.query_hours(entry=entry, by=users["representative"], note="   ")
    assert error_codes(raised.value) == {"note": ["required"]}
    entry.refresh_from_db()
    assert entry.status == HoursEntry.Status.SUBMITTED


def test_a_correction_does_not_count_the_entry_against_itself(engagement):
    entry = log(engagement, day=days_ago(2), hours="20")

    services.correct_hours(
        entry=entry,
        by=engagement.application.volunteer,
        date=days_ago(2),
        hours=Decimal(22),
        description="Obóz",
    )

    entry.refresh_from_db()
    assert entry.hours == 22


def test_a_correction_keeps_to_the_rules(engagement):
    entry = log(engagement)
    with pytest.raises(ValidationError) as raised:
        services.correct_hours(
            entry=entry,
            by=engagement.application.volunteer,
            date=days_ago(-1),
            hours=Decimal(2),
            description="Jutro",
        )
    assert "date" in error_codes(raised.value)
    entry.refresh_from_db()
    assert entry.date == days_ago(1)


# --- totals ------------------------------------------------------------------------------------


def approved(engagement, day, hours, reviewer):
    entry = log(engagement, day=day, hours=hours)
    return services.approve_hours(entry=entry, by=reviewer)


def test_approved_hours_total_counts_only_approved(engagement, users):
    assert services.approved_hours_total(engagement) == 0
    approved(engagement, days_ago(1), "2.5", users["representative"])
    approved(engagement, days_ago(2), "3", users["representative"])
    log(engagement, day=days_ago(3), hours="7")

    assert services.approved_hours_total(engagement) == Decimal("5.5")
    totals = services.totals_of(engagement.hours.all())
    assert (totals.approved, totals.awaiting, totals.queried, totals.entries) == (
        Decimal("5.5"),
        Decimal("7"),
        0,
        3,
    )


def test_engagement_totals_for_a_list_in_one_query(engagement, other_engagement, users):
    approved(engagement, days_ago(1), "2", users["representative"])
    log(other_engagement, day=days_ago(1), hours="1.5")

    with CaptureQueriesContext(connection) as queries:
        rows = {e.pk: e for e in services.with_hours_totals(Engagement.objects.all())}

    assert len(queries) == 1
    assert rows[engagement.pk].approved_hours == 2 and rows[engagement.pk].awaiting_hours == 0
    assert rows[other_engagement.pk].awaiting_hours == Decimal("1.5")


@pytest.fixture
def year_of_hours(engagement, other_engagement, users):
    """Approved hours in two months of two years, in two hosts' offers."""
    engagement.starts_on = other_engagement.starts_on = datetime.date(2024, 1, 1)
    engagement.save()
    other_engagement.save()
    approved(engagement, datetime.date(2024, 11, 5), "2", users["representative"])
    approved(engagement, datetime.date(2025, 3, 3), "3", users["representative"])
    approved(engagement, datetime.date(2025, 3, 20), "1.5", users["representative"])
    approved(other_engagement, datetime.date(2025, 3, 21), "4", users["representative_other_org"])
    log(other_engagement, day=datetime.date(2025, 4, 2), hours="6")


def labelled(rows) -> dict:
    return {row.label: (row.totals.approved, row.totals.awaiting) for row in rows}


def test_totals_per_month_and_year(year_of_hours):
    entries = HoursEntry.objects.all()

    assert list(labelled(services.totals_by(entries, "year")).values()) == [
        (2, 0),
        (Decimal("8.5"), 6),
    ]
    months = services.totals_by(entries, "month")
    assert [row.totals.approved for row in months] == [2, Decimal("8.5"), 0]
    assert [row.totals.awaiting for row in months] == [0, 0, 6]
    assert [row.label for row in services.totals_by(entries, "year")] == ["2024", "2025"]


def test_totals_per_volunteer_offer_and_host(
    year_of_hours, users, organization, other_organization
):
    entries = HoursEntry.objects.all()

    assert labelled(services.totals_by(entries, "volunteer")) == {
        "Wiktor Wolny": (Decimal("10.5"), 6)
    }
    assert labelled(services.totals_by(entries, "host")) == {
        other_organization.name: (4, 6),
        organization.name: (Decimal("6.5"), 0),
    }
    by_offer = labelled(services.totals_by(entries, "offer"))
    assert by_offer[f"Pomoc w świetlicy na Piasku ({organization.name})"] == (Decimal("6.5"), 0)


# --- pages: one engagement's hours -------------------------------------------------------------

ENGAGEMENT_ACCESS = {
    "anonymous": 302,
    "resident": 404,
    "representative": 200,
    "representative_other_org": 404,
    "volunteer": 200,
    "volunteer_minor": 404,
    "coordinator": 200,
    "analyst": 404,
    "ngo_caretaker": 404,
    "volunteer_caretaker": 200,
    "technical_admin": 404,
}


@pytest.mark.parametrize("persona", PERSONAS)
def test_hours_page_for_every_persona(client_for, engagement, persona):
    log(engagement, description="Sprzątanie sali po zajęciach")

    response = client_for(persona).get(f"/wolontariat/wspolprace/{engagement.pk}/godziny/")

    assert response.status_code == ENGAGEMENT_ACCESS[persona]
    if response.status_code == 200:
        assert "Sprzątanie sali po zajęciach" in response.content.decode()


def test_only_the_volunteer_sees_the_log_form(client_for, engagement):
    url = f"/wolontariat/wspolprace/{engagement.pk}/godziny/"
    assert 'name="hours"' in client_for("volunteer").get(url).content.decode()
    assert 'name="hours"' not in client_for("representative").get(url).content.decode()


def test_volunteer_logs_hours_on_the_page(client_for, engagement):
    response = client_for("volunteer").post(
        f"/wolontariat/wspolprace/{engagement.pk}/godziny/",
        {"date": days_ago(1).isoformat(), "hours": "1.75", "description": "Pomoc przy festynie"},
    )

    assert response.status_code == 302
    entry = HoursEntry.objects.get()
    assert (entry.hours, entry.description) == (Decimal("1.75"), "Pomoc przy festynie")


@pytest.mark.parametrize(
    "data, message",
    [
        ({"date": "2999-01-01", "hours": "2"}, "Hours cannot be logged for a future date."),
        ({"hours": "-1"}, "Ensure this value is greater than or equal to 0.25."),
        ({"hours": "25"}, "Ensure this value is less than or equal to 24."),
        ({"hours": "abc"}, "Enter a number."),
        ({"hours": "1.1"}, "Ensure this value is a multiple of step size 0.25"),
        ({"date": "not-a-date"}, "Enter a valid date."),
        ({"description": ""}, "This field is required."),
    ],
)
def test_bad_input_on_the_page_is_explained(client_for, engagement, data, message):
    form = {"date": days_ago(1).isoformat(), "hours": "2", "description": "Dyżur", **data}

    response = client_for("volunteer").post(
        f"/en/wolontariat/wspolprace/{engagement.pk}/godziny/", form
    )

    assert response.status_code == 200
    assert message in response.content.decode()
    assert not HoursEntry.objects.exists()


def test_over_24_hours_a_day_in_sum_is_explained_on_the_page(
    client_for, engagement, other_engagement
):
    log(other_engagement, day=days_ago(1), hours="16")

    response = client_for("volunteer").post(
        f"/en/wolontariat/wspolprace/{engagement.pk}/godziny/",
        {"date": days_ago(1).isoformat(), "hours": "9", "description": "Dyżur"},
    )

    assert response.status_code == 200
    assert "you have already logged 16 h" in response.content.decode()
    assert HoursEntry.objects.count() == 1


@pytest.mark.parametrize("persona", ["representative", "coordinator", "resident"])
def test_only_the_volunteer_may_post_hours(client_for, engagement, persona):
    response = client_for(persona).post(
        f"/wolontariat/wspolprace/{engagement.pk}/godziny/",
        {"date": days_ago(1).isoformat(), "hours": "2", "description": "Dyżur"},
    )
    assert response.status_code == 404
    assert not HoursEntry.objects.exists()


APPROVE_ACCESS = {
    "resident": 404,
    "representative": 302,
    "representative_other_org": 404,
    "volunteer": 404,
    "volunteer_minor": 404,
    "coordinator": 302,
    "analyst": 404,
    "ngo_caretaker": 404,
    "volunteer_caretaker": 302,
    "technical_admin": 404,
}


@pytest.mark.parametrize("persona", APPROVE_ACCESS)
def test_approval_by_every_persona(client_for, engagement, persona):
    entry = log(engagement)

    response = client_for(persona).post(f"/wolontariat/godziny/{entry.pk}/zatwierdz/")

    assert response.status_code == APPROVE_ACCESS[persona]
    entry.refresh_from_db()
    expected = (
        HoursEntry.Status.APPROVED if response.status_code == 302 else HoursEntry.Status.SUBMITTED
    )
    assert entry.status == expected


def test_approval_needs_post_and_login(client, client_for, engagement):
    entry = log(engagement)
    assert (
        client_for("representative").get(f"/wolontariat/godziny/{entry.pk}/zatwierdz/").status_code
        == 405
    )
    assert client.post(f"/wolontariat/godziny/{entry.pk}/zatwierdz/").status_code == 302
    entry.refresh_from_db()
    assert entry.status == HoursEntry.Status.SUBMITTED


def test_forged_ids_of_another_hosts_entries_are_404(client_for, other_engagement):
    entry = log(other_engagement)
    client = client_for("representative")

    assert client.post(f"/wolontariat/godziny/{entry.pk}/zatwierdz/").status_code == 404
    assert (
        client.post(f"/wolontariat/godziny/{entry.pk}/zapytaj/", {"note": "?"}).status_code == 404
    )
    assert client.post("/wolontariat/godziny/999999/zatwierdz/").status_code == 404
    entry.refresh_from_db()
    assert entry.status == HoursEntry.Status.SUBMITTED


def test_host_queries_on_the_page_and_the_volunteer_is_told(
    client_for, engagement, users, django_capture_on_commit_callbacks
):
    entry = log(engagement)
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for("representative").post(
            f"/wolontariat/godziny/{entry.pk}/zapytaj/", {"note": "Proszę o szczegóły."}
        )

    assert response.status_code == 302
    entry.refresh_from_db()
    assert entry.status == HoursEntry.Status.QUERIED
    assert mail.outbox[0].to == [users["volunteer"].email]
    page = client_for("volunteer").get(f"/wolontariat/wspolprace/{engagement.pk}/godziny/")
    assert "Proszę o szczegóły." in page.content.decode()


def test_an_empty_query_re_renders_the_page_with_the_error(client_for, engagement):
    entry = log(engagement)

    response = client_for("representative").post(
        f"/en/wolontariat/godziny/{entry.pk}/zapytaj/", {"note": ""}
    )

    assert response.status_code == 200
    content = response.content.decode()
    assert "This field is required." in content
    assert f'id="query-{entry.pk}-note"' in content
    entry.refresh_from_db()
    assert entry.status == HoursEntry.Status.SUBMITTED
    assert not mail.outbox


@pytest.mark.parametrize(
    "persona, expected",
    [
        ("volunteer", 200),
        ("representative", 404),
        ("coordinator", 404),
        ("representative_other_org", 404),
    ],
)
def test_correction_page_is_the_volunteers(client_for, engagement, users, persona, expected):
    entry = log(engagement)
    services.query_hours(entry=entry, by=users["representative"], note="Ile?")

    assert (
        client_for(persona).get(f"/wolontariat/godziny/{entry.pk}/popraw/").status_code == expected
    )


def test_volunteer_corrects_on_the_page(client_for, engagement, users):
    entry = log(engagement, hours="5")
    services.query_hours(entry=entry, by=users["representative"], note="Ile?")

    response = client_for("volunteer").post(
        f"/wolontariat/godziny/{entry.pk}/popraw/",
        {"date": entry.date.isoformat(), "hours": "4", "description": "Dyżur, 4 godziny"},
    )

    assert response.status_code == 302
    entry.refresh_from_db()
    assert (entry.status, entry.hours) == (HoursEntry.Status.SUBMITTED, 4)


def test_approved_entries_have_no_correction_page(client_for, engagement, users):
    entry = approved(engagement, days_ago(1), "2", users["representative"])
    assert (
        client_for("volunteer").get(f"/wolontariat/godziny/{entry.pk}/popraw/").status_code == 404
    )


def test_hours_page_queries_do_not_grow_with_entries(
    client_for, engagement, django_assert_max_num_queries
):
    for day in range(1, 61):
        HoursEntry.objects.create(
            engagement=engagement, date=days_ago(day), hours=1, description="Dyżur"
        )
    client = client_for("representative")

    with django_assert_max_num_queries(9):
        response = client.get(f"/wolontariat/wspolprace/{engagement.pk}/godziny/")

    assert response.status_code == 200
    assert response.content.decode().count('/zatwierdz/"') == 50  # one page of entries


# --- pages: the overview and the CSV -----------------------------------------------------------

OVERVIEW_ACCESS = {
    "anonymous": 302,
    "resident": 404,
    "representative": 200,
    "representative_other_org": 200,
    "volunteer": 404,
    "volunteer_minor": 404,
    "coordinator": 200,
    "analyst": 404,
    "ngo_caretaker": 404,
    "volunteer_caretaker": 200,
    "technical_admin": 404,
}


@pytest.mark.parametrize("persona", PERSONAS)
def test_overview_for_every_persona(
    client_for, year_of_hours, organization, other_organization, persona
):
    response = client_for(persona).get("/wolontariat/godziny/?wedlug=host")

    assert response.status_code == OVERVIEW_ACCESS[persona]
    if response.status_code != 200:
        return
    content = response.content.decode()
    sees_own = persona in ("representative", "coordinator", "volunteer_caretaker")
    sees_other = persona in ("representative_other_org", "coordinator", "volunteer_caretaker")
    assert (f'<th scope="row">{organization.name}</th>' in content) == sees_own
    assert (f'<th scope="row">{other_organization.name}</th>' in content) == sees_other


def rows_of(response) -> dict:
    return {row.label: row.totals for row in response.context["rows"]}


def test_overview_filters_by_month_year_range_and_host(
    client_for, year_of_hours, other_organization
):
    client = client_for("coordinator")

    march = rows_of(client.get("/wolontariat/godziny/?wedlug=year&miesiac=2025-03"))
    assert {label: totals.approved for label, totals in march.items()} == {"2025": Decimal("8.5")}
    year = client.get("/wolontariat/godziny/?wedlug=month&rok=2024").context["total"]
    assert year.approved == 2
    custom = client.get("/wolontariat/godziny/?od=2025-03-15&do=2025-04-30").context["total"]
    assert (custom.approved, custom.awaiting) == (Decimal("5.5"), 6)
    host = client.get(f"/wolontariat/godziny/?organizacja={other_organization.pk}").context["total"]
    assert (host.approved, host.awaiting) == (4, 6)
    approved_only = client.get("/wolontariat/godziny/?stan=approved").context["total"]
    assert (approved_only.approved, approved_only.awaiting) == (Decimal("10.5"), 0)


def test_overview_ignores_nonsense_filters(client_for, year_of_hours):
    response = client_for("coordinator").get(
        "/en/wolontariat/godziny/?miesiac=2025-13&rok=abc&wedlug=x"
    )

    assert response.status_code == 200
    assert "These filters were ignored" in response.content.decode()
    assert response.context["total"].approved == Decimal("10.5")


def test_a_host_cannot_filter_in_another_hosts_organisation(
    client_for, year_of_hours, other_organization
):
    response = client_for("representative").get(
        f"/wolontariat/godziny/?organizacja={other_organization.pk}"
    )

    assert response.status_code == 200
    assert response.context["total"].approved == Decimal("6.5")  # the filter was ignored


def test_overview_lists_engagements_awaiting_approval(client_for, year_of_hours, other_engagement):
    response = client_for("representative_other_org").get("/wolontariat/godziny/")

    assert [engagement.pk for engagement in response.context["awaiting"]] == [other_engagement.pk]
    assert response.context["awaiting"][0].awaiting == 1
    assert list(client_for("representative").get("/wolontariat/godziny/").context["awaiting"]) == []


def test_overview_queries_do_not_grow(
    client_for, users, organization, django_assert_max_num_queries
):
    for number in range(30):
        volunteer = create_user(
            f"wolontariusz{number}@example.org",
            first_name=f"Ochotnik{number}",
            birth_date=years_ago(30),
        )
        make_profile(volunteer)
        offer = make_offer(organization, f"Oferta {number}")
        engagement = make_engagement(offer, volunteer)
        for day in range(1, 4):
            HoursEntry.objects.create(
                engagement=engagement, date=days_ago(day), hours=2, description="Dyżur"
            )
    client = client_for("representative")

    for grouping in ("volunteer", "offer", "host", "month", "year"):
        with django_assert_max_num_queries(9):
            response = client.get(f"/wolontariat/godziny/?wedlug={grouping}")
        assert response.status_code == 200
        assert response.context["total"].awaiting == 180


@pytest.mark.parametrize(
    "persona, expected",
    [
        ("coordinator", 200),
        ("volunteer_caretaker", 200),
        ("representative", 404),
        ("volunteer", 404),
        ("analyst", 404),
        ("anonymous", 302),
    ],
)
def test_csv_export_is_for_staff(client_for, year_of_hours, persona, expected):
    assert client_for(persona).get("/wolontariat/godziny/eksport.csv").status_code == expected


def test_csv_lists_the_filtered_entries(client_for, year_of_hours, organization):
    response = client_for("coordinator").get("/wolontariat/godziny/eksport.csv?rok=2025")

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    assert len(rows) == 1 + 4  # header and the four entries of 2025
    assert rows[1][:6] == [
        "2025-03-03",
        "Wiktor Wolny",
        "wolontariusz@example.org",
        organization.name,
        "Pomoc w świetlicy na Piasku",
        "3.00",
    ]
    assert sum(Decimal(row[5]) for row in rows[1:]) == Decimal("14.5")


def test_overview_links_to_the_csv_only_for_staff(client_for, year_of_hours):
    assert "eksport.csv" in client_for("coordinator").get("/wolontariat/godziny/").content.decode()
    assert (
        "eksport.csv"
        not in client_for("representative").get("/wolontariat/godziny/").content.decode()
    )


# --- concurrency -------------------------------------------------------------------------------

RACERS = 10


@pytest.mark.django_db(transaction=True)
def test_concurrent_entries_never_exceed_24_hours_a_day(monkeypatch):
    counted = services.hours_on_day

    def slowly_counted(**arguments):
        total = counted(**arguments)
        time.sleep(0.05)  # widen the gap between the check and the insert that a race needs
        return total

    monkeypatch.setattr(services, "hours_on_day", slowly_counted)
    host = make_organization("Stowarzyszenie Wyścigowe")
    other_host = make_organization("Fundacja Wyścigowa")
    volunteer = create_user("wyscig@example.org", birth_date=years_ago(30))
    engagements = [
        make_engagement(make_offer(host, "Oferta A"), volunteer),
        make_engagement(make_offer(other_host, "Oferta B"), volunteer),
    ]
    day = days_ago(1)

    def enter(index: int) -> str:
        try:
            services.log_hours(
                engagement=engagements[index % 2],
                by=volunteer,
                date=day,
                hours=Decimal(5),
                description="Wyścig",
            )
        except ValidationError:
            return "refused"
        return "logged"

    outcomes = race(enter, RACERS)

    assert sorted(outcomes) == ["logged"] * 4 + ["refused"] * (RACERS - 4)
    assert services.hours_on_day(volunteer_id=volunteer.pk, day=day) == 20


# --- minors and the demo -----------------------------------------------------------------------


@pytest.mark.parametrize("who", ["volunteer_minor", "child"])
def test_minors_log_hours_and_their_host_approves(
    client, client_for, users, child, organization, who
):
    """The 16-year-old persona and the 12-year-old (whose guardian concluded the agreement)."""
    volunteer = child if who == "child" else users[who]
    engagement = make_engagement(
        make_offer(organization, "Sprzątanie parku", min_age=10), volunteer
    )
    client.force_login(volunteer)

    response = client.post(
        f"/wolontariat/wspolprace/{engagement.pk}/godziny/",
        {"date": days_ago(1).isoformat(), "hours": "1.5", "description": "Zbieranie śmieci"},
    )

    assert response.status_code == 302
    entry = HoursEntry.objects.get(engagement=engagement)
    assert (
        client_for("representative").post(f"/wolontariat/godziny/{entry.pk}/zatwierdz/").status_code
        == 302
    )
    assert services.approved_hours_total(engagement) == Decimal("1.5")
    assert (
        client_for("volunteer").get(f"/wolontariat/wspolprace/{engagement.pk}/godziny/").status_code
        == 404
    )


def test_the_volunteer_is_told_when_hours_cannot_be_logged_yet(client_for, users, offer):
    preparing = make_engagement(offer, users["volunteer"], status=Engagement.Status.PREPARING)

    content = (
        client_for("volunteer")
        .get(f"/en/wolontariat/wspolprace/{preparing.pk}/godziny/")
        .content.decode()
    )

    assert "Hours can be logged while the engagement is in progress." in content
    assert 'name="hours"' not in content


def test_demo_hours_keep_to_the_rules_and_run_twice(engagement, users):
    first = demo_hours.seed(engagements={"demo": engagement}, users=users)
    again = demo_hours.seed(engagements={"demo": engagement}, users=users)

    assert first["counts"] == {"hours entries": 5, "certificate requests": 2}
    assert again["counts"] == {"hours entries": 0, "certificate requests": 0}
    entries = HoursEntry.objects.filter(engagement=engagement)
    assert all(engagement.starts_on <= entry.date < timezone.localdate() for entry in entries)
    assert {entry.status for entry in entries} == set(HoursEntry.Status.values)
    assert engagement.certificate_requests.filter(issued_at__isnull=False).count() == 1
