"""Registering and editing through the pages: validation messages, nothing saved on bad input."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from pomyslowice.core.models import AreaOfBenefit, AuditLogEntry
from pomyslowice.organizations.models import Organization
from tests.conftest import make_organization

from .conftest import NIP, REGON, en, image_bytes, profile, registration_data

REGISTER = en("/organizacje/zglos/")


def field_errors(response, field: str) -> list[str]:
    return response.context["form"].errors.get(field, [])


@pytest.fixture
def resident_client(client_for):
    return client_for("resident")


def test_registration_form_is_accessible_and_works_without_javascript(resident_client):
    text = resident_client.get(REGISTER).text
    assert 'enctype="multipart/form-data"' in text
    assert text.count("<fieldset>") >= 5
    assert "<legend>Registry numbers</legend>" in text
    assert re.search(r'<label for="id_krs">KRS number', text)
    # The rich text editor enhances a plain textarea, which submits on its own.
    assert re.search(r'<textarea name="description"[^>]*data-django-prose-editor', text)
    assert 'type="importmap"' in text
    assert "Allowed formatting" in text
    assert 'accept="image/png,image/jpeg,image/webp"' in text


def test_valid_registration(resident_client, users, area, district, mail_on_commit):
    data = registration_data(area, district, postal_code="41400", facebook="facebook.com/nowe")
    data["logo"] = SimpleUploadedFile("logo.jpg", image_bytes("JPEG"), content_type="image/jpeg")
    with mail_on_commit():
        response = resident_client.post(REGISTER, data)
    org = Organization.objects.get(name="Stowarzyszenie Nowe Łąki")
    assert response.status_code == 302
    assert response.url == f"/en/organizacje/{org.slug}/"
    assert org.status == Organization.Status.PENDING
    assert org.postal_code == "41-400"
    assert org.facebook == "https://facebook.com/nowe"
    assert org.logo.name.startswith("logos/")
    page = resident_client.get(response.url)
    assert "awaits approval by the centre" in page.text
    assert len(mail_on_commit.outbox) == 3


@pytest.mark.parametrize(
    "field, value, message",
    [
        ("krs", "12345", "A KRS number has exactly 10 digits"),
        ("nip", NIP[:-1] + str((int(NIP[-1]) + 1) % 10), "This is not a valid NIP"),
        ("regon", REGON[:-1] + str((int(REGON[-1]) + 1) % 10), "This is not a valid REGON"),
        ("postal_code", "414", "Enter a postal code in the form 00-000."),
        ("facebook", "https://example.org/profil", "Enter an address on facebook.com"),
        ("email", "not-an-email", "Enter a valid email address."),
        ("name", "", "This field is required."),
        ("kind", "klub-kosmiczny", "Select a valid choice."),
    ],
)
def test_invalid_field_is_explained_and_nothing_saved(resident_client, field, value, message):
    response = resident_client.post(REGISTER, registration_data(**{field: value}))
    assert response.status_code == 200
    assert any(message in error for error in field_errors(response, field))
    widget = re.search(rf'<(input|select|textarea)[^>]*name="{field}"[^>]*>', response.text).group()
    assert 'aria-invalid="true"' in widget
    assert "The form has errors" in response.text
    assert not Organization.objects.filter(submitted_by__email="mieszkaniec@example.org").exists()


@pytest.mark.parametrize(
    "upload, message",
    [
        (SimpleUploadedFile("logo.png", b"<?php echo 1; ?>"), "Upload a valid image"),
        (
            SimpleUploadedFile("logo.svg", b"<svg xmlns='http://www.w3.org/2000/svg'/>"),
            "valid image",
        ),
        (SimpleUploadedFile("logo.gif", image_bytes("GIF")), "PNG, JPEG or WebP file, not GIF"),
        (SimpleUploadedFile("logo.png", image_bytes("PNG", (2400, 100))), "at most 2000 x 2000"),
    ],
)
def test_bad_logo_is_refused(resident_client, upload, message):
    response = resident_client.post(REGISTER, {**registration_data(), "logo": upload})
    assert response.status_code == 200
    assert any(message in error for error in field_errors(response, "logo"))
    assert not Organization.objects.filter(name="Stowarzyszenie Nowe Łąki").exists()


def test_oversized_logo_is_refused(resident_client, settings):
    settings.IMAGE_MAX_BYTES = 1024
    big = SimpleUploadedFile("logo.png", image_bytes("PNG", (600, 600)) + b"\0" * 2048)
    response = resident_client.post(REGISTER, {**registration_data(), "logo": big})
    assert any("too large" in error for error in field_errors(response, "logo"))
    assert not Organization.objects.filter(name="Stowarzyszenie Nowe Łąki").exists()


@pytest.mark.parametrize(
    "field, typed", [("krs", "0000 123 456"), ("nip", f"PL {NIP[:3]}-{NIP[3:6]}-{NIP[6:]}")]
)
def test_duplicate_krs_or_nip_names_the_existing_organisation(resident_client, users, field, typed):
    make_organization("Fundacja Pierwsza w Rejestrze", krs="0000123456", nip=NIP)
    response = resident_client.post(REGISTER, registration_data(**{field: typed}))
    assert response.status_code == 200
    (error,) = field_errors(response, field)
    assert "Fundacja Pierwsza w Rejestrze" in error
    assert Organization.objects.count() == 3  # the fixture's two and the first one


def test_script_in_description_is_removed(resident_client):
    description = (
        '<p>Pomagamy <a href="javascript:alert(1)">sąsiadom</a>.</p>'
        '<script>alert("x")</script><img src="x" onerror="alert(2)">'
        '<p><a href="https://example.org">Strona</a></p>'
    )
    resident_client.post(REGISTER, registration_data(description=description))
    saved = Organization.objects.get(name="Stowarzyszenie Nowe Łąki").description
    assert "<script" not in saved and "onerror" not in saved and "javascript:" not in saved
    assert "<img" not in saved
    assert 'href="https://example.org"' in saved
    assert "Pomagamy" in saved


def test_representative_edits_the_profile(client_for, users, organization, area):
    client = client_for("representative")
    data = registration_data(
        area, name="Przyjaciele Piasku", krs=None, nip=None, regon=None, phone="32 555 66 77"
    )
    response = client.post(en(profile(organization, "edytuj/")), data)
    assert response.status_code == 302
    organization.refresh_from_db()
    assert organization.name == "Przyjaciele Piasku"
    entry = AuditLogEntry.objects.for_object(organization).get()
    assert entry.actor == users["representative"]
    assert {"name", "phone", "short_name", "street"} <= set(entry.data["fields"])
    assert "Changes saved." in client.get(response.url).text


def test_edit_form_is_prefilled_and_keeps_areas_out_of_force(client_for, organization, area):
    area.is_active = False
    area.save()
    text = client_for("representative").get(en(profile(organization, "edytuj/"))).text
    assert 'value="Stowarzyszenie Przyjaciół Piasku"' in text
    assert "Changes are published on the profile as soon as you save them." in text
    assert re.search(rf'value="{area.pk}"[^>]*checked', text)
    assert AreaOfBenefit.objects.filter(is_active=True).exists()


def test_edit_errors_do_not_change_the_page_heading(client_for, organization):
    response = client_for("representative").post(
        en(profile(organization, "edytuj/")), registration_data(name="Inna", krs="1")
    )
    assert response.status_code == 200
    assert "<h1>Edit Stowarzyszenie Przyjaciół Piasku</h1>" in response.text
    organization.refresh_from_db()
    assert organization.name == "Stowarzyszenie Przyjaciół Piasku"


def test_logo_can_be_cleared(client_for, organization):
    organization.logo = SimpleUploadedFile("logo.png", image_bytes())
    organization.save()
    data = registration_data(krs=None, nip=None, regon=None, name=organization.name)
    data["logo-clear"] = "on"
    client_for("representative").post(en(profile(organization, "edytuj/")), data)
    organization.refresh_from_db()
    assert not organization.logo


def test_submitter_resubmits_a_rejected_registration(client, submitter, pending_organization):
    pending_organization.status = Organization.Status.REJECTED
    pending_organization.rejection_reason = "Zły KRS"
    pending_organization.save()
    client.force_login(submitter)
    data = registration_data(name=pending_organization.name, krs="0000999777", nip=None)
    response = client.post(en(profile(pending_organization, "edytuj/")), data)
    pending_organization.refresh_from_db()
    assert pending_organization.status == Organization.Status.PENDING
    assert pending_organization.krs == "0000999777"
    assert "sent again for approval" in client.get(response.url).text
