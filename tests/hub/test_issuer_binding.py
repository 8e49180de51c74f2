"""Issuers speak only for what their `HUB_OIDC_ISSUERS` entry grants, and a volunteer is
known by issuer and `sub` together: one society's identity provider cannot mint another's
staff, a federation analyst or someone else's volunteer."""

from __future__ import annotations

import json
import logging
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from joserfc.jwk import ECKey, Key
from sqlalchemy import select
from starlette.testclient import TestClient

from hub.config import Settings
from hub.db import models as m
from hub.entry.app import create_app
from tests.conftest import make_database, prepare
from tests.dbtools import fetch
from tests.issuer_keys import AUDIENCE, jwks, sign

DZ_ISSUER = "https://id.crescent.example.dz"  # dz-crescent's staff and volunteers
EG_ISSUER = "https://id.crescent.example.eg"  # eg-crescent's staff, federation, volunteers
STAFF_ONLY = "https://staff.example.lb"  # lb-redcross's staff, no volunteers
VIEWER = "{ viewer { kind canRegister volunteer { id } } }"
REGISTER = "mutation($input: RegisterVolunteerInput!) { registerVolunteer(input: $input) { id } }"


@dataclass
class Bound:
    http: TestClient
    key: Key
    settings: Settings

    def token(self, issuer: str, sub: str, **tatawwu: Any) -> str:
        now = int(time.time())
        claims = {"iss": issuer, "aud": AUDIENCE, "sub": sub, "iat": now, "exp": now + 600}
        if tatawwu:
            claims["tatawwu"] = tatawwu
        return sign(claims, self.key, "ES256")

    def post(self, token: str, query: str = VIEWER, variables: dict[str, Any] | None = None,
             locale: str = "en") -> tuple[int, dict[str, Any]]:
        response = self.http.post("/graphql", json={"query": query, "variables": variables},
                                  headers={"Authorization": f"Bearer {token}",
                                           "Accept-Language": locale})
        return response.status_code, response.json()


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def bound(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
          ) -> Iterator[Bound]:
    folder: Path = tmp_path_factory.mktemp(f"issuers-{request.param}")
    key = ECKey.generate_key("P-256", auto_kid=True)
    keys = folder / "jwks.json"
    keys.write_bytes(jwks(key))
    database = make_database(request.param, folder)
    try:
        prepare(database, demo=False)
        issuers = [
            {"issuer": DZ_ISSUER, "audience": AUDIENCE, "jwks_file": str(keys),
             "tenants": ["dz-crescent"]},
            {"issuer": EG_ISSUER, "audience": AUDIENCE, "jwks_file": str(keys),
             "tenants": ["eg-crescent"], "federation": True, "volunteers": True},
            {"issuer": STAFF_ONLY, "audience": AUDIENCE, "jwks_file": str(keys),
             "tenants": ["lb-redcross"], "volunteers": False},
        ]
        settings = Settings.from_env({
            "HUB_DATABASE_URL": database.settings.database_url,
            "HUB_DEV_KEY_FILE": str(database.settings.dev_key_file),
            "HUB_OIDC_ISSUERS": json.dumps(issuers)})
        with TestClient(create_app(settings)) as http:
            yield Bound(http, key, settings)
    finally:
        database.drop()


def refused(bound: Bound, token: str, claim: str, caplog: pytest.LogCaptureFixture,
            issuer: str) -> None:
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="tatawwu.auth"):
        status, body = bound.post(token, locale="ar")
    assert status == 401, body
    (error,) = body["errors"]
    assert error["extensions"]["code"] == "UNAUTHENTICATED"
    assert claim in error["extensions"]["detail"]
    assert "data" not in body
    lines = [r.getMessage() for r in caplog.records if r.name == "tatawwu.auth"]
    assert lines == [f"token refused: issuer {issuer} may not assert {claim}"], lines
    for part in token.split("."):
        assert part not in caplog.text


def test_an_issuer_speaks_for_its_own_tenants_staff(bound: Bound) -> None:
    status, body = bound.post(bound.token(DZ_ISSUER, "amel", tenant="dz-crescent",
                                          roles=["coordinator"]))
    assert status == 200 and body["data"]["viewer"]["kind"] == "STAFF"
    status, body = bound.post(bound.token(EG_ISSUER, "omar", federation=True))
    assert status == 200 and body["data"]["viewer"]["kind"] == "FEDERATION", body


def test_an_issuer_may_not_mint_another_tenants_staff(
        bound: Bound, caplog: pytest.LogCaptureFixture) -> None:
    token = bound.token(DZ_ISSUER, "intruder", tenant="eg-crescent", roles=["admin"])
    refused(bound, token, "tatawwu.tenant", caplog, DZ_ISSUER)


def test_an_issuer_may_not_mint_federation_analysts_unless_granted(
        bound: Bound, caplog: pytest.LogCaptureFixture) -> None:
    refused(bound, bound.token(DZ_ISSUER, "analyst", federation=True),
            "tatawwu.federation", caplog, DZ_ISSUER)


def test_an_issuer_without_volunteers_may_not_sign_in_people(
        bound: Bound, caplog: pytest.LogCaptureFixture) -> None:
    refused(bound, bound.token(STAFF_ONLY, "someone"), "a volunteer (no tenant)", caplog,
            STAFF_ONLY)


def test_only_the_development_issuer_names_a_volunteer_by_id(
        bound: Bound, caplog: pytest.LogCaptureFixture) -> None:
    refused(bound, bound.token(EG_ISSUER, "someone", volunteer_id=1),
            "tatawwu.volunteer_id", caplog, EG_ISSUER)


def test_the_same_sub_from_two_issuers_is_two_people(bound: Bound) -> None:
    sub = f"person-{uuid.uuid4().hex[:8]}"
    dz, eg = bound.token(DZ_ISSUER, sub), bound.token(EG_ISSUER, sub)
    person = {"tenant": "dz-crescent", "firstName": "Amina", "lastName": "Kaddour",
              "birthDate": "1998-04-12", "acceptTerms": True}
    status, body = bound.post(dz, REGISTER, {"input": person})
    assert status == 200 and "errors" not in body, body
    first = body["data"]["registerVolunteer"]["id"]
    assert bound.post(dz)[1]["data"]["viewer"]["volunteer"] == {"id": first}
    # The same `sub` from another issuer: someone else, not yet registered.
    viewer = bound.post(eg)[1]["data"]["viewer"]
    assert viewer == {"kind": "VOLUNTEER", "canRegister": True, "volunteer": None}
    status, body = bound.post(eg, REGISTER, {"input": {**person, "firstName": "Other"}})
    assert status == 200 and "errors" not in body, body
    second = body["data"]["registerVolunteer"]["id"]
    assert second != first
    subjects = fetch(bound.settings, select(m.Volunteer.subject).where(
        m.Volunteer.subject.like(f"%|{sub}")).order_by(m.Volunteer.id))
    assert [row[0] for row in subjects] == [f"{DZ_ISSUER}|{sub}", f"{EG_ISSUER}|{sub}"]
