"""The language we write e-mails in follows the language a person chooses on the site.

Sign-up stores the page's language (adapter.AccountAdapter.save_user); the language switcher
stores its choice for a logged-in person (UserLanguageMiddleware below); the profile page
lets them pick it directly. E-mails read it in core.notifications.send_templated_email.
"""

from django.conf import settings

from .models import User


def remember_language(*, user: User, language: str) -> None:
    """Keep `language` as the user's e-mail language; unsupported codes change nothing."""
    if language not in dict(settings.LANGUAGES) or user.language == language:
        return
    user.language = language
    # A preference, not a record of the person: no audit entry, and one column only.
    user.save(update_fields=["language"])


class UserLanguageMiddleware:
    """When the switcher sets the language cookie for a logged-in person, remember their choice.

    Django's set_language view sets the cookie only for a language in settings.LANGUAGES, so the
    cookie marks exactly a successful switch.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        cookie = response.cookies.get(settings.LANGUAGE_COOKIE_NAME)
        user = getattr(request, "user", None)
        if cookie is not None and cookie.value and user is not None and user.is_authenticated:
            remember_language(user=user, language=cookie.value)
        return response
