"""An API client registers, lists and removes its own webhooks through the API, on SQLite and
PostgreSQL; everyone else is refused, coded and in their language, and nothing is written."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select

from hub.db import models as m
from hub.i18n.messages import message
from resolvers.webhooks import messages as msg
from resolvers.webhooks.registry import MAX_WEBHOOKS_PER_CLIENT
from tests.applications.world import code_of
from tests.dbtools import fetch
from tests.webhooks.receiver import receiving
from tests.webhooks.world import LIST, REGISTER, REMOVE, WebhookWorld

URL = "https://crm.example.org/hooks/tatawwu"


def webhooks_stored(world: WebhookWorld) -> int:
    return int(fetch(world.base.database.settings,
                     select(func.count()).select_from(m.Webhook))[0][0])


def register_body(world: WebhookWorld, headers: dict[str, str], url: str = URL,
                  events: list[str] | None = None) -> dict[str, Any]:
    return world.base.call(REGISTER, {"input": {"url": url, "events": events
                                                if events is not None else ["HOURS_VERIFIED"]}},
                           headers)


def test_a_client_registers_lists_and_removes_its_own(world: WebhookWorld) -> None:
    crm, other = world.client("crm"), world.client("other-system")
    registered = world.register(crm, URL, ["HOURS_VERIFIED", "APPLICATION_RECEIVED",
                                           "HOURS_VERIFIED"])
    webhook = registered["webhook"]
    assert registered["secret"].startswith("whsec_") and len(registered["secret"]) > 40
    assert webhook["url"] == URL and webhook["active"] is True
    assert webhook["events"] == ["HOURS_VERIFIED", "APPLICATION_RECEIVED"], "each once"
    theirs = world.register(other, URL + "/other")["webhook"]
    assert world.base.ok(LIST, {}, crm)["webhooks"] == [webhook], "its own only"
    # The audit trail names the host, never the secret or the path.
    audit = fetch(world.base.database.settings, select(m.AuditEvent.details).where(
        m.AuditEvent.action == "register_webhook", m.AuditEvent.object_id == webhook["id"]))
    assert audit[0].details == {"host": "crm.example.org",
                                "events": ["HOURS_VERIFIED", "APPLICATION_RECEIVED"]}
    # Another client's webhook is not found (not told apart from an id that never was).
    body = world.base.call(REMOVE, {"input": {"id": theirs["id"]}}, crm)
    assert code_of(body) == "NOT_FOUND"
    assert body["errors"][0]["extensions"]["argument"] == "input.id"
    assert world.base.ok(LIST, {}, other)["webhooks"] == [theirs]
    removed = world.base.ok(REMOVE, {"input": {"id": webhook["id"]}}, crm)["removeWebhook"]
    assert removed == {**webhook, "active": False}
    assert world.base.ok(LIST, {}, crm)["webhooks"] == []
    assert code_of(world.base.call(REMOVE, {"input": {"id": webhook["id"]}}, crm)) == \
        "NOT_FOUND"
    # Free again: the same address may be registered anew (a new secret).
    again = world.register(crm, URL)
    assert again["secret"] != registered["secret"]


def test_a_retried_registration_has_one_effect(world: WebhookWorld) -> None:
    crm = {**world.client("crm"), "Idempotency-Key": "register-7f3e"}
    before = webhooks_stored(world)
    first = register_body(world, crm)["data"]["registerWebhook"]
    second = register_body(world, crm)["data"]["registerWebhook"]
    assert first == second and webhooks_stored(world) == before + 1


def test_bad_input_is_refused_in_the_callers_language(world: WebhookWorld) -> None:
    crm = world.client("crm")
    before = webhooks_stored(world)
    cases = {("ftp://crm.example.org/x", "input.url"): msg.URL_HTTP_OR_HTTPS,
             ("https://user:pw@crm.example.org/", "input.url"): msg.URL_CREDENTIALS,
             ("https://crm.example.org/x#y", "input.url"): msg.URL_FRAGMENT,
             ("not a url", "input.url"): msg.URL_INVALID}
    for locale in ("fr", "ar"):
        headers = {**crm, "Accept-Language": locale}
        for (url, argument), msgid in cases.items():
            body = register_body(world, headers, url)
            assert code_of(body) == "BAD_USER_INPUT", url
            error = body["errors"][0]
            assert error["extensions"]["argument"] == argument
            assert error["message"] == message(locale, msgid), (locale, url)
        body = register_body(world, headers, events=[])
        assert body["errors"][0]["extensions"] == {"code": "BAD_USER_INPUT",
                                                   "argument": "input.events"}
        assert body["errors"][0]["message"] == message(locale, msg.NO_EVENTS)
    long = register_body(world, crm, "https://crm.example.org/" + "a" * 2000)
    assert long["errors"][0]["message"] == message("en", msg.URL_TOO_LONG, count=2000)
    unknown = register_body(world, crm, events=["VOLUNTEER_SIGNED_UP"])
    assert code_of(unknown) == "BAD_USER_INPUT"
    assert webhooks_stored(world) == before, "nothing written"


def test_one_webhook_per_address_and_a_limit_per_client(world: WebhookWorld) -> None:
    crm = world.client("busy")
    for n in range(MAX_WEBHOOKS_PER_CLIENT):
        world.register(crm, f"{URL}/{n}")
    again = register_body(world, crm, f"{URL}/0")
    assert code_of(again) == "CONFLICT" and again["errors"][0]["message"] == message(
        "en", msg.SAME_URL)
    over = register_body(world, crm, f"{URL}/new")
    assert code_of(over) == "CONFLICT"
    assert over["errors"][0]["message"] == message("en", msg.TOO_MANY_WEBHOOKS,
                                                   count=MAX_WEBHOOKS_PER_CLIENT)


def test_only_api_clients_with_the_webhooks_scope(world: WebhookWorld) -> None:
    base = world.base
    mine = world.register(world.client("crm"), URL)["webhook"]
    before = webhooks_stored(world)
    refused = {
        "client without the scope": world.client("widget", scopes=("read", "sync")),
        "staff admin": base.staff("admin"),
        "volunteer": base.volunteer(base.new_volunteer()),
        "anonymous": {},
    }
    for who, headers in refused.items():
        headers = {**headers, "Accept-Language": "fr"}
        for document, variables in ((REGISTER, {"input": {"url": URL + "/x",
                                                          "events": ["HOURS_VERIFIED"]}}),
                                    (REMOVE, {"input": {"id": mine["id"]}})):
            body = base.call(document, variables, headers)
            assert code_of(body) == "FORBIDDEN", who
            assert body["errors"][0]["message"] == message("fr", msg.WEBHOOK_CLIENTS_ONLY)
        listed = base.call(LIST, {}, headers)
        assert listed["data"] == {"webhooks": None}, who
        assert listed["errors"][0]["extensions"]["code"] == "FORBIDDEN"
        assert listed["errors"][0]["message"] == message("fr", msg.WEBHOOK_CLIENTS_ONLY)
    assert webhooks_stored(world) == before
    assert base.ok(LIST, {}, world.client("crm"))["webhooks"] == [mine], "still there"


def test_the_list_costs_the_same_statements_for_one_or_many(world: WebhookWorld) -> None:
    counts = []
    for name, size in (("few", 1), ("many", 6)):
        headers = world.client(name)
        for n in range(size):
            world.register(headers, f"{URL}/{name}/{n}")
        counter = world.base.client.counter
        counter.statements.clear()
        assert len(world.base.ok(LIST, {}, headers)["webhooks"]) == size
        counts.append(counter.count)
    assert counts[0] == counts[1], counts
    # The key's look-up, then the one SELECT (PostgreSQL: within the row-security prelude,
    # the role switch past it and the prelude again).
    assert counts[0] == (2 if world.backend == "sqlite" else 5), counts


def test_a_removed_webhooks_deliveries_are_cancelled(world: WebhookWorld) -> None:
    crm = world.client("crm")
    with receiving() as receiver:
        webhook = world.register(crm, receiver.url, ["APPLICATION_RECEIVED"])["webhook"]
        world.applied()
        world.base.ok(REMOVE, {"input": {"id": webhook["id"]}}, crm)
        world.applied()  # after the removal: nothing queued
        report = world.deliver()
    assert (report.claimed, report.cancelled, receiver.received) == (1, 1, [])
    [row] = world.deliveries(webhook["id"])
    assert row.failed_at is not None and row.last_error == "cancelled: the webhook was removed"
