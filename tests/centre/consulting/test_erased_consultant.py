"""A consultant's account is erased: the profile stays, closed and detached, as the name of who
gave the consultations held; staff pages still work and nothing is e-mailed to the account."""

import pytest
from django.core import mail

from pomyslowice.centre import consulting_ical
from pomyslowice.centre import consulting_services as services
from pomyslowice.centre.models import Appointment, Consultant
from pomyslowice.privacy.erasure import erase_person
from pomyslowice.privacy.models import ErasureRecord
from pomyslowice.privacy.registry import Subject
from tests.centre.consulting.conftest import at, book, make_past


@pytest.fixture
def erased(consultant, first_contact, monday):
    held = make_past(book(first_contact, consultant, at(monday, 11)), days=7)
    Appointment.objects.filter(pk=held.pk).update(status=Appointment.Status.HELD)
    upcoming = book(first_contact, consultant, at(monday, 12), email="klient@example.org")
    erase_person(
        subject=Subject.for_user(consultant.user), by=None, reason=ErasureRecord.Reason.SELF_SERVICE
    )
    mail.outbox.clear()
    return Consultant.objects.get(pk=consultant.pk), held, upcoming


def test_the_profile_outlives_the_account(erased):
    consultant, held, upcoming = erased
    assert consultant.user is None
    assert (consultant.display_name, consultant.is_active, consultant.bio) == (
        "Dorota Doradczyni",
        False,
        "",
    )
    assert consultant.email == ""
    assert set(consultant.appointments.values_list("pk", flat=True)) == {held.pk, upcoming.pk}


def test_the_erasure_reports_the_kept_name(erased):
    summary = ErasureRecord.objects.get().summary
    (source,) = [each for each in summary if each["source"] == "centre.consultant"]
    (item,) = source["kept"]
    assert "Dorota Doradczyni" in item["what"]


def test_staff_see_the_held_appointment(client_for, erased):
    _consultant, held, _upcoming = erased
    response = client_for("coordinator").get(f"/en/osrodek/doradztwo/wizyty/{held.pk}/")
    assert response.status_code == 200
    assert "Dorota Doradczyni" in response.content.decode()
    assert client_for("coordinator").get("/en/osrodek/doradztwo/wizyty/").status_code == 200


def test_the_client_cancelling_e_mails_nobody_at_the_erased_account(
    erased, django_capture_on_commit_callbacks
):
    _consultant, _held, upcoming = erased
    with django_capture_on_commit_callbacks(execute=True):
        services.cancel_appointment(appointment=upcoming, by=None)
    upcoming.refresh_from_db()
    assert upcoming.status == Appointment.Status.CANCELLED
    assert mail.outbox == []


def test_the_calendar_file_has_no_organizer(erased):
    _consultant, _held, upcoming = erased
    upcoming = Appointment.objects.get(pk=upcoming.pk)
    _name, content, _type = consulting_ical.attachment(upcoming)
    text = content.decode() if isinstance(content, bytes) else content
    assert "ORGANIZER" not in text and "Dorota Doradczyni" in text


def test_an_inactive_closed_profile_takes_no_new_bookings(client, erased, first_contact):
    response = client.get(f"/en/osrodek/doradztwo/{first_contact.slug}/")
    assert response.status_code == 200
    assert "Dorota Doradczyni" not in response.content.decode()
