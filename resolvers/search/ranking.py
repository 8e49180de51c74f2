"""Lists in order of relevance: the same list (rows, read scope, filters, owner) sorted by
its search's scores, most relevant first, then by id; a keyset over (rank, id) pages it.

A relevance list is made per search: its cursors name the search (a digest of its words
and the caller's languages), so a cursor from another search is refused, not misapplied.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from sqlalchemy import ColumnElement

from hub.errors import BadUserInput
from resolvers.core.pages import Joined, Ordering, PageList
from resolvers.search import messages as msg
from resolvers.search.match import scores
from resolvers.search.query import TextSearch

RELEVANCE = "RELEVANCE"


def by_relevance(search: TextSearch | None, order: str | None) -> bool:
    """Whether a list sorts by relevance: when asked (which needs search words) or, with
    no `orderBy`, whenever there is a search."""
    if order == RELEVANCE:
        if search is None:
            raise BadUserInput(msg.RELEVANCE_NEEDS_SEARCH, argument="orderBy")
        return True
    return order is None and search is not None


def ranked(of: PageList, search: TextSearch, entity: str) -> PageList:
    """`of`, sorted by `search`'s relevance for `entity`'s records (its filter values are
    dataclasses with a `search` field)."""
    hits = scores(search, entity)
    key = of.model.id

    def unsearched(spec: Any) -> Sequence[ColumnElement[bool]]:
        # The join keeps only the search's hits: matching them again would cost the
        # search a second time.
        return of.filters(replace(spec, search=None))

    ordering = Ordering(
        f"{of.ordering.kind}~{search.digest}", (hits.c.rank, key), descending=True,
        joined=Joined(hits, hits.c.record_id == key, (hits.c.rank,), unsearched),
    )
    return PageList(f"{of.name}~{search.digest}", of.model, ordering, of.filters, of.owner)
