"""The moderation flow, validation and e-mails, through the pages and the services."""

import io

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from pomyslowice.core.models import AuditLogEntry
from pomyslowice.events import services
from pomyslowice.events.models import Event
from tests.events.conftest import at, event_form_data, make_event


def recipients() -> set[str]:
    return {address for message in mail.outbox for address in message.to}


def test_submission_waits_for_approval_then_is_published(
    client_for, users, organization, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for("representative").post(
            "/en/wydarzenia/zglos/", event_form_data(organization), follow=True
        )
    event = Event.objects.get()
    assert event.status == Event.Status.SUBMITTED
    assert event.submitted_by == users["representative"]
    assert event.slug == "sprzatanie-brzegow-przemszy"
    assert "awaits approval" in response.text
    assert recipients() == {
        "przedstawiciel@example.org",
        "coordinator@example.org",
        "ngo-caretaker@example.org",
    }
    assert client_for("anonymous").get(event.get_absolute_url()).status_code == 404

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client_for("coordinator").post(f"/wydarzenia/moderacja/{event.slug}/zatwierdz/")
    event.refresh_from_db()
    assert event.status == Event.Status.PUBLISHED
    assert event.published_at is not None
    assert recipients() == {"przedstawiciel@example.org"}
    assert client_for("anonymous").get(event.get_absolute_url()).status_code == 200
    assert AuditLogEntry.objects.filter(verb="events.event.approved").count() == 1


def test_rejection_needs_a_reason_and_sends_it(
    client_for, submitted_event, django_capture_on_commit_callbacks
):
    url = f"/en/wydarzenia/moderacja/{submitted_event.slug}/odrzuc/"
    assert client_for("coordinator").post(url, {"note": ""}).status_code == 400
    submitted_event.refresh_from_db()
    assert submitted_event.status == Event.Status.SUBMITTED
    with django_capture_on_commit_callbacks(execute=True):
        client_for("coordinator").post(url, {"note": "Brak adresu sali."})
    submitted_event.refresh_from_db()
    assert submitted_event.status == Event.Status.REJECTED
    assert submitted_event.status_note == "Brak adresu sali."
    [message] = mail.outbox
    assert message.to == ["przedstawiciel@example.org"]
    assert "Brak adresu sali." in message.body


def test_trusted_organisation_publishes_directly(
    client_for, organization, django_capture_on_commit_callbacks
):
    organization.is_trusted = True
    organization.save()
    with django_capture_on_commit_callbacks(execute=True):
        client_for("representative").post("/wydarzenia/zglos/", event_form_data(organization))
    event = Event.objects.get()
    assert event.status == Event.Status.PUBLISHED
    assert event.published_at is not None
    assert "przedstawiciel@example.org" in recipients()


def test_representative_cannot_submit_for_another_organisation(client_for, other_organization):
    response = client_for("representative").post(
        "/en/wydarzenia/zglos/", event_form_data(other_organization)
    )
    assert response.status_code == 200
    assert "Select a valid choice" in response.text
    assert not Event.objects.exists()


def test_service_refuses_an_organisation_the_user_does_not_represent(users, other_organization):
    data = {
        "title": "X",
        "organizer": other_organization,
        "start": at(2030, 1, 1, 10),
        "end": None,
        "address": "Rynek 1",
    }
    with pytest.raises(ValidationError) as error:
        services.submit_event(data=data, by=users["representative"])
    assert "organizer" in error.value.error_dict


def test_end_before_start_is_an_error_on_the_end_field(client_for, organization):
    response = client_for("representative").post(
        "/en/wydarzenia/zglos/",
        event_form_data(organization, start="2030-05-10T10:00", end="2030-05-10T09:00"),
    )
    assert response.status_code == 200
    assert response.context["form"].errors["end"] == ["The event cannot end before it starts."]
    assert not Event.objects.exists()


def test_missing_end_defaults_to_two_hours(users, organization):
    event = services.submit_event(
        data={
            "title": "Spotkanie",
            "organizer": organization,
            "start": at(2030, 1, 1, 10),
            "end": None,
            "address": "Rynek 1",
        },
        by=users["representative"],
    )
    assert event.end == at(2030, 1, 1, 12)


def test_all_day_event_covers_whole_days(users, organization):
    event = services.submit_event(
        data={
            "title": "Festyn",
            "organizer": organization,
            "start": at(2030, 1, 1, 10),
            "end": None,
            "all_day": True,
            "address": "Rynek 1",
        },
        by=users["representative"],
    )
    assert event.start == at(2030, 1, 1, 0, 0)
    assert event.end.date() == at(2030, 1, 1, 23, 59).date()
    assert event.end > at(2030, 1, 1, 23, 59)


def test_place_is_required(client_for, organization):
    response = client_for("representative").post(
        "/en/wydarzenia/zglos/", event_form_data(organization, address="", online_url="")
    )
    assert "Give the address of the place or a link" in response.text
    assert not Event.objects.exists()


def test_online_link_is_enough(client_for, organization):
    data = event_form_data(organization, address="", online_url="https://meet.example.org/x")
    assert client_for("representative").post("/wydarzenia/zglos/", data).status_code == 302
    assert Event.objects.get().online_url == "https://meet.example.org/x"


def test_script_in_description_is_removed(client_for, organization):
    data = event_form_data(organization, description="<p>Hej</p><script>alert(1)</script>")
    client_for("representative").post("/wydarzenia/zglos/", data)
    assert Event.objects.get().description == "<p>Hej</p>"


def test_bad_image_is_refused(client_for, organization):
    data = event_form_data(organization)
    data["image"] = SimpleUploadedFile("x.png", b"not an image", content_type="image/png")
    response = client_for("representative").post("/en/wydarzenia/zglos/", data)
    assert response.status_code == 200
    assert "image" in response.context["form"].errors
    assert not Event.objects.exists()


def test_image_is_stored(client_for, organization):
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), "red").save(buffer, "PNG")
    data = event_form_data(organization, image_alt="Czerwony prostokąt")
    data["image"] = SimpleUploadedFile("x.png", buffer.getvalue(), content_type="image/png")
    client_for("representative").post("/wydarzenia/zglos/", data)
    assert Event.objects.get().image.name.startswith("events/")


@pytest.mark.parametrize("title", ["zglos", "Moderacja", "miesiąc", "kanal"])
def test_reserved_words_are_not_slugs(db, title):
    assert services.unique_slug(title) != title.lower()


def test_slugs_are_unique(organization):
    make_event("Spotkanie", slug="spotkanie", organizer=organization)
    assert services.unique_slug("Spotkanie") == "spotkanie-2"


def test_representative_edit_stays_published_and_is_logged(client_for, event, organization):
    client_for("representative").post(
        f"/wydarzenia/{event.slug}/edytuj/",
        event_form_data(organization, title="Piknik", start="2030-06-01T10:00", end=""),
    )
    event.refresh_from_db()
    assert event.status == Event.Status.PUBLISHED
    assert event.slug == "piknik-sasiedzki"
    entry = AuditLogEntry.objects.get(verb="events.event.updated")
    assert {"title", "start", "end"} <= set(entry.data["fields"])


def test_rejected_event_edited_by_submitter_returns_to_queue(users, submitted_event):
    services.reject_event(event=submitted_event, by=users["coordinator"], reason="Popraw")
    services.update_event(
        event=submitted_event, by=users["representative"], changes={"title": "Poprawione"}
    )
    submitted_event.refresh_from_db()
    assert submitted_event.status == Event.Status.SUBMITTED


@pytest.mark.parametrize(
    ("service", "status"),
    [(services.cancel_event, Event.Status.CANCELLED), (services.postpone_event, "postponed")],
)
def test_cancel_and_postpone_tell_the_submitter(
    users, event, service, status, django_capture_on_commit_callbacks
):
    event.submitted_by = users["representative"]
    event.save()
    with django_capture_on_commit_callbacks(execute=True):
        service(event=event, by=users["coordinator"], note="Ulewa.")
    event.refresh_from_db()
    assert event.status == status
    [message] = mail.outbox
    assert message.to == ["przedstawiciel@example.org"] and "Ulewa." in message.body
    with pytest.raises(ValidationError):
        services.postpone_event(event=event, by=users["coordinator"], note="Znowu")


def test_postponed_event_given_new_dates_is_published_again(users, event):
    services.postpone_event(event=event, by=users["coordinator"], note="Później")
    services.update_event(
        event=event,
        by=users["representative"],
        changes={"start": at(2031, 1, 1, 10), "end": at(2031, 1, 1, 12)},
    )
    event.refresh_from_db()
    assert event.status == Event.Status.PUBLISHED


def test_cancelled_event_shows_badge_on_list(client, event):
    event.status = Event.Status.CANCELLED
    event.save()
    response = client.get("/en/wydarzenia/")
    assert event.title in response.text
    assert "Cancelled" in response.text
