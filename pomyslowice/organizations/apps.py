from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrganizationsConfig(AppConfig):
    name = "pomyslowice.organizations"
    label = "organizations"
    verbose_name = _("Organisations and people")

    def ready(self):
        from . import search, signals  # noqa: F401  (search registration, upload clean-up)
        from .people_services import register_consent_hooks

        register_consent_hooks()
