import pytest
from django.contrib.auth.models import Group, Permission

from pomyslowice.accounts.models import ApiToken, User
from pomyslowice.accounts.roles import Role
from pomyslowice.accounts.tokens import create_api_token

from ..conftest import PASSWORD

ADMIN = "/en/admin/accounts/"


@pytest.fixture
def root_client(db, client):
    client.force_login(User.objects.create_superuser("root@example.org", PASSWORD))
    return client


def test_user_list_and_change_page(root_client, users):
    response = root_client.get(f"{ADMIN}user/?q=mieszkaniec")
    assert response.status_code == 200
    assert users["resident"].email in response.content.decode()
    response = root_client.get(f"{ADMIN}user/{users['resident'].pk}/change/")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'name="email"' in html and 'name="birth_date"' in html
    assert 'name="username"' not in html


def test_admin_creates_a_user_by_email(root_client):
    response = root_client.post(
        f"{ADMIN}user/add/",
        {
            "email": "Nowy.Pracownik@Example.org",
            "usable_password": "true",
            "password1": PASSWORD,
            "password2": PASSWORD,
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    user = User.objects.get(email="nowy.pracownik@example.org")
    assert user.check_password(PASSWORD)


def test_admin_refuses_an_address_differing_only_in_case(root_client, users):
    response = root_client.post(
        f"{ADMIN}user/add/",
        {
            "email": users["resident"].email.upper(),
            "usable_password": "true",
            "password1": PASSWORD,
            "password2": PASSWORD,
        },
    )
    assert response.status_code == 200
    assert "already exists" in response.content.decode()
    assert User.objects.filter(email__iexact=users["resident"].email).count() == 1


def test_technical_admin_can_change_users_but_not_delete(client_for, users):
    client = client_for("technical_admin")
    url = f"{ADMIN}user/{users['resident'].pk}/change/"
    assert client.get(url).status_code == 200
    assert client.get(f"{ADMIN}user/{users['resident'].pk}/delete/").status_code == 403


def test_technical_admin_assigns_a_role(client_for, users):
    user = users["resident"]
    group = Group.objects.get(name=Role.ANALYST)
    response = client_for("technical_admin").post(
        f"{ADMIN}user/{user.pk}/change/",
        {
            "email": user.email,
            "first_name": user.first_name,
            "last_name": user.last_name,
            "is_active": "on",
            "is_staff": "on",
            "groups": [group.pk],
            "last_login_0": "",
            "last_login_1": "",
            "date_joined_0": "2025-01-01",
            "date_joined_1": "10:00:00",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    assert user.groups.filter(pk=group.pk).exists()


def test_technical_admin_cannot_make_anyone_superuser(client_for, users):
    admin_user = users["technical_admin"]
    response = client_for("technical_admin").post(
        f"{ADMIN}user/{admin_user.pk}/change/",
        {
            "email": admin_user.email,
            "is_active": "on",
            "is_staff": "on",
            "is_superuser": "on",
            "groups": list(admin_user.groups.values_list("pk", flat=True)),
            "user_permissions": [Permission.objects.get(codename="delete_user").pk],
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    admin_user.refresh_from_db()
    assert not admin_user.is_superuser
    assert not admin_user.user_permissions.exists()


def test_technical_admin_cannot_edit_a_superuser(client_for):
    root = User.objects.create_superuser("root@example.org", PASSWORD)
    client = client_for("technical_admin")
    response = client.post(
        f"{ADMIN}user/{root.pk}/change/", {"email": "przejete@example.org", "is_active": "on"}
    )
    assert response.status_code == 403
    root.refresh_from_db()
    assert root.email == "root@example.org"
    password_url = f"{ADMIN}user/{root.pk}/password/"
    assert client.post(password_url, {"password1": "x", "password2": "x"}).status_code == 403


def test_token_admin_is_read_only_and_never_shows_secrets(root_client, users):
    token, secret = create_api_token(user=users["resident"], name="Skrypt")
    listing = root_client.get(f"{ADMIN}apitoken/").content.decode()
    assert "Skrypt" in listing
    assert secret not in listing
    assert root_client.get(f"{ADMIN}apitoken/add/").status_code == 403
    detail = root_client.get(f"{ADMIN}apitoken/{token.pk}/change/")
    assert detail.status_code == 200
    html = detail.content.decode()
    assert token.key_hash not in html and secret not in html
    assert 'name="name"' not in html  # nothing to edit


def test_technical_admin_revokes_tokens_in_admin(client_for, users):
    token, _secret = create_api_token(user=users["resident"], name="Skrypt")
    response = client_for("technical_admin").post(
        f"{ADMIN}apitoken/", {"action": "revoke", "_selected_action": [token.pk]}
    )
    assert response.status_code == 302
    token.refresh_from_db()
    assert token.revoked_at is not None


def test_without_permission_tokens_cannot_be_revoked(client_for, users):
    token, _secret = create_api_token(user=users["resident"], name="Skrypt")
    response = client_for("coordinator").post(
        f"{ADMIN}apitoken/", {"action": "revoke", "_selected_action": [token.pk]}
    )
    assert response.status_code == 403
    assert ApiToken.objects.get(pk=token.pk).is_active
