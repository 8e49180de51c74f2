"""Which columns of its table each field of a node type reads, so that a page selects only
the columns of the fields a document asks for (resolvers/core/pages.py `page_of`) rather
than whole rows: a page of 100 opportunities decoded 33 columns a row (five of them
timestamps) for the six its nodes read.

Declared by hand next to each type (schema/opportunities/columns.py...), and checked by the
tests, which ask each field alone through a page and compare the answer with whole rows'.
Anything not declared (a new field, a name this map does not know) means the whole row:
forgetting a field costs speed, never an answer. Declaring too few columns for a field
cannot answer a wrong value either: its resolver reads a column the row does not have and
raises (SQLAlchemy `Row`), which the tests see.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache

from sqlalchemy import FromClause

# Distinct selections remembered per process (a few documents page through each type).
SELECTIONS = 512


@dataclass(frozen=True, eq=False, slots=True)
class NodeColumns:
    """The columns a node type's fields read from its row.

    `always`: what the type reads whatever is selected (its id, the tenant its policies and
    texts read). `fields`: per GraphQL field name, the further columns its resolution reads
    (its resolver, its permission classes, a page's prefetch of it)."""

    table: FromClause
    always: frozenset[str]
    fields: Mapping[str, frozenset[str]]

    @classmethod
    def of(cls, table: FromClause, always: Iterable[str],
           fields: Mapping[str, Iterable[str]]) -> NodeColumns:
        """Refuses a name that is not a column of `table` (at import: a typo fails at once)."""
        declared = cls(table, frozenset(always),
                       {name: frozenset(columns) for name, columns in fields.items()})
        known = set(table.c.keys())
        for name, columns in (("always", declared.always), *declared.fields.items()):
            unknown = columns - known
            if unknown:
                raise ValueError(f"{table}: {name} reads no column "
                                 f"{', '.join(sorted(unknown))}")
        return declared

    def columns(self, fields: frozenset[str]) -> frozenset[str] | None:
        """The columns the selected `fields` read; None (the whole row) when one of them is
        not declared."""
        return _columns(self, fields)


@lru_cache(maxsize=SELECTIONS)
def _columns(reads: NodeColumns, fields: frozenset[str]) -> frozenset[str] | None:
    wanted = set(reads.always)
    for name in fields:
        columns = reads.fields.get(name)
        if columns is None:
            return None
        wanted.update(columns)
    return frozenset(wanted)
