"""The compiled path answers exactly what the standard executor answers: every document the
hub serves by id (the bench's Q1-Q5, the news widget's, the dashboard's), for every
principal kind and three locales, byte for byte, with no more SQL statements; and the
documents that should compile do run compiled. On both databases."""

from __future__ import annotations

from typing import Final

import pytest

from tests.compiled.hubs import LOCALES, PRINCIPALS, Pair

# Which documents run through their compiled plan (the others: the reason, as recorded).
COMPILED: Final = {"Q1": True, "Q2": True, "Q3": True, "Q4": False, "Q5": True,
                   "widget": True, "dashboard": True}
WHY_NOT: Final = {"Q4": "field Query.volunteers is guarded"}


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
                assert compiled.runs == (1 if COMPILED[name] else 0), where
                assert compiled.fallbacks == 0, (where, pair.compiled.status(document.id))
    assert not differences, "\n".join(differences)
    status = pair.compiled.status(document.id)
    assert status is not None
    assert status.compiled is COMPILED[name], status
    assert status.reason == WHY_NOT.get(name), status
    assert pair.reference.status(document.id) is None  # `off` never plans
