"""How long a log-in lasts: the centre's staff see other people's personal data, so their sessions
end after a working day (ASVS 3.3), "remember me" or not; everyone else keeps allauth's choice."""

from django.conf import settings


def limit_staff_session(request, user) -> None:
    if user.is_staff or user.is_superuser:
        request.session.set_expiry(settings.STAFF_SESSION_SECONDS)


def limit_staff_session_on_log_in(sender, request, user, **kwargs) -> None:
    """Connected to user_logged_in, for the ways in other than allauth's form (the admin's)."""
    limit_staff_session(request, user)
