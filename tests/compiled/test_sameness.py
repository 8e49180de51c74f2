"""The compiled path answers exactly what the standard executor answers: every document the
hub serves by id (the bench's Q1-Q5, the news widget's, the dashboard's), for every
principal kind and three locales, byte for byte, with no more SQL statements; and the
documents that should compile do run compiled. On both databases."""

from __future__ import annotations

from typing import Final

import pytest

from tests.compiled.hubs import LOCALES, PRINCIPALS, Pair

# Which documents run through their compiled plan (the others: the reason, as recorded).
COMPILED: Final = {"Q1": True, "Q2": True, "Q3": True, "Q4": True, "Q5": True,
                   "widget": True, "dashboard": True}
WHY_NOT: Final[dict[str, str]] = {}
# Who is handed back to the standard executor: Q4 (the owning tenant's volunteers) is for
# its staff; `volunteers` is denied to everyone but staff (Staff), and staff of another
# tenant may not filter by the owning tenant (the resolver's error).
HANDED_BACK: Final = {("Q4", p) for p in PRINCIPALS if p != "staff"}


@pytest.mark.parametrize("name", list(COMPILED))
def test_a_document_answers_the_same_bytes_compiled_or_not(pair: Pair, name: str) -> None:
    document = pair.documents[name]
    differences = []
    for variables in document.variable_sets:
        for principal in PRINCIPALS:
            for locale in LOCALES:
                reference, compiled = pair.ask(document, variables, principal, locale)
                where = f"{name} {variables} as {principal} in {locale}"
                if reference.body != compiled.body:
                    differences.append(f"{where}:\n  {reference.body[:300]!r}\n"
                                       f"  {compiled.body[:300]!r}")
                if compiled.statements > reference.statements:
                    differences.append(f"{where}: {compiled.statements} statements, "
                                       f"{reference.statements} for the reference")
                assert reference.runs == 0
                back = (name, principal) in HANDED_BACK
                assert compiled.runs == (1 if COMPILED[name] and not back else 0), where
                assert compiled.fallbacks == (1 if back else 0), (
                    where, pair.compiled.status(document.id))
    assert not differences, "\n".join(differences)
    status = pair.compiled.status(document.id)
    assert status is not None
    assert status.compiled is COMPILED[name], status
    assert status.reason == WHY_NOT.get(name), status
    assert pair.reference.status(document.id) is None  # `off` never plans
