"""Editors write opportunities: create a draft, change it, publish (now, scheduled,
rescheduled), close and archive, with texts whose first language is the source; retries
have one effect; every write is audited; the statements of a creation are bounded."""

from __future__ import annotations

from typing import Any

from hub.db import models as m
from hub.ids import decode_id
from tests.publishing.opportunity_world import (
    ARCHIVE,
    CLOSE,
    CREATE,
    PUBLISH,
    TENANT,
    UPDATE,
    EditorialWorld,
    code_of,
    gid,
    opportunity_input,
    soon,
    world,
)

__all__ = ["world"]

# As measured (a request's statements, the row-security prelude on PostgreSQL included):
# the checks' look-ups, the key, the insert of the record, its texts (not read first: a
# new record has none) and skills, the audit event, and the answer's reads. They must not
# grow unnoticed.
CREATE_BOUNDS = {"sqlite": 13, "postgresql": 15}


def test_an_editor_creates_a_draft_with_every_field(world: EditorialWorld) -> None:
    org = gid("Organization", world.organizations[TENANT])
    campaign = gid("Campaign", world.campaigns[f"{TENANT}:PUBLISHED"])
    created = world.create(
        texts=[{"locale": "fr", "title": "Premiers secours", "summary": "Formation",
                "description": "Deux jours"},
               {"locale": "ar", "title": "إسعافات أولية"}],
        format="ONSITE", category="first-aid", skills=["driving", "nursing", "driving"],
        place={"country": "dz", "region": "Sétif", "city": "Sétif", "latitude": 36.19,
               "longitude": 5.41},
        startsAt="2027-01-10T09:00:00+01:00", endsAt="2027-01-11T17:00:00+01:00",
        organizationId=org, campaignId=campaign, visibility="NETWORK",
        contact={"name": "Amina", "email": "amina@example.org", "phone": "+213 36 12 34"},
        creditedHours=12.5, isEmergency=True, minimumAge=16)
    assert created["status"] == "DRAFT"
    assert created["isScheduled"] is False and created["publishedAt"] is None
    assert created["visibility"] == "NETWORK" and created["format"] == "ONSITE"
    assert created["category"] == {"code": "first-aid"}
    assert sorted(s["code"] for s in created["skills"]) == ["driving", "nursing"]
    assert created["place"] == {"country": "DZ", "region": "Sétif", "city": "Sétif",
                                "latitude": 36.19, "longitude": 5.41}
    assert created["organization"] == {"id": org} and created["campaign"] == {"id": campaign}
    assert created["contact"] == {"name": "Amina", "email": "amina@example.org",
                                  "phone": "+213 36 12 34"}
    assert created["creditedHours"] == 12.5 and created["isEmergency"] is True
    assert created["minimumAge"] == 16
    # An editor leaves capacity and acceptance as a new record has them.
    assert created["capacity"] is None and created["acceptance"] == "REVIEW"
    sources = {t["locale"] for t in created["translations"] if t["isSource"]}
    assert sources == {"fr"}
    assert not any(t["isStale"] for t in created["translations"])
    assert world.audit_actions(created["id"]) == ["create_opportunity"]


def test_a_coordinator_sets_capacity_and_acceptance(world: EditorialWorld) -> None:
    created = world.create(world.staff("coordinator"), capacity=5, acceptance="AUTOMATIC")
    assert (created["capacity"], created["acceptance"]) == (5, "AUTOMATIC")
    changed = world.ok(UPDATE, {"input": {"id": created["id"], "capacity": None}},
                       world.staff("admin"))["updateOpportunity"]
    assert changed["capacity"] is None  # null clears: no limit


def test_an_update_changes_only_what_it_sends(world: EditorialWorld) -> None:
    created = world.create(texts=[{"locale": "en", "title": "First aid", "summary": "Two days"},
                                  {"locale": "fr", "title": "Premiers secours"}],
                           skills=["driving"], creditedHours=3, minimumAge=18)
    before = world.row(m.Opportunity, decode_id(created["id"])[1])
    changed = world.ok(UPDATE, {"input": {
        "id": created["id"], "minimumAge": None, "skills": ["nursing"],
        "texts": [{"locale": "en", "summary": ""}]}}, world.staff("editor"))["updateOpportunity"]
    assert changed["minimumAge"] is None
    assert [s["code"] for s in changed["skills"]] == ["nursing"]
    assert changed["creditedHours"] == 3 and changed["title"] == "First aid"
    assert changed["summary"] is None  # an empty text clears the field
    after = world.row(m.Opportunity, decode_id(created["id"])[1])
    assert {k for k in before if before[k] != after[k]} == {"min_age", "updated_at"}
    assert world.audit_actions(created["id"]) == ["create_opportunity", "update_opportunity"]


def test_editing_the_source_makes_translations_stale(world: EditorialWorld) -> None:
    created = world.create(texts=[{"locale": "ar", "title": "إسعافات أولية"},
                                  {"locale": "en", "title": "First aid"}])
    stale = {t["locale"]: t["isStale"] for t in created["translations"]}
    assert stale == {"ar": False, "en": False}
    edited = world.ok(UPDATE, {"input": {"id": created["id"], "texts": [
        {"locale": "ar", "title": "الإسعافات الأولية"}]}}, world.staff("editor"))
    translations = edited["updateOpportunity"]["translations"]
    assert {t["locale"]: t["isStale"] for t in translations} == {"ar": False, "en": True}
    assert [t["locale"] for t in translations if t["isSource"]] == ["ar"]
    # Writing the translation again makes it fresh; a new language starts with its title.
    fresh = world.ok(UPDATE, {"input": {"id": created["id"], "texts": [
        {"locale": "en", "title": "First aid course"},
        {"locale": "fr", "title": "Secourisme"}]}}, world.staff("editor"))
    assert not any(t["isStale"] for t in fresh["updateOpportunity"]["translations"])


def test_the_format_and_the_place_are_checked_together(world: EditorialWorld) -> None:
    created = world.create(format="ONSITE", place={"city": "Oran"})
    editor = world.staff("editor")
    refused = world.call(UPDATE, {"input": {"id": created["id"], "format": "REMOTE"}}, editor)
    assert code_of(refused) == "BAD_USER_INPUT"
    assert refused["errors"][0]["extensions"]["argument"] == "input.place"
    remote = world.ok(UPDATE, {"input": {"id": created["id"], "format": "REMOTE",
                                         "place": None}}, editor)["updateOpportunity"]
    assert remote["format"] == "REMOTE" and remote["place"] is None


def test_publish_close_publish_again_and_archive(world: EditorialWorld) -> None:
    created = world.create()
    editor = world.staff("editor")
    variables = {"input": {"id": created["id"]}}
    published = world.ok(PUBLISH, variables, editor)["publishOpportunity"]
    assert published["status"] == "PUBLISHED" and published["publishedAt"]
    assert published["isScheduled"] is False
    # A live record cannot be published again.
    assert code_of(world.call(PUBLISH, variables, editor)) == "CONFLICT"
    assert world.ok(CLOSE, variables, editor)["closeOpportunity"]["status"] == "CLOSED"
    assert code_of(world.call(CLOSE, variables, editor)) == "CONFLICT"
    assert world.ok(PUBLISH, variables, editor)["publishOpportunity"]["status"] == "PUBLISHED"
    assert world.ok(ARCHIVE, variables, editor)["archiveOpportunity"]["status"] == "ARCHIVED"
    # Archived is for good: no move out of it and no more changes.
    for document in (PUBLISH, CLOSE, ARCHIVE):
        assert code_of(world.call(document, variables, editor)) == "CONFLICT"
    body = world.call(UPDATE, {"input": {"id": created["id"], "isEmergency": True}}, editor)
    assert code_of(body) == "CONFLICT"
    assert world.audit_actions(created["id"]) == [
        "create_opportunity", "publish_opportunity", "close_opportunity",
        "publish_opportunity", "archive_opportunity"]


def test_a_draft_is_archived_without_being_published(world: EditorialWorld) -> None:
    created = world.create()
    editor = world.staff("editor")
    assert code_of(world.call(CLOSE, {"input": {"id": created["id"]}}, editor)) == "CONFLICT"
    archived = world.ok(ARCHIVE, {"input": {"id": created["id"]}}, editor)
    assert archived["archiveOpportunity"]["status"] == "ARCHIVED"


def test_scheduling_and_rescheduling(world: EditorialWorld) -> None:
    created = world.create()
    editor = world.staff("editor")
    later = soon(hours=1)
    scheduled = world.ok(PUBLISH, {"input": {"id": created["id"], "publishAt": later}},
                         editor)["publishOpportunity"]
    assert scheduled["status"] == "PUBLISHED" and scheduled["isScheduled"] is True
    moved = world.ok(PUBLISH, {"input": {"id": created["id"], "publishAt": soon(hours=2)}},
                     editor)["publishOpportunity"]
    assert moved["isScheduled"] is True and moved["publishedAt"] > scheduled["publishedAt"]
    now = world.ok(PUBLISH, {"input": {"id": created["id"]}}, editor)["publishOpportunity"]
    assert now["isScheduled"] is False and now["publishedAt"] < scheduled["publishedAt"]


def test_a_retry_creates_one_record(world: EditorialWorld) -> None:
    editor = world.staff("editor")
    before = world.counts()
    first = world.created_once(CREATE, opportunity_input(clientMutationId="create-7d1f"),
                               editor)
    after = world.counts()
    assert after["Opportunity"] == before["Opportunity"] + 1
    # The same key with another input is a CONFLICT; nothing more is written.
    other = {"input": opportunity_input(clientMutationId="create-7d1f", isEmergency=True)}
    assert code_of(world.call(CREATE, other, editor)) == "CONFLICT"
    assert world.counts() == after
    # The header works as well, for a status move.
    keyed = {**editor, "Idempotency-Key": "publish-7d1f"}
    one = world.ok(PUBLISH, {"input": {"id": first["id"]}}, keyed)["publishOpportunity"]
    two = world.ok(PUBLISH, {"input": {"id": first["id"]}}, keyed)["publishOpportunity"]
    assert one == two
    assert world.audit_actions(first["id"]) == ["create_opportunity", "publish_opportunity"]


def statements(world: EditorialWorld, query: str, variables: dict[str, Any],
               headers: dict[str, str]) -> int:
    world.client.counter.statements.clear()
    world.ok(query, variables, headers)
    return world.client.counter.count


def test_statements_of_a_creation_are_bounded(world: EditorialWorld) -> None:
    editor = world.staff("editor")
    short = "mutation($input: CreateOpportunityInput!) { createOpportunity(input: $input) { id title } }"
    full = opportunity_input(
        texts=[{"locale": "ar", "title": "إسعاف"}, {"locale": "fr", "title": "Secours"}],
        skills=["driving", "nursing"], organizationId=gid("Organization",
                                                          world.organizations[TENANT]),
        campaignId=gid("Campaign", world.campaigns[f"{TENANT}:PUBLISHED"]),
        clientMutationId="statements")
    count = statements(world, short, {"input": full}, editor)
    print(f"createOpportunity on {world.backend}: {count} statements")
    assert count <= CREATE_BOUNDS[world.backend]
