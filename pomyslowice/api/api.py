"""The API at /api/v1/: wiring only. Each app owns its endpoints in `<app>/api.py`."""

from django.http import HttpRequest, JsonResponse
from django.utils.translation import gettext as _
from ninja import Field, NinjaAPI, Schema
from ninja.openapi.docs import Swagger

from pomyslowice.accounts.models import User
from pomyslowice.centre.consulting_api import router as consulting_router
from pomyslowice.centre.room_api import router as rooms_router
from pomyslowice.events.api import router as events_router
from pomyslowice.events.grant_api import router as grant_calls_router
from pomyslowice.knowledge.api import router as knowledge_router
from pomyslowice.organizations.api import router as organizations_router
from pomyslowice.search.api import router as search_router
from pomyslowice.volunteering.api import router as volunteering_router

from .auth import optional_token_auth, token_auth
from .errors import error_responses, install_error_handlers

DESCRIPTION = """Public data of Pomysłowice: organisations, people, events, knowledge, volunteering.

Reading needs no account. Changing something needs a personal token, created on your account
page and sent as `Authorization: Bearer <token>`. Lists are paginated with `limit` (at most 100)
and `offset` and come as `{"count": n, "items": [...]}`. Errors come as `{"detail": "..."}`."""

api = NinjaAPI(
    title="Pomysłowice API",
    version="1",
    description=DESCRIPTION,
    urls_namespace="api-v1",
    auth=optional_token_auth,
    # With "ninja" in INSTALLED_APPS this renders ninja's own template, which loads Swagger UI
    # from our static files. Without validatorUrl=None Swagger UI would send our OpenAPI
    # document to validator.swagger.io; no page of ours may talk to another host.
    docs=Swagger(settings={"validatorUrl": None}),
)
install_error_handlers(api)
api.add_router("/", organizations_router)
api.add_router("/", grant_calls_router)
api.add_router("/", events_router)
api.add_router("/", consulting_router)
api.add_router("/", rooms_router)
api.add_router("/", knowledge_router)
api.add_router("/", search_router)
api.add_router("/", volunteering_router)


class MeOut(Schema):
    id: int = Field(description="Stable identifier of the account.", examples=[5])
    email: str = Field(description="The account's e-mail address.", examples=["anna@example.org"])
    name: str = Field(description="Full name, possibly empty.", examples=["Anna Nowak"])

    @staticmethod
    def resolve_name(user: User) -> str:
        return user.get_full_name()


@api.get(
    "/me",
    auth=token_auth,
    response={200: MeOut, **error_responses(401)},
    tags=["account"],
    url_name="me",
    operation_id="getMe",
    summary="The token's owner",
)
def me(request: HttpRequest):
    """The owner of the token: a quick way to check that a token works."""
    return request.auth


def api_not_found(request: HttpRequest):
    """Unknown addresses under /api/ answer in the API's own error format."""
    return JsonResponse({"detail": _("Not found.")}, status=404)
