import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from pomyslowice.core.models import AuditLogEntry
from pomyslowice.organizations import services
from pomyslowice.organizations.models import Membership, Organization
from tests.conftest import create_user, make_organization

from .conftest import NIP, OTHER_NIP, REGON, image_bytes, service_data


def verbs(target) -> list[str]:
    return list(AuditLogEntry.objects.for_object(target).values_list("verb", flat=True))


# --- registration ----------------------------------------------------------------------------


def test_register_creates_a_pending_profile_with_clean_data(users, area, mail_on_commit):
    resident = users["resident"]
    data = service_data(
        area,
        nip=f"PL {NIP[:3]}-{NIP[3:6]}-{NIP[6:8]}-{NIP[8:]}",
        krs="0000 123 456",
        postal_code="41400",
    )
    with mail_on_commit():
        org = services.register_organization(data=data, by=resident)

    org.refresh_from_db()
    assert org.status == Organization.Status.PENDING
    assert org.submitted_by == resident
    assert org.published_at is None
    assert (org.krs, org.nip, org.regon, org.postal_code) == ("0000123456", NIP, REGON, "41-400")
    assert org.slug == "stowarzyszenie-nowe-laki"
    assert list(org.areas.all()) == [area]
    assert not Membership.objects.filter(organization=org).exists()  # only after approval
    assert verbs(org) == ["organizations.organization.registered"]

    recipients = sorted(message.to[0] for message in mail_on_commit.outbox)
    assert recipients == sorted(
        [resident.email, users["coordinator"].email, users["ngo_caretaker"].email]
    )
    acknowledgement = next(m for m in mail_on_commit.outbox if m.to == [resident.email])
    assert "Stowarzyszenie Nowe Łąki" in acknowledgement.subject
    assert "/organizacje/stowarzyszenie-nowe-laki/" in acknowledgement.body
    assert "&" not in acknowledgement.body  # plain text, not HTML-escaped


def test_registration_e_mail_is_plain_text(users, mail_on_commit):
    with mail_on_commit():
        services.register_organization(
            data=service_data(name="Koło Gospodyń & Gospodarzy", krs=None, nip=None, regon=None),
            by=users["resident"],
        )
    bodies = [message.body for message in mail_on_commit.outbox]
    assert all("Koło Gospodyń & Gospodarzy" in body and "&amp;" not in body for body in bodies)


@pytest.mark.parametrize(
    "dangerous, kept",
    [
        ("<p>Hej</p><script>alert('x')</script>", "<p>Hej</p>"),
        ('<p><img src=x onerror="alert(1)">Tekst</p>', "<p>Tekst</p>"),
        ('<p><a href="javascript:alert(1)">link</a></p>', "<p><a"),
        ('<p onclick="alert(1)" style="color:red">Tekst</p>', "<p>Tekst</p>"),
    ],
)
def test_description_is_sanitised(users, dangerous, kept):
    org = services.register_organization(
        data=service_data(description=dangerous), by=users["resident"]
    )
    org.refresh_from_db()
    assert kept in org.description
    for bad in ("<script", "onerror", "javascript:", "onclick", "style="):
        assert bad not in org.description


@pytest.mark.parametrize(
    "name, slug",
    [
        ("Zgłoś", "zglos-2"),
        ("Moderacja", "moderacja-2"),
        ("Fundacja Źródło Łąk", "fundacja-zrodlo-lak"),
        ("!!!", "organizacja"),
    ],
)
def test_slugs_are_ascii_and_avoid_reserved_words(users, name, slug):
    org = services.register_organization(
        data=service_data(name=name, krs=None, nip=None, regon=None), by=users["resident"]
    )
    assert org.slug == slug


def test_slugs_are_numbered_when_taken(users):
    make_organization("Stowarzyszenie Nowe Laki")  # slug "stowarzyszenie-nowe-laki"
    data = service_data(krs=None, nip=None, regon=None)
    first = services.register_organization(data=data, by=users["resident"])
    second = services.register_organization(data=data, by=users["resident"])
    assert (first.slug, second.slug) == ("stowarzyszenie-nowe-laki-2", "stowarzyszenie-nowe-laki-3")


@pytest.mark.parametrize("field, value", [("krs", "0000555666"), ("nip", OTHER_NIP)])
def test_duplicate_identifiers_name_the_existing_organisation(users, field, value):
    make_organization("Fundacja Istniejąca", **{field: value})
    with pytest.raises(ValidationError) as excinfo:
        services.register_organization(data=service_data(**{field: value}), by=users["resident"])
    assert field in excinfo.value.error_dict
    assert "Fundacja Istniejąca" in excinfo.value.message_dict[field][0]
    assert not Organization.objects.filter(name="Stowarzyszenie Nowe Łąki").exists()


def test_a_duplicate_saved_concurrently_is_a_validation_error(users, monkeypatch):
    """Two registrations of the same KRS pass validation at once; the database stops the second."""
    make_organization("Fundacja Szybsza", krs="0000123456")
    real_check = services.duplicate_identifier_errors
    calls = []

    def check_that_misses_the_first_time(**kwargs):
        calls.append(kwargs)
        return {} if len(calls) == 1 else real_check(**kwargs)

    monkeypatch.setattr(services, "duplicate_identifier_errors", check_that_misses_the_first_time)
    with pytest.raises(ValidationError) as excinfo:
        services.register_organization(data=service_data(), by=users["resident"])
    assert "Fundacja Szybsza" in excinfo.value.message_dict["krs"][0]
    assert Organization.objects.filter(krs="0000123456").count() == 1


@pytest.mark.parametrize(
    "field, value",
    [("krs", "123"), ("nip", "1234567890"), ("regon", "123456789"), ("facebook", "https://x.pl/")],
)
def test_service_validates_on_its_own(users, field, value):
    with pytest.raises(ValidationError) as excinfo:
        services.register_organization(data=service_data(**{field: value}), by=users["resident"])
    assert field in excinfo.value.error_dict
    assert not Organization.objects.filter(submitted_by=users["resident"]).exists()


def test_service_rejects_a_non_image_logo(users):
    fake = SimpleUploadedFile("logo.png", b"not an image")
    with pytest.raises(ValidationError) as excinfo:
        services.register_organization(data=service_data(logo=fake), by=users["resident"])
    assert "logo" in excinfo.value.error_dict


def test_unknown_fields_are_a_programming_error(users):
    with pytest.raises(TypeError):
        services.register_organization(data=service_data(status="published"), by=users["resident"])


# --- approval and rejection --------------------------------------------------------------------


def test_approve_publishes_and_makes_the_submitter_a_representative(
    users, pending_organization, submitter, mail_on_commit
):
    with mail_on_commit():
        services.approve_organization(organization=pending_organization, by=users["coordinator"])
    pending_organization.refresh_from_db()
    assert pending_organization.status == Organization.Status.PUBLISHED
    assert pending_organization.published_at is not None
    membership = Membership.objects.get(organization=pending_organization, user=submitter)
    assert membership.status == Membership.Status.ACTIVE
    assert membership.decided_by == users["coordinator"]
    assert verbs(pending_organization) == ["organizations.organization.approved"]
    assert verbs(membership) == ["organizations.membership.approved"]
    (message,) = mail_on_commit.outbox
    assert message.to == [submitter.email]
    assert pending_organization.get_absolute_url() in message.body


def test_approve_only_pending(users, organization):
    with pytest.raises(ValidationError):
        services.approve_organization(organization=organization, by=users["coordinator"])


def test_reject_needs_a_reason_and_tells_the_submitter(
    users, pending_organization, submitter, mail_on_commit
):
    with pytest.raises(ValidationError) as excinfo:
        services.reject_organization(
            organization=pending_organization, by=users["coordinator"], reason="   "
        )
    assert "reason" in excinfo.value.error_dict
    pending_organization.refresh_from_db()
    assert pending_organization.status == Organization.Status.PENDING

    with mail_on_commit():
        services.reject_organization(
            organization=pending_organization,
            by=users["coordinator"],
            reason="Brak wpisu w KRS o tym numerze.",
        )
    pending_organization.refresh_from_db()
    assert pending_organization.status == Organization.Status.REJECTED
    assert pending_organization.rejection_reason == "Brak wpisu w KRS o tym numerze."
    assert not Membership.objects.filter(organization=pending_organization).exists()
    entry = AuditLogEntry.objects.for_object(pending_organization).get()
    assert entry.verb == "organizations.organization.rejected"
    assert entry.data == {"reason": "Brak wpisu w KRS o tym numerze."}
    (message,) = mail_on_commit.outbox
    assert message.to == [submitter.email]
    assert "Brak wpisu w KRS o tym numerze." in message.body


# --- editing ---------------------------------------------------------------------------------


def test_update_logs_changed_fields_and_is_live(users, organization, area):
    slug = organization.slug
    services.update_organization(
        organization=organization,
        by=users["representative"],
        changes={
            "name": "Stowarzyszenie Przyjaciół Piasku i Okolic",
            "phone": "32 111 22 33",
            "description": organization.description,
            "areas": [area],
        },
    )
    organization.refresh_from_db()
    assert organization.name == "Stowarzyszenie Przyjaciół Piasku i Okolic"
    assert organization.slug == slug  # addresses stay stable
    assert organization.status == Organization.Status.PUBLISHED
    entry = AuditLogEntry.objects.for_object(organization).get()
    assert entry.verb == "organizations.organization.updated"
    assert entry.actor == users["representative"]
    assert entry.data == {"fields": ["name", "phone"]}


def test_update_without_changes_logs_nothing(users, organization):
    services.update_organization(
        organization=organization, by=users["representative"], changes={"name": organization.name}
    )
    assert verbs(organization) == []


def test_update_sanitises_description(users, organization):
    services.update_organization(
        organization=organization,
        by=users["representative"],
        changes={"description": '<p>OK</p><script>alert(1)</script><a href="javascript:x">a</a>'},
    )
    organization.refresh_from_db()
    assert "<script" not in organization.description
    assert "javascript:" not in organization.description
    assert organization.description.startswith("<p>OK</p>")


def test_update_cannot_take_another_organisations_krs(users, organization, other_organization):
    other_organization.krs = "0000777888"
    other_organization.save()
    with pytest.raises(ValidationError) as excinfo:
        services.update_organization(
            organization=organization, by=users["representative"], changes={"krs": "0000777888"}
        )
    assert "Fundacja Ławki Razem" in excinfo.value.message_dict["krs"][0]


def test_replacing_and_clearing_the_logo_removes_old_files(
    users, organization, django_capture_on_commit_callbacks
):
    first = SimpleUploadedFile("logo.png", image_bytes("PNG"))
    services.update_organization(
        organization=organization, by=users["representative"], changes={"logo": first}
    )
    organization.refresh_from_db()
    first_name = organization.logo.name
    storage = organization.logo.storage
    assert storage.exists(first_name)

    with django_capture_on_commit_callbacks(execute=True):
        services.update_organization(
            organization=organization,
            by=users["representative"],
            changes={"logo": SimpleUploadedFile("nowe.webp", image_bytes("WEBP"))},
        )
    organization.refresh_from_db()
    assert organization.logo.name.endswith(".webp")
    assert not storage.exists(first_name)

    second_name = organization.logo.name
    with django_capture_on_commit_callbacks(execute=True):
        services.update_organization(
            organization=organization, by=users["representative"], changes={"logo": False}
        )
    organization.refresh_from_db()
    assert not organization.logo
    assert not storage.exists(second_name)


def test_submitter_correcting_a_rejected_registration_resubmits_it(
    users, pending_organization, submitter, mail_on_commit
):
    services.reject_organization(
        organization=pending_organization, by=users["coordinator"], reason="Zły KRS."
    )
    with mail_on_commit():
        services.update_organization(
            organization=pending_organization, by=submitter, changes={"krs": "0000999887"}
        )
    pending_organization.refresh_from_db()
    assert pending_organization.status == Organization.Status.PENDING
    assert pending_organization.rejection_reason == ""
    assert "organizations.organization.resubmitted" in verbs(pending_organization)
    assert {m.to[0] for m in mail_on_commit.outbox} == {
        users["coordinator"].email,
        users["ngo_caretaker"].email,
    }


def test_staff_editing_a_rejected_registration_does_not_resubmit_it(users, pending_organization):
    services.reject_organization(
        organization=pending_organization, by=users["coordinator"], reason="Zły KRS."
    )
    services.update_organization(
        organization=pending_organization, by=users["ngo_caretaker"], changes={"city": "Katowice"}
    )
    pending_organization.refresh_from_db()
    assert pending_organization.status == Organization.Status.REJECTED


# --- claims ----------------------------------------------------------------------------------


def test_claim_creates_a_pending_membership_and_tells_moderators(
    users, organization, mail_on_commit
):
    with mail_on_commit():
        membership = services.claim_organization(
            organization=organization, user=users["volunteer"], message="Jestem skarbnikiem."
        )
    assert membership.status == Membership.Status.PENDING
    assert membership.message == "Jestem skarbnikiem."
    assert verbs(membership) == ["organizations.membership.claimed"]
    assert {m.to[0] for m in mail_on_commit.outbox} == {
        users["coordinator"].email,
        users["ngo_caretaker"].email,
    }
    assert all("Jestem skarbnikiem." in m.body for m in mail_on_commit.outbox)


def test_duplicate_claims_are_refused(users, organization, pending_claim):
    with pytest.raises(ValidationError):
        services.claim_organization(organization=organization, user=users["resident"], message="")
    with pytest.raises(ValidationError):
        services.claim_organization(
            organization=organization, user=users["representative"], message=""
        )
    assert Membership.objects.filter(organization=organization).count() == 2


def test_claiming_an_unpublished_organisation_is_refused(users, pending_organization):
    with pytest.raises(ValidationError):
        services.claim_organization(
            organization=pending_organization, user=users["resident"], message="Ja"
        )
    assert not Membership.objects.filter(organization=pending_organization).exists()


def test_approve_claim(users, pending_claim, mail_on_commit):
    with mail_on_commit():
        services.approve_claim(membership=pending_claim, by=users["ngo_caretaker"])
    pending_claim.refresh_from_db()
    assert pending_claim.status == Membership.Status.ACTIVE
    assert pending_claim.decided_by == users["ngo_caretaker"]
    assert pending_claim.decided_at is not None
    (message,) = mail_on_commit.outbox
    assert message.to == [users["resident"].email]
    with pytest.raises(ValidationError):
        services.approve_claim(membership=pending_claim, by=users["ngo_caretaker"])


def test_reject_claim_needs_a_reason_and_allows_a_new_claim(
    users, organization, pending_claim, mail_on_commit
):
    with pytest.raises(ValidationError):
        services.reject_claim(membership=pending_claim, by=users["coordinator"], reason="")
    with mail_on_commit():
        services.reject_claim(
            membership=pending_claim, by=users["coordinator"], reason="Nie ma Pani w zarządzie."
        )
    pending_claim.refresh_from_db()
    assert pending_claim.status == Membership.Status.REJECTED
    assert pending_claim.rejection_reason == "Nie ma Pani w zarządzie."
    assert "Nie ma Pani w zarządzie." in mail_on_commit.outbox[0].body

    again = services.claim_organization(
        organization=organization, user=users["resident"], message="Teraz jestem."
    )
    assert again.pk == pending_claim.pk
    assert (again.status, again.rejection_reason, again.decided_by) == ("pending", "", None)


# --- caretaker -------------------------------------------------------------------------------


def test_assign_caretaker(users, organization, mail_on_commit):
    caretaker = users["ngo_caretaker"]
    with mail_on_commit():
        services.assign_caretaker(
            organization=organization, caretaker=caretaker, by=users["coordinator"]
        )
    organization.refresh_from_db()
    assert organization.caretaker == caretaker
    entry = AuditLogEntry.objects.for_object(organization).get()
    assert entry.verb == "organizations.organization.caretaker_assigned"
    assert entry.data == {"caretaker": caretaker.pk, "previous": None}
    (message,) = mail_on_commit.outbox
    assert message.to == [caretaker.email]

    services.assign_caretaker(organization=organization, caretaker=caretaker, by=caretaker)
    assert AuditLogEntry.objects.for_object(organization).count() == 1  # nothing changed

    services.assign_caretaker(organization=organization, caretaker=None, by=caretaker)
    organization.refresh_from_db()
    assert organization.caretaker is None


@pytest.mark.parametrize("persona", ["resident", "representative", "volunteer"])
def test_caretaker_must_be_staff(users, organization, persona):
    with pytest.raises(ValidationError):
        services.assign_caretaker(
            organization=organization, caretaker=users[persona], by=users["coordinator"]
        )
    organization.refresh_from_db()
    assert organization.caretaker is None


def test_inactive_staff_cannot_be_caretaker(users, organization):
    former = create_user("byly@example.org", role="opiekun-organizacji", is_active=False)
    with pytest.raises(ValidationError):
        services.assign_caretaker(
            organization=organization, caretaker=former, by=users["coordinator"]
        )


def test_moderator_emails_are_those_with_the_permission(users):
    assert services.moderator_emails() == sorted(
        [users["coordinator"].email, users["ngo_caretaker"].email]
    )


def test_missing_identifiers_are_stored_empty(users):
    org = services.register_organization(
        data=service_data(krs="", nip=" ", regon="", postal_code=""), by=users["resident"]
    )
    org.refresh_from_db()
    assert (org.krs, org.nip, org.regon, org.postal_code) == (None, None, "", "")
    second = services.register_organization(
        data=service_data(name="Druga", krs="", nip="", regon=""), by=users["resident"]
    )
    assert second.krs is None  # many organisations may have no KRS number
