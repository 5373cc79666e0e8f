"""The volunteer centre's main journey in a real Chromium, checked by axe-core on every page.

A new person signs up and becomes a volunteer, finds a matching offer and applies; the host
accepts, the agreement is made, confirmed by both sides and downloaded as a PDF, the health and
safety information is acknowledged and the engagement starts; hours are logged and approved, and
the certificate of volunteering is requested, issued and downloaded."""

import io
import re

import pytest
from django.core import mail
from playwright.sync_api import expect
from pypdf import PdfReader

from pomyslowice.volunteering.models import (
    Application,
    CertificateRequest,
    Engagement,
    HoursEntry,
    Offer,
    Skill,
    VolunteerProfile,
)
from tests.browser.support import assert_no_axe_violations, log_in
from tests.conftest import PASSWORD
from tests.volunteering.conftest import MONDAY_AFTERNOON, make_offer, years_ago

pytestmark = pytest.mark.browser

EMAIL = "lucja@example.org"
NAME = "Łucja Wiśniewska"
TITLE = "Porządkowanie biblioteki świetlicy"


@pytest.fixture
def live(transactional_db, live_server):
    return live_server


def pdf_text(page, href: str) -> str:
    """Download a PDF with the tab's session and return its text."""
    response = page.request.get(href)
    assert response.ok, response.status
    assert response.headers["content-type"] == "application/pdf"
    return "\n".join(sheet.extract_text() for sheet in PdfReader(io.BytesIO(response.body())).pages)


def sign_up(page) -> None:
    page.goto("/en/konto/signup/")
    assert_no_axe_violations(page)
    page.get_by_label("Email").fill(EMAIL)
    page.get_by_label("Password:", exact=True).fill(PASSWORD)
    page.get_by_label("Password (again)").fill(PASSWORD)
    page.get_by_label("I have read the information on how my data are processed").check()
    page.get_by_role("button", name="Sign Up").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Verify Your Email Address")
    assert_no_axe_violations(page)

    link = re.search(r"http://\S+/confirm-email/\S+/", mail.outbox[-1].body).group(0)
    page.goto(link)
    assert_no_axe_violations(page)
    page.get_by_role("button", name="Confirm").click()
    assert_no_axe_violations(page)

    page.goto("/en/konto/login/")
    assert_no_axe_violations(page)
    page.get_by_label("Email").fill(EMAIL)
    page.get_by_label("Password", exact=False).first.fill(PASSWORD)
    page.get_by_role("button", name="Sign In").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("My account")
    assert_no_axe_violations(page)
    first, last = NAME.split()
    page.get_by_label("First name").fill(first)
    page.get_by_label("Last name").fill(last)
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("status")).to_contain_text("Your details have been saved")
    assert_no_axe_violations(page)


def create_profile(page, area) -> None:
    page.goto("/en/wolontariat/profil/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Become a volunteer")
    assert_no_axe_violations(page)
    page.get_by_role("button", name="Create the profile").click()  # empty: accessible errors
    expect(page.get_by_role("alert").first).to_contain_text("The form has errors")
    assert_no_axe_violations(page)
    assert not VolunteerProfile.objects.exists()

    page.get_by_label("Date of birth (required)").fill(years_ago(30).isoformat())
    page.get_by_label("Obsługa komputera").check()
    page.get_by_label(area.name).check()
    page.locator('input[name="availability"][value="1"]').check()  # Monday afternoon
    page.get_by_role("combobox", name="District").select_option(label="Piasek")
    page.get_by_label("I agree that the volunteer centre processes").check()
    page.get_by_label("I agree that host organisations looking for volunteers").check()
    page.get_by_role("button", name="Create the profile").click()
    expect(page.get_by_role("status")).to_contain_text("Your volunteer profile is created")
    expect(page.get_by_role("heading", level=1)).to_have_text("My volunteer profile")
    assert_no_axe_violations(page)


def test_volunteer_signs_up_applies_works_and_gets_a_certificate(
    live, page, browser, users, organization, area, district
):
    computers = Skill.objects.create(name="Obsługa komputera", slug="obsluga-komputera")
    Skill.objects.create(name="Grafika", slug="grafika", position=1)
    # Adult-only, no end date (so a written agreement is required), no work with children and
    # no start date: nothing but the agreement and the health and safety information gates it.
    offer = make_offer(
        organization,
        TITLE,
        tasks="Porządkowanie książek\nKatalogowanie w komputerze",
        skills=[computers],
        areas=[area],
        district=district,
        min_age=18,
        duration=Offer.Duration.LONG,
        availability=MONDAY_AFTERNOON,
    )
    assert not offer.works_with_children and offer.starts_on is None and offer.ends_on is None

    # 1–2. Sign up, confirm the e-mail, log in, become a volunteer.
    sign_up(page)
    create_profile(page, area)

    # 3. The offer is among those for me, with why; apply.
    page.goto("/en/wolontariat/dla-mnie/")
    card = page.locator("main li.card", has_text=TITLE)
    expect(card).to_contain_text("Shares your skills: Obsługa komputera")
    expect(card).to_contain_text("Same district: Piasek")
    assert_no_axe_violations(page)
    card.get_by_role("link", name=TITLE).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE)
    assert_no_axe_violations(page)
    page.get_by_role("link", name="Apply for this offer").click()
    assert_no_axe_violations(page)
    page.get_by_role("button", name="Send the application").click()  # empty
    expect(page.get_by_role("alert").first).to_contain_text("The form has errors")
    assert_no_axe_violations(page)
    assert not Application.objects.exists()
    page.get_by_label("Message to the host").fill("Chętnie pomogę w poniedziałki po południu.")
    page.get_by_role("button", name="Send the application").click()
    expect(page.get_by_role("status")).to_contain_text("Your application is sent")
    assert_no_axe_violations(page)
    application = Application.objects.get(offer=offer, volunteer__email=EMAIL)
    assert application.status == Application.Status.PENDING

    # 4. The host opens the application and accepts it.
    host = browser.new_context(base_url=live.url, locale="pl-PL").new_page()
    log_in(host, live, users["representative"])
    host.goto(f"/en/wolontariat/oferty/{offer.slug}/zgloszenia/")
    assert_no_axe_violations(host)
    host.get_by_role("link", name=NAME).click()
    expect(host.get_by_role("heading", level=1)).to_have_text(f"Application for {TITLE}")
    assert_no_axe_violations(host)
    host.get_by_label("Note to the volunteer").fill("Zapraszamy w poniedziałek o 15:00.")
    host.get_by_role("button", name="Accept").click()
    expect(host.get_by_role("status")).to_contain_text("The application is accepted")
    assert_no_axe_violations(host)
    application.refresh_from_db()
    assert application.status == Application.Status.ACCEPTED
    engagement = Engagement.objects.get(application=application)
    assert engagement.status == Engagement.Status.PREPARING
    engagement_url = f"/en/wolontariat/wspolprace/{engagement.pk}/"

    # 5. The host prepares version 1 of the agreement from the offer, confirms it and writes
    # the health and safety information.
    host.goto(engagement_url)
    assert_no_axe_violations(host)
    host.get_by_role("link", name="Prepare the agreement").click()
    expect(host.get_by_label("Scope of the work")).to_have_value(offer.tasks)
    assert_no_axe_violations(host)
    host.get_by_role("button", name="Save version 1").click()
    expect(host.get_by_role("status")).to_contain_text("The new version of the agreement is saved")
    assert_no_axe_violations(host)
    host.get_by_role("button", name="Confirm version 1 for the host").click()
    expect(host.get_by_role("status")).to_contain_text("Version 1 is confirmed")
    host.get_by_label("Health and safety information").fill(
        "Przy przenoszeniu książek podnoś najwyżej 10 kg."
    )
    host.get_by_role("button", name="Save the information").click()
    expect(host.get_by_role("status")).to_contain_text("health and safety information is saved")
    assert_no_axe_violations(host)

    # The volunteer confirms the agreement, acknowledges the information, reads the PDF.
    page.goto(f"/en/wolontariat/zgloszenia/{application.pk}/")
    expect(page.locator("main dl")).to_contain_text("Zapraszamy w poniedziałek")
    assert_no_axe_violations(page)
    page.get_by_role("link", name="The volunteering that follows this application").click()
    expect(page).to_have_url(re.compile(rf"{engagement_url}$"))
    assert_no_axe_violations(page)
    page.get_by_role("button", name="Confirm version 1").click()
    expect(page.get_by_role("status")).to_contain_text("Version 1 is confirmed")
    page.get_by_label("I have read the health and safety information.").check()
    page.get_by_role("button", name="Acknowledge").click()
    expect(page.get_by_role("status")).to_contain_text("your acknowledgement is recorded")
    assert_no_axe_violations(page)
    agreement_href = page.get_by_role("link", name="Version 1 as PDF").get_attribute("href")
    text = pdf_text(page, agreement_href)
    assert "Porozumienie" in text and NAME in text
    assert engagement.agreements.get().is_confirmed

    # 6. Nothing else stands in the way: the host starts the engagement.
    host.goto(engagement_url)
    expect(host.locator("main")).to_contain_text("Everything required is done")
    assert_no_axe_violations(host)
    host.get_by_role("button", name="Start the engagement").click()
    expect(host.get_by_role("status")).to_contain_text("The engagement has started")
    assert_no_axe_violations(host)
    engagement.refresh_from_db()
    assert engagement.status == Engagement.Status.ACTIVE

    # 7. Hours for today, approved by the host.
    page.goto(engagement_url)
    expect(page.locator("main")).to_contain_text("In progress")
    assert_no_axe_violations(page)
    page.get_by_role("link", name="Hours", exact=True).click()
    assert_no_axe_violations(page)
    page.get_by_label("Hours (required)").fill("2.5")
    page.get_by_label("What I did").fill("Skatalogowałam 40 książek")
    page.get_by_role("button", name="Log hours").click()
    expect(page.get_by_role("status")).to_contain_text("Your hours have been logged")
    assert_no_axe_violations(page)
    entry = HoursEntry.objects.get(engagement=engagement)
    assert entry.status == HoursEntry.Status.SUBMITTED

    host.goto(f"{engagement_url}godziny/")
    assert_no_axe_violations(host)
    host.get_by_role("button", name=re.compile(r"^Approve")).click()
    expect(host.get_by_role("status")).to_contain_text("The hours have been approved")
    assert_no_axe_violations(host)
    entry.refresh_from_db()
    assert entry.status == HoursEntry.Status.APPROVED

    # The volunteer asks for the certificate, the host issues it, the volunteer downloads it.
    page.goto(f"{engagement_url}zaswiadczenia/")
    assert_no_axe_violations(page)
    page.get_by_label("certificate of volunteering (zaświadczenie)").check()
    page.get_by_role("button", name="Send the request").click()
    expect(page.get_by_role("status")).to_contain_text("Your request has been sent")
    assert_no_axe_violations(page)

    host.goto(f"{engagement_url}zaswiadczenia/")
    expect(host.locator("main")).to_contain_text("will state 2.5")
    assert_no_axe_violations(host)
    host.get_by_role("button", name="Issue the certificate").click()
    expect(host.get_by_role("status")).to_contain_text("Issued")
    assert_no_axe_violations(host)
    certificate = CertificateRequest.objects.get(engagement=engagement)
    assert certificate.kind == CertificateRequest.Kind.CERTIFICATE
    assert certificate.issued_at is not None
    host.context.close()

    page.reload()
    download = page.get_by_role("link", name=re.compile(r"^Download the PDF"))
    assert_no_axe_violations(page)
    text = pdf_text(page, download.get_attribute("href"))
    assert "2.5 hours (approved by the host)" in text
    assert TITLE in text and NAME in text


def test_staff_and_host_pages_pass_axe(live, page, users, organization, area):
    """The pages around the journey, in Polish: offers with filters, the offer form, the review
    queue, the volunteers matching an offer, the hours overview, the outreach log and the
    initiative group."""
    offer = make_offer(organization, TITLE, areas=[area], min_age=16)
    make_offer(organization, "Oferta w przygotowaniu", status=Offer.Status.REVIEW)
    page.goto("/wolontariat/?nieletni=on")
    expect(page.get_by_role("heading", level=1)).to_have_text("Wolontariat")
    expect(page.locator("main")).to_contain_text(TITLE)
    assert_no_axe_violations(page)
    page.goto(f"/wolontariat/oferty/{offer.slug}/")
    assert_no_axe_violations(page)

    log_in(page, live, users["representative"])
    page.goto("/wolontariat/oferty/nowa/")
    assert_no_axe_violations(page)
    page.locator("main form button[type=submit]").last.click()  # nothing filled in: errors
    expect(page.locator("main .errorlist").first).to_be_visible()
    assert_no_axe_violations(page)
    page.goto(f"/wolontariat/oferty/{offer.slug}/wolontariusze/")
    assert_no_axe_violations(page)

    log_in(page, live, users["volunteer_caretaker"])
    for path in (
        "/wolontariat/do-zatwierdzenia/",
        "/wolontariat/godziny/",
        "/wolontariat/promocja/",
        "/wolontariat/promocja/nowe/",
        "/wolontariat/grupa-inicjatywna/",
    ):
        page.goto(path)
        expect(page.get_by_role("heading", level=1)).to_be_visible()
        assert_no_axe_violations(page)
