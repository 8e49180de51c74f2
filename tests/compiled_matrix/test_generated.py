"""The property: any query document generated over the hub's schema (hypothesis-graphql, as
tests/fuzz generates them), pushed as a trusted document and run by its id, answers the same
through the standard executor and through the compiled hub, byte for byte, with no more SQL
statements. A document the registry refuses (a hub limit, a value the schema rejects) cannot
be trusted: it runs as an ad-hoc document on both hubs, and never through a plan.

Derandomized and bounded (tests/fuzz/budget.py: FUZZ_EXAMPLES and FUZZ_SEED for a longer
run by hand); a failure prints the document.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

import graphql
import orjson
import pytest
from hypothesis import given
from hypothesis import strategies as st

from hub.documents.registry import Check
from hub.entry.documents import schema_check
from tests.compiled_matrix.conftest import PRINCIPALS, Matrix
from tests.compiled_matrix.documents import push_text
from tests.compiled_matrix.pair import Answer, Call, differences
from tests.fuzz.budget import bounded
from tests.fuzz.generated import hub_schema, query_documents

EXAMPLES: Final = 40  # per backend
LOCALES: Final = ("ar", "en", "fr", "ar-DZ")


@dataclass
class Seen:
    trusted: int = 0  # documents pushed and run by id
    adhoc: int = 0  # refused by the registry's check: run by text
    reached: int = 0  # answers with data
    compiled: int = 0  # answered by a plan


@pytest.fixture(scope="module")
def schema(matrix: Matrix) -> graphql.GraphQLSchema:
    return hub_schema(matrix.database.settings)


@pytest.fixture(scope="module")
def check(matrix: Matrix) -> Check:
    return schema_check(matrix.database.settings)


def test_generated_documents_answer_the_same(matrix: Matrix, schema: graphql.GraphQLSchema,
                                             check: Check) -> None:
    pair, seen = matrix.pair, Seen()

    @bounded(EXAMPLES)
    @given(document=query_documents(schema), principal=st.sampled_from(sorted(PRINCIPALS)),
           locale=st.sampled_from(LOCALES))
    def same(document: str, principal: str, locale: str) -> None:
        headers = {**matrix.headers[principal], "Accept-Language": locale}
        answers: tuple[Answer, Answer]
        if check(document) is None:
            document_id = push_text(matrix.database.settings, document, check)
            answers = pair.ask(Call(document_id, {}, headers))
            seen.trusted += 1
        else:
            request_id = pair.request_id()
            answers = (pair.reference.send_text(document, headers, request_id),
                       pair.compiled.send_text(document, headers, request_id))
            seen.adhoc += 1
            assert answers[1].runs == 0, f"an ad-hoc document ran through a plan:\n{document}"
        reference, compiled = answers
        found = differences(reference, compiled)
        assert not found, f"{principal}, {locale}:\n{document}\n" + "\n".join(found)
        assert compiled.statements <= reference.statements, (
            f"{compiled.statements} statements compiled, {reference.statements} on the "
            f"standard path:\n{document}")
        seen.compiled += compiled.runs
        seen.reached += orjson.loads(reference.body).get("data") is not None

    same()
    # Not hollow: most documents ran by id, and answered data.
    assert seen.trusted >= EXAMPLES // 2, seen
    assert seen.reached >= EXAMPLES // 4, seen
