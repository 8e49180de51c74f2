"""Digests of source text: a translation made from an older source is stale."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable


def text_digest(values: Iterable[str | None]) -> str:
    h = hashlib.sha256()
    for value in values:
        h.update((value or "").encode("utf-8"))
        h.update(b"\x1f")
    return h.hexdigest()
