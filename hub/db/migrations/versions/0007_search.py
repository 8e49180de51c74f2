"""search: a full-text index of the translations of opportunities, news, events, campaigns

PostgreSQL: every translation row gains a generated `search_vector` (its texts normalized
by `tatawwu_search_normalize`, parsed with the built-in configuration of its language by
`tatawwu_search_config`: title weighted A, summary B, body C, plus a marker lexeme of the
configuration, `~arabic`) with a GIN index. Adding the generated column computes it for
every existing row (one rewrite of each table).

SQLite: one FTS5 table per record type, `search_<entity>`, holding each translation's
normalized and stemmed words (`tatawwu_search_tokens`, a Python function the hub registers
on every connection, hub/db/models/search.py) and `search_row`, which gives each
(entity, record, locale) the stable rowid of its FTS5 row. Triggers on the translation
tables keep them right on every insert, update and delete; existing rows are indexed in
batches. A later migration that rebuilds a translation table in batch mode drops its
triggers and must create them again.

Requests run under row-level security, where PostgreSQL never uses an index for an operator
that is not leakproof, and `@@` is not: a search would read every translation row. So the
matching runs in `tatawwu_search_<entity>(words)`, a SECURITY DEFINER function (the
owner's policy lets it use the GIN index) that answers (record_id, locale, rank) only for
records the request may read: it applies a copy of the records' row policy (0006) itself.
The caller's own scope and row security apply again to the records it joins.

The SQL normalization repeats hub.db.models.search.normalize step by step (a test holds
them equal on a table of strings): NFKC, lower case (ICU's root locale, whatever the
database's own locale), NFKD, marks and tatweel dropped, letters and digits folded, NFC,
the conjunction و / ف before an article dropped.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-07
"""

from collections.abc import Sequence

from alembic import op
from sqlalchemy import text

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# (entity, translation table, key, title, summary, body): a frozen copy of SEARCH_TABLES.
TABLES = (
    ("opportunity", "opportunity_translation", "opportunity_id", "title", "summary",
     "description"),
    ("news_item", "news_item_translation", "news_item_id", "title", "summary", "body"),
    ("event", "event_translation", "event_id", "title", None, "description"),
    ("campaign", "campaign_translation", "campaign_id", "title", None, None),
)
BATCH = 5000

NORMALIZE = r"""
CREATE OR REPLACE FUNCTION tatawwu_search_normalize(t text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN regexp_replace(normalize(
  translate(
    regexp_replace(
      normalize(lower(normalize(t, NFKC) COLLATE "und-x-icu"), NFKD),
      '[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f\u0610-\u061a\u0640\u064b-\u065f\u0670\u06d6-\u06ed]',
      '', 'g'),
    'ٱةى٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹', 'اهي01234567890123456789'),
  NFC) COLLATE "und-x-icu", '(?<![[:alnum:]])[وف](?=ال[[:alpha:]]{2})', '', 'g')
"""
MARKER = """
CREATE OR REPLACE FUNCTION tatawwu_search_marker(locale text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN '~' || CASE lower(split_part(locale, '-', 1))
  WHEN 'ar' THEN 'arabic' WHEN 'fr' THEN 'french' WHEN 'en' THEN 'english'
  ELSE 'simple' END
"""
CONFIG = """
CREATE OR REPLACE FUNCTION tatawwu_search_config(locale text) RETURNS regconfig
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN CASE lower(split_part(locale, '-', 1))
  WHEN 'ar' THEN 'pg_catalog.arabic'::regconfig
  WHEN 'fr' THEN 'pg_catalog.french'::regconfig
  WHEN 'en' THEN 'pg_catalog.english'::regconfig
  ELSE 'pg_catalog.simple'::regconfig END
"""
_DUE = "(p.published_at IS NULL OR p.published_at <= now())"
RECORD_POLICY = f"""
  (p.visibility = 'PUBLIC' AND p.status = 'PUBLISHED' AND {_DUE})
  OR (p.visibility = 'NETWORK' AND p.status = 'PUBLISHED' AND {_DUE} AND tatawwu_network())
  OR p.tenant_id = ANY (tatawwu_readable())"""
CONFIGS = ("arabic", "french", "english", "simple")


def _search_function(entity: str, table: str, key: str) -> str:
    """One arm per configuration: its query AND its marker lexeme, so the GIN index alone
    picks that configuration's rows (an arm does not fetch the rows of another language
    that hold the same words); an empty query (stop words only) matches nothing. The rank
    is computed only when asked for (a filter or a count needs none)."""
    arms = "\n  UNION ALL\n".join(
        f"  SELECT t.{key}, t.locale::text, CASE WHEN ranked THEN "
        f"ts_rank_cd(t.search_vector, plainto_tsquery('{c}', words), 1) ELSE 0 END\n"
        f"  FROM {table} t\n"
        f"  WHERE t.search_vector @@ (plainto_tsquery('{c}', words) && $q$'~{c}'$q$::tsquery)\n"
        f"    AND numnode(plainto_tsquery('{c}', words)) > 0\n"
        f"    AND EXISTS (SELECT 1 FROM {entity} p WHERE p.id = t.{key} AND ({RECORD_POLICY}))"
        for c in CONFIGS)
    return (f"CREATE OR REPLACE FUNCTION tatawwu_search_{entity}(words text, ranked boolean)\n"
            "RETURNS TABLE (record_id bigint, locale text, rank real)\n"
            "LANGUAGE sql STABLE STRICT SECURITY DEFINER SET search_path = pg_catalog, public\n"
            f"ROWS 200 AS $$\n{arms}\n$$")


def _is_postgres() -> bool:
    return op.get_bind().dialect.name == "postgresql"


def _vector(fields: Sequence[str | None]) -> str:
    parts = [
        f"setweight(to_tsvector(tatawwu_search_config(locale), "
        f"tatawwu_search_normalize(coalesce({field}, ''))), '{weight}')"
        for field, weight in zip(fields, "ABC", strict=True) if field is not None
    ]
    # The configuration's marker, a lexeme no text makes (the parser splits at "~").
    parts.append("array_to_tsvector(ARRAY[tatawwu_search_marker(locale)])")
    return " || ".join(parts)


def _postgres_upgrade() -> None:
    op.execute(NORMALIZE)
    op.execute(CONFIG)
    op.execute(MARKER)
    for _entity, table, _key, *fields in TABLES:
        op.execute(f"ALTER TABLE {table} ADD COLUMN search_vector tsvector "
                   f"GENERATED ALWAYS AS ({_vector(fields)}) STORED")
        op.execute(f"CREATE INDEX search_vector_{table} ON {table} USING gin (search_vector)")
    for entity, table, key, *_fields in TABLES:
        op.execute(_search_function(entity, table, key))


def _sqlite_row(entity: str, key: str, which: str, fields: Sequence[str | None]) -> str:
    """The statements indexing the translation row `which` (NEW or OLD) of a trigger."""
    values = ", ".join(
        f"tatawwu_search_tokens({which}.locale, {which}.{f})" if f else "NULL" for f in fields)
    found = (f"SELECT id FROM search_row WHERE entity = '{entity}' "
             f"AND record_id = {which}.{key} AND locale = {which}.locale")
    return (
        f"INSERT OR IGNORE INTO search_row (entity, record_id, locale) "
        f"VALUES ('{entity}', {which}.{key}, {which}.locale);\n"
        f"  DELETE FROM search_{entity} WHERE rowid = ({found});\n"
        f"  INSERT INTO search_{entity} (rowid, record_id, locale, lang, title, summary, body) "
        f"VALUES (({found}), {which}.{key}, {which}.locale, "
        f"tatawwu_search_config({which}.locale), {values});"
    )


def _sqlite_forget(entity: str, key: str, which: str) -> str:
    found = (f"entity = '{entity}' AND record_id = {which}.{key} "
             f"AND locale = {which}.locale")
    return (f"DELETE FROM search_{entity} WHERE rowid = "
            f"(SELECT id FROM search_row WHERE {found});\n"
            f"  DELETE FROM search_row WHERE {found};")


def _sqlite_upgrade() -> None:
    op.execute("CREATE TABLE search_row (id INTEGER PRIMARY KEY, entity TEXT NOT NULL, "
               "record_id INTEGER NOT NULL, locale TEXT NOT NULL, "
               "UNIQUE (entity, record_id, locale))")
    bind = op.get_bind()
    for entity, table, key, *fields in TABLES:
        op.execute(f"CREATE VIRTUAL TABLE search_{entity} USING fts5(record_id UNINDEXED, "
                   "locale UNINDEXED, lang, title, summary, body, "
                   "tokenize = 'unicode61 remove_diacritics 2')")
        watched = ", ".join(["locale", key, *(f for f in fields if f)])
        op.execute(f"CREATE TRIGGER search_{entity}_insert AFTER INSERT ON {table} BEGIN\n"
                   f"  {_sqlite_row(entity, key, 'NEW', fields)}\nEND")
        op.execute(f"CREATE TRIGGER search_{entity}_update AFTER UPDATE OF {watched} "
                   f"ON {table} BEGIN\n  {_sqlite_forget(entity, key, 'OLD')}\n"
                   f"  {_sqlite_row(entity, key, 'NEW', fields)}\nEND")
        op.execute(f"CREATE TRIGGER search_{entity}_delete AFTER DELETE ON {table} BEGIN\n"
                   f"  {_sqlite_forget(entity, key, 'OLD')}\nEND")
        # Existing rows, a batch of records at a time.
        values = ", ".join(f"tatawwu_search_tokens(t.locale, t.{f})" if f else "NULL"
                           for f in fields)
        last = -1
        while True:
            upper = bind.execute(text(
                f"SELECT max({key}) FROM (SELECT {key} FROM {table} WHERE {key} > :last "
                f"ORDER BY {key} LIMIT {BATCH})"), {"last": last}).scalar()
            if upper is None:
                break
            window = {"last": last, "upper": upper}
            bind.execute(text(
                f"INSERT INTO search_row (entity, record_id, locale) SELECT '{entity}', "
                f"{key}, locale FROM {table} WHERE {key} > :last AND {key} <= :upper"), window)
            bind.execute(text(
                f"INSERT INTO search_{entity} (rowid, record_id, locale, lang, title, summary, "
                f"body) SELECT r.id, t.{key}, t.locale, tatawwu_search_config(t.locale), "
                f"{values} FROM {table} t JOIN search_row r ON r.entity = '{entity}' "
                f"AND r.record_id = t.{key} AND r.locale = t.locale "
                f"WHERE t.{key} > :last AND t.{key} <= :upper"), window)
            last = upper


def upgrade() -> None:
    if _is_postgres():
        _postgres_upgrade()
    else:
        _sqlite_upgrade()


def downgrade() -> None:
    if _is_postgres():
        for entity, table, _key, *_fields in TABLES:
            op.execute(f"DROP FUNCTION IF EXISTS tatawwu_search_{entity}(text, boolean)")
            op.execute(f"DROP INDEX IF EXISTS search_vector_{table}")
            op.execute(f"ALTER TABLE {table} DROP COLUMN IF EXISTS search_vector")
        op.execute("DROP FUNCTION IF EXISTS tatawwu_search_normalize(text)")
        op.execute("DROP FUNCTION IF EXISTS tatawwu_search_config(text)")
        op.execute("DROP FUNCTION IF EXISTS tatawwu_search_marker(text)")
        return
    for entity, _table, _key, *_fields in TABLES:
        for event in ("insert", "update", "delete"):
            op.execute(f"DROP TRIGGER IF EXISTS search_{entity}_{event}")
        op.execute(f"DROP TABLE IF EXISTS search_{entity}")
    op.execute("DROP TABLE IF EXISTS search_row")
