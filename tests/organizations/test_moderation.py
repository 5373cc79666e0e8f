"""Moderation end to end: registration -> queue -> decision -> e-mails -> the person's pages."""

import re

from pomyslowice.core.models import AuditLogEntry
from pomyslowice.organizations.models import Membership, Organization

from .conftest import en, profile, registration_data

QUEUE = en("/organizacje/moderacja/")


def test_registration_approved_end_to_end(client_for, users, area, mail_on_commit):
    resident, coordinator = client_for("resident"), client_for("coordinator")

    with mail_on_commit():
        resident.post(en("/organizacje/zglos/"), registration_data(area))
    org = Organization.objects.get(name="Stowarzyszenie Nowe Łąki")
    to_staff = [m for m in mail_on_commit.outbox if m.to == [users["coordinator"].email]]
    assert len(to_staff) == 1
    assert "/organizacje/moderacja/" in to_staff[0].body
    assert "mieszkaniec@example.org" in to_staff[0].body

    # Not public yet.
    assert client_for("anonymous").get(profile(org)).status_code == 404
    assert "Stowarzyszenie Nowe Łąki" not in client_for("anonymous").get("/organizacje/").text
    assert "Awaiting approval" in resident.get(en("/moje/")).text

    queue = coordinator.get(QUEUE).text
    assert "Organisations awaiting approval (1)" in queue
    assert "Stowarzyszenie Nowe Łąki" in queue
    assert f'action="/en/organizacje/moderacja/organizacje/{org.slug}/zatwierdz/"' in queue

    mail_on_commit.outbox.clear()
    with mail_on_commit():
        response = coordinator.post(f"/en/organizacje/moderacja/organizacje/{org.slug}/zatwierdz/")
    assert response.url == QUEUE
    assert "Stowarzyszenie Nowe Łąki is published." in coordinator.get(QUEUE).text

    org.refresh_from_db()
    assert org.status == Organization.Status.PUBLISHED
    assert Membership.objects.get(organization=org, user=users["resident"]).status == "active"
    (approval,) = mail_on_commit.outbox
    assert approval.to == [users["resident"].email]
    assert f"/organizacje/{org.slug}/" in approval.body

    assert "Stowarzyszenie Nowe Łąki" in client_for("anonymous").get("/organizacje/").text
    my_page = resident.get(en("/moje/")).text
    assert f'href="/en/organizacje/{org.slug}/edytuj/"' in my_page
    assert resident.get(en(profile(org, "edytuj/"))).status_code == 200
    assert "Organisations awaiting approval (0)" in coordinator.get(QUEUE).text


def test_registration_rejected_end_to_end(
    client_for, users, submitter, pending_organization, mail_on_commit
):
    coordinator = client_for("coordinator")
    reject_url = en(f"/organizacje/moderacja/organizacje/{pending_organization.slug}/odrzuc/")

    response = coordinator.post(reject_url, {"reason": "  "})
    assert response.status_code == 400
    assert "This field is required." in response.text
    pending_organization.refresh_from_db()
    assert pending_organization.status == Organization.Status.PENDING

    assert coordinator.get(reject_url).status_code == 200  # the form also works as a page

    with mail_on_commit():
        response = coordinator.post(reject_url, {"reason": "KRS należy do innej fundacji."})
    assert response.status_code == 302
    pending_organization.refresh_from_db()
    assert pending_organization.status == Organization.Status.REJECTED
    (message,) = mail_on_commit.outbox
    assert message.to == [submitter.email]
    assert "KRS należy do innej fundacji." in message.body
    assert f"/organizacje/{pending_organization.slug}/edytuj/" in message.body

    client = client_for("anonymous")
    client.force_login(submitter)
    my_page = client.get(en("/moje/")).text
    assert "Rejected" in my_page
    assert "KRS należy do innej fundacji." in my_page
    assert "Correct and send again" in my_page

    again = coordinator.post(reject_url, {"reason": "Drugi raz"})
    assert again.status_code == 302
    assert "Only an organisation awaiting approval can be rejected." in coordinator.get(QUEUE).text


def test_claim_rejected_then_approved(client_for, users, organization, mail_on_commit):
    volunteer, caretaker = client_for("volunteer"), client_for("ngo_caretaker")

    with mail_on_commit():
        volunteer.post(en(profile(organization, "przejmij/")), {"message": "Jestem sekretarzem."})
    claim = Membership.objects.get(user=users["volunteer"], organization=organization)
    assert {m.to[0] for m in mail_on_commit.outbox} == {
        users["coordinator"].email,
        users["ngo_caretaker"].email,
    }

    queue = caretaker.get(QUEUE).text
    assert "Requests to represent an organisation (1)" in queue
    assert "Jestem sekretarzem." in queue
    assert "wolontariusz@example.org" in queue

    mail_on_commit.outbox.clear()
    with mail_on_commit():
        caretaker.post(
            en(f"/organizacje/moderacja/przejecia/{claim.pk}/odrzuc/"),
            {"reason": "Proszę o skan uchwały."},
        )
    claim.refresh_from_db()
    assert claim.status == Membership.Status.REJECTED
    assert "Proszę o skan uchwały." in mail_on_commit.outbox[0].body
    my_page = volunteer.get(en("/moje/")).text
    assert "Proszę o skan uchwały." in my_page
    assert volunteer.get(en(profile(organization, "edytuj/"))).status_code == 403

    claim_page = volunteer.get(en(profile(organization, "przejmij/"))).text
    assert "Your previous request was rejected." in claim_page
    volunteer.post(en(profile(organization, "przejmij/")), {"message": "Załączam uchwałę."})
    claim.refresh_from_db()
    assert (claim.status, claim.message) == ("pending", "Załączam uchwałę.")

    mail_on_commit.outbox.clear()
    with mail_on_commit():
        caretaker.post(en(f"/organizacje/moderacja/przejecia/{claim.pk}/zatwierdz/"))
    claim.refresh_from_db()
    assert claim.status == Membership.Status.ACTIVE
    assert mail_on_commit.outbox[0].to == [users["volunteer"].email]
    assert volunteer.get(en(profile(organization, "edytuj/"))).status_code == 200
    verbs = set(AuditLogEntry.objects.for_object(claim).values_list("verb", flat=True))
    assert verbs == {
        "organizations.membership.claimed",
        "organizations.membership.rejected",
        "organizations.membership.approved",
    }


def test_claim_without_a_message_is_refused(client_for, users, organization):
    response = client_for("resident").post(en(profile(organization, "przejmij/")), {"message": ""})
    assert response.status_code == 200
    assert "This field is required." in response.text
    assert not Membership.objects.filter(user=users["resident"]).exists()


def test_claim_reject_without_reason(client_for, pending_claim):
    response = client_for("coordinator").post(
        en(f"/organizacje/moderacja/przejecia/{pending_claim.pk}/odrzuc/"), {"reason": ""}
    )
    assert response.status_code == 400
    pending_claim.refresh_from_db()
    assert pending_claim.status == Membership.Status.PENDING


def test_queue_forms_have_unique_labelled_fields(client_for, pending_organization, pending_claim):
    text = client_for("coordinator").get(QUEUE).text
    ids = re.findall(r'<textarea[^>]*id="([^"]+)"', text)
    assert len(ids) == len(set(ids)) == 2
    for field_id in ids:
        assert f'<label for="{field_id}"' in text
    assert text.count("<h1") == 1


def test_caretaker_assignment_from_the_profile(client_for, users, organization, mail_on_commit):
    coordinator = client_for("coordinator")
    with mail_on_commit():
        response = coordinator.post(
            en(profile(organization, "opiekun/")), {"caretaker": users["ngo_caretaker"].pk}
        )
    assert response.url == f"/en/organizacje/{organization.slug}/"
    organization.refresh_from_db()
    assert organization.caretaker == users["ngo_caretaker"]
    assert mail_on_commit.outbox[0].to == [users["ngo_caretaker"].email]
    page = coordinator.get(response.url).text
    assert "Caretaker saved." in page
    assert "ngo-caretaker@example.org" in page


def test_caretaker_must_be_chosen_from_staff(client_for, users, organization):
    coordinator = client_for("coordinator")
    response = coordinator.post(
        en(profile(organization, "opiekun/")), {"caretaker": users["resident"].pk}
    )
    organization.refresh_from_db()
    assert organization.caretaker is None
    assert "Choose a member of the staff" in coordinator.get(response.url).text
