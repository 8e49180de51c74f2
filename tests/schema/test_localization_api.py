"""Localization through the API: negotiation, fallback, staleness, digits, regional months,
Hijri dates, relative times, plural-correct counts, labels and localized errors."""

from __future__ import annotations

import re
from typing import Any

import pytest
from babel.dates import format_date
from sqlalchemy import select

from hub.db import models as m
from hub.i18n import hours_display, spots_left_display
from hub.ids import encode_id
from tests.conftest import Database, HubClient
from tests.dbtools import fetch
from tests.principals import TENANT, Cast, cast
from tests.queries import OPPORTUNITY_PAGE_DEEP

ARABIC_INDIC = re.compile("[٠-٩]")
LATIN_DIGIT = re.compile("[0-9]")
TITLE = "query($id: ID!) { opportunity(id: $id) { title titleI18n { value locale isFallback } } }"


def public_opportunity(backend: Database, slug: str, *where: Any) -> Any:
    """The row (its columns by name) of a public opportunity of tenant `slug`."""
    o = m.Opportunity
    tenant = fetch(backend.settings, select(m.Tenant.id).where(m.Tenant.slug == slug))[0].id
    return fetch(backend.settings, select(*o.__table__.columns).where(
        o.tenant_id == tenant, o.visibility == "PUBLIC", o.status == "PUBLISHED", *where
    ).order_by(o.id))[0]


def locales_of(backend: Database, opportunity_id: int) -> dict[str, str]:
    t = m.OpportunityTranslation
    rows = fetch(backend.settings, select(t.locale, t.title).where(
        t.opportunity_id == opportunity_id))
    return {r.locale: r.title for r in rows}


def test_negotiation_order_and_fallback(client: HubClient, backend: Database) -> None:
    # An Egyptian opportunity published in Arabic and English only.
    o = m.Opportunity
    candidates = [r for r in fetch(backend.settings, select(o.id).join(m.Tenant).where(
        m.Tenant.slug == "eg-crescent", o.visibility == "PUBLIC", o.status == "PUBLISHED"))
        if set(locales_of(backend, r.id)) == {"ar", "en"}]
    assert candidates, "the demo has Egyptian records in Arabic and English only"
    gid = encode_id("Opportunity", candidates[0].id)
    texts = locales_of(backend, candidates[0].id)

    def served(headers: dict[str, str] | None = None, query: str = TITLE,
               path: str = "/graphql") -> dict[str, Any]:
        response = client.http.post(path, json={"query": query, "variables": {"id": gid}},
                                    headers=headers or {})
        body: dict[str, Any] = response.json()
        assert "errors" not in body, body
        return body

    cases = [
        ({"Accept-Language": "ar-DZ;q=0.9, fr;q=0.8"}, "ar", False),
        ({"Accept-Language": "fr"}, "ar", True),  # no French: the tenant default (ar-EG)
        ({"Accept-Language": "fr, en;q=0.5"}, "en", True),
        ({"Accept-Language": "en-GB"}, "en", False),
        ({"Accept-Language": "*"}, "ar", False),
        ({"Accept-Language": "xx-YY, zz"}, "ar", False),
        ({"Accept-Language": ";;;q=,,=;"}, "ar", False),  # malformed: a sane default
        ({}, "ar", False),
    ]
    for headers, locale, fallback in cases:
        title = served(headers)["data"]["opportunity"]["titleI18n"]
        assert title == {"value": texts[locale], "locale": locale, "isFallback": fallback}, headers
    # ?lang= overrides the header, @locale(tag:) as well, a field argument beats both.
    body = served({"Accept-Language": "ar"}, path="/graphql?lang=en")
    assert body["data"]["opportunity"]["titleI18n"]["locale"] == "en"
    assert body["extensions"]["locale"]["source"] == "lang"
    directive = TITLE.replace("query($id: ID!)", 'query($id: ID!) @locale(tag: "en")')
    body = served({"Accept-Language": "ar"}, query=directive)
    assert body["data"]["opportunity"]["title"] == texts["en"]
    assert body["extensions"]["locale"] == {"chain": ["en", "ar", "(tenant default)", "en"],
                                            "source": "directive"}
    argument = TITLE.replace("titleI18n {", 'titleI18n(locale: "en") {')
    body = served({"Accept-Language": "ar"}, query=argument)
    assert body["data"]["opportunity"]["title"] == texts["ar"]
    assert body["data"]["opportunity"]["titleI18n"]["locale"] == "en"
    assert served({"Accept-Language": "ar-DZ;q=0.9, fr;q=0.8"})["extensions"]["locale"] == {
        "chain": ["ar-DZ", "ar", "fr", "(tenant default)", "en"], "source": "accept-language"}


def test_digits_follow_the_locale_and_the_tenant(client: HubClient, backend: Database) -> None:
    query = "query($id: ID!) { opportunity(id: $id) { startsAtDisplay spotsLeftDisplay } }"
    egypt = public_opportunity(backend, "eg-crescent", m.Opportunity.starts_at.is_not(None),
                               m.Opportunity.capacity.is_not(None))
    algeria = public_opportunity(backend, "dz-crescent", m.Opportunity.starts_at.is_not(None),
                                 m.Opportunity.capacity.is_not(None))
    saudi = public_opportunity(backend, "sa-crescent", m.Opportunity.starts_at.is_not(None))

    def display(record: Any, language: str) -> dict[str, str]:
        data = client.data(query, {"id": encode_id("Opportunity", record.id)},
                           {"Accept-Language": language})
        return data["opportunity"]  # type: ignore[no-any-return]

    eg = display(egypt, "ar-EG")  # CLDR default for ar-EG: Arabic-Indic digits
    assert ARABIC_INDIC.search(eg["startsAtDisplay"]) and not LATIN_DIGIT.search(
        eg["startsAtDisplay"])
    dz = display(algeria, "ar-DZ")  # the Algerian tenant writes Latin digits
    assert LATIN_DIGIT.search(dz["startsAtDisplay"]) and not ARABIC_INDIC.search(
        dz["startsAtDisplay"])
    assert not ARABIC_INDIC.search(display(egypt, "fr")["startsAtDisplay"])
    sa = display(saudi, "ar")  # the Saudi tenant: Arabic-Indic digits and the Hijri date
    assert ARABIC_INDIC.search(sa["startsAtDisplay"]) and "هـ" in sa["startsAtDisplay"]
    assert "هـ" not in display(algeria, "ar")["startsAtDisplay"]
    spots = max((egypt.capacity or 0) - egypt.filled_spots, 0)
    assert eg["spotsLeftDisplay"] == spots_left_display("ar-EG", spots)
    assert ARABIC_INDIC.search(eg["spotsLeftDisplay"]) or spots <= 2


def test_regional_month_names(client: HubClient, backend: Database) -> None:
    record = public_opportunity(backend, "dz-crescent", m.Opportunity.starts_at.is_not(None))
    query = "query($id: ID!) { opportunity(id: $id) { startsAtDisplay } }"
    gid = encode_id("Opportunity", record.id)
    assert record.starts_at is not None
    shown = {}
    for tag in ("ar-DZ", "ar-EG", "ar-LB", "fr"):
        text = client.data(query, {"id": gid}, {"Accept-Language": tag})["opportunity"][
            "startsAtDisplay"]
        month = format_date(record.starts_at, "MMMM", locale=tag.replace("-", "_"))
        assert month in text, (tag, month, text)
        shown[tag] = month
    assert shown["ar-LB"] != shown["ar-EG"]  # كانون / تشرين against the Egyptian names
    assert format_date(record.starts_at.replace(month=1), "MMMM", locale="ar_DZ") == "جانفي"


def test_relative_times_and_labels(client: HubClient, people_cast: Cast) -> None:
    news = "{ news(first: 5) { edges { node { publishedAtDisplay } } } }"
    for tag, words in (("ar", "قبل"), ("fr", "il y a"), ("en", "ago")):
        for edge in client.data(news, headers={"Accept-Language": tag})["news"]["edges"]:
            assert words in edge["node"]["publishedAtDisplay"], tag
    me = """{ viewer { volunteer { hoursDisplay verifiedHours groupLabel
              applications(first: 5) { edges { node { status statusLabel } } } } } }"""
    for tag in ("ar", "fr", "en"):
        headers = {**people_cast.headers["self"], "Accept-Language": tag}
        volunteer = client.data(me, headers=headers)["viewer"]["volunteer"]
        assert volunteer["hoursDisplay"] == hours_display(tag, volunteer["verifiedHours"])
        assert volunteer["groupLabel"]
        labels = {e["node"]["statusLabel"] for e in volunteer["applications"]["edges"]}
        assert labels and all(labels)
    ar = client.data(me, headers={**people_cast.headers["self"], "Accept-Language": "ar"})
    en = client.data(me, headers={**people_cast.headers["self"], "Accept-Language": "en"})
    assert ar != en


@pytest.fixture(scope="module")
def people_cast(backend: Database) -> Cast:
    return cast(backend)


def test_errors_speak_the_callers_language(client: HubClient) -> None:
    query = "{ opportunities(first: 1000) { totalCount } }"
    answers = {}
    for tag in ("ar", "fr", "en"):
        body = client.post(query, headers={"Accept-Language": tag})
        answers[tag] = body["errors"][0]["message"]
        assert body["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"
    assert "`first`" in answers["en"] and "100" in answers["en"]
    assert re.search("[\u0600-\u06ff]", answers["ar"])
    assert answers["fr"] != answers["en"]
    refused = client.http.post("/graphql", json={"query": "{ viewer { kind } }"},
                               headers={"Authorization": "Bearer x", "Accept-Language": "fr"})
    assert refused.json()["errors"][0]["message"].startswith("Vos identifiants")


def test_statements_do_not_grow_with_the_number_of_locales(client: HubClient) -> None:
    one = client.statements(OPPORTUNITY_PAGE_DEEP, {"first": 50})
    client.counter.statements.clear()
    many_headers = {"Accept-Language": "ar-DZ, fr;q=0.9, en;q=0.8, de;q=0.5, es;q=0.4"}
    client.data(OPPORTUNITY_PAGE_DEEP, {"first": 50}, many_headers)
    assert client.counter.count == one


def test_set_translation_and_staleness(client: HubClient, backend: Database,
                                       people_cast: Cast) -> None:
    record = public_opportunity(backend, TENANT)
    gid = encode_id("Opportunity", record.id)
    mutation = """mutation($input: SetTranslationInput!) { setTranslation(input: $input) {
                    locale field value isSource isStale } }"""
    t = m.OpportunityTranslation
    source_locale = fetch(backend.settings, select(t.locale).where(
        t.opportunity_id == record.id, t.is_source))[0].locale
    editor = people_cast.headers["editor"]
    for column in ("anonymous", "viewer", "other_staff", "self"):
        body = client.post(mutation, {"input": {"id": gid, "locale": "fr", "field": "title",
                                                "value": "X"}}, people_cast.headers[column])
        assert body["errors"][0]["extensions"]["code"] == "FORBIDDEN", column
    for bad, argument in (({"locale": "??"}, "locale"), ({"field": "colour"}, "field"),
                          ({"value": "   "}, "value"), ({"value": "x" * 301}, "value")):
        payload = {"id": gid, "locale": "fr", "field": "title", "value": "Titre", **bad}
        body = client.post(mutation, {"input": payload}, editor)
        assert body["errors"][0]["extensions"] == {"code": "BAD_USER_INPUT",
                                                   "argument": argument}, bad
    before = locales_of(backend, record.id)
    # The source changes: every other translation becomes stale.
    new_source = before[source_locale] + " (2027)"
    rows = client.data(mutation, {"input": {"id": gid, "locale": source_locale,
                                            "field": "title", "value": new_source}},
                       editor)["setTranslation"]
    stale = {r["locale"]: r["isStale"] for r in rows if r["field"] == "title"}
    assert stale[source_locale] is False
    assert all(stale[loc] for loc in stale if loc != source_locale)
    other = next(loc for loc in stale if loc != source_locale)
    rows = client.data(mutation, {"input": {"id": gid, "locale": other, "field": "title",
                                            "value": "Updated title"}}, editor)["setTranslation"]
    assert {r["locale"]: r["isStale"] for r in rows if r["field"] == "title"}[other] is False
    translations = client.data("query($id: ID!) { opportunity(id: $id) { translations { "
                               "locale field isStale } } }", {"id": gid}, editor)
    assert translations["opportunity"]["translations"]
    # restore the shared demo record
    client.data(mutation, {"input": {"id": gid, "locale": source_locale, "field": "title",
                                     "value": before[source_locale]}}, editor)
    client.data(mutation, {"input": {"id": gid, "locale": other, "field": "title",
                                     "value": before[other]}}, editor)
    assert locales_of(backend, record.id) == before


def test_locales_query_lists_the_catalogs(client: HubClient) -> None:
    locales = client.data("{ locales { tag name nativeName direction } }")["locales"]
    assert [x["tag"] for x in locales] == ["ar", "en", "fr"]
    assert locales[0] == {"tag": "ar", "name": "Arabic", "nativeName": "العربية",
                          "direction": "RTL"}
