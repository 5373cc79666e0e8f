"""Who is calling the API: only a personal token counts; a session cookie is ignored.

Endpoints that change something use `auth=token_auth`; everything else gets the API's default,
`optional_token_auth`. Either way the view finds the caller in `request.auth` (and `request.user`).
"""

from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest
from ninja.security import HttpBearer

from pomyslowice.accounts.models import User
from pomyslowice.accounts.tokens import authenticate_token


class TokenAuth(HttpBearer):
    """`Authorization: Bearer <token>`; a missing, unknown or revoked token is a 401."""

    def authenticate(self, request: HttpRequest, token: str) -> User | None:
        user = authenticate_token(token)
        if user is not None:
            request.user = user
        return user


class OptionalTokenAuth:
    """For public reads: no Authorization header means anonymous, but a bad token is still a 401.

    Silently treating a broken token as anonymous would hide the caller's mistake until the
    first write fails. Not an AuthBase, so OpenAPI does not mark public endpoints as locked.
    """

    def __init__(self, token_auth: TokenAuth):
        self.token_auth = token_auth

    def __call__(self, request: HttpRequest) -> User | AnonymousUser | None:
        if self.token_auth.header not in request.headers:
            request.user = AnonymousUser()
            return request.user
        return self.token_auth(request)


token_auth = TokenAuth()
optional_token_auth = OptionalTokenAuth(token_auth)
