"""The dashboard in a real browser: headless Debian Chromium driven by Playwright, against a
hub served for real on each backend (tests/dashboard/world.py: demo data, four societies
publishing, HUB_TRUSTED_DOCUMENTS=only).

Every figure the page's tables show must be the `display` the `statistics` query answers,
asked directly over HTTP with the same document, variables, language and token; a section
the caller may not see shows the API's own (localized) refusal. Arabic is laid out right to
left (the page, its tables, the charts' axes); nothing leaves the hub's origin; there is no
console error or warning; screenshots are saved under the test's temporary folder. With
CI=true a missing Chromium, Playwright or chart library fails (world.py).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from hub.dashboard import messages as msg
from hub.entry.dashboard_page import SECTIONS
from hub.i18n import gettext, message
from tests.dashboard.world import PUBLISHING, Dashboard
from tests.hub.entry.test_graphiql_browser import CHROMIUM, CHROMIUM_ARGS

SCREENSHOTS = os.environ.get("HUB_TEST_DASHBOARD_SCREENSHOTS")  # a folder to keep copies in
DASH = "—"
ARABIC_INDIC = re.compile("[٠-٩]")

READ_PAGE = """() => Object.fromEntries([...document.querySelectorAll("section.panel")].map(
  (s) => {
    const cells = (tr) => [...tr.cells].map((c) => c.innerText.trim());
    const canvas = s.querySelector("canvas");
    const chart = canvas && window.Chart ? Chart.getChart(canvas) : undefined;
    const note = s.querySelector(".note");
    const status = s.querySelector(".status");
    return [s.id, {
      state: s.dataset.state,
      rows: [...s.querySelectorAll("tbody tr")].map(cells),
      total: [...s.querySelectorAll("tfoot tr")].map(cells),
      tiles: Object.fromEntries([...s.querySelectorAll("dd[data-metric]")].map(
        (d) => [d.dataset.metric, d.innerText.trim()])),
      note: note && !note.hidden ? note.innerText.trim() : null,
      status: status && !status.hidden ? status.innerText.trim() : null,
      chart: chart ? {labels: chart.data.labels, bars: chart.data.datasets[0].data.length,
                      indexAxis: chart.options.indexAxis,
                      keyReversed: chart.options.scales[
                        chart.options.indexAxis === "y" ? "y" : "x"].reverse,
                      keyPosition: chart.options.scales[
                        chart.options.indexAxis === "y" ? "y" : "x"].position,
                      drawn: canvas.width > 0 && canvas.height > 0} : null,
    }];
  }))"""


class Browser:
    """One Chromium for the module; each visit is a fresh context (its own sessionStorage)
    that may reach the hub only, and records every problem the page reports."""

    def __init__(self, pw: Any) -> None:
        self.chromium = pw.chromium.launch(executable_path=str(CHROMIUM), headless=True,
                                           args=CHROMIUM_ARGS)

    def open(self, hub: str, path: str, *, width: int = 1280, locale: str = "en-US"
             ) -> tuple[Any, list[str]]:
        problems: list[str] = []
        context = self.chromium.new_context(viewport={"width": width, "height": 900},
                                            locale=locale)

        def only_the_hub(route: Any, request: Any) -> None:
            if request.url.startswith(hub + "/"):
                route.continue_()
            else:
                problems.append(f"left the hub: {request.url}")
                route.abort("blockedbyclient")

        context.route("**/*", only_the_hub)
        page = context.new_page()
        page.on("pageerror", lambda error: problems.append(f"page error: {error}"))
        page.on("console", lambda m: problems.append(f"console {m.type}: {m.text}")
                if m.type in ("error", "warning") else None)
        page.on("requestfailed", lambda r: problems.append(f"failed: {r.url} {r.failure}"))
        response = page.goto(hub + path, wait_until="load")
        assert response is not None and response.status == 200, path
        page.wait_for_function("() => document.body.dataset.state === 'ready'",
                               timeout=20_000)
        return page, problems


@pytest.fixture(scope="module")
def browser(served: Dashboard) -> Iterator[Browser]:
    """Started after the hub (Playwright's event loop runs in this thread while it lives:
    the hub's set-up cannot run its own then), and stopped before the next backend's."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = Browser(pw)
        try:
            yield chromium
        finally:
            chromium.chromium.close()


def expected(hub: Dashboard, lang: str, filter_: dict[str, Any], *, network: bool,
             token: str | None = None) -> dict[str, Any]:
    """What each section must show, from the statistics query asked directly."""
    out: dict[str, Any] = {}
    for section in SECTIONS:
        if section.network_only and not network:
            continue
        body = hub.statistics(lang, list(section.metrics), list(section.group_by), filter_,
                              token)
        if "errors" in body:
            out[section.id] = {"state": "failed", "status": body["errors"][0]["message"]}
            continue
        stats = body["data"]["statistics"]

        def shown(values: list[dict[str, Any]], metric: str) -> str:
            found = next(v for v in values if v["metric"] == metric)
            return found["display"] if found["display"] is not None else DASH

        totals = {m: shown(stats["totals"], m) for m in section.metrics}
        rows = [[" · ".join(k["label"] for k in cell["key"]),
                 *(shown(cell["values"], m) for m in section.metrics)]
                for cell in stats["cells"]]
        out[section.id] = {"state": "ready" if rows or section.chart == "tiles" else "empty",
                           "rows": rows, "totals": totals, "stats": stats}
    return out


def assert_page_shows(page: Any, wanted: dict[str, Any], lang: str) -> dict[str, Any]:
    shown: dict[str, Any] = page.evaluate(READ_PAGE)
    assert set(shown) == set(wanted)
    total = gettext(lang, msg.TOTAL)
    for section_id, want in wanted.items():
        got = shown[section_id]
        assert got["state"] == want["state"], (section_id, got)
        if want["state"] == "failed":
            assert got["status"] == want["status"]
            continue
        if section_id == "totals":
            assert got["tiles"] == want["totals"]
            continue
        assert got["rows"] == want["rows"], section_id
        if want["state"] == "empty":
            continue
        metrics = next(s.metrics for s in SECTIONS if s.id == section_id)
        assert got["total"] == [[total, *(want["totals"][m] for m in metrics)]]
        withheld = any(DASH in row for row in want["rows"])
        assert (got["note"] is not None) == withheld, section_id
        if got["chart"] is not None:  # every figure drawn, labelled as the hub labels it
            assert got["chart"]["labels"] == [row[0] for row in want["rows"]]
            assert got["chart"]["bars"] == len(want["rows"]) and got["chart"]["drawn"]
    return shown


def screenshot(page: Any, folder: Path, name: str) -> Path:
    path = folder / name
    page.screenshot(path=str(path), full_page=True)
    assert path.stat().st_size > 20_000
    if SCREENSHOTS:
        Path(SCREENSHOTS).mkdir(parents=True, exist_ok=True)
        (Path(SCREENSHOTS) / f"{folder.name}-{name}").write_bytes(path.read_bytes())
    return path


def test_the_public_dashboard_in_arabic_shows_the_statistics_right_to_left(
        served: Dashboard, browser: Browser, tmp_path: Path) -> None:
    wanted = expected(served, "ar", {}, network=True)
    shown_months = [row for row in wanted["hours-per-month"]["rows"] if row[1] != DASH]
    assert len(shown_months) >= 3  # the data is rich enough to draw
    societies = {cell["key"][0]["value"]
                 for cell in wanted["hours-per-society"]["stats"]["cells"] if not cell["isOther"]}
    assert societies and societies <= set(PUBLISHING)  # only who publishes

    page, problems = browser.open(served.base, "/dashboard?lang=ar", locale="fr-FR")
    try:
        shown = assert_page_shows(page, wanted, "ar")
        layout = page.evaluate("""() => {
            const row = document.querySelector("#by-region tbody tr");
            const box = (el) => el.getBoundingClientRect();
            return {dir: document.documentElement.dir, lang: document.documentElement.lang,
                    direction: getComputedStyle(document.querySelector("main")).direction,
                    labelRight: box(row.cells[0]).left > box(row.cells[1]).left,
                    view: document.getElementById("view").innerText,
                    fragment: location.hash};
        }""")
        screenshot(page, tmp_path, "dashboard-ar.png")
    finally:
        page.context.close()
    assert layout["dir"] == "rtl" and layout["lang"] == "ar" and layout["direction"] == "rtl"
    assert layout["labelRight"]  # the table reads from the right
    assert layout["view"].startswith(gettext("ar", msg.PUBLIC_VIEW))
    assert shown["hours-per-month"]["chart"]["keyReversed"] is True  # months right to left
    assert shown["hours-per-category"]["chart"]["keyPosition"] == "right"
    assert problems == []


def test_one_society_in_its_digits_in_french_and_one_that_does_not_publish(
        served: Dashboard, browser: Browser, tmp_path: Path) -> None:
    # The Saudi society writes Arabic-Indic digits: the page shows the API's, as written.
    saudi = expected(served, "ar", {"tenants": ["sa-crescent"]}, network=False)
    months = [cell["key"][0]["label"] for cell in saudi["hours-per-month"]["stats"]["cells"]
              if not cell["isOther"]]
    assert months and all(ARABIC_INDIC.search(label) for label in months)
    page, problems = browser.open(served.base, "/dashboard?lang=ar&tenant=sa-crescent")
    try:
        assert_page_shows(page, saudi, "ar")
        period = page.locator(".period").inner_text()
    finally:
        page.context.close()
    assert ARABIC_INDIC.search(period) and not re.search("[0-9]", period)
    assert problems == []

    wanted = expected(served, "fr", {"tenants": ["eg-crescent"]}, network=False)
    assert wanted["hours-per-month"]["rows"]
    page, problems = browser.open(served.base, "/dashboard?lang=fr&tenant=eg-crescent")
    try:
        assert_page_shows(page, wanted, "fr")
        assert page.evaluate("document.documentElement.dir") == "ltr"
        assert page.locator("select[name=tenant]").input_value() == "eg-crescent"
        screenshot(page, tmp_path, "dashboard-fr.png")
    finally:
        page.context.close()
    assert problems == []

    closed = expected(served, "fr", {"tenants": ["lb-redcross"]}, network=False)
    assert all(w["state"] == "failed" for w in closed.values())  # FORBIDDEN, in French
    page, problems = browser.open(served.base, "/dashboard?lang=fr&tenant=lb-redcross")
    try:
        assert_page_shows(page, closed, "fr")
    finally:
        page.context.close()
    assert problems == []


def test_signed_in_analyst_sees_the_protected_view_and_staff_their_exact_figures(
        served: Dashboard, browser: Browser, tmp_path: Path) -> None:
    token = served.analyst()
    wanted = expected(served, "en", {}, network=True, token=token)
    withheld = [row for w in wanted.values() if w["state"] == "ready"
                for row in w["rows"] if DASH in row]
    assert withheld, "the demo has small cells: the analyst's view must withhold some"

    page, problems = browser.open(served.base, f"/dashboard?lang=en#token={token}",
                                  width=390)  # a phone
    try:
        shown = assert_page_shows(page, wanted, "en")
        state = page.evaluate("""() => ({fragment: location.hash, href: location.href,
            kept: sessionStorage.getItem("tatawwu.dashboard.token"),
            view: document.getElementById("view").innerText,
            signOut: !document.getElementById("sign-out").hidden,
            wide: document.documentElement.scrollWidth})""")
        screenshot(page, tmp_path, "dashboard-analyst.png")
        note = message("en", msg.SUPPRESSED_NOTE, count=served.database.settings
                       .statistics_min_cell)
        assert note in {s["note"] for s in shown.values()}
        assert "fewer than 5 volunteers" in note

        # Staff of a society sign in with the form: their own society's exact figures.
        staff = served.staff("eg-crescent")
        page.click("#sign-out")
        page.wait_for_function("() => document.body.dataset.state === 'ready' && "
                               "!document.getElementById('sign-in').hidden")
        page.click("#sign-in summary")
        page.fill("#token-form input[name=token]", staff)
        page.click("#token-form button")
        page.wait_for_function("() => document.body.dataset.state === 'ready'")
        exact = expected(served, "en", {}, network=True, token=staff)
        assert not any(DASH in row for w in exact.values() for row in w.get("rows", []))
        assert_page_shows(page, exact, "en")
        staff_view = page.evaluate("document.getElementById('view').innerText")
    finally:
        page.context.close()
    assert state["fragment"] == "" and token not in state["href"] and state["kept"] == token
    assert gettext("en", msg.PROTECTED_VIEW) in state["view"] and state["signOut"]
    assert state["wide"] <= 390  # nothing wider than the phone
    assert gettext("en", msg.EXACT_VIEW) in staff_view
    assert problems == []
