"""oEmbed (https://oembed.com): a CMS given the address of a news page of this hub (pasted
into WordPress, for example) asks here how to embed it, and gets an iframe of the page's
compact version.

    GET /oembed?url={public_url}/news/{id}?lang=ar&format=json&maxwidth=600
    GET /oembed?url={public_url}/tenants/{slug}/news?lang=fr&format=json

Only addresses of this hub (HUB_PUBLIC_URL: same scheme, host and port) are answered; the
address is parsed, never fetched, so the endpoint cannot be made to reach anywhere. The
answer is `type: rich` with the iframe's `html`, `width` and `height` (within `maxwidth`
and `maxheight`), `title`, the society as `author_name`, and `cache_age`. JSON only:
`format=xml` is 501, as the specification says. An address of another site, of no news
page, of a news item that is not public or of an unknown society is a coded 404.
"""

from __future__ import annotations

import html
import re
from typing import Any, Final
from urllib.parse import parse_qs, urlsplit

import orjson
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route

from hub.db.models import Tenant
from hub.entry import messages as msg
from hub.entry.addresses import Addresses
from hub.entry.news_pages import list_size, news_key
from hub.entry.public import (
    Handler,
    anonymous_context,
    answering,
    coded_error,
    name_in,
    public_tenant,
    tenant_languages,
)
from hub.entry.state import HubState, Startup
from hub.errors import BadUserInput, NotFound
from hub.i18n import LocaleChain, message
from hub.i18n.chain import base_language, normalize_tag
from resolvers.content.feeds import public_news_item

PROVIDER: Final = "Tatawwu Hub"
CACHE_AGE: Final = 300
MAX_URL: Final = 2000
ITEM_SIZE: Final = (480, 360)  # the iframe of one news item, in CSS pixels
LIST_SIZE: Final = (480, 520)  # of a society's latest news
MIN_SIZE: Final = (200, 120)
_NEWS_ITEM = re.compile(r"/news/([A-Za-z0-9_-]{1,200})/?")
_TENANT_NEWS = re.compile(r"/tenants/([a-z0-9][a-z0-9-]{0,63})/news/?")


def routes(startup: Startup) -> list[BaseRoute]:
    handler: Handler = oembed
    endpoint = answering(startup, handler)

    async def route(request: Request) -> Response:
        fmt = request.query_params.get("format", "json").strip().lower()
        if fmt != "json":
            return coded_error(request, BadUserInput(msg.JSON_ONLY, argument="format"), 501)
        return await endpoint(request)

    return [Route("/oembed", route, methods=["GET", "HEAD"])]


async def oembed(state: HubState, request: Request) -> Response:
    url = request.query_params.get("url", "").strip()
    if not url:
        raise BadUserInput(msg.NO_URL, argument="url")
    at = Addresses(state.settings.public_url)
    path, query = _own_path(url[:MAX_URL], at)
    asked_lang = _first(query, "lang")
    if (found := _NEWS_ITEM.fullmatch(path)) is not None:
        answer = await _news_item(state, request, at, found.group(1), asked_lang)
    elif (found := _TENANT_NEWS.fullmatch(path)) is not None:
        limit = list_size(_first(query, "limit"))
        answer = _tenant_news(state, at, public_tenant(state, found.group(1)), asked_lang,
                              limit)
    else:
        raise NotFound(msg.NOT_EMBEDDABLE)
    width, height = _size(request, answer.pop("_size"))
    answer.update(width=width, height=height, html=_iframe(answer.pop("_src"), answer["title"],
                                                           width, height))
    return Response(orjson.dumps(answer), media_type="application/json",
                    headers={"Cache-Control": f"public, max-age={CACHE_AGE}",
                             "Access-Control-Allow-Origin": "*"})


def _own_path(url: str, at: Addresses) -> tuple[str, dict[str, list[str]]]:
    """The path and query of an address of this hub; anything else is NOT_FOUND."""
    try:
        parts, hub = urlsplit(url), urlsplit(at.base)
        same = (parts.scheme.lower(), parts.hostname, parts.port or _port(parts.scheme)) == \
            (hub.scheme.lower(), hub.hostname, hub.port or _port(hub.scheme))
    except ValueError:
        same = False
    if not same or parts.username is not None or parts.password is not None:
        raise NotFound(msg.FOREIGN_URL, hub=at.base)
    base_path = urlsplit(at.base).path.rstrip("/")
    path = parts.path
    if base_path:
        if not path.startswith(base_path + "/"):
            raise NotFound(msg.NOT_EMBEDDABLE)
        path = path[len(base_path):]
    return path, parse_qs(parts.query)


def _first(query: dict[str, list[str]], name: str) -> str | None:
    values = query.get(name)
    return values[0] if values else None


def _port(scheme: str) -> int | None:
    return {"http": 80, "https": 443}.get(scheme.lower())


def _language(tenant: Tenant, asked: str | None) -> str:
    """The page's language: the one in its address if the society publishes in it, else
    its default (as the page itself would answer)."""
    languages = tenant_languages(tenant)
    for tag in (asked, tenant.default_locale):
        normalized = normalize_tag(tag) if tag else None
        if normalized is None:
            continue
        for candidate in (normalized, base_language(normalized)):
            if candidate in languages:
                return candidate
    return languages[0] if languages else "en"


async def _news_item(state: HubState, request: Request, at: Addresses, global_id: str,
                     asked: str | None) -> dict[str, Any]:
    try:
        key = news_key(global_id)
    except NotFound:
        raise NotFound(msg.NOT_EMBEDDABLE) from None
    async with anonymous_context(state, request, asked or "en") as ctx:
        item = await public_news_item(ctx, key)
    tenant = state.tenants.get(item.row.tenant_id) if item is not None else None
    if item is None or tenant is None:
        raise NotFound(msg.NOT_EMBEDDABLE)
    lang = _language(tenant, asked)
    chain = LocaleChain.from_request(explicit=lang, accept_language=None)
    title = item.served("title", chain, tenant.default_locale)
    return {**_common(at, tenant, chain), "title": title.value if title else "",
            "_src": at.embed_news_item(global_id, lang), "_size": ITEM_SIZE}


def _tenant_news(state: HubState, at: Addresses, tenant: Tenant, asked: str | None,
                 limit: int) -> dict[str, Any]:
    lang = _language(tenant, asked)
    chain = LocaleChain.from_request(explicit=lang, accept_language=None)
    return {**_common(at, tenant, chain),
            "title": message(lang, msg.FEED_TITLE, name=name_in(tenant, chain)),
            "_src": at.embed_tenant_news(tenant.slug, lang, limit), "_size": LIST_SIZE}


def _common(at: Addresses, tenant: Tenant, chain: LocaleChain) -> dict[str, Any]:
    return {"version": "1.0", "type": "rich", "provider_name": PROVIDER,
            "provider_url": at.base, "author_name": name_in(tenant, chain),
            "author_url": at.tenant_news(tenant.slug, chain.preferred),
            "cache_age": CACHE_AGE}


def _size(request: Request, wanted: tuple[int, int]) -> tuple[int, int]:
    """The iframe's size: ours, within the consumer's `maxwidth` and `maxheight` (but not
    under MIN_SIZE)."""
    width, height = wanted
    for name, index in (("maxwidth", 0), ("maxheight", 1)):
        raw = request.query_params.get(name)
        if raw is None:
            continue
        try:
            bound = max(int(raw), MIN_SIZE[index])
        except ValueError:
            continue  # not a number: as if not given
        if index == 0:
            width = min(width, bound)
        else:
            height = min(height, bound)
    return width, height


def _iframe(src: str, title: str, width: int, height: int) -> str:
    e = html.escape
    return (f'<iframe src="{e(src)}" width="{width}" height="{height}" title="{e(title)}" '
            'style="border:0;max-width:100%" loading="lazy" referrerpolicy="strict-origin" '
            'sandbox="allow-popups allow-popups-to-escape-sandbox"></iframe>')
