"""Every API error is JSON `{"detail": "<what went wrong>"}`; bad input adds `"errors": [...]`.

Messages follow the request's language (Accept-Language), like the rest of the site.
"""

from functools import partial

from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import Field, NinjaAPI, Schema, Status
from ninja.errors import AuthenticationError, AuthorizationError
from ninja.errors import ValidationError as NinjaValidationError


class ErrorOut(Schema):
    """The body of every error response; bad input also lists the problems in `errors`."""

    detail: str = Field(
        description="What went wrong, in the language of Accept-Language.",
        examples=["Not found."],
    )


class ProblemOut(Schema):
    loc: list[str] = Field(
        description="Where the bad value is: query, path or body, then the parameter's name.",
        examples=[["query", "limit"]],
    )
    msg: str = Field(
        description="What is wrong with it.", examples=["Input should be less than or equal to 100"]
    )
    type: str = Field(
        description="A machine-readable kind of problem.", examples=["less_than_equal"]
    )


class InvalidRequestOut(ErrorOut):
    """400: a parameter or a field of the body is missing or has a value that cannot be used."""

    errors: list[ProblemOut] = Field(
        default_factory=list,
        description="Each problem found; empty when there is no single culprit.",
    )


def error_responses(*codes: int) -> dict[int, type[Schema]]:
    """The documented error responses of an operation, for `response={200: ..., **here}`."""
    return {code: InvalidRequestOut if code == 400 else ErrorOut for code in codes}


def conflict(error: DjangoValidationError) -> Status:
    """409 for a request another one beat to it (a time or a place already taken)."""
    return Status(409, {"detail": " ".join(error.messages)})


def _clean_ninja_error(error: dict) -> dict:
    """Keep what a client can act on; drop pydantic's internals (ctx, input, url)."""
    loc = [str(part) for part in error.get("loc", ())]
    return {"loc": loc, "msg": str(error.get("msg", error)), "type": error.get("type", "invalid")}


def _label(loc: list[str]) -> str:
    # loc starts with where the value came from ("query", "path", "body"); the rest names it.
    return ".".join(loc[1:]) or (loc[0] if loc else "")


def invalid_parameters(
    request: HttpRequest, exc: NinjaValidationError, api: NinjaAPI
) -> HttpResponse:
    errors = [_clean_ninja_error(error) for error in exc.errors]
    problems = "; ".join(
        f"{_label(error['loc'])}: {error['msg']}" if error["loc"] else error["msg"]
        for error in errors
    )
    detail = _("Invalid request: %(problems)s") % {"problems": problems}
    return api.create_response(request, {"detail": detail, "errors": errors}, status=400)


def invalid_data(request: HttpRequest, exc: DjangoValidationError, api: NinjaAPI) -> HttpResponse:
    if hasattr(exc, "error_dict"):
        errors = [
            {"loc": [] if field == "__all__" else [field], "msg": message, "type": "invalid"}
            for field, messages in exc.message_dict.items()
            for message in messages
        ]
    else:
        errors = [{"loc": [], "msg": message, "type": "invalid"} for message in exc.messages]
    detail = " ".join(exc.messages)
    return api.create_response(request, {"detail": detail, "errors": errors}, status=400)


def not_found(request: HttpRequest, exc: Http404, api: NinjaAPI) -> HttpResponse:
    return api.create_response(request, {"detail": _("Not found.")}, status=404)


def not_authenticated(
    request: HttpRequest, exc: AuthenticationError, api: NinjaAPI
) -> HttpResponse:
    if request.headers.get("Authorization"):
        detail = _("The API token is invalid, revoked or belongs to an inactive account.")
        challenge = 'Bearer error="invalid_token"'
    else:
        detail = _('This needs an API token: send the header "Authorization: Bearer <token>".')
        challenge = "Bearer"
    response = api.create_response(request, {"detail": detail}, status=401)
    response["WWW-Authenticate"] = challenge
    return response


def forbidden(request: HttpRequest, exc: Exception, api: NinjaAPI) -> HttpResponse:
    return api.create_response(
        request, {"detail": _("You do not have permission to do this.")}, status=403
    )


def install_error_handlers(api: NinjaAPI) -> None:
    handlers = {
        NinjaValidationError: invalid_parameters,
        DjangoValidationError: invalid_data,
        Http404: not_found,
        AuthenticationError: not_authenticated,
        AuthorizationError: forbidden,
        PermissionDenied: forbidden,
    }
    for exc_class, handler in handlers.items():
        api.add_exception_handler(exc_class, partial(handler, api=api))
