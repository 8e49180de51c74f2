"""The locale chain of a request: asked-for tags by preference, then the record's tenant
default, then English; each tag followed by its base language (`ar-DZ` then `ar`).

Babel parses and validates tags. Babel's own `negotiate_locale` is not used for the header:
its alias table maps `ar` to `ar_SY` and it returns the caller's spelling.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal, TypeVar

from babel import Locale, UnknownLocaleError

T = TypeVar("T")
FINAL_FALLBACK = "en"
MAX_HEADER_TAGS = 16  # a longer header is cut, not rejected


@lru_cache(maxsize=1024)
def normalize_tag(tag: str) -> str | None:
    """`ar_dz`, `AR-dz` -> `ar-DZ`; None for a tag Babel does not know."""
    tag = tag.strip().replace("_", "-")
    if not tag or len(tag) > 35 or tag == "*":
        return None
    try:
        locale = Locale.parse(tag, sep="-")
    except (UnknownLocaleError, ValueError, TypeError):
        return None
    parts = [locale.language]
    if locale.script:
        parts.append(locale.script)
    if locale.territory:
        parts.append(locale.territory)
    return "-".join(parts)


def base_language(tag: str) -> str:
    return tag.split("-", 1)[0]


@lru_cache(maxsize=256)
def direction(tag: str) -> Literal["LTR", "RTL"]:
    try:
        order = Locale.parse(tag, sep="-").character_order
    except (UnknownLocaleError, ValueError):
        return "LTR"
    return "RTL" if order == "right-to-left" else "LTR"


def parse_accept_language(header: str | None) -> tuple[str, ...]:
    """Tags from an Accept-Language header, best q first; never raises.

    Malformed parts, unknown tags, `*` and q=0 are dropped; equal q keep header order.
    """
    if not header:
        return ()
    weighted: list[tuple[float, int, str]] = []
    for position, part in enumerate(header.split(",")[:MAX_HEADER_TAGS]):
        tag_text, _, params = part.strip().partition(";")
        q = 1.0
        for param in params.split(";"):
            name, _, value = param.strip().partition("=")
            if name.strip().lower() == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = -1.0
        if not 0.0 < q <= 1.0:
            continue
        tag = normalize_tag(tag_text)
        if tag is not None:
            weighted.append((-q, position, tag))
    return tuple(tag for _, _, tag in sorted(weighted))


def expand(tags: Iterable[str]) -> tuple[str, ...]:
    """Each tag followed by its base language, without repeats."""
    out: list[str] = []
    for tag in tags:
        for candidate in (tag, base_language(tag)):
            if candidate not in out:
                out.append(candidate)
    return tuple(out)


@dataclass(frozen=True, slots=True)
class Served:
    """What a localized field served: the text, its locale, and whether it was a fallback."""

    value: str
    locale: str
    is_fallback: bool

    @property
    def direction(self) -> Literal["LTR", "RTL"]:
        return direction(self.locale)


@dataclass(frozen=True, slots=True)
class LocaleChain:
    """Computed once per request from what the caller asked for."""

    requested: tuple[str, ...]  # expanded: ("ar-DZ", "ar", "fr")
    source: str = "default"  # what decided the first tag: argument, directive, lang, header

    @classmethod
    def from_request(cls, *, explicit: str | None, accept_language: str | None,
                     explicit_source: str = "lang") -> LocaleChain:
        tags: list[str] = []
        source = "default"
        if explicit:
            tag = normalize_tag(explicit)
            if tag:
                tags.append(tag)
                source = explicit_source
        header = parse_accept_language(accept_language)
        if header and not tags:
            source = "accept-language"
        tags.extend(header)
        return cls(expand(tags), source)

    def with_first(self, tag: str | None) -> LocaleChain:
        """The chain of one field whose `locale` argument asks for `tag` first."""
        normalized = normalize_tag(tag) if tag else None
        if normalized is None:
            return self
        return _with_first(self, normalized)

    @property
    def preferred(self) -> str | None:
        return self.requested[0] if self.requested else None

    def for_tenant(self, default_locale: str) -> tuple[str, ...]:
        return _for_tenant(self.requested, default_locale)

    def pick(self, texts: Mapping[str, T], default_locale: str) -> tuple[str, T] | None:
        """The first locale of the chain that `texts` has, else any text at all (sorted)."""
        for tag in self.for_tenant(default_locale):
            if tag in texts:
                return tag, texts[tag]
        if texts:
            tag = min(texts)
            return tag, texts[tag]
        return None

    def is_fallback(self, served_locale: str, default_locale: str) -> bool:
        wanted = self.preferred or default_locale
        return base_language(served_locale) != base_language(wanted)


@lru_cache(maxsize=512)
def _with_first(chain: LocaleChain, tag: str) -> LocaleChain:
    return LocaleChain(expand((tag, *chain.requested)), "argument")


@lru_cache(maxsize=512)
def _for_tenant(requested: tuple[str, ...], default_locale: str) -> tuple[str, ...]:
    return expand((*requested, default_locale, FINAL_FALLBACK))
