"""A registration kept on an attendance list after its person was erased has an address that
cannot exist: nothing is ever e-mailed to it, its attendance no longer changes the support
records, and an old feedback link cannot attach new data to it."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone

from pomyslowice.core.notifications import send_templated_email
from pomyslowice.core.text import ERASED_EMAIL_SUFFIX
from pomyslowice.events import feedback_services, registration_services
from pomyslowice.events.models import Registration
from pomyslowice.organizations.models import SupportRecord
from pomyslowice.privacy.registry import Subject, sources
from tests.events.conftest import make_event


@pytest.fixture
def past_event(db):
    return make_event("Szkolenie z RODO", start=timezone.now() - datetime.timedelta(days=30))


def erase_registrations(user) -> None:
    (source,) = [each for each in sources() if each.name == "events.registrations"]
    source.erase(Subject.for_user(user))


@pytest.fixture
def kept(users, past_event):
    """Attended, then erased: kept on the list of a grant-funded training."""
    resident = users["resident"]
    registration = Registration.objects.create(
        event=past_event,
        user=resident,
        name="Janina Mieszko",
        email=resident.email,
        status=Registration.Status.CONFIRMED,
    )
    registration_services.mark_attendance(
        registration=registration, attended=True, by=users["coordinator"]
    )
    token = feedback_services.make_feedback_token(registration)
    erase_registrations(resident)
    registration.refresh_from_db()
    assert registration.email.endswith(ERASED_EMAIL_SUFFIX)
    return registration, token


def test_nothing_is_sent_to_an_erased_address(db, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        send_templated_email(
            template="volunteering/email/engagement_agreement_requested",
            to=[
                f"abc{ERASED_EMAIL_SUFFIX}",
                f"DEF{ERASED_EMAIL_SUFFIX.upper()}",
                "jan@example.org",
            ],
            context={},
        )
    assert [message.to for message in mail.outbox] == [["jan@example.org"]]


def test_attendance_of_a_kept_registration_no_longer_changes(kept, users):
    registration, _token = kept
    before = list(SupportRecord.objects.values_list("pk", "person_name"))
    for attended in (False, True):
        with pytest.raises(ValidationError):
            registration_services.mark_attendance(
                registration=registration, attended=attended, by=users["coordinator"]
            )
    assert list(SupportRecord.objects.values_list("pk", "person_name")) == before


def test_no_feedback_request_and_no_feedback_for_a_kept_registration(
    kept, past_event, users, django_capture_on_commit_callbacks
):
    _registration, token = kept
    with django_capture_on_commit_callbacks(execute=True):
        sent = feedback_services.send_feedback_requests(event=past_event, by=users["coordinator"])
    assert (sent, mail.outbox) == (0, [])
    with pytest.raises(feedback_services.InvalidFeedbackToken):
        feedback_services.registration_from_feedback_token(token)
