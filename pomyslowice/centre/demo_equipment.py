"""Demo equipment and a few reservations by demo organisations: one coming, one lent out now,
one returned and one overdue, so the staff desk shows every list.

Idempotent: equipment is found by slug and reservations by (equipment, organisation, purpose),
so running it again (on any day) changes nothing. Dates are relative to the day it first runs.
Reservations are written directly, not through the services, because some lie in the past.
"""

import datetime

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from pomyslowice.accounts.models import User
from pomyslowice.organizations.demo_data import REPRESENTED_ORGANIZATION
from pomyslowice.organizations.models import Membership, Organization, SupportRecord

from .calendar import local_datetime
from .equipment_services import support_summary
from .models import Equipment, EquipmentReservation

# (slug, name, quantity, description)
EQUIPMENT = [
    (
        "laptop",
        "Laptop",
        8,
        'Laptopy 15,6" z systemem Windows 11, pakietem biurowym i przeglądarką. '
        "Wydajemy z zasilaczem i myszką.",
    ),
    (
        "projektor",
        "Projektor multimedialny",
        2,
        "Projektor Full HD, 3600 lumenów, z kablem HDMI i przejściówką USB-C.",
    ),
    (
        "ekran-projekcyjny",
        "Ekran projekcyjny na statywie",
        1,
        "Ekran 180 \N{MULTIPLICATION SIGN} 180 cm, rozkładany w dwie minuty, "
        "w torbie transportowej.",
    ),
    (
        "naglosnienie",
        "Zestaw nagłośnieniowy",
        1,
        "Dwie kolumny aktywne, mikser, dwa mikrofony bezprzewodowe i statywy. "
        "Wystarczy na festyn osiedlowy do ok. 200 osób.",
    ),
    (
        "flipchart",
        "Flipchart",
        1,
        "Tablica suchościeralna na trójnogu z blokiem papieru i markerami.",
    ),
]

# (equipment slug, organisation slug, quantity, start day from today, days, status, purpose)
RESERVATIONS = [
    (
        "laptop",
        REPRESENTED_ORGANIZATION,
        6,
        5,
        1,
        EquipmentReservation.Status.RESERVED,
        "Warsztaty komputerowe dla seniorów w świetlicy na Słupnej",
    ),
    (
        "projektor",
        "aktywna-jesien",
        1,
        -1,
        3,
        EquipmentReservation.Status.CHECKED_OUT,
        "Pokaz zdjęć z wycieczki do Pszczyny",
    ),
    (
        "naglosnienie",
        "sasiedzi-bonczyk",
        1,
        -6,
        2,
        EquipmentReservation.Status.CHECKED_OUT,
        "Festyn sąsiedzki na Bończyku",
    ),
    (
        "flipchart",
        "razem-latwiej",
        1,
        -12,
        2,
        EquipmentReservation.Status.RETURNED,
        "Spotkanie planistyczne zarządu",
    ),
]


def seed() -> dict:
    equipment = {}
    for position, (slug, name, quantity, description) in enumerate(EQUIPMENT):
        equipment[slug], _created = Equipment.objects.get_or_create(
            slug=slug,
            defaults={
                "name": name,
                "quantity": quantity,
                "description": description,
                "position": position * 10,
            },
        )
    organizations = {
        org.slug: org
        for org in Organization.objects.filter(slug__in={spec[1] for spec in RESERVATIONS})
    }
    staff = User.objects.filter(email="koordynator@demo.pomyslowice.pl").first()
    today = timezone.localdate()
    created = 0
    for slug, org_slug, quantity, offset, days, status, purpose in RESERVATIONS:
        organization = organizations.get(org_slug)
        if organization is None:
            continue
        start_day = today + datetime.timedelta(days=offset)
        reservation, was_created = EquipmentReservation.objects.get_or_create(
            equipment=equipment[slug],
            organization=organization,
            purpose=purpose,
            defaults={
                "quantity": quantity,
                "start": local_datetime(start_day, datetime.time(9)),
                "end": local_datetime(start_day + datetime.timedelta(days=days), datetime.time(17)),
                "contact_name": organization.short_name or organization.name,
                "contact_email": organization.email or "kontakt@example.org",
                "requested_by": _representative(organization),
            },
        )
        created += was_created
        if was_created and status != EquipmentReservation.Status.RESERVED:
            _lend(reservation, status=status, staff=staff)
    return {"equipment": len(equipment), "equipment_reservations_created": created}


def _representative(organization: Organization):
    membership = (
        organization.memberships.filter(status=Membership.Status.ACTIVE)
        .select_related("user")
        .first()
    )
    return membership.user if membership else None


def _lend(reservation: EquipmentReservation, *, status, staff) -> None:
    reservation.status = status
    reservation.checked_out_at, reservation.checked_out_by = reservation.start, staff
    if status == EquipmentReservation.Status.RETURNED:
        reservation.returned_at, reservation.returned_by = reservation.end, staff
    reservation.save()
    SupportRecord.objects.get_or_create(
        kind=SupportRecord.Kind.EQUIPMENT,
        source_type=ContentType.objects.get_for_model(EquipmentReservation),
        source_id=str(reservation.pk),
        defaults={
            "date": timezone.localdate(reservation.start),
            "person": reservation.requested_by,
            "person_name": reservation.contact_name,
            "person_email": reservation.contact_email,
            "organization": reservation.organization,
            "summary": support_summary(reservation),
            "recorded_by": staff,
        },
    )
