"""Scheduled jobs: slot maths (DST days in Europe/Warsaw too), one run per slot however many
schedulers run, catch-up after downtime, and `run_scheduler` itself."""

import datetime
import os
import signal
import threading
from unittest import mock
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.management import call_command, get_commands
from django.db import connection
from django_tasks_db.models import DBTaskResult

from pomyslowice.core.models import ScheduledRun
from pomyslowice.core.scheduling import SCHEDULE, Job, enqueue_due_jobs, enqueue_job, prune_runs

WARSAW = ZoneInfo("Europe/Warsaw")
UTC = datetime.UTC
HOURLY = Job(name="hourly", command="x", every_minutes=60)
QUARTERLY = Job(name="quarter", command="x", every_minutes=15)


def warsaw(*args) -> datetime.datetime:
    return datetime.datetime(*args, tzinfo=WARSAW)


def utc(*args) -> datetime.datetime:
    return datetime.datetime(*args, tzinfo=UTC)


def daily(hour: int, minute: int = 0) -> Job:
    return Job(name="daily", command="x", daily_at=datetime.time(hour, minute))


@pytest.mark.parametrize(
    ("job", "now", "slot"),
    [
        (HOURLY, warsaw(2026, 6, 1, 10, 37), warsaw(2026, 6, 1, 10, 0)),
        (HOURLY, warsaw(2026, 6, 1, 10, 0), warsaw(2026, 6, 1, 10, 0)),
        (QUARTERLY, warsaw(2026, 6, 1, 10, 44, 59), warsaw(2026, 6, 1, 10, 30)),
        (daily(9), warsaw(2026, 6, 1, 9, 0), warsaw(2026, 6, 1, 9, 0)),
        (daily(9), warsaw(2026, 6, 1, 8, 59), warsaw(2026, 5, 31, 9, 0)),
        (daily(23, 30), warsaw(2026, 6, 1, 0, 10), warsaw(2026, 5, 31, 23, 30)),
        (daily(9), warsaw(2026, 1, 15, 12, 0), utc(2026, 1, 15, 8, 0)),
    ],
)
def test_latest_slot(job, now, slot):
    assert job.latest_slot(now) == slot


def test_hourly_slots_stay_on_the_hour_across_both_dst_changes():
    # 2026-03-29 02:00 CET → 03:00 CEST; 2026-10-25 03:00 CEST → 02:00 CET.
    spring = [HOURLY.latest_slot(utc(2026, 3, 29, hour, 30)) for hour in range(4)]
    autumn = [
        HOURLY.latest_slot(utc(2026, 10, 24, 23) + datetime.timedelta(hours=h)) for h in range(4)
    ]

    assert [slot.astimezone(WARSAW).hour for slot in spring] == [1, 3, 4, 5]
    assert [slot.astimezone(WARSAW).hour for slot in autumn] == [1, 2, 2, 3]
    assert len(set(autumn)) == 4


def test_daily_job_at_a_time_the_spring_change_skips_runs_an_hour_later():
    job = daily(2, 30)

    assert job.latest_slot(warsaw(2026, 3, 29, 3, 29)) == warsaw(2026, 3, 28, 2, 30)
    assert job.latest_slot(warsaw(2026, 3, 29, 3, 30)) == utc(2026, 3, 29, 1, 30)
    assert job.latest_slot(warsaw(2026, 3, 30, 2, 30)) == utc(2026, 3, 30, 0, 30)


def test_daily_job_at_a_time_the_autumn_change_repeats_has_one_slot():
    job = daily(2, 30)
    first_pass = utc(2026, 10, 25, 0, 30)  # 02:30 CEST
    second_pass = utc(2026, 10, 25, 1, 30)  # 02:30 CET, an hour later

    assert job.latest_slot(first_pass) == first_pass
    assert job.latest_slot(second_pass) == first_pass


def test_daily_job_on_dst_days_keeps_its_wall_clock_time():
    job = daily(9)

    assert job.latest_slot(utc(2026, 3, 29, 12)) == utc(2026, 3, 29, 7)
    assert job.latest_slot(utc(2026, 3, 28, 12)) == utc(2026, 3, 28, 8)
    assert job.latest_slot(utc(2026, 10, 25, 12)) == utc(2026, 10, 25, 8)


def test_every_job_calls_an_existing_command():
    assert {job.command for job in SCHEDULE} <= set(get_commands())
    assert len({job.name for job in SCHEDULE}) == len(SCHEDULE)


@pytest.fixture
def database_tasks(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.mark.django_db
@pytest.mark.usefixtures("database_tasks")
def test_the_same_slot_is_enqueued_once():
    slot = utc(2026, 6, 1, 8)

    assert enqueue_job(job=HOURLY, slot=slot) is True
    assert enqueue_job(job=HOURLY, slot=slot) is False

    assert ScheduledRun.objects.filter(job="hourly").count() == 1
    assert DBTaskResult.objects.count() == 1


@pytest.mark.django_db
@pytest.mark.usefixtures("database_tasks")
def test_two_schedulers_in_the_same_minute_enqueue_each_job_once():
    now = warsaw(2026, 6, 1, 10, 0, 20)

    first = enqueue_due_jobs(now)
    second = enqueue_due_jobs(now + datetime.timedelta(seconds=30))

    assert sorted(first) == sorted(job.name for job in SCHEDULE)
    assert second == []
    assert DBTaskResult.objects.count() == len(SCHEDULE)
    assert DBTaskResult.objects.filter(args_kwargs__kwargs__name="prune-task-results").exists()


@pytest.mark.django_db
@pytest.mark.usefixtures("database_tasks")
def test_catch_up_runs_a_missed_daily_job_once_and_never_older_slots():
    # Down since two days ago at noon: yesterday's slots and today's passed ones were missed.
    now = warsaw(2026, 6, 1, 8, 0)
    for job in SCHEDULE:
        ScheduledRun.objects.create(
            job=job.name, slot=job.latest_slot(now - datetime.timedelta(days=2))
        )

    enqueued = enqueue_due_jobs(now)

    assert sorted(enqueued) == sorted(job.name for job in SCHEDULE)
    runs = ScheduledRun.objects.filter(job="volunteer-digest").values_list("slot", flat=True)
    assert sorted(runs) == [warsaw(2026, 5, 30, 7), warsaw(2026, 6, 1, 7)]
    runs = ScheduledRun.objects.filter(job="mail-reminders").values_list("slot", flat=True)
    assert sorted(runs) == [warsaw(2026, 5, 29, 9), warsaw(2026, 5, 31, 9)]
    assert enqueue_due_jobs(now + datetime.timedelta(minutes=1)) == []


@pytest.mark.django_db
def test_old_runs_are_pruned_after_90_days():
    with time_machine.travel(warsaw(2026, 1, 1, 12), tick=False):
        ScheduledRun.objects.create(job="old", slot=warsaw(2026, 1, 1, 12))
    with time_machine.travel(warsaw(2026, 3, 1, 12), tick=False):
        ScheduledRun.objects.create(job="recent", slot=warsaw(2026, 3, 1, 12))

    assert prune_runs(warsaw(2026, 4, 15)) == 1

    assert list(ScheduledRun.objects.values_list("job", flat=True)) == ["recent"]


# run_scheduler checks its connection as a long-running process must: outside a test transaction.
@pytest.mark.django_db(transaction=True)
def test_run_scheduler_once_runs_the_due_jobs_with_the_immediate_backend():
    with (
        time_machine.travel(warsaw(2026, 6, 1, 9, 0, 5), tick=False),
        mock.patch("pomyslowice.core.scheduling.call_command") as command,
    ):
        call_command("run_scheduler", "--once", verbosity=0)
        call_command("run_scheduler", "--once", verbosity=0)

    called = sorted(call.args for call in command.call_args_list)
    # Without stored task results there is nothing to prune; every other job ran once.
    assert called == sorted(
        (job.command, *job.args) for job in SCHEDULE if not job.needs_database_backend
    )
    assert ScheduledRun.objects.count() == len(SCHEDULE) - 1


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("database_tasks")
def test_the_worker_runs_what_the_scheduler_enqueued():
    with time_machine.travel(warsaw(2026, 6, 1, 9, 0, 5), tick=False):
        call_command("run_scheduler", "--once", verbosity=0)
    assert DBTaskResult.objects.ready().count() == len(SCHEDULE)

    with mock.patch("pomyslowice.core.scheduling.call_command") as command:
        call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)

    assert sorted(call.args[0] for call in command.call_args_list) == sorted(
        job.command for job in SCHEDULE
    )
    assert DBTaskResult.objects.successful().count() == len(SCHEDULE)


@pytest.mark.django_db(transaction=True)
def test_sigterm_lets_the_current_iteration_finish_then_exits():
    iterations = []

    def iteration_interrupted_by_sigterm(now):
        iterations.append(now)
        os.kill(os.getpid(), signal.SIGTERM)
        return []

    handler_before = signal.getsignal(signal.SIGTERM)
    with mock.patch(
        "pomyslowice.core.management.commands.run_scheduler.enqueue_due_jobs",
        iteration_interrupted_by_sigterm,
    ):
        call_command("run_scheduler", verbosity=0)

    assert len(iterations) == 1
    assert signal.getsignal(signal.SIGTERM) == handler_before


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("database_tasks")
def test_concurrent_schedulers_enqueue_each_job_once():
    now = warsaw(2026, 6, 1, 10, 0, 20)
    barrier = threading.Barrier(4)
    results = []

    def scheduler():
        try:
            barrier.wait()
            results.append(enqueue_due_jobs(now))
        finally:
            connection.close()

    threads = [threading.Thread(target=scheduler) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(name for names in results for name in names) == sorted(
        job.name for job in SCHEDULE
    )
    assert ScheduledRun.objects.count() == len(SCHEDULE)
    assert DBTaskResult.objects.count() == len(SCHEDULE)


@pytest.mark.django_db
def test_staff_read_the_runs_in_the_admin_but_cannot_change_them(admin_client):
    run = ScheduledRun.objects.create(job="retention", slot=warsaw(2026, 6, 1, 3, 30))

    listing = admin_client.get("/en/admin/core/scheduledrun/")

    assert listing.status_code == 200
    assert "retention" in listing.text
    assert admin_client.get("/en/admin/core/scheduledrun/add/").status_code == 403
    change = admin_client.post(f"/en/admin/core/scheduledrun/{run.pk}/change/", {"job": "x"})
    assert change.status_code == 403
    assert ScheduledRun.objects.get().job == "retention"
