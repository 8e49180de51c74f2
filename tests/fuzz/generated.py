"""Documents generated from the hub's own schema (hypothesis-graphql), with values that reach
past the first check: the custom scalars the generator cannot invent, and ids that decode to
real records as often as to nonsense."""

from __future__ import annotations

import base64
from datetime import UTC
from typing import Final

import graphql
from hypothesis import strategies as st
from hypothesis_graphql import mutations, queries

from hub.config import Settings
from schema import build_schema

# The hub's Node types: a global id is base64url("Type:key"); demo keys are small.
NODE_TYPES: Final = ("Application", "Campaign", "Event", "Inquiry", "NewsItem", "Opportunity",
                     "Organization", "Tenant", "Volunteer", "HoursEntry")


def _string(value: str) -> graphql.StringValueNode:
    return graphql.StringValueNode(value=value)


def _global_id(type_name: str, key: int) -> str:
    return base64.urlsafe_b64encode(f"{type_name}:{key}".encode()).decode().rstrip("=")


_TEXT = st.text(st.characters(min_codepoint=1, exclude_categories=["Cs"]), max_size=12)
IDS: Final = st.one_of(
    st.builds(_global_id, st.sampled_from(NODE_TYPES), st.integers(-1, 40)),
    st.builds(_global_id, _TEXT, st.integers()),
    _TEXT,
    st.sampled_from(["dz-crescent", "eg-crescent", "arco", "0", "-1", "=", "T3Bw"]),
).map(_string)
DATES: Final = st.one_of(
    st.dates().map(lambda d: d.isoformat()), _TEXT, st.just("2026-02-30"),
).map(_string)
DATETIMES: Final = st.one_of(
    st.datetimes(timezones=st.sampled_from([None, UTC]))
    .map(lambda d: d.isoformat()),
    _TEXT, st.just("2026-11-01T25:00:00Z"),
).map(_string)
ENTITIES: Final = st.builds(
    lambda name, key: graphql.ObjectValueNode(fields=(
        graphql.ObjectFieldNode(name=graphql.NameNode(value="__typename"), value=_string(name)),
        graphql.ObjectFieldNode(name=graphql.NameNode(value="id"), value=key),
    )),
    st.sampled_from((*NODE_TYPES, "Nope", "")), IDS,
)
# Strings that have broken parsers, LIKE patterns and search: quotes, wildcards, escapes,
# right-to-left text, combining marks, long runs, U+0000 (which the hub refuses before it
# runs anything: PostgreSQL cannot store it); and anything else.
STRINGS: Final = st.one_of(
    st.text(st.characters(min_codepoint=0, max_codepoint=0xFFFF, exclude_categories=["Cs"]),
            max_size=30),
    st.sampled_from(["", " ", "%", "_", "\\", "' OR 1=1 --", "\"", "اسعاف أولي", "é\u0301",
                     "\u202e", "🙂", "a" * 5000, "dz-crescent", "FIRST_AID", "fr", "ar-DZ",
                     "https://example.org/x", "javascript:alert(1)", "{{7*7}}", "1e309", "x\x00"]),
).map(_string)
CUSTOM_SCALARS: Final = {"String": STRINGS, "ID": IDS, "Date": DATES, "DateTime": DATETIMES,
                         "_Any": ENTITIES, "_FieldSet": _TEXT.map(_string),
                         "link__Import": _TEXT.map(_string)}


def hub_schema(settings: Settings) -> graphql.GraphQLSchema:
    """The graphql-core schema the hub serves (from the code, not the committed SDL)."""
    return build_schema(settings)._schema


def query_documents(schema: graphql.GraphQLSchema) -> st.SearchStrategy[str]:
    """One root field per document, the field drawn first: left to itself the generator
    selects many root fields at once, and one bad value among them refuses the whole
    document before the others run."""
    assert schema.query_type is not None
    return st.sampled_from(sorted(schema.query_type.fields)).flatmap(
        lambda name: queries(schema, fields=[name], custom_scalars=CUSTOM_SCALARS))


def mutation_documents(schema: graphql.GraphQLSchema) -> st.SearchStrategy[str]:
    assert schema.mutation_type is not None
    return st.sampled_from(sorted(schema.mutation_type.fields)).flatmap(
        lambda name: mutations(schema, fields=[name], custom_scalars=CUSTOM_SCALARS))
