"""saveOpportunity / unsaveOpportunity: idempotent, only what the volunteer may see, and
reflected in viewerHasSaved and Volunteer.savedOpportunities (both databases)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select

from hub.db import models as m
from hub.ids import encode_id
from tests.volunteers.conftest import Hub
from tests.volunteers.journey import SAVE, SAVED, UNSAVE, error, register


def opportunity(hub: Hub, *, status: str, visibility: str = "PUBLIC") -> str:
    o = m.Opportunity
    ((key,),) = hub.fetch(select(o.id).where(o.status == status, o.visibility == visibility)
                          .order_by(o.id).limit(1))
    return encode_id("Opportunity", key)


def saved_rows(hub: Hub, vid: int) -> list[Any]:
    return hub.fetch(select(m.SavedOpportunity.opportunity_id).where(
        m.SavedOpportunity.volunteer_id == vid))


def test_saving_is_idempotent_and_shows_in_the_volunteers_lists(hub: Hub) -> None:
    _, headers, answer = register(hub)
    vid = int(hub.fetch(select(m.Volunteer.id).where(
        m.Volunteer.first_name == "Amina").order_by(m.Volunteer.id.desc()).limit(1))[0][0])
    assert encode_id("Volunteer", vid) == answer["id"]
    target = opportunity(hub, status="PUBLISHED")
    hub.client.counter.statements.clear()
    first = hub.client.data(SAVE, {"id": target}, headers)["saveOpportunity"]
    statements = hub.client.counter.count
    assert first == {"id": target, "viewerHasSaved": True}
    # authentication (2 reads), the volunteer and the opportunity (one batch each), the
    # insert and the audit event, then viewerHasSaved (its loader was cleared); PostgreSQL
    # adds the row-security prelude of each of the request's transactions (2).
    expected = 7 if hub.client.backend == "sqlite" else 9
    assert statements == expected, hub.client.counter.statements
    again = hub.client.data(SAVE, {"id": target}, headers)["saveOpportunity"]
    assert again == first
    assert len(saved_rows(hub, vid)) == 1
    page = hub.client.data(SAVED, headers=headers)["viewer"]["volunteer"]["savedOpportunities"]
    assert page["totalCount"] == 1 and page["edges"][0]["node"]["id"] == target
    events = hub.fetch(select(m.AuditEvent.action, m.AuditEvent.details).where(
        m.AuditEvent.object_id == target, m.AuditEvent.action == "save_opportunity",
        m.AuditEvent.at >= hub.fetch(select(m.Volunteer.created_at).where(
            m.Volunteer.id == vid))[0][0]))
    assert [e.details["changed"] for e in events][-2:] == [True, False]
    gone = hub.client.data(UNSAVE, {"id": target}, headers)["unsaveOpportunity"]
    assert gone == {"id": target, "viewerHasSaved": False}
    assert hub.client.data(UNSAVE, {"id": target}, headers)["unsaveOpportunity"] == gone
    assert saved_rows(hub, vid) == []
    page = hub.client.data(SAVED, headers=headers)["viewer"]["volunteer"]["savedOpportunities"]
    assert page == {"totalCount": 0, "edges": []}


def test_only_opportunities_the_volunteer_may_see_are_saved(hub: Hub) -> None:
    _, headers, _ = register(hub)
    draft = opportunity(hub, status="DRAFT")
    refused = error(hub.client.post(SAVE, {"id": draft}, headers))
    assert refused["extensions"]["code"] == "NOT_FOUND"
    network = hub.fetch(select(m.Opportunity.id).where(
        m.Opportunity.visibility == "NETWORK", m.Opportunity.status == "PUBLISHED").limit(1))
    if network:
        hidden = encode_id("Opportunity", network[0][0])
        assert error(hub.client.post(SAVE, {"id": hidden}, headers))[
            "extensions"]["code"] == "NOT_FOUND"
    # Unsaving what one may not see is no error (nothing was saved), and says null.
    body = hub.client.post(UNSAVE, {"id": draft}, headers)
    assert body["data"] == {"unsaveOpportunity": None} and "errors" not in body
    bad = error(hub.client.post(SAVE, {"id": encode_id("Volunteer", 1)}, headers))
    assert bad["extensions"]["code"] == "BAD_USER_INPUT"
    (draft_key,) = hub.fetch(select(m.Opportunity.id).where(m.Opportunity.status == "DRAFT")
                             .order_by(m.Opportunity.id).limit(1))[0]
    assert hub.fetch(select(func.count()).select_from(m.SavedOpportunity).where(
        m.SavedOpportunity.opportunity_id == draft_key)) == [(0,)]


def test_only_volunteers_save(hub: Hub) -> None:
    target = opportunity(hub, status="PUBLISHED")
    _, person = hub.person()
    for headers in ({}, hub.staff("dz-crescent"), hub.federation(), person):
        refused = error(hub.client.post(SAVE, {"id": target}, headers))
        assert refused["extensions"]["code"] == "FORBIDDEN"
