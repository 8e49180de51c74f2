"""Starlette's `AuthenticationMiddleware` with our `Authenticator` as its backend.

Every route, not only /graphql, knows who is asking: `principal_of(request)` (also
`request.user.principal`; `request.auth.scopes` holds "authenticated" for any valid
credential). A bad credential is answered before any route runs: 401 with
`WWW-Authenticate: Bearer` and UNAUTHENTICATED, in the request's language.
"""

from __future__ import annotations

from starlette.authentication import (
    AuthCredentials,
    AuthenticationBackend,
    AuthenticationError,
    BaseUser,
)
from starlette.requests import HTTPConnection
from starlette.responses import JSONResponse, Response

from hub.access import ANONYMOUS, Principal, PrincipalKind
from hub.auth import Unauthenticated
from hub.entry.locale import preferred_locale
from hub.entry.state import Startup


class HubUser(BaseUser):
    """Starlette's view of a principal."""

    def __init__(self, principal: Principal) -> None:
        self.principal = principal

    @property
    def is_authenticated(self) -> bool:
        return self.principal.kind != PrincipalKind.ANONYMOUS

    @property
    def display_name(self) -> str:
        return self.principal.subject or ""

    @property
    def identity(self) -> str:
        return self.principal.subject or ""


class CredentialRefused(AuthenticationError):
    """`Unauthenticated` in the form `AuthenticationMiddleware` catches."""

    def __init__(self, refused: Unauthenticated) -> None:
        super().__init__(str(refused))
        self.refused = refused


class HubAuthentication(AuthenticationBackend):
    def __init__(self, startup: Startup) -> None:
        self.startup = startup

    async def authenticate(self, conn: HTTPConnection) -> tuple[AuthCredentials, BaseUser] | None:
        state = self.startup.state
        if state is None:
            # The hub is starting: no tenants to authenticate against yet. Its routes answer
            # 503 until then; `principal_of` is anonymous meanwhile, never more.
            return None
        try:
            principal = await state.authenticator.principal(conn.headers)
        except Unauthenticated as exc:
            raise CredentialRefused(exc) from exc
        user = HubUser(principal)
        return AuthCredentials(["authenticated"] if user.is_authenticated else []), user


def principal_of(conn: HTTPConnection) -> Principal:
    """Who is asking, as `AuthenticationMiddleware` found it."""
    user = conn.user
    return user.principal if isinstance(user, HubUser) else ANONYMOUS


def refused(conn: HTTPConnection, exc: AuthenticationError) -> Response:
    """The middleware's `on_error`: 401, the reason in `extensions.detail`."""
    error = exc.refused if isinstance(exc, CredentialRefused) else Unauthenticated(str(exc))
    request_id: str = conn.state.request_id  # RequestIdMiddleware
    extensions = {"code": error.code.value, "requestId": request_id, **error.details}
    body = {"errors": [{"message": error.render(preferred_locale(conn)),
                        "extensions": extensions}]}
    return JSONResponse(body, status_code=401, headers={"WWW-Authenticate": "Bearer"})
