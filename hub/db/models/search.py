"""The full-text search index beside the translation tables: one normalization of text for
documents and queries, the language configuration of each row, and the index's tables.

It lives in `hub.db` because the database keeps the index itself (no writer can forget it):
PostgreSQL computes a generated `search_vector` column with SQL functions that repeat
`normalize` (migration 0007; a test holds them equal), and SQLite's triggers call
`indexed_text`, registered on every connection by `hub.db.engine`.

The index is not part of `Base.metadata`: PostgreSQL's column is generated and never loaded
with a translation row, SQLite's FTS5 tables bring shadow tables of their own. Schema
comparisons skip them with `include_name`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import snowballstemmer  # type: ignore[import-untyped]
from sqlalchemy import TableClause, column, table

# Marks dropped after the compatibility decomposition (NFKD): Latin accents, Arabic harakat,
# superscript alef and Quranic signs, the tatweel. Decomposing first also turns أ إ آ into
# ا and ؤ ئ into و ي (their hamza / madda is a combining mark).
MARK_RANGES: tuple[tuple[int, int], ...] = (
    (0x0300, 0x036F), (0x1AB0, 0x1AFF), (0x1DC0, 0x1DFF), (0x20D0, 0x20FF), (0xFE20, 0xFE2F),
    (0x0610, 0x061A), (0x0640, 0x0640), (0x064B, 0x065F), (0x0670, 0x0670), (0x06D6, 0x06ED),
)
# Letters folded one to one: alef wasla, ta marbuta -> ha, alef maqsura -> ya, and
# Arabic-Indic and Eastern Arabic-Indic digits -> ASCII digits.
FOLD_FROM = "ٱةى" + "٠١٢٣٤٥٦٧٨٩" + "۰۱۲۳۴۵۶۷۸۹"
FOLD_TO = "اهي" + "0123456789" * 2

_MARKS = re.compile("[" + "".join(f"{chr(a)}-{chr(b)}" if a != b else chr(a)
                                  for a, b in MARK_RANGES) + "]")
_FOLDS = str.maketrans(FOLD_FROM, FOLD_TO)
# "and the" / "so the" (وال، فال) before a word: Snowball's Arabic stemmer strips بال، كال
# and لل but leaves these, so "والإسعاف" would never meet "الإسعاف". The conjunction goes
# when at least two letters follow the article (as in light stemmers); "والد" stays.
_CONJUNCTION = re.compile(r"(?<![^\W_])[وف](?=ال[^\W\d_]{2})")


def normalize(text: str) -> str:
    """NFKC, lower case, accents and harakat dropped, Arabic letter forms and digits
    folded, NFC again, the conjunction before an article dropped. The same steps as the SQL
    function `tatawwu_search_normalize`."""
    text = unicodedata.normalize("NFKC", text).lower()
    text = _MARKS.sub("", unicodedata.normalize("NFKD", text)).translate(_FOLDS)
    return _CONJUNCTION.sub("", unicodedata.normalize("NFC", text))


def _is_word_char(char: str) -> bool:
    return unicodedata.category(char)[0] in "LNM"


def words(text: str) -> list[str]:
    """The normalized words of `text`: runs of letters, digits and marks (everything else,
    NUL bytes and query syntax included, separates words)."""
    found: list[str] = []
    current: list[str] = []
    for char in normalize(text):
        if _is_word_char(char):
            current.append(char)
        elif current:
            found.append("".join(current))
            current = []
    if current:
        found.append("".join(current))
    return found


# The language configurations: PostgreSQL's built-in ones of the same name, the Snowball
# stemmers of the same name on SQLite. Any other language is indexed unstemmed.
CONFIGS = ("arabic", "french", "english", "simple")
_CONFIG_OF = {"ar": "arabic", "fr": "french", "en": "english"}


def search_config(locale: str | None) -> str:
    """The configuration of a text in `locale` ("ar-DZ" -> "arabic"); same as the SQL
    function `tatawwu_search_config`."""
    return _CONFIG_OF.get((locale or "").split("-")[0].lower(), "simple")


@lru_cache(maxsize=8)
def _stemmer(config: str) -> Callable[[str], str]:
    if config == "simple":
        return str
    stemmer = snowballstemmer.stemmer(config)
    return stemmer.stemWord  # type: ignore[no-any-return]


@lru_cache(maxsize=65536)
def stem(config: str, word: str) -> str:
    return _stemmer(config)(word) or word


@lru_cache(maxsize=8192)
def indexed_text(locale: str | None, text: str | None) -> str | None:
    """What SQLite's index holds for a text: its normalized words, stemmed for the locale's
    configuration, separated by spaces."""
    if text is None:
        return None
    config = search_config(locale)
    return " ".join(stem(config, w) for w in words(text))


def register_sqlite_functions(dbapi_connection: Any) -> None:
    """The functions SQLite's search triggers call; every connection needs them."""
    dbapi_connection.create_function("tatawwu_search_tokens", 2, indexed_text,
                                     deterministic=True)
    dbapi_connection.create_function("tatawwu_search_config", 1, search_config,
                                     deterministic=True)


@dataclass(frozen=True, slots=True)
class SearchTable:
    """One searchable record type: its translation table, the key to the record, and its
    text columns in the index's three weights (title A, summary B, body C)."""

    entity: str  # the record's table
    translation: str  # its translation table
    key: str  # the translation's column naming the record
    title: str
    summary: str | None
    body: str | None

    @property
    def fields(self) -> tuple[str, ...]:
        return tuple(f for f in (self.title, self.summary, self.body) if f is not None)

    @property
    def fts(self) -> str:
        """SQLite's FTS5 table of this record type."""
        return f"search_{self.entity}"

    def documents(self) -> TableClause:
        """SQLite: the FTS5 table (rowid = search_row.id)."""
        return table(self.fts, column("rowid"), column("record_id"), column("locale"),
                     column("lang"), column("title"), column("summary"), column("body"))


SEARCH_TABLES: dict[str, SearchTable] = {t.entity: t for t in (
    SearchTable("opportunity", "opportunity_translation", "opportunity_id",
                "title", "summary", "description"),
    SearchTable("news_item", "news_item_translation", "news_item_id",
                "title", "summary", "body"),
    SearchTable("event", "event_translation", "event_id", "title", None, "description"),
    SearchTable("campaign", "campaign_translation", "campaign_id", "title", None, None),
)}


def include_name(name: str | None, type_: str, parent_names: Any) -> bool:
    """For Alembic's comparisons of the models with a database: the search index is no
    model (SQLite's `search_*` tables and their FTS5 shadows, PostgreSQL's `search_vector`
    column and its `search_*` GIN index)."""
    if type_ in ("table", "index") and name is not None and name.startswith("search_"):
        return False
    return not (type_ == "column" and name == "search_vector")
