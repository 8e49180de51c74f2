"""Words a caller searches for: one length cap for every list's `search`, and a LIKE pattern
for the lists that match substrings (volunteers by name). Records' texts are searched by
full text instead (resolvers/search)."""

from __future__ import annotations

MAX_SEARCH_LENGTH = 200


def like_pattern(text: str) -> str:
    """`%text%` with LIKE's wildcards in `text` escaped (use with `escape="\\\\"`)."""
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
