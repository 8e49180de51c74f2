"""What every editorial test world shares (opportunities and campaigns, news and events): a
hub over a fresh database (the applications' world: tenants synced, a test category, no
demo data), the documents of the writes, a count of every table an editorial write
touches, and the check that a refused write left all of them as they were."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import func, select

from hub.db import models as m
from tests.applications.world import World, code_of, open_world
from tests.dbtools import fetch

W = TypeVar("W", bound="PublishingWorld")
# A write and the code that refuses it: (document, input, code).
Refusal = tuple[str, dict[str, Any], str]

# Every table an editorial write touches: counted before and after every refusal.
WRITTEN = (m.Opportunity, m.OpportunityTranslation, m.OpportunitySkill, m.Campaign,
           m.CampaignTranslation, m.NewsItem, m.NewsItemTranslation, m.Event,
           m.EventTranslation, m.AuditEvent, m.IdempotencyKey)


def mutation(name: str, input_type: str, fields: str) -> str:
    """The document of the mutation `name`, answering `fields` of the changed record."""
    return f"mutation($input: {input_type}!) {{ {name}(input: $input) {{ {fields} }} }}"


def refusal(body: dict[str, Any]) -> tuple[str, str | None]:
    """The first error's code and argument."""
    assert body.get("errors"), body
    extensions = body["errors"][0]["extensions"]
    return extensions["code"], extensions.get("argument")


class PublishingWorld(World):
    """The applications' world, with what every editorial test checks."""

    def counts(self) -> dict[str, int]:
        """The rows of every table these writes touch, in one statement."""
        counted = fetch(self.database.settings, select(*(
            select(func.count()).select_from(model).scalar_subquery().label(model.__name__)
            for model in WRITTEN)))[0]
        return dict(counted._mapping)

    def refused(self, query: str, variables: dict[str, Any], headers: dict[str, str],
                code: str, argument: str | None = None) -> dict[str, Any]:
        """The request is refused with `code` (and `argument`, when given) and a message,
        and nothing is written; its answer."""
        before = self.counts()
        body = self.call(query, variables, headers)
        assert code_of(body) == code, body
        if argument is not None:
            assert refusal(body)[1] == argument, body
        assert body["errors"][0]["message"]
        assert self.counts() == before
        return body

    def refused_all(self, callers: Iterable[dict[str, str]], writes: Iterable[Refusal]
                    ) -> None:
        """Each write refused to each caller with its code; nothing written."""
        for headers in callers:
            for document, input, code in writes:
                self.refused(document, {"input": input}, headers, code)

    def created_once(self, document: str, input: dict[str, Any], headers: dict[str, str]
                     ) -> dict[str, Any]:
        """A creation sent twice with one client key (`input`'s clientMutationId): the same
        answer, one record of each table more, one audit event; the record."""
        before = self.counts()
        first: dict[str, Any] = next(iter(self.ok(document, {"input": input}, headers).values()))
        after = self.counts()
        again = next(iter(self.ok(document, {"input": input}, headers).values()))
        assert again == first
        assert self.counts() == after and after["AuditEvent"] == before["AuditEvent"] + 1
        return first

    def non_editors(self) -> dict[str, dict[str, str]]:
        """Callers who may write no editorial record: anonymous (in French), a volunteer (in
        Arabic) and a viewer of the society (staff, but no editor)."""
        return {"anonymous": {"Accept-Language": "fr"},
                "volunteer": {**self.volunteer(self.new_volunteer()), "Accept-Language": "ar"},
                "viewer": self.staff("viewer")}

    def audit_actions(self, global_id: str) -> list[str]:
        """The audit events of a record, oldest first."""
        a = m.AuditEvent
        return [r[0] for r in fetch(self.database.settings, select(a.action).where(
            a.object_id == global_id).order_by(a.id))]


def open_publishing_world(kind: type[W], backend: str, folder: Path) -> Iterator[W]:
    """The applications' world for a test module, as a `kind` of editorial world."""
    for opened in open_world(backend, folder):
        opened.__class__ = kind  # the same data, the editorial helpers
        assert isinstance(opened, kind)
        yield opened
