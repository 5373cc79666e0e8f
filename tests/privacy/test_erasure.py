"""Erasure: the self-service "delete my account" page (/konto/usun/) and erase_person."""

import pytest
from allauth.account.models import EmailAddress
from django.contrib.sessions.models import Session
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import ProtectedError
from django.utils import translation

from pomyslowice.accounts.models import ApiToken, User
from pomyslowice.accounts.tokens import create_api_token
from pomyslowice.core.audit import log_action
from pomyslowice.core.models import AuditLogEntry
from pomyslowice.organizations.models import Membership, Organization, Person, PersonConsent
from pomyslowice.privacy import registry
from pomyslowice.privacy.erasure import erase_person, preview_erasure
from pomyslowice.privacy.models import ConsentRecord, DataRequest, ErasureRecord
from pomyslowice.privacy.registry import Subject, email_digest

from ..accounts.pages import assert_accessible_page
from ..conftest import PASSWORD, PERSONAS, STAFF_PERSONAS, create_user
from .helpers import KEPT_WHY, consent, notes_source

DELETE = "/en/konto/usun/"
CONFIRMED = {"password": PASSWORD, "confirm": "on"}


@pytest.fixture
def notes(monkeypatch, users):
    store = {
        users["resident"].email: ["Zapytanie o lokal"],
        "gosc@example.org": ["Notatka o gościu"],
    }
    monkeypatch.setitem(registry._sources, "tests.notes", notes_source(store))
    return store


def rows_pointing_at(user_id: int) -> dict[str, int]:
    """Every row of every table with a foreign key or many-to-many link to users."""
    counts = {}
    relations = [
        field
        for field in User._meta.get_fields(include_hidden=True)
        if field.auto_created and field.is_relation and not field.concrete
    ]
    for relation in relations:
        model = relation.related_model
        if relation.many_to_many:
            model = relation.field.remote_field.through
            column = relation.field.m2m_reverse_field_name()
        else:
            column = relation.field.name
        counts[f"{model._meta.label}.{column}"] = model.objects.filter(**{column: user_id}).count()
    for field in User._meta.many_to_many:
        through = field.remote_field.through
        column = field.m2m_field_name()
        counts[f"{through._meta.label}.{column}"] = through.objects.filter(
            **{column: user_id}
        ).count()
    return counts


@pytest.fixture
def rich_account(users, organization, area):
    """A representative with something in every table an account can reach."""
    user = users["representative"]
    membership = Membership.objects.get(user=user)
    organization.submitted_by = user
    organization.save(update_fields=["submitted_by"])
    person = Person.objects.create(
        user=user, full_name="Piotr Reprezentant", slug="piotr-reprezentant", email=user.email
    )
    person.areas.add(area)
    person.organizations.add(organization)
    PersonConsent.objects.create(person=person, field=PersonConsent.Field.NAME, given_via="test")
    create_api_token(user=user, name="Skrypt")
    consent(user=user)
    DataRequest.objects.create(
        kind=DataRequest.Kind.ACCESS, requester_name="Piotr", requester_email=user.email, user=user
    )
    log_action(actor=user, verb="organizations.organization.changed", target=organization)
    log_action(
        actor=users["coordinator"], verb="organizations.membership.approved", target=membership
    )
    return user


@pytest.mark.parametrize("persona", PERSONAS)
def test_every_persona_on_the_delete_page(client_for, persona):
    response = client_for(persona).get(DELETE)
    if persona == "anonymous":
        assert response.status_code == 302
        assert response.url.startswith("/en/konto/login/")
        return
    assert response.status_code == 200
    assert_accessible_page(response, title="Delete account")
    html = response.content.decode()
    if persona in STAFF_PERSONAS:
        assert "technical administrator" in html
        assert 'name="password"' not in html
    else:
        assert 'name="password"' in html and 'name="confirm"' in html
        assert "What will be erased" in html and "What will be kept" in html


def test_the_page_previews_what_is_kept_and_changes_nothing(users, client_for, notes):
    before = AuditLogEntry.objects.count()
    html = client_for("resident").get(DELETE).content.decode()
    assert "Invoice 7/2026" in html and KEPT_WHY in html
    assert "Test notes: 1" in " ".join(html.split())
    assert User.objects.filter(pk=users["resident"].pk).exists()
    assert notes[users["resident"].email] == ["Zapytanie o lokal"]
    assert AuditLogEntry.objects.count() == before
    assert not ErasureRecord.objects.exists()


def test_preview_leaves_the_user_usable(users):
    user = users["resident"]
    preview_erasure(subject=Subject.for_user(user), by=user)
    user.refresh_from_db()
    assert user.pk and EmailAddress.objects.filter(user=user).exists()


def test_deletion_leaves_no_orphans(
    rich_account, organization, client_for, django_capture_on_commit_callbacks
):
    user_id, email = rich_account.pk, rich_account.email
    person_id = rich_account.person.pk
    before = rows_pointing_at(user_id)
    for table in ["account.EmailAddress.user", "accounts.ApiToken.user"]:
        assert before[table] == 1, table
    assert before["privacy.ConsentRecord.user"] == 1
    assert before["privacy.DataRequest.user"] == 1
    organizations_before = Organization.objects.count()

    client = client_for("representative")
    session_key = client.session.session_key
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(DELETE, CONFIRMED)

    assert response.status_code == 200
    assert not User.objects.filter(pk=user_id).exists()
    assert {table: count for table, count in rows_pointing_at(user_id).items() if count} == {}
    assert not EmailAddress.objects.filter(email=email).exists()
    assert not ApiToken.objects.exists()
    assert not ConsentRecord.objects.exists()
    assert not PersonConsent.objects.filter(person_id=person_id).exists()
    assert not Person.objects.filter(pk=person_id).exists()
    # The request is kept (the centre must show how it answered), without the account.
    assert DataRequest.objects.get().user is None
    assert Organization.objects.count() == organizations_before
    organization.refresh_from_db()
    assert organization.submitted_by is None
    assert not Session.objects.filter(session_key=session_key).exists()
    assert "_auth_user_id" not in client.session


def test_erasure_is_logged_without_personal_data(rich_account, client_for):
    user_id = rich_account.pk
    client_for("representative").post(DELETE, CONFIRMED)

    record = ErasureRecord.objects.get()
    assert record.reason == ErasureRecord.Reason.SELF_SERVICE
    assert record.user_id_erased == user_id
    assert record.email_digest == email_digest("przedstawiciel@example.org")
    assert record.by is None
    by_source = {part["source"]: part for part in record.summary}
    assert by_source["accounts.account"]["erased"] >= 3  # account, address, token
    assert by_source["privacy.consents"]["erased"] == 1
    assert len(by_source["privacy.requests"]["kept"]) == 1

    erased = AuditLogEntry.objects.get(verb="privacy.person.erased")
    assert erased.actor is None
    assert erased.data["reason"] == "self-service"
    deleted = AuditLogEntry.objects.get(verb="accounts.user.deleted")
    assert deleted.data == {"user_id": user_id}
    approval = AuditLogEntry.objects.get(verb="organizations.membership.approved")
    assert approval.target_repr == ""
    changed = AuditLogEntry.objects.get(verb="organizations.organization.changed")
    assert changed.target_repr == "Stowarzyszenie Przyjaciół Piasku"
    everything = str(list(AuditLogEntry.objects.values())) + str(record.summary)
    assert "Reprezentant" not in everything
    assert "przedstawiciel@example.org" not in everything


def test_confirmation_lists_what_was_kept(
    users, client_for, notes, django_capture_on_commit_callbacks
):
    email = users["resident"].email
    users["resident"].language = "en"
    users["resident"].save(update_fields=["language"])
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for("resident").post(DELETE, CONFIRMED)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Your account has been deleted" in html
    assert "Invoice 7/2026" in html and KEPT_WHY in html
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [email]
    assert "has been erased" in message.subject
    assert email in message.body
    assert "Invoice 7/2026" in message.body and KEPT_WHY in message.body
    assert email not in notes


def test_confirmation_goes_in_the_persons_language(
    users, client_for, django_capture_on_commit_callbacks
):
    users["resident"].language = "en"
    users["resident"].save(update_fields=["language"])
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for("resident").post("/konto/usun/", CONFIRMED)  # a Polish page
    assert response.status_code == 200
    assert "has been erased" in mail.outbox[0].subject


@pytest.mark.parametrize(
    "data, field",
    [
        ({"password": "zle-haslo", "confirm": "on"}, "password"),
        ({"password": PASSWORD}, "confirm"),
        ({"confirm": "on"}, "password"),
    ],
)
def test_deletion_needs_password_and_checkbox(users, client_for, notes, data, field):
    response = client_for("resident").post(DELETE, data)
    assert response.status_code == 400
    assert f'id="id_{field}_error"' in response.content.decode()
    assert_accessible_page(response)
    assert User.objects.filter(pk=users["resident"].pk).exists()
    assert notes[users["resident"].email]
    assert not ErasureRecord.objects.exists()
    assert not AuditLogEntry.objects.filter(verb="accounts.user.deleted").exists()


@pytest.mark.parametrize("persona", list(STAFF_PERSONAS))
def test_staff_deletion_is_refused(users, client_for, persona):
    response = client_for(persona).post(DELETE, CONFIRMED)
    assert response.status_code == 403
    assert "technical administrator" in response.content.decode()
    assert User.objects.filter(pk=users[persona].pk).exists()
    assert not ErasureRecord.objects.exists()


def test_superuser_erasure_is_refused(db):
    root = create_user("root@example.org", is_superuser=True)
    with translation.override("en"), pytest.raises(ValidationError, match="staff role"):
        erase_person(subject=Subject.for_user(root), by=None, reason="retention")
    assert User.objects.filter(pk=root.pk).exists()


@pytest.mark.parametrize("persona", ["technical_admin", "analyst", "representative"])
def test_nobody_erases_someone_else_without_permission(users, persona):
    with pytest.raises(PermissionDenied):
        erase_person(
            subject=Subject.for_user(users["resident"]), by=users[persona], reason="request"
        )
    assert User.objects.filter(pk=users["resident"].pk).exists()
    assert not ErasureRecord.objects.exists()


def test_coordinator_erases_someone_and_is_named(users, notes, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        record = erase_person(
            subject=Subject.for_user(users["resident"]), by=users["coordinator"], reason="request"
        )
    assert users["resident"].email not in notes
    assert not User.objects.filter(email="mieszkaniec@example.org").exists()
    assert record.by == users["coordinator"]
    assert AuditLogEntry.objects.get(verb="privacy.person.erased").actor == users["coordinator"]
    assert AuditLogEntry.objects.get(verb="accounts.user.deleted").actor == users["coordinator"]


def test_retention_erases_a_guest_without_an_actor(db, notes, django_capture_on_commit_callbacks):
    consent(email="gosc@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        record = erase_person(
            subject=Subject.for_email("Gosc@Example.org"), by=None, reason="retention"
        )
    assert "gosc@example.org" not in notes
    assert not ConsentRecord.objects.exists()
    assert record.user_id_erased is None and record.by is None
    assert record.email_digest == email_digest("gosc@example.org")
    assert mail.outbox[0].to == ["gosc@example.org"]
    # Idempotent: a second erasure finds nothing left.
    again = erase_person(subject=Subject.for_email("gosc@example.org"), by=None, reason="retention")
    assert sum(part["erased"] for part in again.summary) == 0


def test_protected_records_stop_deletion_with_a_message(users, client_for, notes, monkeypatch):
    def protected_delete(self, *args, **kwargs):
        raise ProtectedError("kept by law", set())

    monkeypatch.setattr(User, "delete", protected_delete)
    response = client_for("resident").post(DELETE, CONFIRMED)
    assert response.status_code == 400
    assert "records the centre must keep" in response.content.decode()
    assert User.objects.filter(pk=users["resident"].pk).exists()
    assert notes[users["resident"].email]
    assert not ErasureRecord.objects.exists()
    assert not AuditLogEntry.objects.filter(verb="accounts.user.deleted").exists()
