from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VolunteeringConfig(AppConfig):
    name = "pomyslowice.volunteering"
    label = "volunteering"
    verbose_name = _("Volunteer centre")

    def ready(self):
        from pomyslowice.core.page_cache import shown_in

        from . import search  # noqa: F401  (registers volunteer offers with the search)
        from .models import Offer, Skill
        from .profile_services import register_consent_hooks

        register_consent_hooks()
        shown_in("volunteering", Offer, Skill)
