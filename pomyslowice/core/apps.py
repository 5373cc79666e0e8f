from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "pomyslowice.core"
    label = "core"
    verbose_name = _("Core")

    def ready(self):
        from . import (
            accessibility,  # noqa: F401  (registers the statement's system check)
            lookups,  # noqa: F401  (registers the integer-range-safe `in` lookup)
            page_cache,
        )

        page_cache.connect_signals()
