"""The registry of trusted documents: push a manifest (all or nothing), find a document by
id for a caller (its API client's own documents first, then the global ones), list, retire.

Usable without HTTP (the CLI pushes, the middleware finds; compiled execution will read the
documents and their stable hashes from here). Every function works in the session it is
given: the caller owns the transaction.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime

from graphql import GraphQLSyntaxError
from sqlalchemy import ColumnElement, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from hub.db.models import TrustedDocument
from hub.db.types import utcnow
from hub.documents.manifests import Manifest, ManifestEntry
from hub.documents.texts import facts_of

# The first problem of a document's text (it does not parse, does not validate against the
# schema or fails one of the hub's limits), or None when it may be trusted. The entry
# layer makes it from the schema; the core knows no schema.
Check = Callable[[str], str | None]
CHUNK = 500  # ids per IN (...) list: under SQLite's limit on bound parameters


@dataclass(frozen=True, slots=True)
class StoredDocument:
    document_id: str
    client_id: int | None  # None: a global document
    sha256: str  # of the normalized text (hub.documents.texts)
    body: str
    operation_name: str | None
    operation_type: str | None
    created_at: datetime | None = None
    retired_at: datetime | None = None

    @property
    def size(self) -> int:
        """An estimate of the bytes it holds in memory (for the lookup cache's bound)."""
        return len(self.body) + len(self.document_id) + 200


@dataclass(slots=True)
class PushReport:
    created: list[str] = field(default_factory=list)
    restored: list[str] = field(default_factory=list)  # retired, pushed again: usable again
    unchanged: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.created or self.restored)


class PushRefused(Exception):
    """Nothing was stored: every problem found, each naming its place in the file."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


async def push(session: AsyncSession, manifest: Manifest, *, client_id: int | None,
               check: Check) -> PushReport:
    """Store the manifest's documents for `client_id` (None: global) if every one of them
    is valid and no id is already taken by another text; otherwise raise `PushRefused`
    and store nothing. Pushing the same manifest again changes nothing."""
    problems = [f"{entry.position}: {problem}" for entry in manifest.entries
                if (problem := _problem(entry, check)) is not None]
    problems += _conflicts_within(manifest.entries)
    existing = await _existing(session, {e.document_id for e in manifest.entries}, client_id)
    for entry in manifest.entries:
        row = existing.get(entry.document_id)
        if row is not None and row.body != entry.body:
            problems.append(f"{entry.position}: this id is already used by another document "
                            f"(pushed {row.created_at:%Y-%m-%d %H:%M}Z); a changed document "
                            "needs a new id")
    if problems:
        raise PushRefused(problems)
    report = PushReport()
    for entry in manifest.entries:
        row = existing.get(entry.document_id)
        if row is None:
            found = facts_of(entry.body)
            row = TrustedDocument(
                document_id=entry.document_id, client_id=client_id, sha256=found.sha256,
                body=entry.body, operation_name=found.operation_name or entry.name,
                operation_type=found.operation_type or entry.operation_type)
            session.add(row)
            existing[entry.document_id] = row
            report.created.append(entry.document_id)
        elif row.retired_at is not None:
            row.retired_at = None
            report.restored.append(entry.document_id)
        elif entry.document_id not in report.created:
            report.unchanged.append(entry.document_id)
    await session.flush()
    return report


def _problem(entry: ManifestEntry, check: Check) -> str | None:
    problem = check(entry.body)
    if problem is not None:
        return problem
    try:
        found = facts_of(entry.body)
    except GraphQLSyntaxError as exc:
        return exc.message
    return None if found.operations else "the document has no operation"


def _conflicts_within(entries: Iterable[ManifestEntry]) -> list[str]:
    first: dict[str, ManifestEntry] = {}
    problems = []
    for entry in entries:
        seen = first.setdefault(entry.document_id, entry)
        if seen.body != entry.body:
            problems.append(f"{entry.position}: the same id as {seen.position}, with "
                            "another text")
    return problems


async def _existing(session: AsyncSession, ids: set[str], client_id: int | None
                    ) -> dict[str, TrustedDocument]:
    found: dict[str, TrustedDocument] = {}
    ordered = sorted(ids)
    for start in range(0, len(ordered), CHUNK):
        rows = await session.scalars(select(TrustedDocument).where(
            _owner(client_id), TrustedDocument.document_id.in_(ordered[start:start + CHUNK])))
        found.update((row.document_id, row) for row in rows)
    return found


def _owner(client_id: int | None) -> ColumnElement[bool]:
    return TrustedDocument.client_id.is_(None) if client_id is None \
        else TrustedDocument.client_id == client_id


async def find(session: AsyncSession, document_id: str, client_id: int | None
               ) -> StoredDocument | None:
    """The document a caller means by `document_id`: its API client's own (when it is one),
    else the global one; never another client's, never a retired one."""
    stmt = select(TrustedDocument).where(TrustedDocument.document_id == document_id,
                                         TrustedDocument.retired_at.is_(None))
    if client_id is None:
        stmt = stmt.where(TrustedDocument.client_id.is_(None))
    else:
        stmt = stmt.where(or_(TrustedDocument.client_id == client_id,
                              TrustedDocument.client_id.is_(None))
                          ).order_by(TrustedDocument.client_id.is_(None))
    row = await session.scalar(stmt.limit(1))
    return _stored(row) if row is not None else None


async def listing(session: AsyncSession, *, client_id: int | None, every_owner: bool,
                  retired: bool = False) -> list[StoredDocument]:
    """Documents of one owner (a client, or global when `client_id` is None), or of every
    owner; the retired ones too when asked."""
    stmt = select(TrustedDocument)
    if not every_owner:
        stmt = stmt.where(_owner(client_id))
    if not retired:
        stmt = stmt.where(TrustedDocument.retired_at.is_(None))
    rows = await session.scalars(stmt.order_by(TrustedDocument.client_id,
                                               TrustedDocument.document_id))
    return [_stored(row) for row in rows]


async def retire(session: AsyncSession, document_id: str, client_id: int | None) -> bool:
    """Stop accepting a document. Its id stays taken by its text (a changed document needs
    a new id, so no cache anywhere can confuse two texts); pushing the same text again
    restores it. False when there is no such document in use."""
    row = await session.scalar(select(TrustedDocument).where(
        _owner(client_id), TrustedDocument.document_id == document_id,
        TrustedDocument.retired_at.is_(None)))
    if row is None:
        return False
    row.retired_at = utcnow()
    await session.flush()
    return True


def _stored(row: TrustedDocument) -> StoredDocument:
    return StoredDocument(row.document_id, row.client_id, row.sha256, row.body,
                          row.operation_name, row.operation_type, row.created_at,
                          row.retired_at)
