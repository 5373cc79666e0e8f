from django import template

from ..clauses import controller, get_purpose

register = template.Library()


@register.inclusion_tag("privacy/includes/clause.html")
def information_clause(purpose_key: str) -> dict:
    """The art. 13 GDPR information for the form that collects data for `purpose_key`."""
    return {"purpose": get_purpose(purpose_key), "controller": controller()}
