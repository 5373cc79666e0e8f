"""The periodic jobs and when each is due.

`python manage.py run_scheduler` wakes every minute, enqueues each job whose latest slot has
no ScheduledRun row yet, and the worker runs it (`run_scheduled_job` calls the job's management
command). The row is inserted before the task is enqueued, in one transaction, and the pair
(job, slot) is unique: a second scheduler (another host, an overlapping restart) finds the slot
taken and skips it, so a job never runs twice for one slot.

Slots. A job every N minutes is due at each multiple of N minutes since the Unix epoch, in UTC,
so the hourly jobs run on the hour in Warsaw too, DST or not. A daily job is due at its
wall-clock time in settings.TIME_ZONE (Europe/Warsaw): on the day the clocks go forward a time
that does not exist (02:00–02:59) falls an hour later; on the day they go back, a time that
happens twice runs at its first occurrence only.

Catch-up: only a job's latest slot is ever enqueued. A scheduler started after a daily job's
time (it was down, or deployed then) runs the job once at start; slots missed before that are
never run, however long it was down.
"""

import datetime
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.management import call_command
from django.db import IntegrityError, transaction
from django_tasks import task

from pomyslowice.core.models import ScheduledRun
from pomyslowice.core.tasks import enqueue_after_commit, uses_database_backend

EPOCH = datetime.datetime(1970, 1, 1, tzinfo=datetime.UTC)
KEEP_RUNS = datetime.timedelta(days=90)


@dataclass(frozen=True, kw_only=True)
class Job:
    name: str
    command: str
    args: tuple[str, ...] = ()
    every_minutes: int | None = None
    daily_at: datetime.time | None = None
    # Pruning task results only makes sense where task results are stored.
    needs_database_backend: bool = False

    def latest_slot(self, now: datetime.datetime) -> datetime.datetime:
        """The last time, not after `now`, at which the job was due (aware, in UTC)."""
        if self.every_minutes:
            period = datetime.timedelta(minutes=self.every_minutes)
            return EPOCH + (now - EPOCH) // period * period
        local_date = now.astimezone(ZoneInfo(settings.TIME_ZONE)).date()
        for date in (local_date, local_date - datetime.timedelta(days=1)):
            slot = datetime.datetime.combine(
                date, self.daily_at, tzinfo=ZoneInfo(settings.TIME_ZONE)
            ).astimezone(datetime.UTC)
            if slot <= now:
                return slot
        raise AssertionError("a daily slot within the last two local days always exists")


SCHEDULE = [
    # Reminders are sent once each, so running hourly only catches what was booked late.
    Job(name="event-reminders", command="send_event_reminders", every_minutes=60),
    Job(name="grant-call-alerts", command="send_grant_call_alerts", every_minutes=60),
    Job(name="consultation-reminders", command="send_consultation_reminders", every_minutes=60),
    Job(
        name="equipment-reminders",
        command="send_equipment_reminders",
        daily_at=datetime.time(9, 0),
    ),
    Job(name="mail-reminders", command="send_mail_reminders", daily_at=datetime.time(9, 0)),
    # Daily, but a volunteer gets at most one digest in six days: a weekly digest each.
    Job(name="volunteer-digest", command="send_volunteer_digest", daily_at=datetime.time(7, 0)),
    Job(name="open-data", command="export_open_data", daily_at=datetime.time(1, 30)),
    Job(name="retention", command="apply_retention", daily_at=datetime.time(3, 30)),
    Job(
        name="prune-task-results",
        command="prune_db_task_results",
        args=("--min-age-days", "30"),
        daily_at=datetime.time(4, 0),
        needs_database_backend=True,
    ),
    Job(name="clear-sessions", command="clearsessions", daily_at=datetime.time(4, 30)),
    Job(name="indicators", command="rebuild_indicator_figures", daily_at=datetime.time(2, 0)),
]


def active_jobs() -> list[Job]:
    return [job for job in SCHEDULE if uses_database_backend() or not job.needs_database_backend]


def enqueue_due_jobs(now: datetime.datetime) -> list[str]:
    """Enqueue every job whose latest slot is still free; the names of those enqueued."""
    due = {(job.name, job.latest_slot(now)): job for job in active_jobs()}
    taken = set(
        ScheduledRun.objects.filter(slot__in={slot for _name, slot in due}).values_list(
            "job", "slot"
        )
    )
    return [
        job.name
        for (name, slot), job in due.items()
        if (name, slot) not in taken and enqueue_job(job=job, slot=slot)
    ]


def enqueue_job(*, job: Job, slot: datetime.datetime) -> bool:
    """Take the slot and enqueue the job; False if another scheduler took the slot first."""
    try:
        with transaction.atomic():
            ScheduledRun.objects.create(job=job.name, slot=slot)
            enqueue_after_commit(run_scheduled_job, name=job.name)
    except IntegrityError:
        return False
    return True


def prune_runs(now: datetime.datetime) -> int:
    """Forget runs older than KEEP_RUNS; only the latest slot of each job is ever looked up."""
    deleted, _by_model = ScheduledRun.objects.filter(enqueued_at__lt=now - KEEP_RUNS).delete()
    return deleted


@task()
def run_scheduled_job(*, name: str) -> None:
    """Run the job's management command (in the worker)."""
    job = {job.name: job for job in SCHEDULE}[name]
    call_command(job.command, *job.args)
