"""Live emergency calls in a running hub: the runtime of one process (bus, fanout, caps,
dispatcher) and the websocket's protocol (authentication, expiry, one context per
subscription, coded errors). docs/live.md tells the whole story.

The runtime starts in the app's lifespan (`start_live(app, state)`), or around any app with
`with_live(app)` (what `tatawwu serve` does); either way once per app. It runs two tasks:
the bus's listener, which feeds this process's subscribers (`Fanout`) and, after each
reconnection, looks up the calls broadcast meanwhile; and the `Dispatcher`, which claims
due calls (one process per call) and sends them. The dispatcher has an engine of its own,
so that its looks at the outbox are never counted among a request's statements.

The websocket (graphql-transport-ws only; the legacy protocol had an authentication
bypass): the token comes in the `connection_init` payload (`{"Authorization": "Bearer
…"}` or `{"token": "…"}`; a browser cannot set headers on a websocket), checked by the
same `Authenticator` as HTTP. A refused or missing token closes the socket with 4403 and
the reason `UNAUTHENTICATED: …`; the socket is closed the same way (reason
`UNAUTHENTICATED: the token has expired`) when the token expires, so the client
reconnects with a fresh one. Only subscriptions run over it: queries and mutations go over
HTTP, through every limit there. Each subscription gets its own context
(resolvers/live/context.py), renewed at each delivery; its errors are coded and localized
as over HTTP.
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import contextlib
import itertools
import json
import logging
import time
from collections.abc import AsyncGenerator, AsyncIterator, Mapping
from contextlib import aclosing, asynccontextmanager
from datetime import datetime, timedelta
from typing import Any

import orjson
from graphql import GraphQLError
from sqlalchemy import select
from starlette.applications import Starlette
from starlette.websockets import WebSocket, WebSocketDisconnect
from strawberry.asgi import ASGIWebSocketAdapter
from strawberry.exceptions import MissingQueryError
from strawberry.http.exceptions import WebSocketDisconnected
from strawberry.schema.exceptions import CannotGetOperationTypeError, InvalidOperationTypeError
from strawberry.subscriptions.protocols.graphql_transport_ws.handlers import (
    BaseGraphQLTransportWSHandler,
)
from strawberry.subscriptions.protocols.graphql_transport_ws.types import (
    ConnectionInitMessage,
    SubscribeMessage,
)
from strawberry.types.graphql import OperationType

from hub.access import ANONYMOUS, Principal, read_scope
from hub.audit import AuditLog
from hub.auth import Unauthenticated
from hub.db import models as m
from hub.db.engine import make_engine, make_sessionmaker
from hub.db.types import utcnow
from hub.documents import DocumentCache, DocumentFinder
from hub.entry.documents import Caller, DocumentRefusal, resolve
from hub.entry.locale import locales_of
from hub.entry.state import HubState
from hub.errors import BadUserInput, HubError
from hub.i18n import LocaleChain
from hub.i18n import messages as hub_msg
from hub.live.bus import Bus, bus_for
from hub.live.fanout import Fanout
from hub.live.slots import Slots
from hub.live.subscriptions import Subscriptions
from hub.row_security import prelude
from resolvers import RequestDatabase
from resolvers.live import messages as msg
from resolvers.live.context import LiveContext
from resolvers.live.dispatch import POLL_SECONDS, Dispatcher, broadcast_since
from schema import coded_errors

log = logging.getLogger("tatawwu.live")

# How long a process waits at start for its bus to listen (the hub starts anyway after it:
# a Redis or a listening connection that is late catches up when it comes).
CONNECT_WAIT = 5.0
# A reconnection looks up the calls broadcast since the previous connection, this much
# before it included (clocks of the processes and the database differ a little).
CATCH_UP_MARGIN = timedelta(seconds=5)
# A websocket that has not sent `connection_init` by then is closed (4408).
INIT_WAIT = timedelta(seconds=10)
STOP_WAIT = 5.0  # seconds the dispatcher's pass under way may take to end at shutdown
# Close codes: 4403 makes graphql-ws clients reconnect (calling `connectionParams` again,
# for a fresh token); the reason starts with the error code.
REFUSED = 4403
TRY_AGAIN_LATER = 1013  # the hub could not check the token now; clients reconnect


# --- the runtime ---------------------------------------------------------------------------

class LiveRuntime:
    """One hub process's live calls: `await start()`, `await stop()`."""

    def __init__(self, state: HubState, bus: Bus | None = None, *,
                 poll: float = POLL_SECONDS) -> None:
        settings = state.settings
        self.state = state
        self.bus = bus or bus_for(settings)
        pool = {} if settings.is_sqlite else {"pool_size": 2, "max_overflow": 2}
        self.engine = make_engine(settings.database_url, **pool)
        self.sessions = make_sessionmaker(self.engine)
        self.fanout = Fanout()
        self.subscriptions = Subscriptions(self.fanout, Slots(
            settings.max_subscriptions_per_connection, settings.max_subscriptions_per_principal))
        self.dispatcher = Dispatcher(self.sessions, self.bus,
                                     lambda: state.tenants.inactive_ids, poll=poll)
        # Trusted documents named in `subscribe` messages (HUB_TRUSTED_DOCUMENTS).
        self.documents = DocumentFinder(state.sessions,
                                        DocumentCache(max_entries=settings.query_cache_size))
        self.listening = asyncio.Event()
        self.connected_at: datetime | None = None
        self.reconnections = 0
        self._tasks: list[asyncio.Task[None]] = []

    async def start(self) -> None:
        self._tasks = [
            asyncio.create_task(self.bus.listen(self.fanout.deliver, self._connected),
                                name="tatawwu-live-bus"),
            asyncio.create_task(self.dispatcher.run(), name="tatawwu-live-dispatch"),
        ]
        try:
            await asyncio.wait_for(self.listening.wait(), CONNECT_WAIT)
        except TimeoutError:
            log.warning("live: the %s bus is not listening yet; emergency calls reach this "
                        "process's subscribers once it is", self.bus.name)
        log.info("live: emergency calls over the %s bus", self.bus.name)

    async def stop(self) -> None:
        # The dispatcher first ends the pass under way: cancelled inside a transaction, its
        # connection's rollback would be cancelled too (and logged by the pool).
        self.dispatcher.stop()
        for task in self._tasks:
            if task.get_name() == "tatawwu-live-dispatch":
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(asyncio.shield(task), STOP_WAIT)
        for task in self._tasks:
            task.cancel()
        for task in self._tasks:
            with contextlib.suppress(asyncio.CancelledError):
                await task
        self._tasks = []
        await self.bus.close()
        await self.engine.dispose()

    async def _connected(self) -> None:
        """After each (re)connection of the bus: after the first, the calls broadcast since
        the previous one are delivered again (the fanout drops those already delivered)."""
        previous, self.connected_at = self.connected_at, utcnow()
        self.listening.set()
        if previous is None:
            return
        self.reconnections += 1
        try:
            missed = await broadcast_since(self.sessions, previous - CATCH_UP_MARGIN)
        except Exception as exc:  # the database away too: what comes next still arrives
            log.warning("live: could not look up calls missed while disconnected (%s: %s)",
                        type(exc).__name__, exc)
            return
        delivered = sum(self.fanout.deliver_event(event) for event in missed)
        if delivered:
            log.info("live: %s emergency call(s) missed while disconnected, delivered now",
                     delivered)


def live_of(app: Any) -> LiveRuntime | None:
    """The runtime started for `app` (None when live calls are not running)."""
    found = getattr(getattr(app, "state", None), "live", None)
    return found if isinstance(found, LiveRuntime) else None


@asynccontextmanager
async def start_live(app: Starlette, state: HubState, *, bus: Bus | None = None,
                     poll: float = POLL_SECONDS) -> AsyncIterator[LiveRuntime]:
    """Run live calls for `app` (its lifespan calls this once `state` is loaded) until the
    block ends. Once per app: inside a block already running, it yields that runtime."""
    running = live_of(app)
    if running is not None:
        yield running
        return
    runtime = LiveRuntime(state, bus, poll=poll)
    await runtime.start()
    app.state.live = runtime
    try:
        yield runtime
    finally:
        app.state.live = None
        await runtime.stop()


def with_live(app: Starlette, **options: Any) -> Starlette:
    """`app` with live calls running in its lifespan, after what the lifespan loads (the
    hub's state in `app.state.hub`). `options`: `start_live`'s."""
    inner = app.router.lifespan_context

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[Any]:
        async with inner(app) as value, start_live(app, app.state.hub, **options):
            yield value

    app.router.lifespan_context = lifespan
    return app


# --- one websocket -------------------------------------------------------------------------

class Refused(Exception):
    """The websocket's credentials are refused: closed with REFUSED and this reason."""

    def __init__(self, code: str, detail: str) -> None:
        super().__init__(f"{code}: {detail}")
        self.reason = f"{code}: {detail}"[:120]  # a close reason is at most 123 bytes


_connection_ids = itertools.count(1)


class LiveConnection:
    """What strawberry keeps as the context of one websocket: who is on it (once
    `connection_init` is authenticated) and their languages. Each subscription gets a
    context of its own from it (`operation_context`)."""

    def __init__(self, state: HubState, request: WebSocket) -> None:
        self.state = state
        self.request = request
        self.id = next(_connection_ids)
        self.request_id: str = request.state.request_id
        self.locales: LocaleChain = locales_of(request)
        self.accept_language = request.headers.get("accept-language")
        self.connection_params: dict[str, Any] | None = None
        self.principal: Principal = ANONYMOUS
        self.expires_at: float | None = None  # the token's `exp` (seconds since the epoch)
        self.operations = 0

    @property
    def runtime(self) -> LiveRuntime | None:
        return live_of(self.request.app)

    @property
    def subscriptions(self) -> Subscriptions | None:
        runtime = self.runtime
        return runtime.subscriptions if runtime is not None else None

    async def authenticate(self, params: Mapping[str, Any]) -> None:
        """The principal of the token in `params` (else of the handshake's Authorization
        header), its expiry and languages; `Refused` when there is no valid token."""
        token = _token(params, self.request.headers.get("authorization"))
        if token is None:
            raise Refused("UNAUTHENTICATED", "send a token in the connection_init payload "
                                             "({\"Authorization\": \"Bearer ...\"})")
        try:
            principal = await self.state.authenticator.principal(
                {"authorization": f"Bearer {token}"})
        except Unauthenticated as exc:
            raise Refused("UNAUTHENTICATED", exc.detail or exc.message) from None
        expires_at = _expiry(token)
        if expires_at is None or expires_at <= time.time():
            raise Refused("UNAUTHENTICATED", "the token has expired")
        if self.subscriptions is None:
            raise Refused("SERVICE_UNAVAILABLE", "live emergency calls are not running here")
        self.principal, self.expires_at = principal, expires_at
        self.locales = await self._languages(params)

    async def _languages(self, params: Mapping[str, Any]) -> LocaleChain:
        """The payload's `lang` or `Accept-Language`, else the handshake's (`?lang=`,
        Accept-Language), else the language the volunteer chose for notifications."""
        lang, header = _text(params, "lang"), _text(params, "accept-language")
        if lang or header:
            self.accept_language = header or self.accept_language
            return LocaleChain.from_request(explicit=lang, accept_language=header)
        if self.locales.requested or self.principal.volunteer_id is None:
            return self.locales
        async with self.state.sessions() as session:
            chosen = await session.scalar(select(m.Volunteer.locale).where(
                m.Volunteer.id == self.principal.volunteer_id))
        if not chosen:
            return self.locales
        return LocaleChain.from_request(explicit=chosen, accept_language=None)

    def operation_context(self) -> LiveContext:
        """A context for one subscription of this connection (see resolvers/live/context)."""
        state = self.state
        scope = read_scope(self.principal, state.tenants.inactive_ids)
        statements = prelude(scope, statement_timeout_ms=state.settings.statement_timeout_ms) \
            if state.engine.dialect.name == "postgresql" else None

        def open_database() -> RequestDatabase:
            return RequestDatabase(state.sessions, statements)

        self.operations += 1
        request_id = f"{self.request_id}.{self.operations}"
        return LiveContext(
            db=open_database(), scope=scope, locales=self.locales, tenants=state.tenants,
            settings=state.settings, request_id=request_id,
            audit=AuditLog(self.principal, request_id), accept_language=self.accept_language,
            live=self.subscriptions, connection_id=self.id, open_database=open_database)


def _text(params: Mapping[str, Any], name: str) -> str | None:
    """A payload's text value by case-insensitive name (headers' spelling varies)."""
    for key, value in params.items():
        if isinstance(key, str) and key.lower() == name and isinstance(value, str):
            return value.strip() or None
    return None


def _token(params: Mapping[str, Any], handshake: str | None) -> str | None:
    """The payload's `Authorization: Bearer …` or `token`, else the handshake's header."""
    authorization = _text(params, "authorization")
    if authorization:
        return _bearer(authorization)
    return _text(params, "token") or (_bearer(handshake) if handshake else None)


def _bearer(authorization: str) -> str | None:
    scheme, _, credential = authorization.strip().partition(" ")
    if scheme.lower() != "bearer":
        return None
    return credential.strip() or None


def _expiry(token: str) -> float | None:
    """The `exp` of a token the authenticator has just verified (every accepted token has
    one): read from its payload without verifying it again."""
    try:
        part = token.split(".")[1]
        claims = json.loads(base64.urlsafe_b64decode(part + "=" * (-len(part) % 4)))
        exp = claims["exp"]
    except (IndexError, KeyError, TypeError, ValueError, binascii.Error):
        return None
    return float(exp) if isinstance(exp, int | float) and not isinstance(exp, bool) else None


class TextFrames(ASGIWebSocketAdapter):
    """strawberry's websocket adapter, sending JSON as text frames: the view encodes JSON
    to bytes (orjson), which strawberry would send as binary frames, and graphql-ws clients
    read text."""

    async def send_json(self, message: Mapping[str, object]) -> None:
        try:
            await self.ws.send_text(orjson.dumps(message).decode())
        except WebSocketDisconnect as exc:
            raise WebSocketDisconnected from exc


class LiveProtocol(BaseGraphQLTransportWSHandler[Any, None]):
    """strawberry's graphql-transport-ws handler, with the hub's rules: `connection_init`
    authenticated (a coded close reason when refused), closed when the token expires,
    subscriptions only, one context per subscription, coded and localized errors."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        connection: LiveConnection = self.context
        self.schema = _Subscriptions(  # type: ignore[assignment]
            self.schema, suggestions=connection.state.settings.field_suggestions)
        self.expiry: asyncio.Task[None] | None = None

    async def handle_connection_init(self, message: ConnectionInitMessage) -> None:
        connection: LiveConnection = self.context
        payload = message.get("payload", {})
        first = not (self.connection_init_received or self.connection_timed_out)
        if first and isinstance(payload, dict):  # else strawberry closes with its reason
            code, reason = REFUSED, ""
            try:
                await connection.authenticate(payload)
            except Refused as refused:
                reason = refused.reason
            except Exception as exc:  # the database away: the client tries again later
                log.warning("live: websocket %s not authenticated (%s: %s)",
                            connection.request_id, type(exc).__name__, exc)
                code, reason = TRY_AGAIN_LATER, "SERVICE_UNAVAILABLE: try again later"
            if reason:
                if self.connection_init_timeout_task:
                    self.connection_init_timeout_task.cancel()
                self.connection_init_received = True
                log.info("live: websocket %s refused: %s", connection.request_id, reason)
                await self.websocket.close(code=code, reason=reason)
                return
        await super().handle_connection_init(message)
        if self.connection_acknowledged and self.expiry is None \
                and connection.expires_at is not None:
            self.expiry = asyncio.create_task(self._close_at(connection.expires_at))

    async def handle_subscribe(self, message: SubscribeMessage) -> None:
        """Trusted documents as over HTTP (hub/entry/documents.py): a subscription named by
        `documentId` or `extensions.persistedQuery.sha256Hash` runs that document; in
        `HUB_TRUSTED_DOCUMENTS=only` a volunteer sends ids only."""
        connection: LiveConnection = self.context
        runtime = connection.runtime
        settings = connection.state.settings
        payload = message.get("payload")
        if self.connection_acknowledged and runtime is not None and isinstance(payload, dict) \
                and settings.trusted_documents != "off":
            try:
                document = await resolve(dict(payload), Caller(connection.principal, settings),
                                         runtime.documents)
            except DocumentRefusal as refused:
                error = refused.error
                locale = connection.locales.preferred or "en"
                await self.send_message({"id": message["id"], "type": "error", "payload": [{
                    "message": error.render(locale),
                    "extensions": {"code": error.code.value, **error.details}}]})
                return
            if document is not None:
                message = {**message, "payload": {**payload, "query": document.body}}
        await super().handle_subscribe(message)

    async def _close_at(self, expires_at: float) -> None:
        await asyncio.sleep(max(0.0, expires_at - time.time()))
        for operation_id in list(self.operations):
            await self.cleanup_operation(operation_id)
        with contextlib.suppress(Exception):  # the client may be gone already
            await self.websocket.close(code=REFUSED,
                                       reason="UNAUTHENTICATED: the token has expired")

    async def shutdown(self) -> None:
        # Every subscription is told to end before anything is awaited: strawberry's
        # shutdown awaits first, and a connection torn down by cancellation (a server
        # stopping) would leave its subscriptions running, their slots taken.
        for operation in self.operations.values():
            if operation.task is not None:
                operation.task.cancel()
        if self.expiry is not None:
            self.expiry.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self.expiry
        await super().shutdown()


class _Subscriptions:
    """The schema as the protocol handler sees it: each operation a subscription (anything
    else is refused with a coded error), run with a context of its own, its errors coded
    in the subscriber's language; the context closed when the stream ends."""

    def __init__(self, schema: Any, *, suggestions: bool) -> None:
        self.schema, self.suggestions = schema, suggestions

    async def stream(self, query: str | None, variable_values: dict[str, Any] | None = None,
                     context_value: Any = None, root_value: Any = None,
                     operation_name: str | None = None, **_: Any) -> AsyncGenerator[Any, None]:
        connection: LiveConnection = context_value
        ctx = connection.operation_context()
        results = await self.schema.stream(
            query, variable_values=variable_values, context_value=ctx, root_value=root_value,
            operation_name=operation_name, allowed_operation_types=(OperationType.SUBSCRIPTION,))
        return self._coded(results, ctx)

    async def _coded(self, results: AsyncGenerator[Any, None], ctx: LiveContext
                     ) -> AsyncGenerator[Any, None]:
        try:
            async with aclosing(results):
                async for result in results:
                    if result.errors:
                        result.errors = coded_errors(
                            [_ours(e) for e in result.errors], ctx.request_id,
                            ctx.locales.preferred or "en", suggestions=self.suggestions)
                    yield result
        finally:
            await ctx.close()


def _ours(error: GraphQLError) -> GraphQLError:
    """strawberry's refusals of an operation, as the hub's coded errors."""
    cause = error.original_error
    found: HubError | None = None
    if isinstance(cause, InvalidOperationTypeError):
        found = BadUserInput(msg.ONLY_SUBSCRIPTIONS)
    elif isinstance(cause, MissingQueryError):
        found = BadUserInput(hub_msg.MISSING_QUERY)
    elif isinstance(cause, CannotGetOperationTypeError):
        found = BadUserInput(hub_msg.OPERATION_NAME_NEEDED) if cause.operation_name is None \
            else BadUserInput(hub_msg.UNKNOWN_OPERATION, operation=cause.operation_name)
    if found is None:
        return error
    return GraphQLError(found.message, original_error=found)

