"""allauth's e-mails name the site after the request's host; ours carry the site's own name."""

from dataclasses import dataclass
from urllib.parse import urlsplit

from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings
from django.utils import translation

from pomyslowice.core.notifications import supported_language


@dataclass(frozen=True)
class SiteIdentity:
    """What allauth's mail templates read from a Site: its name and its domain."""

    name: str
    domain: str


def site_identity() -> SiteIdentity:
    return SiteIdentity(name=settings.SITE_NAME, domain=urlsplit(settings.SITE_URL).netloc)


class AccountAdapter(DefaultAccountAdapter):
    def save_user(self, request, user, form, commit=True):
        # Our later e-mails go out in the language the person signed up in (core.notifications).
        user.language = supported_language(translation.get_language())
        return super().save_user(request, user, form, commit=commit)

    # allauth renders its own e-mails (address confirmation, password reset) in the active
    # language of the request that triggers them. That request is the recipient's own (signing
    # up, adding an address, asking for a new password), so no stored preference is needed.
    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        super().send_mail(template_prefix, email, {"current_site": site_identity(), **context})

    def format_email_subject(self, subject: str) -> str:
        return f"[{settings.SITE_NAME}] {subject}"
