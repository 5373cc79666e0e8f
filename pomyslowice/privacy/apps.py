from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _


class PrivacyConfig(AppConfig):
    name = "pomyslowice.privacy"
    label = "privacy"
    verbose_name = _("Personal data protection")

    def ready(self):
        # Every app declares what personal data it holds in `<app>/personal_data.py` and its
        # retention rules in `<app>/retention.py`; importing them registers them.
        autodiscover_modules("personal_data", "retention")
        from pomyslowice.core.backup import register_restore_hook

        from .erasure import restore_hook

        register_restore_hook(restore_hook)
