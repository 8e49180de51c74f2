"""The statistics' rollups: what `statistics` reads instead of the hours entries and
applications themselves (resolvers/statistics, docs/statistics.md).

- `StatisticsFact`: one row per volunteer, tenant, segment (an ISO week cut at the month's
  end: `week` is its first day, `month` the first day of its month) and the opportunity's
  and volunteer's dimensions: verified hours (in hundredths) and their perturbed value,
  applications made and participations completed, with the record keys of the protection.
  Every cell of any question is a sum over these rows; distinct volunteers are counted
  over them, one row per person and cell.
- `StatisticsTenantWeek`: the facts summed per tenant and segment (no person), for
  everything (`dimension` "") and per value of one dimension (a slice: C category, G
  group, R place, F format, E emergency; resolvers/statistics/slices.py): the sums of the
  questions that filter and group by tenant, time and at most one dimension.
- `StatisticsRecurrence`: for distinct volunteers over any run of months (or segments)
  without reading one row per person: how many volunteers were active in `unit` whose
  previous active unit (in the same scope: one tenant, or all of them when
  `scope_tenant_id` is 0, and the same slice) was `previous_unit` (`NO_PREVIOUS` when
  none). The volunteers of the units from a to b are those of rows with a <= unit <= b and
  previous_unit < a. Slices are kept by month only (segments: everything only).
- `StatisticsSecret`: the deployment's keys of the record keys and of the volunteers'
  noise multipliers (one row, drawn at random by migration 0010).

All four are the hub's own: the request role has no privilege on them (PostgreSQL); the
statistics resolver decides what the caller may know, then reads them as their owner.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import BigInteger, Boolean, Date, ForeignKey, Index, Integer, SmallInteger, String
from sqlalchemy.orm import Mapped, mapped_column

from hub.db.models.base import Base
from hub.db.types import BigId

NO_PREVIOUS = date(1, 1, 1)  # StatisticsRecurrence.previous_unit of a first activity
ALL_TENANTS = 0  # StatisticsRecurrence.scope_tenant_id counting across every tenant


class StatisticsSecret(Base):
    __tablename__ = "statistics_secret"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    multiplier: Mapped[int] = mapped_column(BigInteger)
    offset: Mapped[int] = mapped_column(BigInteger)
    square_offset: Mapped[int] = mapped_column(BigInteger)


class StatisticsFact(Base):
    __tablename__ = "statistics_fact"
    __table_args__ = (Index(None, "tenant_id", "month", "week"),)

    # The key: a volunteer's rows first (the rollup recomputes one person's rows at a time).
    volunteer_id: Mapped[int] = mapped_column(
        BigId, ForeignKey("volunteer.id", ondelete="CASCADE"), primary_key=True)
    tenant_id: Mapped[int] = mapped_column(
        BigId, ForeignKey("tenant.id", ondelete="RESTRICT"), primary_key=True)
    week: Mapped[date] = mapped_column(Date, primary_key=True)  # the segment's first day
    category_code: Mapped[str] = mapped_column(String(48), primary_key=True)
    volunteer_group: Mapped[str] = mapped_column(String(24), primary_key=True)  # "" unknown
    country: Mapped[str] = mapped_column(String(2), primary_key=True)  # "" remote
    region: Mapped[str] = mapped_column(String(100), primary_key=True)  # "" none
    format: Mapped[str] = mapped_column(String(24), primary_key=True)
    emergency: Mapped[bool] = mapped_column(Boolean, primary_key=True)
    month: Mapped[date] = mapped_column(Date)
    volunteer_key: Mapped[int] = mapped_column(SmallInteger)  # the person's record key, 0-255
    hours_cents: Mapped[int] = mapped_column(BigInteger)  # verified hours x 100
    noisy_cents: Mapped[int] = mapped_column(BigInteger)  # the same, times the person's noise
    entries: Mapped[int] = mapped_column(Integer)
    applications: Mapped[int] = mapped_column(Integer)
    application_key: Mapped[int] = mapped_column(BigInteger)  # sum of the records' keys
    completions: Mapped[int] = mapped_column(Integer)
    completion_key: Mapped[int] = mapped_column(BigInteger)


class StatisticsTenantWeek(Base):
    __tablename__ = "statistics_tenant_week"
    __table_args__ = (Index(None, "tenant_id", "dimension", "month"),)

    tenant_id: Mapped[int] = mapped_column(
        BigId, ForeignKey("tenant.id", ondelete="RESTRICT"), primary_key=True)
    week: Mapped[date] = mapped_column(Date, primary_key=True)
    dimension: Mapped[str] = mapped_column(String(1), primary_key=True)  # "": everything
    value: Mapped[str] = mapped_column(String(120), primary_key=True)
    month: Mapped[date] = mapped_column(Date)
    hours_cents: Mapped[int] = mapped_column(BigInteger)
    noisy_cents: Mapped[int] = mapped_column(BigInteger)
    entries: Mapped[int] = mapped_column(Integer)
    applications: Mapped[int] = mapped_column(Integer)
    application_key: Mapped[int] = mapped_column(BigInteger)
    completions: Mapped[int] = mapped_column(Integer)
    completion_key: Mapped[int] = mapped_column(BigInteger)


class StatisticsRecurrence(Base):
    __tablename__ = "statistics_recurrence"

    scope_tenant_id: Mapped[int] = mapped_column(BigId, primary_key=True)  # 0: all tenants
    unit_kind: Mapped[str] = mapped_column(String(1), primary_key=True)  # M month, W segment
    metric: Mapped[str] = mapped_column(String(1), primary_key=True)  # H hours, A, C
    dimension: Mapped[str] = mapped_column(String(1), primary_key=True)  # "": everything
    value: Mapped[str] = mapped_column(String(120), primary_key=True)
    unit: Mapped[date] = mapped_column(Date, primary_key=True)
    previous_unit: Mapped[date] = mapped_column(Date, primary_key=True)
    volunteers: Mapped[int] = mapped_column(Integer)
    key_sum: Mapped[int] = mapped_column(BigInteger)
