import pytest

from pomyslowice.centre import demo_equipment
from pomyslowice.centre.models import Equipment, EquipmentReservation
from pomyslowice.organizations.demo_data import REPRESENTED_ORGANIZATION
from tests.conftest import make_organization


@pytest.mark.django_db
def test_seed_is_idempotent_and_shows_an_overdue_loan():
    for slug in [REPRESENTED_ORGANIZATION, "aktywna-jesien", "sasiedzi-bonczyk", "razem-latwiej"]:
        organization = make_organization(slug.replace("-", " ").title())
        organization.slug = slug
        organization.save()

    first = demo_equipment.seed()
    second = demo_equipment.seed()

    assert first == {"equipment": 5, "equipment_reservations_created": 4}
    assert second == {"equipment": 5, "equipment_reservations_created": 0}
    assert Equipment.objects.get(slug="laptop").quantity == 8
    assert EquipmentReservation.objects.overdue().count() == 1
