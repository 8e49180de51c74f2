"""Bad input gets a clear message and a stable code, never a stack trace."""

from __future__ import annotations

from typing import Any

import pytest

from hub.ids import encode_id
from tests.conftest import HubClient
from tests.queries import OPPORTUNITY_PAGE


def single_error(body: dict[str, Any]) -> dict[str, Any]:
    assert len(body["errors"]) == 1, body["errors"]
    error: dict[str, Any] = body["errors"][0]
    text = str(error)
    assert "Traceback" not in text and 'File "' not in text and "exception" not in str(
        error.get("extensions", {}))
    return error


def test_first_above_the_cap(client: HubClient) -> None:
    error = single_error(client.post(OPPORTUNITY_PAGE, {"first": 1000}))
    assert error["extensions"]["code"] == "BAD_USER_INPUT"
    assert "at most 100" in error["message"]
    assert error["path"] == ["opportunities"]


def test_negative_first(client: HubClient) -> None:
    error = single_error(client.post(OPPORTUNITY_PAGE, {"first": -1}))
    assert error["extensions"]["code"] == "BAD_USER_INPUT"


@pytest.mark.parametrize("cursor", [
    "not-a-cursor", "!!!", "", encode_id("Opportunity", 3),
    # a news cursor given to the opportunities list
    "WyJOZXdzSXRlbSIsIjIwMjYtMTEtMDFUMDA6MDA6MDArMDA6MDAiLDFd",
    # the right kind with a value of the wrong type
    "WyJPcHBvcnR1bml0eSIsInRleHQiXQ",
])
def test_malformed_cursor(client: HubClient, cursor: str) -> None:
    body = client.post(OPPORTUNITY_PAGE, {"first": 5, "after": cursor})
    if cursor == "":
        # An empty cursor means "from the start".
        assert "errors" not in body
        return
    error = single_error(body)
    assert error["extensions"]["code"] == "BAD_USER_INPUT"
    assert "cursor" in error["message"]


def test_unknown_enum_value(client: HubClient) -> None:
    body = client.post(OPPORTUNITY_PAGE, {"first": 5, "filter": {"formats": ["TELEPATHIC"]}})
    error = single_error(body)
    assert error["extensions"]["code"] == "BAD_USER_INPUT"
    assert "TELEPATHIC" in error["message"]
    inline = client.post("{ opportunities(filter: {formats: [TELEPATHIC]}) { totalCount } }")
    assert single_error(inline)["extensions"]["code"] == "BAD_USER_INPUT"


def test_unknown_tenant_slug_in_filter(client: HubClient) -> None:
    body = client.post(OPPORTUNITY_PAGE, {"first": 5, "filter": {"tenants": ["atlantis"]}})
    error = single_error(body)
    assert error["extensions"]["code"] == "BAD_USER_INPUT"
    assert "atlantis" in error["message"]
    news = client.post('{ news(tenants: ["atlantis"]) { totalCount } }')
    assert single_error(news)["extensions"]["code"] == "BAD_USER_INPUT"


def test_malformed_ids(client: HubClient) -> None:
    for query in ('{ opportunity(id: "nope") { id } }', '{ node(id: "%%%") { id } }'):
        error = single_error(client.post(query))
        assert error["extensions"]["code"] == "BAD_USER_INPUT"
    wrong_type = '{ opportunity(id: "' + encode_id("NewsItem", 1) + '") { id } }'
    assert single_error(client.post(wrong_type))["extensions"]["code"] == "BAD_USER_INPUT"


def test_syntax_error_is_bad_input(client: HubClient) -> None:
    error = single_error(client.post("{ tenants { slug "))
    assert error["extensions"]["code"] == "BAD_USER_INPUT"
    assert "Syntax Error" in error["message"]


def test_unknown_field_is_bad_input_not_masked(client: HubClient) -> None:
    error = single_error(client.post("{ opportunities { edges { node { titel } } } }"))
    assert error["extensions"]["code"] == "BAD_USER_INPUT"
    assert "titel" in error["message"]


def test_naive_datetime_filter(client: HubClient) -> None:
    body = client.post(OPPORTUNITY_PAGE, {"first": 5,
                                          "filter": {"startsAfter": "2026-11-01T00:00:00"}})
    assert single_error(body)["extensions"]["code"] == "BAD_USER_INPUT"


def test_too_deep_query(client: HubClient) -> None:
    deep = "{ tenants " + "{ parent " * 12 + "{ slug }" + " }" * 12 + " }"
    error = single_error(client.post(deep))
    assert error["extensions"]["code"] == "QUERY_TOO_COMPLEX"


def test_error_list_is_capped(client: HubClient) -> None:
    query = "{ tenants { slug " + " ".join(f"f{i}" for i in range(60)) + " } }"
    body = client.post(query)
    assert len(body["errors"]) <= 21


def test_validation_is_cached_across_requests(client: HubClient,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    import strawberry.schema.schema as strawberry_schema

    calls: list[object] = []
    original = strawberry_schema.validate

    def counting(*args: object, **kwargs: object) -> object:
        calls.append(args)
        return original(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(strawberry_schema, "validate", counting)
    query = "{ tenants { slug } __typename }"
    for _ in range(5):
        client.data(query)
    assert len(calls) <= 1, "the same document was validated again"
