"""What every dataset module shares: the scale, a seeded random source and a fast row writer."""

import dataclasses
import datetime
import random
from collections.abc import Iterable, Iterator

from django.core.management.color import no_style
from django.db import connection, models
from django.utils import timezone


@dataclasses.dataclass(frozen=True)
class Scale:
    name: str
    organizations: int
    people: int
    public_leaders: int
    events: int
    articles: int
    volunteer_profiles: int
    open_offers: int
    bookings: int
    support_records: int
    years: int = 5


NATIONAL = Scale(
    name="national",
    organizations=160_000,
    people=500_000,
    public_leaders=50_000,
    events=1_000_000,
    articles=50_000,
    volunteer_profiles=1_000_000,
    open_offers=20_000,
    bookings=1_000_000,
    support_records=2_000_000,
)


def _fraction(name: str, divisor: int) -> Scale:
    sizes = {
        field.name: max(getattr(NATIONAL, field.name) // divisor, 1)
        for field in dataclasses.fields(Scale)
        if field.name not in {"name", "years"}
    }
    return Scale(name=name, **sizes)


# Śląskie holds about a sixteenth of Poland's organisations; a city of Mysłowice's size about a
# four-hundredth.
SCALES = {
    "city": _fraction("city", 400),
    "region": _fraction("region", 16),
    "national": NATIONAL,
}


class Writer:
    """Inserts plain rows (dicts of attribute names) into a model's table, fast.

    Missing attributes take the field's default (auto_now/auto_now_add fields: the moment of
    the insert). Ids are reserved with `reserve()` and given in the rows, so related rows can be
    written without reading ids back; `finish()` moves the PostgreSQL sequences past them.
    On PostgreSQL `rows` is consumed while the COPY runs: a generator of rows must not query the
    database (make such rows into a list first).
    """

    def __init__(self, *, batch_size: int = 20_000):
        self.batch_size = batch_size
        self.counts: dict[str, int] = {}
        self._next_id: dict[type[models.Model], int] = {}

    def reserve(self, model: type[models.Model], count: int) -> range:
        if model not in self._next_id:
            last = model._base_manager.order_by("-pk").values_list("pk", flat=True).first()
            self._next_id[model] = (last or 0) + 1
        start = self._next_id[model]
        self._next_id[model] = start + count
        return range(start, start + count)

    def insert(self, model: type[models.Model], rows: Iterable[dict]) -> int:
        fields = list(model._meta.concrete_fields)
        columns = [field.column for field in fields]
        converters = [_converter(field) for field in fields]
        values = (tuple(convert(row) for convert in converters) for row in rows)
        if connection.vendor == "postgresql":
            # One COPY, fed as rows are made: the server stores while Python makes the next.
            written = self._copy(model._meta.db_table, columns, values)
        else:
            written = 0
            for chunk in _chunks(values, self.batch_size):
                self._executemany(model._meta.db_table, columns, chunk)
                written += len(chunk)
        label = model._meta.label
        self.counts[label] = self.counts.get(label, 0) + written
        return written

    def finish(self) -> None:
        """Move the sequences past the reserved ids and gather the planner's statistics."""
        if connection.vendor != "postgresql" or not self._next_id:
            return
        statements = connection.ops.sequence_reset_sql(no_style(), list(self._next_id))
        with connection.cursor() as cursor:
            for statement in statements:
                cursor.execute(statement)
            tables = {model._meta.db_table for model in self._next_id}
            cursor.execute(f"ANALYZE {', '.join(map(connection.ops.quote_name, sorted(tables)))}")

    @staticmethod
    def _copy(table: str, columns: list[str], values: Iterable[tuple]) -> int:
        quoted = ", ".join(connection.ops.quote_name(column) for column in columns)
        written = 0
        with connection.cursor() as cursor:
            raw = cursor.cursor
            with raw.copy(f"COPY {connection.ops.quote_name(table)} ({quoted}) FROM STDIN") as copy:
                for row in values:
                    copy.write_row(row)
                    written += 1
        return written

    @staticmethod
    def _executemany(table: str, columns: list[str], values: list[tuple]) -> None:
        quoted = ", ".join(connection.ops.quote_name(column) for column in columns)
        placeholders = ", ".join("%s" for _ in columns)
        sql = f"INSERT INTO {connection.ops.quote_name(table)} ({quoted}) VALUES ({placeholders})"  # nosec B608 (names from the model, values bound)
        with connection.cursor() as cursor:
            cursor.executemany(sql, values)


# Values psycopg's COPY takes as they are; preparing them through the field costs more than the
# rest of the row's work together.
_READY_TYPES = frozenset({str, int, bool, float, type(None), datetime.date, datetime.datetime})


def _converter(field: models.Field):
    """A function row -> the column's database value; missing attributes take the default that
    save() would give (auto_now and auto_now_add fields: the moment of the insert)."""
    name = field.attname
    if isinstance(field, models.DateField) and (field.auto_now or field.auto_now_add):
        default = field.get_db_prep_save(timezone.now(), connection)
    elif field.primary_key:
        default = None
    else:
        default = field.get_db_prep_save(field.get_default(), connection)
    # A callable default (uuid4, a token) may have to differ from row to row.
    per_row_default = field.has_default() and callable(field.default)
    fast = connection.vendor == "postgresql" and not isinstance(field, models.JSONField)

    def convert(row: dict):
        if name not in row:
            if field.primary_key:
                raise ValueError(f"{field.model.__name__}: give ids (Writer.reserve) in every row")
            if per_row_default:
                return field.get_db_prep_save(field.get_default(), connection)
            return default
        value = row[name]
        if fast and type(value) in _READY_TYPES:
            return value
        return field.get_db_prep_save(value, connection)

    return convert


def _chunks(rows: Iterable, size: int) -> Iterator[list]:
    chunk = []
    for row in rows:
        chunk.append(row)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


@dataclasses.dataclass
class Context:
    """Passed from module to module in order; `ids` holds what later modules point at."""

    scale: Scale
    writer: Writer
    rng: random.Random
    now: datetime.datetime = dataclasses.field(default_factory=timezone.now)
    ids: dict[str, range | list[int]] = dataclasses.field(default_factory=dict)
    # Facts later modules need besides ids, e.g. which users are minors.
    facts: dict[str, object] = dataclasses.field(default_factory=dict)

    @property
    def start(self) -> datetime.datetime:
        """Where the dataset's history begins: `scale.years` back from now."""
        return self.now - datetime.timedelta(days=365 * self.scale.years)
