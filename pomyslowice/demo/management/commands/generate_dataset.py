"""`manage.py generate_dataset --scale {city,region,national}`: synthetic data for benchmarks.

Writes organisations, people, events with registrations, articles, volunteers, offers, bookings
and support records at the chosen size (dataset/base.py SCALES) on top of what the database
holds, then builds the search index. Prints each step's row counts and time. Each step commits on
its own: a run that fails half-way leaves the steps before it; start again on a fresh database.
"""

import random
import time

from django.core.management.base import BaseCommand
from django.db import connection, transaction

from pomyslowice.demo.dataset import (
    centre,
    events,
    knowledge,
    organizations,
    people,
    search,
    support,
    volunteering,
)
from pomyslowice.demo.dataset.base import SCALES, Context, Writer

# In order: each step may point at the rows of the steps before it.
STEPS = [people, organizations, knowledge, events, volunteering, centre, support, search]


class Command(BaseCommand):
    help = "Fills the database with a synthetic dataset of a city, a region or the whole country."

    def add_arguments(self, parser):
        parser.add_argument("--scale", choices=sorted(SCALES), default="city")
        parser.add_argument("--seed", type=int, default=2011, help="Random seed (same data twice).")

    def handle(self, *args, scale, seed, **options):
        rng = random.Random(seed)  # nosec B311 (synthetic data, the same for the same seed)
        context = Context(scale=SCALES[scale], writer=Writer(), rng=rng)
        started = time.perf_counter()
        for step in STEPS:
            step_started = time.perf_counter()
            before = dict(context.writer.counts)
            self._run(step, context)
            written = {
                label: count - before.get(label, 0)
                for label, count in context.writer.counts.items()
                if count != before.get(label, 0)
            }
            self._report(step.__name__.rsplit(".", 1)[-1], written, step_started)
        total = sum(context.writer.counts.values())
        elapsed = time.perf_counter() - started
        rate = total / max(elapsed, 0.001)
        self.stdout.write(f"{scale}: {total:,} rows in {elapsed:.1f} s ({rate:,.0f} rows/s)")

    @staticmethod
    def _run(step, context: Context) -> None:
        # A transaction per step: PostgreSQL would otherwise queue every row's deferred
        # foreign-key check until one commit of tens of millions of rows. Checked at once, row by
        # row, they need no memory. The statistics let the next steps' reads plan well.
        with transaction.atomic():
            if connection.vendor == "postgresql":
                with connection.cursor() as cursor:
                    cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            step.generate(context)
            context.writer.finish()

    def _report(self, name: str, written: dict[str, int], started: float) -> None:
        rows = ", ".join(f"{label} {count:,}" for label, count in sorted(written.items()))
        self.stdout.write(f"{name:14} {time.perf_counter() - started:7.1f} s  {rows}")
