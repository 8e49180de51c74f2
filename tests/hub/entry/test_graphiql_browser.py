"""GraphiQL in a real browser, with no network but the hub's own origin.

Starts the hub (dev mode, SQLite, tenants synced) with uvicorn in a subprocess, opens /graphql
in headless Debian Chromium driven by Playwright, runs `{ tenants { slug } }` from the editor
and reads the tenants in the result pane. Every request that leaves the hub's origin is
aborted and recorded; there must be none. With `CI=true` a missing Chromium, Playwright or
GraphiQL files fail the test; elsewhere it is skipped with the reason.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx2 as httpx
import pytest

from tests.conftest import Database
from tests.hub.entry.test_ide import assets_missing, need
from tests.servers import free_port, serving

CHROMIUM = Path(os.environ.get("HUB_TEST_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync"]
QUERY = "{ tenants { slug } }"
SCREENSHOT = os.environ.get("HUB_TEST_SCREENSHOT")  # where to keep a copy of the screenshot


def browser_missing() -> str | None:
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "Python playwright is not installed: run `make install-dev`"
    if not os.access(CHROMIUM, os.X_OK):
        return f"{CHROMIUM} is missing: `make test` installs Debian's chromium (as root)"
    return None


@pytest.fixture
def hub(fresh_backend: Database, tmp_path: Path) -> Iterator[str]:
    """The base URL of a hub serving in dev mode on a free local port."""
    need(assets_missing() or browser_missing())
    port = free_port()
    settings = fresh_backend.settings
    env = {**os.environ, "HUB_MODE": "dev", "HUB_DATABASE_URL": settings.database_url,
           "HUB_DEV_KEY_FILE": str(settings.dev_key_file), "HUB_LOG_LEVEL": "warning"}
    command = [sys.executable, "-m", "hub", "serve", "--port", str(port)]
    with serving(command, port=port, env=env, cwd=tmp_path, log=tmp_path / "serve.log") as base:
        yield base


def test_graphiql_runs_a_query_offline(hub: str, tmp_path: Path) -> None:
    from playwright.sync_api import Request, Route, sync_playwright

    expected = httpx.post(f"{hub}/graphql", json={"query": QUERY}).json()
    assert "errors" not in expected
    slugs = {t["slug"] for t in expected["data"]["tenants"]}
    assert "arco" in slugs and len(slugs) >= 7

    outside: list[str] = []  # every request that tried to leave the hub
    inside: list[str] = []
    problems: list[str] = []  # page errors, console errors, failed hub requests

    def only_the_hub(route: Route, request: Request) -> None:
        if request.url == hub or request.url.startswith(hub + "/"):
            inside.append(request.url)
            route.continue_()
        else:
            outside.append(request.url)
            route.abort("blockedbyclient")

    screenshot = tmp_path / "graphiql.png"
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), headless=True,
                                     args=CHROMIUM_ARGS)
        try:
            context = browser.new_context(viewport={"width": 1280, "height": 800})
            context.route("**/*", only_the_hub)
            page = context.new_page()
            page.on("pageerror", lambda error: problems.append(f"page error: {error}"))
            page.on("console", lambda message: problems.append(
                f"console {message.type}: {message.text}") if message.type == "error" else None)
            page.on("requestfailed", lambda request: problems.append(
                f"failed: {request.url} {request.failure}")
                if request.url.startswith(hub) else None)
            response = page.goto(f"{hub}/graphql", wait_until="load")
            assert response is not None and response.status == 200
            editor = page.locator(".graphiql-query-editor .CodeMirror")
            editor.wait_for(state="visible", timeout=30_000)
            assert "Loading GraphiQL" not in page.inner_text("body")

            # Replace whatever the editor holds with our query, as a user would: select
            # all and type (inserted as text, so the editor's bracket pairing stays out).
            editor.click()
            page.keyboard.press("Control+A")
            page.keyboard.insert_text(QUERY)
            assert _editor_text(page, ".graphiql-query-editor") == QUERY
            page.locator(".graphiql-execute-button").click()

            page.wait_for_function(
                """() => {
                    const pane = document.querySelector(".result-window .CodeMirror");
                    return pane && pane.CodeMirror.getValue().includes('"slug"');
                }""", timeout=30_000)
            result: dict[str, Any] = json.loads(_editor_text(page, ".result-window"))
            page.wait_for_timeout(300)  # let the result paint before the screenshot
            page.screenshot(path=str(screenshot))
            shown = page.locator(".result-window").inner_text()
        finally:
            browser.close()

    assert result["data"] == expected["data"]  # (extensions name the browser's locale)
    assert "arco" in shown  # drawn on screen, not only in the editor's model
    assert outside == [], f"the page tried to leave the hub: {outside}"
    assert problems == []
    assert f"{hub}/graphql" in inside and any("/ide/graphiql.js" in url for url in inside)
    assert screenshot.stat().st_size > 10_000
    if SCREENSHOT:
        Path(SCREENSHOT).write_bytes(screenshot.read_bytes())


def _editor_text(page: Any, container: str) -> str:
    """The text of the CodeMirror editor inside `container` (its model, not the painted lines)."""
    text = page.evaluate(
        "(selector) => document.querySelector(selector + ' .CodeMirror').CodeMirror.getValue()",
        container)
    assert isinstance(text, str)
    return text
