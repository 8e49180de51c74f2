"""Federation admins manage the shared taxonomy: create, relabel (merged per language),
retire and restore, seen at once by every reader; everyone else is refused and nothing
changes; bad input is a localized BAD_USER_INPUT naming the input field."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from sqlalchemy import func, select

from hub.access import ANONYMOUS, read_scope
from hub.audit import AuditLog
from hub.db import models as m
from hub.db.engine import make_engine, make_sessionmaker
from hub.errors import BadUserInput
from hub.i18n import LocaleChain
from hub.row_security import prelude
from resolvers import RequestContext, RequestDatabase, TenantIndex
from resolvers.opportunities.taxonomy import check_active_codes, check_codes
from tests.applications.world import code_of, gid
from tests.dbtools import fetch
from tests.principals import client_key
from tests.taxonomy.conftest import SOCIETY, Taxonomy
from tests.taxonomy.documents import (
    CATEGORIES,
    OPPORTUNITY_CATEGORY,
    RESTORE_CATEGORY,
    RESTORE_SKILL,
    RETIRE_CATEGORY,
    RETIRE_SKILL,
    SET_CATEGORY,
    SET_SKILL,
    SKILLS,
)


def labelled(**labels: str) -> list[dict[str, str]]:
    return [{"locale": locale.replace("_", "-"), "value": value}
            for locale, value in labels.items()]


def audits(taxonomy: Taxonomy, action: str, code: str) -> int:
    a = m.AuditEvent
    return int(fetch(taxonomy.database.settings, select(func.count()).select_from(a).where(
        a.action == action, a.object_id == code))[0][0])


def served(taxonomy: Taxonomy, query: str, language: str, **variables: Any) -> dict[str, str]:
    data = taxonomy.ok(query, variables, {"Accept-Language": language})
    return {t["code"]: t["label"] for t in next(iter(data.values()))}


def test_a_federation_admin_creates_relabels_retires_and_restores(taxonomy: Taxonomy) -> None:
    admin = taxonomy.federation_admin()
    created = taxonomy.ok(SET_CATEGORY, {"input": {
        "code": "shelter", "position": 3,
        "labels": labelled(en="  Shelter ", fr="Hébergement", AR_dz="إيواء")}}, admin)
    assert created["setCategory"] == {
        "code": "shelter", "label": "Shelter", "active": True, "position": 3,
        "labels": [{"locale": "ar-DZ", "value": "إيواء"}, {"locale": "en", "value": "Shelter"},
                   {"locale": "fr", "value": "Hébergement"}]}
    assert audits(taxonomy, "set_category", "shelter") == 1
    assert served(taxonomy, CATEGORIES, "fr")["shelter"] == "Hébergement"
    assert served(taxonomy, CATEGORIES, "ar-DZ")["shelter"] == "إيواء"

    # Relabel: French replaced, Arabic added, the Algerian Arabic removed, English kept;
    # the position is unchanged when not given.
    taxonomy.ok(SET_CATEGORY, {"input": {"code": "shelter", "labels": labelled(
        fr="Abri", ar="مأوى", ar_DZ="")}}, admin)
    assert taxonomy.terms(m.Category)["shelter"] == (
        {"ar": "مأوى", "en": "Shelter", "fr": "Abri"}, 3, True)
    # Seen at once, in the list and on the records that have it.
    oid = taxonomy.opportunity_in("shelter")
    assert served(taxonomy, CATEGORIES, "fr")["shelter"] == "Abri"
    one = taxonomy.ok(OPPORTUNITY_CATEGORY, {"id": gid("Opportunity", oid)},
                      {"Accept-Language": "ar"})
    assert one["opportunity"]["category"] == {"code": "shelter", "label": "مأوى",
                                              "active": True}

    retired = taxonomy.ok(RETIRE_CATEGORY, {"code": "shelter"}, admin)["retireCategory"]
    assert retired["active"] is False
    assert "shelter" not in served(taxonomy, CATEGORIES, "en")
    assert "shelter" in served(taxonomy, CATEGORIES, "en", all=True)
    # The record keeps it, with its label.
    one = taxonomy.ok(OPPORTUNITY_CATEGORY, {"id": gid("Opportunity", oid)},
                      {"Accept-Language": "fr"})
    assert one["opportunity"]["category"] == {"code": "shelter", "label": "Abri",
                                              "active": False}
    # Retiring twice changes nothing and is no error.
    assert taxonomy.ok(RETIRE_CATEGORY, {"code": "shelter"}, admin)["retireCategory"] == retired
    restored = taxonomy.ok(RESTORE_CATEGORY, {"code": "shelter"}, admin)["restoreCategory"]
    assert restored["active"] is True
    assert "shelter" in served(taxonomy, CATEGORIES, "en")
    assert audits(taxonomy, "retire_category", "shelter") == 2
    assert audits(taxonomy, "restore_category", "shelter") == 1


def test_skills_are_managed_alike(taxonomy: Taxonomy) -> None:
    admin = taxonomy.federation_admin()
    skill = taxonomy.ok(SET_SKILL, {"input": {"code": "sign_language", "labels": labelled(
        en="Sign language", fr="Langue des signes")}}, admin)["setSkill"]
    # Without a position, a new term goes last.
    assert skill["position"] == 1 + max(
        position for code, (_, position, _) in taxonomy.terms(m.Skill).items()
        if code != "sign_language")
    assert served(taxonomy, SKILLS, "fr")["sign_language"] == "Langue des signes"
    assert served(taxonomy, SKILLS, "ar")["sign_language"] == "Sign language"
    assert taxonomy.ok(RETIRE_SKILL, {"code": "sign_language"}, admin)["retireSkill"][
        "active"] is False
    assert "sign_language" not in served(taxonomy, SKILLS, "en")
    assert taxonomy.ok(RESTORE_SKILL, {"code": "sign_language"}, admin)["restoreSkill"][
        "active"] is True
    assert audits(taxonomy, "set_skill", "sign_language") == 1


def test_a_retry_with_a_client_key_has_one_effect(taxonomy: Taxonomy) -> None:
    admin = taxonomy.federation_admin()
    variables = {"input": {"code": "logistics", "labels": labelled(en="Logistics"),
                           "clientMutationId": "tax-1"}}
    first = taxonomy.ok(SET_CATEGORY, variables, admin)
    assert taxonomy.ok(SET_CATEGORY, variables, admin) == first
    assert audits(taxonomy, "set_category", "logistics") == 1


REFUSED = ["anonymous", "society admin", "federation editor", "federation coordinator",
           "society editor", "volunteer", "analyst", "api client"]


def principal(taxonomy: Taxonomy, who: str) -> dict[str, str]:
    headers = {
        "anonymous": lambda: {"Accept-Language": "fr"},
        "society admin": lambda: taxonomy.staff("admin", SOCIETY),
        "federation editor": lambda: taxonomy.federation_admin("editor"),
        "federation coordinator": lambda: taxonomy.federation_admin("coordinator"),
        "society editor": lambda: taxonomy.staff("editor", SOCIETY),
        "volunteer": lambda: taxonomy.volunteer(taxonomy.new_volunteer()),
        "analyst": lambda: taxonomy.bearer(subject="analyst", tenant=None, roles=[],
                                           volunteer_id=None, federation=True),
        "api client": lambda: {"X-Api-Key": client_key(taxonomy.database)},
    }[who]()
    return {**headers, "Accept-Language": "fr"}


@pytest.mark.parametrize("who", REFUSED)
def test_anyone_but_a_federation_admin_is_refused_and_nothing_changes(
        taxonomy: Taxonomy, who: str) -> None:
    headers = principal(taxonomy, who)
    before = (taxonomy.terms(m.Category), taxonomy.terms(m.Skill),
              taxonomy.count(m.AuditEvent))
    attempts = [
        (SET_CATEGORY, {"input": {"code": "first-aid", "labels": labelled(fr="Piraté")}}),
        (SET_CATEGORY, {"input": {"code": "brand-new", "labels": labelled(en="New")}}),
        (RETIRE_CATEGORY, {"code": "first-aid"}),
        (RESTORE_CATEGORY, {"code": "old-ways"}),
        (SET_SKILL, {"input": {"code": "driving", "labels": labelled(en="Racing")}}),
        (RETIRE_SKILL, {"code": "driving"}),
        (RESTORE_SKILL, {"code": "telegraphy"}),
        # Refused before the input is looked at.
        (SET_CATEGORY, {"input": {"code": "Bad Code", "labels": []}}),
    ]
    for query, variables in attempts:
        body = taxonomy.call(query, variables, headers)
        assert code_of(body) == "FORBIDDEN", (query, body)
        assert body["data"] is None
    assert (taxonomy.terms(m.Category), taxonomy.terms(m.Skill),
            taxonomy.count(m.AuditEvent)) == before


BAD_INPUT = [
    ({"code": "First-Aid", "labels": labelled(en="x")}, "input.code"),
    ({"code": "a", "labels": labelled(en="x")}, "input.code"),
    ({"code": "9lives", "labels": labelled(en="x")}, "input.code"),
    ({"code": "x" * 49, "labels": labelled(en="x")}, "input.code"),
    ({"code": "new-one", "labels": []}, "input.labels"),  # a new term needs a label
    ({"code": "new-one", "labels": labelled(en="   ")}, "input.labels"),
    ({"code": "new-one", "labels": [{"locale": "xx", "value": "x"}]}, "input.labels"),
    ({"code": "new-one", "labels": [{"locale": "", "value": "x"}]}, "input.labels"),
    ({"code": "new-one", "labels": [{"locale": "fr", "value": "a"},
                                    {"locale": "FR", "value": "b"}]}, "input.labels"),
    ({"code": "new-one", "labels": labelled(en="x" * 101)}, "input.labels"),
    ({"code": "new-one", "labels": labelled(en="x"), "position": -1}, "input.position"),
    # Removing the last labels of an existing term.
    ({"code": "old-ways", "labels": labelled(en="")}, "input.labels"),
    ({"code": "new-one", "labels": labelled(en="x"),
      "clientMutationId": "k" * 200}, "input.clientMutationId"),
]


@pytest.mark.parametrize(("given", "argument"), BAD_INPUT)
def test_bad_input_is_refused_naming_the_field(taxonomy: Taxonomy, given: dict[str, Any],
                                               argument: str) -> None:
    before = (taxonomy.terms(m.Category), taxonomy.count(m.AuditEvent))
    admin = {**taxonomy.federation_admin(), "Accept-Language": "ar"}
    body = taxonomy.call(SET_CATEGORY, {"input": given}, admin)
    assert code_of(body) == "BAD_USER_INPUT", body
    assert body["errors"][0]["extensions"]["argument"] == argument
    assert (taxonomy.terms(m.Category), taxonomy.count(m.AuditEvent)) == before


def test_an_unknown_or_bad_code_to_retire(taxonomy: Taxonomy) -> None:
    admin = {**taxonomy.federation_admin(), "Accept-Language": "fr"}
    before = taxonomy.count(m.AuditEvent)
    body = taxonomy.call(RETIRE_CATEGORY, {"code": "no-such-thing"}, admin)
    assert code_of(body) == "NOT_FOUND"
    assert body["errors"][0]["extensions"]["argument"] == "code"
    body = taxonomy.call(RETIRE_SKILL, {"code": "Not A Code"}, admin)
    assert code_of(body) == "BAD_USER_INPUT"
    assert body["errors"][0]["extensions"]["argument"] == "code"
    assert taxonomy.count(m.AuditEvent) == before


async def _check(taxonomy: Taxonomy, **codes: list[str]) -> str | None:
    """check_active_codes in a request of an anonymous caller: the error's argument."""
    settings = taxonomy.database.settings
    engine = make_engine(settings.database_url)
    scope = read_scope(ANONYMOUS, frozenset())
    postgres = engine.dialect.name == "postgresql"
    db = RequestDatabase(make_sessionmaker(engine), prelude(scope) if postgres else None)
    ctx = RequestContext(
        db=db, scope=scope, locales=LocaleChain.from_request(explicit=None, accept_language=None),
        tenants=TenantIndex({}), settings=settings, request_id="test-taxonomy",
        audit=AuditLog(ANONYMOUS, "test-taxonomy"))
    try:
        await check_codes(ctx, **codes)  # filters accept retired codes
        await check_active_codes(ctx, **codes)
        return None
    except BadUserInput as error:
        return error.argument
    finally:
        await db.close()
        await engine.dispose()


def test_a_retired_code_is_refused_for_a_new_record(taxonomy: Taxonomy) -> None:
    assert asyncio.run(_check(taxonomy, categories=["first-aid"], skills=["driving"])) is None
    assert asyncio.run(_check(taxonomy, categories=["old-ways"])) is not None
    assert asyncio.run(_check(taxonomy, skills=["driving", "telegraphy"])) == "skills"
