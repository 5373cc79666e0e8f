"""Form errors are announced and linked to their fields (WCAG 3.3.1, 4.1.2) on every form.

base.html renders includes/error_summary.html for the page's `form`: an alert that takes the
focus, with a heading and one link per field error to the field; Django's field template marks
each invalid field with aria-invalid and points aria-describedby at its error message.
"""

import pytest
from django.urls import reverse
from django.utils import translation

from pomyslowice.centre.models import RoomBooking
from pomyslowice.events.models import Registration
from tests.centre.conftest import room  # noqa: F401  (fixtures of the rooms' tests)
from tests.centre.rooms.conftest import booking, mailing, make_booking, tuesday  # noqa: F401
from tests.core.html import read
from tests.events.test_registration_services import make_training

pytestmark = pytest.mark.django_db

HEADING = "The form has errors. Please correct the fields marked below."


def en(name: str, **kwargs) -> str:
    with translation.override("en"):
        return reverse(name, kwargs=kwargs)


def summary_of(html: str) -> str:
    start = html.index('<div class="error-summary"')
    return html[start : html.index("</div>", start)]


def summary_links(html: str) -> list[str]:
    return [attrs["href"] for attrs in read(summary_of(html)).all("a")]


def assert_errors_announced_and_linked(html: str, field_ids: list[str]) -> None:
    page = read(html)
    [summary] = [attrs for attrs in page.all("div") if attrs.get("class") == "error-summary"]
    assert summary["role"] == "alert"
    assert "autofocus" in summary and summary["tabindex"] == "-1"
    assert summary["aria-labelledby"] == "error-summary-title"
    assert HEADING in summary_of(html)
    links = summary_links(html)
    ids = {attrs.get("id") for _tag, attrs in page.elements}
    for field_id in field_ids:
        assert f"#{field_id}" in links
        [field] = [attrs for _tag, attrs in page.elements if attrs.get("id") == field_id]
        assert field["aria-invalid"] == "true"
        assert f"{field_id}_error" in field["aria-describedby"].split()
        assert f"{field_id}_error" in ids
    # Every link of the summary leads to something on the page.
    assert {link.removeprefix("#") for link in links} <= ids


def test_event_registration_sent_empty(client, organization):
    training = make_training(organizer=organization)

    response = client.post(en("events:register", slug=training.slug), {"name": "", "email": ""})

    assert response.status_code in (200, 400)
    assert_errors_announced_and_linked(response.content.decode(), ["id_name", "id_email"])
    assert not Registration.objects.exists()


def test_room_booking_request_without_purpose_and_contact(
    client_for,
    room,  # noqa: F811
    tuesday,  # noqa: F811
    organization,
):
    response = client_for("representative").post(
        en("centre:booking-request", slug=room.slug),
        {
            "date": tuesday.isoformat(),
            "starts_at": "10:00",
            "ends_at": "12:00",
            "weeks": "1",
            "organization": organization.pk,
            "expected_people": "12",
            "purpose": "",
            "contact_name": "",
            "contact_email": "nie-adres",
        },
    )

    assert_errors_announced_and_linked(
        response.content.decode(), ["id_purpose", "id_contact_name", "id_contact_email"]
    )
    assert not RoomBooking.objects.exists()


def test_sign_up_with_a_bad_address_and_no_password(client):
    response = client.post(en("account_signup"), {"email": "nie-adres", "password1": ""})

    assert response.status_code in (200, 400)
    html = response.content.decode()
    assert_errors_announced_and_linked(html, ["id_email", "id_password1"])


def test_non_field_errors_are_listed_in_the_summary_as_text(
    client_for,
    room,  # noqa: F811
    booking,  # noqa: F811
    tuesday,  # noqa: F811
):
    response = client_for("representative").post(
        en("centre:booking-request", slug=room.slug),
        {
            "date": tuesday.isoformat(),
            "starts_at": "10:00",
            "ends_at": "12:00",
            "weeks": "1",
            "organization": booking.organization.pk,
            "expected_people": "12",
            "purpose": "Warsztaty",
            "contact_name": "Piotr",
            "contact_email": "przedstawiciel@example.org",
        },
    )

    summary = summary_of(response.content.decode())
    assert "already booked" in summary
    assert RoomBooking.objects.count() == 1


def test_a_valid_page_and_a_list_filter_have_no_summary(client, organization):
    training = make_training(organizer=organization)

    form_page = client.get(en("events:register", slug=training.slug))
    # An impossible filter value is ignored with a notice, not reported as a form error.
    filtered = client.get(en("events:list"), {"obszar": "nie-ma-takiego"})

    assert form_page.status_code == 200 and filtered.status_code == 200
    for response in (form_page, filtered):
        assert 'class="error-summary"' not in response.content.decode()
