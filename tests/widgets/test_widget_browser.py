"""The news widget in a real browser, embedded by a page of another origin.

A hub serves for real (uvicorn in a subprocess, SQLite, HUB_TRUSTED_DOCUMENTS=only with the
widget's document pushed, no HUB_CORS_ORIGINS); a second loopback origin (a tiny static
server on another port) serves a page with `<script type="module" src="{hub}/widgets/
news.js">` and `<tatawwu-news tenant="setif-youth" lang="ar" limit="5" api-key="...">`, the
key made for that page's origin only. Headless Debian Chromium, driven by Playwright, opens
the page; the widget must show the five latest items with the titles GraphQL answers, right
to left, with Arabic dates, without a console error, and nothing may leave the two origins.
With CI=true a missing Chromium or Playwright fails (tests/hub/entry/test_graphiql_browser.py
says why elsewhere it skips).
"""

from __future__ import annotations

import asyncio
import os
import re
import sys
import threading
from collections.abc import Iterator
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import httpx2 as httpx
import pytest

from hub.entry.widget_documents import news_document, push_widget_documents
from tests.conftest import make_database
from tests.feeds.world import NOW, TENANT, Records
from tests.hub.entry.test_graphiql_browser import CHROMIUM, CHROMIUM_ARGS, browser_missing
from tests.hub.entry.test_ide import need
from tests.paths import ROOT
from tests.servers import free_port, serving

ARABIC = re.compile("[\u0621-\u064a]")
SCREENSHOT = os.environ.get("HUB_TEST_WIDGET_SCREENSHOT")  # where to keep a copy
TITLES = ["حملة للتبرع بالدم في سطيف", "تكوين المتطوعين الجدد في الإسعافات الأولية",
          "يوم تحسيسي حول السلامة المرورية", "توزيع قفة رمضان على العائلات المعوزة",
          "تنظيف الشواطئ بمشاركة مئة متطوع", "خبر أقدم لا يظهر في الأداة"]


class Site:
    """The other origin: one page that embeds the widget."""

    def __init__(self, port: int, page: str) -> None:
        body = page.encode()

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                if self.path != "/":
                    self.send_error(404)
                    return
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: Any) -> None:
                pass

        self.port = port
        self.server = ThreadingHTTPServer(("127.0.0.1", self.port), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def origin(self) -> str:
        return f"http://127.0.0.1:{self.port}"


@pytest.fixture
def hub_and_site(tmp_path: Path) -> Iterator[tuple[str, Site, str]]:
    """The hub (it migrates and syncs the tenants as it starts), then its records, the
    widget's document and a key for the page's origin, then the page's server."""
    need(browser_missing())
    database = make_database("sqlite", tmp_path)
    port, site_port = free_port(), free_port()
    env = {**os.environ, "HUB_MODE": "dev", "HUB_DATABASE_URL": database.settings.database_url,
           "HUB_DEV_KEY_FILE": str(database.settings.dev_key_file), "HUB_LOG_LEVEL": "warning",
           "HUB_TRUSTED_DOCUMENTS": "only", "HUB_PUBLIC_URL": f"http://127.0.0.1:{port}",
           "PYTHONPATH": str(ROOT)}
    env.pop("HUB_CORS_ORIGINS", None)
    command = [sys.executable, "-m", "hub", "serve", "--port", str(port)]
    with serving(command, port=port, env=env, cwd=tmp_path, log=tmp_path / "serve.log") as hub:
        records = Records.of(database)
        for n, title in enumerate(TITLES):  # the first is the newest
            records.add_news(f"n{n}", {"ar": title, "fr": f"Nouvelle {n}"},
                             published_at=NOW - timedelta(hours=3 + 24 * n))
        asyncio.run(push_widget_documents(database.settings))
        key = records.new_key([f"http://127.0.0.1:{site_port}"])
        records.close()
        site = Site(site_port, PAGE.format(hub=hub, key=key))
        site.thread.start()
        try:
            yield hub, site, key
        finally:
            site.server.shutdown()
            site.server.server_close()
    database.drop()


PAGE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>A society's site</title>
<link rel="icon" href="data:,">
<script type="module" src="{hub}/widgets/news.js"></script>
<style>body {{ font-family: sans-serif; margin: 2rem; width: 36rem; }}</style>
</head>
<body>
<h1>Latest news</h1>
<tatawwu-news tenant="setif-youth" lang="ar" limit="5" api-key="{key}"></tatawwu-news>
</body>
</html>
"""


def test_a_page_of_another_origin_shows_the_five_latest_items_in_arabic(
        hub_and_site: tuple[str, Site, str], tmp_path: Path) -> None:
    from playwright.sync_api import Request, Route, sync_playwright

    hub, site, key = hub_and_site
    document_id, _ = news_document()
    expected = httpx.post(f"{hub}/graphql?lang=ar", headers={"X-Api-Key": key}, json={
        "documentId": document_id, "variables": {"tenant": TENANT, "first": 5}}).json()
    assert "errors" not in expected, expected
    titles = [e["node"]["titleI18n"]["value"] for e in expected["data"]["tenant"]["news"]["edges"]]
    assert titles == TITLES[:5]

    outside: list[str] = []
    problems: list[str] = []
    asked: list[str] = []

    def only_the_two_origins(route: Route, request: Request) -> None:
        if request.url.startswith((hub + "/", site.origin + "/")):
            asked.append(f"{request.method} {request.url}")
            route.continue_()
        else:
            outside.append(request.url)
            route.abort("blockedbyclient")

    screenshot = tmp_path / "widget.png"
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), headless=True,
                                     args=CHROMIUM_ARGS)
        try:
            context = browser.new_context(viewport={"width": 720, "height": 720},
                                          locale="en-US")
            context.route("**/*", only_the_two_origins)
            page = context.new_page()
            page.on("pageerror", lambda error: problems.append(f"page error: {error}"))
            page.on("console", lambda message: problems.append(
                f"console {message.type}: {message.text}")
                if message.type in ("error", "warning") else None)
            page.on("requestfailed", lambda request: problems.append(
                f"failed: {request.url} {request.failure}"))
            response = page.goto(site.origin + "/", wait_until="load")
            assert response is not None and response.status == 200
            page.wait_for_function(
                """() => {
                    const root = document.querySelector("tatawwu-news")?.shadowRoot;
                    return root && root.querySelectorAll("li").length === 5;
                }""", timeout=15_000)
            shown = page.locator("tatawwu-news li a.title").all_inner_texts()
            dates = page.locator("tatawwu-news li time").all_inner_texts()
            heading = page.locator("tatawwu-news h2").inner_text()
            layout = page.eval_on_selector("tatawwu-news", """(host) => {
                const section = host.shadowRoot.querySelector("section");
                const item = host.shadowRoot.querySelector("li");
                return {host: host.getAttribute("dir"), section: section.dir,
                        lang: section.lang, direction: getComputedStyle(item).direction,
                        textAlign: getComputedStyle(section).textAlign,
                        items: [...host.shadowRoot.querySelectorAll("li")].map(
                            (li) => [li.lang, li.dir])};
            }""")
            page.screenshot(path=str(screenshot))
        finally:
            browser.close()

    assert shown == titles
    assert heading == "الجمعية الولائية للشباب المتطوع بسطيف"
    assert len(dates) == 5 and all(ARABIC.search(d) for d in dates)  # Arabic month names
    assert layout["host"] == layout["section"] == "rtl" and layout["lang"] == "ar"
    assert layout["direction"] == "rtl"
    assert layout["items"] == [["ar", "rtl"]] * 5
    assert problems == [], problems
    assert outside == [], f"the page tried to leave its two origins: {outside}"
    assert f"GET {hub}/widgets/news.js" in asked
    assert f"POST {hub}/graphql?lang=ar" in asked
    assert screenshot.stat().st_size > 5_000
    if SCREENSHOT:
        Path(SCREENSHOT).write_bytes(screenshot.read_bytes())
