"""Kept indicator figures: exactly the live counts, marked stale by changes, recounted once."""

import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone

from pomyslowice.events import registration_services
from pomyslowice.events.models import Event
from pomyslowice.organizations.models import SupportRecord
from pomyslowice.privacy.models import ErasureRecord
from pomyslowice.reports import indicator_snapshots, indicators
from pomyslowice.reports.indicators import Figures
from pomyslowice.reports.models import IndicatorRecount, IndicatorSnapshot
from pomyslowice.reports.project_services import update_project
from tests.conftest import create_user
from tests.events.conftest import make_event
from tests.reports.conftest import Kind, make_project, record

day = datetime.date


def run_recount(project) -> None:
    """What the worker does with the task the changes enqueued (not run inside a test's
    transaction)."""
    indicator_snapshots.recount_indicators.call(project_id=project.pk)


def assert_snapshots_match_live(project) -> None:
    snapshots = {(s.period_start, s.period_end): s for s in project.snapshots.all()}
    assert set(snapshots) == set(indicator_snapshots.snapshot_periods(project))
    for (start, end), snapshot in snapshots.items():
        records = indicators.counted_records(project, start, end)
        assert indicator_snapshots.shown(snapshot).figures == indicators.figures(records)
        for group in indicators.GROUP_KEYS:
            live = indicators.breakdown(records, group)
            assert indicator_snapshots.rows_of(snapshot, group) == live


def test_periods_are_the_whole_project_and_each_calendar_year(db):
    project = make_project(start=day(2024, 7, 1), end=day(2026, 3, 31))
    assert indicator_snapshots.snapshot_periods(project) == [
        (day(2024, 7, 1), day(2026, 3, 31)),
        (day(2024, 7, 1), day(2024, 12, 31)),
        (day(2025, 1, 1), day(2025, 12, 31)),
        (day(2026, 1, 1), day(2026, 3, 31)),
    ]
    one_year = make_project(slug="rok", start=day(2025, 1, 1), end=day(2025, 12, 31))
    assert indicator_snapshots.snapshot_periods(one_year) == [(day(2025, 1, 1), day(2025, 12, 31))]


def test_snapshots_equal_live_counting(project, dataset):
    run_recount(project)
    assert_snapshots_match_live(project)
    snapshot = project.snapshots.get()
    assert indicator_snapshots.shown(snapshot).figures == Figures(3, 4, 7)
    assert not snapshot.stale


def test_snapshots_of_several_years_with_anonymised_records_equal_live_counting(dataset):
    project = make_project(slug="dwa-lata", start=day(2024, 6, 1), end=day(2026, 5, 31))
    # Pseudonymised (the account gone, the e-mail cleared) and anonymous records, the same
    # person served many times.
    SupportRecord.objects.filter(person=dataset["bartek"]).update(person=None, person_name="B.")
    SupportRecord.objects.filter(person_email__icontains="anna").update(person_email="")
    for month in (1, 2, 3):
        record(Kind.TRAINING, day(2026, month, 3), person_name="Ewa", organization=None)
    run_recount(project)
    assert project.snapshots.count() == 4
    assert_snapshots_match_live(project)


def test_cancelled_registrations_and_no_shows_do_not_count_in_snapshots(
    users, organization, django_capture_on_commit_callbacks
):
    today = timezone.localdate()
    project = make_project(
        slug="biezacy",
        start=today - datetime.timedelta(days=30),
        end=today + datetime.timedelta(days=200),
    )
    run_recount(project)
    training = make_event(
        "Szkolenie z RODO",
        category=Event.Category.TRAINING,
        registration_enabled=True,
        capacity=10,
        organizer=organization,
    )
    coordinator = users["coordinator"]
    anna = create_user("anna@example.org", first_name="Anna")
    with django_capture_on_commit_callbacks(execute=True):
        present = registration_services.register(event=training, name="Anna", email="", user=anna)
        no_show = registration_services.register(
            event=training, name="Gość", email="gosc@example.org"
        )
        registration_services.confirm_guest_registration(registration=no_show)
        cancelled = registration_services.register(
            event=training, name="Resident", email="", user=users["resident"]
        )
        registration_services.mark_attendance(registration=present, attended=True, by=coordinator)
        registration_services.mark_attendance(registration=no_show, attended=True, by=coordinator)
        registration_services.mark_attendance(registration=no_show, attended=False, by=coordinator)
        registration_services.cancel_registration(registration=cancelled, by=users["resident"])

    snapshot = project.snapshots.get(period_start=project.start, period_end=project.end)
    assert not snapshot.stale
    assert indicator_snapshots.shown(snapshot).figures == Figures(1, 0, 1)
    assert_snapshots_match_live(project)
    assert not IndicatorRecount.objects.exists()


@pytest.fixture
def counted(project, dataset):
    run_recount(project)
    return project


def is_stale(project) -> bool:
    return (
        project.snapshots.get().stale and IndicatorRecount.objects.filter(project=project).exists()
    )


def test_a_new_record_in_the_period_marks_the_project_stale(counted):
    record(Kind.TRAINING, day(2025, 6, 1), person_name="Nowa")
    assert is_stale(counted)


@pytest.mark.parametrize(
    "kind, date",
    [(Kind.MAIL, day(2025, 6, 1)), (Kind.TRAINING, day(2026, 6, 1))],
    ids=["kind-not-counted", "outside-the-period"],
)
def test_records_the_project_does_not_count_leave_it_fresh(counted, kind, date):
    record(kind, date, person_name="Nowa")
    assert not counted.snapshots.get().stale
    assert not IndicatorRecount.objects.exists()


def test_a_deleted_record_marks_the_project_stale(counted):
    SupportRecord.objects.filter(kind=Kind.ROOM).get().delete()
    assert is_stale(counted)


def test_an_erasure_or_a_deleted_account_marks_everything_stale(counted, dataset):
    dataset["bartek"].delete()
    assert is_stale(counted)
    IndicatorSnapshot.objects.update(stale=False)
    IndicatorRecount.objects.all().delete()
    ErasureRecord.objects.create(reason=ErasureRecord.Reason.RETENTION, email_digest="x")
    assert is_stale(counted)


def test_changes_are_debounced_into_one_recount(counted, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as callbacks:
        record(Kind.TRAINING, day(2025, 6, 1), person_name="Nowa")
        record(Kind.TRAINING, day(2025, 6, 2), person_name="Nowy")
    assert len(callbacks) == 1
    assert IndicatorRecount.objects.filter(project=counted).count() == 1
    callbacks[0]()
    assert not counted.snapshots.get().stale
    assert not IndicatorRecount.objects.exists()
    assert indicator_snapshots.shown(counted.snapshots.get()).figures == Figures(5, 4, 9)


def test_a_change_of_the_counted_kinds_recounts(counted, users, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        update_project(
            project=counted, data={"counted_kinds": ["training"]}, by=users["coordinator"]
        )
    counted.refresh_from_db()
    assert indicator_snapshots.shown(counted.snapshots.get()).figures == Figures(1, 1, 2)
    assert_snapshots_match_live(counted)


def test_the_dashboard_shows_a_stale_snapshot_with_a_note(client_for, counted):
    url = f"/en/panel/wskazniki/{counted.slug}/"
    fresh = client_for("coordinator").get(url).content.decode()
    assert "being updated" not in fresh
    SupportRecord.objects.filter(kind=Kind.ROOM).update(
        kind=Kind.MAIL
    )  # unnoticed by the kept figures
    counted.snapshots.update(stale=True)

    response = client_for("coordinator").get(url)
    content = response.content.decode()
    assert "Figures as of" in content and "being updated" in content
    # The kept figures, not the live ones, with the note saying so.
    assert response.context["totals"] == Figures(3, 4, 7)
    panel = client_for("coordinator").get("/en/panel/wskazniki/").content.decode()
    assert "being updated" in panel


def test_a_custom_period_is_counted_live(client_for, counted):
    counted.snapshots.update(figures={"persons": 99, "organizations": 99, "services": 99})
    response = client_for("coordinator").get(
        f"/en/panel/wskazniki/{counted.slug}/?od=2025-02-01&do=2025-03-31"
    )
    records = indicators.counted_records(counted, day(2025, 2, 1), day(2025, 3, 31))
    assert response.context["totals"] == indicators.figures(records)
    whole = client_for("coordinator").get(f"/en/panel/wskazniki/{counted.slug}/")
    assert whole.context["totals"] == Figures(99, 99, 99)


@pytest.mark.parametrize("extra", [0, 40])
def test_dashboard_with_a_fresh_snapshot_costs_few_queries(
    client_for, counted, extra, django_assert_max_num_queries
):
    SupportRecord.objects.bulk_create(
        SupportRecord(
            kind=Kind.TRAINING, date=day(2025, 5, 1), person_name=f"Osoba {n}", summary="x"
        )
        for n in range(extra)
    )
    run_recount(counted)
    client = client_for("coordinator")
    url = f"/en/panel/wskazniki/{counted.slug}/?od=2025-01-01&do=2025-12-31"
    client.get(url)
    with django_assert_max_num_queries(8):
        response = client.get(url)
    assert response.context["totals"].services == 7 + extra


def test_the_command_rebuilds_the_figures(project, dataset, capsys):
    call_command("rebuild_indicator_figures", "--project", project.slug)
    assert_snapshots_match_live(project)
    assert f"{project.slug}: 1 periods" in capsys.readouterr().out


def test_the_panel_reads_kept_figures_and_notes_when_they_are_stale(client_for):
    today = timezone.localdate()
    project = make_project(slug="biezacy", start=today - datetime.timedelta(days=30), end=today)
    record(Kind.TRAINING, today, person_name="Ewa")
    run_recount(project)
    project.snapshots.update(figures={"persons": 77, "organizations": 0, "services": 1})
    content = client_for("coordinator").get("/en/panel/").content.decode()
    assert "77/40" in content and "being updated" not in content
    project.snapshots.update(stale=True)
    assert "being updated" in client_for("coordinator").get("/en/panel/").content.decode()
