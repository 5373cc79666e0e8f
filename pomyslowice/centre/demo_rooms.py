"""Demo rooms of the Mysłowice centre and a few approved and pending bookings by demo
organisations in the coming weeks.

Idempotent: rooms are found by slug and bookings by (room, organisation, purpose), so running it
again (on any day) changes nothing. Dates are relative to the day it first runs; a date that is
a holiday or already taken moves to the next open day. Bookings are written directly (no
e-mails to demo people) but checked with the same rules as real requests.
"""

import datetime

from django.utils import timezone

from pomyslowice.accounts.models import User
from pomyslowice.organizations.demo_data import REPRESENTED_ORGANIZATION
from pomyslowice.organizations.models import Membership, Organization

from . import room_services
from .calendar import local_datetime
from .models import BookingStatus, Room, RoomBooking

RULES = (
    "Salę oddajemy w takim stanie, w jakim ją zastaliśmy: krzesła i stoły na swoje miejsca, "
    "śmieci do pojemników w korytarzu.\n"
    "Klucz odbiera i zwraca w recepcji osoba kontaktowa podana we wniosku.\n"
    "W budynku obowiązuje zakaz palenia i spożywania alkoholu.\n"
    "Spotkanie musi się zakończyć do godziny zamknięcia sali."
)

ROOMS = [
    {
        "slug": "sala-szkoleniowa",
        "name": "Sala szkoleniowa",
        "capacity": 30,
        "location": "parter, pokój 3",
        "layouts": [Room.Layout.CLASSROOM, Room.Layout.THEATRE, Room.Layout.ISLANDS],
        "description": (
            "Jasna sala na szkolenia i warsztaty, z oknami od strony parku. "
            "Dobra na kursy, spotkania informacyjne i zajęcia w grupach."
        ),
        "built_in_equipment": "Ekran projekcyjny, tablica suchościeralna, flipchart, Wi-Fi.",
        "step_free_access": True,
        "accessible_toilet": True,
        "hearing_loop": True,
        "accessibility_notes": (
            "Wejście bez progów od ul. Powstańców; toaleta dla osób z niepełnosprawnościami "
            "na tym samym piętrze. Pętla indukcyjna w pierwszych trzech rzędach."
        ),
    },
    {
        "slug": "sala-konferencyjna",
        "name": "Sala konferencyjna",
        "capacity": 60,
        "location": "I piętro, pokój 12",
        "layouts": [Room.Layout.THEATRE, Room.Layout.U_SHAPE, Room.Layout.OPEN],
        "description": (
            "Największa sala ośrodka: konferencje, walne zebrania, debaty i pokazy filmów."
        ),
        "built_in_equipment": "Projektor, nagłośnienie z dwoma mikrofonami, ekran, Wi-Fi.",
        "step_free_access": True,
        "accessible_toilet": True,
        "hearing_loop": False,
        "accessibility_notes": "Na I piętro prowadzi winda (szerokość drzwi 90 cm).",
    },
    {
        "slug": "sala-spotkan",
        "name": "Sala spotkań",
        "capacity": 12,
        "location": "parter, pokój 5",
        "layouts": [Room.Layout.BOARDROOM],
        "description": (
            "Kameralna sala z dużym stołem na zebrania zarządu i rozmowy w małym gronie."
        ),
        "built_in_equipment": 'Telewizor 55" z HDMI, tablica, czajnik i kubki.',
        "step_free_access": False,
        "accessible_toilet": False,
        "hearing_loop": False,
        "accessibility_notes": (
            "Przy wejściu do sali jest próg (4 cm). Jeśli potrzebujesz sali bez barier, "
            "zarezerwuj salę szkoleniową."
        ),
    },
]

# (room slug, organisation slug, days from today, from hour, until hour, people, approved, purpose)
BOOKINGS = [
    ("sala-spotkan", REPRESENTED_ORGANIZATION, 3, 17, 19, 8, True, "Zebranie zarządu"),
    (
        "sala-szkoleniowa",
        "aktywna-jesien",
        6,
        10,
        13,
        20,
        True,
        "Warsztaty „Bezpieczny senior w sieci”",
    ),
    (
        "sala-konferencyjna",
        "milosnicy-ziemi-myslowickiej",
        10,
        17,
        20,
        45,
        False,
        "Spotkanie „Mysłowice na starych fotografiach”",
    ),
    ("sala-spotkan", "razem-latwiej", 12, 16, 18, 10, False, "Grupa wsparcia dla rodziców"),
    (
        "sala-szkoleniowa",
        "rodziny-zastepcze-przystan",
        17,
        9,
        15,
        25,
        True,
        "Szkolenie dla kandydatów na rodziny zastępcze",
    ),
    ("sala-konferencyjna", "sasiedzi-bonczyk", 24, 18, 20, 35, False, "Walne zebranie członków"),
]


def seed() -> dict:
    rooms = {}
    for position, spec in enumerate(ROOMS):
        fields = {key: value for key, value in spec.items() if key != "slug"}
        rooms[spec["slug"]], _created = Room.objects.get_or_create(
            slug=spec["slug"], defaults={**fields, "rules": RULES, "position": position * 10}
        )
        room_services.ensure_default_opening_hours(room=rooms[spec["slug"]])
    organizations = {
        org.slug: org
        for org in Organization.objects.filter(slug__in={spec[1] for spec in BOOKINGS})
    }
    staff = User.objects.filter(email="koordynator@demo.pomyslowice.pl").first()
    created = 0
    for room_slug, org_slug, offset, opens, closes, people, approved, purpose in BOOKINGS:
        organization = organizations.get(org_slug)
        room = rooms[room_slug]
        if (
            organization is None
            or room.bookings.filter(organization=organization, purpose=purpose).exists()
        ):
            continue
        booking = _book(room, organization, offset, opens, closes, people, purpose)
        if booking is None:
            continue
        created += 1
        if approved:
            booking.status = BookingStatus.APPROVED
            booking.decided_by, booking.decided_at = staff, timezone.now()
            booking.save(update_fields=["status", "decided_by", "decided_at"])
            room_services._record_support(booking, by=staff)
    return {"rooms": len(rooms), "room_bookings_created": created}


def _book(room, organization, offset, opens, closes, people, purpose) -> RoomBooking | None:
    """A pending booking on the first open, free day from today + offset (within two weeks)."""
    representative = (
        organization.memberships.filter(status=Membership.Status.ACTIVE)
        .select_related("user")
        .first()
    )
    user = representative.user if representative else None
    for extra in range(14):
        day = timezone.localdate() + datetime.timedelta(days=offset + extra)
        start = local_datetime(day, datetime.time(opens))
        end = local_datetime(day, datetime.time(closes))
        if (
            room_services.booking_problem(room=room, start=start, end=end, expected_people=people)
            or RoomBooking.objects.holding().overlapping(start, end).filter(room=room).exists()
        ):
            continue
        return RoomBooking.objects.create(
            room=room,
            start=start,
            end=end,
            organization=organization,
            requested_by=user,
            contact_name=user.get_full_name() if user else organization.name,
            contact_email=(user.email if user else organization.email) or "kontakt@example.org",
            purpose=purpose,
            expected_people=people,
        )
    return None
