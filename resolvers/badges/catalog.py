"""A tenant's recognition (badge rules, levels) as the running hub reads it from the tenant
row, parsed once per row: fields of a page of awards ask for it again and again."""

from __future__ import annotations

from typing import Any
from weakref import WeakKeyDictionary

from tenants.recognition import Recognition

_PARSED: WeakKeyDictionary[Any, tuple[Any, Recognition]] = WeakKeyDictionary()


def recognition_of(tenant: Any) -> Recognition:
    """`Recognition.of(tenant.settings)`, kept while the row (and its settings) lives."""
    kept = _PARSED.get(tenant)
    if kept is not None and kept[0] is tenant.settings:
        return kept[1]
    parsed = Recognition.of(tenant.settings)
    _PARSED[tenant] = (tenant.settings, parsed)
    return parsed
