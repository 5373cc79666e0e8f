"""Public API of the grant call board: published calls only, whoever asks."""

import datetime
from decimal import Decimal
from typing import Literal

from django.utils import timezone
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate

from pomyslowice.api.pagination import LimitOffsetPagination
from pomyslowice.core.sanitize import clean_html
from pomyslowice.organizations.api import AreaOut, OrganizationRefOut, absolute_url

from .grant_forms import CLOSING_SOON
from .models import GrantCall

router = Router()

STATE_OPEN = "open"
STATE_CLOSING = "closing"
STATE_CLOSED = "closed"


class AttachmentOut(Schema):
    title: str
    url: str

    @staticmethod
    def resolve_url(attachment) -> str:
        return absolute_url(attachment.file.url)


class GrantCallOut(Schema):
    slug: str
    title: str
    kind: GrantCall.Kind
    kind_label: str
    funder: str
    funder_organization: OrganizationRefOut | None
    description: str = Field(description="Sanitised HTML.")
    areas: list[AreaOut]
    eligibility: str
    budget: Decimal | None
    min_amount: Decimal | None
    max_amount: Decimal | None
    own_contribution: str
    announced_on: datetime.date | None
    deadline: datetime.datetime
    results_on: datetime.date | None
    application_url: str | None
    url: str = Field(description="The call's page on the site.")
    attachments: list[AttachmentOut]
    state: Literal["open", "closing", "closed"] = Field(
        description="closing: open, with the deadline within 7 days."
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
    area: str | None = Field(None, max_length=100, description="Slug of an area of benefit.")
    kind: GrantCall.Kind | None = None

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
    response=list[GrantCallOut],
    tags=["grant calls"],
    url_name="grant-call-list",
    operation_id="listGrantCalls",
    summary="Published grant calls",
)
@paginate(LimitOffsetPagination)
def list_grant_calls(request, filters: Query[GrantCallFilters]):
    calls = GrantCall.objects.published().for_listing().prefetch_related("attachments")
    return filters.apply(calls, now=timezone.now())
