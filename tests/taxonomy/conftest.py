"""A hub over a fresh database per backend (tenants synced, no demo data) with a small
taxonomy of its own, and the principals of the taxonomy tests."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import insert, select, update

from hub.db import models as m
from tests.applications.world import World, open_world
from tests.dbtools import fetch

FEDERATION = "arco"
SOCIETY = "dz-crescent"

CATEGORIES: list[dict[str, Any]] = [
    {"code": "first-aid", "position": 1, "active": True,
     "labels": {"en": "First aid", "fr": "Premiers secours", "ar": "الإسعافات الأولية"}},
    {"code": "education", "position": 2, "active": True,
     "labels": {"en": "Education", "fr": "Éducation", "ar": "التعليم"}},
    # No Arabic label: Arabic callers get the English one.
    {"code": "blood", "position": 2, "active": True,
     "labels": {"en": "Blood donation", "fr": "Don de sang"}},
    # In French, "Éducation" sorts before "Formation" (accents do not push a label last).
    {"code": "training", "position": 2, "active": True,
     "labels": {"en": "Training", "fr": "Formation"}},
    {"code": "old-ways", "position": 0, "active": False, "labels": {"en": "Old ways"}},
]
SKILLS: list[dict[str, Any]] = [
    {"code": "driving", "position": 0, "active": True,
     "labels": {"en": "Driving", "fr": "Conduite", "ar": "القيادة"}},
    {"code": "cooking", "position": 0, "active": True,
     "labels": {"en": "Cooking", "fr": "Cuisine", "ar": "الطبخ"}},
    {"code": "telegraphy", "position": 0, "active": False, "labels": {"en": "Telegraphy"}},
]


class Taxonomy(World):
    """The applications tests' world (tenants, tokens, records) with taxonomy helpers."""

    def federation_admin(self, role: str = "admin") -> dict[str, str]:
        return self.staff(role, FEDERATION)

    def terms(self, model: Any) -> dict[str, tuple[dict[str, str], int, bool]]:
        """Every row of `model` as the database holds it: code -> (labels, position, active)."""
        rows = fetch(self.database.settings, select(
            model.code, model.labels, model.position, model.active))
        return {code: (labels, position, active) for code, labels, position, active in rows}

    def opportunity_in(self, category: str, status: str = "PUBLISHED") -> int:
        oid = self.new_opportunity(status=status)
        fetch(self.database.settings, update(m.Opportunity).where(m.Opportunity.id == oid)
              .values(category_code=category))
        return oid


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def taxonomy(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
             ) -> Iterator[Taxonomy]:
    """One database per backend for a test module, seeded with CATEGORIES and SKILLS (and
    the applications world's `test-category`, labelled only in English)."""
    for world in open_world(request.param, tmp_path_factory.mktemp(f"tax-{request.param}")):
        fetch(world.database.settings, insert(m.Category).values(CATEGORIES))
        fetch(world.database.settings, insert(m.Skill).values(SKILLS))
        yield Taxonomy(**{name: getattr(world, name) for name in (
            "database", "client", "app", "key", "tenants")})
