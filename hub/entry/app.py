"""The ASGI app: Starlette routes, the GraphQL endpoint and its per-request context.

A composition root: with the rest of `hub/entry/` (the CLI), the only code that imports `schema`.
"""

from __future__ import annotations

import contextlib
import json
import logging
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

import orjson
from cross_web import HTTPException
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route
from starlette.websockets import WebSocket
from strawberry.asgi import GraphQL
from strawberry.http import GraphQLHTTPResponse
from strawberry.types import ExecutionResult

from hub.access import ANONYMOUS, Principal, read_scope
from hub.audit import AuditLog
from hub.auth import DevKey, TokenVerifier, Unauthenticated, parse_issuers
from hub.authentication import Authenticator, TenantDirectory
from hub.config import Settings
from hub.db.engine import make_engine, make_sessionmaker
from hub.db.migrate import current_revision, head_revision
from hub.db.row_security import prelude
from hub.entry import ide
from hub.entry.request_ids import RequestIdMiddleware
from hub.errors import ConfigurationError
from hub.i18n import LocaleChain
from hub.json_limits import MAX_JSON_DEPTH, nested_deeper_than
from resolvers import RequestContext, RequestDatabase, TenantIndex
from schema import build_schema, coded_errors, error_body, refusal

log = logging.getLogger("tatawwu")


@dataclass
class HubState:
    settings: Settings
    engine: AsyncEngine
    sessions: async_sessionmaker[AsyncSession]
    tenants: TenantIndex
    authenticator: Authenticator


def token_verifier(settings: Settings) -> TokenVerifier:
    """Configured issuers; in dev mode also the local development key. Production mode
    refuses development tokens and will not start without an issuer."""
    issuers = parse_issuers(settings.oidc_issuers)
    if not settings.is_dev and not issuers:
        raise ConfigurationError("HUB_MODE=production needs at least one issuer in "
                                 "HUB_OIDC_ISSUERS (development tokens are refused there)")
    dev_key = DevKey.load_or_create(settings.dev_key_file) if settings.is_dev else None
    return TokenVerifier(issuers, dev_key)


class HubGraphQL(GraphQL[RequestContext, None]):
    def __init__(self, state: HubState) -> None:
        super().__init__(
            build_schema(state.settings),
            graphql_ide="graphiql" if state.settings.is_dev else None,
            allow_queries_via_get=True,
        )
        self.state = state

    async def get_context(self, request: Request | WebSocket, response: Any) -> RequestContext:
        state = self.state
        explicit = request.query_params.get("lang")
        request_id: str = request.state.request_id
        principal: Principal = getattr(request.state, "principal", ANONYMOUS)
        scope = read_scope(principal, state.tenants.inactive_ids)
        postgres = state.engine.dialect.name == "postgresql"
        context = RequestContext(
            db=RequestDatabase(state.sessions, prelude(scope) if postgres else None),
            scope=scope,
            locales=LocaleChain.from_request(
                explicit=explicit, accept_language=request.headers.get("accept-language")
            ),
            tenants=state.tenants,
            settings=state.settings,
            request_id=request_id,
            audit=AuditLog(principal, request_id),
            accept_language=request.headers.get("accept-language"),
        )
        request.state.context = context  # errors are rendered in its (final) locale
        return context

    async def process_result(
        self, request: Request, result: ExecutionResult
    ) -> GraphQLHTTPResponse:
        if result.errors:
            request_id = getattr(request.state, "request_id", "-")
            context = getattr(request.state, "context", None)
            locale = (context.locales.preferred if context else None) or _header_locale(request)
            result.errors = coded_errors(result.errors, request_id, locale)
        return await super().process_result(request, result)

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        """strawberry's own, except that its refusals (HTTPException: a body that is not
        JSON, no query, a mutation over GET...) answer JSON with a code, not plain text."""
        if scope["type"] != "http":
            await super().__call__(scope, receive, send)
            return
        request = Request(scope, receive)
        try:
            response = await self.run(request)
        except HTTPException as exc:
            found = refusal(exc)
            body = error_body(found, exc.reason, _header_locale(request),
                              request.state.request_id)
            response = Response(self.encode_json(body), status_code=found.status,
                                headers=found.headers, media_type="application/json")
        await response(scope, receive, send)

    def encode_json(self, data: object) -> bytes:
        return orjson.dumps(data)

    def decode_json(self, data: str | bytes) -> object:
        """orjson (faster than json, which raised RecursionError on deep nesting: a 500);
        JSON nested deeper than MAX_JSON_DEPTH is refused like malformed JSON."""
        value = orjson.loads(data)
        if nested_deeper_than(value, MAX_JSON_DEPTH):
            raise json.JSONDecodeError(f"depth limit exceeded ({MAX_JSON_DEPTH} levels)", "", 0)
        return value

    @property
    def graphql_ide_html(self) -> str:
        return ide.page_html()


def create_app(settings: Settings | None = None, *, engine: AsyncEngine | None = None) -> Starlette:
    """The hub's ASGI app. The database must already be migrated and its tenants synced."""
    settings = settings or Settings.from_env()
    verifier = token_verifier(settings)
    engine = engine or make_engine(settings.database_url)
    holder: dict[str, HubState] = {}

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        sessions = make_sessionmaker(engine)
        async with sessions() as session:
            tenants = await TenantIndex.load(session)
        federation = [t.id for t in tenants.active if t.kind == "FEDERATION"]
        directory = TenantDirectory({t.slug: t.id for t in tenants.active},
                                    federation[0] if federation else None)
        authenticator = Authenticator(verifier, sessions, directory)
        state = HubState(settings, engine, sessions, tenants, authenticator)
        holder["state"] = state
        app.state.hub = state
        graphql.app = HubGraphQL(state)
        try:
            yield
        finally:
            await engine.dispose()

    graphql = _Deferred()

    async def healthz(request: Request) -> Response:
        return JSONResponse({"status": "ok"})

    async def readyz(request: Request) -> Response:
        state = holder.get("state")
        if state is None:
            return JSONResponse({"status": "starting"}, status_code=503)
        try:
            async with state.engine.connect() as conn:
                await conn.execute(text("SELECT 1"))
            revision = await current_revision(state.engine)
        except Exception as exc:  # the probe reports any database failure, never raises
            log.warning("readiness check failed: %s", exc)
            return JSONResponse({"status": "database unavailable"}, status_code=503)
        if revision != head_revision():
            return JSONResponse({"status": "migrations pending", "revision": revision},
                                status_code=503)
        return JSONResponse({"status": "ready", "revision": revision,
                             "tenants": len(state.tenants.active)})

    middleware = [Middleware(RequestIdMiddleware)]
    if settings.cors_origins:
        middleware.append(Middleware(
            CORSMiddleware, allow_origins=list(settings.cors_origins),
            allow_methods=["GET", "POST"], allow_headers=["*"],
        ))
    return Starlette(
        routes=[
            # Every method: strawberry refuses the others, with a coded JSON 405.
            Route("/graphql", graphql),
            Route("/healthz", healthz),
            Route("/readyz", readyz),
            *(ide.routes() if settings.is_dev else []),
        ],
        middleware=middleware,
        lifespan=lifespan,
    )


def _header_locale(request: Request) -> str:
    """The caller's language before the locale chain exists (for early errors)."""
    chain = LocaleChain.from_request(explicit=request.query_params.get("lang"),
                                     accept_language=request.headers.get("accept-language"))
    return chain.preferred or "en"


class _Deferred:
    """The GraphQL endpoint, built once the lifespan has loaded the tenants. Authenticates
    first: a bad credential is answered here, with 401 and UNAUTHENTICATED."""

    app: HubGraphQL | None = None

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if self.app is None:
            response = JSONResponse({"errors": [{"message": "The hub is starting."}]},
                                    status_code=503)
            await response(scope, receive, send)
            return
        request = Request(scope)
        request_id: str = request.state.request_id  # RequestIdMiddleware
        try:
            request.state.principal = await self.app.state.authenticator.principal(
                request.headers)
        except Unauthenticated as exc:
            extensions = {"code": exc.code.value, "requestId": request_id, **exc.details}
            body = {"errors": [{"message": exc.render(_header_locale(request)),
                                "extensions": extensions}]}
            await JSONResponse(body, status_code=401,
                               headers={"WWW-Authenticate": "Bearer"})(scope, receive, send)
            return
        await self.app(scope, receive, send)
