"""Who may build, send and read participant surveys. Views and tests ask here.

Staff with surveys.view_survey see the surveys; with surveys.change_survey they build, send,
open and close them; with surveys.view_response they read the results and export them.
Publishing the results as a research article also needs the right to write articles, because
the article then goes through the knowledge base's own review. Answering needs no account: the
invitation's token is the permission.
"""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from pomyslowice.knowledge import permissions as knowledge_permissions

from .models import Survey


def _has(user, permission: str) -> bool:
    return user.is_authenticated and user.has_perm(permission)


def can_view_surveys(user) -> bool:
    return _has(user, "surveys.view_survey")


def can_create_surveys(user) -> bool:
    return _has(user, "surveys.add_survey")


def can_change_surveys(user) -> bool:
    return _has(user, "surveys.change_survey")


def can_see_results(user) -> bool:
    return _has(user, "surveys.view_response")


def can_publish_results(user) -> bool:
    return can_see_results(user) and knowledge_permissions.can_edit_all(user)


def require(allowed: bool) -> None:
    """Staff views call this after the login check: a signed-in user without the right gets 403."""
    if not allowed:
        raise PermissionDenied


def get_survey_for_user(user, pk: int) -> Survey:
    require(can_view_surveys(user))
    return get_object_or_404(Survey, pk=pk)
