"""The consent register: what is stored when a consent is given, what withdrawal does, and who
sees which consents."""

import datetime

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.utils import timezone

from pomyslowice.core.models import AuditLogEntry
from pomyslowice.events.grant_services import set_grant_call_alerts
from pomyslowice.events.models import Event, GrantCallSubscription
from pomyslowice.events.registration_services import register
from pomyslowice.organizations.models import Person, PersonConsent
from pomyslowice.organizations.people_services import save_own_profile, set_consents
from pomyslowice.privacy.clauses import PURPOSES
from pomyslowice.privacy.consents import (
    active_consents,
    record_consent,
    withdraw_all,
    withdraw_consent,
)
from pomyslowice.privacy.models import ConsentRecord
from pomyslowice.volunteering.models import ProfileConsent, VolunteerProfile
from pomyslowice.volunteering.profile_services import create_profile

Method = ConsentRecord.WithdrawalMethod
MY_CONSENTS = "/en/konto/zgody/"
REGISTER = "/en/panel/rodo/zgody/"
NOW = datetime.datetime(2026, 11, 27, 12, 0, tzinfo=datetime.UTC)


def withdraw_url(record) -> str:
    return f"/en/konto/zgody/{record.pk}/wycofaj/"


# Services ------------------------------------------------------------------------------------


def test_a_consent_keeps_the_wording_version_language_and_moment(users):
    with time_machine.travel(NOW, tick=False):
        record = record_consent(purpose="grant_call_alerts", user=users["resident"], language="pl")

    record.refresh_from_db()
    assert record.user == users["resident"] and record.email == ""
    assert record.text == str(PURPOSES["grant_call_alerts"].consent_text)
    assert record.version == PURPOSES["grant_call_alerts"].version
    assert (record.language, record.given_at, record.is_active) == ("pl", NOW, True)


def test_a_text_given_by_the_app_is_stored_as_shown(db):
    record = record_consent(
        purpose="event_registration", email=" Gosc@Example.org ", text="Zgoda na zdjęcia."
    )
    assert (record.user, record.email, record.text) == (
        None,
        "gosc@example.org",
        "Zgoda na zdjęcia.",
    )


def test_the_audit_log_records_the_purpose_but_no_personal_data(users):
    record = record_consent(purpose="grant_call_alerts", user=users["resident"])
    withdraw_consent(record=record, by=users["resident"], method=Method.SELF_SERVICE)

    entries = AuditLogEntry.objects.filter(verb__startswith="privacy.consent.").order_by("pk")
    assert [entry.verb for entry in entries] == [
        "privacy.consent.given",
        "privacy.consent.withdrawn",
    ]
    for entry in entries:
        assert users["resident"].email not in str(entry.data)
        assert record.text not in str(entry.data)
        assert entry.data["purpose"] == "grant_call_alerts"


def test_a_purpose_that_is_not_based_on_consent_cannot_be_consented_to(users):
    with pytest.raises(ValueError):
        record_consent(purpose="account", user=users["resident"])
    assert not ConsentRecord.objects.exists()


def test_withdrawal_is_recorded_once(users):
    record = record_consent(purpose="grant_call_alerts", user=users["resident"])
    with time_machine.travel(NOW, tick=False):
        withdraw_consent(record=record, by=users["coordinator"], method=Method.STAFF)

    record.refresh_from_db()
    assert (record.withdrawn_at, record.withdrawal_method) == (NOW, Method.STAFF)
    assert record.withdrawn_by == users["coordinator"]
    with pytest.raises(ValidationError):
        withdraw_consent(record=record, by=users["resident"], method=Method.SELF_SERVICE)
    record.refresh_from_db()
    assert record.withdrawal_method == Method.STAFF


def test_withdraw_all_covers_the_account_and_its_guest_address(users):
    resident = users["resident"]
    own = record_consent(purpose="grant_call_alerts", user=resident)
    as_guest = record_consent(purpose="event_registration", email=resident.email.upper())
    other = record_consent(purpose="grant_call_alerts", user=users["volunteer"])

    assert withdraw_all(user=resident, method=Method.ERASURE) == 2

    assert not active_consents(user=resident).exists()
    for record, active in ((own, False), (as_guest, False), (other, True)):
        record.refresh_from_db()
        assert record.is_active is active
    assert ConsentRecord.objects.get(pk=own.pk).withdrawal_method == Method.ERASURE


# Wired into the apps ---------------------------------------------------------------------------


@pytest.fixture
def event_with_consent(organization):
    start = timezone.now() + datetime.timedelta(days=7)
    return Event.objects.create(
        title="Warsztaty",
        slug="warsztaty",
        start=start,
        end=start + datetime.timedelta(hours=2),
        status=Event.Status.PUBLISHED,
        published_at=timezone.now(),
        organizer=organization,
        address="ul. Powstańców 1",
        registration_enabled=True,
        registration_consent_text="Zgadzam się na zdjęcia z warsztatów.",
    )


def test_an_event_registration_records_the_organisers_consent(users, event_with_consent):
    registration = register(
        event=event_with_consent, name="Janina", email="", user=users["resident"], consent=True
    )

    record = ConsentRecord.objects.get()
    assert (record.purpose, record.user, record.source) == (
        "event_registration",
        users["resident"],
        registration,
    )
    assert record.text == "Zgadzam się na zdjęcia z warsztatów."


def test_an_event_without_a_consent_records_none(users, event_with_consent):
    event_with_consent.registration_consent_text = ""
    event_with_consent.save()
    register(event=event_with_consent, name="Gość", email="gosc@example.org")
    assert not ConsentRecord.objects.exists()


def _leader(user) -> Person:
    return save_own_profile(
        user=user, full_name="Janina Mieszko", consents=["name", "bio"], bio="<p>Działam.</p>"
    )


def _active_fields(person) -> set[str]:
    return set(person.consents.filter(withdrawn_at=None).values_list("field", flat=True))


def test_a_leader_profile_consent_names_the_fields_and_a_change_supersedes_it(users):
    person = _leader(users["resident"])
    first = ConsentRecord.objects.get(purpose="leader_profile")
    assert first.source == person and first.user == users["resident"]

    set_consents(person=person, fields=["name", "bio", "photo"], via="profile form", actor=None)

    first.refresh_from_db()
    second = ConsentRecord.objects.active().get(purpose="leader_profile")
    assert first.withdrawal_method == Method.SUPERSEDED
    assert second.pk != first.pk and len(second.text) > len(first.text)
    assert _active_fields(person) == {"name", "bio", "photo"}, "superseding unpublishes nothing"


def test_unpublishing_in_the_directory_withdraws_the_registered_consent(users):
    person = _leader(users["resident"])

    set_consents(person=person, fields=[], via="profile form", actor=users["resident"])

    record = ConsentRecord.objects.get(purpose="leader_profile")
    assert record.withdrawal_method == Method.SELF_SERVICE


def test_withdrawing_on_my_consents_unpublishes_the_leader_profile(users, client_for):
    person = _leader(users["resident"])
    record = ConsentRecord.objects.get(purpose="leader_profile")

    response = client_for("resident").post(withdraw_url(record), {"confirm": "on"})

    assert response.status_code == 302
    record.refresh_from_db()
    assert record.withdrawal_method == Method.SELF_SERVICE
    assert _active_fields(person) == set()
    assert not Person.objects.published().filter(pk=person.pk).exists()
    assert PersonConsent.objects.filter(person=person).count() == 2, "the history stays"


def test_withdrawing_the_digest_switches_it_off_and_the_profile_consent_deletes_it(
    users, client_for
):
    volunteer = users["volunteer"]
    volunteer.birth_date = datetime.date(1990, 5, 1)
    volunteer.save()
    profile = create_profile(user=volunteer, profile_consent=True, digest=True)
    records = {
        ProfileConsent.objects.get(pk=record.source_id).purpose: record
        for record in ConsentRecord.objects.filter(purpose="volunteer_profile")
    }
    assert set(records) == {"profile", "digest"}

    client_for("volunteer").post(withdraw_url(records["digest"]), {"confirm": "on"})
    profile.refresh_from_db()
    assert profile.digest is False
    assert not profile.consents.filter(purpose="digest", withdrawn_at=None).exists()

    client_for("volunteer").post(withdraw_url(records["profile"]), {"confirm": "on"})
    assert not VolunteerProfile.objects.filter(user=volunteer).exists()
    assert not active_consents(user=volunteer).exists()


def test_grant_alerts_are_a_consent_and_withdrawing_it_stops_them(users, organization, client_for):
    representative = users["representative"]
    set_grant_call_alerts(user=representative, organization=organization, enabled=True)
    record = ConsentRecord.objects.get(purpose="grant_call_alerts")
    assert record.source == GrantCallSubscription.objects.get()

    client_for("representative").post(withdraw_url(record), {"confirm": "on"})

    assert not GrantCallSubscription.objects.exists()
    record.refresh_from_db()
    assert not record.is_active


def test_turning_alerts_off_withdraws_the_consent(users, organization):
    representative = users["representative"]
    set_grant_call_alerts(user=representative, organization=organization, enabled=True)
    set_grant_call_alerts(user=representative, organization=organization, enabled=False)

    assert not active_consents(user=representative).exists()
    assert ConsentRecord.objects.get().withdrawal_method == Method.SELF_SERVICE


# My consents -----------------------------------------------------------------------------------


def test_my_consents_lists_only_my_consents_with_their_wording(users, client_for):
    mine = record_consent(
        purpose="grant_call_alerts", user=users["resident"], text="Chcę dostawać powiadomienia."
    )
    record_consent(purpose="leader_profile", user=users["volunteer"], text="Cudza zgoda.")

    html = client_for("resident").get(MY_CONSENTS).content.decode()

    assert "Grant call alerts" in html
    assert mine.text in html and mine.version in html
    assert "Cudza zgoda." not in html
    assert str(PURPOSES["grant_call_alerts"].withdrawal_effect) in html
    assert f'action="{withdraw_url(mine)}"' in html


def test_withdrawal_needs_confirmation(users, client_for):
    record = record_consent(purpose="grant_call_alerts", user=users["resident"])

    response = client_for("resident").post(withdraw_url(record), {})

    assert response.status_code == 400
    assert "Tick the box to confirm the withdrawal." in response.content.decode()
    record.refresh_from_db()
    assert record.is_active


def test_withdrawing_twice_is_answered_with_a_message(users, client_for):
    record = record_consent(purpose="grant_call_alerts", user=users["resident"])
    client = client_for("resident")
    client.post(withdraw_url(record), {"confirm": "on"})

    response = client.post(withdraw_url(record), {"confirm": "on"}, follow=True)

    assert response.status_code == 200
    assert "already been withdrawn" in response.content.decode()


@pytest.mark.parametrize("persona", ["volunteer", "coordinator", "representative"])
def test_nobody_withdraws_someone_elses_consent(users, client_for, persona):
    record = record_consent(purpose="grant_call_alerts", user=users["resident"])

    assert client_for(persona).post(withdraw_url(record), {"confirm": "on"}).status_code == 404
    record.refresh_from_db()
    assert record.is_active


def test_my_consents_needs_a_login(client, db):
    assert client.get(MY_CONSENTS).status_code == 302


def test_my_consents_query_count_does_not_grow(users, client_for, django_assert_max_num_queries):
    for _number in range(30):
        record_consent(purpose="grant_call_alerts", user=users["resident"])
    client = client_for("resident")
    with django_assert_max_num_queries(8):
        assert client.get(MY_CONSENTS).status_code == 200


def test_the_profile_page_links_my_consents(client_for):
    assert 'href="/en/konto/zgody/"' in client_for("resident").get("/en/konto/").content.decode()


# The staff register -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "persona, expected",
    [
        ("coordinator", 200),
        ("analyst", 403),
        ("ngo_caretaker", 403),
        ("technical_admin", 403),
        ("resident", 403),
    ],
)
def test_only_the_coordinator_reads_the_consent_register(client_for, persona, expected):
    assert client_for(persona).get(REGISTER).status_code == expected


def test_the_register_shows_a_persons_history_by_address(users, client_for):
    resident = users["resident"]
    withdrawn = record_consent(purpose="grant_call_alerts", user=resident)
    withdraw_consent(record=withdrawn, by=resident, method=Method.SELF_SERVICE)
    record_consent(purpose="event_registration", email=resident.email, text="Zdjęcia, gość.")
    record_consent(purpose="leader_profile", user=users["volunteer"], text="Cudza zgoda.")

    html = client_for("coordinator").get(REGISTER, {"email": resident.email}).content.decode()

    assert "Grant call alerts" in html and "by the person on the platform" in html
    assert "Zdjęcia, gość." in html
    assert "Cudza zgoda." not in html


def test_the_register_refuses_a_wrong_address(client_for):
    response = client_for("coordinator").get(REGISTER, {"email": "not-an-address"})

    assert response.status_code == 400
    assert "Enter a valid email address." in response.content.decode()
