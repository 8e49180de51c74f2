"""The opportunities list, lookups and filters, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import delete, insert, select

from hub.db import models as m
from hub.ids import decode_id, encode_id
from tests.conftest import Database, HubClient
from tests.dbtools import fetch
from tests.queries import ACCEPTANCE, IDS, OPPORTUNITY_PAGE, OPPORTUNITY_PAGE_DEEP


def visible_ids(backend: Database, *where: Any) -> list[int]:
    o = m.Opportunity
    rows = fetch(backend.settings, select(o.id).where(
        o.visibility == "PUBLIC", o.status == "PUBLISHED", *where).order_by(o.id.desc()))
    return [r.id for r in rows]


def walk(client: HubClient, first: int, variables: dict[str, Any] | None = None) -> list[int]:
    ids: list[int] = []
    after = None
    while True:
        data = client.data(IDS, {"first": first, "after": after, **(variables or {})})
        page = data["opportunities"]
        ids.extend(decode_id(e["node"]["id"])[1] for e in page["edges"])
        if not page["pageInfo"]["hasNextPage"]:
            return ids
        after = page["pageInfo"]["endCursor"]


def test_acceptance_query_answers_with_real_data(client: HubClient) -> None:
    data = client.data(ACCEPTANCE)
    slugs = {t["slug"] for t in data["tenants"]}
    assert {"arco", "dz-crescent", "eg-crescent", "sa-crescent", "lb-redcross",
            "ma-crescent", "setif-youth"} <= slugs
    kinds = {t["kind"] for t in data["tenants"]}
    assert kinds == {"FEDERATION", "NATIONAL_SOCIETY", "REGIONAL_ASSOCIATION"}
    edges = data["opportunities"]["edges"]
    assert len(edges) == 5
    assert all(e["node"]["title"] and e["node"]["tenant"]["name"] for e in edges)
    assert data["opportunities"]["pageInfo"]["hasNextPage"] is True


def test_paging_never_repeats_or_skips(client: HubClient, backend: Database) -> None:
    expected = visible_ids(backend)
    assert len(expected) > 20
    for size in (1, 3, 7, 100):
        assert walk(client, size) == expected


def test_total_count_counts_only_visible_records(client: HubClient, backend: Database) -> None:
    data = client.data(OPPORTUNITY_PAGE, {"first": 1})
    assert data["opportunities"]["totalCount"] == len(visible_ids(backend))
    hidden = fetch(backend.settings, select(m.Opportunity.id).where(
        (m.Opportunity.visibility != "PUBLIC") | (m.Opportunity.status != "PUBLISHED")))
    assert hidden, "the demo must hold non-public records to prove they stay hidden"


def test_paging_is_stable_under_concurrent_inserts(client: HubClient, backend: Database) -> None:
    before = visible_ids(backend)
    first_page = client.data(IDS, {"first": 5})["opportunities"]
    template = fetch(backend.settings, select(m.Opportunity).where(
        m.Opportunity.id == before[0]))[0]
    values = {c.key: getattr(template, c.key) for c in m.Opportunity.__table__.columns
              if c.key not in ("id", "external_id")}
    fetch(backend.settings, insert(m.Opportunity).values(**values, external_id="test:insert"))
    try:
        rest = walk_after(client, first_page["pageInfo"]["endCursor"])
        seen = [decode_id(e["node"]["id"])[1] for e in first_page["edges"]] + rest
        assert seen == before
    finally:
        fetch(backend.settings, delete(m.Opportunity).where(
            m.Opportunity.external_id == "test:insert"))


def walk_after(client: HubClient, cursor: str) -> list[int]:
    ids: list[int] = []
    after: str | None = cursor
    while after:
        page = client.data(IDS, {"first": 4, "after": after})["opportunities"]
        ids.extend(decode_id(e["node"]["id"])[1] for e in page["edges"])
        after = page["pageInfo"]["endCursor"] if page["pageInfo"]["hasNextPage"] else None
    return ids


def test_page_info_and_cursors(client: HubClient) -> None:
    page = client.data(OPPORTUNITY_PAGE, {"first": 3})["opportunities"]
    assert page["pageInfo"]["hasPreviousPage"] is False
    assert page["pageInfo"]["startCursor"] == page["edges"][0]["cursor"]
    assert page["pageInfo"]["endCursor"] == page["edges"][-1]["cursor"]
    second = client.data(OPPORTUNITY_PAGE, {"first": 3, "after": page["edges"][0]["cursor"]})
    assert second["opportunities"]["pageInfo"]["hasPreviousPage"] is True
    assert [e["node"]["id"] for e in second["opportunities"]["edges"][:2]] == \
        [e["node"]["id"] for e in page["edges"][1:]]
    empty = client.data(OPPORTUNITY_PAGE, {"first": 0})["opportunities"]
    assert empty["edges"] == [] and empty["pageInfo"]["endCursor"] is None


def test_statement_count_does_not_grow_with_page_size(client: HubClient) -> None:
    small = client.statements(OPPORTUNITY_PAGE_DEEP, {"first": 10})
    large = client.statements(OPPORTUNITY_PAGE_DEEP, {"first": 100})
    rows = len(client.data(OPPORTUNITY_PAGE_DEEP, {"first": 100})["opportunities"]["edges"])
    assert rows > 25
    assert small == large
    # page, organizations, campaigns, campaign titles, translations, categories, skill
    # links, skills: one statement each (+ the row-security prelude on PostgreSQL).
    assert large <= 8 + client.prelude


def test_nested_tenant_pages_load_in_one_statement(client: HubClient) -> None:
    query = """{ tenants { slug opportunities(first: 2) { totalCount edges { node { title } } }
                           news(first: 2) { edges { node { title } } }
                           events(first: 2) { edges { node { title } } } } }"""
    data = client.data(query)
    assert sum(len(t["opportunities"]["edges"]) for t in data["tenants"]) > 8
    # opportunity pages, counts, translations; news pages, translations; event pages,
    # translations: the same for 8 tenants as for 1 (+ the row-security prelude).
    assert client.statements(query) == 7 + client.prelude


def test_localized_title_follows_accept_language(client: HubClient, backend: Database) -> None:
    query = "{ opportunities(first: 100) { edges { node { id titleI18n { value locale direction isFallback } } } } }"
    rows = fetch(backend.settings, select(m.OpportunityTranslation))
    texts: dict[int, dict[str, str]] = {}
    for r in rows:
        texts.setdefault(r.opportunity_id, {})[r.locale] = r.title
    for header, want in (("fr", "fr"), ("en-GB,en;q=0.9", "en"), ("ar-DZ;q=0.9, fr;q=0.8", "ar")):
        edges = client.data(query, headers={"Accept-Language": header})["opportunities"]["edges"]
        for edge in edges:
            key = decode_id(edge["node"]["id"])[1]
            served = edge["node"]["titleI18n"]
            if want in texts[key]:
                assert served == {"value": texts[key][want], "locale": want,
                                  "direction": "RTL" if want == "ar" else "LTR",
                                  "isFallback": False}
            else:
                assert served["isFallback"] is True
                assert served["value"] == texts[key][served["locale"]]


def test_without_accept_language_the_tenant_default_serves(client: HubClient) -> None:
    data = client.data("{ opportunities(first: 50) { edges { node { titleI18n { locale } "
                       "tenant { defaultLocale } } } } }")
    served = [e["node"]["titleI18n"]["locale"] for e in data["opportunities"]["edges"]]
    assert served.count("ar") > len(served) // 2


def test_lookup_and_node_agree_and_hide_non_public(client: HubClient, backend: Database) -> None:
    query = """query($id: ID!) { opportunity(id: $id) { id title }
                                 node(id: $id) { id ... on Opportunity { title } } }"""
    public = visible_ids(backend)[0]
    gid = encode_id("Opportunity", public)
    data = client.data(query, {"id": gid})
    assert data["opportunity"]["id"] == gid == data["node"]["id"]
    assert data["opportunity"]["title"] == data["node"]["title"]
    hidden = fetch(backend.settings, select(m.Opportunity.id).where(
        (m.Opportunity.visibility != "PUBLIC") | (m.Opportunity.status != "PUBLISHED")))
    for row in hidden:
        gid = encode_id("Opportunity", row.id)
        assert client.data(query, {"id": gid}) == {"opportunity": None, "node": None}
    missing = encode_id("Opportunity", 10**9)
    assert client.data(query, {"id": missing}) == {"opportunity": None, "node": None}


def test_hidden_records_stay_hidden_in_tenant_and_campaign_lists(
        client: HubClient, backend: Database) -> None:
    query = """{ tenants { opportunities(first: 100) { totalCount edges { node { id } } } } }"""
    hidden = {encode_id("Opportunity", r.id) for r in fetch(backend.settings, select(
        m.Opportunity.id).where((m.Opportunity.visibility != "PUBLIC")
                                | (m.Opportunity.status != "PUBLISHED")))}
    seen = {e["node"]["id"] for t in client.data(query)["tenants"]
            for e in t["opportunities"]["edges"]}
    assert seen and not seen & hidden
    total = sum(t["opportunities"]["totalCount"] for t in client.data(query)["tenants"])
    assert total == len(visible_ids(backend))


def test_filters(client: HubClient, backend: Database) -> None:
    o = m.Opportunity
    dz = fetch(backend.settings, select(m.Tenant.id).where(m.Tenant.slug == "dz-crescent"))[0].id
    cases: list[tuple[dict[str, Any], list[Any]]] = [
        ({"tenants": ["dz-crescent"]}, [o.tenant_id == dz]),
        ({"formats": ["REMOTE"]}, [o.format == "REMOTE"]),
        ({"formats": ["ONSITE", "HYBRID"]}, [o.format.in_(["ONSITE", "HYBRID"])]),
        ({"emergencyOnly": True}, [o.is_emergency.is_(True)]),
        ({"categories": ["FIRST_AID"]}, [o.category_code == "FIRST_AID"]),
        ({"startsAfter": "2026-11-01T00:00:00Z"},
         [o.starts_at >= datetime(2026, 11, 1, tzinfo=UTC)]),
        ({"startsBefore": "2026-12-01T00:00:00Z"},
         [o.starts_at < datetime(2026, 12, 1, tzinfo=UTC)]),
    ]
    for flt, where in cases:
        expected = visible_ids(backend, *where)
        assert expected, f"demo data has no match for {flt}"
        assert walk(client, 100, {"filter": flt}) == expected, flt
        total = client.data(IDS, {"first": 1, "filter": flt})["opportunities"]["totalCount"]
        assert total == len(expected), flt


def test_country_filter_counts_remote_ones_for_their_society(
        client: HubClient, backend: Database) -> None:
    edges = client.data(IDS, {"first": 100, "filter": {"countries": ["dz"]}})
    nodes = [e["node"] for e in edges["opportunities"]["edges"]]
    assert nodes
    for node in nodes:
        if node["format"] == "REMOTE":
            assert node["tenant"]["country"] == "DZ"
        else:
            assert node["place"]["country"] == "DZ"
    assert any(n["format"] == "REMOTE" for n in nodes) or any(
        n["format"] != "REMOTE" for n in nodes)


def test_skill_and_campaign_filters(client: HubClient, backend: Database) -> None:
    link = fetch(backend.settings, select(m.OpportunitySkill.skill_code, m.OpportunitySkill.opportunity_id)
                 .join(m.Opportunity).where(m.Opportunity.visibility == "PUBLIC",
                                            m.Opportunity.status == "PUBLISHED"))
    skill = link[0].skill_code
    want = sorted({r.opportunity_id for r in link if r.skill_code == skill}, reverse=True)
    assert walk(client, 100, {"filter": {"skills": [skill]}}) == want
    campaign = fetch(backend.settings, select(m.Opportunity.campaign_id).where(
        m.Opportunity.campaign_id.is_not(None), m.Opportunity.visibility == "PUBLIC",
        m.Opportunity.status == "PUBLISHED"))[0].campaign_id
    want = visible_ids(backend, m.Opportunity.campaign_id == campaign)
    flt = {"campaign": encode_id("Campaign", campaign)}
    assert walk(client, 100, {"filter": flt}) == want
    query = "query($id: ID!) { node(id: $id) { ... on Campaign { title opportunities(first: 50) { edges { node { id } } } } } }"
    nested = client.data(query, {"id": flt["campaign"]})["node"]
    assert nested["title"]
    assert [decode_id(e["node"]["id"])[1] for e in nested["opportunities"]["edges"]] == want


def test_search_finds_words_in_any_language(client: HubClient, backend: Database) -> None:
    row = fetch(backend.settings, select(m.OpportunityTranslation.title, m.OpportunityTranslation.opportunity_id)
                .join(m.Opportunity).where(m.Opportunity.visibility == "PUBLIC",
                                           m.Opportunity.status == "PUBLISHED",
                                           m.OpportunityTranslation.locale == "ar"))[0]
    word = max(row.title.split(), key=len)
    found = walk(client, 100, {"filter": {"search": word}})
    assert row.opportunity_id in found
    assert walk(client, 100, {"filter": {"search": "zzqx-no-such-word"}}) == []
