"""`tatawwu webhooks ...`: operators register, list and remove API clients' webhooks, list
and retry deliveries, and run the delivery pass or loop (docs/webhooks.md). As the database
owner: an operator acts for any client, of any tenant."""

from __future__ import annotations

import asyncio
import sys
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from functools import wraps
from typing import Any, TypeVar

import click
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from hub.config import Settings
from hub.db import models as m
from hub.db.engine import make_engine, make_sessionmaker
from hub.errors import ConfigurationError, HubError
from resolvers.webhooks import worker
from resolvers.webhooks.history import delivery_lines, retry_delivery
from resolvers.webhooks.outbox import WebhookEvent
from resolvers.webhooks.registry import (
    SHOWN,
    WebhookRow,
    add_webhook,
    check_events,
    remove_webhook,
)
from resolvers.webhooks.urls import check_url

F = TypeVar("F", bound=Callable[..., Any])
EVENTS = click.Choice([e.value for e in WebhookEvent])


def _clear_errors(func: F) -> F:
    """Configuration problems and refused input end the command with their message."""

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except (ConfigurationError, HubError) as exc:
            click.echo(f"error: {exc}", err=True)
            sys.exit(2)

    return wrapper  # type: ignore[return-value]


@asynccontextmanager
async def _session(settings: Settings) -> AsyncIterator[AsyncSession]:
    """A session as the database owner, in one transaction, on an engine of its own."""
    engine = make_engine(settings.database_url)
    try:
        async with make_sessionmaker(engine)() as session, session.begin():
            yield session
    finally:
        await engine.dispose()


@click.group()
def webhooks() -> None:
    """Webhooks of API clients: register, list, deliveries."""


@webhooks.command("add")
@click.option("--client", "client_id", required=True, type=click.IntRange(min=1),
              help="The API client's id (`tatawwu clients list`).")
@click.option("--url", required=True, help="https:// (http:// too in dev mode).")
@click.option("--event", "events", required=True, multiple=True, type=EVENTS,
              help="An event to deliver (repeat the option for several).")
@_clear_errors
def add(client_id: int, url: str, events: tuple[str, ...]) -> None:
    """Register a webhook for an API client, for events of the client's tenant; prints its
    id and its signing secret (shown this once)."""
    settings = Settings.from_env()
    checked = check_url(url, production=not settings.is_dev, argument="--url")
    chosen = check_events(events, "--event")

    async def run() -> tuple[int, str, str]:
        async with _session(settings) as session:
            found = (await session.execute(
                select(m.ApiClient.tenant_id, m.ApiClient.revoked_at, m.Tenant.slug)
                .join(m.Tenant, m.Tenant.id == m.ApiClient.tenant_id)
                .where(m.ApiClient.id == client_id))).first()
            if found is None or found.revoked_at is not None:
                raise ConfigurationError(f"there is no active API client {client_id}")
            webhook_id, secret = await add_webhook(session, client_id=client_id,
                                                   tenant_id=found.tenant_id, url=checked,
                                                   events=chosen)
            return webhook_id, secret, found.slug

    webhook_id, secret, slug = asyncio.run(run())
    click.echo(f"webhook {webhook_id} of client {client_id} ({slug}): {checked}")
    click.echo(f"events: {', '.join(chosen)}")
    click.echo(f"secret (shown this once): {secret}")


@webhooks.command("list")
@click.option("--client", "client_id", type=click.IntRange(min=1), help="One client's only.")
@click.option("--all", "every", is_flag=True, help="The removed ones too.")
@_clear_errors
def listing(client_id: int | None, every: bool) -> None:
    """The webhooks (never their secrets): id, tenant, client, state, events, address."""
    settings = Settings.from_env()

    async def run() -> list[tuple[WebhookRow, str]]:
        async with _session(settings) as session:
            stmt = (select(*SHOWN, m.Tenant.slug).join(m.Tenant, m.Tenant.id == m.Webhook.tenant_id)
                    .order_by(m.Webhook.id))
            if client_id is not None:
                stmt = stmt.where(m.Webhook.client_id == client_id)
            if not every:
                stmt = stmt.where(m.Webhook.disabled_at.is_(None))
            return [(WebhookRow.of(r), r.slug) for r in (await session.execute(stmt)).all()]

    for row, slug in asyncio.run(run()):
        state = "active" if row.disabled_at is None else "removed"
        click.echo(f"{row.id:>4} {slug:<16} client {row.client_id:<4} {state:<7} "
                   f"{','.join(row.events)} {row.url}")


@webhooks.command("remove")
@click.argument("webhook_id", type=click.IntRange(min=1))
@_clear_errors
def remove(webhook_id: int) -> None:
    """Remove (disable) a webhook; its deliveries not yet sent are cancelled."""
    settings = Settings.from_env()

    async def run() -> bool:
        async with _session(settings) as session:
            return await remove_webhook(session, webhook_id)

    if not asyncio.run(run()):
        raise click.ClickException(f"there is no active webhook {webhook_id}")
    click.echo(f"webhook {webhook_id} removed")


@webhooks.command("deliveries")
@click.option("--webhook", "webhook_id", type=click.IntRange(min=1), help="One webhook's only.")
@click.option("--failed", is_flag=True, help="Only those that failed for good.")
@click.option("-n", "count", default=50, show_default=True, type=click.IntRange(1, 10_000))
@_clear_errors
def deliveries(webhook_id: int | None, failed: bool, count: int) -> None:
    """The latest deliveries, newest first: id, webhook, tenant, event, state (delivered,
    failed, cancelled, scheduled, pending), attempts, last HTTP status, when, last error."""
    settings = Settings.from_env()

    async def run() -> list[Any]:
        async with _session(settings) as session:
            return await delivery_lines(session, webhook_id=webhook_id, failed_only=failed,
                                        limit=count)

    for d in asyncio.run(run()):
        at = d.at.isoformat(timespec="seconds") if d.at else "-"
        click.echo(f"{d.id:>6} webhook {d.webhook_id:<4} {d.tenant:<14} {d.event:<22} "
                   f"{d.state:<9} {d.attempts} attempts  {d.last_status or '-':<3} {at} "
                   f"{d.last_error or ''}".rstrip())


@webhooks.command("retry")
@click.argument("delivery_id", type=click.IntRange(min=1))
@_clear_errors
def retry(delivery_id: int) -> None:
    """Make a failed or cancelled delivery due again now, its attempts counted anew."""
    settings = Settings.from_env()

    async def run() -> str | None:
        async with _session(settings) as session:
            return await retry_delivery(session, delivery_id)

    refused = asyncio.run(run())
    if refused is not None:
        raise click.ClickException(f"delivery {delivery_id} cannot be retried: {refused}")
    click.echo(f"delivery {delivery_id} is due again")


@webhooks.command("deliver")
@click.option("--watch", is_flag=True, help="Keep delivering, a pass every --interval seconds.")
@click.option("--interval", default=worker.INTERVAL, show_default=True,
              type=click.IntRange(1, 3600), help="Seconds between passes with --watch.")
@click.option("--batch", "batch_size", default=50, show_default=True,
              type=click.IntRange(1, 1000), help="Deliveries claimed per pass.")
@_clear_errors
def deliver(watch: bool, interval: int, batch_size: int) -> None:
    """Deliver due webhooks (signed POSTs), at least once; failed attempts are retried with
    back-off (HUB_WEBHOOK_MAX_ATTEMPTS, HUB_WEBHOOK_BACKOFF_SECONDS)."""
    settings = Settings.from_env()
    try:
        asyncio.run(worker.run(settings, watch=watch, interval=interval,
                               batch_size=batch_size,
                               echo=lambda line: click.echo(line, err=True)))
    except KeyboardInterrupt:
        click.echo("stopped", err=True)
