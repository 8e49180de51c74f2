"""graphql-core's syntax and validation errors in the caller's language, the English original
in `extensions.detail`, on both databases."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

import pytest
from babel.lists import format_list
from graphql import GraphQLError
from starlette.testclient import TestClient

from hub.entry.app import create_app
from hub.i18n import message
from hub.i18n import messages as msg
from hub.i18n.markers import Plural
from schema.core.document_errors import TEMPLATES, explain
from tests.conftest import Database, HubClient
from tests.queries import OPPORTUNITY_PAGE

ARABIC = re.compile("[\u0621-\u064a]")
LANGUAGES = ("ar", "fr")


def only_error(body: dict[str, Any]) -> dict[str, Any]:
    assert body.get("data") is None, body
    assert len(body["errors"]) == 1, body["errors"]
    error: dict[str, Any] = body["errors"][0]
    assert "Traceback" not in str(body) and 'File "' not in str(body)
    return error


def assert_localized(error: dict[str, Any], language: str, msgid: str | Plural,
                     **params: object) -> None:
    """The message is ours, in `language` (real Arabic or French, not the English)."""
    assert error["message"].startswith(message(language, msgid, **params)), error
    english = message("en", msgid, **params)
    if language == "ar":
        assert ARABIC.search(error["message"]), error["message"]
    assert not error["message"].startswith(english), error["message"]


# (query, variables, msgid, params, a piece of graphql-core's English in the detail)
CASES: list[tuple[str, dict[str, Any] | None, str | Plural, dict[str, object], str]] = [
    ("{ opportunities { edges { node { titel } } } }", None, msg.UNKNOWN_FIELD,
     {"field": "titel", "type": "Opportunity"}, "Cannot query field 'titel'"),
    ("{ opportunities(first: \"five\") { totalCount } }", None, msg.INVALID_VALUE,
     {"value": '"five"', "type": "Int"}, "Int cannot represent non-integer value"),
    ("{ opportunities(first: 99999999999) { totalCount } }", None, msg.INVALID_VALUE,
     {"value": "99999999999", "type": "Int"}, "non 32-bit signed integer"),
    ("{ opportunities(filter: {formats: [TELEPATHIC]}) { totalCount } }", None,
     msg.UNKNOWN_ENUM_VALUE, {"value": "TELEPATHIC", "type": "OpportunityFormat"},
     "does not exist in 'OpportunityFormat' enum"),
    ("{ tenants { slug ", None, msg.SYNTAX_ERROR, {"line": 1, "column": 18},
     "Syntax Error: Expected Name, found <EOF>."),
    ("{ opportunities(frist: 3) { totalCount } }", None, msg.UNKNOWN_ARGUMENT,
     {"argument": "frist", "owner": "Query.opportunities"}, "Unknown argument 'frist'"),
    ("{ opportunity { id } }", None, msg.MISSING_ARGUMENT,
     {"argument": "id", "owner": "Query.opportunity", "type": "ID!"},
     "is required, but it was not provided"),
    ("{ tenants }", None, msg.NEEDS_SELECTION, {"field": "tenants", "type": "[Tenant!]!"},
     "must have a selection of subfields"),
    ("{ tenants { slug { x } } }", None, msg.LEAF_WITH_SELECTION,
     {"field": "slug", "type": "String!"}, "must not have a selection"),
    ("query($f: Int) { tenants { slug } }", None, msg.VARIABLE_UNUSED, {"variable": "f"},
     "Variable '$f' is never used"),
    ("query { opportunities(first: $n) { totalCount } }", None, msg.VARIABLE_UNDEFINED,
     {"variable": "n"}, "Variable '$n' is not defined"),
    ("query($n: String) { opportunities(first: $n) { totalCount } }", None,
     msg.VARIABLE_TYPE_MISMATCH, {"variable": "n", "given": "String", "expected": "Int"},
     "used in position expecting type 'Int'"),
    ("query($n: Int!) { opportunities(first: $n) { totalCount } }", {}, msg.VARIABLE_MISSING,
     {"variable": "n", "type": "Int!"}, "non-null type 'Int!' to be provided"),
    ("query($f: Nope) { opportunities(filter: $f) { totalCount } }", None, msg.UNKNOWN_TYPE,
     {"type": "Nope"},
     "Unknown type 'Nope'"),
    ("{ ...Missing }", None, msg.UNKNOWN_FRAGMENT, {"fragment": "Missing"},
     "Unknown fragment 'Missing'"),
    ("{ tenants { slug } } fragment Unused on Tenant { slug }", None, msg.UNUSED_FRAGMENT,
     {"fragment": "Unused"}, "Fragment 'Unused' is never used"),
    ("{ tenants { ...T } } fragment T on Tenant { parent { ...T } }", None,
     msg.FRAGMENT_CYCLE, {"fragment": "T"}, "Cannot spread fragment 'T' within itself"),
    ("{ tenants { ... on Opportunity { id } } }", None, msg.FRAGMENT_TYPE_MISMATCH,
     {"parent": "Tenant", "type": "Opportunity"}, "can never be of type 'Opportunity'"),
    ("{ tenants { slug @nope } }", None, msg.UNKNOWN_DIRECTIVE, {"directive": "nope"},
     "Unknown directive '@nope'"),
    ("{ tenants { slug: name } tenants { slug } }", None, msg.FIELD_CONFLICT,
     {"name": "tenants"}, "conflict because"),
    ("query A { tenants { slug } } query A { tenants { name } }", None,
     msg.DUPLICATE_OPERATION, {"operation": "A"}, "only one operation named 'A'"),
    ("{ tenants { slug } } query B { tenants { name } }", None,
     msg.LONE_ANONYMOUS_OPERATION, {}, "anonymous operation must be the only"),
    ("{ opportunities(filter: {colour: \"red\"}) { totalCount } }", None,
     msg.UNKNOWN_INPUT_FIELD, {"field": "colour", "type": "OpportunityFilter"},
     "not to include unknown field 'colour'"),
    ("{ events(from: \"yesterday\") { totalCount } }", None, msg.INVALID_VALUE,
     {"value": '"yesterday"', "type": "DateTime"}, "Value cannot represent a DateTime"),
    ("{ tenants " + "{ parent " * 6 + "{ slug }" + " }" * 6 + " }", None,
     msg.QUERY_TOO_DEEP, {"count": 6}, "exceeds the maximum operation depth of 6"),
]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(("query", "variables", "msgid", "params", "english"), CASES,
                         ids=[c[2] if isinstance(c[2], str) else c[2].singular for c in CASES])
def test_document_errors_speak_the_callers_language(
        client: HubClient, language: str, query: str, variables: dict[str, Any] | None,
        msgid: str | Plural, params: dict[str, object], english: str) -> None:
    body = client.post(query, variables, headers={"Accept-Language": language})
    error = only_error(body)
    code = "QUERY_TOO_COMPLEX" if msgid == msg.QUERY_TOO_DEEP else "BAD_USER_INPUT"
    assert error["extensions"]["code"] == code
    assert_localized(error, language, msgid, **params)
    assert english in error["extensions"]["detail"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_did_you_mean_is_localized(client: HubClient, language: str) -> None:
    error = only_error(client.post("{ opportunities { edges { node { titel } } } }",
                                   headers={"Accept-Language": language}))
    suggestion = message(language, msg.DID_YOU_MEAN, suggestions="`title`")
    assert error["message"].endswith(" " + suggestion), error["message"]
    several = only_error(client.post("{ tenants { nameI } }",
                                     headers={"Accept-Language": language}))
    listed = format_list(["`name`", "`nameI18n`"], style="or", locale=language)
    assert several["message"].endswith(" " + message(language, msg.DID_YOU_MEAN,
                                                     suggestions=listed))
    assert ("ou" if language == "fr" else "أو") in listed
    assert several["extensions"]["detail"].endswith("Did you mean 'name' or 'nameI18n'?")


@pytest.mark.parametrize("language", LANGUAGES)
def test_variable_value_errors_name_the_variable_and_the_problem(
        client: HubClient, language: str) -> None:
    body = client.post(OPPORTUNITY_PAGE, {"first": 5, "filter": {"formats": ["TELEPATHIC"]}},
                       headers={"Accept-Language": language})
    error = only_error(body)
    inner = message(language, msg.UNKNOWN_ENUM_VALUE, value="TELEPATHIC",
                    type="OpportunityFormat")
    assert error["message"] == message(language, msg.VARIABLE_INVALID, variable="filter",
                                       problem=inner)
    assert error["extensions"]["detail"].startswith("Variable '$filter' has invalid value")
    assert error["extensions"]["code"] == "BAD_USER_INPUT"


@pytest.mark.parametrize("language", LANGUAGES)
def test_an_unmapped_message_gets_the_generic_one(client: HubClient, language: str) -> None:
    assert explain(GraphQLError("Something graphql-core never said before.")).msgid == \
        msg.INVALID_QUERY
    # graphql-core's introspection depth limit: a message no template maps.
    deep = "{ __schema { types { fields { type { fields { type { fields { name } } } } } } } }"
    error = only_error(client.post(deep, headers={"Accept-Language": language}))
    assert error["extensions"]["code"] == "BAD_USER_INPUT"
    assert_localized(error, language, msg.INVALID_QUERY)
    assert error["extensions"]["detail"] == "Maximum introspection depth exceeded"


def test_english_callers_read_our_english_and_the_original_detail(client: HubClient) -> None:
    error = only_error(client.post("{ tenants { slug ", headers={"Accept-Language": "en"}))
    assert error["message"] == "Syntax Error: the query cannot be read at line 1, column 18."
    assert error["extensions"]["detail"] == "Syntax Error: Expected Name, found <EOF>."


def test_every_template_is_exercised() -> None:
    """A graphql-core upgrade that rewords a message must fail here, not silently fall back
    to the generic message: each template has a real message of graphql-core's that it
    matches (from the cases above or written out below)."""
    extra = [
        "Argument 'first' of required type 'Int!' was not provided.",
        "Argument 'first' has invalid value: Int cannot represent non-integer value: \"x\"",
        "Enum 'OpportunityFormat' cannot represent non-enum value: 3.",
        "Expected value of type 'OpportunityFilter' to include required field 'x', found: {}.",
        "Expected value of non-null type 'Int!' not to be None.",
        "Expected variable '$n' provided to type 'Int!' to provide a runtime value.",
        "Expected value of type 'Int', found: \"x\".",
        "Variable '$n' cannot be non-input type 'Tenant'.",
        "There can be only one variable named '$n'.",
        "Variable values are nested too deeply.",
        "Fragment cannot condition on non composite type 'String'.",
        "Directive '@include' may not be used on FRAGMENT_DEFINITION.",
        "The directive '@include' can only be used once at this location.",
        "There can be only one argument named 'first'.",
        "There can be only one input field named 'tenants'.",
        "There can be only one fragment named 'F'.",
        "The TenantKind definition is not executable.",
        "Syntax Error: Document is nested too deeply. Parsing aborted.",
        "Validation aborted.",
        "Variable '$f' has invalid value at .formats[0]: Value 'X' does not exist in"
        " 'OpportunityFormat' enum.",
    ]
    seen = {explain(GraphQLError(text)).msgid for text in extra}
    for _query, _variables, msgid, _params, _english in CASES:
        seen.add(msgid)
    assert {t.msgid for t in TEMPLATES} - seen == set()
    assert msg.INVALID_QUERY not in {explain(GraphQLError(text)).msgid for text in extra}


@pytest.fixture(scope="module")
def unsuggesting(backend: Database) -> Iterator[TestClient]:
    """The hub with "Did you mean" off, as in production (HUB_FIELD_SUGGESTIONS)."""
    app = create_app(replace(backend.settings, field_suggestions=False))
    with TestClient(app) as http:
        yield http


@pytest.mark.parametrize("language", LANGUAGES)
def test_without_suggestions_messages_stay_localized(unsuggesting: TestClient,
                                                     language: str) -> None:
    cases: list[tuple[str, str | Plural, dict[str, object]]] = [
        ("{ opportunities { edges { node { titel } } } }", msg.UNKNOWN_FIELD,
         {"field": "titel", "type": "Opportunity"}),
        ("{ opportunities(frist: 3) { totalCount } }", msg.UNKNOWN_ARGUMENT,
         {"argument": "frist", "owner": "Query.opportunities"}),
        ("{ opportunities(filter: {formats: [ONSIT]}) { totalCount } }",
         msg.UNKNOWN_ENUM_VALUE, {"value": "ONSIT", "type": "OpportunityFormat"}),
    ]
    for query, msgid, params in cases:
        response = unsuggesting.post("/graphql", json={"query": query},
                                     headers={"Accept-Language": language})
        error = only_error(response.json())
        assert error["message"] == message(language, msgid, **params), error
        assert "Did you mean" not in error["extensions"]["detail"]
        assert "`title`" not in error["message"] and "ONSITE" not in str(error)
