"""The profile page /organizacje/<slug>/: content, structured data and what each persona sees."""

import html
import json
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from pomyslowice.organizations.models import Organization
from tests.conftest import PERSONAS

from .conftest import NIP, REGON, en, image_bytes, profile

CARETAKER_READERS = {"coordinator", "analyst", "ngo_caretaker", "volunteer_caretaker"}
CARETAKER_ASSIGNERS = {"coordinator", "ngo_caretaker"}
EDITORS = {"representative", "coordinator", "ngo_caretaker"}


def json_ld(response) -> dict:
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', response.text, re.S)
    assert match, "no JSON-LD on the page"
    return json.loads(match.group(1))


@pytest.fixture
def full_profile(organization, users):
    organization.short_name = "SPP"
    organization.krs, organization.nip, organization.regon = "0000123456", NIP, REGON
    organization.is_public_benefit = True
    organization.street, organization.postal_code = "ul. Mikołowska 1", "41-400"
    organization.phone = "+48 32 111 22 33"
    organization.website = "https://piasek.example.org"
    organization.facebook = "https://www.facebook.com/piasek"
    organization.logo = SimpleUploadedFile("logo.png", image_bytes())
    organization.caretaker = users["ngo_caretaker"]
    organization.save()
    return organization


def test_profile_shows_everything_public(client, full_profile, area, district):
    response = client.get(en(profile(full_profile)))
    text = response.text
    assert response.status_code == 200
    assert text.count("<h1") == 1
    for expected in [
        "Stowarzyszenie Przyjaciół Piasku",
        "SPP",
        "Association",
        "Public benefit organisation (OPP)",
        "ul. Mikołowska 1, 41-400 Mysłowice",
        f'?dzielnica={district.slug}">Piasek</a>',
        'href="mailto:kontakt@przyjaciele-piasku.example.org"',
        'href="tel:+48321112233"',
        'href="https://piasek.example.org"',
        'href="https://www.facebook.com/piasek"',
        "0000123456",
        NIP,
        REGON,
        area.name,
        "<p>Działamy na rzecz mieszkańców dzielnicy.</p>",
        'alt="Logo of Stowarzyszenie Przyjaciół Piasku"',
    ]:
        assert expected in text, expected
    assert "Caretaker at the centre" not in text
    assert "Ola Opiekunka" not in text


def test_json_ld_describes_the_organisation(client, full_profile):
    data = json_ld(client.get(full_profile.get_absolute_url()))
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "Organization"
    assert data["name"] == "Stowarzyszenie Przyjaciół Piasku"
    assert data["url"] == f"http://testserver/organizacje/{full_profile.slug}/"
    assert data["taxID"] == NIP
    assert data["address"] == {
        "@type": "PostalAddress",
        "streetAddress": "ul. Mikołowska 1",
        "postalCode": "41-400",
        "addressLocality": "Mysłowice",
        "addressCountry": "PL",
    }
    assert {"@type": "PropertyValue", "propertyID": "KRS", "value": "0000123456"} in data[
        "identifier"
    ]
    assert data["sameAs"] == ["https://piasek.example.org", "https://www.facebook.com/piasek"]
    assert data["logo"].startswith("http://testserver/media/logos/")
    assert data["description"] == "Działamy na rzecz mieszkańców dzielnicy."
    assert "caretaker" not in json.dumps(data)


def test_json_ld_cannot_break_out_of_its_script_element(client, organization):
    hostile = 'Klub </script><script>alert("x")</script> <!-- &'
    Organization.objects.filter(pk=organization.pk).update(name=hostile)
    response = client.get(organization.get_absolute_url())
    assert "<script>alert" not in response.text
    assert json_ld(response)["name"] == hostile


def test_description_is_sanitised_when_shown(client, organization):
    """Even text that reached the database another way is cleaned on the page."""
    Organization.objects.filter(pk=organization.pk).update(
        description='<p>Ok</p><script>alert(1)</script><img src=x onerror="alert(2)">'
        '<a href="javascript:alert(3)">x</a>'
    )
    text = client.get(organization.get_absolute_url()).text
    assert "<p>Ok</p>" in text
    assert "alert(" not in text.split("</header>", 1)[1]


@pytest.mark.parametrize("persona", PERSONAS)
def test_caretaker_visible_only_to_staff_who_may_see_it(client_for, full_profile, persona):
    text = client_for(persona).get(en(profile(full_profile))).text
    assert ("Caretaker at the centre" in text) == (persona in CARETAKER_READERS)
    assert ("ngo-caretaker@example.org" in text) == (persona in CARETAKER_READERS)
    assert ("Save caretaker" in text) == (persona in CARETAKER_ASSIGNERS)


def test_caretaker_form_offers_only_active_staff(client_for, users, organization):
    text = client_for("coordinator").get(organization.get_absolute_url()).text
    form = text.split('name="caretaker"', 1)[1].split("</select>", 1)[0]
    assert users["analyst"].email in form
    assert users["resident"].email not in form
    assert users["representative"].email not in form


@pytest.mark.parametrize("persona", PERSONAS)
def test_actions_per_persona(client_for, organization, persona):
    text = client_for(persona).get(en(profile(organization))).text
    edit_url = f"/en/organizacje/{organization.slug}/edytuj/"
    claim_url = f"/en/organizacje/{organization.slug}/przejmij/"
    assert (edit_url in text) == (persona in EDITORS)
    if persona == "anonymous":
        assert "Log in to manage its profile" in text
        assert f"?next={claim_url}" in text
    elif persona == "representative":
        assert "You represent this organisation." in text
        assert f'href="{claim_url}"' not in text
    else:
        assert f'href="{claim_url}"' in text


def test_pending_claimant_sees_that_the_claim_waits(client_for, organization, pending_claim):
    text = client_for("resident").get(en(profile(organization))).text
    assert "Your request to represent this organisation awaits approval." in text
    assert "/przejmij/" not in text


def test_pending_profile_is_marked_and_not_indexed(client, submitter, pending_organization):
    client.force_login(submitter)
    response = client.get(en(profile(pending_organization)))
    assert "Awaiting approval" in response.text
    assert '<meta name="robots" content="noindex">' in response.text
    assert "application/ld+json" not in response.text
    assert f"/en/organizacje/{pending_organization.slug}/edytuj/" in response.text


def test_rejected_profile_shows_the_reason_to_its_submitter(
    client, submitter, pending_organization
):
    pending_organization.status = Organization.Status.REJECTED
    pending_organization.rejection_reason = "Numer KRS należy do innej organizacji."
    pending_organization.save()
    client.force_login(submitter)
    text = client.get(en(profile(pending_organization))).text
    assert "Numer KRS należy do innej organizacji." in text
    assert "Correct the profile and save it" in text


def test_moderator_sees_a_link_to_the_queue(client_for, pending_organization):
    text = client_for("coordinator").get(en(profile(pending_organization))).text
    assert 'href="/en/organizacje/moderacja/"' in text


def test_detail_query_count(client_for, full_profile, django_assert_max_num_queries):
    client = client_for("coordinator")
    with django_assert_max_num_queries(12):
        assert client.get(full_profile.get_absolute_url()).status_code == 200


def test_meta_description_comes_from_the_profile(client, organization):
    text = client.get(organization.get_absolute_url()).text
    match = re.search(r'<meta name="description" content="([^"]*)"', text)
    assert html.unescape(match.group(1)) == "Działamy na rzecz mieszkańców dzielnicy."
