"""The survey after an event: sending it, answering once, and the results for the organisers."""

import re
import time
from datetime import timedelta
from unittest import mock

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.utils import timezone

from pomyslowice.core.models import AuditLogEntry
from pomyslowice.events import feedback_services
from pomyslowice.events import registration_services as services
from pomyslowice.events.models import Event, EventFeedback
from tests.conftest import PERSONAS
from tests.events.test_registration_pages import MANAGERS
from tests.events.test_registration_services import make_training


def move_to_the_past(event: Event) -> None:
    start = timezone.now() - timedelta(days=2)
    Event.objects.filter(pk=event.pk).update(start=start, end=start + timedelta(hours=2))
    event.refresh_from_db()


@pytest.fixture
def finished(users, organization):
    """A training that is over: the resident attended, the volunteer did not."""
    event = make_training(organizer=organization)
    present = services.register(event=event, name="Janina", email="", user=users["resident"])
    services.register(event=event, name="Wolontariusz", email="", user=users["volunteer"])
    services.mark_attendance(registration=present, attended=True, by=users["coordinator"])
    move_to_the_past(event)
    return event


@pytest.fixture
def attended(finished):
    return finished.registrations.get(attended=True)


def survey_url(registration) -> str:
    return f"/en/wydarzenia/ankieta/{feedback_services.make_feedback_token(registration)}/"


def test_survey_goes_to_attendees_only_after_the_event(
    users, organization, finished, attended, django_capture_on_commit_callbacks
):
    upcoming = make_training("Przyszłe", organizer=organization)
    with pytest.raises(ValidationError, match="po zakończeniu wydarzenia"):
        feedback_services.send_feedback_requests(event=upcoming, by=users["coordinator"])

    with django_capture_on_commit_callbacks(execute=True):
        sent = feedback_services.send_feedback_requests(event=finished, by=users["coordinator"])

    assert sent == 1
    assert [message.to for message in mail.outbox] == [[users["resident"].email]]
    link = re.search(r"/wydarzenia/ankieta/([^/\s]+)/", mail.outbox[0].body)
    assert feedback_services.registration_from_feedback_token(link.group(1)) == attended
    assert AuditLogEntry.objects.filter(verb="events.feedback.requested").count() == 1


@pytest.mark.parametrize("persona", PERSONAS)
def test_send_button_for_every_persona(
    client_for, persona, finished, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(persona).post(f"/en/wydarzenia/{finished.slug}/uczestnicy/ankieta/")
    if persona == "anonymous":
        assert response.status_code == 302 and "/konto/" in response["Location"]
    elif persona in MANAGERS:
        assert response.status_code == 302
    else:
        assert response.status_code == 403
    assert len(mail.outbox) == (1 if persona in MANAGERS else 0)


def test_send_button_before_the_end_says_why(client_for, organization):
    event = make_training(organizer=organization)
    client = client_for("coordinator")
    page = client.get(f"/en/wydarzenia/{event.slug}/uczestnicy/")
    assert "Send the feedback survey" not in page.text
    response = client.post(f"/en/wydarzenia/{event.slug}/uczestnicy/ankieta/", follow=True)
    assert "The survey can be sent once the event is over." in response.text
    assert client.get(f"/en/wydarzenia/{event.slug}/uczestnicy/ankieta/").status_code == 405


@pytest.mark.parametrize("persona", PERSONAS)
def test_anyone_with_the_link_answers_once(client_for, persona, attended):
    client = client_for(persona)
    page = client.get(survey_url(attended))
    assert page.status_code == 200
    assert re.search(r"<fieldset[^>]*>\s*<legend[^>]*>How do you rate the event\?", page.text)
    assert page.text.count('type="radio" name="rating"') == 5

    response = client.post(survey_url(attended), {"rating": "4", "comment": " Świetne! "})
    assert response.status_code == 302
    again = client.post(survey_url(attended), {"rating": "1", "comment": "Zmiana"})

    assert "You have already sent your feedback." in again.text
    feedback = EventFeedback.objects.get()
    assert (feedback.registration, feedback.rating, feedback.comment) == (attended, 4, "Świetne!")


def test_invalid_answer_is_shown_and_nothing_saved(client, attended):
    response = client.post(survey_url(attended), {"rating": "6"})
    assert response.status_code == 200
    assert "Select a valid choice." in response.text
    assert not EventFeedback.objects.exists()
    with pytest.raises(ValidationError):
        feedback_services.submit_feedback(registration=attended, rating=0)
    feedback_services.submit_feedback(registration=attended, rating=5)
    with pytest.raises(ValidationError, match="already sent"):
        feedback_services.submit_feedback(registration=attended, rating=3)
    assert list(EventFeedback.objects.values_list("rating", flat=True)) == [5]


@pytest.mark.django_db(transaction=True)
def test_database_refuses_a_rating_out_of_range(users, organization):
    event = make_training(organizer=organization)
    registration = services.register(event=event, name="J", email="", user=users["resident"])
    with pytest.raises(IntegrityError):
        EventFeedback.objects.create(registration=registration, rating=6)


def test_forged_expired_and_absent_links_are_a_clear_400(client, finished, attended):
    absent = finished.registrations.get(attended=False)
    with mock.patch("django.core.signing.time.time", return_value=time.time() - 31 * 86400):
        expired = feedback_services.make_feedback_token(attended)
    registration_link = services.make_token(attended)  # signed for another purpose
    for token in (
        "nonsense",
        expired,
        registration_link,
        feedback_services.make_feedback_token(absent),
    ):
        for method in ("get", "post"):
            response = getattr(client, method)(f"/en/wydarzenia/ankieta/{token}/", {"rating": "5"})
            assert response.status_code == 400
            assert "This link is not valid" in response.text
    assert not EventFeedback.objects.exists()


def test_results_on_the_attendee_page(client_for, users, finished, attended):
    feedback_services.submit_feedback(registration=attended, rating=5, comment="Bardzo dobre")
    other = services.register(
        event=make_training("Inne"), name="X", email="", user=users["analyst"]
    )
    services.mark_attendance(registration=other, attended=True, by=users["coordinator"])
    feedback_services.submit_feedback(registration=other, rating=1, comment="Z innego wydarzenia")
    volunteer = finished.registrations.get(attended=False)
    EventFeedback.objects.create(registration=volunteer, rating=4)

    for persona in MANAGERS:
        page = client_for(persona).get(f"/en/wydarzenia/{finished.slug}/uczestnicy/")
        assert page.context["feedback"]["count"] == 2
        assert "4.5 / 5" in page.text and "Bardzo dobre" in page.text
        assert "Z innego wydarzenia" not in page.text
