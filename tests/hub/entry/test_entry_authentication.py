"""Authentication is a middleware (Starlette's, with our authenticator as its backend): every
route knows its principal, and a bad credential is refused on every route alike."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route
from starlette.testclient import TestClient

from hub.auth import DevKey, mint_dev_token
from hub.config import Settings
from hub.db import models as m
from hub.db.engine import make_engine
from hub.entry.app import create_app, lifespan, routes, token_verifier
from hub.entry.authentication import principal_of
from hub.entry.locale import locales_of
from hub.entry.middleware import middleware_stack
from hub.entry.state import Startup
from hub.i18n import message
from hub.i18n import messages as msg
from tests.conftest import Database
from tests.dbtools import fetch
from tests.principals import TENANT, V_KEY, volunteer_id

ARABIC = re.compile("[\u0621-\u064a]")
ORIGIN = "https://www.example.org"


async def whoami(request: Request) -> Response:
    """A route that is not /graphql, as a feed or a download would be."""
    principal = principal_of(request)
    return JSONResponse({
        "kind": principal.kind.value, "tenantId": principal.tenant_id,
        "volunteerId": principal.volunteer_id, "authenticated": request.user.is_authenticated,
        "scopes": list(request.auth.scopes), "locales": list(locales_of(request).requested),
    })


def echo_app(settings: Settings) -> Starlette:
    """The hub's own routes, middleware and lifespan, plus /whoami."""
    startup = Startup()
    return Starlette(
        routes=[Route("/whoami", whoami), *routes(settings, startup)],
        middleware=middleware_stack(settings, startup),
        lifespan=lifespan(settings, make_engine(settings.database_url),
                          token_verifier(settings), startup),
    )


@pytest.fixture(scope="module")
def http(backend: Database) -> Iterator[TestClient]:
    settings = dataclasses.replace(backend.settings, cors_origins=(ORIGIN,))
    with TestClient(echo_app(settings)) as client:
        yield client


def bearer(database: Database, *, tenant: str | None = None, roles: tuple[str, ...] = (),
           volunteer: int | None = None) -> dict[str, str]:
    key = DevKey.load_or_create(database.settings.dev_key_file)
    token = mint_dev_token(key, subject="s", tenant=tenant, roles=roles, volunteer_id=volunteer,
                           federation=False)
    return {"Authorization": f"Bearer {token}"}


def test_a_route_other_than_graphql_knows_its_principal(http: TestClient,
                                                        backend: Database) -> None:
    anonymous = http.get("/whoami").json()
    assert anonymous == {"kind": "ANONYMOUS", "tenantId": None, "volunteerId": None,
                         "authenticated": False, "scopes": [], "locales": []}
    staff = http.get("/whoami", headers=bearer(backend, tenant=TENANT, roles=("editor",)))
    [(tenant_id,)] = fetch(backend.settings, select(m.Tenant.id).where(m.Tenant.slug == TENANT))
    assert staff.json() == {"kind": "STAFF", "tenantId": tenant_id, "volunteerId": None,
                            "authenticated": True, "scopes": ["authenticated"], "locales": []}
    v = volunteer_id(backend, V_KEY)
    volunteer = http.get("/whoami?lang=fr", headers={**bearer(backend, volunteer=v),
                                                     "Accept-Language": "ar-DZ"})
    assert volunteer.json() == {"kind": "VOLUNTEER", "tenantId": None, "volunteerId": v,
                                "authenticated": True, "scopes": ["authenticated"],
                                "locales": ["fr", "ar-DZ", "ar"]}


@pytest.mark.parametrize("language", ["ar", "fr"])
@pytest.mark.parametrize("credential", [{"Authorization": "Bearer not-a-token"},
                                        {"Authorization": "Basic dXNlcjpwYXNz"},
                                        {"X-Api-Key": "tw_nope"}])
def test_a_bad_credential_is_refused_alike_on_every_route(
        http: TestClient, language: str, credential: dict[str, str]) -> None:
    bodies = []
    for method, path in (("GET", "/whoami"), ("POST", "/graphql"), ("GET", "/healthz")):
        response = http.request(method, path, json={"query": "{ viewer { kind } }"},
                                headers={**credential, "Accept-Language": language,
                                         "Origin": ORIGIN})
        assert response.status_code == 401, response.text
        assert response.headers["www-authenticate"] == "Bearer"
        assert response.headers["access-control-allow-origin"] == ORIGIN  # readable by it
        [error] = response.json()["errors"]
        assert error["extensions"]["code"] == "UNAUTHENTICATED"
        assert error["extensions"]["requestId"] == response.headers["x-request-id"]
        assert error["extensions"]["detail"]
        assert error["message"] == message(language, msg.CREDENTIALS_REFUSED)
        if language == "ar":
            assert ARABIC.search(error["message"])
        del error["extensions"]["requestId"]
        bodies.append(error)
    assert bodies[0] == bodies[1] == bodies[2]


def test_before_the_lifespan_ends_nothing_is_served_and_nobody_authenticated(
        tmp_path: Path) -> None:
    settings = Settings.from_env({
        "HUB_MODE": "dev", "HUB_DEV_KEY_FILE": str(tmp_path / "dev-key.json"),
        "HUB_DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path / 'never-opened.sqlite3'}"})
    bad = {"Authorization": "Bearer not-a-token"}
    http = TestClient(create_app(settings))  # no `with`: the lifespan does not run
    starting = http.post("/graphql", json={"query": "{ viewer { kind } }"}, headers=bad)
    assert starting.status_code == 503
    assert starting.json() == {"errors": [{"message": "The hub is starting."}]}
    assert http.get("/readyz", headers=bad).json() == {"status": "starting"}
    assert http.get("/healthz", headers=bad).json() == {"status": "ok"}
    echo = TestClient(echo_app(settings)).get("/whoami", headers=bad)
    assert echo.json()["kind"] == "ANONYMOUS" and not echo.json()["authenticated"]
    assert not (tmp_path / "never-opened.sqlite3").exists()
