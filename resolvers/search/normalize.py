"""The one normalization of search text, applied to documents and queries alike.

It is defined in `hub.db.models.search`, below the resolvers, because the database's own
index needs it: SQLite's triggers call it through `hub.db.engine`, and PostgreSQL's
generated column repeats it in SQL (migration 0007). This module names it for the
resolvers."""

from __future__ import annotations

from hub.db.models.search import indexed_text, normalize, search_config, stem, words

__all__ = ["indexed_text", "normalize", "search_config", "stem", "words"]
