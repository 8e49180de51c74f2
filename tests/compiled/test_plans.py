"""What compiles and what the compiled path does when it must not answer itself: the
comparison catches a broken compiled field; a run that meets an error hands the request to
the standard executor (same bytes, a fallback counted); @include/@skip, fragments, aliases,
literal and variable arguments; ad-hoc documents and `off` never run a plan."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from graphql import parse

from hub.ids import encode_id
from schema.build import build_schema
from schema.compiled.plan import FieldPlan, ObjectPlan
from schema.compiled.support import Unsupported, check_document
from tests.compiled.hubs import Pair, push_text

CONDITIONAL = """query Conditional($full: Boolean!, $first: Int = 3) {
  tenants { slug ...Names @include(if: $full) kind @skip(if: $full) __typename }
  opportunities(first: $first) {
    totalCount
    edges { node { ... on Opportunity { id t: title } id spotsLeft @include(if: $full) } }
  }
}
fragment Names on Tenant { name nameI18n(locale: "ar") { value locale } }"""


def _field(plan: ObjectPlan, *keys: str) -> FieldPlan:
    """The field plan at a path of response keys (through lists and objects)."""
    found = next(f for f in plan.fields if f.key == keys[0])
    if len(keys) == 1:
        return found
    shape = found.shape
    while shape.item is not None:
        shape = shape.item
    assert shape.object is not None
    return _field(shape.object, *keys[1:])


def test_a_broken_compiled_field_is_caught_by_the_comparison(
        pair: Pair, monkeypatch: pytest.MonkeyPatch) -> None:
    q1 = pair.documents["Q1"]
    reference, compiled = pair.ask(q1, {"first": 3}, "anonymous", "fr")
    assert compiled.runs == 1
    assert reference.body == compiled.body
    [entry] = [e for (document_id, _), e in pair.compiled.plans.entries.items()
               if document_id == q1.id]
    [plan] = entry.variants.values()
    spots = _field(plan, "opportunities", "edges", "node", "spotsLeft")
    monkeypatch.setattr(spots.shape, "complete", lambda value: 1234567)
    reference, compiled = pair.ask(q1, {"first": 3}, "anonymous", "fr")
    assert compiled.runs == 1
    assert reference.body != compiled.body  # what the differential tests compare
    assert b"1234567" in compiled.body


def test_a_run_that_meets_an_error_is_answered_by_the_standard_executor(pair: Pair) -> None:
    q3 = pair.documents["Q3"]
    before = pair.compiled.status(q3.id)
    fallbacks = before.fallbacks if before else 0
    wrong_type = {"id": encode_id("Tenant", 1)}  # an id, but not an opportunity's
    reference, compiled = pair.ask(q3, wrong_type, "anonymous", "en")
    assert b'"errors"' in reference.body
    assert reference.body == compiled.body
    assert (compiled.runs, compiled.fallbacks) == (0, 1)
    status = pair.compiled.status(q3.id)
    assert status is not None
    assert status.compiled  # still compiled: the next request runs its plan
    assert status.fallbacks == fallbacks + 1
    assert status.last_fallback is not None
    reference, compiled = pair.ask(q3, q3.variable_sets[0], "anonymous", "en")
    assert (compiled.runs, compiled.fallbacks) == (1, 0)
    assert reference.body == compiled.body


@pytest.mark.parametrize("full", [True, False])
def test_conditions_fragments_aliases_and_arguments_compile(
        pair: Pair, tmp_path: Path, full: bool) -> None:
    document = push_text(pair.database, tmp_path, CONDITIONAL)
    for principal in ("anonymous", "staff"):
        for first in (1, 4):
            reference, compiled = pair.ask(document, {"full": full, "first": first},
                                           principal, "ar")
            assert b'"errors"' not in reference.body, reference.body
            assert reference.body == compiled.body
            assert (compiled.runs, compiled.statements <= reference.statements) == (1, True)
    status = pair.compiled.status(document.id)
    assert status is not None
    assert status.compiled, status
    assert b'"t":' in compiled.body
    assert (b'"nameI18n"' in compiled.body) is full


def test_ad_hoc_documents_and_the_off_setting_never_run_a_plan(pair: Pair) -> None:
    q1 = pair.documents["Q1"]
    headers = pair.headers["anonymous"]
    for side in (pair.reference, pair.compiled):
        runs = side.totals()
        response = side.http.post("/graphql", headers=headers,
                                  json={"query": q1.body, "variables": {"first": 2}})
        assert response.status_code == 200
        assert side.totals() == runs
    assert pair.reference.plans.describe() == {}
    assert pair.reference.plans.mode == "off"


SCHEMA = build_schema()._schema


@pytest.mark.parametrize(("text", "reason"), [
    ("mutation { setNetworkSharing(share: true) { id } }", "a mutation is never compiled"),
    ("{ __schema { queryType { name } } }", "introspection"),
    ('{ node(id: "x") { id } }', "field Query.node returns the abstract type Node"),
    ("{ tenants { slug } } ", None),
    ("query @locale(tag: \"ar\") { tenants { slug } }", None),
    ("{ tenants { slug @deprecated } }", "directive @deprecated"),
    ('{ opportunity(id: "x") { contact { name } } }', None),  # guarded: its checks compile
    ("{ tenants { ...F } } fragment F on Tenant { opportunities { edges { node { "
     "applicationsCount } } } }", None),
    ('{ node(id: "x") { ... on Volunteer { fullName } } }',
     "field Query.node returns the abstract type Node"),
])
def test_what_compiles_and_why_not(text: str, reason: str | None) -> None:
    document = parse(text)
    operation, *fragments = document.definitions
    found: Any = None
    try:
        check_document(SCHEMA, operation, fragments)  # type: ignore[arg-type]
    except Unsupported as error:
        found = str(error)
    assert found == reason
