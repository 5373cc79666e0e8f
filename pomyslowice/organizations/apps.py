from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrganizationsConfig(AppConfig):
    name = "pomyslowice.organizations"
    label = "organizations"
    verbose_name = _("Organisations and people")

    def ready(self):
        from pomyslowice.core.page_cache import shown_in

        from . import search, signals  # noqa: F401  (search registration, upload clean-up)
        from .models import Organization, Person, PersonConsent
        from .people_services import register_consent_hooks

        register_consent_hooks()
        # A leader's consents decide what of them the public pages show.
        shown_in("organizations", Organization, Person, PersonConsent)
