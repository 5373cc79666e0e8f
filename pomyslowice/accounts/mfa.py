"""Two-step verification is required of the centre's staff: they see other people's personal data,
so a stolen password alone must not be enough (issue 8 §1). allauth.mfa asks an enrolled user for
a code at log-in; this module makes sure no staff account works without one.
"""

from allauth.mfa.adapter import DefaultMFAAdapter
from allauth.mfa.models import Authenticator
from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _

from .permissions import is_staff_member

# Remembers, for the rest of the session, that the logged-in user has nothing to set up, so that
# most requests cost no query.
SESSION_KEY = "accounts.mfa_settled_for"

# What an unenrolled staff member can still reach: the way to set up the app (allauth asks for
# the password again first), logging out, the language switch and the health check.
EXEMPT_URL_NAMES = frozenset(
    {
        "mfa_activate_totp",
        "mfa_reauthenticate",
        "account_reauthenticate",
        "account_request_reauthentication_code",
        "account_confirm_reauthentication_code",
        "account_logout",
        "set_language",
        "healthz",
    }
)


def works_for_the_centre(user) -> bool:
    """Staff flag, superuser or a staff role: the flags first, as they cost no query."""
    return user.is_staff or user.is_superuser or is_staff_member(user)


def must_enrol_in_totp(user) -> bool:
    """Whether the user works for the centre and has no authenticator app yet."""
    return user.is_authenticated and works_for_the_centre(user) and not _has_totp(user)


def _has_totp(user) -> bool:
    return Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()


class MFAAdapter(DefaultMFAAdapter):
    error_messages = {
        **DefaultMFAAdapter.error_messages,
        "cannot_delete_authenticator": _(
            "Staff accounts must keep two-step verification. To move it to a new phone, ask an "
            "administrator to reset it."
        ),
    }

    def can_delete_authenticator(self, authenticator: Authenticator) -> bool:
        """Staff may not switch off the authenticator app that their account requires."""
        is_totp = authenticator.type == Authenticator.Type.TOTP
        required = settings.STAFF_MFA_REQUIRED and works_for_the_centre(authenticator.user)
        return not (is_totp and required)


def settle_mfa_on_log_in(sender, request, user, **kwargs) -> None:
    """Connected to user_logged_in: the check runs once as the session starts, not on every page."""
    if request is not None and hasattr(request, "session") and not must_enrol_in_totp(user):
        request.session[SESSION_KEY] = user.pk


def _is_exempt(request) -> bool:
    # The API authenticates with its own tokens; static files and uploads are not pages.
    prefixes = ("/api/", settings.STATIC_URL, settings.MEDIA_URL)
    if request.path_info.startswith(prefixes):
        return True
    match = request.resolver_match
    return match is not None and match.url_name in EXEMPT_URL_NAMES


class StaffMFAMiddleware:
    """Sends staff without an authenticator app to allauth's page that sets one up."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        user = request.user
        if not settings.STAFF_MFA_REQUIRED or not user.is_authenticated or _is_exempt(request):
            return None
        if request.session.get(SESSION_KEY) == user.pk:
            return None
        if not must_enrol_in_totp(user):
            request.session[SESSION_KEY] = user.pk
            return None
        messages.warning(
            request,
            _(
                "Staff accounts are protected by two-step verification. Set up an authenticator "
                "app to continue: scan the QR code and enter the code the app shows."
            ),
        )
        return redirect("mfa_activate_totp")
