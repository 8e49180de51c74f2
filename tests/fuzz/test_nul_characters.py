"""Found by fuzzing: a string holding U+0000 (NUL) reached the database. PostgreSQL cannot
store or even compare it ("invalid byte sequence for encoding UTF8: 0x00"): the request
failed as INTERNAL_SERVER_ERROR, for anonymous callers too (a category or skill filter);
SQLite stored it silently (a profile's city). The contract: refused before execution as
BAD_USER_INPUT naming the argument, on both databases, in a literal or in a variable
(schema/core/nul_text.py)."""

from __future__ import annotations

from typing import Any, Final

import pytest

from hub.errors import ErrorCode
from tests.conftest import HubClient
from tests.fuzz.answers import check_answer
from tests.fuzz.conftest import Writable

FILTERS: Final = {
    "categories literal": ('{ opportunities(first: 2, filter: {categories: ["\\u0000"]}) '
                           "{ totalCount } }", {}),
    "skills literal": ('{ opportunities(first: 2, filter: {skills: ["a\\u0000"]}) '
                       "{ totalCount } }", {}),
    "categories variable": ("query($c: [String!]) { opportunities(first: 2, "
                            "filter: {categories: $c}) { totalCount } }", {"c": ["\x00"]}),
}
PROFILE: Final = ("mutation($city: String) { updateMyProfile(input: {city: $city}) "
                  "{ city } }", {"city": "Oran\x00"})


def _refused(response_status: int, content: bytes) -> dict[str, Any]:
    body = check_answer(response_status, content)  # no crash, whatever else
    [error] = body["errors"]
    assert error["extensions"]["code"] == ErrorCode.BAD_USER_INPUT.value, error
    assert error["extensions"].get("argument"), error
    return body


@pytest.mark.parametrize("case", sorted(FILTERS))
def test_nul_in_a_filter_is_refused(client: HubClient, case: str) -> None:
    query, variables = FILTERS[case]
    response = client.http.post("/graphql", json={"query": query, "variables": variables},
                                headers={"Accept-Language": "ar"})
    _refused(response.status_code, response.content)


def test_nul_in_a_profile_is_refused(
        writable: Writable) -> None:
    http, principals = writable
    query, variables = PROFILE
    response = http.post("/graphql", json={"query": query, "variables": variables},
                         headers={**principals["self"], "Accept-Language": "fr"})
    _refused(response.status_code, response.content)
