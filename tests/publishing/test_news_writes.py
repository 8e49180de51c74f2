"""Editors write news: a draft in their own society, its texts per language (the first is the
source; editing it marks translations stale), tags normalized, published now or scheduled,
archived. Refusals: who may not (nothing written), bad input of each kind (localized
BAD_USER_INPUT naming the field, nothing written), moves the status machine forbids."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from hub.db import models as m
from tests.publishing.content_world import (
    ARCHIVE_NEWS,
    CREATE_NEWS,
    OTHER_TENANT,
    PUBLISH_NEWS,
    TENANT,
    UPDATE_NEWS,
    ContentWorld,
    content,
    news_input,
)

__all__ = ["content"]


def test_an_editor_writes_a_draft_then_publishes_and_archives_it(content: ContentWorld
                                                                  ) -> None:
    draft = content.create_news(author="  Amina   Bensalem ", imageUrl="https://x.example/a.png",
                                tags=["  Blood  Drive ", "blood-drive", "EMERGENCY", " "])
    assert draft["status"] == "DRAFT" and draft["publishedAt"] is None
    assert draft["tags"] == ["blood-drive", "emergency"]
    assert draft["author"] == "Amina Bensalem"
    assert draft["title"] == "حملة تبرع بالدم" and draft["visibility"] == "PUBLIC"
    row = content.row(draft["id"])
    assert row.tenant_id == content.tenants[TENANT] and row.status == "DRAFT"

    published = content.publish(draft["id"])
    assert published["status"] == "PUBLISHED"
    moment = datetime.fromisoformat(published["publishedAt"])
    assert abs((moment - datetime.now(UTC)).total_seconds()) < 60
    # Live: it cannot be published again, now or later (the rule of every editorial record);
    # it keeps its place in the news.
    for again in ({"id": draft["id"]},
                  {"id": draft["id"], "publishAt": (datetime.now(UTC) + timedelta(days=1))
                   .isoformat()}):
        content.refused(PUBLISH_NEWS, {"input": again}, content.editor, "CONFLICT")

    archived = content.ok(ARCHIVE_NEWS, {"input": {"id": draft["id"]}},
                          content.staff("admin"))["archiveNewsItem"]
    assert archived["status"] == "ARCHIVED"
    assert archived["publishedAt"] == published["publishedAt"]
    assert content.audit_actions(draft["id"]) == [
        "create_news_item", "publish_news_item", "archive_news_item"]
    # Archived for good: no more moves or edits.
    for document, variables in ((ARCHIVE_NEWS, {"id": draft["id"]}),
                                (PUBLISH_NEWS, {"id": draft["id"]}),
                                (UPDATE_NEWS, {"id": draft["id"], "tags": []})):
        content.refused(document, {"input": variables}, content.editor, "CONFLICT")


def test_texts_source_and_stale_translations(content: ContentWorld) -> None:
    item = content.create_news(texts=[{"locale": "ar", "title": "عنوان", "body": "نص"},
                                      {"locale": "fr", "title": "Titre", "body": "Texte"}])
    fresh = {(t["locale"], t["field"]): t for t in item["translations"]}
    assert fresh[("ar", "title")]["isSource"] and not fresh[("fr", "title")]["isSource"]
    assert not any(t["isStale"] for t in item["translations"])
    # The source changes: French is stale; English, added later with a title, is fresh.
    changed = content.ok(UPDATE_NEWS, {"input": {"id": item["id"], "texts": [
        {"locale": "ar", "body": "نص جديد"}, {"locale": "en", "title": "Title"}]}},
        content.editor)["updateNewsItem"]
    stale = {(t["locale"], t["field"]): t["isStale"] for t in changed["translations"]}
    assert stale[("fr", "title")] and stale[("fr", "body")]
    assert not stale[("ar", "body")] and not stale[("en", "title")]
    assert changed["body"] == "نص جديد"
    # French written again: fresh again. Other fields are unchanged by a texts-only update.
    again = content.ok(UPDATE_NEWS, {"input": {"id": item["id"], "texts": [
        {"locale": "fr", "body": "Texte nouveau"}]}}, content.editor)["updateNewsItem"]
    assert not any(t["isStale"] for t in again["translations"])
    assert again["tags"] == item["tags"] and again["status"] == "DRAFT"
    # Columns: null clears the image and the author; [] removes every tag.
    cleared = content.ok(UPDATE_NEWS, {"input": {"id": item["id"], "tags": [],
                                                 "imageUrl": None, "author": None,
                                                 "visibility": "NETWORK"}},
                         content.editor)["updateNewsItem"]
    assert cleared["tags"] == [] and cleared["imageUrl"] is None
    assert cleared["author"] is None and cleared["visibility"] == "NETWORK"


def test_publishing_can_be_scheduled_and_rescheduled(content: ContentWorld) -> None:
    item = content.create_news()
    later = datetime.now(UTC) + timedelta(days=2)
    scheduled = content.publish(item["id"], later)
    assert scheduled["status"] == "PUBLISHED"
    assert abs((datetime.fromisoformat(scheduled["publishedAt"]) - later).total_seconds()) < 1
    sooner = datetime.now(UTC) + timedelta(hours=3)
    rescheduled = content.publish(item["id"], sooner)
    assert abs((datetime.fromisoformat(rescheduled["publishedAt"]) - sooner
                ).total_seconds()) < 1
    # Published now, without waiting for the schedule.
    now = content.publish(item["id"])
    assert datetime.fromisoformat(now["publishedAt"]) <= datetime.now(UTC)


def test_who_may_not_write_news(content: ContentWorld) -> None:
    mine = content.create_news()
    published = content.create_news()
    content.publish(published["id"])
    content.refused_all(content.non_editors().values(), [
        (CREATE_NEWS, news_input(), "FORBIDDEN"),
        (UPDATE_NEWS, {"id": published["id"], "tags": ["x"]}, "FORBIDDEN"),
        (PUBLISH_NEWS, {"id": mine["id"]}, "FORBIDDEN"),
        (ARCHIVE_NEWS, {"id": published["id"]}, "FORBIDDEN")])
    # Another society's editor: a draft they cannot see is NOT_FOUND; a public one FORBIDDEN.
    other = content.staff("editor", OTHER_TENANT)
    content.refused_all([other], [
        (UPDATE_NEWS, {"id": mine["id"], "tags": ["x"]}, "NOT_FOUND"),
        (PUBLISH_NEWS, {"id": mine["id"]}, "NOT_FOUND"),
        (UPDATE_NEWS, {"id": published["id"], "tags": ["x"]}, "FORBIDDEN"),
        (ARCHIVE_NEWS, {"id": published["id"]}, "FORBIDDEN")])
    assert content.row(mine["id"]).status == "DRAFT"
    assert content.row(published["id"]).tags == ["blood", "emergency"]
    # Their own draft lands in their own society.
    theirs = content.create_news(other)
    assert content.row(theirs["id"]).tenant_id == content.tenants[OTHER_TENANT]


BAD_CREATE = [
    ({"texts": []}, "input.texts"),
    ({"texts": [{"locale": "ar", "body": "بلا عنوان"}]}, "input.texts.title"),
    ({"texts": [{"locale": "xx-invalid-1", "title": "t"}]}, "input.texts.locale"),
    ({"texts": [{"locale": "ar", "title": "a"}, {"locale": "AR", "title": "b"}]},
     "input.texts.locale"),
    ({"texts": [{"locale": "ar", "title": "a", "description": "events only"}]},
     "input.texts.description"),
    ({"texts": [{"locale": "ar", "title": "t" * 301}]}, "input.texts.title"),
    ({"tags": [f"tag{i}" for i in range(11)]}, "input.tags"),
    ({"tags": ["x" * 41]}, "input.tags"),
    ({"imageUrl": "javascript:alert(1)"}, "input.imageUrl"),
    ({"imageUrl": "ftp://example.org/a.png"}, "input.imageUrl"),
    ({"imageUrl": "https://"}, "input.imageUrl"),
    ({"author": "n" * 201}, "input.author"),
    ({"clientMutationId": "k" * 121}, "input.clientMutationId"),
]


@pytest.mark.parametrize(("bad", "argument"), BAD_CREATE)
def test_bad_input_is_refused_in_the_callers_language(
        content: ContentWorld, bad: dict[str, Any], argument: str) -> None:
    content.refused(CREATE_NEWS, {"input": news_input(**bad)},
                    {**content.editor, "Accept-Language": "fr"}, "BAD_USER_INPUT", argument)


def test_bad_updates_and_publications_change_nothing(content: ContentWorld) -> None:
    item = content.create_news()
    arabic = {**content.editor, "Accept-Language": "ar"}
    cases: list[tuple[str, dict[str, Any], tuple[str, str]]] = [
        (UPDATE_NEWS, {"texts": [{"locale": "en", "body": "a new language needs a title"}]},
         ("BAD_USER_INPUT", "input.texts.title")),
        (UPDATE_NEWS, {"texts": [{"locale": "ar", "title": ""}]},
         ("BAD_USER_INPUT", "input.texts.title")),
        (UPDATE_NEWS, {"tags": ["y" * 41]}, ("BAD_USER_INPUT", "input.tags")),
        (UPDATE_NEWS, {"imageUrl": "data:image/png;base64,AAAA"},
         ("BAD_USER_INPUT", "input.imageUrl")),
        (PUBLISH_NEWS, {"publishAt": (datetime.now(UTC) - timedelta(hours=1)).isoformat()},
         ("BAD_USER_INPUT", "input.publishAt")),
        (PUBLISH_NEWS, {"publishAt": "2031-01-01T10:00:00"},
         ("BAD_USER_INPUT", "input.publishAt")),
        (UPDATE_NEWS, {"id": "not-an-id"}, ("BAD_USER_INPUT", "input.id")),
    ]
    for document, variables, (code, argument) in cases:
        content.refused(document, {"input": {"id": item["id"], **variables}}, arabic, code,
                        argument)
    row = content.row(item["id"])
    assert row.status == "DRAFT" and row.tags == ["blood", "emergency"]


def test_a_retry_creates_one_news_item(content: ContentWorld) -> None:
    before = content.count(m.NewsItem)
    first = content.created_once(CREATE_NEWS, news_input(clientMutationId="news-retry-1"),
                                 content.editor)
    assert content.count(m.NewsItem) == before + 1
    assert content.audit_actions(first["id"]) == ["create_news_item"]
    # The same key with another input: CONFLICT, nothing written.
    other = {"input": news_input(tags=["other"], clientMutationId="news-retry-1")}
    content.refused(CREATE_NEWS, other, content.editor, "CONFLICT")
    assert content.count(m.NewsItem) == before + 1
    # Publishing retried: one audit event.
    publish = {"input": {"id": first["id"], "clientMutationId": "publish-retry-1"}}
    content.ok(PUBLISH_NEWS, publish, content.editor)
    content.ok(PUBLISH_NEWS, publish, content.editor)
    assert content.audit_actions(first["id"]) == ["create_news_item", "publish_news_item"]
