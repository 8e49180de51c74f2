"""The policy matrix, proven: every object type and field, as every principal, through
every road (list, single lookup, `node`, nested, alias with fragments), on SQLite and
PostgreSQL, answers as docs/security.md says."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from typing import Any

import pytest
import strawberry
from graphql import GraphQLObjectType, get_named_type, is_leaf_type
from sqlalchemy import delete, insert, select
from starlette.testclient import TestClient

from hub.db import models as m
from hub.db.types import utcnow
from hub.entry.app import create_app
from hub.ids import decode_id, encode_id
from resolvers.certificates.codes import new_code
from schema import build_schema
from schema.core.permissions import (
    COLUMNS,
    STAFF_OF_T,
    OwningTenantStaff,
    SelfOnly,
    Staff,
    matrix,
)
from schema.core.policy import EVERYONE, PERSONAL_RECORD_REACH, policy
from schema.core.policy_doc import TypeEntry, UndeclaredPolicy, policy_matrix, render
from tests.conftest import Database, HubClient, StatementCounter
from tests.dbtools import fetch
from tests.paths import ROOT
from tests.principals import TENANT, Cast, cast

SCHEMA = build_schema()
GRAPHQL = SCHEMA._schema
ENTRIES = {e.name: e for e in policy_matrix(SCHEMA)}
DOC = ROOT / "docs" / "security.md"
MUST_HAVE_VALUE = {"fullName", "email", "phone", "birthYear", "contact", "title", "slug",
                   "displayName", "memberships", "translations", "applicationsCount"}

Extract = Callable[[dict[str, Any]], tuple[dict[str, Any] | None, list[Any]]]


def selection(type_name: str, depth: int = 0) -> str:
    graphql_type = GRAPHQL.type_map[type_name]
    assert isinstance(graphql_type, GraphQLObjectType)
    parts = []
    for name, field in graphql_type.fields.items():
        inner = get_named_type(field.type)
        if is_leaf_type(inner):
            parts.append(name)
        elif depth == 0 and inner.name.endswith("Connection"):
            # A small page: the fragment selects every connection of the type at once, and
            # the cost limit multiplies each by its page size (policies are per field).
            page = "(first: 2)" if "first" in field.args else ""
            parts.append(f"{name}{page} {{ totalCount edges {{ node {{ __typename }} }} }}")
        elif depth == 0:
            parts.append(f"{name} {{ {selection(inner.name, 1)} }}")
        else:
            parts.append(f"{name} {{ __typename }}")
    return " ".join(parts)


def single(*path: str) -> Extract:
    def extract(data: dict[str, Any]) -> tuple[dict[str, Any] | None, list[Any]]:
        node: Any = data
        for key in path:
            node = node.get(key) if isinstance(node, dict) else None
        return (node or None), list(path)
    return extract


def in_list(target: str, *path: str) -> Extract:
    def extract(data: dict[str, Any]) -> tuple[dict[str, Any] | None, list[Any]]:
        node: Any = data
        for key in path:
            node = node.get(key) if isinstance(node, dict) else None
        for i, edge in enumerate((node or {}).get("edges") or []):
            if edge["node"].get("id") == target:
                return edge["node"], [*path, "edges", i, "node"]
        return None, list(path)
    return extract


def roads(type_name: str, target: str, parent: dict[str, str]) -> dict[str, tuple[
        str, dict[str, Any], Extract, dict[str, str]]]:
    """(document, variables, extractor, reach of the parent on this road) per road."""
    t = f'"{TENANT}"'
    on = f"... on {type_name} {{ ...F }}"
    node = ("query($id: ID!) { r: node(id: $id) { " + on + " } }", {"id": target},
            single("r"), EVERYONE)
    alias = ("query($id: ID!) { first: node(id: $id) { id } r: node(id: $id) { __typename "
             + on + " ... on Node { id } } }", {"id": target}, single("r"), EVERYONE)
    out: dict[str, tuple[str, dict[str, Any], Extract, dict[str, str]]] = {
        "node": node, "alias": alias}
    match type_name:
        case "Opportunity" | "NewsItem" | "Event":
            root = {"Opportunity": ("opportunities", f"filter: {{tenants: [{t}]}}"),
                    "NewsItem": ("news", f"tenants: [{t}]"),
                    "Event": ("events", f"tenants: [{t}]")}[type_name]
            nested = {"Opportunity": "opportunities", "NewsItem": "news",
                      "Event": "events"}[type_name]
            out["list"] = ("{ r: %s(first: 50, %s) { edges { node { ...F } } } }" % root,
                           {}, in_list(target, "r"), EVERYONE)
            out["nested"] = ("{ t: tenant(slug: %s) { r: %s(first: 50) { edges { node "
                             "{ ...F } } } } }" % (t, nested), {}, in_list(target, "t", "r"),
                             EVERYONE)
            if type_name != "Event":
                root_single = {"Opportunity": "opportunity", "NewsItem": "newsItem"}[type_name]
                out["single"] = ("query($id: ID!) { r: %s(id: $id) { ...F } }" % root_single,
                                 {"id": target}, single("r"), EVERYONE)
        case "Tenant":
            out["list"] = ("{ r: tenants { ...F } }", {}, _tenant_in_list(target), EVERYONE)
            out["single"] = ("{ r: tenant(slug: %s) { ...F } }" % t, {}, single("r"), EVERYONE)
            out["nested"] = ("query($o: ID!) { o: opportunity(id: $o) { r: tenant { ...F } } }",
                             {"o": parent["opportunity"]}, single("o", "r"), EVERYONE)
        case "Organization" | "Campaign":
            field = type_name.lower()
            out["nested"] = ("query($o: ID!) { o: opportunity(id: $o) { r: %s { ...F } } }"
                             % field, {"o": parent[field + "_opportunity"]}, single("o", "r"),
                             EVERYONE)
        case "Volunteer":
            out["list"] = ("{ r: volunteers(first: 50) { edges { node { ...F } } } }",
                           {}, in_list(target, "r"), Staff.matrix)
            out["single"] = ("query($id: ID!) { r: volunteer(id: $id) { ...F } }",
                             {"id": target}, single("r"), EVERYONE)
            out["nested"] = ("query($a: ID!) { a: node(id: $a) { ... on Application { "
                             "r: volunteer { ...F } } } }", {"a": parent["application"]},
                             single("a", "r"), PERSONAL_RECORD_REACH)
        case "Application":
            out["nested"] = ("query($v: ID!) { v: volunteer(id: $v) { r: applications(first: "
                             "50) { edges { node { ...F } } } } }", {"v": parent["volunteer"]},
                             in_list(target, "v", "r"), PERSONAL_RECORD_REACH)
            out["opportunity"] = ("query($o: ID!) { o: opportunity(id: $o) { r: applications("
                                  "first: 50) { edges { node { ...F } } } } }",
                                  {"o": parent["opportunity"]}, in_list(target, "o", "r"),
                                  OwningTenantStaff.matrix)
        case "Certificate":
            out["nested"] = ("query($v: ID!) { v: volunteer(id: $v) { r: certificates { ...F } } }",
                             {"v": parent["volunteer"]}, _in_plain_list(target, "v", "r"),
                             PERSONAL_RECORD_REACH)
        case "Inquiry":
            out["nested"] = ("query($v: ID!) { v: volunteer(id: $v) { r: inquiries(first: 50) "
                             "{ edges { node { ...F } } } } }", {"v": parent["volunteer"]},
                             in_list(target, "v", "r"), SelfOnly.matrix)
            out["opportunity"] = ("query($o: ID!) { o: opportunity(id: $o) { r: inquiries("
                                  "first: 50) { edges { node { ...F } } } } }",
                                  {"o": parent["opportunity"]}, in_list(target, "o", "r"),
                                  OwningTenantStaff.matrix)
            out["list"] = ("{ r: inquiries(first: 50) { edges { node { ...F } } } }", {},
                           in_list(target, "r"), Staff.matrix)
    return out


def _in_plain_list(target: str, *path: str) -> Extract:
    """The item with id `target` in a plain list (not a connection) at `path`."""
    def extract(data: dict[str, Any]) -> tuple[dict[str, Any] | None, list[Any]]:
        node: Any = data
        for key in path:
            node = node.get(key) if isinstance(node, dict) else None
        for i, item in enumerate(node or []):
            if item.get("id") == target:
                return item, [*path, i]
        return None, list(path)
    return extract


def _tenant_in_list(target: str) -> Extract:
    def extract(data: dict[str, Any]) -> tuple[dict[str, Any] | None, list[Any]]:
        for i, tenant in enumerate(data.get("r") or []):
            if tenant["id"] == target:
                return tenant, ["r", i]
        return None, ["r"]
    return extract


def allowed(cell: str, shared: bool) -> bool:
    assert cell in ("yes", "no", "if shared"), cell
    return cell == "yes" or (cell == "if shared" and shared)


def check(client: HubClient, headers: dict[str, str], entry: TypeEntry, column: str,
          road: tuple[str, dict[str, Any], Extract, dict[str, str]], shared: bool,
          label: str) -> None:
    document, variables, extract, parent_reach = road
    document += f" fragment F on {entry.name} {{ {selection(entry.name)} }}"
    body = client.post(document, variables, headers)
    errors = body.get("errors") or []
    unexpected = [e for e in errors if e["extensions"]["code"] != "FORBIDDEN"]
    assert unexpected == [], label
    obj, path = extract(body.get("data") or {})
    reachable = allowed(entry.reach[column], shared) and allowed(parent_reach[column], shared)
    if not reachable:
        assert obj is None, f"{label}: reached an object the policy hides"
        return
    assert obj is not None, f"{label}: the policy lets this principal reach the object"
    denied = {tuple(e["path"]) for e in errors}
    for field in entry.fields:
        field_path = (*path, field.name)
        if allowed(field.cells[column], shared):
            assert field_path not in denied, f"{label}.{field.name}: denied, policy allows"
            if field.name in MUST_HAVE_VALUE:
                assert obj[field.name] is not None, f"{label}.{field.name}: no value"
        else:
            assert obj[field.name] is None, f"{label}.{field.name}: value leaked"
            assert field_path in denied, f"{label}.{field.name}: null without FORBIDDEN"


@pytest.fixture(scope="module")
def client(backend: Database) -> Iterator[HubClient]:
    """The hub with room for the matrix's documents: a fragment selecting every field of a
    type, each of its connections and one level below, reaches depth 7 and an estimated
    cost of about 14,000 (Inquiry), beyond the defaults that real pages fit in
    (docs/hardening.md). The policies answer the same under any limits."""
    app = create_app(dataclasses.replace(backend.settings, max_query_depth=7,
                                         max_query_cost=20_000))
    counter = StatementCounter()
    with TestClient(app) as http:
        yield HubClient(http, backend.backend, counter)


@pytest.fixture(scope="module")
def people(backend: Database) -> Cast:
    return cast(backend)


def certificate_of_v(backend: Database, people: Cast, tenant: int,
                     request: pytest.FixtureRequest) -> str:
    """A certificate T issued to V (removed again after the module: the demo database is
    shared)."""
    s = backend.settings
    v = people.volunteer_ids["V"]
    opportunity = fetch(s, select(m.Application.opportunity_id).where(
        m.Application.volunteer_id == v, m.Application.tenant_id == tenant))[0].opportunity_id
    key = int(fetch(s, insert(m.Certificate).values(
        tenant_id=tenant, volunteer_id=v, code=new_code(), opportunity_id=opportunity,
        hours=3.0, started_on=date(2026, 10, 1), completed_on=date(2026, 10, 3), locale="ar",
        issued_at=utcnow()).returning(m.Certificate.id))[0].id)
    request.addfinalizer(lambda: fetch(s, delete(m.Certificate).where(m.Certificate.id == key)))
    return encode_id("Certificate", key)


@pytest.fixture(scope="module")
def targets(backend: Database, people: Cast, request: pytest.FixtureRequest
            ) -> dict[str, dict[str, Any]]:
    """One target per type (a record of T, volunteers V and W), and the ids roads need."""
    s = backend.settings
    o = m.Opportunity
    tenant = fetch(s, select(m.Tenant.id).where(m.Tenant.slug == TENANT))[0].id
    public = (o.tenant_id == tenant, o.visibility == "PUBLIC", o.status == "PUBLISHED")
    opp = fetch(s, select(o.id).where(*public, o.contact_email.is_not(None),
                                      o.organization_id.is_not(None)).order_by(o.id))[0].id
    org_opp = fetch(s, select(o.id, o.organization_id).where(
        *public, o.organization_id.is_not(None)))[0]
    camp_opp = fetch(s, select(o.id, o.campaign_id).where(*public, o.campaign_id.is_not(None)))
    assert camp_opp, "T needs a public opportunity in a campaign"
    news = fetch(s, select(m.NewsItem.id).where(
        m.NewsItem.tenant_id == tenant, m.NewsItem.visibility == "PUBLIC",
        m.NewsItem.status == "PUBLISHED", m.NewsItem.author_name.is_not(None)))[0].id
    event = fetch(s, select(m.Event.id).where(
        m.Event.tenant_id == tenant, m.Event.visibility == "PUBLIC",
        m.Event.status == "PUBLISHED"))[0].id

    def application_of(volunteer: int) -> int:
        return int(fetch(s, select(m.Application.id).where(
            m.Application.volunteer_id == volunteer,
            m.Application.tenant_id == tenant))[0].id)

    def application_opportunity(volunteer: int) -> int:
        return int(fetch(s, select(m.Application.opportunity_id).where(
            m.Application.id == application_of(volunteer)))[0].opportunity_id)

    inquiry = fetch(s, select(m.Inquiry.id, m.Inquiry.opportunity_id).where(
        m.Inquiry.volunteer_id == people.volunteer_ids["V"], m.Inquiry.tenant_id == tenant))
    assert inquiry, "V needs a thread with T in the demo data"

    ids = people.volunteer_ids
    parent = {"opportunity": encode_id("Opportunity", opp),
              "organization_opportunity": encode_id("Opportunity", org_opp.id),
              "campaign_opportunity": encode_id("Opportunity", camp_opp[0].id)}
    return {
        "Opportunity": {"id": encode_id("Opportunity", opp), "parent": parent},
        "NewsItem": {"id": encode_id("NewsItem", news), "parent": parent},
        "Event": {"id": encode_id("Event", event), "parent": parent},
        "Tenant": {"id": encode_id("Tenant", tenant), "parent": parent},
        "Organization": {"id": encode_id("Organization", org_opp.organization_id),
                         "parent": parent},
        "Campaign": {"id": encode_id("Campaign", camp_opp[0].campaign_id), "parent": parent},
        "Volunteer": {"id": encode_id("Volunteer", ids["V"]), "parent": {
            "application": encode_id("Application", application_of(ids["V"]))}},
        "Volunteer:W": {"id": encode_id("Volunteer", ids["W"]), "shared": True, "parent": {
            "application": encode_id("Application", application_of(ids["W"]))}},
        "Application": {"id": encode_id("Application", application_of(ids["V"])),
                        "parent": {"volunteer": encode_id("Volunteer", ids["V"]),
                                   "opportunity": encode_id(
                                       "Opportunity", application_opportunity(ids["V"]))}},
        "Certificate": {"id": certificate_of_v(backend, people, tenant, request),
                        "parent": {"volunteer": encode_id("Volunteer", ids["V"])}},
        "Inquiry": {"id": encode_id("Inquiry", inquiry[0].id), "parent": {
            "volunteer": encode_id("Volunteer", ids["V"]),
            "opportunity": encode_id("Opportunity", inquiry[0].opportunity_id)}},
    }


REACHABLE_TYPES = ("Opportunity", "NewsItem", "Event", "Tenant", "Organization", "Campaign",
                   "Volunteer", "Volunteer:W", "Application", "Inquiry", "Certificate")

# Records not yet public: a draft reaches only its tenant's editors (admin, coordinator,
# editor); a scheduled record (PUBLISHED, `published_at` ahead) all of its tenant's staff.
EDITORS_OF_T = {"admin", "coordinator", "editor"}
DRAFT_REACH = {c: "yes" if c in EDITORS_OF_T else "no" for c in COLUMNS}
SCHEDULED_REACH = {c: "yes" if c in STAFF_OF_T else "no" for c in COLUMNS}
RECORDS = {"Opportunity": (m.Opportunity, m.OpportunityTranslation, "opportunity_id"),
           "NewsItem": (m.NewsItem, m.NewsItemTranslation, "news_item_id"),
           "Event": (m.Event, m.EventTranslation, "event_id"),
           "Campaign": (m.Campaign, m.CampaignTranslation, "campaign_id")}
UNPUBLISHED_TYPES = ("Opportunity:draft", "Opportunity:scheduled", "NewsItem:draft",
                     "NewsItem:scheduled", "Event:draft", "Event:scheduled", "Campaign:draft",
                     "Campaign:scheduled")


def _copy(database: Database, type_name: str, source: int, made: list[tuple[str, int]],
          **changes: Any) -> int:
    """A copy of record `source` of `type_name` with its texts, changed by `changes`."""
    model, translation, key = RECORDS[type_name]
    s = database.settings
    values = fetch(s, select(model.__table__).where(model.id == source))[0]._asdict()
    values.pop("id")
    values.update(changes)
    if "external_id" in values:
        values["external_id"] = None
    new = int(fetch(s, insert(model.__table__).values(**values)
                    .returning(model.__table__.c.id))[0].id)
    made.append((type_name, new))
    for text in fetch(s, select(translation.__table__).where(
            getattr(translation, key) == source)):
        fetch(s, insert(translation.__table__).values(**{**text._asdict(), key: new}))
    return new


@pytest.fixture(scope="module")
def unpublished(backend: Database, targets: dict[str, dict[str, Any]]
                ) -> Iterator[dict[str, dict[str, Any]]]:
    """Drafts and scheduled copies of T's public targets, removed again after the module
    (the demo database is shared with other modules)."""
    made: list[tuple[str, int]] = []
    ahead = utcnow() + timedelta(days=30)
    states = {"draft": {"status": "DRAFT"},
              "scheduled": {"status": "PUBLISHED", "published_at": ahead}}
    reach = {"draft": DRAFT_REACH, "scheduled": SCHEDULED_REACH}
    out: dict[str, dict[str, Any]] = {}
    try:
        for name in UNPUBLISHED_TYPES:
            type_name, state = name.split(":")
            parent = dict(targets[type_name]["parent"])
            source = decode_id(targets[type_name]["id"], type_name)[1]
            new = _copy(backend, type_name, source, made, **states[state])
            if type_name == "Campaign":
                # Reached through a public opportunity of the new campaign.
                opportunity = decode_id(parent["campaign_opportunity"], "Opportunity")[1]
                parent["campaign_opportunity"] = encode_id("Opportunity", _copy(
                    backend, "Opportunity", opportunity, made, campaign_id=new))
            out[name] = {"id": encode_id(type_name, new), "parent": parent,
                         "reach": reach[state]}
        yield out
    finally:
        for type_name, key in reversed(made):
            model, translation, column = RECORDS[type_name]
            fetch(backend.settings, delete(translation.__table__).where(
                getattr(translation, column) == key))
            fetch(backend.settings, delete(model.__table__).where(model.id == key))


@pytest.mark.parametrize("target_name", UNPUBLISHED_TYPES)
def test_drafts_and_scheduled_records_reach_only_their_tenants_staff(
        client: HubClient, people: Cast, unpublished: dict[str, dict[str, Any]],
        target_name: str) -> None:
    """Every road, every principal: the type's field policies, behind the narrower reach."""
    target = unpublished[target_name]
    entry = dataclasses.replace(ENTRIES[target_name.split(":")[0]], reach=target["reach"])
    found = roads(entry.name, target["id"], target["parent"])
    if entry.name in ("NewsItem", "Event"):
        # The editors' own lists of their tenant's drafts and scheduled records.
        listing = {"NewsItem": "editorialNews", "Event": "editorialEvents"}[entry.name]
        found["editorial"] = ("{ r: %s(first: 50) { edges { node { ...F } } } }" % listing, {},
                              in_list(target["id"], "r"), DRAFT_REACH)
    for column in COLUMNS:
        for road_name, road in found.items():
            check(client, people.headers[column], entry, column, road, False,
                  f"{target_name}/{column}/{road_name}")


@pytest.mark.parametrize("target_name", REACHABLE_TYPES)
def test_every_field_as_every_principal_through_every_road(
        client: HubClient, people: Cast, targets: dict[str, dict[str, Any]],
        target_name: str) -> None:
    entry = ENTRIES[target_name.split(":")[0]]
    target = targets[target_name]
    for column in COLUMNS:
        who = people.headers.get(f"{column}:W" if target.get("shared") else column,
                                 people.headers[column])
        for road_name, road in roads(entry.name, target["id"], target["parent"]).items():
            check(client, who, entry, column, road,
                  bool(target.get("shared")), f"{target_name}/{column}/{road_name}")


def test_every_type_with_an_id_is_covered_and_value_types_ride_along() -> None:
    covered = {name.split(":")[0] for name in REACHABLE_TYPES}
    for name, entry in ENTRIES.items():
        graphql_type = GRAPHQL.type_map[name]
        if name in ("Query", "Mutation", "Viewer"):
            continue
        if "id" in graphql_type.fields and entry.reach != dict.fromkeys(COLUMNS, "inherited"):
            assert name in covered, f"{name} has no road in the matrix test"


def test_policy_document_matches_the_code() -> None:
    assert DOC.read_text(encoding="utf-8") == render(SCHEMA), (
        "docs/security.md is stale: run `tatawwu schema policy --output docs/security.md`")


@policy(reach=EVERYONE, open=("id",))
@strawberry.type
class Leaky:
    id: str
    secret: str


@strawberry.type
class LeakyQuery:
    leaky: Leaky


def test_a_field_without_policy_fails() -> None:
    with pytest.raises(UndeclaredPolicy, match=r"Leaky\.secret declares no policy"):
        policy_matrix(strawberry.Schema(query=LeakyQuery))


def test_matrix_has_the_principal_kinds_of_the_issue() -> None:
    assert set(COLUMNS) == {"anonymous", "self", "other_volunteer", *STAFF_OF_T, "other_staff",
                            "federation", "client"}
    assert matrix({"self"})["self"] == "yes"
