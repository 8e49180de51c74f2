"""The GraphiQL page and its assets, served by the hub itself (dev mode only), without a browser.

The page must reference nothing outside the hub; each asset it references must answer with a
JS or CSS content type. With `CI=true` missing assets fail the tests that need them; elsewhere
they are skipped with the reason (`make install` installs them).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from starlette.routing import Route
from starlette.testclient import TestClient

from hub.config import Settings
from hub.entry import ide
from hub.entry.app import create_app
from tests.conftest import IN_CI, Database, prepare

HTML = {"Accept": "text/html"}
EXTERNAL_URL = re.compile(r"(?i)(?:https?:)?//[a-z0-9]")
ATTRIBUTE_URL = re.compile(r'\b(?:src|href)="([^"]*)"')


def need(reason: str | None) -> None:
    """Skip with the reason, or with CI=true fail: CI must run every test."""
    if reason is None:
        return
    if IN_CI:
        pytest.fail(f"{reason} (CI=true: this test must run)")
    pytest.skip(reason)


def assets_missing() -> str | None:
    missing = ide.missing_assets()
    if not missing:
        return None
    return f"GraphiQL's files are not installed ({', '.join(missing)}): run `make install`"


@pytest.fixture
def dev_http(fresh_backend: Database) -> Iterator[TestClient]:
    prepare(fresh_backend, demo=False)
    with TestClient(create_app(fresh_backend.settings)) as http:
        yield http


def referenced_urls(page: str) -> list[str]:
    return [url.replace("&amp;", "&") for url in ATTRIBUTE_URL.findall(page)]


def test_the_page_loads_only_the_hubs_own_assets(dev_http: TestClient) -> None:
    need(assets_missing())
    response = dev_http.get("/graphql", headers=HTML)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    page = response.text
    assert not EXTERNAL_URL.search(page), EXTERNAL_URL.search(page)
    urls = [url for url in referenced_urls(page) if url != "data:,"]
    names = {url.split("?")[0].removeprefix("/ide/") for url in urls}
    assert names == set(ide.ASSETS)
    assert '"/graphql"' in page and "{ tenants { slug } }" in page
    for url in urls:
        assert url.startswith("/ide/") and "?v=" in url, url
        asset = dev_http.get(url)
        assert asset.status_code == 200, url
        kind = "text/javascript" if url.split("?")[0].endswith(".js") else "text/css"
        assert asset.headers["content-type"].startswith(kind), (url, asset.headers)
        assert asset.headers["cache-control"] == ide.CACHE_VERSIONED
        assert asset.headers["x-content-type-options"] == "nosniff"
        assert len(asset.content) > 1000


def test_only_whitelisted_files_are_served(dev_http: TestClient) -> None:
    need(assets_missing())
    unversioned = dev_http.get("/ide/graphiql.js")
    assert unversioned.status_code == 200
    assert unversioned.headers["cache-control"] == "no-cache"
    assert dev_http.get("/ide/graphiql.js?v=0.0.1").headers["cache-control"] == "no-cache"
    assert dev_http.head("/ide/react.js").status_code == 200
    for path in ("/ide/package.json", "/ide/graphiql", "/ide/graphiql.min.js",
                 "/ide/graphiql.min.js.map", "/ide/graphiql/graphiql.min.js",
                 "/ide/..%2Fpackage.json", "/ide/..%2F..%2Fide.py", "/ide/%2e%2e/ide.py",
                 "/ide/react%2Fpackage.json", "/ide/", "/ide"):
        assert dev_http.get(path).status_code == 404, path
    assert dev_http.post("/ide/react.js").status_code == 405


def test_missing_assets_say_how_to_install_them(
        dev_http: TestClient, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ide, "NODE_MODULES", tmp_path / "node_modules")
    assert len(ide.missing_assets()) == len(ide.ASSETS)
    response = dev_http.get("/graphql", headers=HTML)
    assert response.status_code == 200
    page = response.text
    assert "GraphiQL is not installed" in page and "make install" in page
    assert "graphiql/graphiql.min.js" in page
    assert "<script" not in page and not EXTERNAL_URL.search(page)
    assert "Loading" not in page
    for name in ide.ASSETS:
        assert dev_http.get(f"/ide/{name}").status_code == 404


def test_production_mode_serves_no_ide(fresh_backend: Database, tmp_path: Path) -> None:
    prepare(fresh_backend, demo=False)
    jwks = tmp_path / "jwks.json"
    jwks.write_text('{"keys": []}', encoding="utf-8")
    env = {"HUB_DATABASE_URL": fresh_backend.settings.database_url, "HUB_MODE": "production",
           "HUB_DEV_KEY_FILE": str(fresh_backend.settings.dev_key_file),
           "HUB_OIDC_ISSUERS": ('[{"issuer": "https://id.example.org", "audience": "hub", '
                                f'"jwks_file": "{jwks}"}}]')}
    app = create_app(Settings.from_env(env))
    paths = [route.path for route in app.routes if isinstance(route, Route)]
    assert "/graphql" in paths and not any(p.startswith(ide.PREFIX) for p in paths)
    with TestClient(app) as http:
        response = http.get("/graphql", headers=HTML)
        assert "graphiql" not in response.text.lower()
        assert "/ide/" not in response.text
        assert not response.headers.get("content-type", "").startswith("text/html")
        for name in ide.ASSETS:
            assert http.get(f"/ide/{name}").status_code == 404
        # the API itself still answers
        body = http.post("/graphql", json={"query": "{ tenants { slug } }"}).json()
        assert "arco" in {t["slug"] for t in body["data"]["tenants"]}
