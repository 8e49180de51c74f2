"""`tatawwu webhooks ...` on SQLite and PostgreSQL: an operator adds a webhook for a client,
lists webhooks and deliveries, runs delivery passes, retries a failed delivery and removes a
webhook; bad input ends the command with its message."""

from __future__ import annotations

import re

from click.testing import CliRunner, Result

from hub.entry.cli import main
from tests.webhooks.receiver import receiving
from tests.webhooks.world import TENANT, WebhookWorld


def env(world: WebhookWorld, **more: str) -> dict[str, str]:
    settings = world.base.database.settings
    return {"HUB_DATABASE_URL": settings.database_url, "HUB_MODE": "dev",
            "HUB_DEV_KEY_FILE": str(settings.dev_key_file),
            "HUB_WEBHOOK_BACKOFF_SECONDS": "0", **more}


def run(world: WebhookWorld, *args: str, **more: str) -> Result:
    return CliRunner().invoke(main, ["webhooks", *args], env=env(world, **more))


def test_an_operator_adds_delivers_retries_and_removes(world: WebhookWorld) -> None:
    world.client("crm")
    client = str(world.client_id("crm"))
    with receiving([500]) as receiver:
        added = run(world, "add", "--client", client, "--url", receiver.url,
                    "--event", "APPLICATION_RECEIVED", "--event", "HOURS_VERIFIED")
        assert added.exit_code == 0, added.output
        found = re.search(r"webhook (\d+) of client \d+ \(dz-crescent\)", added.stdout)
        secret = re.search(r"secret \(shown this once\): (whsec_\S+)", added.stdout)
        assert found and secret, added.stdout
        webhook = found.group(1)
        listed = run(world, "list", "--client", client)
        assert listed.exit_code == 0
        assert re.search(rf"^\s*{webhook} {TENANT}\s+client {client}\s+active\s+"
                         rf"APPLICATION_RECEIVED,HOURS_VERIFIED {re.escape(receiver.url)}$",
                         listed.stdout, re.M), listed.stdout
        assert secret.group(1) not in listed.stdout, "never the secret again"
        world.applied()
        first = run(world, "deliver")
        assert first.exit_code == 0, first.output
        assert "webhooks: 1 due: 0 delivered, 1 to retry, 0 failed, 0 cancelled" in first.stderr
        assert "error: HTTP 500: receiver says no" in first.stderr
        pending = run(world, "deliveries", "--webhook", webhook)
        assert re.search(r"APPLICATION_RECEIVED\s+pending\s+1 attempts\s+500 ", pending.stdout)
        second = run(world, "deliver")
        assert "1 due: 1 delivered" in second.stderr, second.stderr
        done = run(world, "deliveries", "--webhook", webhook)
        assert re.search(r"APPLICATION_RECEIVED\s+delivered\s+2 attempts\s+200 ", done.stdout)
        # One attempt allowed: failed at once; an operator retries it later.
        receiver.statuses.append(503)
        world.applied()
        failed = run(world, "deliver", HUB_WEBHOOK_MAX_ATTEMPTS="1")
        assert "1 due: 0 delivered, 0 to retry, 1 failed" in failed.stderr, failed.stderr
        [line] = run(world, "deliveries", "--failed").stdout.splitlines()
        assert re.search(r"\sfailed\s+1 attempts\s+503 .* HTTP 503: receiver says no", line)
        delivery = line.split()[0]
        retried = run(world, "retry", delivery)
        assert retried.exit_code == 0 and f"delivery {delivery} is due again" in retried.stdout
        assert "1 due: 1 delivered" in run(world, "deliver", HUB_WEBHOOK_MAX_ATTEMPTS="1").stderr
        assert run(world, "deliveries", "--failed").stdout == ""
        assert len(receiver.received) == 4
    for refused, words in (("999999", "there is no such delivery"),
                           (delivery, "it was delivered already")):
        result = run(world, "retry", refused)
        assert result.exit_code == 1 and words in result.output, result.output
    # Removing.
    removed = run(world, "remove", webhook)
    assert removed.exit_code == 0 and f"webhook {webhook} removed" in removed.stdout
    assert webhook not in [ln.split()[0] for ln in run(world, "list").stdout.splitlines()]
    every = run(world, "list", "--all", "--client", client)
    assert re.search(rf"^\s*{webhook} .* removed ", every.stdout, re.M), every.stdout
    twice = run(world, "remove", webhook)
    assert twice.exit_code == 1 and "there is no active webhook" in twice.output


def test_bad_input_ends_the_command_with_its_message(world: WebhookWorld) -> None:
    world.client("crm")
    client = str(world.client_id("crm"))
    cases = {
        ("--client", "999999", "--url", "https://crm.example.org/h"):
            "there is no active API client 999999",
        ("--client", client, "--url", "ftp://crm.example.org/h"):
            "A webhook address must start with https:// or http://.",
        ("--client", client, "--url", "https://u:p@crm.example.org/h"):
            "may not contain a user name or a password",
    }
    for args, words in cases.items():
        result = run(world, "add", *args, "--event", "HOURS_VERIFIED")
        assert result.exit_code == 2 and words in result.stderr, (args, result.output)
        assert "Traceback" not in result.output
    production = run(world, "add", "--client", client, "--url", "http://crm.example.org/h",
                     "--event", "HOURS_VERIFIED", HUB_MODE="production")
    assert production.exit_code == 2
    assert "A webhook address must start with https://." in production.stderr
    unknown = run(world, "add", "--client", client, "--url", "https://crm.example.org/h",
                  "--event", "SOMETHING_ELSE")
    assert unknown.exit_code == 2 and "SOMETHING_ELSE" in unknown.output
