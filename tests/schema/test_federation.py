"""The hub as an Apollo Federation v2 subgraph, on SQLite and PostgreSQL: `_entities`.

`_entities` is one more road to an object: it must answer every principal exactly as
`node(id:)` does (the same records, the same fields, the same FORBIDDEN errors at the same
places) for records of every visibility and status and for volunteers who share or not.
(`_Entity`, `_service { sdl }` and composition with a second subgraph:
test_federation_sdl.py.)
"""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select

from hub.db import models as m
from hub.ids import encode_id
from schema.core.permissions import COLUMNS
from schema.core.policy import EVERYONE
from tests.conftest import Database, HubClient
from tests.dbtools import fetch
from tests.principals import OTHER_TENANT, TENANT, Cast
from tests.schema import test_confidentiality_matrix as matrix
from tests.schema.test_confidentiality import expected_visible, tenant_ids
from tests.schema.test_confidentiality_matrix import ENTRIES, check, selection

# The matrix's own fixtures: its principals and its target records (a record of T of each
# type with every field filled, volunteers V and W).
people = matrix.people
targets = matrix.targets

KEY_TYPES = ("Event", "NewsItem", "Opportunity", "Tenant", "Volunteer")
ENTITIES = "query($r: [_Any!]!) { r: _entities(representations: $r) { ... on %s { ...F } } }"
SERVICE_SDL = "{ _service { sdl } }"
MISSING = 10**12  # a well-formed key no row has


def at(*path: Any) -> matrix.Extract:
    """The object at `path` (keys and list indexes) and its path, as the matrix's roads do."""
    def extract(data: dict[str, Any]) -> tuple[dict[str, Any] | None, list[Any]]:
        node: Any = data
        for step in path:
            if isinstance(step, int):
                node = node[step] if isinstance(node, list) and len(node) > step else None
            else:
                node = node.get(step) if isinstance(node, dict) else None
        return (node or None), list(path)
    return extract


def entities_road(type_name: str, representation: dict[str, Any]) -> tuple[
        str, dict[str, Any], matrix.Extract, dict[str, str]]:
    return (ENTITIES % type_name, {"r": [{"__typename": type_name, **representation}]},
            at("r", 0), EVERYONE)


# -- the policy matrix, through `_entities` ------------------------------------------------

@pytest.mark.parametrize("target_name", ["Opportunity", "NewsItem", "Event", "Tenant",
                                         "Tenant:slug", "Volunteer", "Volunteer:W"])
def test_every_field_as_every_principal_through_entities(
        client: HubClient, people: Cast, targets: dict[str, dict[str, Any]],
        target_name: str) -> None:
    """The matrix test's check, on the `_entities` road: docs/security.md holds there too."""
    type_name = target_name.split(":")[0]
    target = targets["Volunteer:W" if target_name == "Volunteer:W" else type_name]
    representation = {"slug": TENANT} if target_name == "Tenant:slug" else {"id": target["id"]}
    entry = ENTRIES[type_name]
    shared = bool(target.get("shared"))
    for column in COLUMNS:
        who = people.headers.get(f"{column}:W" if shared else column, people.headers[column])
        check(client, who, entry, column, entities_road(type_name, representation), shared,
              f"{target_name}/{column}/_entities")


# -- `_entities` answers as `node(id:)`, record by record, field by field -------------------

def records(database: Database, people: Cast) -> dict[str, list[int]]:
    """Per key type, one record of each kind a principal can be shown or refused: each
    visibility and status, in T, in another tenant and in neither; volunteers of T, of
    another tenant and of neither, sharing with the network or not; every tenant."""
    s = database.settings
    ids = tenant_ids(database)
    out: dict[str, list[int]] = {}
    for type_name, model in (("Opportunity", m.Opportunity), ("NewsItem", m.NewsItem),
                             ("Event", m.Event)):
        rows = fetch(s, select(model.id, model.tenant_id, model.visibility, model.status)
                     .order_by(model.id))
        kinds: dict[tuple[Any, ...], int] = {}
        for r in rows:
            owner = {ids[TENANT]: "T", ids[OTHER_TENANT]: "other"}.get(r.tenant_id, "neither")
            kinds.setdefault((owner, r.visibility, r.status), r.id)
        out[type_name] = sorted(kinds.values())
    members: dict[int, set[int]] = {}
    for r in fetch(s, select(m.Membership.volunteer_id, m.Membership.tenant_id)):
        members.setdefault(r.volunteer_id, set()).add(r.tenant_id)
    kinds = {}
    for r in fetch(s, select(m.Volunteer.id, m.Volunteer.shares_with_network)
                   .order_by(m.Volunteer.id)):
        tenants = members.get(r.id, set())
        kinds.setdefault((ids[TENANT] in tenants, ids[OTHER_TENANT] in tenants,
                          r.shares_with_network), r.id)
    out["Volunteer"] = sorted({*kinds.values(), *people.volunteer_ids.values()})
    out["Tenant"] = sorted(ids.values())
    return out


@pytest.fixture(scope="module")
def kinds_of_records(backend: Database, people: Cast) -> dict[str, list[int]]:
    return records(backend, people)


def by_index(body: dict[str, Any], root: str) -> tuple[list[Any], list[tuple[Any, ...]]]:
    """Objects in request order, and errors as (index, rest of path, code, message)."""
    data = body.get("data") or {}
    if root == "r":
        objects = list(data.get("r") or [])
    else:
        objects = [data.get(f"n{i}") for i in range(len(data))]
    errors = []
    for error in body.get("errors") or []:
        path = error.get("path") or []
        index = path[1] if root == "r" else int(path[0][1:])
        errors.append((index, tuple(path[2:] if root == "r" else path[1:]),
                       error["extensions"]["code"], error["message"]))
    return objects, sorted(errors, key=repr)


@pytest.mark.parametrize("type_name", KEY_TYPES)
def test_entities_answer_as_node_does(client: HubClient, backend: Database, people: Cast,
                                      kinds_of_records: dict[str, list[int]],
                                      type_name: str) -> None:
    keys = [*kinds_of_records[type_name], MISSING]
    ids = [encode_id(type_name, key) for key in keys]
    fragment = f" fragment F on {type_name} {{ {selection(type_name)} }}"
    nodes = "query(%s) { %s }" % (
        ", ".join(f"$i{i}: ID!" for i in range(len(ids))),
        " ".join(f"n{i}: node(id: $i{i}) {{ ... on {type_name} {{ ...F }} }}"
                 for i in range(len(ids))))
    entities = ENTITIES % type_name
    representations = [{"__typename": type_name, "id": gid} for gid in ids]
    owners = {}
    if type_name in ("Opportunity", "NewsItem", "Event"):
        model = {"Opportunity": m.Opportunity, "NewsItem": m.NewsItem, "Event": m.Event}[
            type_name]
        owners = {r.id: r for r in fetch(backend.settings, select(
            model.id, model.tenant_id, model.visibility, model.status))}
    tenants = tenant_ids(backend)
    seen: dict[str, list[Any]] = {}
    for column in COLUMNS:
        headers = people.headers[column]
        by_node = client.post(nodes + fragment, {f"i{i}": gid for i, gid in enumerate(ids)},
                              headers)
        by_entities = client.post(entities + fragment, {"r": representations}, headers)
        node_objects, node_errors = by_index(by_node, "n")
        entity_objects, entity_errors = by_index(by_entities, "r")
        label = f"{type_name}/{column}"
        assert entity_objects == node_objects, label
        assert entity_errors == node_errors, label
        assert {code for *_, code, _ in entity_errors} <= {"FORBIDDEN"}, label
        assert entity_objects[-1] is None, f"{label}: a key no row has answers null"
        seen[column] = entity_objects[:-1]
        for key, obj in zip(keys, seen[column], strict=False):
            if key in owners:  # independently of the hub: the visibility table
                assert (obj is not None) == expected_visible(column, owners[key], tenants), (
                    f"{label}/{key}")
    # The comparison has teeth: these principals are refused some records and shown others.
    if type_name == "Tenant":
        assert all(seen["anonymous"])
        return
    for column in ("other_staff", "anonymous") if type_name != "Volunteer" else ("other_staff",):
        assert None in seen[column], column
        assert any(seen[column]), column
    assert not any(seen["anonymous"] if type_name == "Volunteer" else [])


def test_volunteers_through_entities_by_who_asks(client: HubClient, people: Cast) -> None:
    """Spelled out for the personal fields: V's e-mail goes to V and T's staff only; W (who
    shares) reaches staff of another tenant without it; anonymous reaches neither."""
    v = encode_id("Volunteer", people.volunteer_ids["V"])
    w = encode_id("Volunteer", people.volunteer_ids["W"])
    query = ("query($r: [_Any!]!) { _entities(representations: $r) { ... on Volunteer { id "
             "displayName email } } }")
    reps = {"r": [{"__typename": "Volunteer", "id": v}, {"__typename": "Volunteer", "id": w}]}
    mine = client.data(query, reps, people.headers["self"])["_entities"]
    assert mine[0]["id"] == v and mine[0]["email"]
    staff = client.data(query, reps, people.headers["coordinator"])["_entities"]
    assert [o["id"] for o in staff] == [v, w] and all(o["email"] for o in staff)
    body = client.post(query, reps, people.headers["other_staff"])
    hidden, shared = body["data"]["_entities"]
    assert hidden is None
    assert shared["id"] == w and shared["displayName"] and shared["email"] is None
    assert [(e["path"], e["extensions"]["code"]) for e in body["errors"]] == [
        (["_entities", 1, "email"], "FORBIDDEN")]
    assert client.post(query, reps, people.headers["anonymous"])["data"] == {
        "_entities": [None, None]}


# -- Tenant by slug and by id ---------------------------------------------------------------

def test_tenant_by_slug_and_by_id(client: HubClient, backend: Database, people: Cast) -> None:
    ids = tenant_ids(backend)
    fields = "id slug name kind parent { slug } opportunities(first: 3) { totalCount }"
    query = ("query($r: [_Any!]!) { _entities(representations: $r) { ... on Tenant { %s } } "
             "t: tenant(slug: \"%s\") { %s } }" % (fields, TENANT, fields))
    reps = [{"__typename": "Tenant", "slug": TENANT},
            {"__typename": "Tenant", "id": encode_id("Tenant", ids[TENANT])},
            {"__typename": "Tenant", "slug": "no-such-society"},
            {"__typename": "Tenant", "id": encode_id("Tenant", MISSING)}]
    for column in ("anonymous", "admin", "other_staff"):
        data = client.data(query, {"r": reps}, people.headers[column])
        assert data["t"]["slug"] == TENANT
        assert data["_entities"] == [data["t"], data["t"], None, None], column
    for language in ("ar", "fr"):
        answer = client.data(query, {"r": reps[:1]}, {"Accept-Language": language})
        assert answer["_entities"] == [answer["t"]], language


# -- representations that are not ours to answer ------------------------------------------

def test_bad_representations_are_bad_input_for_that_entity_only(
        client: HubClient, targets: dict[str, dict[str, Any]]) -> None:
    opportunity = targets["Opportunity"]["id"]
    bad: list[Any] = [
        {"__typename": "Opportunity", "id": "not-an-id"},
        {"__typename": "Opportunity", "id": targets["NewsItem"]["id"]},  # another type's id
        {"__typename": "Opportunity", "id": 7},
        {"__typename": "Opportunity"},
        {"__typename": "Opportunity", "id": opportunity, "title": "forged"},
        {"__typename": "Tenant", "id": targets["Tenant"]["id"], "slug": TENANT},
        {"__typename": "Application", "id": encode_id("Application", 1)},  # no @key
        {"__typename": "NoSuchType", "id": opportunity},
        {"__typename": ["Opportunity"], "id": opportunity},
        {"id": opportunity},
        "Opportunity",
    ]
    good = [{"__typename": "Opportunity", "id": opportunity},
            {"__typename": "Opportunity", "id": encode_id("Opportunity", MISSING)}]
    query = ("query($r: [_Any!]!) { _entities(representations: $r) { __typename "
             "... on Opportunity { id } } }")
    body = client.post(query, {"r": [*bad, *good]})
    assert body["data"]["_entities"] == [None] * len(bad) + [
        {"__typename": "Opportunity", "id": opportunity}, None]
    errors = {e["path"][1]: e for e in body["errors"]}
    assert sorted(errors) == list(range(len(bad)))
    for index, error in errors.items():
        assert error["path"] == ["_entities", index]
        assert error["extensions"]["code"] == "BAD_USER_INPUT", (bad[index], error)
        # the id's own checks (decode_id) name the key field; ours the whole argument
        assert error["extensions"]["argument"] == ("id" if index < 2 else "representations")
    assert errors[0]["message"] == "This id is not valid."
    null = client.post(query, {"r": [None]})  # `[_Any!]!`: graphql-core refuses it
    assert null.get("data") is None
    assert [e["extensions"]["code"] for e in null["errors"]] == ["BAD_USER_INPUT"]
    french = client.post(query, {"r": bad[:1]}, {"Accept-Language": "fr"})["errors"][0]
    assert french["extensions"]["code"] == "BAD_USER_INPUT"
    assert french["message"] != errors[0]["message"]


def test_entities_batch_their_reads(client: HubClient, kinds_of_records: dict[str, list[int]],
                                    targets: dict[str, dict[str, Any]]) -> None:
    """Many representations cost the statements of one: they share the request's loaders."""
    query = ("query($r: [_Any!]!) { _entities(representations: $r) { ... on Opportunity { "
             "id title organization { name } tenant { slug } } } }")
    one = [{"__typename": "Opportunity", "id": targets["Opportunity"]["id"]}]
    many = [{"__typename": "Opportunity", "id": encode_id("Opportunity", key)}
            for key in kinds_of_records["Opportunity"]]
    assert len(many) > 3
    assert client.statements(query, {"r": many}) == client.statements(query, {"r": one})



ENTITY_PAGES = """query($r: [_Any!]!) { _entities(representations: $r) { ... on Tenant { slug
  opportunities(first: 100) { edges { node { id title summary startsAtDisplay spotsLeft
  organization { name } } } } } } }"""


def test_entities_cost_as_many_pages_as_representations(client: HubClient) -> None:
    """`_entities` answers one object per representation. Validation counts its selection
    once (the list comes in a variable); execution multiplies that cost by the list's real
    length and refuses over the limit, and a list holds at most a page of representations.
    Without both, N copies of one representation cost N pages for the price of one."""
    one = {"__typename": "Tenant", "slug": "eg-crescent"}
    answered = client.data(ENTITY_PAGES, {"r": [one, {**one, "slug": "dz-crescent"}]})
    assert [e["slug"] for e in answered["_entities"]] == ["eg-crescent", "dz-crescent"]
    # A page of 100 opportunities with their fields costs about 1,000; 25 of them, 25,000.
    client.counter.statements.clear()
    costly = client.post(ENTITY_PAGES, {"r": [one] * 25}, headers={"Accept-Language": "fr"})
    error = costly["errors"][0]
    assert error["extensions"]["code"] == "QUERY_TOO_COSTLY", costly
    assert error["path"] == ["_entities"] and costly["data"] is None  # `_entities` is non-null
    assert error["message"].startswith("Cette requête"), error["message"]
    assert not any("opportunity" in s.lower() for s in client.counter.statements)
    # A small selection fits the cost, but more than a page of representations is refused.
    small = "query($r: [_Any!]!) { _entities(representations: $r) { ... on Tenant { slug } } }"
    assert len(client.data(small, {"r": [one] * 100})["_entities"]) == 100
    refused = client.post(small, {"r": [one] * 101}, headers={"Accept-Language": "ar"})
    error = refused["errors"][0]
    assert error["extensions"]["code"] == "BAD_USER_INPUT"
    assert error["path"] == ["_entities"] and "representations" in error["message"]
