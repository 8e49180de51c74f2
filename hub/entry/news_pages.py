"""Small HTML pages of public news, served by the hub itself: what a CMS embeds by URL
(oEmbed's iframe), what the widget and the feeds link to.

    GET /news/{id}?lang=ar                    one news item
    GET /tenants/{slug}/news?lang=ar&limit=10 a society's latest news
    GET /embed/news/{id}?lang=ar              the same two, compact, for an iframe
    GET /embed/tenants/{slug}/news?lang=ar&limit=5

Public, published, due records only, read as an anonymous caller (hub/entry/public.py);
anything else is a coded 404. Each page is one self-contained document: no script, no
external asset (its one stylesheet is inline and allowed by its hash in the
Content-Security-Policy), `<html lang dir>` in the page's language, and `lang`/`dir` on a
text that the fallback chain served in another language. Dates are written by Babel in the
society's time zone and digits. The pages carry oEmbed discovery (`<link rel="alternate"
type="application/json+oembed">`) and, for a society's news, its Atom feed. Embeds may be
framed by any site; the full pages by the hub only.
"""

from __future__ import annotations

import base64
import hashlib
import html
from collections.abc import Sequence
from dataclasses import dataclass
from string import Template
from typing import Final

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route

from hub.db.models import Tenant
from hub.entry import messages as msg
from hub.entry.addresses import Addresses
from hub.entry.conditional import Version
from hub.entry.public import (
    anonymous_context,
    answering,
    chosen_language,
    name_in,
    public_tenant,
    tenant_languages,
)
from hub.entry.state import HubState, Startup
from hub.errors import HubError, NotFound
from hub.i18n import LocaleChain, Served, format_moment, message, tenant_digits
from hub.i18n import messages as i18n
from hub.i18n.chain import direction
from hub.ids import decode_id, encode_id
from resolvers.content.feeds import Published, latest_news, public_news_item

LIST_DEFAULT: Final = 10
LIST_MAX: Final = 20
MAX_AGE: Final = 300
HTML_TYPE: Final = "text/html; charset=utf-8"

CSS: Final = """
body{margin:0;padding:1rem;font:16px/1.5 system-ui,"Noto Sans","Noto Sans Arabic",
"Segoe UI",Tahoma,sans-serif;color:#1d1d1f;background:#fff}
body.embed{padding:.75rem;font-size:15px}
main{max-width:44rem;margin-inline:auto}
h1{font-size:1.5rem;line-height:1.3;margin:0 0 .25rem}
.embed h1{font-size:1.15rem}
h2{font-size:1.1rem;margin:0}
a{color:#a4000f}
.meta{color:#555;font-size:.875rem;margin:0 0 .75rem}
.summary{font-weight:600}
ol{list-style:none;margin:0;padding:0}
li{padding-block:.6rem;border-block-end:1px solid #e3e3e3}
li:last-child{border-block-end:0}
li p{margin:.2rem 0 0}
footer{margin-block-start:.75rem;font-size:.875rem}
"""
_CSS_HASH: Final = base64.b64encode(hashlib.sha256(CSS.encode()).digest()).decode()

PAGE: Final = Template("""<!doctype html>
<html lang="$lang" dir="$dir">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>$title</title>
$links
<style>$css</style>
</head>
<body class="$kind">
<main>
$body
</main>
</body>
</html>
""")


def routes(startup: Startup) -> list[BaseRoute]:
    def page(path: str, embed: bool, of_item: bool) -> Route:
        async def handler(state: HubState, request: Request) -> Response:
            if of_item:
                return await news_item_page(state, request, embed=embed)
            return await tenant_news_page(state, request, embed=embed)

        return Route(path, answering(startup, handler), methods=["GET", "HEAD"])

    return [page("/news/{id}", False, True), page("/embed/news/{id}", True, True),
            page("/tenants/{slug}/news", False, False),
            page("/embed/tenants/{slug}/news", True, False)]


@dataclass(frozen=True, slots=True)
class Written:
    """What a page needs to write texts: its language and the chain that serves them."""

    lang: str
    chain: LocaleChain
    tenant: Tenant
    at: Addresses

    def text(self, served: Served | None, element: str, css: str | None = None) -> str:
        """`served` in `element`, marked with its own language where it is not the page's."""
        if served is None:
            return ""
        attributes = f' class="{css}"' if css else ""
        return f"<{element}{attributes}{self.marks(served)}>{_e(served.value)}</{element}>"

    def marks(self, served: Served) -> str:
        """` lang=".." dir=".."` for a text in another language than the page's, else ""."""
        if served.locale == self.lang:
            return ""
        return f' lang="{_e(served.locale)}" dir="{served.direction.lower()}"'

    def moment(self, item: Published) -> str:
        """The publication time, in the society's time zone and digits."""
        published = item.row.published_at
        text = format_moment(published, self.lang, self.tenant.time_zone,
                             digits=tenant_digits(self.lang, self.tenant.digits),
                             hijri=self.tenant.hijri_dates)
        return f'<time datetime="{published.isoformat()}">{_e(text)}</time>'


async def news_item_page(state: HubState, request: Request, *, embed: bool) -> Response:
    global_id = request.path_params["id"]
    key = news_key(global_id)
    async with anonymous_context(state, request, "en") as ctx:
        item = await public_news_item(ctx, key)
    tenant = state.tenants.get(item.row.tenant_id) if item is not None else None
    if item is None or tenant is None:
        raise NotFound(i18n.NOT_FOUND, type="NewsItem")
    lang = chosen_language(request, tenant_languages(tenant), tenant.default_locale)
    w = _written(state, tenant, lang)
    version = Version.of(["news-item", embed, lang, item.fingerprint], [item.changed_at])
    title = item.served("title", w.chain, tenant.default_locale)

    def build() -> str:
        heading = w.text(title, "h1")
        if embed and title is not None:
            heading = (f'<h1{w.marks(title)}><a href="{_e(w.at.news_item(global_id, lang))}" '
                       f'target="_blank" rel="noopener">{_e(title.value)}</a></h1>')
        body = "\n".join(text for text in (
            f"<article>{heading}",
            f'<p class="meta">{_e(name_in(tenant, w.chain))} · {w.moment(item)}</p>',
            w.text(item.served("summary", w.chain, tenant.default_locale), "p", "summary"),
            *([] if embed else _paragraphs(w, item.served("body", w.chain,
                                                          tenant.default_locale))),
            "</article>") if text)
        links = _links(w, w.at.news_item(global_id), title.value if title else "",
                       {other: w.at.news_item(global_id, other)
                        for other in tenant_languages(tenant)} if not embed else {})
        return _page(w, title.value if title else "", links, body, embed)

    return version.answer(request, build, media_type=HTML_TYPE, max_age=MAX_AGE,
                          headers=_security(embed))


async def tenant_news_page(state: HubState, request: Request, *, embed: bool) -> Response:
    tenant = public_tenant(state, request.path_params["slug"])
    languages = tenant_languages(tenant)
    lang = chosen_language(request, languages, tenant.default_locale)
    limit = list_size(request.query_params.get("limit"))
    async with anonymous_context(state, request, lang) as ctx:
        items = await latest_news(ctx, tenant_id=tenant.id, limit=limit)
    w = _written(state, tenant, lang)
    name = name_in(tenant, w.chain)
    title = message(lang, msg.FEED_TITLE, name=name)
    version = Version.of(["tenant-news", embed, lang, limit, tenant.slug, title,
                          *(i.fingerprint for i in items)],
                         [tenant.updated_at, *(i.changed_at for i in items)])

    def build() -> str:
        entries = [_entry(w, item, embed) for item in items]
        listing = (f"<ol>{''.join(entries)}</ol>" if entries
                   else f"<p>{_e(message(lang, msg.NO_NEWS))}</p>")
        target = ' target="_blank" rel="noopener"' if embed else ""
        footer = (f'<footer><a href="{_e(w.at.tenant_news(tenant.slug, lang))}"{target}>'
                  f"{_e(message(lang, msg.ALL_NEWS, name=name))}</a></footer>" if embed
                  else f'<footer><a href="{_e(w.at.tenant_feed(tenant.slug, lang))}">Atom</a>'
                  "</footer>")
        body = f"<h1>{_e(title)}</h1>\n{listing}\n{footer}"
        links = _links(w, w.at.tenant_news(tenant.slug), title,
                       {} if embed else {other: w.at.tenant_news(tenant.slug, other)
                                         for other in languages})
        links += (f'\n<link rel="alternate" type="application/atom+xml" '
                  f'href="{_e(w.at.tenant_feed(tenant.slug, lang))}" title="{_e(title)}">')
        return _page(w, title, links, body, embed)

    return version.answer(request, build, media_type=HTML_TYPE, max_age=MAX_AGE,
                          headers=_security(embed))


def news_key(global_id: str) -> int:
    """The key of a NewsItem id; any other id names no public news item (404)."""
    try:
        return decode_id(global_id, "NewsItem")[1]
    except HubError:
        raise NotFound(i18n.NOT_FOUND, type="NewsItem") from None


def list_size(asked: str | None) -> int:
    """`limit`: 1 to LIST_MAX, LIST_DEFAULT when absent or not a number."""
    try:
        return max(1, min(int(asked or LIST_DEFAULT), LIST_MAX))
    except ValueError:
        return LIST_DEFAULT


def _written(state: HubState, tenant: Tenant, lang: str) -> Written:
    return Written(lang, LocaleChain.from_request(explicit=lang, accept_language=None), tenant,
                   Addresses(state.settings.public_url))


def _entry(w: Written, item: Published, embed: bool) -> str:
    global_id = encode_id("NewsItem", item.row.id)
    title = item.served("title", w.chain, w.tenant.default_locale)
    if title is None:
        return ""
    target = ' target="_blank" rel="noopener"' if embed else ""
    return (f'<li><h2{w.marks(title)}><a href="{_e(w.at.news_item(global_id, w.lang))}"{target}>'
            f"{_e(title.value)}</a></h2>"
            f'<p class="meta">{w.moment(item)}</p>'
            f'{w.text(item.served("summary", w.chain, w.tenant.default_locale), "p")}</li>')


def _paragraphs(w: Written, served: Served | None) -> list[str]:
    """A body's lines as paragraphs."""
    if served is None:
        return []
    return [f"<p{w.marks(served)}>{_e(part.strip())}</p>" for part in served.value.split("\n")
            if part.strip()]


def _links(w: Written, page: str, title: str, alternates: dict[str, str]) -> str:
    """oEmbed discovery for the page (its address without `lang`, which oEmbed keeps),
    and the page in the other languages."""
    here = f"{page}?lang={w.lang}"
    lines = [f'<link rel="alternate" type="application/json+oembed" '
             f'href="{_e(w.at.oembed(here))}" title="{_e(title)}">']
    lines += [f'<link rel="alternate" hreflang="{_e(other)}" href="{_e(url)}">'
              for other, url in alternates.items() if other != w.lang]
    return "\n".join(lines)


def _page(w: Written, title: str, links: str, body: str, embed: bool) -> str:
    return PAGE.substitute(lang=_e(w.lang), dir=direction(w.lang).lower(), title=_e(title),
                           links=links, css=CSS, kind="embed" if embed else "page", body=body)


def _security(embed: bool) -> dict[str, str]:
    frames = "*" if embed else "'self'"
    return {"Content-Security-Policy": f"default-src 'none'; style-src 'sha256-{_CSS_HASH}'; "
                                       f"base-uri 'none'; form-action 'none'; "
                                       f"frame-ancestors {frames}",
            "X-Content-Type-Options": "nosniff", "Referrer-Policy": "strict-origin"}


def _e(text: str) -> str:
    return html.escape(text, quote=True)


__all__: Sequence[str] = ["list_size", "news_key", "routes"]
