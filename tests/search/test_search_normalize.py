"""The one normalization of search text: what it does (a table), and PostgreSQL's SQL copy
of it (migration 0007, used by the generated `search_vector`) giving the same answer as
Python's on a table of strings; the index is no model, and everything else matches the
models exactly."""

from __future__ import annotations

import asyncio

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import text

from hub.db.engine import make_engine
from hub.db.models import Base
from hub.db.models.search import include_name, indexed_text, normalize, search_config, words
from hub.entry import setup_steps
from tests.conftest import Database

CASES = [
    ("الإسعافات الأوّلية", "الاسعافات الاوليه"),
    ("إسعـــاف", "اسعاف"),
    ("آمِنَة", "امنه"),
    ("ٱلرَّحْمَٰن", "الرحمن"),
    ("مستشفى", "مستشفي"),
    ("مؤسسة", "موسسه"),
    ("ﻻ", "لا"),
    ("٠١٢٣٤٥٦٧٨٩ ۰۱۲", "0123456789 012"),
    ("Bénévolat", "benevolat"),
    ("PREMIERS SECOURS", "premiers secours"),
    ("Ça coûte", "ca coute"),
    ("ﬁrst aid", "first aid"),  # a ligature, by NFKC
    ("Ｆｕｌｌ width", "full width"),
    ("Straße", "straße"),
    ("ÅNGSTRÖM", "angstrom"),
    # The conjunction before an article goes; a word that only starts alike stays.
    ("والإسعافات", "الاسعافات"),
    ("فالمتطوعون", "المتطوعون"),
    ("والد", "والد"),
    ("ووالد", "ووالد"),
    ("بالوالدين", "بالوالدين"),
]
# More strings for the SQL copy: scripts, marks, symbols, emoji.
MORE = ["Español ñ", "Ελληνικά", "Русский Ёж", "עִבְרִית", "हिन्दी", "한국어", "中文",
        "\u200fRLM", "tab\tand\nnewline", "&|!():*<>'\"", "😀 emoji", "x\u0301\u0327",
        "تَطَوُّع", "ـــ", "ﷺ", "İstanbul", "ǅemal", "ß ẞ", ""]


@pytest.mark.parametrize(("raw", "normalized"), CASES)
def test_normalize(raw: str, normalized: str) -> None:
    assert normalize(raw) == normalized


def test_words_drop_punctuation_and_query_syntax() -> None:
    assert words("«إسعاف» & (premiers|secours)! first-aid: \x00 *") == [
        "اسعاف", "premiers", "secours", "first", "aid"]
    assert words("!!! ... ؟ ،") == []


def test_the_index_holds_stems_in_the_rows_language() -> None:
    assert search_config("ar-DZ") == "arabic" and search_config("fr-CA") == "french"
    assert search_config("en") == "english" and search_config("es") == "simple"
    assert indexed_text("fr", "Premiers Secours") == "premi secour"
    assert indexed_text("en", "Volunteering volunteers") == "volunt volunt"
    assert indexed_text("ar", "الإسعافات") == "اسعاف"
    assert indexed_text("es", "Voluntarios") == "voluntarios"


def _run(database: Database, statement: str, params: dict[str, object]) -> list[object]:
    async def run() -> list[object]:
        engine = make_engine(database.settings.database_url)
        try:
            async with engine.connect() as conn:
                return list((await conn.execute(text(statement), params)).scalars())
        finally:
            await engine.dispose()

    return asyncio.run(run())


@pytest.mark.parametrize("fresh_backend", ["postgresql"], indirect=True)
def test_the_sql_normalization_equals_pythons(fresh_backend: Database) -> None:
    backend = fresh_backend
    setup_steps.migrate(backend.settings)
    strings = [raw for raw, _ in CASES] + MORE
    for raw in strings:
        got = _run(backend, "SELECT tatawwu_search_normalize(:t)", {"t": raw})[0]
        assert got == normalize(raw), raw
    configs = _run(backend, "SELECT tatawwu_search_config(l)::text FROM unnest("
                   "CAST(:ls AS text[])) AS l", {"ls": ["ar", "ar-DZ", "fr-CA", "en", "es"]})
    assert configs == ["arabic", "arabic", "french", "english", "simple"]


@pytest.mark.parametrize("fresh_backend", ["sqlite", "postgresql"], indirect=True)
def test_the_index_is_no_model_and_the_rest_matches(fresh_backend: Database) -> None:
    setup_steps.migrate(fresh_backend.settings)

    async def differences() -> list[object]:
        engine = make_engine(fresh_backend.settings.database_url)
        try:
            async with engine.connect() as conn:
                return await conn.run_sync(lambda c: compare_metadata(MigrationContext.configure(
                    c, opts={"compare_type": True, "include_name": include_name}),
                    Base.metadata))
        finally:
            await engine.dispose()

    assert asyncio.run(differences()) == []
