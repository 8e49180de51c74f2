"""The record keys and noise multipliers of the protection (docs/statistics.md), derived
from the deployment's secret keys (`statistics_secret`, drawn by migration 0010) by integer
arithmetic that SQLite and PostgreSQL compute identically, so that the set-based rebuild,
the incremental rollups and this module's Python mirror always agree.

    mix(x, salt) = ((x mod P) * A + salt + B) mod P, squared, + C, mod P   (P = 2^31 - 1)

- a volunteer's record key, 0-255: mix(volunteer id, VOLUNTEER) mod 256; an application's:
  mix(id, APPLICATION) mod 256, and its completion's mix(id, COMPLETION) mod 256. The cell
  key of a count is the sum of its records' keys mod 256 (the ABS cell key method).
- a volunteer's noise with one tenant: a multiplier 1 ± q/1000, q in 100..250 (10% to 25%,
  never less: noise infusion bounded away from zero, Evans, Zayatz and Slanta 1998), the
  sign and q drawn from mix(volunteer id * 65599 + tenant id, NOISE). Perturbed hundredths
  of hours: cents + sign * round(cents * q / 1000), in integers.

Without the secret nobody can compute a key or a multiplier: the ids are not enough.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import BigInteger, ColumnElement, case, cast, literal, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.sql.elements import Grouping

from hub.db.models.statistics import StatisticsSecret

PRIME = 2**31 - 1
VOLUNTEER, APPLICATION, COMPLETION, NOISE = 11, 23, 37, 53  # the salts of each kind of key
KEYS = 256
Q_LOW, Q_SPAN = 100, 151  # q in 100..250 thousandths
SIGN_BASE = KEYS * Q_SPAN


@dataclass(frozen=True, slots=True)
class Secret:
    multiplier: int
    offset: int
    square_offset: int

    # --- Python -----------------------------------------------------------------------

    def mix(self, x: int, salt: int) -> int:
        h = ((x % PRIME) * self.multiplier + salt + self.offset) % PRIME
        return (h * h + self.square_offset) % PRIME

    def volunteer_key(self, volunteer_id: int) -> int:
        return self.mix(volunteer_id, VOLUNTEER) % KEYS

    def application_key(self, application_id: int) -> int:
        return self.mix(application_id, APPLICATION) % KEYS

    def completion_key(self, application_id: int) -> int:
        return self.mix(application_id, COMPLETION) % KEYS

    def noisy_cents(self, cents: int, volunteer_id: int, tenant_id: int) -> int:
        h = self.mix((volunteer_id % PRIME) * 65599 + tenant_id, NOISE)
        q = Q_LOW + (h // KEYS) % Q_SPAN
        sign = 1 if (h // SIGN_BASE) % 2 == 0 else -1
        return cents + sign * ((cents * q + 500) // 1000)

    # --- SQL --------------------------------------------------------------------------

    def mix_sql(self, x: Any, salt: int) -> ColumnElement[Any]:
        h = (_mod(x, PRIME) * _int(self.multiplier) + _int(salt + self.offset)) % _int(PRIME)
        return (h * h + _int(self.square_offset)) % _int(PRIME)

    def key_sql(self, x: Any, salt: int) -> ColumnElement[Any]:
        return self.mix_sql(x, salt) % _int(KEYS)

    def noisy_cents_sql(self, cents: Any, volunteer_id: Any, tenant_id: Any
                        ) -> ColumnElement[Any]:
        h = self.mix_sql(_mod(volunteer_id, PRIME) * _int(65599) + tenant_id, NOISE)
        q = _int(Q_LOW) + _div(h, KEYS) % _int(Q_SPAN)
        sign = case((_div(h, SIGN_BASE) % _int(2) == 0, _int(1)), else_=_int(-1))
        noisy: ColumnElement[Any] = cents + sign * _div(cents * q + _int(500), 1000)
        return noisy


def _int(value: int) -> ColumnElement[Any]:
    return literal(value, BigInteger)


def _mod(x: Any, n: int) -> ColumnElement[Any]:
    return cast(x, BigInteger) % _int(n)


def _div(x: Any, n: int) -> ColumnElement[Any]:
    """Integer division in both databases (SQLAlchemy's `/` would make it a true one),
    parenthesized whole: a custom operator has no precedence of its own."""
    divided: ColumnElement[Any] = Grouping(Grouping(x).op("/")(_int(n)))
    return divided


_LOADED: dict[str, Secret] = {}  # per database: the keys never change once drawn


async def load_secret(session: AsyncSession, *, fresh: bool = False) -> Secret:
    """The deployment's keys (read as the owner: the request role may not see them), read
    once per database and process: they are drawn by the migration and never change (a
    changed row would make every rollup inconsistent until a rebuild, in every process)."""
    url = session.get_bind().engine.url.render_as_string(hide_password=False)
    if not fresh and url in _LOADED:
        return _LOADED[url]
    s = StatisticsSecret
    row = (await session.execute(select(s.multiplier, s.offset, s.square_offset)
                                 .where(s.id == 1))).one()
    _LOADED[url] = Secret(int(row[0]), int(row[1]), int(row[2]))
    return _LOADED[url]
