"""The agreement (porozumienie, art. 44): generated from the offer, versions under a lock, both
sides confirm the current one, the PDF with Polish letters."""

import io

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation
from pypdf import PdfReader

from pomyslowice.core.models import AuditLogEntry
from pomyslowice.volunteering import engagement_services as services
from pomyslowice.volunteering.agreement_pdf import agreement_pdf
from pomyslowice.volunteering.models import Agreement, Engagement
from tests.conftest import PERSONAS
from tests.events.test_registration_concurrency import race

from .conftest import make_offer, years_ago
from .engagement_helpers import days, make_engagement, reload

SEE = {"representative", "volunteer", "coordinator", "volunteer_caretaker"}


@pytest.fixture(autouse=True)
def in_english(settings):
    """Messages are checked in English: the Polish catalogue would answer otherwise."""
    settings.LANGUAGE_CODE = "en"
    with translation.override("en"):
        yield


@pytest.fixture
def host(users):
    return users["representative"]


@pytest.fixture
def engagement(organization, users):
    users["volunteer"].birth_date = years_ago(25)
    users["volunteer"].save(update_fields=["birth_date"])
    offer = make_offer(
        organization,
        "Sprzątanie zieleńców",
        tasks="Sprzątanie ścieżek i zieleńców\nPodlewanie rabat",
        schedule_note="w soboty 9:00–12:00",
        address="ul. Świerczyny 5, Mysłowice",
        covers_travel=True,
        starts_on=days(5),
        ends_on=days(64),
    )
    return make_engagement(offer, users["volunteer"])


def pdf_text(content: bytes) -> str:
    """The text of every page, with line breaks and runs of spaces as single spaces."""
    pages = PdfReader(io.BytesIO(content)).pages
    return " ".join(" ".join(page.extract_text() for page in pages).split())


def agreement_form(engagement, host, **changes) -> dict:
    data = services.agreement_defaults(engagement, by=host) | changes
    return {key: "" if value is None else str(value) for key, value in data.items()}


# --- generating and versions -------------------------------------------------------------------


def test_version_1_comes_from_the_application_and_the_offer(engagement, host, users):
    agreement = services.generate_agreement(engagement=engagement, by=host)

    assert agreement.version == 1
    assert agreement.scope == "Sprzątanie ścieżek i zieleńców\nPodlewanie rabat"
    assert "w soboty 9:00–12:00" in agreement.manner
    assert "ul. Świerczyny 5, Mysłowice" in agreement.manner
    assert (agreement.starts_on, agreement.ends_on) == (days(5), days(64))
    assert "Either side may end the agreement" in agreement.termination
    assert "reimburses the volunteer's travel costs" in agreement.travel_costs
    assert agreement.host_signatory == "Piotr Reprezentant"
    assert agreement.volunteer_name == "Wiktor Wolny"
    assert agreement.guardian_name == ""
    assert not agreement.is_confirmed
    assert AuditLogEntry.objects.filter(verb="volunteering.agreement.created").count() == 1
    with pytest.raises(ValidationError) as error:
        services.generate_agreement(engagement=engagement, by=host)
    assert error.value.code == "exists"


def test_the_engagements_travel_costs_go_into_the_agreement(engagement, host):
    services.record_safety_information(
        engagement=engagement,
        by=host,
        safety_information="Rękawice ochronne.",
        travel_costs="Zwrot biletów MZK do 50 zł miesięcznie.",
    )

    agreement = services.generate_agreement(engagement=reload(engagement), by=host)

    assert agreement.travel_costs == "Zwrot biletów MZK do 50 zł miesięcznie."


def test_a_change_is_a_new_version_and_needs_new_confirmations(engagement, host, users):
    first = services.generate_agreement(engagement=engagement, by=host)
    services.confirm_agreement(agreement=first, by=host, side="host")
    services.confirm_agreement(agreement=first, by=users["volunteer"], side="volunteer")

    data = services.agreement_defaults(engagement, by=host) | {"scope": "Tylko podlewanie"}
    second = services.save_agreement_version(engagement=engagement, by=host, **data)

    assert second.version == 2
    assert not second.is_confirmed
    assert Agreement.objects.get(pk=first.pk).is_confirmed  # the old version stays as it was
    assert services.current_agreement(reload(engagement)) == second
    item = services.checklist(reload(engagement))[0]
    assert (item.key, item.done) == ("agreement", False)
    with pytest.raises(ValidationError) as error:
        services.confirm_agreement(agreement=first, by=host, side="host")
    assert error.value.code == "outdated"


def test_a_side_confirms_once(engagement, host):
    agreement = services.generate_agreement(engagement=engagement, by=host)
    services.confirm_agreement(agreement=agreement, by=host, side="host")

    with pytest.raises(ValidationError) as error:
        services.confirm_agreement(agreement=agreement, by=host, side="host")

    assert error.value.code == "done"


@pytest.mark.django_db(transaction=True)
def test_concurrent_versions_get_distinct_numbers(engagement, host):
    data = services.agreement_defaults(engagement, by=host)

    outcomes = race(
        lambda i: (
            services.save_agreement_version(
                engagement=engagement, by=host, **data | {"scope": f"Wersja {i}"}
            ).version
        ),
        8,
    )

    assert sorted(outcomes) == list(range(1, 9))
    assert sorted(engagement.agreements.values_list("version", flat=True)) == list(range(1, 9))


# --- the PDF -----------------------------------------------------------------------------------


def test_the_pdf_carries_the_agreement_with_polish_letters(engagement, host, users):
    agreement = services.generate_agreement(engagement=engagement, by=host)
    services.confirm_agreement(agreement=agreement, by=host, side="host")

    text = pdf_text(agreement_pdf(Agreement.objects.get(pk=agreement.pk)))

    assert "Porozumienie o wykonywaniu świadczeń wolontariusza" in text
    assert "art. 44" in text
    assert "Stowarzyszenie Przyjaciół Piasku" in text
    assert "Piotr Reprezentant" in text
    assert "Wiktor Wolny" in text
    assert "Sprzątanie ścieżek i zieleńców" in text
    assert "ul. Świerczyny 5, Mysłowice" in text
    assert "Either side may end the agreement" in text
    assert "travel costs" in text
    assert "signature for the host" in text
    assert "Host: confirmed on the platform by Piotr Reprezentant" in text
    assert "Volunteer: not confirmed yet" in text


def test_the_pdf_names_the_guardian_below_13(organization, child, host):
    offer = make_offer(
        organization, "Czytanie w przedszkolu", min_age=10, starts_on=days(2), ends_on=days(3)
    )
    engagement = make_engagement(offer, child)
    data = services.agreement_defaults(engagement, by=host) | {"guardian_name": "Ewa Mała"}
    agreement = services.save_agreement_version(engagement=engagement, by=host, **data)

    text = pdf_text(agreement_pdf(agreement))

    assert "Zosia Mała" in text
    assert "legal guardian Ewa Mała" in text
    assert "legal guardian of the volunteer" in text


@pytest.mark.parametrize("persona", PERSONAS)
def test_who_may_download_the_pdf(client_for, engagement, host, persona):
    services.generate_agreement(engagement=engagement, by=host)
    url = reverse("volunteering:agreement_pdf", args=[engagement.pk, 1])

    response = client_for(persona).get(url)

    expected = 302 if persona == "anonymous" else 200 if persona in SEE else 404
    assert response.status_code == expected
    if expected == 200:
        assert response["Content-Type"] == "application/pdf"
        assert "Porozumienie" in pdf_text(response.content)


def test_an_unknown_version_is_a_404(client_for, engagement, host):
    services.generate_agreement(engagement=engagement, by=host)
    client = client_for("representative")

    assert (
        client.get(reverse("volunteering:agreement_pdf", args=[engagement.pk, 2])).status_code
        == 404
    )
    assert (
        client.get(reverse("volunteering:agreement_version", args=[engagement.pk, 2])).status_code
        == 404
    )


# --- the pages ---------------------------------------------------------------------------------


def test_the_host_prepares_version_1_on_the_agreement_page(client_for, engagement, host):
    client = client_for("representative")
    url = reverse("volunteering:agreement", args=[engagement.pk])

    page = client.get(url).content.decode()
    assert "Sprzątanie ścieżek i zieleńców" in page  # the form is filled in from the offer
    response = client.post(url, agreement_form(engagement, host, scope="Sprzątanie parku"))

    assert response.status_code == 302
    agreement = services.current_agreement(engagement)
    assert (agreement.version, agreement.scope) == (1, "Sprzątanie parku")


def test_the_volunteer_hears_of_each_new_version(
    client_for, engagement, host, users, settings, django_capture_on_commit_callbacks
):
    users["volunteer"].language = "en"
    users["volunteer"].save(update_fields=["language"])
    with django_capture_on_commit_callbacks(execute=True):
        client_for("representative").post(
            reverse("volunteering:agreement", args=[engagement.pk]),
            agreement_form(engagement, host),
        )

    (message,) = mail.outbox
    assert message.to == [users["volunteer"].email]
    assert "version 1" in message.subject
    assert f"{settings.SITE_URL}{engagement.get_absolute_url()}" in message.body


def test_an_ended_engagements_agreement_cannot_change(client_for, engagement, host):
    Engagement.objects.filter(pk=engagement.pk).update(status=Engagement.Status.FINISHED)
    url = reverse("volunteering:agreement", args=[engagement.pk])

    page = client_for("representative").get(url).content.decode()
    response = client_for("representative").post(url, agreement_form(engagement, host), follow=True)

    assert "Save version 1" not in page
    assert "its agreement can no longer change" in response.content.decode()
    assert not Agreement.objects.exists()


def test_a_past_start_is_refused_on_the_page(client_for, engagement, host):
    response = client_for("representative").post(
        reverse("volunteering:agreement", args=[engagement.pk]),
        agreement_form(engagement, host, starts_on=days(-3)),
    )

    assert response.status_code == 200
    assert "The agreement cannot start in the past" in response.content.decode()
    assert not Agreement.objects.exists()


def test_the_volunteer_reads_but_cannot_change_the_agreement(client_for, engagement, host):
    services.generate_agreement(engagement=engagement, by=host)
    client = client_for("volunteer")
    url = reverse("volunteering:agreement", args=[engagement.pk])

    page = client.get(url).content.decode()
    response = client.post(url, agreement_form(engagement, host, scope="Nic"))

    assert "Save as a new version" not in page
    assert response.status_code == 403
    assert engagement.agreements.count() == 1


def test_older_versions_stay_readable(client_for, engagement, host):
    services.generate_agreement(engagement=engagement, by=host)
    data = services.agreement_defaults(engagement, by=host) | {"scope": "Tylko podlewanie"}
    services.save_agreement_version(engagement=engagement, by=host, **data)
    client = client_for("volunteer")

    old = client.get(reverse("volunteering:agreement_version", args=[engagement.pk, 1]))
    new = client.get(reverse("volunteering:agreement_version", args=[engagement.pk, 2]))

    assert "Sprzątanie ścieżek i zieleńców" in old.content.decode()
    assert "This is an older version" in old.content.decode()
    assert "Tylko podlewanie" in new.content.decode()
    assert "This is an older version" not in new.content.decode()


def test_each_side_confirms_through_the_page(client_for, engagement, host):
    agreement = services.generate_agreement(engagement=engagement, by=host)
    url = reverse("volunteering:agreement_confirm", args=[engagement.pk, 1])

    forged = client_for("volunteer").post(url, {"side": "host"})
    assert forged.status_code == 403
    assert client_for("representative").post(url, {"side": "host"}).status_code == 302
    assert client_for("volunteer").post(url, {"side": "volunteer"}).status_code == 302
    assert client_for("representative_other_org").post(url, {"side": "host"}).status_code == 404

    assert Agreement.objects.get(pk=agreement.pk).is_confirmed
    assert client_for("volunteer").get(url).status_code == 405


def test_the_child_confirms_for_the_guardian_with_the_statement(organization, child, host):
    from django.test import Client

    offer = make_offer(
        organization, "Czytanie w przedszkolu", min_age=10, starts_on=days(2), ends_on=days(3)
    )
    engagement = make_engagement(offer, child)
    data = services.agreement_defaults(engagement, by=host) | {"guardian_name": "Ewa Mała"}
    agreement = services.save_agreement_version(engagement=engagement, by=host, **data)
    client = Client()
    client.force_login(child)
    url = reverse("volunteering:agreement_confirm", args=[engagement.pk, 1])

    page = client.get(engagement.get_absolute_url()).content.decode()
    without = client.post(url, {"side": "volunteer"}, follow=True)
    assert "on behalf of my legal guardian" in page
    assert "Confirm that your legal guardian concludes the agreement." in without.content.decode()
    assert not Agreement.objects.get(pk=agreement.pk).volunteer_confirmed_at

    client.post(url, {"side": "volunteer", "for_guardian": "on"})

    assert Agreement.objects.get(pk=agreement.pk).volunteer_confirmed_at
    entry = AuditLogEntry.objects.get(verb="volunteering.agreement.confirmed")
    assert entry.data["for_guardian"] is True
