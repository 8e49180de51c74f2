"""The federation admins' writes of the shared taxonomy: a category or skill created or
relabelled (`SetCategory`, `SetSkill`), retired and restored (`RetireCategory`, ...).

A retired code stays on the records that have it and filters still accept it; no new record
takes it (`resolvers.opportunities.taxonomy.check_active_codes`). Labels are merged per
locale: a given locale's label is replaced, the others kept, an empty one removed.

Labels are read per request from the rows (no process-wide cache), so a change is served
by the next request, in `categories`/`skills` and in every record's `category.label`. The
request's own by-code loader forgets the code after the commit. The tables are shared, not
tenant-owned: PostgreSQL's request role may write them (migration 0003 grants it every
table; none of the taxonomy tables has row security).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from hub.errors import Conflict, NotFound
from resolvers.context import RequestContext
from resolvers.core.writes import Tx, Write
from resolvers.taxonomy import messages as msg
from resolvers.taxonomy.kinds import CATEGORIES, SKILLS, Taxonomy
from resolvers.taxonomy.rules import (
    LabelChanges,
    checked_code,
    checked_labels,
    checked_position,
    federation_admin,
    merged_labels,
)


@dataclass(frozen=True, slots=True)
class TermEdit:
    code: str
    labels: LabelChanges
    position: int | None


@dataclass(frozen=True)
class SetTerm(Write[TermEdit, str]):
    """Create the term `code`, or update its labels (merged) and position; its code."""

    kind: ClassVar[Taxonomy]
    code: str
    labels: tuple[tuple[str, str], ...]
    position: int | None = None

    async def allow(self, ctx: RequestContext) -> TermEdit:
        federation_admin(ctx)
        return TermEdit(self.code, {}, self.position)  # the input is cleaned by `validate`

    def validate(self, target: TermEdit) -> TermEdit:
        """The command's own input, cleaned (the labels' merge with the stored ones, and
        the check that one remains, happen in `apply`, under the row's lock)."""
        return TermEdit(checked_code(self.code, "input.code"),
                        checked_labels(self.labels, "input.labels"),
                        checked_position(self.position, "input.position"))

    async def apply(self, tx: Tx, edit: TermEdit) -> str:
        model = self.kind.model
        row: Any = await tx.session.scalar(
            select(model).where(model.code == edit.code).with_for_update())
        created = row is None
        labels = merged_labels({} if row is None else row.labels, edit.labels, "input.labels")
        if row is None:
            position = edit.position
            if position is None:  # a new term goes last
                last = await tx.session.scalar(select(func.max(model.position)))
                position = 0 if last is None else int(last) + 1
            tx.session.add(model(code=edit.code, labels=labels, position=position, active=True))
            try:
                await tx.session.flush()
            except IntegrityError:  # a concurrent write created the same code first
                raise Conflict(msg.CREATED_MEANWHILE, argument="input.code",
                               code=edit.code) from None
        else:
            row.labels = labels
            if edit.position is not None:
                row.position = edit.position
        tx.audit(f"set_{self.kind.action}", self.kind.name, edit.code, created=created,
                 locales=sorted(edit.labels), position=edit.position)
        tx.changed(self.kind.by_code, edit.code)
        return edit.code


@dataclass(frozen=True)
class SetCategory(SetTerm):
    kind: ClassVar[Taxonomy] = CATEGORIES


@dataclass(frozen=True)
class SetSkill(SetTerm):
    kind: ClassVar[Taxonomy] = SKILLS


@dataclass(frozen=True)
class SetTermActive(Write[str, str]):
    """Retire (active False) or restore (True) the term `code`; its code. Doing it twice
    is no error: the second time changes nothing (and is still audited)."""

    kind: ClassVar[Taxonomy]
    active: ClassVar[bool]
    code: str

    async def allow(self, ctx: RequestContext) -> str:
        federation_admin(ctx)
        return self.code

    def validate(self, target: str) -> str:
        return checked_code(target, "code")

    async def apply(self, tx: Tx, code: str) -> str:
        model = self.kind.model
        row: Any = await tx.session.scalar(
            select(model).where(model.code == code).with_for_update())
        if row is None:
            raise NotFound(self.kind.not_found, argument="code", code=code)
        was_active = bool(row.active)
        row.active = self.active
        verb = "restore" if self.active else "retire"
        tx.audit(f"{verb}_{self.kind.action}", self.kind.name, code,
                 changed=was_active != self.active)
        tx.changed(self.kind.by_code, code)
        return code


@dataclass(frozen=True)
class RetireCategory(SetTermActive):
    kind: ClassVar[Taxonomy] = CATEGORIES
    active: ClassVar[bool] = False


@dataclass(frozen=True)
class RestoreCategory(SetTermActive):
    kind: ClassVar[Taxonomy] = CATEGORIES
    active: ClassVar[bool] = True


@dataclass(frozen=True)
class RetireSkill(SetTermActive):
    kind: ClassVar[Taxonomy] = SKILLS
    active: ClassVar[bool] = False


@dataclass(frozen=True)
class RestoreSkill(SetTermActive):
    kind: ClassVar[Taxonomy] = SKILLS
    active: ClassVar[bool] = True

