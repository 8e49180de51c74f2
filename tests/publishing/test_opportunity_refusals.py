"""Who may not write an opportunity, and input that is refused: each refusal has its code
and names the input field (`extensions.argument`), in French and Arabic too, and leaves
every table as it was."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import update

from hub.db import models as m
from hub.ids import decode_id
from tests.dbtools import fetch
from tests.publishing.opportunity_world import (
    ARCHIVE,
    CLOSE,
    CREATE,
    OTHER_TENANT,
    PUBLISH,
    TENANT,
    UPDATE,
    EditorialWorld,
    gid,
    opportunity_input,
    soon,
    world,
)

__all__ = ["world"]


def published(world: EditorialWorld, **fields: Any) -> str:
    created = world.create(**fields)
    world.ok(PUBLISH, {"input": {"id": created["id"]}}, world.staff("editor"))
    return str(created["id"])


# --- who may ------------------------------------------------------------------------------

@pytest.mark.parametrize("caller", ["anonymous", "volunteer", "viewer"])
def test_only_editors_create(world: EditorialWorld, caller: str) -> None:
    world.refused(CREATE, {"input": opportunity_input()}, world.non_editors()[caller], "FORBIDDEN")


@pytest.mark.parametrize("caller", ["anonymous", "volunteer", "viewer"])
def test_only_editors_change_a_published_opportunity(world: EditorialWorld,
                                                     caller: str) -> None:
    key = published(world)
    before = world.row(m.Opportunity, decode_id(key)[1])
    headers = world.non_editors()[caller]
    for query, extra in ((UPDATE, {"isEmergency": True}), (PUBLISH, {}), (CLOSE, {}),
                         (ARCHIVE, {})):
        world.refused(query, {"input": {"id": key, **extra}}, headers, "FORBIDDEN")
    assert world.row(m.Opportunity, decode_id(key)[1]) == before


def test_a_viewer_is_refused_before_a_draft_is_looked_up(world: EditorialWorld) -> None:
    # The rule of every editorial record: no editor, no write, whatever the id names; a
    # viewer learns nothing of which drafts exist.
    draft = world.create()["id"]
    for query in (UPDATE, PUBLISH, CLOSE, ARCHIVE):
        body = world.refused(query, {"input": {"id": draft, "isEmergency": True}
                                     if query is UPDATE else {"id": draft}},
                             world.staff("viewer"), "FORBIDDEN")
        assert "argument" not in body["errors"][0]["extensions"]


def test_staff_of_another_tenant(world: EditorialWorld) -> None:
    other = world.staff("admin", OTHER_TENANT)
    draft = world.create()["id"]
    public = published(world)
    for query in (UPDATE, PUBLISH, CLOSE, ARCHIVE):
        # A draft they cannot read is not found; a public one they can read is forbidden.
        world.refused(query, {"input": {"id": draft}}, other, "NOT_FOUND", "input.id")
        world.refused(query, {"input": {"id": public}}, other, "FORBIDDEN")


def test_an_editor_may_not_set_capacity_or_acceptance(world: EditorialWorld) -> None:
    editor = {**world.staff("editor"), "Accept-Language": "fr"}
    world.refused(CREATE, {"input": opportunity_input(capacity=10)}, editor, "FORBIDDEN")
    world.refused(CREATE, {"input": opportunity_input(acceptance="AUTOMATIC")}, editor,
                  "FORBIDDEN")
    key = world.create(world.staff("coordinator"), capacity=10)["id"]
    world.refused(UPDATE, {"input": {"id": key, "capacity": 12}}, editor,
                  "FORBIDDEN")
    world.refused(UPDATE, {"input": {"id": key, "capacity": None}}, editor, "FORBIDDEN")
    world.refused(UPDATE, {"input": {"id": key, "acceptance": "AUTOMATIC"}}, editor,
                  "FORBIDDEN")
    # Sent unchanged (a form that sends every field), they are no change.
    same = world.ok(UPDATE, {"input": {"id": key, "capacity": 10, "acceptance": "REVIEW",
                                       "isEmergency": True}}, editor)["updateOpportunity"]
    assert same["capacity"] == 10 and same["isEmergency"] is True


# --- bad input ----------------------------------------------------------------------------

Case = tuple[str, Callable[[EditorialWorld], dict[str, Any]], str]

CREATE_CASES: list[Case] = [
    ("no texts", lambda w: {"texts": []}, "input.texts"),
    ("no title", lambda w: {"texts": [{"locale": "ar", "summary": "x"}]}, "input.texts.title"),
    ("blank title", lambda w: {"texts": [{"locale": "ar", "title": "  "}]},
     "input.texts.title"),
    ("locale twice", lambda w: {"texts": [{"locale": "ar", "title": "a"},
                                          {"locale": "ar", "title": "b"}]},
     "input.texts.locale"),
    ("unknown locale", lambda w: {"texts": [{"locale": "tlh-Piqd", "title": "a"}]},
     "input.texts.locale"),
    ("no body here", lambda w: {"texts": [{"locale": "ar", "title": "a", "body": "b"}]},
     "input.texts.body"),
    ("title too long", lambda w: {"texts": [{"locale": "ar", "title": "x" * 301}]},
     "input.texts.title"),
    ("ends before start", lambda w: {"startsAt": "2027-01-10T09:00:00Z",
                                     "endsAt": "2027-01-10T08:00:00Z"}, "input.endsAt"),
    ("naive start", lambda w: {"startsAt": "2027-01-10T09:00:00"}, "input.startsAt"),
    ("latitude", lambda w: {"format": "ONSITE", "place": {
        "city": "Oran", "latitude": 91, "longitude": 0}}, "input.place.latitude"),
    ("longitude", lambda w: {"format": "ONSITE", "place": {
        "city": "Oran", "latitude": 35.7, "longitude": -181}}, "input.place.longitude"),
    ("half a pair", lambda w: {"format": "ONSITE", "place": {"city": "Oran",
                                                              "latitude": 35.7}},
     "input.place"),
    ("onsite without place", lambda w: {"format": "ONSITE"}, "input.place"),
    ("onsite with a country only", lambda w: {"format": "ONSITE", "place": {"country": "DZ"}},
     "input.place"),
    ("remote with a city", lambda w: {"format": "REMOTE", "place": {"city": "Oran"}},
     "input.place"),
    ("country", lambda w: {"format": "HYBRID", "place": {"country": "Algeria"}},
     "input.place.country"),
    ("e-mail", lambda w: {"contact": {"email": "amina at example"}}, "input.contact.email"),
    ("e-mail without domain", lambda w: {"contact": {"email": "amina@localhost"}},
     "input.contact.email"),
    ("phone", lambda w: {"contact": {"phone": "call me"}}, "input.contact.phone"),
    ("contact name", lambda w: {"contact": {"name": "x" * 201}}, "input.contact.name"),
    ("unknown category", lambda w: {"category": "knitting"}, "input.category"),
    ("retired category", lambda w: {"category": "retired-category"}, "input.category"),
    ("unknown skill", lambda w: {"skills": ["driving", "juggling"]}, "input.skills"),
    ("retired skill", lambda w: {"skills": ["telex"]}, "input.skills"),
    ("too many skills", lambda w: {"skills": [f"s{i}" for i in range(21)]}, "input.skills"),
    ("organization of another tenant", lambda w: {
        "organizationId": gid("Organization", w.organizations[OTHER_TENANT])},
     "input.organizationId"),
    ("organization id of another type", lambda w: {
        "organizationId": gid("Campaign", w.campaigns[f"{TENANT}:PUBLISHED"])},
     "input.organizationId"),
    ("campaign of another tenant", lambda w: {
        "campaignId": gid("Campaign", w.campaigns[f"{OTHER_TENANT}:PUBLISHED"])},
     "input.campaignId"),
    ("archived campaign", lambda w: {
        "campaignId": gid("Campaign", w.campaigns[f"{TENANT}:ARCHIVED"])}, "input.campaignId"),
    ("minimum age above 120", lambda w: {"minimumAge": 121}, "input.minimumAge"),
    ("negative minimum age", lambda w: {"minimumAge": -1}, "input.minimumAge"),
    ("negative credited hours", lambda w: {"creditedHours": -0.5}, "input.creditedHours"),
    ("unreasonable credited hours", lambda w: {"creditedHours": 5000},
     "input.creditedHours"),
    ("capacity 0", lambda w: {"capacity": 0}, "input.capacity"),
    ("key too long", lambda w: {"clientMutationId": "k" * 121}, "input.clientMutationId"),
]


@pytest.mark.parametrize("case", CREATE_CASES, ids=[c[0] for c in CREATE_CASES])
def test_bad_input_of_a_creation(world: EditorialWorld, case: Case) -> None:
    _, fields, argument = case
    # A coordinator, so that capacity is theirs to set; in French and Arabic by turns.
    headers = {**world.staff("coordinator"),
               "Accept-Language": "fr" if len(argument) % 2 else "ar"}
    world.refused(CREATE, {"input": opportunity_input(**fields(world))}, headers,
                  "BAD_USER_INPUT", argument)


def test_capacity_cannot_fall_below_the_places_taken(world: EditorialWorld) -> None:
    key = world.create(world.staff("coordinator"), capacity=5)["id"]
    fetch(world.database.settings, update(m.Opportunity).where(
        m.Opportunity.id == decode_id(key)[1]).values(filled_spots=3))
    headers = {**world.staff("coordinator"), "Accept-Language": "ar"}
    world.refused(UPDATE, {"input": {"id": key, "capacity": 2}}, headers, "BAD_USER_INPUT",
                  "input.capacity")
    assert world.ok(UPDATE, {"input": {"id": key, "capacity": 3}},
                    headers)["updateOpportunity"]["capacity"] == 3


def test_bad_input_of_an_update(world: EditorialWorld) -> None:
    key = world.create(startsAt="2027-01-10T09:00:00Z")["id"]
    before = world.row(m.Opportunity, decode_id(key)[1])
    editor = {**world.staff("editor"), "Accept-Language": "fr"}
    for fields, argument in (
            ({"endsAt": "2027-01-09T09:00:00Z"}, "input.endsAt"),  # before the kept start
            ({"texts": [{"locale": "ar", "title": ""}]}, "input.texts.title"),
            ({"texts": [{"locale": "en", "summary": "a new language without a title"}]},
             "input.texts.title"),
            ({"place": {"city": "Oran"}}, "input.place"),  # REMOTE
            ({"skills": ["telex"]}, "input.skills"),
            ({"contact": {"email": "@example.org"}}, "input.contact.email")):
        world.refused(UPDATE, {"input": {"id": key, **fields}}, editor, "BAD_USER_INPUT",
                      argument)
    world.refused(UPDATE, {"input": {"id": gid("Campaign", 1)}}, editor, "BAD_USER_INPUT",
                  "input.id")
    assert world.row(m.Opportunity, decode_id(key)[1]) == before


def test_bad_publication_times(world: EditorialWorld) -> None:
    key = world.create()["id"]
    editor = {**world.staff("editor"), "Accept-Language": "ar"}
    for moment in (soon(minutes=-1), "2030-01-01T09:00:00"):
        world.refused(PUBLISH, {"input": {"id": key, "publishAt": moment}}, editor,
                      "BAD_USER_INPUT", "input.publishAt")
