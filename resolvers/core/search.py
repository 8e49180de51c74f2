"""Words a caller searches for: one length cap and one LIKE pattern for every list."""

from __future__ import annotations

MAX_SEARCH_LENGTH = 200


def like_pattern(text: str) -> str:
    """`%text%` with LIKE's wildcards in `text` escaped (use with `escape="\\\\"`)."""
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
