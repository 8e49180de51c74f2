"""Edge cursors are written only when a query asks for them (pageInfo's two are eager)."""

from __future__ import annotations

from typing import Any

import pytest

from resolvers.core.pages import Ordering
from tests.conftest import HubClient


def test_cursors_only_when_asked(client: HubClient, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[Any] = []
    original = Ordering.cursor

    def cursor(self: Ordering, row: Any) -> str:
        calls.append(row)
        return original(self, row)

    monkeypatch.setattr(Ordering, "cursor", cursor)
    data = client.data("{ opportunities(first: 20) { edges { node { id } } "
                       "pageInfo { endCursor } } }")
    assert len(data["opportunities"]["edges"]) == 20
    assert len(calls) == 2  # pageInfo's start and end cursors
    calls.clear()
    data = client.data("{ opportunities(first: 20) { edges { cursor node { id } } "
                       "pageInfo { endCursor } } }")
    edges = data["opportunities"]["edges"]
    assert len(calls) == 22 and edges[-1]["cursor"] == data["opportunities"]["pageInfo"][
        "endCursor"]
    after = client.data('query($a: String) { opportunities(first: 1, after: $a) { edges { node '
                        '{ id } } } }', {"a": edges[9]["cursor"]})
    assert after["opportunities"]["edges"][0]["node"]["id"] == edges[10]["node"]["id"]
