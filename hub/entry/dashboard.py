"""The regional dashboard: charts and tables of the `statistics` query, served by the hub.

    GET /dashboard                        every society the caller may aggregate (anyone: the
                                          societies that publish their statistics)
    GET /dashboard?tenant=dz-crescent     one society
    GET /dashboard?lang=ar&from=2026-01-01&to=2026-06-30
    GET /dashboard/assets/{name}          its script and style sheet, and the chart library

The page is written here in its language (`?lang=`, else Accept-Language, among the hub's
catalogs; else English), with `<html lang dir>`; its script (dashboard_assets/dashboard.js)
then asks /graphql for the figures, one request per section, and shows them as the hub
wrote them: labels and numbers come localized from the API (its digits, month names and
separators), the script formats nothing. A page load cannot carry a bearer token, so the
script sends it: a token given in the address's fragment (`#token=...`, which never reaches
a server) or pasted in the page's form is kept in the tab's sessionStorage and never put in
a query string. Without one, the page shows what the societies publish.

Nothing comes from a CDN: the chart library (Chart.js) is an npm package installed in
`hub/dashboard_assets/` from its lock (`npm ci`, by `make install` and `make test`); only the
files named in `ASSETS` are served. Without it the page still shows every figure in its
tables and says the charts are missing. docs/dashboard.md tells the rest.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Final
from urllib.parse import quote

from babel.dates import format_interval, format_skeleton
from starlette.requests import Request
from starlette.responses import FileResponse, PlainTextResponse, Response
from starlette.routing import BaseRoute, Route

from hub.dashboard import messages as msg
from hub.db.models import Tenant
from hub.entry.dashboard_documents import ASSETS as OWN_ASSETS
from hub.entry.dashboard_documents import dashboard_document
from hub.entry.dashboard_page import PATH, Frame, View, tenant_names, write_page
from hub.entry.locale import locales_of
from hub.entry.public import starting
from hub.entry.state import HubState, Startup
from hub.errors import BadUserInput, NotFound
from hub.i18n import base_language, numbering_system, supported_locales, tenant_digits
from hub.i18n import messages as i18n
from hub.i18n.cldr import babel_locale
from hub.i18n.digits import write_digits
from resolvers.statistics.calendar import month_end
from resolvers.statistics.question import period

# The npm project stays in hub/dashboard_assets/ (the Makefile installs it there).
NODE_MODULES: Final = Path(__file__).parent.parent / "dashboard_assets" / "node_modules"
ASSET_PREFIX: Final = PATH + "/assets"
CONTENT_TYPES: Final = {".js": "text/javascript; charset=utf-8",
                        ".css": "text/css; charset=utf-8"}
# Asset URLs carry their version, so a browser may keep what it fetched with it.
CACHE_VERSIONED: Final = "public, max-age=31536000, immutable"
CACHE_UNVERSIONED: Final = "no-cache"
HTML_TYPE: Final = "text/html; charset=utf-8"
FALLBACK_LANGUAGE: Final = "en"
# No inline script or style, nothing from another origin; /graphql is the one address the
# script calls.
CSP: Final = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
              "connect-src 'self'; base-uri 'none'; form-action 'self'; "
              "frame-ancestors 'self'")
PAGE_HEADERS: Final = {"Content-Security-Policy": CSP, "X-Content-Type-Options": "nosniff",
                       "Referrer-Policy": "no-referrer", "Cache-Control": "no-cache",
                       "Vary": "Accept-Language"}


@dataclass(frozen=True, slots=True)
class Asset:
    path: Path
    package: str | None = None  # an npm package's file: versioned by the package

    def version(self) -> str | None:
        """The package's version, or a digest of our own file; None if it is missing."""
        if self.package is None:
            try:
                return _digest(self.path, self.path.stat().st_mtime_ns)
            except OSError:
                return None
        try:
            manifest = json.loads((NODE_MODULES / self.package / "package.json").read_bytes())
            return str(manifest["version"])
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def url(self, name: str) -> str:
        return f"{ASSET_PREFIX}/{name}?v={quote(self.version() or '')}"


# URL name under /dashboard/assets/ -> the file; the page loads the scripts in this order.
ASSETS: Final[dict[str, Asset]] = {
    "dashboard.css": Asset(OWN_ASSETS / "dashboard.css"),
    "chart.js": Asset(NODE_MODULES / "chart.js" / "dist" / "chart.umd.min.js", "chart.js"),
    "dashboard.js": Asset(OWN_ASSETS / "dashboard.js"),
}
CHART_LIBRARY: Final = "chart.js"


@lru_cache(maxsize=8)
def _digest(path: Path, mtime_ns: int) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:16]


def routes(startup: Startup) -> list[BaseRoute]:
    async def page(request: Request) -> Response:
        state = startup.state
        if state is None:
            return starting()
        return dashboard_page(state, request)

    return [Route(PATH, page, methods=["GET", "HEAD"]),
            Route(ASSET_PREFIX + "/{name}", serve_asset, methods=["GET", "HEAD"])]


def page_language(request: Request) -> str:
    """The first tag the caller asks for (`?lang=`, then Accept-Language) that the hub has a
    catalog for, itself or its base language (`ar-EG` is kept: its digits differ); else
    English."""
    languages = supported_locales()
    for tag in locales_of(request).requested:
        if tag in languages or base_language(tag) in languages:
            return tag
    return FALLBACK_LANGUAGE


def dashboard_page(state: HubState, request: Request) -> Response:
    lang = page_language(request)
    tenants = state.tenants.active
    problem, status = None, 200
    view = View(lang)
    period_text: str | None = None
    try:
        view = View(lang, _tenant(state, request.query_params.get("tenant", "")),
                    _day(request, "from"), _day(request, "to"))
        first, last = period(view.start, view.end)
        period_text = _period(first, month_end(last), lang, _digits(view))
    except (BadUserInput, NotFound) as exc:
        problem, status = exc.render(lang), 404 if isinstance(exc, NotFound) else 400
    charts = ASSETS[CHART_LIBRARY].path.is_file()
    frame = Frame(
        view=view, tenants=tenants, languages=supported_locales(), period=period_text,
        minimum_cell=state.settings.statistics_min_cell, digits=_digits(view),
        document=dashboard_document(),
        styles=[ASSETS["dashboard.css"].url("dashboard.css")],
        scripts=[ASSETS[n].url(n) for n in ASSETS
                 if n.endswith(".js") and (charts or n != CHART_LIBRARY)],
        charts=charts, problem=problem, names=tenant_names(tenants, lang))
    return Response(write_page(frame), status_code=status, media_type=HTML_TYPE,
                    headers=PAGE_HEADERS)


def _tenant(state: HubState, slug: str) -> Tenant | None:
    slug = slug.strip()
    if not slug:
        return None
    tenant = state.tenants.find(slug)
    if tenant is None:
        raise NotFound(i18n.UNKNOWN_TENANT, slug=slug[:64])
    return tenant


def _day(request: Request, name: str) -> date | None:
    given = request.query_params.get(name, "").strip()
    if not given:
        return None
    try:
        return date.fromisoformat(given)
    except ValueError:
        raise BadUserInput(msg.BAD_DATE, argument=name) from None


def _digits(view: View) -> str:
    """The numbering system of the answers about the view: a society's digits when one is
    chosen (as the API writes them), else the language's."""
    setting = view.tenant.digits if view.tenant is not None else None
    return numbering_system(view.lang, tenant_digits(view.lang, setting))


def _period(first: date, last: date, lang: str, digits: str) -> str:
    """"January – December 2026", in the page's language and digits."""
    locale = babel_locale(lang)
    if (first.year, first.month) == (last.year, last.month):
        text = format_skeleton("yMMMM", first, locale=locale)
    else:
        text = format_interval(first, last, "yMMMM", locale=locale)
    return write_digits(str(text), digits)


async def serve_asset(request: Request) -> Response:
    """One whitelisted file; any other name (a path included) is 404."""
    asset = ASSETS.get(request.path_params["name"])
    if asset is None or not asset.path.is_file():
        return PlainTextResponse("Not found", status_code=404)
    version = asset.version()
    versioned = version is not None and request.query_params.get("v") == version
    headers = {"Cache-Control": CACHE_VERSIONED if versioned else CACHE_UNVERSIONED,
               "X-Content-Type-Options": "nosniff"}
    return FileResponse(asset.path, media_type=CONTENT_TYPES[asset.path.suffix],
                        headers=headers)


__all__ = ["ASSETS", "dashboard_page", "page_language", "routes"]
