"""Atom feeds of news, parsed back with feedparser: a society's and the network's, in each
language with links to the others, newest first, only public published due records, with
ETag / Last-Modified and 304 on a conditional GET."""

from __future__ import annotations

from typing import Any

import feedparser
import pytest

from tests.feeds.world import HIDDEN, MARKUP, OTHER, TENANT, FeedWorld

NAMES = {"ar": "الجمعية الولائية للشباب المتطوع بسطيف",
         "fr": "Association de wilaya des jeunes volontaires de Sétif"}


def parsed(world: FeedWorld, path: str, **headers: str) -> Any:
    response = world.http.get(path, headers=headers)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "application/atom+xml; charset=utf-8"
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    return feed


def links(feed: Any) -> dict[tuple[str, str, str | None], str]:
    return {(link["rel"], link["type"], link.get("hreflang")): link["href"]
            for link in feed.feed.links}


def test_a_societys_feed_in_arabic(feeds: FeedWorld) -> None:
    feed = parsed(feeds, f"/tenants/{TENANT}/news.atom?lang=ar")
    base = feeds.base
    assert feed.version == "atom10"
    assert feed.feed.language == "ar"
    assert NAMES["ar"] in feed.feed.title
    assert feed.feed.id == f"{base}/tenants/{TENANT}/news.atom?lang=ar"
    assert links(feed) == {
        ("self", "application/atom+xml", "ar"): f"{base}/tenants/{TENANT}/news.atom?lang=ar",
        ("alternate", "application/atom+xml", "fr"):
            f"{base}/tenants/{TENANT}/news.atom?lang=fr",
        ("alternate", "application/atom+xml", "en"):
            f"{base}/tenants/{TENANT}/news.atom?lang=en",
        ("alternate", "text/html", "ar"): f"{base}/tenants/{TENANT}/news?lang=ar"}
    # Newest first; the item written only in French comes in French and says so.
    order = ["news4", "news3", "news2", "news1", "news0", "french_only", "markup"]
    assert [e.id for e in feed.entries] == [f"{base}/news/{feeds.news[n]}" for n in order]
    assert [e.title for e in feed.entries] == [
        *(feeds.titles[n]["ar"] for n in order[:5]), feeds.titles["french_only"]["fr"],
        MARKUP]  # markup is text: escaped in the XML, the same text parsed back
    assert [e.title_detail.language for e in feed.entries] == ["ar"] * 5 + ["fr", "ar"]
    newest = feed.entries[0]
    assert newest.link == f"{base}/news/{feeds.news['news4']}?lang=ar"
    assert newest.summary == "خبر رقم 4 (summary)"
    assert newest.content[0].value == "خبر رقم 4 (first paragraph)\nخبر رقم 4 (second paragraph)"
    assert newest.author == NAMES["ar"]  # the society, never the staff byline
    assert [t.term for t in newest.tags] == ["youth"]
    published = [e.published_parsed for e in feed.entries]
    assert published == sorted(published, reverse=True)


@pytest.mark.parametrize(("asked", "served"), [("fr", "fr"), ("FR", "fr"), ("ar-DZ", "ar"),
                                               (None, "ar")])
def test_the_feeds_language(feeds: FeedWorld, asked: str | None, served: str) -> None:
    query = f"?lang={asked}" if asked else ""
    feed = parsed(feeds, f"/tenants/{TENANT}/news.atom{query}")
    assert feed.feed.language == served
    assert feed.entries[0].title == feeds.titles["news4"][served]
    assert feed.feed.id.endswith(f"?lang={served}")  # one address per language


def test_the_networks_feed(feeds: FeedWorld) -> None:
    feed = parsed(feeds, "/feeds/news.atom?lang=en")
    base = feeds.base
    assert feed.feed.language == "en"
    ids = [e.id for e in feed.entries]
    assert ids[:2] == [f"{base}/news/{feeds.news['other_tenant']}",
                       f"{base}/news/{feeds.news['news4']}"]
    assert len(ids) == 8
    assert feed.entries[0].author == "Egyptian Red Crescent"
    alternates = {hreflang for rel, _, hreflang in links(feed) if rel == "alternate"}
    assert alternates == {"ar", "fr"}


def test_no_feed_shows_a_hidden_record(feeds: FeedWorld) -> None:
    hidden = [name for name in feeds.news if name.startswith("hidden_")]
    assert len(hidden) == len(HIDDEN) == 5
    for path in (f"/tenants/{TENANT}/news.atom?lang=ar", f"/tenants/{TENANT}/news.atom?lang=fr",
                 f"/tenants/{TENANT}/news.atom?lang=en", "/feeds/news.atom?lang=ar",
                 "/feeds/news.atom?lang=en"):
        # Even a staff member of the tenant asking gets the public feed only.
        body = feeds.http.get(path, headers=staff_headers(feeds)).text
        for name in hidden:
            assert feeds.news[name] not in body
            assert not any(title in body for title in feeds.titles[name].values())
        assert "Staff Byline" not in body


def staff_headers(world: FeedWorld) -> dict[str, str]:
    from hub.auth import DevKey, mint_dev_token

    key = DevKey.load_or_create(world.database.settings.dev_key_file)
    token = mint_dev_token(key, subject="editor", tenant=TENANT, roles=["admin"],
                           volunteer_id=None, federation=False)
    return {"Authorization": f"Bearer {token}"}


def test_conditional_gets(feeds: FeedWorld) -> None:
    path = f"/tenants/{OTHER}/news.atom?lang=ar"
    first = feeds.http.get(path)
    etag, modified = first.headers["etag"], first.headers["last-modified"]
    assert first.headers["cache-control"] == "public, max-age=300"
    assert etag.startswith('"') and modified.endswith(" GMT")
    for conditional in ({"If-None-Match": etag}, {"If-None-Match": f'"x", W/{etag}'},
                        {"If-Modified-Since": modified}):
        again = feeds.http.get(path, headers=conditional)
        assert again.status_code == 304, conditional
        assert again.content == b"" and again.headers["etag"] == etag
    assert feeds.http.get(path, headers={"If-None-Match": '"other"'}).status_code == 200
    assert feeds.http.get(path, headers={"If-Modified-Since": "Sat, 01 Jan 2000 00:00:00 GMT"}
                          ).status_code == 200
    # Another language is another document.
    assert feeds.http.get(f"/tenants/{OTHER}/news.atom?lang=en").headers["etag"] != etag


def test_a_changed_item_changes_the_validators(feeds: FeedWorld) -> None:
    path = f"/tenants/{TENANT}/news.atom?lang=fr"
    before = feeds.http.get(path)
    feeds.touch_news("news0")
    after = feeds.http.get(path, headers={"If-None-Match": before.headers["etag"]})
    assert after.status_code == 200
    assert after.headers["etag"] != before.headers["etag"]
    assert after.headers["last-modified"] != before.headers["last-modified"]


def test_refusals_are_coded(feeds: FeedWorld) -> None:
    unknown = feeds.http.get("/tenants/no-such-society/news.atom",
                             headers={"Accept-Language": "fr"})
    assert unknown.status_code == 404
    [error] = unknown.json()["errors"]
    assert error["extensions"]["code"] == "NOT_FOUND"
    assert "no-such-society" in error["message"] and "organisation" in error["message"]
    language = feeds.http.get(f"/tenants/{TENANT}/news.atom?lang=de")
    assert language.status_code == 400
    [error] = language.json()["errors"]
    assert error["extensions"] == {"code": "BAD_USER_INPUT", "argument": "lang",
                                   "requestId": language.headers["x-request-id"]}
    assert "ar, fr, en" in error["message"]


def test_a_feed_costs_the_same_statements_whatever_its_size(feeds: FeedWorld) -> None:
    prelude = 1 if feeds.backend == "postgresql" else 0
    seven = feeds.statements(f"/tenants/{TENANT}/news.atom?lang=ar")
    one = feeds.statements(f"/tenants/{OTHER}/news.atom?lang=ar")
    eight = feeds.statements("/feeds/news.atom?lang=ar")
    assert seven == one == eight == prelude + 2  # the page, then every item's texts
