"""Who may see and change the centre's indicators, budgets, exports and the staff panel."""

from django.core.exceptions import PermissionDenied

from pomyslowice.accounts.permissions import is_staff_member


def _has(user, permission: str) -> bool:
    return user.is_authenticated and user.has_perm(permission)


def can_use_panel(user) -> bool:
    return is_staff_member(user)


def can_view_indicators(user) -> bool:
    return _has(user, "reports.view_project")


def can_manage_projects(user) -> bool:
    return _has(user, "reports.change_project")


def can_view_budget(user) -> bool:
    return _has(user, "reports.view_expense")


def can_record_expenses(user) -> bool:
    return _has(user, "reports.add_expense")


def can_export(user) -> bool:
    return _has(user, "reports.export_data")


def can_write_funder_report(user) -> bool:
    return _has(user, "reports.change_funderreport")


def require(allowed: bool) -> None:
    """Staff views call this after the login check: a signed-in user without the right gets 403."""
    if not allowed:
        raise PermissionDenied
