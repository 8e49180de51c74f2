"""The benchmark's operations Q1–Q5: the hub's documents, PostGraphile's equivalents, and how
to read the rows of an answer (to check that every target served the same records)."""

from __future__ import annotations

import base64
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

Json = dict[str, Any]

SEARCH_FORMATS = ("ONSITE", "HYBRID")
SEARCH_CATEGORIES = ("FIRST_AID", "DISASTER_RESPONSE", "HEALTH_AWARENESS", "RELIEF_DISTRIBUTION")
SEARCH_COUNTRIES = ("DZ", "MA", "TN")


@dataclass(frozen=True, slots=True)
class Facts:
    """Values the documents need from the dataset, read once after it is built."""

    opportunity_id: int  # Q3: a public opportunity with as many relations as the data has
    country_tenant_ids: tuple[int, ...]  # Q5: tenants of SEARCH_COUNTRIES (remote ones count)
    staff_tenant: str = ""  # Q4: the slug of the tenant with the most members
    staff_tenant_id: int = 0

    @classmethod
    def of(cls, found: dict[str, Any]) -> Facts:
        """From the JSON that `python -m bench.inproc facts` prints."""
        return cls(int(found["opportunity_id"]), tuple(found["country_tenant_ids"]),
                   str(found["staff_tenant"]), int(found["staff_tenant_id"]))


HUB_Q1 = """query Q1($first: Int = 100) { opportunities(first: $first) {
  edges { node { id title startsAtDisplay spotsLeft tenant { name } organization { name } } }
  pageInfo { endCursor hasNextPage } } }"""

HUB_Q2 = """query Q2($first: Int = 50) { news(first: $first) {
  edges { node { id title summary publishedAtDisplay tenant { name } } }
  pageInfo { endCursor hasNextPage } } }"""

HUB_Q3 = """query Q3($id: ID!) { opportunity(id: $id) {
  id format startsAt endsAt isOngoing capacity creditedHours isEmergency visibility status
  publishedAt tenant { id slug kind country name } organization { id name kind city }
  campaign { id title startsOn endsOn } title titleI18n { value locale direction isFallback }
  summary description category { code label } skills { code label }
  place { country region city latitude longitude label } startsAtDisplay spotsLeft
  viewerHasSaved viewerApplication { id } } }"""

# A coordinator of the staff tenant lists its members: personal fields (fullName) pass the
# Personal policy per row and are written to the audit trail (one INSERT per request).
HUB_Q4 = """query Q4($tenant: String!, $first: Int = 50) {
  volunteers(first: $first, tenant: $tenant) {
  edges { node { id displayName fullName groupLabel city verifiedHours hoursDisplay } }
  pageInfo { endCursor hasNextPage } } }"""

HUB_Q5 = """query Q5($filter: OpportunityFilter, $first: Int = 50) {
  opportunities(first: $first, filter: $filter) {
  totalCount
  edges { node { id title format category { code label } place { city country }
    tenant { name } } }
  pageInfo { endCursor hasNextPage } } }"""

# PostGraphile 5 (amber preset + connection filter): its own naming (`allOpportunities`,
# `rowId`, `...ByTenantId`), the anonymous scope as a `condition`, translations as nested
# rows filtered by locale (a PostGraphile client picks the fallback itself), and raw values
# where the hub formats (`startsAt`, `capacity`/`filledSpots`, tenant `names` as JSON).
PEER_Q1 = """query Q1($locale: String!) { allOpportunities(first: 100, orderBy: [ROW_ID_DESC],
    condition: {status: "PUBLISHED", visibility: "PUBLIC"}) {
  edges { node { id rowId startsAt capacity filledSpots
    tenantByTenantId { names defaultLocale timeZone } organizationByOrganizationId { name }
    opportunityTranslationsByOpportunityId(condition: {locale: $locale}) { nodes { title } } } }
  pageInfo { endCursor hasNextPage } } }"""

PEER_Q2 = """query Q2($locale: String!) { allNewsItems(first: 50,
    orderBy: [PUBLISHED_AT_DESC, ROW_ID_DESC], filter: {publishedAt: {isNull: false}},
    condition: {status: "PUBLISHED", visibility: "PUBLIC"}) {
  edges { node { id rowId publishedAt tenantByTenantId { names defaultLocale }
    newsItemTranslationsByNewsItemId(condition: {locale: $locale}) {
      nodes { title summary } } } }
  pageInfo { endCursor hasNextPage } } }"""

PEER_Q3 = """query Q3($id: BigInt!) { opportunityByRowId(rowId: $id) {
  id rowId format startsAt endsAt isOngoing capacity filledSpots creditedHours isEmergency
  visibility status publishedAt country region city latitude longitude
  tenantByTenantId { id slug kind country names defaultLocale timeZone }
  organizationByOrganizationId { id name kind city }
  campaignByCampaignId { id startsOn endsOn
    campaignTranslationsByCampaignId { nodes { locale title } } }
  opportunityTranslationsByOpportunityId { nodes { locale title summary description } }
  categoryByCategoryCode { code labels }
  opportunitySkillsByOpportunityId { nodes { skillBySkillCode { code labels } } } } }"""

PEER_Q5 = """query Q5($formats: [String!]!, $categories: [String!]!, $countries: [String!]!,
    $tenants: [BigInt!]!, $locale: String!) {
  allOpportunities(first: 50, orderBy: [ROW_ID_DESC],
    condition: {status: "PUBLISHED", visibility: "PUBLIC"},
    filter: {format: {in: $formats}, categoryCode: {in: $categories},
      or: [{country: {in: $countries}}, {country: {isNull: true}, tenantId: {in: $tenants}}]}) {
  totalCount
  edges { node { id rowId format city country latitude categoryByCategoryCode { code labels }
    tenantByTenantId { names defaultLocale }
    opportunityTranslationsByOpportunityId(condition: {locale: $locale}) { nodes { title } } } }
  pageInfo { endCursor hasNextPage } } }"""


# No token, no policy, no audit trail here: PostGraphile reads the tenant's memberships (its
# primary key is tenant, volunteer: the hub's order) and raw columns where the hub formats.
PEER_Q4 = """query Q4($tenant: BigInt!) { allMemberships(first: 50, orderBy: [PRIMARY_KEY_ASC],
    condition: {tenantId: $tenant}) {
  edges { node { volunteerByVolunteerId { id rowId firstName lastName group city
    verifiedHours } } }
  pageInfo { endCursor hasNextPage } } }"""


def hub_key(global_id: str) -> int:
    text = base64.urlsafe_b64decode(global_id + "=" * (-len(global_id) % 4)).decode()
    return int(text.partition(":")[2])


def _edges(data: Json, root: str, key: Callable[[Json], int]) -> list[int]:
    return [key(edge["node"]) for edge in data[root]["edges"]]


def _one(data: Json, root: str, key: Callable[[Json], int]) -> list[int]:
    return [] if data.get(root) is None else [key(data[root])]


def _hub_id(node: Json) -> int:
    return hub_key(node["id"])


def _peer_id(node: Json) -> int:
    return int(node["rowId"])


def _peer_member(node: Json) -> int:
    return _peer_id(node["volunteerByVolunteerId"])


@dataclass(frozen=True)
class Operation:
    key: str
    title: str
    hub: str | None = None
    peer: str | None = None
    hub_variables: Callable[[Facts], Json] = field(default=lambda f: {})
    peer_variables: Callable[[Facts, str], Json] = field(default=lambda f, locale: {})
    hub_rows: Callable[[Json], list[int]] = field(default=lambda d: [])
    peer_rows: Callable[[Json], list[int]] = field(default=lambda d: [])
    unavailable: str | None = None  # why the operation cannot run yet
    staff: bool = False  # hub and raw are sent a staff member's bearer token
    note: str | None = None  # how the targets' work differs, for the report

    @property
    def document_id(self) -> str:
        """The hub document's id when the bench pushes it as a trusted document."""
        return f"bench-{self.key}"

    def body(self, target: str, facts: Facts, locale: str, *, trusted: bool = False) -> Json:
        """The POST body for a target (hub and raw share the hub's document; with
        `trusted`, the hub is sent the document's id instead of its text)."""
        if target == "peer":
            return {"query": self.peer, "variables": self.peer_variables(facts, locale),
                    "operationName": self.key}
        if trusted and target == "hub":
            return {"documentId": self.document_id, "variables": self.hub_variables(facts),
                    "operationName": self.key}
        return {"query": self.hub, "variables": self.hub_variables(facts),
                "operationName": self.key}

    def rows(self, target: str, data: Json) -> list[int]:
        return self.peer_rows(data) if target == "peer" else self.hub_rows(data)


def _hub_id_var(facts: Facts) -> Json:
    return {"id": base64.urlsafe_b64encode(f"Opportunity:{facts.opportunity_id}".encode())
            .decode().rstrip("=")}


OPERATIONS: tuple[Operation, ...] = (
    Operation(
        "Q1", "100 opportunities: tenant, organization, localized title, startsAtDisplay, "
        "spotsLeft", HUB_Q1, PEER_Q1,
        peer_variables=lambda f, locale: {"locale": locale},
        hub_rows=lambda d: _edges(d, "opportunities", _hub_id),
        peer_rows=lambda d: _edges(d, "allOpportunities", _peer_id),
    ),
    Operation(
        "Q2", "50 news items across tenants, relative dates", HUB_Q2, PEER_Q2,
        peer_variables=lambda f, locale: {"locale": locale},
        hub_rows=lambda d: _edges(d, "news", _hub_id),
        peer_rows=lambda d: _edges(d, "allNewsItems", _peer_id),
    ),
    Operation(
        "Q3", "one opportunity by id, every public field", HUB_Q3, PEER_Q3,
        hub_variables=_hub_id_var,
        peer_variables=lambda f, locale: {"id": str(f.opportunity_id)},
        hub_rows=lambda d: _one(d, "opportunity", _hub_id),
        peer_rows=lambda d: _one(d, "opportunityByRowId", _peer_id),
    ),
    Operation(
        "Q4", "a staff member's 50-volunteer page: full names, verified hours", HUB_Q4, PEER_Q4,
        hub_variables=lambda f: {"tenant": f.staff_tenant},
        peer_variables=lambda f, locale: {"tenant": str(f.staff_tenant_id)},
        hub_rows=lambda d: _edges(d, "volunteers", _hub_id),
        peer_rows=lambda d: _edges(d, "allMemberships", _peer_member),
        staff=True,
        note="hub and raw verify a coordinator's token and write one audit event per "
        "volunteer whose full name is read; the peer checks nothing and writes nothing",
    ),
    Operation(
        "Q5", "filtered search: formats, categories, countries (50, with totalCount)",
        HUB_Q5, PEER_Q5,
        hub_variables=lambda f: {"filter": {"formats": list(SEARCH_FORMATS),
                                            "categories": list(SEARCH_CATEGORIES),
                                            "countries": list(SEARCH_COUNTRIES)}},
        peer_variables=lambda f, locale: {
            "formats": list(SEARCH_FORMATS), "categories": list(SEARCH_CATEGORIES),
            "countries": list(SEARCH_COUNTRIES),
            "tenants": [str(t) for t in f.country_tenant_ids], "locale": locale},
        hub_rows=lambda d: _edges(d, "opportunities", _hub_id),
        peer_rows=lambda d: _edges(d, "allOpportunities", _peer_id),
    ),
)


def select_operations(keys: str | None) -> list[Operation]:
    """Operations by comma-separated keys (all when None); unknown keys are an error."""
    if not keys:
        return list(OPERATIONS)
    wanted = [k.strip().upper() for k in keys.split(",") if k.strip()]
    known = {op.key: op for op in OPERATIONS}
    unknown = [k for k in wanted if k not in known]
    if unknown:
        raise ValueError(f"unknown queries {unknown}; known: {sorted(known)}")
    return [known[k] for k in wanted]


# The most SQL statements the hub may send per request (tests/bench/test_bench_smoke.py holds it):
# one per list page, one per count, one per batch of a relation or of translations, never one
# per row (Q1 3, Q2 2, Q3 8: the opportunity and each of its relations once, Q4 3: the page,
# the memberships the Personal policy checks, the audit INSERT; Q5 4), plus one setup
# statement per transaction (on PostgreSQL the row-level-security prelude, `set_config`):
# Q4 has two, the read and the audit write after it.
SETUP_STATEMENTS = 1
SQL_BOUNDS = {"Q1": 3 + SETUP_STATEMENTS, "Q2": 2 + SETUP_STATEMENTS,
              "Q3": 8 + SETUP_STATEMENTS, "Q4": 3 + 2 * SETUP_STATEMENTS,
              "Q5": 4 + SETUP_STATEMENTS}
