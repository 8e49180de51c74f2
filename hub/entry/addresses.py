"""The public addresses of what the hub publishes outside GraphQL, written from
HUB_PUBLIC_URL (never from the request's Host header, which the client chooses).

    /feeds/news.atom?lang=ar                  the network's news (Atom)
    /tenants/{slug}/news.atom?lang=fr         a society's news (Atom)
    /tenants/{slug}/events.ics?lang=fr        a society's events (iCalendar)
    /events/{id}.ics?lang=fr                  one event (iCalendar; id: its global id)
    /tenants/{slug}/news?lang=ar              a society's latest news (HTML page)
    /news/{id}?lang=ar                        one news item (HTML page)
    /embed/tenants/{slug}/news?lang=ar        the same, for an iframe (oEmbed's html)
    /embed/news/{id}?lang=ar
    /oembed?url=...&format=json               oEmbed for the two HTML pages above
    /widgets/news.js                          the <tatawwu-news> web component
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote, urlencode, urlsplit


@dataclass(frozen=True, slots=True)
class Addresses:
    base: str  # HUB_PUBLIC_URL, without a trailing slash

    @property
    def host(self) -> str:
        """The host name of the hub (the domain part of calendar UIDs)."""
        return urlsplit(self.base).hostname or "localhost"

    def network_feed(self, lang: str) -> str:
        return self._at("/feeds/news.atom", lang=lang)

    def tenant_feed(self, slug: str, lang: str) -> str:
        return self._at(f"/tenants/{quote(slug)}/news.atom", lang=lang)

    def tenant_calendar(self, slug: str, lang: str) -> str:
        return self._at(f"/tenants/{quote(slug)}/events.ics", lang=lang)

    def event_calendar(self, global_id: str, lang: str | None = None) -> str:
        return self._at(f"/events/{quote(global_id)}.ics", lang=lang)

    def tenant_news(self, slug: str, lang: str | None = None) -> str:
        return self._at(f"/tenants/{quote(slug)}/news", lang=lang)

    def news_item(self, global_id: str, lang: str | None = None) -> str:
        return self._at(f"/news/{quote(global_id)}", lang=lang)

    def embed_tenant_news(self, slug: str, lang: str, limit: int | None = None) -> str:
        return self._at(f"/embed/tenants/{quote(slug)}/news", lang=lang, limit=limit)

    def embed_news_item(self, global_id: str, lang: str) -> str:
        return self._at(f"/embed/news/{quote(global_id)}", lang=lang)

    def oembed(self, url: str) -> str:
        return self._at("/oembed", url=url, format="json")

    def _at(self, path: str, **params: str | int | None) -> str:
        query = urlencode({k: v for k, v in params.items() if v is not None})
        return f"{self.base}{path}?{query}" if query else f"{self.base}{path}"
