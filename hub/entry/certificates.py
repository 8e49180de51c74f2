"""The certificates routes.

- `GET /certificates/{code}.pdf`: the certificate as a PDF, for its holder and for staff of
  the issuing society (bearer token), while it is valid. Anyone else, a revoked or unknown
  code: 404, the same answer, so that existence is never revealed. `private, no-store`.
- `GET /certificates/{code}`: the public verification page, the QR code's address, in the
  reader's language (`?lang=`, Accept-Language) and direction: validity, issuer, holder's
  display name, hours, dates. Valid: 200; anything else: 404 with the same "not valid"
  page. Self-contained (inline style, the logo as a data: URI: an offline intranet shows
  it whole), not indexed, cached publicly for HUB_PUBLIC_CACHE_SECONDS: a revocation shows
  within that time.

The PDF is read under the caller's row security (as GraphQL reads: the same scope, the
same loaders); the page reads the certificate on the hub's own account, selecting only
what it shows (resolvers/certificates/verification.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Final

from sqlalchemy import Executable
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import BaseRoute, Route

from hub.access import read_scope
from hub.audit import AuditLog
from hub.entry.authentication import principal_of
from hub.entry.certificate_pdf import pdf_of
from hub.entry.locale import locales_of, preferred_locale
from hub.entry.state import HubState, Startup
from hub.errors import NotFound
from hub.i18n import messages as hub_msg
from hub.row_security import prelude
from resolvers import RequestContext, RequestDatabase
from resolvers.certificates.page import verification_page
from resolvers.certificates.queries import downloadable
from resolvers.certificates.render import verification_html
from resolvers.certificates.verification import verify

# The page loads nothing from elsewhere: its style is inline, its images data: URIs.
PAGE_POLICY: Final = ("default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
                      "base-uri 'none'; form-action 'none'; frame-ancestors 'none'")


def routes(startup: Startup) -> list[BaseRoute]:
    async def pdf(request: Request) -> Response:
        state = startup.state
        if state is None:
            return _starting()
        return await _pdf(request, state)

    async def page(request: Request) -> Response:
        state = startup.state
        if state is None:
            return _starting()
        return await _page(request, state)

    # The PDF's route first: `{code}` alone would also take "<code>.pdf".
    return [Route("/certificates/{code}.pdf", pdf, methods=["GET"]),
            Route("/certificates/{code}", page, methods=["GET"])]


def _starting() -> Response:
    return JSONResponse({"errors": [{"message": "The hub is starting."}]}, status_code=503)


def _context(request: Request, state: HubState) -> RequestContext:
    """The request's context as GraphQL's (hub/entry/graphql.py): the caller's scope, row
    security on PostgreSQL, fresh loaders, an audit log."""
    principal = principal_of(request)
    scope = read_scope(principal, state.tenants.inactive_ids)
    postgres = state.engine.dialect.name == "postgresql"
    request_id: str = request.state.request_id
    return RequestContext(
        db=RequestDatabase(state.sessions, prelude(
            scope, statement_timeout_ms=state.settings.statement_timeout_ms)
            if postgres else None),
        scope=scope, locales=locales_of(request), tenants=state.tenants,
        settings=state.settings, request_id=request_id,
        audit=AuditLog(principal, request_id),
        accept_language=request.headers.get("accept-language"))


async def _pdf(request: Request, state: HubState) -> Response:
    code: str = request.path_params["code"]
    if not principal_of(request).is_signed_in:
        return _not_found(request)
    ctx = _context(request, state)
    try:
        document = await downloadable(ctx, code)
        if document is None:
            return _not_found(request)
        body = await pdf_of(document)
        if ctx.audit.pending:  # staff who read the holder's full name
            async with ctx.db.transaction() as session:
                await ctx.audit.flush(session)
    finally:
        await ctx.db.close()
    return Response(body, media_type="application/pdf", headers={
        "Content-Disposition": f'inline; filename="certificate-{document.code}.pdf"',
        "Cache-Control": "private, no-store", "Vary": "Authorization",
        "X-Content-Type-Options": "nosniff"})


def _not_found(request: Request) -> Response:
    error = NotFound(hub_msg.NOT_FOUND, type="Certificate")
    body = {"errors": [{"message": error.render(preferred_locale(request)),
                        "extensions": {"code": error.code.value,
                                       "requestId": request.state.request_id}}]}
    return JSONResponse(body, status_code=404, headers={"Cache-Control": "no-store"})


async def _page(request: Request, state: HubState) -> Response:
    async with state.sessions() as session:

        async def read(statement: Executable) -> Sequence[Any]:
            rows: Sequence[Any] = (await session.execute(statement)).all()
            return rows

        found = await verify(read, request.path_params["code"], state.tenants)
    view = verification_page(found, state.tenants, locales_of(request))
    cache = f"public, max-age={state.settings.public_cache_seconds}"
    return HTMLResponse(verification_html(view), status_code=200 if found.valid else 404,
                        headers={"Cache-Control": cache, "Vary": "Accept-Language",
                                 "Content-Language": view.lang,
                                 "Content-Security-Policy": PAGE_POLICY,
                                 "Referrer-Policy": "no-referrer", "X-Robots-Tag": "noindex",
                                 "X-Content-Type-Options": "nosniff"})
