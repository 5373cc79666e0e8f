import pytest
from django.contrib.auth.models import AnonymousUser, Group

from pomyslowice.accounts.permissions import can_delete_own_account, is_staff_member, role_names
from pomyslowice.accounts.roles import ROLE_LABELS, Role
from pomyslowice.core.models import AuditLogEntry

from ..conftest import PERSONAS, STAFF_PERSONAS, create_user
from .pages import assert_accessible_page

PROFILE = "/en/konto/"


@pytest.mark.parametrize("persona", PERSONAS)
def test_every_persona_on_the_profile_page(client_for, persona):
    response = client_for(persona).get(PROFILE)
    if persona == "anonymous":
        assert response.status_code == 302
        assert response.url.startswith("/en/konto/login/")
        return
    assert response.status_code == 200
    html = response.content.decode()
    assert_accessible_page(response, title="My account")
    for link in ["/en/konto/email/", "/en/konto/password/change/", "/en/konto/tokeny/"]:
        assert f'href="{link}"' in html
    assert 'href="/en/konto/usun/"' in html


@pytest.mark.parametrize("persona, role", STAFF_PERSONAS.items())
def test_profile_names_the_staff_role(client_for, persona, role):
    html = client_for(persona).get(PROFILE).content.decode()
    assert f"<li>{ROLE_LABELS[role]}</li>" in html


def test_profile_shows_email_and_no_roles_for_a_resident(users, client_for):
    html = client_for("resident").get(PROFILE).content.decode()
    assert users["resident"].email in html
    for label in ROLE_LABELS.values():
        assert f"<li>{label}</li>" not in html


def test_profile_edit_saves_the_name_and_logs_it(users, client_for):
    client = client_for("resident")
    response = client.post(PROFILE, {"first_name": "  Janina ", "last_name": "Nowak"})
    assert response.status_code == 302
    assert response.url == PROFILE
    user = users["resident"]
    user.refresh_from_db()
    assert (user.first_name, user.last_name) == ("Janina", "Nowak")
    entry = AuditLogEntry.objects.get(verb="accounts.profile.updated")
    assert entry.actor == user
    assert entry.data == {"fields": ["last_name"]}
    assert "Your details have been saved." in client.get(PROFILE).content.decode()


def test_profile_edit_without_changes_logs_nothing(users, client_for):
    user = users["resident"]
    response = client_for("resident").post(
        PROFILE, {"first_name": user.first_name, "last_name": user.last_name}
    )
    assert response.status_code == 302
    assert not AuditLogEntry.objects.filter(verb="accounts.profile.updated").exists()


def test_profile_edit_rejects_too_long_names(users, client_for):
    response = client_for("resident").post(PROFILE, {"first_name": "x" * 151, "last_name": ""})
    assert response.status_code == 200
    assert 'aria-invalid="true"' in response.content.decode()
    assert_accessible_page(response)
    users["resident"].refresh_from_db()
    assert users["resident"].first_name == "Janina"
    assert users["resident"].last_name == "Mieszko"


def test_profile_page_query_count(client_for, django_assert_max_num_queries):
    client = client_for("coordinator")
    with django_assert_max_num_queries(8):
        assert client.get(PROFILE).status_code == 200


@pytest.mark.parametrize("persona", PERSONAS)
def test_staff_membership_helpers(users, persona):
    user = users[persona] or AnonymousUser()
    staff = persona in STAFF_PERSONAS
    assert is_staff_member(user) is staff
    assert role_names(user) == ([str(ROLE_LABELS[STAFF_PERSONAS[persona]])] if staff else [])
    assert can_delete_own_account(user) is (persona != "anonymous" and not staff)


def test_superuser_counts_as_staff(db):
    admin = create_user("root@example.org", is_superuser=True)
    assert is_staff_member(admin)
    assert not can_delete_own_account(admin)


def test_role_group_without_staff_flag_still_blocks_self_deletion(users):
    user = users["resident"]
    user.groups.add(Group.objects.get(name=Role.ANALYST))
    assert is_staff_member(user)
    assert not can_delete_own_account(user)
