"""Lists in order of relevance: the same list (rows, read scope, filters, owner) sorted by
its search's scores, most relevant first, then by id; a keyset over (rank, id) pages it.

A relevance list is made per search: its cursors name the search (a digest of its words
and the caller's languages), so a cursor from another search is refused, not misapplied.
"""

from __future__ import annotations

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
    """`of`, sorted by `search`'s relevance for `entity`'s records."""
    hits = scores(search, entity)
    key = of.model.id
    ordering = Ordering(
        f"{of.ordering.kind}~{search.digest}", (hits.c.rank, key), descending=True,
        joined=Joined(hits, hits.c.record_id == key, (hits.c.rank,)),
    )
    return PageList(f"{of.name}~{search.digest}", of.model, ordering, of.filters, of.owner)
