"""Atom documents (RFC 4287) of news, written with feedgen.

A feed is in one language (`xml:lang` on the feed) and links to itself in the others
(`<link rel="alternate" hreflang="fr" type="application/atom+xml">`); an entry whose title
had no text in that language is served through the fallback chain and says which language
it is in (`xml:lang` on the entry). Entries come newest first, in the order given
(feedgen prepends unless told `order="append"`). Only public fields: no author byline (a
staff field), the society as the author.

feedgen (with lxml: ~4 MB of a worker's resident memory beyond what the app imports anyway)
is imported when the first feed is written, not with the module: many workers never serve
one.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from typing import TYPE_CHECKING, Any

from hub.i18n import Served

if TYPE_CHECKING:
    from feedgen.entry import FeedEntry  # type: ignore[import-untyped]

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
ATOM_TYPE = "application/atom+xml"


@dataclass(frozen=True, slots=True)
class FeedHead:
    url: str  # its own address (rel="self"), also its id
    title: str
    language: str
    updated: datetime
    author: str  # who publishes it
    alternates: Mapping[str, str]  # language -> address of the same feed in that language
    page: str | None = None  # the HTML page of the same news (rel="alternate" text/html)


@dataclass(frozen=True, slots=True)
class FeedItem:
    id: str  # a permanent address of the item (the same in every language)
    link: str  # its HTML page in the feed's language
    title: Served
    summary: Served | None
    body: Served | None
    published: datetime
    updated: datetime
    author: str
    tags: Sequence[str]


@cache
def _entry_language() -> type[Any]:
    """The extension class below, made on first use (it subclasses feedgen's base)."""
    from feedgen.ext.base import BaseEntryExtension  # type: ignore[import-untyped]

    class EntryLanguage(BaseEntryExtension):  # type: ignore[misc]
        """feedgen writes `xml:lang` on the feed only; this writes it on one entry (the
        language of its title) and on its summary or content when theirs differs."""

        def __init__(self) -> None:
            self.languages: dict[str, str] = {}  # "entry", "summary", "content" -> tag

        def extend_atom(self, entry: Any) -> Any:
            entry.attrib[XML_LANG] = self.languages["entry"]
            for child in entry:
                tag = self.languages.get(child.tag)
                if tag is not None and tag != self.languages["entry"]:
                    child.attrib[XML_LANG] = tag
            return entry

    return EntryLanguage


def atom_document(head: FeedHead, items: Sequence[FeedItem]) -> bytes:
    """The feed as UTF-8 XML."""
    from feedgen.feed import FeedGenerator  # type: ignore[import-untyped]

    feed = FeedGenerator()
    feed.id(head.url)
    feed.title(head.title)
    feed.language(head.language)
    feed.updated(head.updated)
    feed.author({"name": head.author})
    feed.generator("Tatawwu Hub")
    feed.link(href=head.url, rel="self", type=ATOM_TYPE, hreflang=head.language)
    for language, url in head.alternates.items():
        if language != head.language:
            feed.link(href=url, rel="alternate", type=ATOM_TYPE, hreflang=language)
    if head.page is not None:
        feed.link(href=head.page, rel="alternate", type="text/html", hreflang=head.language)
    for item in items:
        _entry(feed.add_entry(order="append"), item)
    document: bytes = feed.atom_str(pretty=True)
    return document


def _entry(entry: FeedEntry, item: FeedItem) -> None:
    entry.id(item.id)
    entry.title(item.title.value)
    entry.link(href=item.link, rel="alternate", type="text/html")
    entry.published(item.published)
    entry.updated(item.updated)
    entry.author({"name": item.author})
    if item.summary is not None:
        entry.summary(item.summary.value)
    if item.body is not None:
        entry.content(item.body.value, type="text")
    if item.tags:
        entry.category([{"term": tag} for tag in item.tags])
    entry.register_extension("language", _entry_language(), atom=True, rss=False)
    languages = {"entry": item.title.locale}
    for name, served in (("summary", item.summary), ("content", item.body)):
        if served is not None:
            languages[name] = served.locale
    entry.language.languages = languages
