"""Slices: the per-dimension rollups. The per-tenant sums and the recurrence counts are kept
for everything (slice ALL) and also per value of one dimension (a category, a group, a
place, a format, emergency or not), so that a question grouped or filtered by one dimension
is answered without reading one row per person (reading.py's short road).

A slice's value is text: the category code, the volunteer group ("" unknown), the place as
"DZ:Oran" ("" remote), the format, or Y/N for emergency opportunities."""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from typing import Any

from sqlalchemy import case

from hub.db.models.statistics import StatisticsFact
from resolvers.statistics.metrics import StatisticsDimension

F = StatisticsFact


class Slice(StrEnum):
    ALL = ""
    CATEGORY = "C"
    GROUP = "G"
    REGION = "R"
    FORMAT = "F"
    EMERGENCY = "E"


SLICED = (Slice.CATEGORY, Slice.GROUP, Slice.REGION, Slice.FORMAT, Slice.EMERGENCY)
OF_DIMENSION = {StatisticsDimension.CATEGORY: Slice.CATEGORY,
                StatisticsDimension.GROUP: Slice.GROUP,
                StatisticsDimension.REGION: Slice.REGION}


def region_value(country: str, region: str) -> str:
    return f"{country}:{region}" if country or region else ""


def region_key(value: str) -> tuple[str, str]:
    if not value:
        return ("", "")
    country, _, region = value.partition(":")
    return (country, region)


def value_of(piece: Slice, row: Mapping[str, Any]) -> str:
    """The slice's value of a fact row (a mapping of the fact's columns)."""
    if piece == Slice.CATEGORY:
        return str(row["category_code"])
    if piece == Slice.GROUP:
        return str(row["volunteer_group"])
    if piece == Slice.REGION:
        return region_value(row["country"], row["region"])
    if piece == Slice.FORMAT:
        return str(row["format"])
    if piece == Slice.EMERGENCY:
        return "Y" if row["emergency"] else "N"
    return ""


def value_sql(piece: Slice) -> Any:
    """The same, as an expression over `statistics_fact`."""
    if piece == Slice.CATEGORY:
        return F.category_code
    if piece == Slice.GROUP:
        return F.volunteer_group
    if piece == Slice.REGION:
        return case(((F.country == "") & (F.region == ""), ""),
                    else_=F.country + ":" + F.region)
    if piece == Slice.FORMAT:
        return F.format
    if piece == Slice.EMERGENCY:
        return case((F.emergency, "Y"), else_="N")
    return ""


def key_value(piece: Slice, value: str) -> Any:
    """A slice's value as the cell keys hold it (REGION: the (country, region) pair)."""
    return region_key(value) if piece == Slice.REGION else value
