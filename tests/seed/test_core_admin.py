"""Staff edit reference lists in the admin; the audit log there is read-only."""

import pytest
from django.urls import reverse

from pomyslowice.core.audit import log_action
from pomyslowice.core.models import AreaOfBenefit, AuditLogEntry

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("persona", "status"),
    [
        ("anonymous", 302),
        ("resident", 302),
        ("representative", 302),
        ("volunteer", 302),
        ("volunteer_minor", 302),
        ("coordinator", 200),
        ("analyst", 200),
        ("ngo_caretaker", 403),
        ("volunteer_caretaker", 403),
        ("technical_admin", 200),
    ],
)
def test_who_may_open_the_areas_of_public_benefit(client_for, persona, status):
    response = client_for(persona).get(reverse("admin:core_areaofbenefit_changelist"))

    assert response.status_code == status
    if status == 200:
        assert "działalności na rzecz integracji cudzoziemców" in response.content.decode()


def test_coordinator_edits_an_area(client_for):
    area = AreaOfBenefit.objects.get(code="19")
    url = reverse("admin:core_areaofbenefit_change", args=[area.pk])

    response = client_for("coordinator").post(
        url,
        {
            "code": "19",
            "name": "turystyki i krajoznawstwa",
            "slug": "turystyka-i-krajoznawstwo",
            "position": 190,
            "source": area.source,
            "is_active": "",
        },
    )

    assert response.status_code == 302
    area.refresh_from_db()
    assert area.slug == "turystyka-i-krajoznawstwo"
    assert not area.is_active


@pytest.fixture
def audit_entries(users, organization):
    log_action(
        actor=users["coordinator"], verb="organizations.organization.published", target=organization
    )
    log_action(
        actor=users["coordinator"],
        verb="organizations.membership.approved",
        target=users["resident"],
    )
    return AuditLogEntry.objects.all()


def test_audit_log_is_listed_filtered_and_searched(client_for, audit_entries):
    client = client_for("technical_admin")
    url = reverse("admin:core_auditlogentry_changelist")

    everything = client.get(url)
    by_verb = client.get(url, {"verb": "organizations.organization.published"})
    by_object = client.get(url, {"q": "Przyjaciół Piasku"})

    assert everything.status_code == 200
    assert everything.context["cl"].result_count == 2
    assert [e.verb for e in by_verb.context["cl"].result_list] == [
        "organizations.organization.published"
    ]
    assert [e.target_repr for e in by_object.context["cl"].result_list] == [
        "Stowarzyszenie Przyjaciół Piasku"
    ]


def test_audit_log_cannot_be_added_changed_or_deleted(client_for, audit_entries):
    client = client_for("coordinator")
    entry = audit_entries.first()
    change_url = reverse("admin:core_auditlogentry_change", args=[entry.pk])

    assert client.get(reverse("admin:core_auditlogentry_add")).status_code == 403
    detail = client.get(change_url)
    assert detail.status_code == 200
    assert 'name="_save"' not in detail.content.decode()
    assert client.post(change_url, {"verb": "forged"}).status_code == 403
    delete_url = reverse("admin:core_auditlogentry_delete", args=[entry.pk])
    assert client.post(delete_url, {"post": "yes"}).status_code == 403
    entry.refresh_from_db()
    assert entry.verb != "forged"
    assert AuditLogEntry.objects.count() == 2
