"""The widget's script as the hub serves it, and its one trusted document: valid against the
schema, the same in the script and the manifest, and enough for a hub that accepts only
trusted documents once pushed."""

from __future__ import annotations

import asyncio
import dataclasses
import json
import re
from typing import Any

from starlette.testclient import TestClient

from hub.entry.app import create_app
from hub.entry.documents import schema_check
from hub.entry.widget_documents import MANIFEST, news_document, push_widget_documents
from tests.feeds.world import SITE, TENANT, FeedWorld


def test_the_script_is_public_cacheable_code(widgets: FeedWorld) -> None:
    response = widgets.http.get("/widgets/news.js", headers={"Origin": "https://any.example"})
    assert response.status_code == 200
    assert response.headers["content-type"] == "text/javascript; charset=utf-8"
    assert response.headers["access-control-allow-origin"] == "*"
    assert response.headers["cache-control"] == "public, max-age=3600"
    assert response.headers["x-content-type-options"] == "nosniff"
    again = widgets.http.get("/widgets/news.js",
                             headers={"If-None-Match": response.headers["etag"]})
    assert again.status_code == 304
    source = response.text
    document_id, body = news_document()
    assert f"const DOCUMENT_ID = {json.dumps(document_id)};" in source
    assert f"const DOCUMENT = {json.dumps(body)};" in source
    assert "__DOCUMENT" not in source
    assert 'customElements.define("tatawwu-news"' in source
    # API data goes in as text only; no framework, nothing imported.
    assert not re.search(r"innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\(",
                         source)
    assert not re.search(r"^\s*import\b", source, re.MULTILINE)


def test_the_document_is_valid_and_served_as_a_manifest(widgets: FeedWorld) -> None:
    document_id, body = news_document()
    assert document_id.startswith("sha256:")
    assert schema_check(widgets.database.settings)(body) is None
    served = widgets.http.get("/widgets/documents.json")
    assert served.json() == json.loads(MANIFEST.read_text()) == {document_id: body}


def test_the_widgets_request_answers(widgets: FeedWorld) -> None:
    """What the script sends (id and text, `?lang=`, the key, from its site)."""
    answer = widget_request(widgets.http, widgets.keys["site"], limit=3)
    assert answer.status_code == 200
    assert answer.headers["access-control-allow-origin"] == SITE
    tenant = answer.json()["data"]["tenant"]
    assert tenant["slug"] == TENANT
    assert tenant["nameI18n"] == {"value": "الجمعية الولائية للشباب المتطوع بسطيف",
                                  "locale": "ar", "direction": "RTL"}
    titles = [edge["node"]["titleI18n"] for edge in tenant["news"]["edges"]]
    assert titles == [{"value": widgets.titles[n]["ar"], "locale": "ar", "direction": "RTL"}
                      for n in ("news4", "news3", "news2")]


def test_with_trusted_documents_only_it_needs_the_push(widgets: FeedWorld) -> None:
    settings = dataclasses.replace(widgets.database.settings, trusted_documents="only")
    with TestClient(create_app(settings)) as strict:
        # (The hub remembers a miss for a few seconds, per API client: this asks with
        # another key than the one that asks after the push.)
        before = widget_request(strict, widgets.keys["server"], limit=2, origin=None)
        assert before.json()["errors"][0]["extensions"]["code"] == "PERSISTED_QUERY_NOT_FOUND"
        report = asyncio.run(push_widget_documents(settings))
        assert report.created == [news_document()[0]]
        assert asyncio.run(push_widget_documents(settings)).unchanged == [news_document()[0]]
        after = widget_request(strict, widgets.keys["site"], limit=2)
        assert after.status_code == 200, after.text
        assert len(after.json()["data"]["tenant"]["news"]["edges"]) == 2
        adhoc = strict.post("/graphql", json={"query": news_document()[1]},
                            headers={"X-Api-Key": widgets.keys["site"], "Origin": SITE})
        assert adhoc.json()["errors"][0]["extensions"]["code"] == "TRUSTED_DOCUMENTS_ONLY"


def widget_request(http: TestClient, key: str, *, limit: int, origin: str | None = SITE
                   ) -> Any:
    document_id, body = news_document()
    headers = {"X-Api-Key": key, "Content-Type": "application/json"}
    if origin is not None:
        headers["Origin"] = origin
    return http.post("/graphql?lang=ar", json={
        "documentId": document_id, "query": body,
        "variables": {"tenant": TENANT, "first": limit}}, headers=headers)
