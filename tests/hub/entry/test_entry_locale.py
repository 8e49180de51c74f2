"""The locale chain is computed once per request, before any route runs, and reused by the
GraphQL context and by every error rendered outside execution."""

from __future__ import annotations

from typing import Any

import pytest

from hub.entry.graphql import HubGraphQL
from hub.i18n import LocaleChain, message
from hub.i18n import messages as msg
from resolvers import RequestContext
from tests.conftest import HubClient

HEADERS = {"Accept-Language": "ar-DZ, fr;q=0.5"}


@pytest.fixture
def built(monkeypatch: pytest.MonkeyPatch) -> list[LocaleChain]:
    """Every chain `LocaleChain.from_request` builds during the test."""
    chains: list[LocaleChain] = []
    original = LocaleChain.from_request

    def counting(**kwargs: Any) -> LocaleChain:
        chain = original(**kwargs)
        chains.append(chain)
        return chain

    monkeypatch.setattr(LocaleChain, "from_request", counting)
    return chains


def test_a_query_builds_the_chain_once_and_its_context_uses_it(
        client: HubClient, built: list[LocaleChain], monkeypatch: pytest.MonkeyPatch) -> None:
    contexts: list[RequestContext] = []
    get_context = HubGraphQL.get_context

    async def recording(self: HubGraphQL, request: Any, response: Any) -> RequestContext:
        context = await get_context(self, request, response)
        contexts.append(context)
        return context

    monkeypatch.setattr(HubGraphQL, "get_context", recording)
    body = client.post("{ tenants { slug } }", headers=HEADERS)
    assert "errors" not in body
    assert len(built) == 1
    assert [c.locales for c in contexts] == built and contexts[0].locales is built[0]
    assert body["extensions"]["locale"] == {
        "chain": [*built[0].requested, "(tenant default)", "en"], "source": "accept-language"}
    assert built[0].requested == ("ar-DZ", "ar", "fr")


def test_errors_are_rendered_in_the_one_chain(client: HubClient,
                                              built: list[LocaleChain]) -> None:
    # an error of execution (process_result), a refusal of the transport, a bad credential
    validation = client.http.post("/graphql?lang=fr", json={"query": "{ nope }"},
                                  headers=HEADERS)
    transport = client.http.post("/graphql?lang=fr", content=b"{", headers={
        **HEADERS, "Content-Type": "application/json"})
    credential = client.http.post("/graphql?lang=fr", json={"query": "{ tenants { slug } }"},
                                  headers={**HEADERS, "Authorization": "Bearer no"})
    assert len(built) == 3  # one per request
    assert all(chain.requested[0] == "fr" for chain in built)
    assert validation.status_code == 200
    assert validation.json()["errors"][0]["message"].startswith(message(
        "fr", msg.UNKNOWN_FIELD, field="nope", type="Query"))  # then "did you mean"
    assert transport.json()["errors"][0]["message"] == message("fr", msg.INVALID_JSON)
    assert credential.status_code == 401
    assert credential.json()["errors"][0]["message"] == message("fr", msg.CREDENTIALS_REFUSED)
