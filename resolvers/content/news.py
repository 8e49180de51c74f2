"""Writing news items: an editor creates a draft in their society, edits it, publishes it
(now or scheduled) and archives it with the moves of every editorial record
(resolvers/publishing/statuses.py).

A new item is a DRAFT of the editor's own tenant without `published_at`: it appears in no
news list (they are ordered by publication) until it is published, and only the tenant's
editors can look it up. Its texts follow resolvers/publishing/texts.py: the first language
written is the source; editing the source marks the other languages stale. Tags are
normalized (NFKC, trimmed, inner spaces as one hyphen, case-folded, duplicates dropped) so
that a tag filter finds what an editor typed in any case. `author` is the byline the editor
gives (a staff field): tokens carry no display name to take it from.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from hub.db import models as m
from hub.errors import BadUserInput
from resolvers.content import messages as msg
from resolvers.content.commands import NEWS, Checked, Edit, NewDraft
from resolvers.context import RequestContext
from resolvers.core.writes import Tx, Write
from resolvers.publishing.rules import check_url
from resolvers.publishing.statuses import create_draft, editable, editors_tenant, update_record
from resolvers.publishing.texts import TextEntries, check_texts
from resolvers.publishing.updates import KEEP, Keep, given

MAX_TAGS = 10
MAX_TAG = 40
MAX_AUTHOR = 200
FIELDS: tuple[str, ...] = m.NewsItemTranslation.text_fields


def checked_tags(tags: Sequence[str]) -> list[str]:
    """At most MAX_TAGS distinct tags of at most MAX_TAG characters, normalized."""
    if len(tags) > MAX_TAGS * 3:  # refuse a flood before looking at each one
        raise BadUserInput(msg.TOO_MANY_TAGS, argument="input.tags", count=MAX_TAGS)
    out: list[str] = []
    for raw in tags:
        tag = "-".join(unicodedata.normalize("NFKC", raw).split()).casefold()
        if not tag:
            continue
        if len(tag) > MAX_TAG:
            raise BadUserInput(msg.TAG_TOO_LONG, argument="input.tags", count=MAX_TAG)
        if tag not in out:
            out.append(tag)
    if len(out) > MAX_TAGS:
        raise BadUserInput(msg.TOO_MANY_TAGS, argument="input.tags", count=MAX_TAGS)
    return out


def checked_author(author: str | None) -> str | None:
    name = " ".join((author or "").split()) or None
    if name is not None and len(name) > MAX_AUTHOR:
        raise BadUserInput(msg.AUTHOR_TOO_LONG, argument="input.author", count=MAX_AUTHOR)
    return name


# --- creating ------------------------------------------------------------------------------

@dataclass(frozen=True)
class CreateNewsItem(Write[NewDraft, int]):
    """A draft in the editor's tenant; its id."""

    texts: TextEntries
    tags: tuple[str, ...] = ()
    image_url: str | None = None
    visibility: str = "PUBLIC"
    author: str | None = None

    async def allow(self, ctx: RequestContext) -> NewDraft:
        return NewDraft(editors_tenant(ctx))

    def validate(self, draft: NewDraft) -> NewDraft:
        texts = check_texts(self.texts, FIELDS, creating=True, argument="input.texts")
        columns = {"tags": checked_tags(self.tags),
                   "image_url": check_url(self.image_url, "input.imageUrl"),
                   "visibility": self.visibility, "author_name": checked_author(self.author)}
        return NewDraft(draft.tenant_id, Checked(texts, columns))

    async def apply(self, tx: Tx, draft: NewDraft) -> int:
        assert draft.values is not None
        key = await create_draft(tx, NEWS, draft.tenant_id, draft.values.texts,
                                 **draft.values.columns)
        tx.audit("create_news_item", NEWS.name, NEWS.gid(key), tenant_id=draft.tenant_id,
                 locales=[t.locale for t in draft.values.texts])
        return key


# --- updating ------------------------------------------------------------------------------

@dataclass(frozen=True)
class UpdateNewsItem(Write[Edit, int]):
    """Changes of a news item that is not archived: texts of some languages, and each
    column given (KEEP: unchanged; None clears the image and the author)."""

    key: int
    texts: TextEntries = ()
    tags: tuple[str, ...] | Keep = KEEP
    image_url: str | Keep | None = KEEP
    visibility: str | Keep = KEEP
    author: str | Keep | None = KEEP

    async def allow(self, ctx: RequestContext) -> Edit:
        return Edit(await editable(ctx, NEWS, self.key))

    def validate(self, edit: Edit) -> Edit:
        texts = check_texts(self.texts, FIELDS, creating=False, argument="input.texts")
        columns: dict[str, Any] = {}
        if not isinstance(self.tags, Keep):
            columns["tags"] = checked_tags(self.tags)
        if not isinstance(self.image_url, Keep):
            columns["image_url"] = check_url(self.image_url, "input.imageUrl")
        columns["visibility"] = given(self.visibility, edit.row.visibility)
        if not isinstance(self.author, Keep):
            columns["author_name"] = checked_author(self.author)
        return Edit(edit.row, Checked(texts, columns))

    async def apply(self, tx: Tx, edit: Edit) -> int:
        assert edit.values is not None
        row = edit.row
        await update_record(tx, NEWS, row, edit.values.texts, **edit.values.columns)
        tx.audit("update_news_item", NEWS.name, NEWS.gid(row.id), tenant_id=row.tenant_id,
                 fields=[name for name in ("tags", "image_url", "visibility", "author")
                         if not isinstance(getattr(self, name), Keep)],
                 locales=[t.locale for t in edit.values.texts])
        return int(row.id)
