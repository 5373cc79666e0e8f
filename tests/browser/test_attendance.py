"""Staff mark attendance on the attendee list and download the participant's certificate."""

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from pomyslowice.events.models import Registration
from pomyslowice.organizations.models import SupportRecord
from tests.browser.support import assert_no_axe_violations, log_in
from tests.events.test_registration_services import make_training, register_user

pytestmark = pytest.mark.browser


@pytest.fixture
def live(transactional_db, live_server):
    return live_server


def test_coordinator_marks_attendance_and_downloads_the_certificate(
    live, page, users, organization
):
    training = make_training("Szkolenie z fundraisingu", slug="fundraising", organizer=organization)
    registration = register_user(training, users["resident"])
    log_in(page, live, users["coordinator"])

    page.goto(f"/en/wydarzenia/{training.slug}/uczestnicy/")
    assert_no_axe_violations(page)
    page.get_by_role("button", name="Mark Janina Mieszko as present").click()
    expect(page.get_by_role("button", name="Mark Janina Mieszko as absent")).to_be_visible()
    assert_no_axe_violations(page)
    registration.refresh_from_db()
    assert registration.attended
    assert SupportRecord.objects.filter(kind="training", person=users["resident"]).count() == 1

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Certificate of attendance for Janina Mieszko (PDF)").click()
    pdf = PdfReader(download_info.value.path())
    text = pdf.pages[0].extract_text()
    assert "Janina Mieszko" in text and "Szkolenie z fundraisingu" in text
    assert Registration.objects.get(pk=registration.pk).attended
