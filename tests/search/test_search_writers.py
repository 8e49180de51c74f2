"""Every writer of texts keeps the search index right, on both databases, because the
database keeps it (PostgreSQL's generated column, SQLite's triggers): `setTranslation`,
the editorial texts writer (`createOpportunity` / `updateOpportunity` / `createNewsItem`
through `write_texts`), the demo seeder, the scale generator's bulk writes (COPY on
PostgreSQL), and deletes (a translation, a whole record). After each, the new words are
found, the old ones no longer, and the index holds exactly the translation rows."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import pytest
from sqlalchemy import delete, func, select, text

from hub.db import models as m
from hub.db.engine import make_engine
from hub.db.models.search import SEARCH_TABLES, indexed_text
from hub.demo import scale
from hub.ids import decode_id, encode_id
from tests.conftest import Database
from tests.dbtools import fetch
from tests.search.corpus import TENANT, SearchWorld, open_search_world

FIND = """query($s: String!) { opportunities(first: 50, filter: {search: $s}) {
  edges { node { id } } } }"""
FIND_NEWS = """query($s: String!) { news(first: 50, search: $s) { edges { node { id } } } }"""
SET = """mutation($input: SetTranslationInput!) { setTranslation(input: $input) { locale } }"""
CREATE = """mutation($input: CreateOpportunityInput!) { createOpportunity(input: $input) {
  id } }"""
UPDATE = """mutation($input: UpdateOpportunityInput!) { updateOpportunity(input: $input) {
  id } }"""
PUBLISH = """mutation($input: PublishOpportunityInput!) { publishOpportunity(input: $input) {
  id } }"""
CREATE_NEWS = """mutation($input: CreateNewsItemInput!) { createNewsItem(input: $input) {
  id } }"""
PUBLISH_NEWS = """mutation($input: PublishNewsItemInput!) { publishNewsItem(input: $input) {
  id } }"""


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def corpus(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
           ) -> Iterator[SearchWorld]:
    yield from open_search_world(request.param, tmp_path_factory.mktemp(f"sw-{request.param}"))


def index_is_exact(database: Database) -> None:
    """The index holds one entry per translation row, with that row's current texts."""
    settings = database.settings
    for entity in SEARCH_TABLES.values():
        rows = fetch(settings, text(f"SELECT {entity.key}, locale, title FROM "
                                    f"{entity.translation}"))
        if database.backend == "postgresql":
            empty = fetch(settings, text(f"SELECT count(*) FROM {entity.translation} WHERE "
                                         "search_vector IS NULL OR search_vector = ''"))
            assert empty[0][0] == 0, entity.translation
            continue
        want = {(r[0], r[1]): indexed_text(r[1], r[2]) for r in rows}
        held = {(r[0], r[1]): r[2] for r in fetch(settings, text(
            f"SELECT record_id, locale, title FROM {entity.fts}"))}
        assert held == want, entity.fts
        keys = fetch(settings, text(
            f"SELECT count(*) FROM search_row WHERE entity = '{entity.entity}'"))
        assert keys[0][0] == len(want), entity.entity


def found(corpus: SearchWorld, words: str, headers: dict[str, str] | None = None,
          document: str = FIND) -> set[str]:
    data = corpus.world.ok(document, {"s": words}, headers or {})
    return {e["node"]["id"] for e in next(iter(data.values()))["edges"]}


def test_set_translation_keeps_the_index(corpus: SearchWorld) -> None:
    world = corpus.world
    target = next(g for g, label in corpus.labels.items() if label == "en_blood")
    editor = world.staff("editor")
    world.ok(SET, {"input": {"id": target, "locale": "fr", "field": "title",
                             "value": "Maraude nocturne"}}, editor)
    assert found(corpus, "maraude") == {target}
    world.ok(SET, {"input": {"id": target, "locale": "fr", "field": "title",
                             "value": "Distribution alimentaire"}}, editor)
    assert found(corpus, "maraude") == set()
    assert found(corpus, "distribution alimentaire") == {target}
    world.ok(SET, {"input": {"id": target, "locale": "fr", "field": "summary",
                             "value": "Tournée des sans-abri"}}, editor)
    assert found(corpus, "tournee") == {target}
    index_is_exact(world.database)


def test_the_editorial_texts_writer_keeps_the_index(corpus: SearchWorld) -> None:
    world = corpus.world
    editor = world.staff("editor")
    created = world.ok(CREATE, {"input": {
        "texts": [{"locale": "ar", "title": "الاستجابة للزلزال", "summary": "فرق ميدانية"}],
        "format": "REMOTE", "category": "test-category"}}, editor)["createOpportunity"]["id"]
    assert found(corpus, "زلزال", editor) == {created}  # a draft: its editors find it
    assert found(corpus, "زلزال") == set()  # nobody else
    world.ok(UPDATE, {"input": {"id": created, "texts": [
        {"locale": "ar", "title": "الاستجابة للفيضانات"},
        {"locale": "fr", "title": "Réponse aux inondations", "description": "Pompage"}]}},
        editor)
    world.ok(PUBLISH, {"input": {"id": created}}, editor)
    assert found(corpus, "زلزال") == set()
    assert found(corpus, "الفيضانات") == found(corpus, "inondation") == {created}
    assert found(corpus, "pompage") == {created}
    news = world.ok(CREATE_NEWS, {"input": {
        "texts": [{"locale": "en", "title": "Flood relief convoy", "body": "Trucks left"}],
        "tags": []}}, editor)["createNewsItem"]["id"]
    world.ok(PUBLISH_NEWS, {"input": {"id": news}}, editor)
    assert found(corpus, "convoys", document=FIND_NEWS) == {news}
    index_is_exact(world.database)


def test_deletes_keep_the_index(corpus: SearchWorld) -> None:
    world = corpus.world
    settings = world.database.settings
    multi = next(g for g, label in corpus.labels.items() if label == "multi_health")
    key = decode_id(multi)[1]
    t = m.OpportunityTranslation
    fetch(settings, delete(t).where(t.opportunity_id == key, t.locale == "fr"))
    assert found(corpus, "sante") == set()
    assert found(corpus, "health") == {multi}
    fetch(settings, delete(m.Opportunity).where(m.Opportunity.id == key))  # cascades
    assert found(corpus, "health") == set()
    index_is_exact(world.database)


def test_the_scale_generators_bulk_writes_keep_the_index(corpus: SearchWorld) -> None:
    world = corpus.world
    tenant = world.tenants[TENANT]
    now = datetime.now(UTC)

    async def bulk() -> list[int]:
        engine = make_engine(world.database.settings.database_url)
        try:
            async with engine.begin() as conn:
                first = int((await conn.scalar(select(func.max(m.Opportunity.id)))) or 0) + 1
                keys = list(range(first, first + 3))
                records: list[dict[str, Any]] = [{
                    "id": k, "external_id": None, "sync_digest": None, "organization_id": None,
                    "campaign_id": None, "format": "REMOTE", "category_code": "test-category",
                    "country": None, "region": None, "city": None, "latitude": None,
                    "longitude": None, "starts_at": None, "ends_at": None,
                    "is_ongoing": True, "capacity": None, "filled_spots": 0,
                    "credited_hours": None, "is_emergency": False, "visibility": "PUBLIC",
                    "status": "PUBLISHED", "published_at": now, "contact_name": None,
                    "contact_email": None, "contact_phone": None, "min_age": None,
                    "acceptance": "AUTOMATIC", "tenant_id": tenant, "created_at": now,
                    "updated_at": now} for k in keys]
                texts = [{"opportunity_id": k, "tenant_id": tenant, "locale": "fr",
                          "is_source": True, "updated_at": now, "source_digest": None,
                          "title": f"Ramassage des déchets #{k}", "summary": "Plage",
                          "description": None} for k in keys]
                await scale._write(conn, m.Opportunity.__table__, records, None)
                await scale._write(conn, m.OpportunityTranslation.__table__, texts, None)
                return keys
        finally:
            await engine.dispose()

    keys = asyncio.run(bulk())
    assert found(corpus, "dechet") == {encode_id("Opportunity", k) for k in keys}
    index_is_exact(world.database)


def test_the_demo_seeder_keeps_the_index(backend: Database) -> None:
    index_is_exact(backend)
    counted = fetch(backend.settings, select(func.count()).select_from(
        m.OpportunityTranslation))[0][0]
    assert counted > 0
