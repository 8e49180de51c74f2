"""Trusted documents over HTTP: manifests pushed as the real tools wrote them (Relay, Apollo,
GraphQL Code Generator) run by id (POST `documentId`, GET `?documentId=`, Apollo's
`extensions.persistedQuery`); `only` keeps ad-hoc documents from anonymous, API-key and
volunteer callers while staff keep them; a client's documents are its own; anonymous GETs
by id are cacheable (ETag, 304). On both databases."""

from __future__ import annotations

import asyncio
import dataclasses
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from starlette.testclient import TestClient

from hub.auth import DevKey, mint_dev_token
from hub.authentication import create_api_client
from hub.config import Settings
from hub.db import models as m
from hub.db.engine import make_engine, make_sessionmaker
from hub.documents import admin
from hub.entry.app import create_app
from hub.entry.documents import schema_check
from tests.conftest import Database, make_database, prepare

MANIFESTS = Path(__file__).parents[1] / "documents" / "manifests"
RELAY = json.loads((MANIFESTS / "persisted_queries.json").read_text())
APOLLO = json.loads((MANIFESTS / "persisted-query-manifest.json").read_text())["operations"]
CODEGEN = json.loads((MANIFESTS / "persisted-documents.json").read_text())

RELAY_TENANTS = next(k for k, v in RELAY.items() if "TenantListQuery" in v)
RELAY_OPPORTUNITIES = next(k for k, v in RELAY.items() if "OpportunityListQuery" in v)
APOLLO_TENANTS = next(o["id"] for o in APOLLO if o["name"] == "Tenants")
APOLLO_OPPORTUNITIES = next(o["id"] for o in APOLLO if o["name"] == "Opportunities")
CODEGEN_TENANT = next(k for k, v in CODEGEN.items() if "TenantBySlug" in v)
OWN_DOCUMENT = "client-a-tenants"  # pushed for client A only
MUTATION = "share-with-network"  # a global mutation, to prove GET never runs one
ADHOC = "{ tenants { slug } }"


@dataclasses.dataclass
class Hub:
    database: Database
    headers: dict[str, dict[str, str]]  # principal -> headers

    def app(self, **changes: Any) -> TestClient:
        settings = dataclasses.replace(self.database.settings, **changes)
        return TestClient(create_app(settings))


def _clients(settings: Settings) -> tuple[str, str, str]:
    """Keys of two API clients of one tenant, and the name of the first."""
    async def create() -> tuple[str, str, str]:
        engine = make_engine(settings.database_url)
        try:
            async with make_sessionmaker(engine)() as session, session.begin():
                tenant = await session.scalar(select(m.Tenant.id).where(
                    m.Tenant.slug == "dz-crescent"))
                assert tenant is not None
                _, key_a = await create_api_client(session, tenant_id=tenant, name="app-a",
                                                   scopes=["read"], origins=[])
                _, key_b = await create_api_client(session, tenant_id=tenant, name="app-b",
                                                   scopes=["read"], origins=[])
                return key_a, key_b, "app-a"
        finally:
            await engine.dispose()

    return asyncio.run(create())


@pytest.fixture(scope="module")
def check(tmp_path_factory: pytest.TempPathFactory) -> Any:
    return schema_check(Settings.from_env({"HUB_MODE": "dev", "HUB_DEV_KEY_FILE": str(
        tmp_path_factory.mktemp("check") / "key.json")}))


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def hub(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory,
        check: Any) -> Iterator[Hub]:
    folder = tmp_path_factory.mktemp(f"documents-{request.param}")
    database = make_database(request.param, folder)
    try:
        prepare(database, demo=False)
        settings = database.settings
        key_a, key_b, name_a = _clients(settings)
        own = folder / "own.json"
        own.write_text(json.dumps({OWN_DOCUMENT: "query OwnTenants { tenants { slug } }"}))
        mutation = folder / "mutation.json"
        mutation.write_text(json.dumps(
            {MUTATION: "mutation Share { setNetworkSharing(share: true) { id } }"}))
        for path, client in ((MANIFESTS / "persisted_queries.json", None),
                             (MANIFESTS / "persisted-query-manifest.json", None),
                             (MANIFESTS / "persisted-documents.json", None),
                             (mutation, None), (own, name_a)):
            asyncio.run(admin.push_file(settings, path, client, check))
        dev_key = DevKey.load_or_create(settings.dev_key_file)

        def bearer(subject: str, tenant: str | None = None, roles: tuple[str, ...] = (),
                   federation: bool = False) -> dict[str, str]:
            token = mint_dev_token(dev_key, subject=subject, tenant=tenant, roles=list(roles),
                                   volunteer_id=None, federation=federation)
            return {"Authorization": f"Bearer {token}"}

        headers = {
            "anonymous": {},
            "client_a": {"X-Api-Key": key_a},
            "client_b": {"X-Api-Key": key_b},
            "volunteer": bearer(subject="person:someone"),
            "staff": bearer(subject="staff:dz", tenant="dz-crescent", roles=("editor",)),
            "federation": bearer(subject="federation:analyst", federation=True),
        }
        yield Hub(database, headers)
    finally:
        database.drop()


def codes(response: Any) -> list[tuple[str, str | None]]:
    return [(e["extensions"]["code"], e["extensions"].get("argument"))
            for e in response.json().get("errors", [])]


def test_a_relay_manifest_runs_by_id_over_post_and_get(hub: Hub) -> None:
    with hub.app(trusted_documents="only") as http:
        posted = http.post("/graphql", json={"documentId": RELAY_OPPORTUNITIES,
                                             "variables": {"first": 2}})
        assert posted.status_code == 200, posted.text
        assert posted.json()["data"]["opportunities"]["totalCount"] >= 0
        got = http.get("/graphql", params={"documentId": RELAY_TENANTS})
        assert got.status_code == 200, got.text
        assert "dz-crescent" in {t["slug"] for t in got.json()["data"]["tenants"]}


def test_an_apollo_manifest_runs_by_its_hash_in_the_persisted_query_extension(hub: Hub) -> None:
    persisted = {"persistedQuery": {"version": 1, "sha256Hash": APOLLO_TENANTS}}
    with hub.app(trusted_documents="only") as http:
        posted = http.post("/graphql", json={"variables": {"kind": "FEDERATION"},
                                             "extensions": persisted})
        assert posted.status_code == 200, posted.text
        assert [t["kind"] for t in posted.json()["data"]["tenants"]] == ["FEDERATION"]
        # useGETForHashedQueries: the same over GET
        got = http.get("/graphql", params={
            "operationName": "Opportunities", "variables": json.dumps({"first": 1}),
            "extensions": json.dumps({"persistedQuery": {
                "version": 1, "sha256Hash": APOLLO_OPPORTUNITIES}})})
        assert got.status_code == 200, got.text
        assert got.json()["data"]["opportunities"]["edges"] is not None
        # documentId names the same document, in GraphQL over HTTP's spelling too
        spelled = http.post("/graphql", json={"documentId": f"sha256:{APOLLO_TENANTS}"})
        assert "tenants" in spelled.json()["data"]


def test_a_graphql_codegen_manifest_runs_by_its_prefixed_or_bare_hash(hub: Hub) -> None:
    with hub.app(trusted_documents="only") as http:
        for body in ({"documentId": CODEGEN_TENANT},
                     {"extensions": {"persistedQuery": {
                         "version": 1, "sha256Hash": CODEGEN_TENANT.removeprefix("sha256:")}}}):
            answer = http.post("/graphql", json={**body, "variables": {"slug": "dz-crescent"}})
            assert answer.json()["data"]["tenant"]["slug"] == "dz-crescent", answer.text


@pytest.mark.parametrize("principal", ["anonymous", "client_a", "volunteer"])
def test_only_refuses_ad_hoc_documents_from_callers_who_send_ids(hub: Hub, principal: str
                                                                   ) -> None:
    headers = {**hub.headers[principal], "Accept-Language": "ar"}
    with hub.app(trusted_documents="only") as http:
        posted = http.post("/graphql", json={"query": ADHOC}, headers=headers)
        assert posted.status_code == 400
        assert codes(posted) == [("TRUSTED_DOCUMENTS_ONLY", None)]
        got = http.get("/graphql", params={"query": ADHOC}, headers=headers)
        assert codes(got) == [("TRUSTED_DOCUMENTS_ONLY", None)]
        unknown = http.post("/graphql", json={"documentId": "no-such-document"},
                            headers=headers)
        # Apollo Client's persisted-query link reads this code from a 200 answer
        assert unknown.status_code == 200
        assert codes(unknown) == [("PERSISTED_QUERY_NOT_FOUND", "documentId")]
        # Apollo's second try (the hash and the text): still only ids
        retry = http.post("/graphql", json={"query": ADHOC, "extensions": {"persistedQuery": {
            "version": 1, "sha256Hash": "0" * 64}}}, headers=headers)
        assert codes(retry) == [("PERSISTED_QUERY_NOT_FOUND",
                                 "extensions.persistedQuery.sha256Hash")]


@pytest.mark.parametrize("principal", ["staff", "federation"])
def test_staff_tools_keep_ad_hoc_documents_unless_configured_otherwise(hub: Hub, principal: str
                                                                       ) -> None:
    headers = hub.headers[principal]
    with hub.app(trusted_documents="only") as http:
        answer = http.post("/graphql", json={"query": ADHOC}, headers=headers)
        assert answer.status_code == 200 and "tenants" in answer.json()["data"], answer.text
        by_id = http.post("/graphql", json={"documentId": RELAY_TENANTS}, headers=headers)
        assert "tenants" in by_id.json()["data"]
    with hub.app(trusted_documents="only", trusted_documents_staff_adhoc=False) as http:
        answer = http.post("/graphql", json={"query": ADHOC}, headers=headers)
        assert codes(answer) == [("TRUSTED_DOCUMENTS_ONLY", None)]


def test_a_clients_own_documents_serve_that_client_only(hub: Hub) -> None:
    with hub.app(trusted_documents="only") as http:
        own = http.post("/graphql", json={"documentId": OWN_DOCUMENT},
                        headers=hub.headers["client_a"])
        assert "tenants" in own.json()["data"], own.text
        for principal in ("client_b", "anonymous", "staff"):
            other = http.post("/graphql", json={"documentId": OWN_DOCUMENT},
                              headers={**hub.headers[principal], "Accept-Language": "fr"})
            assert codes(other) == [("PERSISTED_QUERY_NOT_FOUND", "documentId")], principal
        # global documents serve every client
        shared = http.post("/graphql", json={"documentId": RELAY_TENANTS},
                           headers=hub.headers["client_b"])
        assert "tenants" in shared.json()["data"]


def test_allow_takes_both_and_off_reads_no_id(hub: Hub) -> None:
    with hub.app(trusted_documents="allow") as http:
        assert "tenants" in http.post("/graphql", json={"query": ADHOC}).json()["data"]
        assert "tenants" in http.post("/graphql", json={"documentId": RELAY_TENANTS}
                                      ).json()["data"]
        # Apollo's second try runs the text when ad-hoc documents are allowed
        retry = http.post("/graphql", json={"query": ADHOC, "extensions": {"persistedQuery": {
            "version": 1, "sha256Hash": "0" * 64}}})
        assert "tenants" in retry.json()["data"]
    with hub.app(trusted_documents="off") as http:
        answer = http.post("/graphql", json={"documentId": RELAY_TENANTS})
        assert answer.status_code == 400 and codes(answer)[0][0] == "BAD_USER_INPUT"


def test_bad_ids_are_bad_input_naming_their_parameter(hub: Hub) -> None:
    with hub.app(trusted_documents="only") as http:
        for body, argument in (({"documentId": 42}, "documentId"),
                               ({"documentId": "x" * 201}, "documentId"),
                               ({"extensions": {"persistedQuery": {"sha256Hash": ["a"]}}},
                                "extensions.persistedQuery.sha256Hash")):
            answer = http.post("/graphql", json=body, headers={"Accept-Language": "fr"})
            assert answer.status_code == 400
            assert codes(answer) == [("BAD_USER_INPUT", argument)]


def test_a_mutation_never_runs_by_id_over_get(hub: Hub) -> None:
    with hub.app(trusted_documents="only") as http:
        got = http.get("/graphql", params={"documentId": MUTATION},
                       headers=hub.headers["volunteer"])
        assert got.status_code == 405, got.text


def test_anonymous_gets_by_id_are_cacheable_and_revalidated(hub: Hub) -> None:
    with hub.app(trusted_documents="only", public_cache_seconds=120) as http:
        first = http.get("/graphql", params={"documentId": RELAY_TENANTS},
                         headers={"Accept-Language": "fr"})
        assert first.status_code == 200
        assert first.headers["cache-control"] == "public, max-age=120"
        assert {"Accept-Language", "Authorization", "X-Api-Key"} <= {
            v.strip() for v in first.headers["vary"].split(",")}
        tag = first.headers["etag"]
        again = http.get("/graphql", params={"documentId": RELAY_TENANTS},
                         headers={"Accept-Language": "fr", "If-None-Match": tag})
        assert again.status_code == 304 and again.content == b""
        assert again.headers["etag"] == tag
        assert again.headers["cache-control"] == "public, max-age=120"
        stale = http.get("/graphql", params={"documentId": RELAY_TENANTS},
                         headers={"Accept-Language": "fr", "If-None-Match": '"other"'})
        assert stale.status_code == 200 and stale.json() == first.json()
        # signed in: private
        signed = http.get("/graphql", params={"documentId": RELAY_TENANTS},
                          headers=hub.headers["volunteer"])
        assert signed.status_code == 200 and signed.headers["cache-control"] == "private, no-store"
        assert "etag" not in signed.headers
        # an answer with errors: private
        failed = http.get("/graphql", params={"documentId": RELAY_OPPORTUNITIES,
                                              "variables": json.dumps({"first": "many"})})
        assert failed.json().get("errors")
        assert failed.headers["cache-control"] == "private, no-store"
        unknown = http.get("/graphql", params={"documentId": "no-such-document"})
        assert unknown.headers["cache-control"] == "private, no-store"


def test_in_production_a_get_by_id_runs_where_an_ad_hoc_get_is_refused(
        hub: Hub, tmp_path: Path) -> None:
    jwks = tmp_path / "jwks.json"
    jwks.write_text('{"keys": []}', encoding="utf-8")
    settings = Settings.from_env({
        "HUB_DATABASE_URL": hub.database.settings.database_url, "HUB_MODE": "production",
        "HUB_DEV_KEY_FILE": str(tmp_path / "dev-key.json"),
        "HUB_OIDC_ISSUERS": ('[{"issuer": "https://id.example.org", "audience": "hub", '
                             f'"jwks_file": "{jwks}"}}]')})
    assert settings.trusted_documents == "allow"  # the default, even in production
    with TestClient(create_app(settings)) as http:
        by_id = http.get("/graphql", params={"documentId": RELAY_TENANTS})
        assert by_id.status_code == 200 and "tenants" in by_id.json()["data"], by_id.text
        assert by_id.headers["cache-control"].startswith("public")
        adhoc = http.get("/graphql", params={"query": ADHOC})
        assert adhoc.status_code == 405


def test_a_batch_runs_by_ids_when_batches_are_allowed(hub: Hub) -> None:
    batch = [{"documentId": RELAY_TENANTS}, {"documentId": CODEGEN_TENANT,
                                             "variables": {"slug": "dz-crescent"}}]
    with hub.app(trusted_documents="only", allow_batching=True) as http:
        answers = http.post("/graphql", json=batch).json()
        assert "tenants" in answers[0]["data"], answers
        assert answers[1]["data"]["tenant"]["slug"] == "dz-crescent"
        mixed = http.post("/graphql", json=[*batch, {"query": ADHOC}])
        assert codes(mixed) == [("TRUSTED_DOCUMENTS_ONLY", None)]
    with hub.app(trusted_documents="only") as http:  # batches off: refused as a batch
        refused = http.post("/graphql", json=batch)
        assert refused.status_code == 400 and codes(refused)[0][0] == "BATCHING_DISABLED"
