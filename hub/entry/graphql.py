"""The GraphQL endpoint: strawberry's ASGI view with the hub's per-request context, coded
errors and JSON limits, mounted at /graphql once the lifespan has loaded the tenants.

Its transport rules, each answered as coded JSON (schema/core/transport_errors.py): POST only
as `application/json` or `application/graphql-response+json` (no form, text or multipart
post a browser could send cross-site without asking); GET for queries only, and in
production for trusted documents only (no ad-hoc GET: a link or an `<img>` could run one);
`variables` at most HUB_MAX_VARIABLES_BYTES; batches refused unless HUB_ALLOW_BATCHING, then
at most MAX_BATCH operations run one after the other, each as a request of its own; an
answer over HUB_MAX_RESPONSE_BYTES is replaced by an error, never sent.

The websocket at the same path speaks graphql-transport-ws only, for subscriptions only
(hub/entry/live.py: authentication in `connection_init`, expiry, one context per
subscription); a subscription sent over HTTP is refused. In production a browser's
websocket must come from the page's own origin or one of HUB_CORS_ORIGINS (cross-site
websocket hijacking); in dev any origin may connect (the token travels in the payload,
never in a cookie, so a foreign page has no credential to borrow). At most
HUB_MAX_SOCKETS_PER_ADDRESS websockets are open at once from one address in one process
(hub/entry/socket_caps.py).
"""

from __future__ import annotations

import json
from typing import Any, cast

import orjson
from cross_web import AsyncHTTPRequestAdapter, HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import BaseRoute, Route, WebSocketRoute
from starlette.websockets import WebSocket
from strawberry.asgi import GraphQL
from strawberry.exceptions import MissingQueryError
from strawberry.http import GraphQLHTTPResponse, GraphQLRequestData
from strawberry.http.parse_content_type import parse_content_type
from strawberry.schema.exceptions import CannotGetOperationTypeError, InvalidOperationTypeError
from strawberry.subscriptions import GRAPHQL_TRANSPORT_WS_PROTOCOL
from strawberry.types import ExecutionResult
from strawberry.types.graphql import OperationType

from hub.access import read_scope
from hub.audit import AuditLog
from hub.entry import ide
from hub.entry.authentication import principal_of
from hub.entry.live import INIT_WAIT, LiveConnection, LiveProtocol, TextFrames
from hub.entry.locale import locales_of, preferred_locale
from hub.entry.socket_caps import SocketsPerAddress
from hub.entry.state import HubState, Startup
from hub.errors import ErrorCode
from hub.i18n import messages as msg
from hub.json_limits import MAX_JSON_DEPTH, nested_deeper_than
from hub.row_security import prelude
from resolvers import RequestContext, RequestDatabase
from resolvers.live import messages as live_msg
from schema import Refusal, build_schema, coded_errors, error_body, refusal
from schema.build import HubSchema
from schema.core.nul_text import nul_path
from schema.core.transport_errors import Refused

JSON_TYPES = frozenset({"application/json", "application/graphql-response+json"})


class ResponseTooLargeError(Exception):
    """An encoded answer over the limit: replaced by an error where the view answers."""

    def __init__(self, size: int) -> None:
        super().__init__(size)
        self.size = size


class HubGraphQL(GraphQL[RequestContext, None]):
    graphql_transport_ws_handler_class = LiveProtocol
    websocket_adapter_class = TextFrames

    def __init__(self, state: HubState) -> None:
        settings = state.settings
        super().__init__(
            build_schema(settings),
            graphql_ide="graphiql" if settings.is_dev else None,
            allow_queries_via_get=True,
            subscription_protocols=[GRAPHQL_TRANSPORT_WS_PROTOCOL],
            connection_init_wait_timeout=INIT_WAIT,
            # The hub's own cap answers first, with its coded error (hub/live/slots.py).
            max_subscriptions_per_connection=settings.max_subscriptions_per_connection + 1,
            allowed_origins=("*",) if settings.is_dev else settings.cors_origins,
        )
        self.state = state
        self.sockets = SocketsPerAddress(settings.max_sockets_per_address)

    async def get_context(self, request: Request | WebSocket, response: Any) -> RequestContext:
        state = self.state
        if isinstance(request, WebSocket):
            # The connection's, until `connection_init` says who is on it; each
            # subscription gets a context of its own from it (hub/entry/live.py).
            return cast(RequestContext, LiveConnection(state, request))
        request_id: str = request.state.request_id
        principal = principal_of(request)
        scope = read_scope(principal, state.tenants.inactive_ids)
        postgres = state.engine.dialect.name == "postgresql"
        context = RequestContext(
            db=RequestDatabase(state.sessions, prelude(
                scope, statement_timeout_ms=state.settings.statement_timeout_ms)
                if postgres else None),
            scope=scope,
            locales=locales_of(request),
            tenants=state.tenants,
            settings=state.settings,
            request_id=request_id,
            audit=AuditLog(principal, request_id),
            accept_language=request.headers.get("accept-language"),
            idempotency_key=request.headers.get("idempotency-key"),
            document_id=getattr(request.state, "trusted_document", None),
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
            result.errors = coded_errors(result.errors, request_id, locale,
                                         suggestions=self.state.settings.field_suggestions)
        return await super().process_result(request, result)

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        """strawberry's own, except that its refusals (HTTPException: a body that is not
        JSON, no query, a mutation over GET...) and ours (`Refused`) answer JSON with a
        code, not plain text, and an answer over the size limit is replaced by an error."""
        if scope["type"] == "websocket":
            peer = scope["client"][0] if scope.get("client") else None
            with self.sockets.holding(peer) as allowed:
                if allowed:
                    await super().__call__(scope, receive, send)
                else:  # before `accept`: the handshake is answered 403
                    await send({"type": "websocket.close", "code": 1008})
            return
        if scope["type"] != "http":
            await super().__call__(scope, receive, send)
            return
        request = Request(scope, receive)
        try:
            self.check_get(request)
            response = await self.run(request)
        except HTTPException as exc:
            response = self.refused(request, refusal(exc), exc.reason)
        except Refused as exc:
            response = self.refused(request, exc.refusal, exc.reason)
        except ResponseTooLargeError as exc:
            response = self.too_large(request, exc.size)
        await response(scope, receive, send)

    def refused(self, request: Request, found: Refusal, reason: str) -> Response:
        body = error_body(found, reason, preferred_locale(request), request.state.request_id)
        return Response(orjson.dumps(body), status_code=found.status, headers=found.headers,
                        media_type="application/json")

    def too_large(self, request: Request, size: int) -> Response:
        """The answer that replaces one over HUB_MAX_RESPONSE_BYTES: `data` null, the code
        RESPONSE_TOO_LARGE (status 200, as any GraphQL error once execution has begun)."""
        limit = self.state.settings.max_response_bytes
        context = getattr(request.state, "context", None)
        locale = (context.locales.preferred if context else None) or preferred_locale(request)
        found = Refusal(200, msg.RESPONSE_TOO_LARGE, ErrorCode.RESPONSE_TOO_LARGE,
                        params={"count": limit})
        body = {"data": None, **error_body(
            found, f"The answer holds {size} bytes, over the limit of {limit}", locale,
            request.state.request_id)}
        return Response(orjson.dumps(body), media_type="application/json")

    def encode_json(self, data: object) -> bytes:
        encoded = orjson.dumps(data)
        if len(encoded) > self.state.settings.max_response_bytes:
            raise ResponseTooLargeError(len(encoded))
        return encoded

    async def parse_http_body(self, request: AsyncHTTPRequestAdapter
                              ) -> GraphQLRequestData | list[GraphQLRequestData]:
        """The transport rules on what strawberry reads: content types, ad-hoc GET in
        production, the size of `variables`."""
        settings = self.state.settings
        if request.method == "POST":
            content_type = parse_content_type(request.content_type or "")[0].lower()
            if content_type not in JSON_TYPES:
                raise Refused(Refusal(415, msg.UNSUPPORTED_CONTENT_TYPE),
                              f"Unsupported content type {content_type or '(none)'!r}: "
                              "send application/json")
            request = cast(AsyncHTTPRequestAdapter, _AsJSON(request))
        elif request.method == "GET":
            sent = request.query_params.get("variables") or ""
            if len(sent.encode()) > settings.max_variables_bytes:
                raise self.variables_too_large(len(sent.encode()))
        found = await super().parse_http_body(request)
        for data in found if isinstance(found, list) else [found]:
            if data.variables:
                size = len(orjson.dumps(data.variables))
                if size > settings.max_variables_bytes:
                    raise self.variables_too_large(size)
                where = nul_path(data.variables)
                if where is not None:
                    raise Refused(Refusal(400, msg.NUL_CHARACTER, argument=where),
                                  f"{where} holds the character U+0000")
        return found

    def variables_too_large(self, size: int) -> Refused:
        limit = self.state.settings.max_variables_bytes
        return Refused(Refusal(413, msg.VARIABLES_TOO_LARGE, ErrorCode.VARIABLES_TOO_LARGE,
                               params={"count": limit}),
                       f"`variables` holds {size} bytes of JSON, over the limit of {limit}")

    def check_get(self, request: Request) -> None:
        """In production a GET carries a trusted document only (the trusted-documents
        middleware sets `request.state.trusted_document` when it has put one in place): an
        ad-hoc query over GET is a request any page can make a browser send."""
        if request.method != "GET" or self.state.settings.is_dev \
                or "query" not in request.query_params \
                or getattr(request.state, "trusted_document", None) is not None:
            return
        raise Refused(Refusal(405, msg.ADHOC_GET_REFUSED, headers={"Allow": "POST"}),
                      "Ad-hoc queries over GET are refused in production")

    async def execute_operation(
        self, request: Request, request_adapter: AsyncHTTPRequestAdapter,
        request_data: GraphQLRequestData | list[GraphQLRequestData], context: RequestContext,
        root_value: None, sub_response: Response,
    ) -> Any:
        """A batch (HUB_ALLOW_BATCHING) runs its operations one after the other, each with
        a context of its own (its own connection, loaders and audit), as separate requests
        would: strawberry's would run them at once on one context and one connection."""
        if not isinstance(request_data, list):
            return await super().execute_operation(
                request=request, request_adapter=request_adapter, request_data=request_data,
                context=context, root_value=root_value, sub_response=sub_response)
        results = []
        for index, data in enumerate(request_data):
            own = context if index == 0 else await self.get_context(request, sub_response)
            results.append(await self.execute_single(
                request=request, request_adapter=request_adapter, sub_response=sub_response,
                context=own, root_value=root_value, request_data=data))
        return results

    async def execute_single(
        self, request: Request, request_adapter: AsyncHTTPRequestAdapter,
        sub_response: Response, context: RequestContext, root_value: None,
        request_data: GraphQLRequestData,
    ) -> ExecutionResult:
        """strawberry's, except that a subscription is refused (coded): it runs over the
        websocket only, where strawberry would run it over HTTP without a stream and answer
        an internal error."""
        allowed = OperationType.from_http(request_adapter.method) - {OperationType.SUBSCRIPTION}
        try:
            return await self.schema.execute(
                request_data.query, root_value=root_value,
                variable_values=request_data.variables, context_value=context,
                operation_name=request_data.operation_name, allowed_operation_types=allowed,
                operation_extensions=request_data.extensions)
        except CannotGetOperationTypeError as exc:
            raise HTTPException(400, exc.as_http_error_reason()) from exc
        except InvalidOperationTypeError as exc:
            if exc.operation_type == OperationType.SUBSCRIPTION:
                raise Refused(Refusal(400, live_msg.SUBSCRIPTIONS_OVER_WEBSOCKET),
                              "Subscriptions are served over the websocket only") from exc
            raise HTTPException(400, exc.as_http_error_reason(request_adapter.method)) from exc
        except MissingQueryError as exc:
            raise HTTPException(400, "No GraphQL query found in the request") from exc

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


class _AsJSON:
    """A request adapter whose content type reads as application/json: strawberry parses
    a body as JSON only when its type holds that text, case-sensitively, while
    `Application/JSON` and application/graphql-response+json are JSON too (and anything
    else is refused before)."""

    content_type = "application/json"

    def __init__(self, inner: AsyncHTTPRequestAdapter) -> None:
        self._inner = inner

    def __getattr__(self, name: str) -> Any:
        return getattr(self._inner, name)


class _Deferred:
    """The GraphQL endpoint, built in the lifespan once the tenants are loaded; until then
    it answers 503. (The caller is already authenticated: `hub.entry.authentication`.)"""

    def __init__(self, startup: Startup) -> None:
        self.app: HubGraphQL | None = None
        startup.on_loaded(self._build)

    def _build(self, state: HubState) -> None:
        self.app = HubGraphQL(state)
        state.schema = cast(HubSchema, self.app.schema)

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if self.app is None and scope["type"] == "websocket":
            await send({"type": "websocket.close", "code": 1013})  # try again later
            return
        if self.app is None:
            response = JSONResponse({"errors": [{"message": "The hub is starting."}]},
                                    status_code=503)
            await response(scope, receive, send)
            return
        await self.app(scope, receive, send)


def routes(startup: Startup) -> list[BaseRoute]:
    # Every method: strawberry refuses the others, with a coded JSON 405. The websocket at
    # the same path: subscriptions (graphql-transport-ws).
    endpoint = _Deferred(startup)
    return [Route("/graphql", endpoint), WebSocketRoute("/graphql", endpoint)]
