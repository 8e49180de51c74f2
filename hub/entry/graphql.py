"""The GraphQL endpoint: strawberry's ASGI view with the hub's per-request context, coded
errors and JSON limits, mounted at /graphql once the lifespan has loaded the tenants."""

from __future__ import annotations

import json
from typing import Any

import orjson
from cross_web import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import BaseRoute, Route
from starlette.websockets import WebSocket
from strawberry.asgi import GraphQL
from strawberry.http import GraphQLHTTPResponse
from strawberry.types import ExecutionResult

from hub.access import read_scope
from hub.audit import AuditLog
from hub.entry import ide
from hub.entry.authentication import principal_of
from hub.entry.locale import locales_of, preferred_locale
from hub.entry.state import HubState, Startup
from hub.json_limits import MAX_JSON_DEPTH, nested_deeper_than
from hub.row_security import prelude
from resolvers import RequestContext, RequestDatabase
from schema import build_schema, coded_errors, error_body, refusal


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
        request_id: str = request.state.request_id
        principal = principal_of(request)
        scope = read_scope(principal, state.tenants.inactive_ids)
        postgres = state.engine.dialect.name == "postgresql"
        context = RequestContext(
            db=RequestDatabase(state.sessions, prelude(scope) if postgres else None),
            scope=scope,
            locales=locales_of(request),
            tenants=state.tenants,
            settings=state.settings,
            request_id=request_id,
            audit=AuditLog(principal, request_id),
            accept_language=request.headers.get("accept-language"),
            idempotency_key=request.headers.get("idempotency-key"),
        )
        request.state.context = context  # errors are rendered in its (final) locale
        return context

    async def process_result(
        self, request: Request, result: ExecutionResult
    ) -> GraphQLHTTPResponse:
        if result.errors:
            request_id = getattr(request.state, "request_id", "-")
            context = getattr(request.state, "context", None)
            locale = (context.locales.preferred if context else None) or preferred_locale(request)
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
            body = error_body(found, exc.reason, preferred_locale(request),
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


class _Deferred:
    """The GraphQL endpoint, built in the lifespan once the tenants are loaded; until then
    it answers 503. (The caller is already authenticated: `hub.entry.authentication`.)"""

    def __init__(self, startup: Startup) -> None:
        self.app: HubGraphQL | None = None
        startup.on_loaded(self._build)

    def _build(self, state: HubState) -> None:
        self.app = HubGraphQL(state)

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if self.app is None:
            response = JSONResponse({"errors": [{"message": "The hub is starting."}]},
                                    status_code=503)
            await response(scope, receive, send)
            return
        await self.app(scope, receive, send)


def routes(startup: Startup) -> list[BaseRoute]:
    # Every method: strawberry refuses the others, with a coded JSON 405.
    return [Route("/graphql", _Deferred(startup))]
