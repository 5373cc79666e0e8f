"""A volunteer's account is erased: the engagement's agreement, hours and certificates stay
(the Act on public benefit and volunteer work, art. 44), detached from the account, with the
name the agreement carries; the host's pages still work and nothing is e-mailed to nobody."""

from decimal import Decimal

import pytest
from django.core import mail
from django.utils import timezone

from pomyslowice.privacy.erasure import erase_person
from pomyslowice.privacy.models import ErasureRecord
from pomyslowice.privacy.registry import Subject
from pomyslowice.volunteering import hours_services
from pomyslowice.volunteering.models import (
    Agreement,
    Application,
    CertificateRequest,
    Engagement,
    HoursEntry,
)
from tests.volunteering.test_certificates import pdf_text
from tests.volunteering.test_hours import days_ago, make_engagement


@pytest.fixture
def kept(users, offer):
    """An engagement in progress with an agreement, approved and awaiting hours and an issued
    certificate; then the volunteer's account is erased."""
    volunteer, host = users["volunteer"], users["representative"]
    engagement = make_engagement(offer, volunteer)
    Agreement.objects.create(
        engagement=engagement,
        version=1,
        scope="Pomoc w świetlicy",
        manner="Dyżury",
        starts_on=engagement.starts_on,
        termination="Za porozumieniem stron",
        host_signatory="Prezes",
        volunteer_name="Wiktor Wolontariusz",
    )
    for day, hours in ((3, "2.5"), (2, "1")):
        hours_services.log_hours(
            engagement=engagement,
            by=volunteer,
            date=days_ago(day),
            hours=Decimal(hours),
            description="Dyżur w świetlicy",
        )
    hours_services.approve_hours(entry=HoursEntry.objects.order_by("pk").first(), by=host)
    request = hours_services.request_certificate(
        engagement=engagement, by=volunteer, kind=CertificateRequest.Kind.CERTIFICATE
    )
    hours_services.issue_certificate(request=request, by=host)
    erase_person(
        subject=Subject.for_user(volunteer), by=None, reason=ErasureRecord.Reason.SELF_SERVICE
    )
    mail.outbox.clear()
    return Engagement.objects.get(pk=engagement.pk)


def test_records_stay_detached_with_the_agreements_name(kept, users):
    application = Application.objects.get(pk=kept.application_id)
    assert application.volunteer is None
    assert not type(users["volunteer"]).objects.filter(pk=users["volunteer"].pk).exists()
    assert Agreement.objects.get(engagement=kept).volunteer_name == "Wiktor Wolontariusz"
    assert HoursEntry.objects.filter(engagement=kept).count() == 2
    assert CertificateRequest.objects.filter(engagement=kept, issued_at__isnull=False).exists()
    assert kept.named_volunteer() == "Wiktor Wolontariusz"
    # Nobody is left to volunteer: the engagement in progress ended with the erasure.
    assert kept.status == Engagement.Status.ENDED
    assert kept.ended_at is not None


def test_the_erasure_tells_the_person_what_is_kept_until_when(kept):
    summary = ErasureRecord.objects.get().summary
    (applications,) = [each for each in summary if each["source"] == "volunteering.applications"]
    (item,) = applications["kept"]
    # The summary is written out for people: 31 December of the year it ended, plus 5 years.
    assert str(timezone.localdate().year + 5) in item["until"]
    assert kept.offer.title in item["what"]


@pytest.mark.parametrize(
    "url",
    [
        "/en/wolontariat/wspolprace/{pk}/",
        "/en/wolontariat/wspolprace/{pk}/godziny/",
        "/en/wolontariat/wspolprace/{pk}/zaswiadczenia/",
        "/en/wolontariat/wspolprace/",
        "/en/wolontariat/godziny/",
        "/en/wolontariat/zgloszenia/{application}/",
        "/en/wolontariat/oferty/{offer}/zgloszenia/",
    ],
)
def test_the_hosts_pages_render_the_kept_records(client_for, kept, url):
    url = url.format(pk=kept.pk, application=kept.application_id, offer=kept.offer.slug)
    response = client_for("representative").get(url)
    assert response.status_code == 200
    assert "None" not in response.content.decode().replace("NoneType", "")


def test_the_engagement_page_names_the_volunteer_from_the_agreement(client_for, kept):
    response = client_for("representative").get(f"/en/wolontariat/wspolprace/{kept.pk}/")
    assert "Wiktor Wolontariusz" in response.content.decode()


def test_lists_say_the_person_was_erased(client_for, kept):
    response = client_for("representative").get(
        f"/en/wolontariat/oferty/{kept.offer.slug}/zgloszenia/"
    )
    assert "erased person" in response.content.decode()


def test_hours_csv_and_certificate_pdf_still_download(client_for, kept):
    csv_response = client_for("volunteer_caretaker").get("/en/wolontariat/godziny/eksport.csv")
    assert csv_response.status_code == 200
    assert "erased person" in csv_response.content.decode()
    host = client_for("representative")
    request = CertificateRequest.objects.get(engagement=kept)
    pdf = host.get(f"/en/wolontariat/zaswiadczenia/{request.pk}.pdf")
    assert pdf.status_code == 200
    assert pdf["Content-Type"] == "application/pdf"
    assert "Wiktor Wolontariusz" in pdf_text(pdf.content)


def test_the_host_reviews_waiting_hours_and_nothing_is_e_mailed(
    client_for, kept, django_capture_on_commit_callbacks
):
    waiting = HoursEntry.objects.get(engagement=kept, status=HoursEntry.Status.SUBMITTED)
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for("representative").post(
            f"/en/wolontariat/godziny/{waiting.pk}/zapytaj/", {"note": "Które godziny?"}
        )
    assert response.status_code == 302
    waiting.refresh_from_db()
    assert waiting.status == HoursEntry.Status.QUERIED
    assert mail.outbox == []


def test_nobody_can_log_hours_for_the_erased_volunteer(kept, users):
    with pytest.raises(Exception) as raised:
        hours_services.log_hours(
            engagement=kept,
            by=users["representative"],
            date=days_ago(1),
            hours=Decimal(1),
            description="Za kogoś",
        )
    assert raised.typename == "ValidationError"
    assert HoursEntry.objects.filter(engagement=kept).count() == 2


def test_the_coordinators_panel_renders(client_for, kept):
    assert client_for("volunteer_caretaker").get("/en/panel/").status_code == 200
