"""Direct resolvers (schema/direct_resolvers.py): the hot unguarded fields skip strawberry's
per-call wrapper, and no guarded field ever does."""

from __future__ import annotations

import pytest
from graphql import GraphQLObjectType

from schema.build import build_schema
from schema.core.direct_resolvers import BACKREF, install_direct_resolvers


def _fields() -> list[tuple[str, object, object]]:
    schema = build_schema()._schema
    out = []
    for type_ in schema.type_map.values():
        if isinstance(type_, GraphQLObjectType) and not type_.name.startswith("__"):
            for name, field in type_.fields.items():
                out.append((f"{type_.name}.{name}", field, (field.extensions or {}).get(BACKREF)))
    return out


def _is_direct(graphql_field: object) -> bool:
    resolve = getattr(graphql_field, "resolve", None)
    return resolve is not None and resolve.__module__ == "schema.core.direct_resolvers"


def test_guarded_fields_keep_strawberrys_permission_chain() -> None:
    guarded = [(name, f) for name, f, s in _fields()
               if s is not None and getattr(s, "permission_classes", None)]
    assert len(guarded) >= 10  # the schema's Personal, Staff, SelfOnly... fields
    assert [name for name, f in guarded if _is_direct(f)] == []
    extended = [name for name, f, s in _fields() if s is not None and s.extensions]
    assert {name for name, _ in guarded} <= set(extended)
    assert [name for name, f, s in _fields() if s is not None and s.extensions
            and _is_direct(f)] == []


def test_fields_with_arguments_keep_strawberrys_chain() -> None:
    with_args = [name for name, f, _ in _fields() if getattr(f, "args", None)]
    assert "Query.opportunities" in with_args and "Opportunity.titleI18n" in with_args
    assert [name for name, f, _ in _fields() if getattr(f, "args", None) and _is_direct(f)] \
        == []


def test_hot_page_fields_are_direct() -> None:
    direct = {name for name, f, _ in _fields() if _is_direct(f)}
    assert {"Opportunity.title", "Opportunity.tenant", "Opportunity.organization",
            "Opportunity.startsAtDisplay", "Opportunity.spotsLeft", "Tenant.name",
            "NewsItem.title", "NewsItem.publishedAtDisplay",
            "Volunteer.hoursDisplay"} <= direct
    # Installing twice changes nothing: the decision is per field, once.
    schema = build_schema()
    again = install_direct_resolvers(schema._schema, schema.config.info_class)
    assert set(again) == direct


def test_refused_beside_exception_handlers() -> None:
    """strawberry applies exception handlers inside the wrapper that direct resolvers skip."""
    schema = build_schema()
    with pytest.raises(ValueError, match="exception handlers"):
        install_direct_resolvers(schema._schema, schema.config.info_class, (object(),))
