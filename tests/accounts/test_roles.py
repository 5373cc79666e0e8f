"""Each staff role's group holds the permissions its work needs, and none it must not have."""

import pytest

from pomyslowice.accounts.roles import ROLE_PERMISSIONS, Role

from ..conftest import STAFF_PERSONAS

EXPECTED = {
    "coordinator": {
        "granted": [
            "organizations.moderate_organization",
            "organizations.change_organization",
            "organizations.view_caretaker",
            "core.view_auditlogentry",
        ],
        "denied": ["accounts.change_user", "accounts.delete_user"],
    },
    "analyst": {
        "granted": ["organizations.view_organization", "core.view_auditlogentry"],
        "denied": [
            "organizations.change_organization",
            "organizations.moderate_organization",
            "organizations.manage_people",
            "accounts.change_user",
        ],
    },
    "ngo_caretaker": {
        "granted": ["organizations.moderate_organization", "organizations.change_organization"],
        "denied": ["organizations.delete_organization", "accounts.change_user"],
    },
    "volunteer_caretaker": {
        "granted": ["organizations.manage_people", "organizations.change_person"],
        "denied": ["organizations.moderate_organization", "organizations.change_organization"],
    },
    "technical_admin": {
        "granted": ["accounts.change_user", "accounts.view_apitoken", "auth.view_group"],
        "denied": [
            "accounts.delete_user",
            "organizations.moderate_organization",
            "organizations.change_organization",
        ],
    },
}


@pytest.mark.parametrize("persona", list(STAFF_PERSONAS))
def test_role_permissions(users, persona):
    user = users[persona]
    for permission in EXPECTED[persona]["granted"]:
        assert user.has_perm(permission), f"{persona} lacks {permission}"
    for permission in EXPECTED[persona]["denied"]:
        assert not user.has_perm(permission), f"{persona} must not have {permission}"


@pytest.mark.parametrize("persona", ["resident", "representative", "volunteer"])
def test_ordinary_users_hold_no_staff_permission(users, persona):
    user = users[persona]
    every_role_permission = {code for codes in ROLE_PERMISSIONS.values() for code in codes}
    assert not any(user.has_perm(code) for code in every_role_permission)


def test_every_role_has_a_persona():
    assert set(STAFF_PERSONAS.values()) == {
        Role.COORDINATOR,
        Role.ANALYST,
        Role.NGO_CARETAKER,
        Role.VOLUNTEER_CARETAKER,
        Role.TECHNICAL_ADMIN,
    }
