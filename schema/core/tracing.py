"""OpenTelemetry tracing of operations, when configured (being built)."""

from __future__ import annotations

from typing import Any

from hub.config import Settings


def tracing_extensions(settings: Settings | None) -> list[Any]:
    return []
