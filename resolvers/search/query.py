"""A caller's search, as a hashable value a list's filter carries: its normalized words,
the backend that will run it and the caller's languages, which rank first."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from resolvers.context import RequestContext
from resolvers.search.normalize import search_config, stem, words

# Words a French or English query may drop, as PostgreSQL's configurations do; the index
# keeps them, so dropping one never loses a match (SQLite).
STOP_WORDS = {
    "french": frozenset((
        "a", "au", "aux", "avec", "ce", "ces", "d", "dans", "de", "des", "du", "elle", "en",
        "et", "il", "l", "la", "le", "les", "leur", "leurs", "ou", "par", "pour", "qu", "que",
        "qui", "s", "sa", "se", "ses", "son", "sur", "un", "une")),
    "english": frozenset((
        "a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "in", "is", "it", "of",
        "on", "or", "our", "the", "this", "that", "to", "with", "your")),
}


@dataclass(frozen=True, slots=True)
class TextSearch:
    """What to look for: `words` normalized (none: nothing is found), on `backend`
    ("postgresql" or "sqlite"); a hit in a text of `locales` (the caller's chain, first
    first) ranks above the same hit in another language."""

    words: tuple[str, ...]
    backend: str
    locales: tuple[str, ...] = ()

    @property
    def digest(self) -> str:
        """Names this search in cursors: a cursor of one search is refused by another."""
        key = "\x1f".join((*self.words, "\x1e", *self.locales))
        return hashlib.blake2b(key.encode(), digest_size=6).hexdigest()

    def terms(self, config: str) -> tuple[str, ...]:
        """The words as the index holds them in `config` (SQLite): stemmed, stop words out."""
        stop = STOP_WORDS.get(config, frozenset())
        return tuple(dict.fromkeys(stem(config, w) for w in self.words if w not in stop))

    def boosts(self) -> tuple[tuple[str, float], ...]:
        """(locale, factor) for the caller's languages: 2 for the first, falling to just
        above 1 for the last; any other language counts 1."""
        n = len(self.locales)
        return tuple((tag, 1 + (n - i) / n) for i, tag in enumerate(self.locales))


def text_search(ctx: RequestContext, text: str | None) -> TextSearch | None:
    """The search of a list's `search` argument (already checked for length); None when
    there is none."""
    if text is None:
        return None
    backend = "sqlite" if ctx.settings.database_url.startswith("sqlite") else "postgresql"
    return TextSearch(tuple(words(text)), backend, tuple(dict.fromkeys(ctx.locales.requested)))


__all__ = ["STOP_WORDS", "TextSearch", "search_config", "text_search"]
