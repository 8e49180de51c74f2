"""A small fixed corpus of opportunities, news and events in Arabic, French and English,
written straight into a fresh database (the index keeps itself), and a world to search it.

Records are named by a label; the tables of queries expect labels."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import insert

from hub.db import models as m
from hub.db.engine import make_engine
from hub.ids import decode_id, encode_id
from tests.applications.world import World, open_world
from tests.principals import OTHER_TENANT, TENANT

# label -> {locale: (title, summary, description)}
OPPORTUNITIES: dict[str, dict[str, tuple[str, str | None, str | None]]] = {
    "ar_first_aid": {"ar": ("دورة الإسعافات الأولية",
                            "تدريب المتطوعين على الإسعاف في الحالات الطارئة", None)},
    "ar_paramedic": {"ar": ("مسعف متطوع لفرق الطوارئ", "مرافقة المسعفين في سيارة الطوارئ",
                            None)},
    "ar_blood": {"ar": ("حملة التبرع بالدم",
                        "الهلال الأحمر ينظم حملة للتبرع بالدم في الجامعة", None)},
    "ar_harakat": {"ar": ("إِسْعَافٌ عَاجِلٌ لِلْمُصَابِينَ", "تطوّع في المساء", None)},
    "ar_tatweel": {"ar": ("تـــطـــوع الشباب في المدارس", None, None)},
    "fr_secourisme": {"fr": ("Formation au secourisme",
                             "Apprenez les gestes de premiers secours", None)},
    "fr_secours": {"fr": ("Équipe de secours en montagne",
                          "Bénévolat pour les secours alpins", None)},
    "fr_blood": {"fr": ("Collecte de don du sang",
                        "Le Croissant-Rouge organise un don du sang", None)},
    "fr_benevolat": {"fr": ("Bénévolat auprès des réfugiés", "Accueil et accompagnement",
                            None)},
    "en_first_aid": {"en": ("First aid training", "Learn first aid skills for emergencies",
                            None)},
    "en_volunteering": {"en": ("Volunteering at the food bank",
                               "Volunteers sort the donations", None)},
    "en_blood": {"en": ("Blood donation drive", "Give blood at the Red Crescent centre",
                        None)},
    "multi_health": {"ar": ("حملة توعية بالصحة", None, None),
                     "fr": ("Campagne de sensibilisation à la santé", None, None),
                     "en": ("Health awareness campaign", None, None)},
    "ar_digits": {"ar": ("تدريب ١٢ متطوعا على الإنقاذ", None, None)},
    "ar_campaigns": {"ar": ("الحملات الميدانية في القرى", None, None)},
    "fr_accents": {"fr": ("Sécurité civile et prévention", None, None)},
    "ar_hamza": {"ar": ("مؤسسة أهلية للإغاثة", None, None)},
    "ar_maqsura": {"ar": ("زيارة مستشفى الجامعة", None, None)},
    "ar_conjunction": {"ar": ("الإنعاش القلبي والإخلاء في الملاعب",
                              "فالمتطوعون يرافقون الجمهور", None)},
    "en_plural": {"en": ("Shelters for displaced families", None,
                         "Set up the shelter beds before the night")},
    "en_description": {"en": ("Warehouse shifts", None,
                              "Sorting relief kits; some first aid knowledge helps")},
}

NEWS: dict[str, dict[str, tuple[str, str | None, str | None]]] = {
    "news_blood": {"ar": ("نجاح حملة التبرع بالدم", "جمع مئات الأكياس", None),
                   "en": ("Blood drive succeeds", None, None)},
    "news_first_aid": {"fr": ("Nouvelle formation de secourisme", None,
                              "Les premiers secours pour tous")},
    "news_other": {"en": ("Annual report published", "Figures of the year", None)},
}

EVENTS: dict[str, dict[str, tuple[str, str | None, str | None]]] = {
    "event_first_aid": {"en": ("First aid day", None, "A day of first aid workshops")},
    "event_blood": {"fr": ("Journée du don du sang", None, "Au centre-ville")},
    "event_later": {"ar": ("يوم الإسعافات الأولية", None, "ورشات للإسعاف")},
}


@dataclass
class SearchWorld:
    world: World
    labels: dict[str, str]  # global id -> label

    def label_of(self, global_id: str) -> str:
        return self.labels.get(global_id, global_id)

    @property
    def backend(self) -> str:
        return self.world.backend


async def _write(world: World) -> dict[str, str]:
    """Every record of the corpus, PUBLIC and PUBLISHED, of TENANT."""
    labels: dict[str, str] = {}
    tenant = world.tenants[TENANT]
    now = datetime.now(UTC)
    engine = make_engine(world.database.settings.database_url)
    try:
        async with engine.begin() as conn:
            for label, texts in OPPORTUNITIES.items():
                key = (await conn.execute(insert(m.Opportunity).values(
                    tenant_id=tenant, format="REMOTE", category_code="test-category",
                    is_ongoing=True, filled_spots=0, is_emergency=False, visibility="PUBLIC",
                    status="PUBLISHED", published_at=now - timedelta(days=1),
                    acceptance="AUTOMATIC", created_at=now, updated_at=now,
                ).returning(m.Opportunity.id))).scalar_one()
                for i, (locale, (title, summary, description)) in enumerate(texts.items()):
                    await conn.execute(insert(m.OpportunityTranslation).values(
                        opportunity_id=key, tenant_id=tenant, locale=locale, title=title,
                        summary=summary, description=description, is_source=i == 0,
                        updated_at=now))
                labels[encode_id("Opportunity", key)] = label
            for n, (label, texts) in enumerate(NEWS.items()):
                key = (await conn.execute(insert(m.NewsItem).values(
                    tenant_id=tenant, tags=[], visibility="PUBLIC", status="PUBLISHED",
                    published_at=now - timedelta(days=n + 1), created_at=now, updated_at=now,
                ).returning(m.NewsItem.id))).scalar_one()
                for i, (locale, (title, summary, body)) in enumerate(texts.items()):
                    await conn.execute(insert(m.NewsItemTranslation).values(
                        news_item_id=key, tenant_id=tenant, locale=locale, title=title,
                        summary=summary, body=body, is_source=i == 0, updated_at=now))
                labels[encode_id("NewsItem", key)] = label
            for n, (label, texts) in enumerate(EVENTS.items()):
                key = (await conn.execute(insert(m.Event).values(
                    tenant_id=tenant, kind="TRAINING", starts_at=now + timedelta(days=n + 1),
                    visibility="PUBLIC", status="PUBLISHED", created_at=now, updated_at=now,
                ).returning(m.Event.id))).scalar_one()
                for i, (locale, (title, _summary, description)) in enumerate(texts.items()):
                    await conn.execute(insert(m.EventTranslation).values(
                        event_id=key, tenant_id=tenant, locale=locale, title=title,
                        description=description, is_source=i == 0, updated_at=now))
                labels[encode_id("Event", key)] = label
    finally:
        await engine.dispose()
    return labels


async def add_opportunity(world: World, texts: dict[str, tuple[str, str | None, str | None]],
                          *, tenant: str = TENANT, **fields: Any) -> int:
    """One more opportunity (PUBLIC, PUBLISHED unless `fields` say otherwise)."""
    now = datetime.now(UTC)
    values: dict[str, Any] = {
        "tenant_id": world.tenants[tenant], "format": "REMOTE",
        "category_code": "test-category", "is_ongoing": True, "filled_spots": 0,
        "is_emergency": False, "visibility": "PUBLIC", "status": "PUBLISHED",
        "published_at": now - timedelta(days=1), "acceptance": "AUTOMATIC",
        "created_at": now, "updated_at": now, **fields}
    engine = make_engine(world.database.settings.database_url)
    try:
        async with engine.begin() as conn:
            key: int = (await conn.execute(insert(m.Opportunity).values(**values)
                                           .returning(m.Opportunity.id))).scalar_one()
            for i, (locale, (title, summary, description)) in enumerate(texts.items()):
                await conn.execute(insert(m.OpportunityTranslation).values(
                    opportunity_id=key, tenant_id=values["tenant_id"], locale=locale,
                    title=title, summary=summary, description=description, is_source=i == 0,
                    updated_at=now))
    finally:
        await engine.dispose()
    return key


def open_search_world(backend: str, folder: Path) -> Iterator[SearchWorld]:
    for world in open_world(backend, folder):
        yield SearchWorld(world, asyncio.run(_write(world)))


def key_of(global_id: str) -> int:
    return decode_id(global_id)[1]


__all__ = ["EVENTS", "NEWS", "OPPORTUNITIES", "OTHER_TENANT", "TENANT", "SearchWorld",
           "add_opportunity", "key_of", "open_search_world"]
