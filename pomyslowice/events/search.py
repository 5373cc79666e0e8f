"""What the search index holds of events and grant calls: public ones, dated for ranking."""

from django.utils.translation import gettext_lazy as _

from pomyslowice.core.sanitize import plain_text
from pomyslowice.search.registry import Document, Searchable, register

from .models import Event, GrantCall


def event_document(event: Event) -> Document | None:
    if event.status not in Event.PUBLIC_STATUSES:
        return None
    body = [
        event.get_category_display(),
        event.get_status_display() if event.status != Event.Status.PUBLISHED else "",
        plain_text(event.description),
        event.place_name,
        event.address,
        event.organizer.name if event.organizer else "",
        *(area.name for area in event.areas.all()),
    ]
    return Document(
        title=event.title,
        body="\n".join(part for part in body if part),
        url=event.get_absolute_url(),
        date=event.start,
    )


def grant_call_document(call: GrantCall) -> Document | None:
    if not call.is_published:
        return None
    body = [
        call.get_kind_display(),
        call.funder,
        plain_text(call.description),
        plain_text(call.eligibility),
        *(area.name for area in call.areas.all()),
    ]
    return Document(
        title=call.title,
        body="\n".join(part for part in body if part),
        url=call.get_absolute_url(),
        date=call.deadline,
    )


register(
    Searchable(
        kind="event",
        label=_("Events"),
        model=Event,
        document=event_document,
        queryset=lambda: Event.objects.published().for_listing(),
        rank_recent=True,
    )
)
register(
    Searchable(
        kind="grant-call",
        label=_("Grant calls"),
        model=GrantCall,
        document=grant_call_document,
        queryset=lambda: GrantCall.objects.published().for_listing(),
        rank_recent=True,
    )
)
