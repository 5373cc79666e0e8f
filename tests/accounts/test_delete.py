import pytest
from allauth.account.models import EmailAddress
from django.contrib.sessions.models import Session
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import ProtectedError
from django.utils import translation

from pomyslowice.accounts.models import ApiToken, User
from pomyslowice.accounts.services import delete_account
from pomyslowice.accounts.tokens import create_api_token
from pomyslowice.core.audit import log_action
from pomyslowice.core.models import AuditLogEntry
from pomyslowice.organizations.models import Membership, Organization, Person, PersonConsent

from ..conftest import PASSWORD, PERSONAS, STAFF_PERSONAS, create_user
from .pages import assert_accessible_page

DELETE = "/en/konto/usun/"


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


def test_deletion_leaves_no_orphans(
    rich_account, organization, client_for, django_capture_on_commit_callbacks
):
    user_id, email = rich_account.pk, rich_account.email
    person_id = rich_account.person.pk
    before = rows_pointing_at(user_id)
    for table in ["account.EmailAddress.user", "accounts.ApiToken.user"]:
        assert before[table] == 1, table
    assert before["organizations.Membership.user"] == 1
    assert before["organizations.Person.user"] == 1
    assert before["organizations.Organization.submitted_by"] == 1
    assert before["core.AuditLogEntry.actor"] == 2  # token created + organisation changed
    organizations_before = Organization.objects.count()

    client = client_for("representative")
    session_key = client.session.session_key
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(DELETE, {"password": PASSWORD, "confirm": "on"})

    assert response.status_code == 302
    assert response.url == "/en/"
    assert not User.objects.filter(pk=user_id).exists()
    assert {table: count for table, count in rows_pointing_at(user_id).items() if count} == {}
    assert not EmailAddress.objects.filter(email=email).exists()
    assert not ApiToken.objects.exists()
    assert not PersonConsent.objects.filter(person_id=person_id).exists()
    assert not Person.areas.through.objects.filter(person_id=person_id).exists()
    assert not Person.organizations.through.objects.filter(person_id=person_id).exists()
    # Shared records stay, without the person.
    assert Organization.objects.count() == organizations_before
    organization.refresh_from_db()
    assert organization.submitted_by is None
    assert AuditLogEntry.objects.filter(
        verb="organizations.organization.changed", actor=None
    ).exists()
    # Logged out, and the session itself is gone.
    assert not Session.objects.filter(session_key=session_key).exists()
    assert "_auth_user_id" not in client.session


def test_deletion_is_logged_without_personal_data(rich_account, client_for):
    user_id = rich_account.pk
    client_for("representative").post(DELETE, {"password": PASSWORD, "confirm": "on"})
    entry = AuditLogEntry.objects.get(verb="accounts.user.deleted")
    assert entry.actor is None
    assert entry.data == {"user_id": user_id}
    assert entry.target_repr == ""
    # The approval of their membership is still in the log, but no longer names them.
    approval = AuditLogEntry.objects.get(verb="organizations.membership.approved")
    assert approval.target_repr == ""
    assert approval.actor is not None
    changed = AuditLogEntry.objects.get(verb="organizations.organization.changed")
    assert changed.target_repr == "Stowarzyszenie Przyjaciół Piasku"
    assert "Reprezentant" not in str(list(AuditLogEntry.objects.values()))


def test_deletion_sends_a_confirmation(users, client_for, django_capture_on_commit_callbacks):
    email = users["resident"].email
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for("resident").post(DELETE, {"password": PASSWORD, "confirm": "on"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [email]
    assert "has been deleted" in message.subject
    assert email in message.body


def test_goodbye_message_after_deletion(users, client_for):
    response = client_for("resident").post(
        DELETE, {"password": PASSWORD, "confirm": "on"}, follow=True
    )
    assert "Your account has been deleted" in response.content.decode()


@pytest.mark.parametrize(
    "data, field",
    [
        ({"password": "zle-haslo", "confirm": "on"}, "password"),
        ({"password": PASSWORD}, "confirm"),
        ({"confirm": "on"}, "password"),
    ],
)
def test_deletion_needs_password_and_checkbox(users, client_for, data, field):
    response = client_for("resident").post(DELETE, data)
    assert response.status_code == 200
    assert f'id="id_{field}_error"' in response.content.decode()
    assert_accessible_page(response)
    assert User.objects.filter(pk=users["resident"].pk).exists()
    assert not AuditLogEntry.objects.filter(verb="accounts.user.deleted").exists()


@pytest.mark.parametrize("persona", list(STAFF_PERSONAS))
def test_staff_deletion_is_refused(users, client_for, persona):
    response = client_for(persona).post(DELETE, {"password": PASSWORD, "confirm": "on"})
    assert response.status_code == 403
    assert "technical administrator" in response.content.decode()
    assert User.objects.filter(pk=users[persona].pk).exists()


def test_superuser_deletion_is_refused(db):
    root = create_user("root@example.org", is_superuser=True)
    with translation.override("en"), pytest.raises(ValidationError, match="staff role"):
        delete_account(user=root, by=root)
    assert User.objects.filter(pk=root.pk).exists()


def test_nobody_deletes_someone_else_without_permission(users):
    with pytest.raises(PermissionDenied):
        delete_account(user=users["resident"], by=users["technical_admin"])
    assert User.objects.filter(pk=users["resident"].pk).exists()


def test_superuser_may_delete_someone_else_and_is_named_in_the_log(users):
    root = create_user("root@example.org", is_superuser=True)
    delete_account(user=users["resident"], by=root)
    assert not User.objects.filter(email="mieszkaniec@example.org").exists()
    assert AuditLogEntry.objects.get(verb="accounts.user.deleted").actor == root


def test_protected_records_stop_deletion_with_a_message(users, client_for, monkeypatch):
    def protected_delete(self, *args, **kwargs):
        raise ProtectedError("kept by law", set())

    monkeypatch.setattr(User, "delete", protected_delete)
    response = client_for("resident").post(DELETE, {"password": PASSWORD, "confirm": "on"})
    assert response.status_code == 200
    assert "records the centre must keep" in response.content.decode()
    assert User.objects.filter(pk=users["resident"].pk).exists()
    assert not AuditLogEntry.objects.filter(verb="accounts.user.deleted").exists()
