"""Support centres' rooms and their bookings, consultants and their appointments.

A country has many centres: one room for about every ROOM_BOOKINGS bookings. Each room's day is
cut into fixed two-hour slots (Monday to Saturday, within its opening hours) and every booking
takes a slot of its own, so no two bookings of a room ever overlap; PostgreSQL's exclusion
constraint (centre migration 0002) checks it. Appointments are slotted the same way per
consultant.
"""

import datetime

from django.utils.text import slugify

from pomyslowice.centre.models import (
    Appointment,
    BookingStatus,
    Consultant,
    ConsultingService,
    OpeningHours,
    Room,
    RoomBooking,
)

from .base import Context
from .events import ZONE, email_for, heavy_tailed_picker, local, person_name

ROOM_BOOKINGS = 500
# Starting hours of the two-hour booking slots on weekdays and on Saturdays.
WEEKDAY_SLOTS = (8, 10, 12, 14, 16, 18)
SATURDAY_SLOTS = (9, 11, 13)
FUTURE_DAYS = 182
# A tenth as many consultations as room bookings, one consultant per ~APPOINTMENTS of them.
APPOINTMENTS_PER_BOOKING = 0.1
APPOINTMENTS = 400
APPOINTMENT_HOURS = (11, 12, 13, 14, 15, 16)
ROOM_NAMES = (
    "Sala konferencyjna",
    "Sala warsztatowa",
    "Sala spotkań",
    "Pokój coworkingowy",
    "Sala szkoleniowa",
    "Aula",
)
PURPOSES = (
    "Zebranie zarządu",
    "Walne zebranie członków",
    "Szkolenie wolontariuszy",
    "Warsztaty dla seniorów",
    "Próba zespołu",
    "Spotkanie grupy wsparcia",
    "Zajęcia dla dzieci",
    "Konferencja prasowa",
    "Spotkanie z partnerami projektu",
    "Kurs języka polskiego",
)
SERVICES = (
    ("first-contact", "Pierwsza porada dla organizacji", 60),
    ("specialist", "Doradztwo księgowe", 60),
    ("specialist", "Doradztwo prawne", 60),
    ("specialist", "Pisanie wniosków grantowych", 90),
)
QUESTIONS = (
    "Jak założyć stowarzyszenie zwykłe?",
    "Jak rozliczyć dotację z gminy?",
    "Pytanie o sprawozdanie finansowe.",
    "Jak napisać wniosek do konkursu?",
)


def generate(ctx: Context) -> None:
    rooms = _write_rooms(ctx)
    _write_bookings(ctx, rooms)
    _write_appointments(ctx)


# --- rooms -------------------------------------------------------------------------------------


def _write_rooms(ctx) -> list[tuple[int, int]]:
    """(id, capacity) of each new room, with its opening hours."""
    rng = ctx.rng
    count = max(1, ctx.scale.bookings // ROOM_BOOKINGS)
    ids = ctx.writer.reserve(Room, count)
    rooms = [(room_id, rng.choice((12, 20, 30, 40, 60, 100))) for room_id in ids]
    layouts = Room.Layout.values

    def rows():
        for position, (room_id, capacity) in enumerate(rooms):
            name = f"{rng.choice(ROOM_NAMES)} {room_id}"
            yield {
                "id": room_id,
                "name": name,
                "slug": slugify(name),
                "description": "<p>Sala do spotkań organizacji pozarządowych.</p>",
                "capacity": capacity,
                "location": f"piętro {rng.randint(0, 3)}",
                "layouts": rng.sample(layouts, rng.randint(1, 3)),
                "built_in_equipment": "Rzutnik, ekran, tablica",
                "step_free_access": rng.random() < 0.7,
                "accessible_toilet": rng.random() < 0.6,
                "hearing_loop": rng.random() < 0.2,
                "position": position,
                "is_active": True,
            }

    ctx.writer.insert(Room, rows())
    opening_ids = iter(ctx.writer.reserve(OpeningHours, count * 6))
    ctx.writer.insert(
        OpeningHours,
        (
            {
                "id": next(opening_ids),
                "room_id": room_id,
                "weekday": weekday,
                "opens": datetime.time(9 if weekday == 5 else 8),
                "closes": datetime.time(15 if weekday == 5 else 20),
            }
            for room_id, _capacity in rooms
            for weekday in range(6)
        ),
    )
    ctx.ids["rooms"] = ids
    return rooms


def _slots(first: datetime.date, last: datetime.date, hours_of) -> list[tuple[datetime.date, int]]:
    """(day, starting hour) of every slot between two days; `hours_of(weekday)` gives the hours."""
    days = (first + datetime.timedelta(days=n) for n in range((last - first).days + 1))
    return [(day, hour) for day in days for hour in hours_of(day.weekday())]


def _room_hours(weekday: int) -> tuple[int, ...]:
    return SATURDAY_SLOTS if weekday == 5 else WEEKDAY_SLOTS if weekday < 5 else ()


def _write_bookings(ctx, rooms):
    rng = ctx.rng
    today = ctx.now.astimezone(ZONE).date()
    slots = _slots(
        ctx.start.astimezone(ZONE).date(), today + datetime.timedelta(FUTURE_DAYS), _room_hours
    )
    per_room = _spread(ctx.scale.bookings, len(rooms))
    plans = [
        (room, sorted(rng.sample(range(len(slots)), min(count, len(slots)))))
        for room, count in zip(rooms, per_room, strict=True)
    ]
    ids = ctx.writer.reserve(RoomBooking, sum(len(chosen) for _room, chosen in plans))
    ctx.ids["bookings"] = ids
    organizations = list(ctx.ids.get("organizations", []))
    representatives = dict(
        zip(organizations, ctx.ids.get("representative_users", []), strict=False)
    )
    pick_organization = heavy_tailed_picker(rng, organizations, sigma=1.5)
    now = ctx.now

    random = rng.random
    half_hour, a_day = datetime.timedelta(minutes=30), datetime.timedelta(days=1)
    no_time = datetime.timedelta()

    def rows():
        numbers = iter(ids)
        for (room_id, capacity), chosen in plans:
            for index in chosen:
                day, hour = slots[index]
                # Most take the whole slot; some start late or end early.
                start = local(day, hour) + (half_hour if random() < 0.25 else no_time)
                end = local(day, hour + 2) - (half_hour if random() < 0.25 else no_time)
                status = _booking_status(rng, start > now)
                created = start - a_day * (2 + int(random() * 44))
                organization = pick_organization() if random() < 0.9 else None
                name = person_name(rng)
                booking_id = next(numbers)
                decided = status in (BookingStatus.APPROVED, BookingStatus.REJECTED)
                yield {
                    "id": booking_id,
                    "room_id": room_id,
                    "start": start,
                    "end": end,
                    "status": status,
                    "organization_id": organization,
                    "requested_by_id": representatives.get(organization),
                    "contact_name": name,
                    "contact_email": email_for(name, booking_id),
                    "contact_phone": f"+48 {500_000_000 + booking_id % 400_000_000}",
                    "purpose": PURPOSES[int(random() * len(PURPOSES))],
                    "expected_people": capacity - int(random() * capacity * 0.75),
                    "layout": "",
                    "decision_reason": "Termin zajęty przez wydarzenie miejskie."
                    if status == BookingStatus.REJECTED
                    else "",
                    "decided_at": min(created + a_day, now) if decided else None,
                    "cancelled_at": min(created + 2 * a_day, now)
                    if status == BookingStatus.CANCELLED
                    else None,
                    "created_at": min(created, now),
                }

    ctx.writer.insert(RoomBooking, rows())


def _spread(total: int, parts: int) -> list[int]:
    """`total` split into `parts` nearly equal whole numbers."""
    share, extra = divmod(total, parts)
    return [share + (part < extra) for part in range(parts)]


def _booking_status(rng, upcoming: bool) -> str:
    draw = rng.random()
    if upcoming:
        return (
            BookingStatus.PENDING
            if draw < 0.3
            else (BookingStatus.APPROVED if draw < 0.92 else BookingStatus.CANCELLED)
        )
    if draw < 0.82:
        return BookingStatus.APPROVED
    return BookingStatus.CANCELLED if draw < 0.92 else BookingStatus.REJECTED


# --- consulting --------------------------------------------------------------------------------


def _write_appointments(ctx):
    rng = ctx.rng
    count = round(ctx.scale.bookings * APPOINTMENTS_PER_BOOKING)
    if not count:
        return
    services = _services()
    consultants = ctx.writer.reserve(Consultant, max(1, count // APPOINTMENTS))
    ctx.writer.insert(
        Consultant,
        (
            {"id": consultant, "user_id": None, "display_name": person_name(rng), "bio": ""}
            for consultant in consultants
        ),
    )
    links = ctx.writer.reserve(
        ConsultingService.consultants.through, len(consultants) * len(services)
    )
    pairs = [(service, consultant) for consultant in consultants for service, _length in services]
    ctx.writer.insert(
        ConsultingService.consultants.through,
        (
            {"id": link, "consultingservice_id": service, "consultant_id": consultant}
            for link, (service, consultant) in zip(links, pairs, strict=True)
        ),
    )
    today = ctx.now.astimezone(ZONE).date()
    slots = _slots(
        ctx.start.astimezone(ZONE).date(),
        today + datetime.timedelta(FUTURE_DAYS),
        lambda weekday: APPOINTMENT_HOURS if weekday < 5 else (),
    )
    plans = [
        (consultant, sorted(rng.sample(range(len(slots)), min(share, len(slots)))))
        for consultant, share in zip(consultants, _spread(count, len(consultants)), strict=True)
    ]
    ids = ctx.writer.reserve(Appointment, sum(len(chosen) for _c, chosen in plans))
    ctx.ids["appointments"] = ids
    ctx.writer.insert(Appointment, _appointments(ctx, plans, slots, services, iter(ids)))


def _services() -> list[tuple[int, int]]:
    """(id, minutes) of the consulting services, added when the centre has none yet."""
    existing = list(ConsultingService.objects.values_list("pk", "duration_minutes"))
    if existing:
        return existing
    for position, (kind, name, minutes) in enumerate(SERVICES):
        ConsultingService.objects.create(
            kind=kind, name=name, slug=slugify(name), duration_minutes=minutes, position=position
        )
    return list(ConsultingService.objects.values_list("pk", "duration_minutes"))


def _appointments(ctx, plans, slots, services, ids):
    rng, now = ctx.rng, ctx.now
    organizations = list(ctx.ids.get("organizations", []))
    pick_organization = heavy_tailed_picker(rng, organizations, sigma=1.5)
    Status = Appointment.Status
    for consultant, chosen in plans:
        for index in chosen:
            day, hour = slots[index]
            service, minutes = rng.choice(services)
            start = local(day, hour)
            upcoming = start > now
            draw = rng.random()
            if upcoming:
                status = Status.BOOKED if draw < 0.9 else Status.CANCELLED
            else:
                status = (
                    Status.HELD
                    if draw < 0.75
                    else Status.NO_SHOW
                    if draw < 0.85
                    else (Status.CANCELLED)
                )
            name = person_name(rng)
            appointment_id = next(ids)
            yield {
                "id": appointment_id,
                "service_id": service,
                "consultant_id": consultant,
                "start": start,
                "end": start + datetime.timedelta(minutes=min(minutes, 60)),
                "status": status,
                "name": name,
                "email": email_for(name, appointment_id),
                "organization_id": pick_organization() if rng.random() < 0.8 else None,
                "question": rng.choice(QUESTIONS),
                "topics": "Statut, sprawozdawczość" if status == Status.HELD else "",
                "cancelled_at": start - datetime.timedelta(days=1)
                if status == Status.CANCELLED
                else None,
                "language": "pl",
                "created_at": min(start - datetime.timedelta(days=rng.randint(1, 20)), now),
            }
