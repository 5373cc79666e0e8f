"""The Django admin for organisations and memberships."""

import pytest

from pomyslowice.accounts.models import User
from pomyslowice.organizations.models import Organization


@pytest.fixture
def admin_client_logged_in(client, db):
    admin = User.objects.create_superuser("admin@example.org", "x")
    client.force_login(admin)
    return client


def test_admin_pages_load(admin_client_logged_in, organization, users):
    client = admin_client_logged_in
    for url in [
        "/admin/organizations/organization/",
        "/admin/organizations/organization/?q=piasku&status__exact=published",
        f"/admin/organizations/organization/{organization.pk}/change/",
        "/admin/organizations/membership/",
        "/admin/organizations/membership/?q=przedstawiciel",
    ]:
        assert client.get(url).status_code == 200, url


def test_admin_sanitises_the_description_and_keeps_status_read_only(
    admin_client_logged_in, organization
):
    url = f"/admin/organizations/organization/{organization.pk}/change/"
    response = admin_client_logged_in.post(
        url,
        {
            "name": organization.name,
            "slug": organization.slug,
            "kind": organization.kind,
            "description": "<p>Tekst</p><script>alert(1)</script>",
            "city": "Mysłowice",
            "status": "rejected",
            "memberships-TOTAL_FORMS": "0",
            "memberships-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 302, response.context["adminform"].errors
    organization.refresh_from_db()
    assert organization.description == "<p>Tekst</p>"
    assert organization.status == Organization.Status.PUBLISHED
