import logging
import signal
import time

from django.core.management.base import BaseCommand
from django.db import DatabaseError, close_old_connections
from django.utils import timezone

from pomyslowice.core.scheduling import enqueue_due_jobs, prune_runs

logger = logging.getLogger(__name__)


class Command(BaseCommand):
    help = (
        "Enqueue the periodic jobs of core/scheduling.py (reminders, digests, retention, open "
        "data, pruning) when they are due, as background tasks for the worker. Runs until "
        "SIGTERM or Ctrl+C, waking each minute; two schedulers never enqueue a job twice."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--once",
            action="store_true",
            help="Enqueue what is due now, then exit (for cron or a test).",
        )

    def handle(self, *args, once=False, **options):
        self.running = True
        previous = {sig: signal.signal(sig, self.stop) for sig in (signal.SIGTERM, signal.SIGINT)}
        try:
            while True:
                try:
                    self.run_iteration()
                except DatabaseError:
                    if once:
                        raise
                    # A restarting database: the next minute's iteration catches up.
                    logger.exception("Scheduler iteration failed")
                if once or not self.running:
                    break
                self.sleep_to_next_minute()
                if not self.running:
                    break
        finally:
            for sig, handler in previous.items():
                signal.signal(sig, handler)

    def run_iteration(self) -> None:
        # The database may have restarted while we slept.
        close_old_connections()
        now = timezone.now()
        for name in enqueue_due_jobs(now):
            self.stdout.write(f"{now:%Y-%m-%d %H:%M} enqueued {name}")
        prune_runs(now)

    def sleep_to_next_minute(self) -> None:
        next_minute = (time.time() // 60 + 1) * 60
        # Short naps, so a stop request is honoured within a second.
        while self.running and (remaining := next_minute - time.time()) > 0:
            time.sleep(min(1.0, remaining))

    def stop(self, signum, frame) -> None:
        """Finish the current iteration, then exit cleanly."""
        self.running = False
