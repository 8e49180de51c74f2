"""What the hub's public routes outside GraphQL share (feeds, calendars, news pages, oEmbed):
an anonymous caller's request context, the language an answer is written in, and errors
answered as coded JSON.

These routes serve only what anyone may read, whoever asks: they read as the ANONYMOUS
principal through the same read scope, row security and loaders as a GraphQL request
(`hub.access.read_scope`), never as the credentials the request carries. So a draft, a
scheduled record not yet due, a NETWORK or TENANT record cannot appear, even for staff.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable, Iterable, Sequence
from contextlib import asynccontextmanager
from functools import wraps
from typing import Any

import orjson
from starlette.requests import Request
from starlette.responses import Response

from hub.access import ANONYMOUS, read_scope
from hub.audit import AuditLog
from hub.db.models import Tenant
from hub.entry.locale import preferred_locale
from hub.entry.state import HubState, Startup
from hub.errors import BadUserInput, HubError, NotFound
from hub.i18n import LocaleChain
from hub.i18n import messages as i18n
from hub.i18n.chain import base_language, normalize_tag
from hub.row_security import prelude
from resolvers import RequestContext, RequestDatabase

STARTING = {"errors": [{"message": "The hub is starting."}]}


@asynccontextmanager
async def anonymous_context(state: HubState, request: Request, language: str
                            ) -> AsyncIterator[RequestContext]:
    """A request context as GraphQL would make for an anonymous caller asking in
    `language`; its connection goes back to the pool at the end."""
    scope = read_scope(ANONYMOUS, state.tenants.inactive_ids)
    postgres = state.engine.dialect.name == "postgresql"
    request_id: str = request.state.request_id
    ctx = RequestContext(
        db=RequestDatabase(state.sessions, prelude(
            scope, statement_timeout_ms=state.settings.statement_timeout_ms)
            if postgres else None),
        scope=scope,
        locales=LocaleChain.from_request(explicit=language, accept_language=None),
        tenants=state.tenants,
        settings=state.settings,
        request_id=request_id,
        audit=AuditLog(ANONYMOUS, request_id),
    )
    try:
        yield ctx
    finally:
        await ctx.db.close()


def tenant_languages(tenant: Tenant) -> tuple[str, ...]:
    """The languages a tenant publishes in (its `locales`), as tags."""
    return tuple(dict.fromkeys(tag for raw in tenant.locales
                               if (tag := normalize_tag(raw)) is not None))


def network_languages(tenants: Iterable[Tenant]) -> tuple[str, ...]:
    """The languages of the whole network: every active tenant's, sorted."""
    return tuple(sorted({tag for t in tenants for tag in tenant_languages(t)}))


def chosen_language(request: Request, languages: Sequence[str], default: str) -> str:
    """The answer's language: `?lang=` (one of `languages`, or a regional form of one:
    `ar-DZ` asks for `ar` where only `ar` is published), else `default`'s match. Anything
    else is BAD_USER_INPUT naming `lang`."""
    asked = request.query_params.get("lang")
    if asked is None or not asked.strip():
        return _match(default, languages) or languages[0]
    found = _match(asked, languages)
    if found is None:
        raise BadUserInput(i18n.UNSUPPORTED_LOCALE, argument="lang", locale=asked[:35],
                           locales=", ".join(languages))
    return found


def _match(tag: str, languages: Sequence[str]) -> str | None:
    normalized = normalize_tag(tag)
    if normalized is None:
        return None
    if normalized in languages:
        return normalized
    base = base_language(normalized)
    return base if base in languages else None


def coded_error(request: Request, error: HubError, status: int,
                headers: dict[str, str] | None = None, *, locale: str | None = None
                ) -> Response:
    """`{"errors": [{message, extensions: {code, requestId, ...}}]}` in the request's
    language (or `locale`), as every refusal of the hub is written."""
    request_id = str(getattr(request.state, "request_id", "-"))
    extensions: dict[str, Any] = {"code": error.code.value, "requestId": request_id,
                                  **error.details}
    body = {"errors": [{"message": error.render(locale or preferred_locale(request)),
                        "extensions": extensions}]}
    return Response(orjson.dumps(body), status_code=status, media_type="application/json",
                    headers={"Cache-Control": "no-store", **(headers or {})})


def starting() -> Response:
    """The answer while the hub is starting (its tenants are not loaded yet)."""
    return Response(orjson.dumps(STARTING), status_code=503, media_type="application/json",
                    headers={"Retry-After": "1", "Cache-Control": "no-store"})


Handler = Callable[[HubState, Request], Awaitable[Response]]


def answering(startup: Startup, handler: Handler) -> Callable[[Request], Awaitable[Response]]:
    """A route of `handler`: 503 while the hub starts; bad input (400) and records that are
    not there or not public (404) as coded JSON."""

    @wraps(handler)
    async def endpoint(request: Request) -> Response:
        state = startup.state
        if state is None:
            return starting()
        try:
            return await handler(state, request)
        except BadUserInput as exc:
            return coded_error(request, exc, 400)
        except NotFound as exc:
            return coded_error(request, exc, 404)

    return endpoint


def public_tenant(state: HubState, slug: str) -> Tenant:
    """An active tenant, or NOT_FOUND."""
    tenant = state.tenants.find(slug)
    if tenant is None:
        raise NotFound(i18n.UNKNOWN_TENANT, slug=slug[:64])
    return tenant


def name_in(tenant: Tenant, chain: LocaleChain) -> str:
    """The tenant's name in the first language of `chain` it has."""
    picked = chain.pick(tenant.names, tenant.default_locale)
    return picked[1] if picked is not None else tenant.slug
