"""Who may do what with accounts. Views and the API ask these helpers, never the flags."""

from django.contrib.auth.models import Permission
from django.db.models import Q
from django.shortcuts import get_object_or_404

from .models import ApiToken, User
from .roles import ROLE_LABELS


def _role_group_names(user) -> set[str]:
    if not user.is_authenticated:
        return set()
    return set(user.groups.filter(name__in=ROLE_LABELS).values_list("name", flat=True))


def is_staff_member(user) -> bool:
    """Anyone who works for the centre: a member of a staff role's group, or a superuser."""
    return user.is_authenticated and (user.is_superuser or bool(_role_group_names(user)))


def role_names(user) -> list[str]:
    """The translated names of the user's staff roles, in the order of ROLE_LABELS."""
    groups = _role_group_names(user)
    return [str(label) for role, label in ROLE_LABELS.items() if role in groups]


def can_delete_own_account(user) -> bool:
    """Staff accounts are removed by a technical admin, so that no role disappears unnoticed."""
    return (
        user.is_authenticated
        and not user.is_staff
        and not user.is_superuser
        and not is_staff_member(user)
    )


def get_token_for_user(user: User, pk: int) -> ApiToken:
    """One of the user's own API tokens; anybody else's is a 404."""
    return get_object_or_404(ApiToken.objects.filter(user=user), pk=pk)


def emails_with_permission(permission: str) -> list[str]:
    """Addresses of active users holding `permission` ("app.codename"), to notify them."""
    app_label, codename = permission.split(".")
    holders = Q(is_superuser=True)
    granted = Permission.objects.filter(
        content_type__app_label=app_label, codename=codename
    ).first()
    if granted is not None:
        holders |= Q(groups__permissions=granted) | Q(user_permissions=granted)
    users = User.objects.filter(holders, is_active=True).exclude(email="")
    return sorted(set(users.values_list("email", flat=True)))
