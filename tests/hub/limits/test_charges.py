"""The cost a request is charged: the cost limit's estimate (schema/core/limits.py), with the
page sizes the request's variables give."""

from __future__ import annotations

from typing import Any

import pytest
from graphql import FragmentDefinitionNode, OperationDefinitionNode, parse, validate

from hub.limits import charging
from hub.limits.costs import cost_of, record_cost
from schema import build_schema
from schema.core.charges import operation_cost
from schema.core.limits import DocumentLimits, ExecutionFragments, limits_rule

SCHEMA = build_schema()._schema

PAGE = """query Page($n: Int, $m: Int = 4) {
  opportunities(first: $n) { edges { node { id ...Titles } } }
  more: opportunities(first: $m) { edges { cursor } }
}
fragment Titles on Opportunity { title }"""


def cost(document: str, variables: dict[str, Any] | None = None) -> int:
    parsed = parse(document)
    (operation,) = [d for d in parsed.definitions if isinstance(d, OperationDefinitionNode)]
    fragments = {d.name.value: d for d in parsed.definitions
                 if isinstance(d, FragmentDefinitionNode)}
    return operation_cost(operation, ExecutionFragments(SCHEMA, fragments), variables or {},
                          page_cap=100)


def limit_estimate(document: str) -> int:
    """The cost the validation rule finds, read from its refusal with a limit of 0."""
    errors = validate(SCHEMA, parse(document), [limits_rule(DocumentLimits(max_cost=0))])
    (error,) = [e for e in errors if "estimated cost" in e.message]
    return int(error.message.split("estimated cost of ")[1].split()[0])


@pytest.mark.parametrize("document", [
    "{ opportunities(first: 10) { edges { node { id title } } } }",
    "{ tenants { slug } opportunities { edges { node { id } } } }",
    PAGE,
])
def test_the_charge_is_the_cost_limits_estimate_for_a_literal_document(document: str) -> None:
    # Variables absent and without defaults: `first: $n` counts as the page cap for both.
    literal = document.replace("$m: Int = 4", "$m: Int")
    assert cost(literal) == limit_estimate(literal)


def test_variables_give_the_page_sizes_defaults_included() -> None:
    # 1 + n * (edges + node + id + title = 4), then 1 + m * (edges + cursor = 2)
    assert cost(PAGE, {"n": 5}) == (1 + 5 * 4) + (1 + 4 * 2)
    assert cost(PAGE, {"n": 5, "m": 1}) == (1 + 5 * 4) + (1 + 1 * 2)
    assert cost(PAGE, {"n": 5000, "m": 0}) == (1 + 100 * 4) + 1  # never above the cap
    assert cost(PAGE, {"n": "5"}) == (1 + 100 * 4) + (1 + 4 * 2)  # not a number: the cap


def test_the_cost_reaches_the_request_state_and_is_one_when_nothing_ran() -> None:
    state: dict[str, Any] = {}
    record_cost(40)  # outside a request: nowhere to go, no error
    with charging(state):
        assert cost_of(state) == 1
        record_cost(40)
    assert cost_of(state) == 40 and state["cost"] == 40
