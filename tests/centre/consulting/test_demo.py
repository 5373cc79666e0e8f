from pomyslowice.centre import demo_consulting
from pomyslowice.centre.models import Appointment, Consultant, ConsultingService
from pomyslowice.organizations.demo_data import REPRESENTED_ORGANIZATION
from pomyslowice.organizations.models import SupportRecord
from tests.conftest import create_user, make_organization


def test_seed_is_idempotent(db):
    organization = make_organization("Stowarzyszenie Przyjaciół Słupnej")
    organization.slug = REPRESENTED_ORGANIZATION
    organization.save(update_fields=["slug"])
    create_user(demo_consulting.CARETAKER_EMAIL, first_name="Olga", last_name="Opiekunka")
    create_user("przedstawiciel@demo.pomyslowice.pl", first_name="Piotr", last_name="P")

    first = demo_consulting.seed()
    second = demo_consulting.seed()

    assert first == {"consultants": 2, "services": 5, "appointments_created": 3}
    assert second["appointments_created"] == 0
    assert Consultant.objects.count() == 2
    assert ConsultingService.objects.get(slug="porada-pierwszego-kontaktu").duration_minutes == 30
    assert Appointment.objects.filter(status=Appointment.Status.BOOKED).count() == 2
    held = Appointment.objects.get(status=Appointment.Status.HELD)
    assert held.organization == organization
    assert SupportRecord.objects.filter(kind=SupportRecord.Kind.CONSULTATION).count() == 1
