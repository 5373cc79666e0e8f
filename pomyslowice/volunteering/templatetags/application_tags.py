"""The offer page's "apply" part: the include gets only the offer and the visitor, so this tag
asks application_views what to show."""

from django import template

from ..application_views import offer_actions_context

register = template.Library()


@register.simple_tag
def offer_actions(offer, user) -> dict:
    """{% offer_actions offer request.user as actions %}: see offer_actions_context."""
    return offer_actions_context(offer, user)
