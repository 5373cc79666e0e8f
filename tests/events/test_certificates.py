"""Attendance certificates: the PDF's text and who may download it."""

import io

import pytest
from django.conf import settings
from django.urls import reverse
from pypdf import PdfReader

from pomyslowice.events import registration_services as services
from pomyslowice.events.certificates import certificate_number, certificate_pdf
from pomyslowice.events.models import Registration
from tests.conftest import PERSONAS
from tests.events.test_registration_services import make_training

# the participant, events.change_registration, the organiser's active representative
ALLOWED = {"resident", "coordinator", "ngo_caretaker", "representative"}


@pytest.fixture
def participation(users, organization) -> Registration:
    event = make_training(
        "Szkolenie z księgowości",
        slug="szkolenie-z-ksiegowosci",
        organizer=organization,
        place_name="Sala 12",
    )
    registration = services.register(
        event=event, name="Zażółć Gęślą", email="", user=users["resident"]
    )
    return services.mark_attendance(
        registration=registration, attended=True, by=users["coordinator"]
    )


def pdf_text(content: bytes) -> str:
    return PdfReader(io.BytesIO(content)).pages[0].extract_text()


def test_pdf_names_the_person_event_and_number(participation):
    text = pdf_text(certificate_pdf(participation))
    number = certificate_number(participation)
    assert number == f"{participation.event_id}/{participation.pk}/{participation.event.start.year}"
    for expected in (
        "Zażółć Gęślą",
        "Szkolenie z księgowości",
        number,
        "Sala 12",
        participation.event.organizer.name,
        settings.CENTRE_NAME,
    ):
        assert expected in text


def test_pdf_follows_the_page_language(client_for, participation):
    url = reverse("events:certificate", args=[participation.pk])
    english = pdf_text(client_for("resident").get(f"/en{url}").content)
    assert "Certificate of attendance" in english and "Issued on" in english


@pytest.mark.parametrize("persona", PERSONAS)
def test_certificate_for_every_persona(client_for, persona, participation):
    response = client_for(persona).get(f"/wydarzenia/zapisy/{participation.pk}/zaswiadczenie.pdf")
    if persona == "anonymous":
        assert response.status_code == 302
        assert reverse("account_login") in response["Location"]
    elif persona in ALLOWED:
        assert response.status_code == 200
        assert response["Content-Type"] == "application/pdf"
        disposition = response["Content-Disposition"]
        assert disposition == (
            f'attachment; filename="zaswiadczenie-{participation.event.slug}-'
            f'{participation.pk}.pdf"'
        )
        assert disposition.isascii()
        assert "Zażółć Gęślą" in pdf_text(response.content)
    else:
        assert response.status_code == 404


@pytest.mark.parametrize("persona", ["resident", "coordinator", "representative"])
def test_no_certificate_without_attendance(client_for, users, persona, participation):
    services.mark_attendance(registration=participation, attended=False, by=users["coordinator"])
    url = reverse("events:certificate", args=[participation.pk])
    assert client_for(persona).get(url).status_code == 404
    assert (
        client_for("coordinator").get(url.replace(str(participation.pk), "999")).status_code == 404
    )


def test_linked_from_the_attendee_list_and_the_event_page(client_for, users, participation):
    url = reverse("events:certificate", args=[participation.pk])
    other = services.register(
        event=participation.event, name="Nieobecny", email="", user=users["volunteer"]
    )
    attendees = client_for("representative").get(
        f"/en/wydarzenia/{participation.event.slug}/uczestnicy/"
    )
    assert url in attendees.text
    assert reverse("events:certificate", args=[other.pk]) not in attendees.text
    assert "Certificate of attendance for Zażółć Gęślą (PDF)" in attendees.text

    panel = client_for("resident").get(f"/en/wydarzenia/{participation.event.slug}/")
    assert "Download your certificate of attendance (PDF)" in panel.text and url in panel.text
    panel = client_for("volunteer").get(f"/en/wydarzenia/{participation.event.slug}/")
    assert "certificate of attendance" not in panel.text
