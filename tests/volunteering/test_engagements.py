"""Engagement pages (/wolontariat/wspolprace/): the lists, the checklist page, every legal step
through its view, who may do what, uploads of the guardian's form, start and end with e-mails."""

import io
import zipfile

import pytest
from django.conf import settings
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from pomyslowice.accounts.models import User
from pomyslowice.core.models import AuditLogEntry
from pomyslowice.organizations.models import SupportRecord
from pomyslowice.volunteering import engagement_services as services
from pomyslowice.volunteering.models import Application, Engagement, GuardianConsent
from tests.conftest import PERSONAS, create_user

from .conftest import make_offer, years_ago
from .engagement_helpers import (
    confirm_agreement,
    days,
    inform_about_safety,
    insure,
    make_engagement,
    reload,
)

# Who sees an engagement of the representative's organisation with the adult volunteer, and who
# acts for its host.
SEE = {"representative", "volunteer", "coordinator", "volunteer_caretaker"}
HOST = {"representative", "coordinator", "volunteer_caretaker"}
PDF_BYTES = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG_BYTES = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


@pytest.fixture(autouse=True)
def in_english(settings, users):
    """Messages are checked in English: the Polish catalogue would answer otherwise. E-mails go
    out in each recipient's language, so the personas read English too."""
    settings.LANGUAGE_CODE = "en"
    User.objects.update(language="en")
    with translation.override("en"):
        yield


def expected_for(persona: str, allowed: set[str]) -> int:
    if persona == "anonymous":
        return 302
    if persona in allowed:
        return 200
    return 403 if persona in SEE else 404


@pytest.fixture(autouse=True)
def adult_volunteer(users):
    users["volunteer"].birth_date = years_ago(25)
    users["volunteer"].save(update_fields=["birth_date"])


@pytest.fixture
def host(users):
    return users["representative"]


@pytest.fixture
def short_offer(organization, host):
    return make_offer(
        organization,
        "Festyn rodzinny na Piasku",
        min_age=13,
        starts_on=days(0),
        ends_on=days(2),
        duration="short",
        contact_person=host,
    )


@pytest.fixture
def engagement(short_offer, users):
    return make_engagement(short_offer, users["volunteer"])


@pytest.fixture
def minor_engagement(short_offer, users):
    return make_engagement(short_offer, users["volunteer_minor"])


def url(name: str, engagement, *args) -> str:
    return reverse(f"volunteering:{name}", args=[engagement.pk, *args])


def ready(engagement, host) -> Engagement:
    inform_about_safety(engagement, host)
    insure(engagement, host)
    return reload(engagement)


# --- creating and cancelling -------------------------------------------------------------------


def test_only_an_accepted_application_becomes_an_engagement(short_offer, users):
    application = Application.objects.create(
        offer=short_offer, volunteer=users["volunteer"], message="Chętnie."
    )

    with pytest.raises(ValidationError) as error:
        services.create_engagement(application=application, by=users["representative"])

    assert error.value.code == "not-accepted"
    assert not Engagement.objects.exists()


def test_a_new_engagement_is_prepared_and_logged(engagement, short_offer):
    assert engagement.status == Engagement.Status.PREPARING
    assert (engagement.starts_on, engagement.ends_on) == (
        short_offer.starts_on,
        short_offer.ends_on,
    )
    assert AuditLogEntry.objects.filter(verb="volunteering.engagement.created").exists()


def test_cancelling_ends_an_engagement_not_yet_over(engagement, users):
    services.cancel_engagement(engagement=engagement, by=users["volunteer"], reason="Wycofanie")

    engagement = reload(engagement)
    assert (engagement.status, engagement.end_reason) == ("ended", "Wycofanie")
    assert engagement.ended_at is not None
    assert not mail.outbox
    ended_at = engagement.ended_at

    services.cancel_engagement(engagement=engagement, by=users["volunteer"], reason="Znowu")
    assert (reload(engagement).end_reason, reload(engagement).ended_at) == ("Wycofanie", ended_at)


# --- lists -------------------------------------------------------------------------------------


@pytest.mark.parametrize("persona", PERSONAS)
def test_the_list_shows_each_person_their_engagements(client_for, engagement, persona):
    response = client_for(persona).get(reverse("volunteering:engagements"))

    if persona == "anonymous":
        assert response.status_code == 302
        return
    assert response.status_code == 200
    page = response.content.decode()
    assert ("Festyn rodzinny na Piasku" in page) is (persona in SEE)
    assert ("All engagements" in page) is (persona in {"coordinator", "volunteer_caretaker"})


def test_the_host_sees_engagements_per_represented_organisation(
    client_for, engagement, users, other_organization
):
    other = make_offer(other_organization, "Ławki w parku", starts_on=days(2))
    make_engagement(other, users["volunteer"])
    users["representative"].memberships.create(organization=other_organization, status="active")

    page = client_for("representative").get(reverse("volunteering:engagements")).content.decode()

    assert "Engagements hosted by Fundacja Ławki Razem" in page
    assert "Engagements hosted by Stowarzyszenie Przyjaciół Piasku" in page
    assert page.index("Fundacja Ławki Razem") < page.index("Stowarzyszenie Przyjaciół Piasku")


def test_the_list_needs_a_fixed_number_of_queries(
    client_for, organization, users, django_assert_max_num_queries
):
    for number in range(12):
        offer = make_offer(organization, f"Oferta {number}", starts_on=days(2))
        volunteer = create_user(f"w{number}@example.org", first_name=f"Wolontariusz{number}")
        make_engagement(offer, volunteer)
    client = client_for("coordinator")

    with django_assert_max_num_queries(12):
        response = client.get(reverse("volunteering:engagements"))

    assert response.content.decode().count("Wolontariusz") >= 12


# --- the engagement page and access ------------------------------------------------------------


@pytest.mark.parametrize("persona", PERSONAS)
def test_who_sees_the_engagement(client_for, engagement, persona):
    response = client_for(persona).get(engagement.get_absolute_url())

    assert response.status_code == (
        302 if persona == "anonymous" else 200 if persona in SEE else 404
    )


@pytest.mark.parametrize(
    "name", ["engagement_insurance", "guardian_consent", "engagement_register"]
)
@pytest.mark.parametrize("persona", PERSONAS)
def test_host_forms_are_for_the_host_side_only(client_for, engagement, persona, name):
    response = client_for(persona).get(url(name, engagement))

    assert response.status_code == expected_for(persona, HOST)


def test_a_forged_id_is_a_404(client_for, engagement):
    client = client_for("representative_other_org")
    missing = reverse("volunteering:engagement", args=[engagement.pk + 1000])

    assert client_for("volunteer").get(missing).status_code == 404
    assert client.post(url("engagement_start", engagement)).status_code == 404
    assert client.post(url("engagement_insurance", engagement), {}).status_code == 404
    assert reload(engagement).status == Engagement.Status.PREPARING


def test_the_volunteer_cannot_do_host_actions(client_for, engagement):
    client = client_for("volunteer")
    insurance = {"insurer": "X", "insurance_policy": "1", "insured_until": str(days(30))}

    assert client.post(url("engagement_insurance", engagement), insurance).status_code == 403
    assert client.post(url("engagement_start", engagement)).status_code == 403
    assert client.post(url("engagement_register", engagement), {}).status_code == 403
    assert reload(engagement).insurer == ""


def test_the_host_cannot_do_the_volunteers_actions(client_for, engagement):
    response = client_for("representative").post(url("agreement_request", engagement))

    assert response.status_code == 403
    assert not reload(engagement).written_agreement_requested


def test_the_page_shows_the_checklist_and_the_forms_for_whoever_acts(client_for, engagement):
    host_page = client_for("representative").get(engagement.get_absolute_url()).content.decode()
    volunteer_page = client_for("volunteer").get(engagement.get_absolute_url()).content.decode()

    for page in (host_page, volunteer_page):
        assert "The engagement cannot start yet:" in page
        assert "Accident insurance (NNW, art. 46 ust. 3)" in page
        assert "The host must record accident insurance (NNW)" in page
    assert "Record the insurance" in host_page
    assert "Record the insurance" not in volunteer_page
    assert "Ask for a written agreement" in volunteer_page
    assert "Ask for a written agreement" not in host_page
    assert "Start the engagement" not in host_page


# --- the steps through their views -------------------------------------------------------------


def test_health_and_safety_written_by_the_host_acknowledged_by_the_volunteer(
    client_for, engagement
):
    host, volunteer = client_for("representative"), client_for("volunteer")
    text = {"safety_information": "Praca przy scenie: kask.", "travel_costs": "Bilety MZK."}

    assert host.post(url("engagement_safety", engagement), text).status_code == 302
    assert (
        "Praca przy scenie: kask."
        in volunteer.get(url("engagement_safety", engagement)).content.decode()
    )
    assert volunteer.post(url("engagement_safety", engagement), {}).status_code == 200
    assert reload(engagement).safety_informed_at is None
    assert (
        volunteer.post(url("engagement_safety", engagement), {"acknowledged": "on"}).status_code
        == 302
    )
    assert reload(engagement).safety_informed_at is not None

    host.post(url("engagement_safety", engagement), text | {"safety_information": "Nowe ryzyko."})

    assert reload(engagement).safety_informed_at is None  # a change must be read again


def test_insurance_errors_are_shown_and_nothing_saved(client_for, engagement):
    response = client_for("representative").post(
        url("engagement_insurance", engagement),
        {"insurer": "PZU SA", "insurance_policy": "NNW/1", "insured_until": str(days(1))},
    )

    assert response.status_code == 200
    assert "The insurance must cover the engagement until its last day" in response.content.decode()
    assert reload(engagement).insurer == ""


def test_register_check_listed_is_shown_as_final(client_for, organization, users):
    offer = make_offer(
        organization, "Świetlica dla dzieci", works_with_children=True, starts_on=days(2)
    )
    engagement = make_engagement(offer, users["volunteer"])
    client = client_for("representative")

    response = client.post(
        url("engagement_register", engagement),
        {"checked_on": str(days(0)), "checked_by": "Piotr Reprezentant", "result": "listed"},
    )

    assert response.status_code == 302
    page = client.get(engagement.get_absolute_url()).content.decode()
    assert "this engagement can never start" in page
    assert "Record the register check" not in page


def test_a_future_register_check_is_refused(client_for, organization, users):
    offer = make_offer(
        organization, "Świetlica dla dzieci", works_with_children=True, starts_on=days(2)
    )
    engagement = make_engagement(offer, users["volunteer"])

    response = client_for("representative").post(
        url("engagement_register", engagement),
        {"checked_on": str(days(1)), "checked_by": "Piotr", "result": "clear"},
    )

    assert response.status_code == 200
    assert "The check cannot be dated in the future." in response.content.decode()
    assert reload(engagement).register_result == ""


def test_the_volunteer_asks_for_a_written_agreement(
    client_for, engagement, host, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for("volunteer").post(url("agreement_request", engagement))

    assert response.status_code == 302
    assert reload(engagement).written_agreement_requested
    assert [message.to for message in mail.outbox] == [
        [host.email],
        ["kontakt@przyjaciele-piasku.example.org"],
    ]


# --- the guardian's consent and its file -------------------------------------------------------


def consent_data(**changes) -> dict:
    return {
        "guardian_name": "Anna Młoda",
        "relationship": "matka",
        "method": "scan",
        "given_on": str(days(0)),
    } | changes


def test_the_host_records_the_consent_with_the_signed_form(client_for, minor_engagement):
    upload = SimpleUploadedFile("zgoda Anny Młodej.pdf", PDF_BYTES, "application/pdf")

    response = client_for("representative").post(
        url("guardian_consent", minor_engagement), consent_data(signed_form=upload)
    )

    assert response.status_code == 302
    consent = GuardianConsent.objects.get(engagement=minor_engagement)
    assert (consent.guardian_name, consent.method) == ("Anna Młoda", "scan")
    assert consent.signed_form.name.startswith("volunteering/consents/zgoda-")
    assert "Anny" not in consent.signed_form.name
    stored = settings.PRIVATE_MEDIA_ROOT / consent.signed_form.name
    assert stored.read_bytes() == PDF_BYTES
    assert not (settings.MEDIA_ROOT / consent.signed_form.name).exists()


def docx_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<document/>")
    return buffer.getvalue()


@pytest.mark.parametrize(
    "name, content",
    [
        ("zgoda.pdf", b"<html><script>alert(1)</script></html>"),
        ("zgoda.pdf", b"MZ\x90\x00 not a document"),
        ("zgoda.docx", docx_bytes()),
    ],
)
def test_bad_uploads_are_refused_and_nothing_saved(client_for, minor_engagement, name, content):
    upload = SimpleUploadedFile(name, content, "application/pdf")

    response = client_for("representative").post(
        url("guardian_consent", minor_engagement), consent_data(signed_form=upload)
    )

    assert response.status_code == 200
    (message,) = response.context["form"].errors["signed_form"]
    assert message in response.content.decode()
    assert not GuardianConsent.objects.exists()
    assert not (settings.PRIVATE_MEDIA_ROOT / "volunteering").exists()


def test_no_consent_is_recorded_for_an_adult(client_for, engagement):
    response = client_for("representative").post(
        url("guardian_consent", engagement), consent_data()
    )

    assert response.status_code == 200
    assert "no guardian&#x27;s consent is needed" in response.content.decode()
    assert not GuardianConsent.objects.exists()


def test_a_new_form_replaces_the_old_file(
    client_for, minor_engagement, django_capture_on_commit_callbacks
):
    client = client_for("representative")
    first = SimpleUploadedFile("a.pdf", PDF_BYTES)
    client.post(url("guardian_consent", minor_engagement), consent_data(signed_form=first))
    old = GuardianConsent.objects.get().signed_form.name

    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            url("guardian_consent", minor_engagement),
            consent_data(signed_form=SimpleUploadedFile("b.png", PNG_BYTES)),
        )

    new = GuardianConsent.objects.get().signed_form.name
    assert new.endswith(".png") and new != old
    assert not (settings.PRIVATE_MEDIA_ROOT / old).exists()
    assert GuardianConsent.objects.count() == 1


@pytest.mark.parametrize("persona", PERSONAS)
def test_who_may_download_the_signed_form(client_for, minor_engagement, host, persona):
    services.record_guardian_consent(
        engagement=minor_engagement,
        by=host,
        guardian_name="Anna Młoda",
        relationship="matka",
        method="paper",
        given_on=days(0),
        signed_form=SimpleUploadedFile("zgoda.pdf", PDF_BYTES),
    )
    allowed = {"representative", "volunteer_minor", "coordinator", "volunteer_caretaker"}

    response = client_for(persona).get(url("guardian_consent_file", minor_engagement))

    assert response.status_code == (
        302 if persona == "anonymous" else 200 if persona in allowed else 404
    )
    if response.status_code == 200:
        assert b"".join(response.streaming_content) == PDF_BYTES
        assert response["Content-Type"] == "application/pdf"
        assert response["Content-Disposition"].startswith("attachment")
        assert response["Cache-Control"] == "private, no-store"


def test_no_file_is_a_404(client_for, minor_engagement):
    assert (
        client_for("representative").get(url("guardian_consent_file", minor_engagement)).status_code
        == 404
    )


# --- start and end -----------------------------------------------------------------------------


def test_a_blocked_start_says_why_and_changes_nothing(client_for, engagement):
    response = client_for("representative").post(url("engagement_start", engagement), follow=True)

    assert "The host must record accident insurance (NNW)" in response.content.decode()
    assert reload(engagement).status == Engagement.Status.PREPARING
    assert not SupportRecord.objects.exists()


def test_the_host_starts_the_engagement(
    client_for, engagement, host, users, django_capture_on_commit_callbacks
):
    ready(engagement, host)
    client = client_for("representative")
    assert "Start the engagement" in client.get(engagement.get_absolute_url()).content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url("engagement_start", engagement))

    assert response.status_code == 302
    assert reload(engagement).status == Engagement.Status.ACTIVE
    record = SupportRecord.objects.get()
    assert (record.kind, record.organization.slug, record.person) == (
        SupportRecord.Kind.VOLUNTEERING,
        "stowarzyszenie-przyjaciol-piasku",
        users["volunteer"],
    )
    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        [users["volunteer"].email, host.email, "kontakt@przyjaciele-piasku.example.org"]
    )
    assert all("Festyn rodzinny na Piasku" in m.subject for m in mail.outbox)
    page = client.get(engagement.get_absolute_url()).content.decode()
    assert reverse("volunteering:hours", args=[engagement.pk]) in page
    assert reverse("volunteering:certificates", args=[engagement.pk]) in page


def test_starting_twice_is_refused(engagement, host):
    ready(engagement, host)
    services.start_engagement(engagement=engagement, by=host)

    with pytest.raises(ValidationError) as error:
        services.start_engagement(engagement=engagement, by=host)

    assert error.value.messages == ["Only an engagement being prepared can be started."]
    assert SupportRecord.objects.count() == 1


def test_ending_early_needs_a_reason(client_for, engagement, host):
    ready(engagement, host)
    services.start_engagement(engagement=engagement, by=host)

    response = client_for("volunteer").post(url("engagement_end", engagement), {"how": "early"})

    assert response.status_code == 200
    assert "Say why the engagement ends early." in response.content.decode()
    assert reload(engagement).status == Engagement.Status.ACTIVE


def test_the_volunteer_ends_early_and_both_sides_hear(
    client_for, engagement, host, users, django_capture_on_commit_callbacks
):
    ready(engagement, host)
    services.start_engagement(engagement=engagement, by=host)

    with django_capture_on_commit_callbacks(execute=True):
        response = client_for("volunteer").post(
            url("engagement_end", engagement), {"how": "early", "reason": "Przeprowadzka"}
        )

    assert response.status_code == 302
    engagement = reload(engagement)
    assert (engagement.status, engagement.end_reason) == ("ended", "Przeprowadzka")
    assert len(mail.outbox) == 3
    assert all("Przeprowadzka" in m.body and "ended early" in m.subject for m in mail.outbox)
    assert SupportRecord.objects.count() == 1  # the placement happened; its record stays


def test_the_host_finishes_the_engagement(
    client_for, engagement, host, django_capture_on_commit_callbacks
):
    ready(engagement, host)
    services.start_engagement(engagement=engagement, by=host)

    with django_capture_on_commit_callbacks(execute=True):
        client_for("representative").post(url("engagement_end", engagement), {"how": "finished"})

    assert reload(engagement).status == Engagement.Status.FINISHED
    assert all("finished" in m.subject for m in mail.outbox)


@pytest.mark.parametrize(
    "persona", ["resident", "representative_other_org", "volunteer_minor", "analyst"]
)
def test_outsiders_cannot_end_it(client_for, engagement, host, persona):
    ready(engagement, host)
    services.start_engagement(engagement=engagement, by=host)

    response = client_for(persona).post(url("engagement_end", engagement), {"how": "finished"})

    assert response.status_code == 404
    assert reload(engagement).status == Engagement.Status.ACTIVE


def test_nothing_changes_once_started(engagement, host):
    ready(engagement, host)
    services.start_engagement(engagement=engagement, by=host)

    with pytest.raises(ValidationError) as error:
        insure(engagement, host, until=days(90))

    assert error.value.code == "not-preparing"
    assert reload(engagement).insured_until == days(2)


def test_the_agreement_of_a_started_engagement_keeps_its_first_day(engagement, host):
    confirm_agreement(engagement, host)
    ready(engagement, host)
    services.start_engagement(engagement=engagement, by=host)
    data = services.agreement_defaults(reload(engagement), by=host)

    with pytest.raises(ValidationError) as error:
        services.save_agreement_version(
            engagement=engagement, by=host, **data | {"starts_on": days(4)}
        )
    assert "starts_on" in error.value.error_dict

    longer = services.save_agreement_version(
        engagement=engagement, by=host, **data | {"ends_on": days(9)}
    )
    assert longer.version == 2
    assert reload(engagement).ends_on == days(9)
