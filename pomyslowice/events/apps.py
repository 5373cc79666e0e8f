from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "pomyslowice.events"
    label = "events"
    verbose_name = _("Events and grant calls")

    def ready(self):
        from pomyslowice.core.page_cache import shown_in

        from . import search  # noqa: F401  (registers events and grant calls with the search)
        from .grant_services import register_consent_hooks
        from .models import Event, GrantCall, GrantCallAttachment, Registration

        register_consent_hooks()
        # Registrations change the seats left that an event's page shows.
        shown_in("events", Event, GrantCall, GrantCallAttachment, Registration)
