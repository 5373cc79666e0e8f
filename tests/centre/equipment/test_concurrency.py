"""Twenty-four people racing for the last laptops: the equipment row's lock, not luck, keeps
the lent-out quantity within what the centre owns."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from pomyslowice.centre import equipment_services as services
from pomyslowice.centre.calendar import local_datetime
from pomyslowice.centre.models import Equipment, EquipmentReservation
from pomyslowice.organizations.models import Membership
from tests.conftest import create_user, make_organization
from tests.events.test_registration_concurrency import race

RACERS = 24
OWNED = 5


@pytest.mark.django_db(transaction=True)
def test_concurrent_reservations_never_exceed_the_quantity_owned():
    laptops = Equipment.objects.create(name="Laptop", slug="laptop", quantity=OWNED)
    organization = make_organization("Stowarzyszenie Wyścigowe")
    racers = []
    for number in range(RACERS):
        user = create_user(f"racer{number}@example.org")
        Membership.objects.create(
            user=user, organization=organization, status=Membership.Status.ACTIVE
        )
        racers.append(user)
    day = datetime.date.today() + datetime.timedelta(days=3)
    # One unit already taken; the racers overlap each other in staggered periods.
    services.reserve_equipment(
        equipment=laptops,
        quantity=1,
        start=local_datetime(day, datetime.time(8)),
        end=local_datetime(day, datetime.time(20)),
        requested_by=racers[0],
        organization=organization,
    )

    def reserve(index: int) -> str:
        try:
            services.reserve_equipment(
                equipment=laptops,
                quantity=1 + index % 2,
                start=local_datetime(day, datetime.time(9 + index % 3)),
                end=local_datetime(day, datetime.time(15 + index % 4)),
                requested_by=racers[index],
                organization=organization,
            )
        except ValidationError:
            return "refused"
        return "reserved"

    outcomes = race(reserve, RACERS)

    assert set(outcomes) == {"reserved", "refused"}
    # Every racer overlaps every other between 11:00 and 15:00, so the units held then are the
    # sum of all that got through. Requests for one unit are refused only when none is left.
    held = sum(EquipmentReservation.objects.holding().values_list("quantity", flat=True))
    assert held == OWNED
    assert (
        services.available_quantity(
            equipment=laptops,
            start=local_datetime(day, datetime.time(8)),
            end=local_datetime(day, datetime.time(20)),
        )
        == OWNED - held
    )
