"""A hub over a fresh database (tenants synced, no demo data) for the editorial writes of
opportunities and campaigns: the taxonomy they need (a retired category and skill among
it), organizations and campaigns of two tenants, the mutations and reads these tests send
(what every editorial world shares is tests/publishing/editorial_world.py)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import insert, select, update

from hub.db import models as m
from tests.applications.world import OTHER_TENANT, TENANT, code_of, gid
from tests.dbtools import fetch
from tests.publishing.editorial_world import PublishingWorld, mutation, open_publishing_world

OPPORTUNITY_FIELDS = """id status isScheduled publishedAt visibility format title summary
  description capacity acceptance minimumAge creditedHours isEmergency isOngoing startsAt
  endsAt category { code } skills { code } place { country region city latitude longitude }
  organization { id } campaign { id } contact { name email phone }
  translations { locale field value isSource isStale }"""
CAMPAIGN_FIELDS = """id status isScheduled publishedAt visibility title startsOn endsOn
  translations { locale field value isSource isStale }"""


CREATE = mutation("createOpportunity", "CreateOpportunityInput", OPPORTUNITY_FIELDS)
UPDATE = mutation("updateOpportunity", "UpdateOpportunityInput", OPPORTUNITY_FIELDS)
PUBLISH = mutation("publishOpportunity", "PublishOpportunityInput", OPPORTUNITY_FIELDS)
CLOSE = mutation("closeOpportunity", "CloseOpportunityInput", OPPORTUNITY_FIELDS)
ARCHIVE = mutation("archiveOpportunity", "ArchiveOpportunityInput", OPPORTUNITY_FIELDS)
CREATE_CAMPAIGN = mutation("createCampaign", "CreateCampaignInput", CAMPAIGN_FIELDS)
UPDATE_CAMPAIGN = mutation("updateCampaign", "UpdateCampaignInput", CAMPAIGN_FIELDS)
PUBLISH_CAMPAIGN = mutation("publishCampaign", "PublishCampaignInput", CAMPAIGN_FIELDS)
CLOSE_CAMPAIGN = mutation("closeCampaign", "CloseCampaignInput", CAMPAIGN_FIELDS)
ARCHIVE_CAMPAIGN = mutation("archiveCampaign", "ArchiveCampaignInput", CAMPAIGN_FIELDS)

# The four roads to an opportunity.
LIST = "{ opportunities(first: 100) { edges { node { id } } } }"
LOOKUP = "query($id: ID!) { opportunity(id: $id) { id } }"
NODE = "query($id: ID!) { node(id: $id) { id } }"
TENANT_LIST = """query($slug: String!) { tenant(slug: $slug) {
  opportunities(first: 100) { edges { node { id } } } } }"""

class EditorialWorld(PublishingWorld):
    """The editorial world, with this domain's records and reads."""

    organizations: dict[str, int]
    campaigns: dict[str, int]

    def row(self, model: Any, key: int) -> dict[str, Any]:
        found = fetch(self.database.settings, select(model.__table__).where(model.id == key))
        return dict(found[0]._mapping)

    def set_published_at(self, model: Any, key: int, moment: datetime) -> None:
        fetch(self.database.settings, update(model).where(model.id == key)
              .values(published_at=moment))

    def create(self, headers: dict[str, str] | None = None, **fields: Any) -> dict[str, Any]:
        """A new draft (REMOTE, in the test category unless told), as its writer sees it."""
        data = self.ok(CREATE, {"input": opportunity_input(**fields)},
                       headers or self.staff("editor"))
        created: dict[str, Any] = data["createOpportunity"]
        return created

    def visible(self, opportunity_id: str, headers: dict[str, str],
                tenant: str = TENANT) -> dict[str, bool]:
        """Whether the caller finds the opportunity on each road."""
        listed = self.ok(LIST, {}, headers)["opportunities"]["edges"]
        by_tenant = self.ok(TENANT_LIST, {"slug": tenant}, headers)["tenant"]
        return {
            "opportunities": any(e["node"]["id"] == opportunity_id for e in listed),
            "opportunity": self.ok(LOOKUP, {"id": opportunity_id}, headers)["opportunity"]
            is not None,
            "node": self.ok(NODE, {"id": opportunity_id}, headers)["node"] is not None,
            "tenant": by_tenant is not None and any(
                e["node"]["id"] == opportunity_id
                for e in by_tenant["opportunities"]["edges"]),
        }


def opportunity_input(**fields: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "texts": [{"locale": "ar", "title": "إسعافات أولية", "summary": "تدريب"}],
        "format": "REMOTE", "category": "test-category",
    }
    return {**base, **fields}


def soon(**delta: float) -> str:
    return (datetime.now(UTC) + timedelta(**delta)).isoformat()


def seed(world: EditorialWorld) -> None:
    settings = world.database.settings
    fetch(settings, insert(m.Category).values([
        {"code": "retired-category", "labels": {"en": "Old"}, "position": 1, "active": False},
        {"code": "first-aid", "labels": {"en": "First aid"}, "position": 2, "active": True}]))
    fetch(settings, insert(m.Skill).values([
        {"code": "driving", "labels": {"en": "Driving"}, "position": 0, "active": True},
        {"code": "nursing", "labels": {"en": "Nursing"}, "position": 1, "active": True},
        {"code": "telex", "labels": {"en": "Telex"}, "position": 2, "active": False}]))
    now = datetime.now(UTC)
    world.organizations, world.campaigns = {}, {}
    for slug in (TENANT, OTHER_TENANT):
        tenant_id = world.tenants[slug]
        world.organizations[slug] = int(fetch(settings, insert(m.Organization).values(
            tenant_id=tenant_id, name=f"Branch of {slug}", created_at=now, updated_at=now,
        ).returning(m.Organization.id))[0][0])
        for status in ("PUBLISHED", "ARCHIVED"):
            key = int(fetch(settings, insert(m.Campaign).values(
                tenant_id=tenant_id, visibility="PUBLIC", status=status, created_at=now,
                updated_at=now).returning(m.Campaign.id))[0][0])
            fetch(settings, insert(m.CampaignTranslation).values(
                campaign_id=key, tenant_id=tenant_id, locale="en", title=f"Drive {key}",
                is_source=True, updated_at=now))
            world.campaigns[f"{slug}:{status}"] = key


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def world(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
          ) -> Iterator[EditorialWorld]:
    """One database per backend for a test module; each test makes its own records."""
    folder = tmp_path_factory.mktemp(f"editorial-{request.param}")
    for editorial in open_publishing_world(EditorialWorld, request.param, folder):
        seed(editorial)
        yield editorial


__all__ = ["OTHER_TENANT", "TENANT", "EditorialWorld", "code_of", "gid", "world"]
