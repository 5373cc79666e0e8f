"""Public API of the grant call board: published calls only, whoever asks."""

import datetime
from decimal import Decimal
from typing import Literal

from django.utils import timezone
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate

from pomyslowice.api.errors import error_responses
from pomyslowice.api.pagination import LimitOffsetPagination
from pomyslowice.core.db_routing import read_from_replica
from pomyslowice.core.page_cache import cache_public_api
from pomyslowice.core.sanitize import clean_html
from pomyslowice.organizations.api import AreaOut, OrganizationRefOut, absolute_url

from .grant_forms import CLOSING_SOON
from .models import GrantCall

router = Router()
# Inlined in OpenAPI: several models have an enum called Kind, which would share one schema.
GrantCallKind = Literal[tuple(GrantCall.Kind.values)]

STATE_OPEN = "open"
STATE_CLOSING = "closing"
STATE_CLOSED = "closed"


class AttachmentOut(Schema):
    title: str = Field(description="Title of the document.", examples=["Regulamin konkursu"])
    url: str = Field(
        description="Absolute address of the file.",
        examples=["https://pomyslowice.example.org/media/grants/regulamin.pdf"],
    )

    @staticmethod
    def resolve_url(attachment) -> str:
        return absolute_url(attachment.file.url)


class GrantCallOut(Schema):
    id: int = Field(description="Stable identifier.", examples=[17])
    slug: str = Field(
        description="Stable address part of its page.", examples=["konkurs-senioralny-2027"]
    )
    title: str = Field(
        description="Title.", examples=["Otwarty konkurs ofert: aktywność seniorów 2027"]
    )
    kind: GrantCallKind = Field(description="Kind of funding.", examples=["open-competition"])
    kind_label: str = Field(
        description="Kind of funding in the request's language.",
        examples=["open competition (art. 13)"],
    )
    funder: str = Field(description="Who gives the money.", examples=["Urząd Miasta Mysłowice"])
    funder_organization: OrganizationRefOut | None = Field(
        description="The funder, when it is a published organisation of the directory."
    )
    description: str = Field(
        description="Sanitised HTML.", examples=["<p>Na zadania dla seniorów.</p>"]
    )
    areas: list[AreaOut] = Field(description="Areas of public benefit it funds.")
    eligibility: str = Field(
        description="Who may apply.", examples=["Organizacje pozarządowe z Mysłowic."]
    )
    budget: Decimal | None = Field(description="Whole budget, in PLN.", examples=["150000.00"])
    min_amount: Decimal | None = Field(description="Smallest grant, in PLN.", examples=["5000.00"])
    max_amount: Decimal | None = Field(description="Largest grant, in PLN.", examples=["30000.00"])
    own_contribution: str = Field(
        description="Own contribution required.", examples=["co najmniej 10%"]
    )
    announced_on: datetime.date | None = Field(
        description="When it was announced.", examples=["2026-11-15"]
    )
    deadline: datetime.datetime = Field(
        description="Deadline for applications.", examples=["2027-01-15T15:30:00+01:00"]
    )
    results_on: datetime.date | None = Field(
        description="When results are expected.", examples=["2027-02-28"]
    )
    application_url: str | None = Field(
        description="Where to apply.", examples=["https://witkac.pl/"]
    )
    url: str = Field(
        description="The call's page on the site.",
        examples=["https://pomyslowice.example.org/konkursy/konkurs-senioralny-2027/"],
    )
    attachments: list[AttachmentOut] = Field(description="Documents of the call.")
    state: Literal["open", "closing", "closed"] = Field(
        description="closing: open, with the deadline within 7 days.", examples=["open"]
    )

    @staticmethod
    def resolve_kind_label(call: GrantCall) -> str:
        return str(call.get_kind_display())

    @staticmethod
    def resolve_description(call: GrantCall) -> str:
        return clean_html(call.description)

    @staticmethod
    def resolve_areas(call: GrantCall) -> list:
        return list(call.areas.all())

    @staticmethod
    def resolve_application_url(call: GrantCall) -> str | None:
        return call.application_url or None

    @staticmethod
    def resolve_url(call: GrantCall) -> str:
        return absolute_url(call.get_absolute_url())

    @staticmethod
    def resolve_attachments(call: GrantCall) -> list:
        return list(call.attachments.all())

    @staticmethod
    def resolve_state(call: GrantCall) -> str:
        now = timezone.now()
        if call.deadline < now:
            return STATE_CLOSED
        return STATE_CLOSING if call.deadline <= now + CLOSING_SOON else STATE_OPEN


class GrantCallFilters(Schema):
    state: Literal["open", "closing", "closed"] | None = Field(
        None, description="open: deadline not passed; closing: within 7 days; closed: passed."
    )
    area: str | None = Field(
        None, max_length=100, description="Slug of an area of benefit (see /areas)."
    )
    kind: GrantCallKind | None = Field(None, description="Only this kind of funding.")

    def apply(self, calls, *, now: datetime.datetime):
        if self.area:
            calls = calls.filter(areas__slug=self.area)
        if self.kind:
            calls = calls.filter(kind=self.kind)
        if self.state == STATE_CLOSED:
            return calls.closed(now=now).order_by("-deadline", "-pk")
        if self.state == STATE_CLOSING:
            calls = calls.filter(deadline__lte=now + CLOSING_SOON)
        if self.state in (STATE_OPEN, STATE_CLOSING):
            calls = calls.open(now=now)
        return calls.order_by("deadline", "pk")


@router.get(
    "/grant-calls",
    response={200: list[GrantCallOut], **error_responses(400, 401)},
    tags=["grant calls"],
    url_name="grant-call-list",
    operation_id="listGrantCalls",
    summary="Published grant calls",
    description="By deadline (closed ones: latest first). Unknown slugs in filters give an "
    "empty list; a value of the wrong type is a 400.",
)
@cache_public_api("events")
@read_from_replica
@paginate(LimitOffsetPagination)
def list_grant_calls(request, filters: Query[GrantCallFilters]):
    calls = GrantCall.objects.published().for_listing().prefetch_related("attachments")
    return filters.apply(calls, now=timezone.now())
