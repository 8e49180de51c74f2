"""Proof of sameness (docs/compiled-execution.md): every document of the registry as the hub
ships it and every hub document of the benchmark, with several variable sets, as every kind
of principal, in several locales, run by its trusted id through the standard executor (the
reference) and through the compiled hub over the same database: the same status and the
same body, byte for byte (data, errors, extensions, request ids); no more SQL statements;
and the compiled plan ran for every document `EXPECTED_COMPILED` names. On both databases.

Each test is one (document, variable set, principal) cell and asks it in every locale, the
document's id travelling by a different road per locale (POST `documentId`, GET
`?documentId=`, Apollo's persisted-query hash). Its assertions come in that order: a cell
that fails only on "the plan did not run" answered the same on both hubs.
"""

from __future__ import annotations

from typing import Final

import orjson
import pytest

from tests.compiled_matrix.conftest import PRINCIPALS, Matrix
from tests.compiled_matrix.documents import (
    BY_NAME,
    CASES,
    EXPECTED_COMPILED,
    EXPECTED_REASONS,
    falls_back,
)
from tests.compiled_matrix.pair import Answer, Call, Road, differences
from tests.principals import TENANT

# (Accept-Language, road): the hub's three languages and a tenant's own (the owning
# tenant's default locale, with a region, and a chain).
LOCALES: Final[tuple[tuple[str, Road], ...]] = (
    ("ar", "post"),
    ("en", "get"),
    ("fr", "apollo"),
    ("ar-DZ", "post"),
    ("fr-MA, en;q=0.5", "get"),
)


def _meaningful(answer: Answer) -> str | None:
    """Why the reference's answer proves nothing (the document was not found, the hub
    failed), or None."""
    if answer.status >= 500:
        return f"status {answer.status}"
    body = orjson.loads(answer.body)
    codes = {e.get("extensions", {}).get("code") for e in body.get("errors") or []}
    if "PERSISTED_QUERY_NOT_FOUND" in codes:
        return "the trusted document was not found"
    if "data" not in body:
        return f"no data: {codes}"
    return None


@pytest.mark.parametrize("principal", PRINCIPALS)
@pytest.mark.parametrize(("document", "variable_set"), CASES)
def test_same_answer_through_both_executors(matrix: Matrix, document: str, variable_set: str,
                                            principal: str) -> None:
    spec = BY_NAME[document]
    variables = spec.variable_sets[variable_set](matrix.facts)
    cells: list[tuple[str, Answer, Answer]] = []
    for locale, road in LOCALES:
        call = Call(spec.id, variables, {**matrix.headers[principal],
                                         "Accept-Language": locale}, road)
        reference, compiled = matrix.pair.ask(call)
        cells.append((f"{locale} by {road}", reference, compiled))

    pointless = [f"{where}: {why}" for where, reference, _ in cells
                 if (why := _meaningful(reference)) is not None]
    assert not pointless, pointless
    different = [f"{where}: {problem}" for where, reference, compiled in cells
                 for problem in differences(reference, compiled)]
    assert not different, "\n".join(different)
    more_sql = [f"{where}: {compiled.statements} statements, {reference.statements} on the "
                "standard path" for where, reference, compiled in cells
                if compiled.statements > reference.statements]
    assert not more_sql, more_sql
    assert all(reference.runs == reference.fallbacks == 0 for _, reference, _ in cells), \
        "HUB_COMPILED_EXECUTION=off ran a compiled plan"

    status = matrix.pair.compiled.plans.describe().get(spec.id)
    runs = [(where, compiled.runs, compiled.fallbacks) for where, _, compiled in cells]
    if falls_back(document, variable_set, principal):
        assert all((ran, back) == (0, 1) for _, ran, back in runs), (
            f"{document} with {variable_set!r} should be handed back to the standard "
            f"executor (where, runs, fallbacks): {runs}; its status: {status}")
    elif EXPECTED_COMPILED[document]:
        assert all(ran == 1 for _, ran, _ in runs), (
            f"{document}'s compiled plan did not answer every request (where, runs, "
            f"fallbacks): {runs}; its status: {status}")
    else:
        assert all(ran == 0 for _, ran, _ in runs), (
            f"{document} is not expected to compile, but its plan ran: {runs}; {status}")
        assert status is not None and not status.compiled, status
        assert status.reason == EXPECTED_REASONS[document], status


def test_the_bench_largest_tenant_is_the_owning_tenant(matrix: Matrix) -> None:
    """EXPECTED_FALLBACKS' Q4 cells of the bench's tenant assume the owning tenant."""
    assert matrix.facts.bench.staff_tenant == TENANT
