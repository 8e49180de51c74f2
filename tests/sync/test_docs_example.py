"""The batch docs/sync.md shows is a batch the hub takes: created the first time, unchanged
the second."""

from __future__ import annotations

import json
import re
from typing import Any

from tests.paths import ROOT
from tests.sync.world import SyncWorld

GUIDE = ROOT / "docs" / "sync.md"


def example() -> dict[str, Any]:
    text = GUIDE.read_text(encoding="utf-8")
    found = re.search(r"`batch\.json`:\n\n```json\n(.*?)\n```", text, re.S)
    assert found, "docs/sync.md shows batch.json"
    body: dict[str, Any] = json.loads(found.group(1))
    return body


def test_the_guides_batch_is_created_then_unchanged(world: SyncWorld) -> None:
    body = example()
    for outcome in ("CREATED", "UNCHANGED"):
        answer = world.ok(body["query"], body["variables"], world.system())
        results = answer["upsertOpportunities"]["results"]
        assert [r["outcome"] for r in results] == [outcome, outcome], results
    record = world.record("crm-1042")
    assert record is not None and record["status"] == "PUBLISHED"
    assert (record["city"], record["capacity"]) == ("Sétif", 20)
