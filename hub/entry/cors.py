"""Cross-origin requests from browsers: each API key's allowed origins, plus HUB_CORS_ORIGINS.

A widget's key is made for the sites that may use it (`tatawwu clients create ... --origin
https://news.example.dz`); those sites may then call the hub from a browser with that key,
with no global setting and no restart. The rules:

- Preflight (`OPTIONS` with `Access-Control-Request-Method`; browsers send no credentials
  with it): allowed when its Origin is in HUB_CORS_ORIGINS or among the allowed origins of
  at least one active API key (a set read from the database, kept `ORIGINS_TTL` seconds
  and read again at most every `MISS_REFRESH` seconds when an unknown origin asks, so a
  new key works at once). Allowed: 204 with `Access-Control-Allow-Origin: <origin>`, the
  methods GET and POST, the headers asked for, `Max-Age`. Refused: 403 with a coded JSON
  body (FORBIDDEN) and no CORS header, which the browser reports as a CORS failure.
- A request carrying an API key (`X-Api-Key` or `Authorization: ApiKey ...`) from a
  browser (an Origin): allowed, with CORS headers, only when the Origin is among THAT
  key's allowed origins. From any other origin it is refused before it runs: 403
  FORBIDDEN, coded JSON, no CORS header (unless the origin is one of HUB_CORS_ORIGINS, so
  that the page can read why). An unknown or revoked key is left to authentication (401).
- Any other request with an Origin (anonymous, or with a bearer token): CORS headers only
  for HUB_CORS_ORIGINS, as before.
- A route that answers `Access-Control-Allow-Origin` itself keeps it: public documents
  (feeds, calendars, oEmbed, the widget's script) answer `*`.

Every answer to a request with an Origin says `Vary: Origin`. No credentials mode: keys are
headers, never cookies, so `Access-Control-Allow-Credentials` is never sent.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections import OrderedDict
from collections.abc import Sequence
from typing import Final

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from starlette.datastructures import Headers, MutableHeaders
from starlette.requests import Request
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from hub.auth import digest_of, matches, origin_allowed, prefix_of
from hub.config import Settings
from hub.db import models as m
from hub.entry import messages as msg
from hub.entry.public import coded_error
from hub.entry.state import Startup
from hub.errors import Forbidden
from hub.i18n import LocaleChain
from hub.i18n.chain import FINAL_FALLBACK

ORIGINS_TTL: Final = 30.0  # seconds the set of every key's origins is kept
MISS_REFRESH: Final = 1.0  # an origin not in the set reads it again, at most this often
KEYS_TTL: Final = 30.0  # seconds one key's origins are kept
MAX_KEYS: Final = 1024  # keys whose origins are kept (least recently used go first)
MAX_ORIGINS: Final = 10_000  # origins in the set; more are left out, with a warning
METHODS: Final = "GET, POST"
MAX_AGE: Final = "600"
EXPOSED: Final = "X-Request-Id, ETag, Last-Modified, Retry-After"

log = logging.getLogger("tatawwu.cors")


class KeyOrigins:
    """The allowed origins of API keys by the key's digest (None: not an active key)."""

    def __init__(self, ttl: float = KEYS_TTL, max_keys: int = MAX_KEYS) -> None:
        self.ttl, self.max_keys = ttl, max_keys
        self._kept: OrderedDict[str, tuple[float, tuple[str, ...] | None]] = OrderedDict()

    async def of(self, sessions: async_sessionmaker[AsyncSession], key: str
                 ) -> tuple[str, ...] | None:
        prefix = prefix_of(key)
        if prefix is None:
            return None
        digest = digest_of(key)
        now = time.monotonic()
        kept = self._kept.get(digest)
        if kept is not None and now - kept[0] < self.ttl:
            self._kept.move_to_end(digest)
            return kept[1]
        async with sessions() as session:
            rows = (await session.execute(select(m.ApiClient.digest, m.ApiClient.allowed_origins)
                                          .where(m.ApiClient.prefix == prefix,
                                                 m.ApiClient.revoked_at.is_(None)))).all()
        origins = next((tuple(row.allowed_origins) for row in rows if matches(key, row.digest)),
                       None)
        self._kept[digest] = (now, origins)
        self._kept.move_to_end(digest)
        while len(self._kept) > self.max_keys:
            self._kept.popitem(last=False)
        return origins


class OriginDirectory:
    """Every active key's allowed origins: whom a preflight (which carries no key) may come
    from."""

    def __init__(self, ttl: float = ORIGINS_TTL, miss_refresh: float = MISS_REFRESH,
                 max_origins: int = MAX_ORIGINS) -> None:
        self.ttl, self.miss_refresh, self.max_origins = ttl, miss_refresh, max_origins
        self._origins: tuple[str, ...] = ()
        self._read_at: float | None = None
        self._answers: dict[str, bool] = {}  # origin -> allowed, since the last read
        self._lock = asyncio.Lock()

    async def allows(self, sessions: async_sessionmaker[AsyncSession], origin: str) -> bool:
        now = time.monotonic()
        if self._read_at is None or now - self._read_at >= self.ttl:
            await self._read(sessions, now)
        if self._allowed(origin):
            return True
        if self._read_at is not None and now - self._read_at >= self.miss_refresh:
            await self._read(sessions, now)  # a key made since the last read
            return self._allowed(origin)
        return False

    def _allowed(self, origin: str) -> bool:
        answer = self._answers.get(origin)
        if answer is None:
            answer = origin_allowed(origin, self._origins)
            if len(self._answers) < 4 * MAX_KEYS:
                self._answers[origin] = answer
        return answer

    async def _read(self, sessions: async_sessionmaker[AsyncSession], now: float) -> None:
        async with self._lock:
            if self._read_at is not None and self._read_at >= now:
                return  # another request read it meanwhile
            async with sessions() as session:
                lists = (await session.scalars(select(m.ApiClient.allowed_origins).where(
                    m.ApiClient.revoked_at.is_(None)))).all()
            origins = tuple(dict.fromkeys(o for found in lists for o in found))
            if len(origins) > self.max_origins:
                log.warning("%d allowed origins across API keys; only the first %d answer "
                            "preflights", len(origins), self.max_origins)
                origins = origins[:self.max_origins]
            self._origins, self._answers = origins, {}
            self._read_at = time.monotonic()


def api_key_of(headers: Headers) -> str | None:
    """The API key a request carries, as authentication reads it (a bearer token wins)."""
    authorization = headers.get("authorization", "").strip()
    if authorization:
        scheme, _, credential = authorization.partition(" ")
        return credential.strip() or None if scheme.lower() == "apikey" else None
    return headers.get("x-api-key", "").strip() or None


class KeyedCORSMiddleware:
    def __init__(self, app: ASGIApp, settings: Settings, startup: Startup) -> None:
        self.app, self.settings, self.startup = app, settings, startup
        self.directory = OriginDirectory()
        self.keys = KeyOrigins()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        origin = headers.get("origin")
        if origin is None:
            await self.app(scope, receive, send)
            return
        is_global = bool(self.settings.cors_origins) \
            and origin_allowed(origin, self.settings.cors_origins)
        if scope["method"] == "OPTIONS" and "access-control-request-method" in headers:
            response = await self._preflight(scope, headers, origin, is_global)
            await response(scope, receive, send)
            return
        readable = is_global
        state = self.startup.state
        key = api_key_of(headers)
        if key is not None and state is not None:
            allowed = await self.keys.of(state.sessions, key)
            if allowed is not None and not origin_allowed(origin, allowed):
                refusal = coded_error(
                    Request(scope), Forbidden(msg.ORIGIN_NOT_ALLOWED_FOR_KEY,
                                              origin=origin[:200]),
                    403, locale=_locale(scope))
                await _with_cors(refusal, origin, is_global)(scope, receive, send)
                return
            readable = readable or allowed is not None  # this key's own origin
        await self.app(scope, receive, _sending_cors(send, origin, readable))

    async def _preflight(self, scope: Scope, headers: Headers, origin: str,
                         is_global: bool) -> Response:
        method = headers["access-control-request-method"].strip().upper()
        state = self.startup.state
        allowed = method in ("GET", "POST", "HEAD") and (is_global or (
            state is not None and await self.directory.allows(state.sessions, origin)))
        if not allowed:
            refusal = coded_error(Request(scope), Forbidden(msg.ORIGIN_NOT_ALLOWED,
                                                            origin=origin[:200]),
                                  403, {"Vary": "Origin"}, locale=_locale(scope))
            return refusal
        answer = {"Access-Control-Allow-Origin": origin, "Access-Control-Allow-Methods": METHODS,
                  "Access-Control-Max-Age": MAX_AGE, "Vary": "Origin"}
        asked = headers.get("access-control-request-headers")
        if asked:
            answer["Access-Control-Allow-Headers"] = ", ".join(_tokens(asked))
        return Response(status_code=204, headers=answer)


def _tokens(listed: str) -> Sequence[str]:
    """The header names of a list, each a plain HTTP token (anything else left out)."""
    names = (name.strip() for name in listed.split(","))
    return [n for n in names if n and len(n) <= 100
            and all(c.isalnum() or c in "!#$%&'*+-.^_`|~" for c in n)]


def _locale(scope: Scope) -> str:
    """The language of a refusal made before LocaleMiddleware runs (it is inside CORS)."""
    request = Request(scope)
    chain = LocaleChain.from_request(explicit=request.query_params.get("lang"),
                                     accept_language=request.headers.get("accept-language"))
    return chain.preferred or FINAL_FALLBACK


def _add_cors(headers: MutableHeaders, origin: str, allowed: bool) -> None:
    headers.add_vary_header("Origin")
    if allowed and "access-control-allow-origin" not in headers:
        headers["Access-Control-Allow-Origin"] = origin
        headers["Access-Control-Expose-Headers"] = EXPOSED


def _with_cors(response: Response, origin: str, allowed: bool) -> Response:
    _add_cors(response.headers, origin, allowed)
    return response


def _sending_cors(send: Send, origin: str, allowed: bool) -> Send:
    async def sending(message: Message) -> None:
        if message["type"] == "http.response.start":
            headers = MutableHeaders(scope=message)
            _add_cors(headers, origin, allowed)
        await send(message)

    return sending
