"""Support received (`organizations.SupportRecord`): what the funder's indicators count.

Records whose service the dataset holds point at it the way the services write them: attendance
at an event (the registration), a room used (an approved, past booking of an organisation) and a
consultation held (the appointment). The other kinds (caretakers' contacts, mail handed over,
strategy sessions, equipment lent, volunteering placements) have no source row here. One project
per calendar year counts every kind, so the indicators dashboard has a year of data to show.
"""

import datetime
from decimal import Decimal

from django.contrib.contenttypes.models import ContentType
from django.db.models import F

from pomyslowice.centre.models import Appointment, BookingStatus, RoomBooking
from pomyslowice.events.models import Registration
from pomyslowice.organizations.models import SupportRecord
from pomyslowice.reports.models import Project

from .base import Context
from .events import (
    ZONE,
    day_picker,
    email_for,
    heavy_tailed_picker,
    person_name,
    weighted_picker,
)

# The most each sourced kind may take of all the records.
SOURCED_SHARES = {
    SupportRecord.Kind.TRAINING: 0.35,
    SupportRecord.Kind.ROOM: 0.3,
    SupportRecord.Kind.CONSULTATION: 0.1,
}
# How the records without a source row divide among the other kinds.
OTHER_KINDS = (
    (SupportRecord.Kind.CARETAKER_CONTACT, 40),
    (SupportRecord.Kind.MAIL, 25),
    (SupportRecord.Kind.EQUIPMENT, 15),
    (SupportRecord.Kind.VOLUNTEERING, 12),
    (SupportRecord.Kind.STRATEGY, 8),
)
SUMMARIES = {
    SupportRecord.Kind.CARETAKER_CONTACT: "Rozmowa opiekuna o planach organizacji",
    SupportRecord.Kind.MAIL: "Odbiór korespondencji",
    SupportRecord.Kind.EQUIPMENT: "Wypożyczenie nagłośnienia",
    SupportRecord.Kind.VOLUNTEERING: "Wolontariat: pomoc przy festynie",
    SupportRecord.Kind.STRATEGY: "Sesja strategiczna „Małe partnerstwa”",
}
CHUNK = 10_000


def generate(ctx: Context) -> None:
    total = ctx.scale.support_records
    ids = ctx.writer.reserve(SupportRecord, total)
    ctx.ids["support_records"] = ids
    numbers = iter(ids)
    written = 0
    for kind, queryset, to_row in (
        (SupportRecord.Kind.TRAINING, _attendances(ctx), _training_row),
        (SupportRecord.Kind.ROOM, _rooms_used(ctx), _room_row),
        (SupportRecord.Kind.CONSULTATION, _consultations(ctx), _consultation_row),
    ):
        if queryset is None:
            continue
        source_type = ContentType.objects.get_for_model(queryset.model).pk
        wanted = int(total * SOURCED_SHARES[kind])
        for block in _blocks(queryset, wanted):
            rows = (to_row(kind, source_type, values, ctx.now) for values in block)
            written += ctx.writer.insert(SupportRecord, _numbered(numbers, rows))
    ctx.writer.insert(SupportRecord, _numbered(numbers, _others(ctx, total - written)))
    _write_projects(ctx, total)


def _numbered(numbers, rows):
    for row in rows:
        row["id"] = next(numbers)
        yield row


def _blocks(queryset, limit: int):
    """Up to `limit` rows in pk order, a list at a time: the writer's COPY holds the connection
    while it takes rows, so each block is read before it is written."""
    last = 0
    while limit > 0:
        block = list(queryset.filter(pk__gt=last).order_by("pk")[: min(CHUNK, limit)])
        if not block:
            return
        yield block
        last = block[-1]["pk"]
        limit -= len(block)


def _in(ctx, name: str) -> dict | None:
    """A filter on the rows an earlier step wrote (ids are one reserved range)."""
    ids = ctx.ids.get(name)
    if not ids:
        return None
    return {"pk__gte": min(ids), "pk__lte": max(ids)}


def _attendances(ctx):
    rows = _in(ctx, "registrations")
    if rows is None:
        return None
    return (
        Registration.objects.filter(**rows, attended=True)
        .annotate(start=F("event__start"), title=F("event__title"))
        .values("pk", "start", "user_id", "name", "email", "organization_id", "title")
    )


def _rooms_used(ctx):
    rows = _in(ctx, "bookings")
    if rows is None:
        return None
    return (
        RoomBooking.objects.filter(
            **rows,
            status=BookingStatus.APPROVED,
            start__lt=ctx.now,
            organization__isnull=False,
        )
        .annotate(room_name=F("room__name"))
        .values("pk", "start", "organization_id", "requested_by_id", "room_name", "purpose")
    )


def _consultations(ctx):
    rows = _in(ctx, "appointments")
    if rows is None:
        return None
    return (
        Appointment.objects.filter(**rows, status=Appointment.Status.HELD)
        .annotate(service_name=F("service__name"))
        .values(
            "pk", "start", "user_id", "name", "email", "organization_id", "topics", "service_name"
        )
    )


def _base(kind, source_type, values, now) -> dict:
    return {
        "kind": kind,
        "date": values["start"].astimezone(ZONE).date(),
        "source_type_id": source_type,
        "source_id": str(values["pk"]),
        "created_at": min(values["start"] + datetime.timedelta(hours=3), now),
        "recorded_by_id": None,
    }


def _training_row(kind, source_type, values, now) -> dict:
    return _base(kind, source_type, values, now) | {
        "person_id": values["user_id"],
        "person_name": values["name"],
        "person_email": values["email"],
        "organization_id": values["organization_id"],
        "summary": values["title"][:300],
    }


def _room_row(kind, source_type, values, now) -> dict:
    return _base(kind, source_type, values, now) | {
        "person_id": values["requested_by_id"],
        "person_name": "",
        "person_email": "",
        "organization_id": values["organization_id"],
        "summary": f"{values['room_name']}: {values['purpose']}"[:300],
    }


def _consultation_row(kind, source_type, values, now) -> dict:
    return _base(kind, source_type, values, now) | {
        "person_id": values["user_id"],
        "person_name": values["name"],
        "person_email": values["email"],
        "organization_id": values["organization_id"],
        "summary": (values["topics"] or values["service_name"])[:300],
    }


def _others(ctx, count):
    """Records of the kinds without source rows: mostly organisations, often a named person."""
    rng = ctx.rng
    today = ctx.now.astimezone(ZONE).date()
    pick_day = day_picker(rng, ctx.start.astimezone(ZONE).date(), today)
    organizations = list(ctx.ids.get("organizations", []))
    pick_organization = heavy_tailed_picker(rng, organizations, sigma=1.5)
    users = ctx.ids.get("users", [])
    pick_kind = weighted_picker(rng, *zip(*OTHER_KINDS, strict=True))
    for number in range(count):
        kind = pick_kind()
        day = pick_day()
        person_id = rng.choice(users) if users and rng.random() < 0.4 else None
        name = "" if person_id or rng.random() < 0.3 else person_name(rng)
        yield {
            "kind": kind,
            "date": day,
            "person_id": person_id,
            "person_name": name,
            "person_email": email_for(name, number) if name and rng.random() < 0.5 else "",
            "organization_id": pick_organization() if rng.random() < 0.9 else None,
            "source_type_id": None,
            "source_id": "",
            "summary": SUMMARIES[kind],
            "recorded_by_id": None,
            "created_at": datetime.datetime.combine(day, datetime.time(12), tzinfo=ZONE),
        }


def _write_projects(ctx, total):
    """One project a calendar year, its targets about what the year's records reach."""
    first, last = ctx.start.astimezone(ZONE).year, ctx.now.astimezone(ZONE).year
    years = list(range(first, last + 1))
    ids = ctx.writer.reserve(Project, len(years))
    ctx.ids["projects"] = ids
    yearly = total // len(years)
    ctx.writer.insert(
        Project,
        (
            {
                "id": project_id,
                "name": f"Wsparcie organizacji {year}",
                "slug": f"wsparcie-{year}-{project_id}",
                "funder": "Narodowy Instytut Wolności",
                "start": datetime.date(year, 1, 1),
                "end": datetime.date(year, 12, 31),
                "target_persons": max(1, yearly // 3),
                "target_organizations": max(1, yearly // 10),
                "counted_kinds": list(SupportRecord.Kind.values),
                "grant_amount": Decimal(200_000),
                "own_contribution": Decimal(20_000),
                "description": "",
                "created_at": datetime.datetime.combine(
                    datetime.date(year, 1, 1), datetime.time(9), tzinfo=ZONE
                ),
            }
            for project_id, year in zip(ids, years, strict=True)
        ),
    )
