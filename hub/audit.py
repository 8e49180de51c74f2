"""The audit trail: staff reads of personal data and every authenticated mutation.

Events of one request are collected in memory and written in one statement: reads when
the operation ends, mutations inside the mutation's own transaction (so a rolled-back
mutation leaves no event either).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache
from typing import Any, cast

from sqlalchemy import Table, TextClause, bindparam, text
from sqlalchemy.ext.asyncio import AsyncSession

from hub.access import Principal
from hub.db.models import AuditEvent
from hub.db.types import utcnow

FLUSH_ROWS = 500  # 9 parameters per row: far below either database's limit


@dataclass(slots=True)
class AuditLog:
    principal: Principal
    request_id: str
    pending: list[dict[str, Any]] = field(default_factory=list)
    _seen: set[tuple[str, str, str | None]] = field(default_factory=set)

    def record(self, action: str, object_type: str, object_id: str | None, *,
               tenant_id: int | None = None, at: datetime | None = None,
               anonymous: bool = False, **details: Any) -> None:
        """Queue one event. `anonymous`: the event names no subject (an erasure's own
        event: the identity it erases is among what goes)."""
        key = (action, object_type, object_id)
        if key in self._seen and action.startswith("read"):
            return  # one event per object read, however many fields or aliases
        self._seen.add(key)
        self.pending.append({
            "at": at or utcnow(), "request_id": self.request_id,
            "principal_kind": self.principal.kind.value,
            "subject": None if anonymous else self.principal.subject,
            "tenant_id": tenant_id if tenant_id is not None else self.principal.tenant_id,
            "action": action, "object_type": object_type, "object_id": object_id,
            "details": details,
        })

    def take_back(self, mark: int) -> None:
        """Forget the events recorded since `mark` (a discarded compiled run,
        schema/compiled/), and their keys among the reads seen, so that a run after it
        records them again. A read recorded since `mark` was not seen before it; keys of
        other actions are never looked up: the log is as it was at `mark`."""
        for event in self.pending[mark:]:
            self._seen.discard((event["action"], event["object_type"], event["object_id"]))
        del self.pending[mark:]

    async def flush(self, session: AsyncSession) -> int:
        """Write pending events with one multi-row INSERT per `FLUSH_ROWS` events (no
        RETURNING: requests may not read them). Not an executemany: asyncpg runs that as one
        statement per row, 50 on the wire for a page of 50 volunteers."""
        if not self.pending:
            return 0
        rows, self.pending = self.pending, []
        for start in range(0, len(rows), FLUSH_ROWS):
            chunk = rows[start:start + FLUSH_ROWS]
            await session.execute(insert_of(len(chunk)), {
                f"{name}_{i}": row[name] for i, row in enumerate(chunk) for name in COLUMNS})
        return len(rows)


COLUMNS = ("at", "request_id", "principal_kind", "subject", "tenant_id", "action",
           "object_type", "object_id", "details")  # the keys of every pending event


@lru_cache(maxsize=64)
def insert_of(rows: int) -> TextClause:
    """`INSERT INTO audit_event (...) VALUES (...), ...` for `rows` events, with named,
    typed parameters (`action_0`...), made once per number of rows. A text statement, so
    that SQLAlchemy compiles it once: a multi-row `insert().values([...])` has no cache
    key and was compiled at every flush (Q4's page of 50 personal records spent more CPU
    compiling its audit INSERT than reading the rows)."""
    table = cast(Table, AuditEvent.__table__)  # implicit_returning=False: see the model
    values = ", ".join("(" + ", ".join(f":{name}_{i}" for name in COLUMNS) + ")"
                       for i in range(rows))
    return text(f"INSERT INTO {table.name} ({', '.join(COLUMNS)}) VALUES {values}"
                ).bindparams(*(bindparam(f"{name}_{i}", type_=table.c[name].type)
                               for i in range(rows) for name in COLUMNS))
