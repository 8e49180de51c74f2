"""The dashboard page as the hub writes it (no browser): its language and direction, its
security headers and the absence of inline code, the settings its script reads, the
societies to choose from, refusals of its own parameters, the period in the page's language
and digits, its assets, and its one trusted document, valid against the schema. On both
backends (the demo hub of the session); the page itself reads nothing from the database."""

from __future__ import annotations

import hashlib
import html
import json
import re
from pathlib import Path
from typing import Any

import pytest

from hub.dashboard import messages as msg
from hub.entry import dashboard
from hub.entry.dashboard_documents import ASSETS, MANIFEST, dashboard_document
from hub.entry.documents import schema_check
from hub.i18n import gettext, message
from hub.i18n import messages as i18n
from tests.conftest import HubClient
from tests.dashboard.world import charts_missing
from tests.hub.entry.test_ide import need


def settings_of(page: str) -> dict[str, Any]:
    found = re.search(r'<script type="application/json" id="dashboard-settings">(.*?)</script>',
                      page, re.DOTALL)
    assert found is not None
    settings: dict[str, Any] = json.loads(found.group(1))
    return settings


def sections_of(page: str) -> list[str]:
    return re.findall(r'<section class="panel [a-z]+" id="([a-z-]+)"', page)


@pytest.mark.parametrize(("query", "accept", "lang", "direction"), [
    ("?lang=ar", "fr", "ar", "rtl"),
    ("", "fr-CA,fr;q=0.9,en;q=0.5", "fr-CA", "ltr"),
    ("?lang=ar-EG", None, "ar-EG", "rtl"),
    ("?lang=de", "de-CH, it", "en", "ltr"),  # no catalog: English
])
def test_the_page_speaks_the_asked_language(client: HubClient, query: str, accept: str | None,
                                            lang: str, direction: str) -> None:
    headers = {"Accept-Language": accept} if accept else {}
    response = client.http.get(f"/dashboard{query}", headers=headers)
    assert response.status_code == 200
    page = response.text
    assert f'<html lang="{lang}" dir="{direction}">' in page
    assert f"<title>{html.escape(gettext(lang, msg.TITLE))}</title>" in page
    settings = settings_of(page)
    assert settings["lang"] == lang
    assert settings["endpoint"] == f"/graphql?lang={lang}"  # the figures in the same language
    assert settings["words"]["total"] == gettext(lang, msg.TOTAL)
    # One link per catalog, each in its own language, keeping the page's parameters.
    assert re.findall(r'hreflang="([a-z]+)"', page) == ["ar", "en", "fr"]


def test_the_page_runs_no_inline_code_and_says_so(client: HubClient) -> None:
    client.counter.statements.clear()
    response = client.http.get("/dashboard?lang=ar")
    assert client.counter.count == 0  # the page is written from memory; the figures come later
    headers = response.headers
    csp = headers["content-security-policy"]
    assert "default-src 'none'" in csp and "script-src 'self';" in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp and "http" not in csp
    assert "connect-src 'self'" in csp and "frame-ancestors 'self'" in csp
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] == "no-referrer"
    assert headers["content-type"] == "text/html; charset=utf-8"
    assert "accept-language" in headers["vary"].lower()
    page = response.text
    scripts = re.findall(r"<script([^>]*)>", page)
    installed = [n for n in ("chart.js", "dashboard.js") if dashboard.ASSETS[n].path.is_file()]
    assert scripts == [' type="application/json" id="dashboard-settings"',
                       *(f' src="{html.escape(dashboard.ASSETS[n].url(n))}" defer'
                         for n in installed)]
    assert not re.search(r"\son[a-z]+=", page)  # no inline event handler
    assert " style=" not in page and "<style" not in page
    assert not re.search(r'(src|href)="(https?:)?//', page)  # nothing from elsewhere


def test_the_sections_and_the_settings_of_the_script(client: HubClient) -> None:
    network = client.http.get("/dashboard?lang=en").text
    assert sections_of(network) == ["totals", "hours-per-month", "hours-per-category",
                                    "hours-per-society", "volunteers-per-group", "by-region"]
    assert 'data-metrics="VERIFIED_HOURS ACTIVE_VOLUNTEERS" data-group-by="REGION"' in network
    settings = settings_of(network)
    assert (settings["documentId"], settings["document"]) == dashboard_document()
    assert settings["filter"] == {}
    assert settings["words"]["suppressed"] == message("en", msg.SUPPRESSED_NOTE, count=5)
    assert '<option value="" selected>All societies</option>' in network
    # Every active society may be chosen, by its name in the page's language.
    assert len(re.findall(r'<option value="[a-z-]+">', network)) >= 8
    assert '<option value="eg-crescent">Egyptian Red Crescent</option>' in network

    one = client.http.get("/dashboard?lang=fr&tenant=eg-crescent&from=2026-01-01"
                          "&to=2026-06-30").text
    assert "hours-per-society" not in sections_of(one)  # one society: no per-society chart
    assert settings_of(one)["filter"] == {"tenants": ["eg-crescent"], "from": "2026-01-01",
                                          "to": "2026-06-30"}
    assert '<option value="eg-crescent" selected>' in one
    # The other languages' links keep the society and the period.
    assert 'href="/dashboard?lang=ar&amp;tenant=eg-crescent&amp;from=2026-01-01&amp;' \
           'to=2026-06-30"' in one


@pytest.mark.parametrize(("query", "period"), [
    ("?lang=en&from=2026-01-01&to=2026-06-30", "January\u2009–\u2009June 2026"),
    ("?lang=en&from=2026-03-15&to=2026-03-20", "March 2026"),
    ("?lang=fr&from=2025-11-01&to=2026-02-28", "novembre 2025\u2009–\u2009février 2026"),
    # A Saudi society writes Arabic-Indic digits; the network view in Arabic, Latin ones.
    ("?lang=ar&tenant=sa-crescent&from=2026-01-01&to=2026-06-30", "يناير – يونيو ٢٠٢٦"),
    ("?lang=ar&from=2026-01-01&to=2026-06-30", "يناير – يونيو 2026"),
])
def test_the_period_in_the_pages_language_and_digits(client: HubClient, query: str,
                                                     period: str) -> None:
    page = client.http.get(f"/dashboard{query}").text
    lang = re.search(r'<html lang="([^"]+)"', page).group(1)  # type: ignore[union-attr]
    assert f'<p class="period">{html.escape(message(lang, msg.PERIOD, period=period))}</p>' \
        in page


def test_the_note_on_withheld_figures_is_in_the_societys_digits(client: HubClient) -> None:
    saudi = settings_of(client.http.get("/dashboard?lang=ar&tenant=sa-crescent").text)
    assert "٥" in saudi["words"]["suppressed"] and "5" not in saudi["words"]["suppressed"]


@pytest.mark.parametrize(("query", "status", "problem"), [
    ("?lang=fr&tenant=nowhere", 404, lambda: message("fr", i18n.UNKNOWN_TENANT,
                                                     slug="nowhere")),
    ("?lang=en&from=2026-13-01", 400, lambda: gettext("en", msg.BAD_DATE)),
    ("?lang=en&from=2026-06-01&to=2026-01-31", 400, None),
])
def test_bad_parameters_are_said_on_the_page(client: HubClient, query: str, status: int,
                                             problem: Any) -> None:
    response = client.http.get(f"/dashboard{query}")
    assert response.status_code == status
    page = response.text
    shown = re.search(r'<p class="problem" role="alert">(.*?)</p>', page)
    assert shown is not None
    if problem is not None:
        assert html.unescape(shown.group(1)) == problem()
    assert sections_of(page) == []  # nothing is asked for a page that is not right
    assert "dashboard.js" in page  # the sign-in and the language links still work


def test_the_assets_are_whitelisted_and_versioned(client: HubClient) -> None:
    need(charts_missing())
    for name, kind in (("chart.js", "javascript"), ("dashboard.js", "javascript"),
                       ("dashboard.css", "css")):
        asset = dashboard.ASSETS[name]
        version = asset.version()
        assert version
        fresh = client.http.get(asset.url(name))
        assert fresh.status_code == 200 and kind in fresh.headers["content-type"]
        assert fresh.headers["cache-control"] == dashboard.CACHE_VERSIONED
        assert fresh.content == asset.path.read_bytes()
        stale = client.http.get(f"/dashboard/assets/{name}?v=old")
        assert stale.headers["cache-control"] == dashboard.CACHE_UNVERSIONED
    assert dashboard.ASSETS["chart.js"].version() == "4.6.1"  # the npm lock's
    for name in ("persisted-documents.json", "chart.umd.js", "..%2Fdashboard.py", "x.js"):
        assert client.http.get(f"/dashboard/assets/{name}").status_code == 404


def test_without_the_chart_library_the_page_says_so_and_keeps_its_tables(
        client: HubClient, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setitem(dashboard.ASSETS, "chart.js",
                        dashboard.Asset(tmp_path / "chart.umd.min.js", "chart.js"))
    page = client.http.get("/dashboard?lang=en").text
    assert f'<p class="charts-missing">{html.escape(gettext("en", msg.CHARTS_MISSING))}</p>' \
        in page
    assert "/dashboard/assets/chart.js" not in page and "/dashboard/assets/dashboard.js" in page
    assert len(sections_of(page)) == 6
    assert client.http.get("/dashboard/assets/chart.js").status_code == 404


def test_the_script_formats_no_number_and_writes_no_html() -> None:
    source = (ASSETS / "dashboard.js").read_text(encoding="utf-8")
    assert not re.search(r"toLocaleString|NumberFormat|toFixed|DateTimeFormat", source)
    assert not re.search(r"innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\(",
                         source)
    assert "sessionStorage" in source and "localStorage" not in source


def test_the_document_is_the_manifests_and_valid(client: HubClient) -> None:
    document_id, body = dashboard_document()
    assert document_id == "sha256:" + hashlib.sha256(body.encode()).hexdigest()
    assert json.loads(MANIFEST.read_text(encoding="utf-8")) == {document_id: body}
    # Checked as `tatawwu documents push` checks it: the schema and the hub's limits.
    assert schema_check(client.http.app.state.hub.settings)(body) is None  # type: ignore[attr-defined]
