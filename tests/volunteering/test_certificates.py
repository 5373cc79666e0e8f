"""Certificates (zaświadczenia) and opinions (opinie), art. 44 ust. 5–6: the volunteer asks,
the host issues, both as PDFs whose text is checked here."""

import datetime
import io
from decimal import Decimal

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.formats import date_format
from pypdf import PdfReader

from pomyslowice.core.models import AuditLogEntry
from pomyslowice.volunteering import hours_services as services
from pomyslowice.volunteering.certificate_pdf import certificate_number, certificate_pdf
from pomyslowice.volunteering.models import CertificateRequest, Engagement, HoursEntry
from tests.conftest import PERSONAS, create_user, make_organization
from tests.events.test_registration_concurrency import race
from tests.volunteering.conftest import make_offer, years_ago
from tests.volunteering.test_hours import days_ago, make_engagement

CERTIFICATE = CertificateRequest.Kind.CERTIFICATE
OPINION = CertificateRequest.Kind.OPINION


def pdf_text(content: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


def english_pdf(request) -> str:
    """The PDF's text in English, the source language, whatever the catalogues say."""
    with translation.override("en"):
        return pdf_text(certificate_pdf(request))


@pytest.fixture
def engagement(users, offer):
    """Started on a fixed day, 5.5 approved hours and 2 awaiting approval."""
    offer.tasks = "Pomoc dzieciom w odrabianiu lekcji\nPrzygotowanie zajęć plastycznych"
    offer.save(update_fields=["tasks"])
    engagement = make_engagement(offer, users["volunteer"], starts_on=days_ago(40))
    for day, hours in ((3, "2.5"), (5, "3")):
        entry = services.log_hours(
            engagement=engagement,
            by=users["volunteer"],
            date=days_ago(day),
            hours=Decimal(hours),
            description="Dyżur w świetlicy",
        )
        services.approve_hours(entry=entry, by=users["representative"])
    services.log_hours(
        engagement=engagement,
        by=users["volunteer"],
        date=days_ago(1),
        hours=Decimal(2),
        description="Festyn",
    )
    return engagement


def ask(engagement, kind=CERTIFICATE):
    return services.request_certificate(
        engagement=engagement, by=engagement.application.volunteer, kind=kind
    )


def issue(request, by, opinion=""):
    return services.issue_certificate(request=request, by=by, opinion=opinion)


# --- services ----------------------------------------------------------------------------------


def test_volunteer_asks_and_the_host_is_told(engagement, users, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        request = ask(engagement)

    assert request.issued_at is None and request.requested_at
    assert AuditLogEntry.objects.filter(
        verb="volunteering.certificate.requested", target_id=str(request.pk)
    ).exists()
    assert [message.to for message in mail.outbox] == [[users["representative"].email]]
    assert "Wiktor Wolny" in mail.outbox[0].body
    assert f"/wolontariat/wspolprace/{engagement.pk}/zaswiadczenia/" in mail.outbox[0].body


def test_the_offers_contact_person_hears_instead(
    engagement, users, offer, django_capture_on_commit_callbacks
):
    offer.contact_person = users["coordinator"]
    offer.save()
    with django_capture_on_commit_callbacks(execute=True):
        ask(engagement, OPINION)
    assert [message.to for message in mail.outbox] == [[users["coordinator"].email]]


def test_one_open_request_per_kind(engagement):
    ask(engagement)
    with pytest.raises(ValidationError) as raised:
        ask(engagement)
    assert raised.value.error_dict["kind"][0].code == "already_requested"

    ask(engagement, OPINION)  # the other kind is a separate request
    assert CertificateRequest.objects.filter(engagement=engagement).count() == 2


def test_a_new_request_once_the_previous_is_issued(engagement, users):
    issue(ask(engagement), users["representative"])
    assert ask(engagement).issued_at is None


def test_the_database_keeps_one_open_request_per_kind(engagement):
    CertificateRequest.objects.create(engagement=engagement, kind=CERTIFICATE)
    with pytest.raises(IntegrityError), transaction.atomic():
        CertificateRequest.objects.create(engagement=engagement, kind=CERTIFICATE)


def test_no_request_before_the_volunteering_started(users, offer):
    preparing = make_engagement(offer, users["volunteer"], status=Engagement.Status.PREPARING)
    with pytest.raises(ValidationError) as raised:
        ask(preparing)
    assert raised.value.code == "not_started"
    assert not CertificateRequest.objects.exists()


def test_only_the_volunteer_asks(engagement, users):
    with pytest.raises(ValidationError) as raised:
        services.request_certificate(
            engagement=engagement, by=users["representative"], kind=CERTIFICATE
        )
    assert raised.value.code == "not_volunteer"


def test_host_issues_the_certificate_and_the_volunteer_is_told(
    engagement, users, django_capture_on_commit_callbacks
):
    request = ask(engagement)
    with django_capture_on_commit_callbacks(execute=True):
        issue(request, users["representative"])

    request.refresh_from_db()
    assert request.issued_at and request.issued_by == users["representative"]
    issued = AuditLogEntry.objects.get(verb="volunteering.certificate.issued")
    assert issued.data == {"kind": "certificate", "approved_hours": "5.50"}
    assert [message.to for message in mail.outbox] == [[users["volunteer"].email]]
    assert f"/wolontariat/zaswiadczenia/{request.pk}.pdf" in mail.outbox[0].body
    with pytest.raises(ValidationError) as raised:
        issue(request, users["representative"])
    assert raised.value.code == "issued"


def test_an_opinion_needs_the_hosts_text(engagement, users):
    request = ask(engagement, OPINION)
    with pytest.raises(ValidationError) as raised:
        issue(request, users["representative"], opinion="  ")
    assert raised.value.error_dict["opinion"][0].code == "required"
    request.refresh_from_db()
    assert request.issued_at is None

    issue(request, users["representative"], opinion="Sumienna i punktualna wolontariuszka.")
    request.refresh_from_db()
    assert request.opinion == "Sumienna i punktualna wolontariuszka."


def test_nobody_issues_for_themselves(users, offer):
    own = make_engagement(offer, users["representative"])
    request = ask(own)
    with pytest.raises(ValidationError) as raised:
        issue(request, users["representative"])
    assert raised.value.code == "own_request"


# --- the PDFs ----------------------------------------------------------------------------------


def test_certificate_pdf_is_made_from_the_records(engagement, users, organization):
    request = issue(ask(engagement), users["representative"])

    text = english_pdf(request)

    assert "Certificate of volunteering" in text
    for expected in (
        "Wiktor Wolny",
        organization.name,  # Polish letters: "Przyjaciół"
        "Pomoc w świetlicy na Piasku",
        "Pomoc dzieciom w odrabianiu lekcji",
        "Przygotowanie zajęć plastycznych",
        "5.5",  # approved hours only; the 2 awaiting are not counted
        certificate_number(request),
        days_ago(40).strftime("%Y"),
        "Piotr Reprezentant",
    ):
        assert expected in text, expected
    assert "7.5" not in text
    assert (
        certificate_number(request) == f"{engagement.pk}/{request.pk}/{timezone.localdate().year}"
    )


def test_certificate_reads_the_same_after_later_approvals(engagement, users):
    request = issue(ask(engagement), users["representative"])
    before = english_pdf(request)

    waiting = HoursEntry.objects.get(status=HoursEntry.Status.SUBMITTED)
    services.approve_hours(entry=waiting, by=users["representative"])

    assert services.approved_hours_total(engagement) == Decimal("7.5")
    assert english_pdf(request) == before


def test_certificate_states_the_period(users, offer):
    finished = make_engagement(
        offer,
        users["volunteer"],
        starts_on=datetime.date(2025, 3, 1),
        ends_on=datetime.date(2025, 6, 30),
    )
    request = issue(ask(finished), users["representative"])

    text = english_pdf(request)

    with translation.override("en"):
        start, end = date_format(datetime.date(2025, 3, 1)), date_format(datetime.date(2025, 6, 30))
    period = f"from {start} to {end}"
    assert period in text
    assert "0 hours (approved by the host)" in text


def test_opinion_pdf_carries_the_hosts_words(engagement, users):
    opinion = "Wolontariusz wykazał się zaangażowaniem i życzliwością wobec dzieci."
    request = issue(ask(engagement, OPINION), users["representative"], opinion=opinion)

    text = english_pdf(request)

    assert "Opinion on volunteer work" in text
    assert "zaangażowaniem i życzliwością" in text
    assert "Wiktor Wolny" in text


# --- pages -------------------------------------------------------------------------------------

PAGE_ACCESS = {
    "anonymous": 302,
    "resident": 404,
    "representative": 200,
    "representative_other_org": 404,
    "volunteer": 200,
    "volunteer_minor": 404,
    "coordinator": 200,
    "analyst": 404,
    "ngo_caretaker": 404,
    "volunteer_caretaker": 200,
    "technical_admin": 404,
}


@pytest.mark.parametrize("persona", PERSONAS)
def test_certificates_page_for_every_persona(client_for, engagement, persona):
    ask(engagement)

    response = client_for(persona).get(f"/wolontariat/wspolprace/{engagement.pk}/zaswiadczenia/")

    assert response.status_code == PAGE_ACCESS[persona]


def test_volunteer_asks_on_the_page(client_for, engagement, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for("volunteer").post(
            f"/wolontariat/wspolprace/{engagement.pk}/zaswiadczenia/", {"kind": "opinion"}
        )

    assert response.status_code == 302
    assert CertificateRequest.objects.get().kind == OPINION
    assert len(mail.outbox) == 1


def test_asking_twice_on_the_page_is_explained(client_for, engagement):
    ask(engagement)

    response = client_for("volunteer").post(
        f"/en/wolontariat/wspolprace/{engagement.pk}/zaswiadczenia/", {"kind": "certificate"}
    )

    assert response.status_code == 200
    assert "You have already asked for this" in response.content.decode()
    assert CertificateRequest.objects.count() == 1


def test_a_forged_kind_is_refused(client_for, engagement):
    response = client_for("volunteer").post(
        f"/en/wolontariat/wspolprace/{engagement.pk}/zaswiadczenia/", {"kind": "diploma"}
    )
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert not CertificateRequest.objects.exists()


@pytest.mark.parametrize("persona", ["representative", "coordinator", "representative_other_org"])
def test_only_the_volunteer_asks_on_the_page(client_for, engagement, persona):
    response = client_for(persona).post(
        f"/wolontariat/wspolprace/{engagement.pk}/zaswiadczenia/", {"kind": "certificate"}
    )
    assert response.status_code == 404
    assert not CertificateRequest.objects.exists()


def test_page_shows_request_and_issue_dates(client_for, engagement, users):
    request = issue(ask(engagement), users["representative"])
    ask(engagement, OPINION)

    content = (
        client_for("volunteer")
        .get(f"/en/wolontariat/wspolprace/{engagement.pk}/zaswiadczenia/")
        .content.decode()
    )

    issued_on = timezone.localtime(request.issued_at)
    assert issued_on.strftime("%Y") in content
    assert f"/wolontariat/zaswiadczenia/{request.pk}.pdf" in content
    assert certificate_number(request) in content
    assert "Waiting for the host to issue it." in content


def test_host_sees_what_the_certificate_will_state(client_for, engagement):
    ask(engagement)
    content = (
        client_for("representative")
        .get(f"/en/wolontariat/wspolprace/{engagement.pk}/zaswiadczenia/")
        .content.decode()
    )
    assert "will state 5.50 approved hours" in content
    assert "Hours awaiting approval or queried are not counted" in content


ISSUE_ACCESS = {
    "resident": 404,
    "representative": 302,
    "representative_other_org": 404,
    "volunteer": 404,
    "volunteer_minor": 404,
    "coordinator": 302,
    "analyst": 404,
    "ngo_caretaker": 404,
    "volunteer_caretaker": 302,
    "technical_admin": 404,
}


@pytest.mark.parametrize("persona", ISSUE_ACCESS)
def test_issuing_by_every_persona(client_for, engagement, persona):
    request = ask(engagement)

    response = client_for(persona).post(f"/wolontariat/zaswiadczenia/{request.pk}/wystaw/")

    assert response.status_code == ISSUE_ACCESS[persona]
    request.refresh_from_db()
    assert (request.issued_at is not None) == (response.status_code == 302)


def test_an_empty_opinion_re_renders_the_page(client_for, engagement):
    request = ask(engagement, OPINION)

    response = client_for("representative").post(
        f"/en/wolontariat/zaswiadczenia/{request.pk}/wystaw/", {"opinion": ""}
    )

    assert response.status_code == 200
    content = response.content.decode()
    assert "This field is required." in content
    assert f'id="opinion-{request.pk}-opinion"' in content
    request.refresh_from_db()
    assert request.issued_at is None


def test_host_writes_the_opinion_on_the_page(client_for, engagement):
    request = ask(engagement, OPINION)

    response = client_for("representative").post(
        f"/wolontariat/zaswiadczenia/{request.pk}/wystaw/", {"opinion": "Bardzo dobra współpraca."}
    )

    assert response.status_code == 302
    request.refresh_from_db()
    assert request.issued_at and request.opinion == "Bardzo dobra współpraca."


def test_issuing_twice_is_explained(client_for, engagement, users):
    request = issue(ask(engagement), users["representative"])

    response = client_for("representative").post(
        f"/en/wolontariat/zaswiadczenia/{request.pk}/wystaw/", follow=True
    )

    assert "This has already been issued." in response.content.decode()


PDF_ACCESS = {
    "anonymous": 302,
    "resident": 404,
    "representative": 200,
    "representative_other_org": 404,
    "volunteer": 200,
    "volunteer_minor": 404,
    "coordinator": 200,
    "analyst": 404,
    "ngo_caretaker": 404,
    "volunteer_caretaker": 200,
    "technical_admin": 404,
}


@pytest.mark.parametrize("persona", PERSONAS)
def test_pdf_download_by_every_persona(client_for, engagement, users, persona):
    request = issue(ask(engagement), users["representative"])

    response = client_for(persona).get(f"/wolontariat/zaswiadczenia/{request.pk}.pdf")

    assert response.status_code == PDF_ACCESS[persona]
    if response.status_code == 200:
        assert response["Content-Type"] == "application/pdf"
        assert f"zaswiadczenie-{engagement.pk}-{request.pk}.pdf" in response["Content-Disposition"]
        assert "Wiktor Wolny" in pdf_text(response.content)


def test_no_pdf_before_it_is_issued(client_for, engagement):
    request = ask(engagement)
    assert (
        client_for("volunteer").get(f"/wolontariat/zaswiadczenia/{request.pk}.pdf").status_code
        == 404
    )
    assert (
        client_for("representative").get(f"/wolontariat/zaswiadczenia/{request.pk}.pdf").status_code
        == 404
    )


# --- concurrency -------------------------------------------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_concurrent_requests_leave_one_open_request():
    host = make_organization("Stowarzyszenie Wyścigowe")
    volunteer = create_user("wyscig@example.org", birth_date=years_ago(30))
    engagement = make_engagement(make_offer(host, "Oferta wyścigowa"), volunteer)

    def request(index: int) -> str:
        try:
            services.request_certificate(engagement=engagement, by=volunteer, kind=CERTIFICATE)
        except ValidationError:
            return "refused"
        return "requested"

    outcomes = race(request, 8)

    assert sorted(outcomes) == ["refused"] * 7 + ["requested"]
    assert CertificateRequest.objects.filter(engagement=engagement).count() == 1
