"""The purposes of processing, the information clause under every form that collects personal
data, and the privacy policy generated from them."""

import datetime
from io import StringIO

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import transaction
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.http import urlencode

from pomyslowice.accounts.models import User
from pomyslowice.centre import models as centre
from pomyslowice.centre.consulting_forms import slot_value
from pomyslowice.centre.consulting_slots import free_slots
from pomyslowice.core.reference_data import load_reference_data
from pomyslowice.events.models import Event
from pomyslowice.organizations.models import Membership, Person
from pomyslowice.organizations.permissions import make_consent_token
from pomyslowice.privacy.clauses import PURPOSES, get_purpose
from pomyslowice.surveys.models import Invitation
from pomyslowice.volunteering.models import Offer
from pomyslowice.volunteering.profile_services import create_profile

POLICY = "/en/polityka-prywatnosci/"
REQUIRED_PURPOSES = {
    "account",
    "event_registration",
    "consultation_booking",
    "room_booking",
    "equipment_loan",
    "volunteer_profile",
    "volunteer_application",
    "leader_profile",
    "grant_call_alerts",
    "contact_form",
    "survey",
    "mail_register",
    "data_request",
}


def test_every_purpose_the_platform_needs_is_described():
    assert set(PURPOSES) >= REQUIRED_PURPOSES
    for purpose in PURPOSES.values():
        assert purpose.version and purpose.bases and purpose.retention, purpose.key
        assert purpose.recipients and purpose.requirement and purpose.description, purpose.key
        assert all(str(basis).startswith("Art.") for basis in purpose.bases), purpose.key


def test_consent_purposes_say_what_is_agreed_to_and_what_withdrawal_changes():
    consent_based = {key for key, purpose in PURPOSES.items() if purpose.needs_consent}
    assert {"leader_profile", "grant_call_alerts", "volunteer_profile"} <= consent_based
    assert "account" not in consent_based, "an account is a contract, not a consent"
    for key in consent_based:
        assert PURPOSES[key].consent_text and PURPOSES[key].withdrawal_effect, key


def test_an_unknown_purpose_is_a_programming_error():
    with pytest.raises(LookupError):
        get_purpose("newsletter")


def test_policy_lists_every_purpose_with_its_basis_retention_and_recipients(client, db):
    response = client.get(POLICY)
    html = response.content.decode()

    assert response.status_code == 200
    assert "privacy/policy.html" in [t.name for t in response.templates]
    table = html[html.index('<table class="purposes">') : html.index("</table>")]
    for purpose in PURPOSES.values():
        with translation.override("en"):
            row = table[table.index(f'id="purpose-{purpose.key}"') :]
            assert str(purpose.name) in row
            assert str(purpose.retention) in row
    assert "Art. 9(2)(a) GDPR" in table


def test_policy_links_the_self_service_pages(client, db):
    html = client.get(POLICY).content.decode()

    assert 'href="/en/konto/zgody/"' in html
    assert 'href="/en/konto/usun/"' in html


@pytest.mark.parametrize("dpo, expected", [("", "has not appointed"), ("iod@example.org", "iod@")])
def test_policy_and_clause_name_the_officer_only_when_one_is_appointed(
    client, db, settings, dpo, expected
):
    settings.PRIVACY_DPO_EMAIL = dpo
    settings.PRIVACY_CONTROLLER = "Fundacja Testowa, ul. Próbna 1"

    html = client.get(POLICY).content.decode()
    signup = client.get("/en/konto/signup/").content.decode()

    assert expected in html and "Fundacja Testowa, ul. Próbna 1" in html
    assert "Fundacja Testowa, ul. Próbna 1" in signup
    assert ("No data protection officer" in signup) is (not dpo)


def test_the_footer_links_the_policy(client, db):
    html = client.get("/en/").content.decode()
    assert f'href="{POLICY}"' in html


# Every form that collects personal data shows the clause ----------------------------------


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The demo data, seeded once for the module and rolled back after it."""
    with (
        django_db_blocker.unblock(),
        override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]),
    ):
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            # A transactional test run earlier may have emptied the tables the migrations filled.
            load_reference_data(apps, schema_editor=None)
            call_command("seed_demo", stdout=StringIO())
            yield _form_pages()
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


def _form_pages() -> dict[str, tuple[str | None, str]]:
    """Purpose → (who opens the form, its address)."""
    representative = Membership.objects.filter(status=Membership.Status.ACTIVE).first().user
    event = Event.objects.filter(
        status=Event.Status.PUBLISHED, registration_enabled=True, end__gt=timezone.now()
    ).first()
    event.registration_opens = event.registration_closes = None
    event.save(update_fields=["registration_opens", "registration_closes"])
    resident = User.objects.create_user("formularze@example.org", password="x")
    volunteer = User.objects.create_user(
        "wolontariat@example.org", password="x", birth_date=timezone.localdate().replace(year=1990)
    )
    create_profile(user=volunteer, profile_consent=True)
    service = centre.ConsultingService.objects.active().first()
    today = timezone.localdate()
    slot = free_slots(service, today, today + datetime.timedelta(days=30))[0]
    draft = Person.objects.create(full_name="Zofia Szkic", slug="zofia-szkic", email="z@e.org")
    listed = Person.objects.filter(consents__field="contact", consents__withdrawn_at=None).first()
    invitation = Invitation.objects.filter(response__isnull=True).first()
    coordinator = User.objects.filter(groups__permissions__codename="add_mailitem").first()
    return {
        "account": (None, "/en/konto/signup/"),
        "event_registration": (None, reverse("events:register", args=[event.slug])),
        "consultation_booking": (
            representative,
            reverse("centre:consulting-book", args=[service.slug])
            + "?"
            + urlencode({"slot": slot_value(slot)}),
        ),
        "room_booking": (
            representative,
            reverse("centre:booking-request", args=[centre.Room.objects.first().slug]),
        ),
        "equipment_loan": (representative, reverse("centre:equipment-reserve")),
        "volunteer_profile": (volunteer, reverse("volunteering:profile")),
        "volunteer_application": (
            volunteer,
            reverse("volunteering:apply", args=[Offer.objects.filter(status="published")[0].slug]),
        ),
        "leader_profile": (resident, reverse("people:my-profile")),
        "leader_profile (e-mail link)": (
            None,
            reverse("people:consent", args=[make_consent_token(draft)]),
        ),
        "contact_form": (None, reverse("people:contact", args=[listed.slug])),
        "grant_call_alerts": (representative, reverse("grants:subscribe")),
        "survey": (None, reverse("survey-answer", args=[invitation.token])),
        "mail_register": (coordinator, reverse("centre:mail-add")),
    }


FORMS = [
    "account",
    "event_registration",
    "consultation_booking",
    "room_booking",
    "equipment_loan",
    "volunteer_profile",
    "volunteer_application",
    "leader_profile",
    "leader_profile (e-mail link)",
    "contact_form",
    "grant_call_alerts",
    "survey",
    "mail_register",
]


# Marked so that it runs before the transactional (browser) tests, which empty the database.
@pytest.mark.django_db
@pytest.mark.parametrize("form", FORMS)
def test_the_form_shows_the_information_clause_of_its_purpose(demo, form):
    user, url = demo[form]
    client = Client()
    if user is not None:
        client.force_login(user)

    response = client.get(url)
    html = response.content.decode()

    assert response.status_code == 200, url
    purpose = form.split(" ")[0]
    assert f'data-clause="{purpose}"' in html, url
    assert "/polityka-prywatnosci/#purpose-" in html
    assert "(PUODO)" in html or "(PUODO)" in _english(client, url)


def _english(client, url) -> str:
    return client.get(f"/en{url}").content.decode()
