"""The `tatawwu` command (also `python -m hub`). A composition root, like `hub/entry/app.py`."""

from __future__ import annotations

import asyncio
import os
import sys
from collections.abc import Callable
from datetime import date
from functools import wraps
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from hub.config import Settings, redact_url, sqlite_file
from hub.entry import setup_steps
from hub.errors import ConfigurationError
from tenants import TenantFileError

if TYPE_CHECKING:
    from hub.auth import DevKey

F = TypeVar("F", bound=Callable[..., Any])


def clear_errors(func: F) -> F:
    """Configuration and tenant-file problems end the command with their message, no trace."""

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except (ConfigurationError, TenantFileError) as exc:
            click.echo(f"error: {exc}", err=True)
            sys.exit(2)

    return wrapper  # type: ignore[return-value]


DEMO_TOKENS = """
Try each view in GraphiQL (header  Authorization: Bearer <token>):
  staff coordinator:  tatawwu token --tenant dz-crescent --role coordinator
  staff editor:       tatawwu token --tenant setif-youth --role editor
  volunteer:          tatawwu token --volunteer 5
  federation analyst: tatawwu token --federation
  (anonymous: no header; { viewer { kind roles volunteer { displayName } } } shows who you are)
"""


@click.group()
def main() -> None:
    """Tatawwu Hub: one GraphQL API over the volunteering data of many societies."""


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=int)
@click.option("--demo", is_flag=True, help="Seed the demo data if the database is empty.")
@click.option("--notify", is_flag=True,
              help="Also deliver notifications (as `tatawwu notify --watch`) in this process.")
@click.option("--webhooks", is_flag=True,
              help="Also deliver webhooks (as `tatawwu webhooks deliver --watch`) in this "
                   "process.")
@click.option("--workers", default=1, show_default=True, type=click.IntRange(1, 64),
              help="Hub processes sharing the port (several need PostgreSQL or Redis for "
                   "live calls: docs/live.md).")
@clear_errors
def serve(host: str, port: int, demo: bool, notify: bool, webhooks: bool,
          workers: int) -> None:
    """Migrate, sync tenants, optionally seed the demo, then serve /graphql (and its
    websocket) from one process or `--workers` processes."""
    import uvicorn

    from hub.live.bus import backend_of
    from hub.logs import logging_config

    settings = Settings.from_env()
    live = backend_of(settings)  # a live setting that cannot work stops the start here
    if workers > 1 and live == "memory":
        raise ConfigurationError(
            f"--workers {workers}: live emergency calls would reach the subscribers of one "
            "process only (HUB_LIVE_BACKEND is in-process memory); use PostgreSQL "
            "(HUB_DATABASE_URL) or Redis (HUB_REDIS_URL), or one worker")
    if notify:
        from resolvers.notifications.mailers import mailer_for

        mailer_for(settings)  # a mail configuration error stops the start here
    # Once, before any worker starts: the workers find the database ready.
    registry = setup_steps.load_tenants(settings)
    setup_steps.migrate(settings)
    report = asyncio.run(setup_steps.sync(settings, registry))
    click.echo(f"tenants: {len(registry)} ({len(report.created)} new, "
               f"{len(report.updated)} updated)", err=True)
    asyncio.run(setup_steps.push_own_documents(settings))
    if demo:
        seeded = asyncio.run(setup_steps.seed(settings, date.today()))
        click.echo("demo data: " + (f"seeded {seeded.opportunities} opportunities, "
                                    f"{seeded.volunteers} volunteers" if seeded
                                    else "already present"), err=True)
        if settings.is_dev:
            click.echo(DEMO_TOKENS, err=True)
    if settings.is_dev:
        click.echo(f"development tokens: signed with {settings.dev_key_file} (created if "
                   "absent; `tatawwu token` on this database uses it)", err=True)
    ide = " (GraphiQL in the browser)" if settings.is_dev else ""
    click.echo(f"serving http://{host}:{port}/graphql{ide}", err=True)
    click.echo(f"live emergency calls: ws://{host}:{port}/graphql over {live}"
               + (f", {workers} processes" if workers > 1 else ""), err=True)
    if workers > 1 and settings.is_sqlite:
        click.echo("warning: several processes on one SQLite file wait for each other's "
                   "writes; PostgreSQL is the database for several processes", err=True)
    if notify:
        click.echo(f"delivering notifications ({settings.mail_delivery}) every "
                   f"{NOTIFY_INTERVAL}s", err=True)
    if webhooks:
        click.echo("delivering webhooks", err=True)
    options: dict[str, Any] = {
        "host": host, "port": port, "log_level": settings.log_level, "proxy_headers": False,
        "log_config": logging_config(settings.log_format, settings.log_level),
        # A websocket message is a request too: no bigger than a request's body.
        "ws_max_size": settings.max_body_bytes,
    }
    if workers == 1:
        from hub.entry.app import create_app
        from hub.entry.live import with_live

        uvicorn.run(with_live(create_app(settings, notify=notify, webhooks=webhooks)),
                    **options)
        return
    # Each worker imports the app factory and builds its own app from the same settings.
    os.environ[SERVE_NOTIFY] = "1" if notify else ""
    os.environ[SERVE_WEBHOOKS] = "1" if webhooks else ""
    uvicorn.run(f"{__name__}:worker_app", factory=True, workers=workers, **options)


SERVE_NOTIFY = "TATAWWU_SERVE_NOTIFY"  # `serve --notify`, as its workers read it
SERVE_WEBHOOKS = "TATAWWU_SERVE_WEBHOOKS"  # `serve --webhooks`, likewise


def worker_app() -> Any:
    """The app of one `serve --workers N` process: what `serve` runs in one process, built
    from the environment (settings) the workers inherit."""
    from hub.entry.app import create_app
    from hub.entry.live import with_live

    return with_live(create_app(Settings.from_env(),
                                notify=os.environ.get(SERVE_NOTIFY) == "1",
                                webhooks=os.environ.get(SERVE_WEBHOOKS) == "1"))


NOTIFY_INTERVAL = 30


@main.command()
@click.option("--watch", is_flag=True, help="Keep delivering, a pass every --interval seconds.")
@click.option("--interval", default=NOTIFY_INTERVAL, show_default=True,
              type=click.IntRange(1, 3600), help="Seconds between passes with --watch.")
@click.option("--batch", "batch_size", default=50, show_default=True,
              type=click.IntRange(1, 1000), help="Notifications claimed per pass.")
@click.option("--status", "show_status", is_flag=True,
              help="Send nothing: count notifications by state, list the latest failures.")
@clear_errors
def notify(watch: bool, interval: int, batch_size: int, show_status: bool) -> None:
    """Deliver due notifications by e-mail (HUB_SMTP_URL), at least once, in each
    volunteer's language; in dev mode without HUB_SMTP_URL they are printed instead.
    Failed sends are retried with back-off (HUB_NOTIFY_MAX_ATTEMPTS); see
    docs/notifications.md."""
    from resolvers.notifications import worker

    settings = Settings.from_env()
    if show_status:
        counts, failures = asyncio.run(worker.status(settings))
        click.echo(f"pending {counts.pending}, sent {counts.sent}, failed {counts.failed}, "
                   f"skipped {counts.skipped}")
        for line in failures:
            click.echo(line)
        return
    try:
        asyncio.run(worker.run(settings, watch=watch, interval=interval,
                               batch_size=batch_size, echo=lambda line: click.echo(line, err=True)))
    except KeyboardInterrupt:
        click.echo("stopped", err=True)


@main.command()
@clear_errors
def migrate() -> None:
    """Apply pending database migrations."""
    settings = Settings.from_env()
    setup_steps.migrate(settings)
    click.echo("database is at the latest revision")


@main.group()
def tenants() -> None:
    """The tenant registry (one TOML file per tenant)."""


@tenants.command("list")
@clear_errors
def tenants_list() -> None:
    """List the tenant files."""
    registry = setup_steps.load_tenants(Settings.from_env())
    for t in registry.values():
        click.echo(f"{t.slug:<16} {t.kind.value:<21} {t.country or '--':<3} "
                   f"{t.default_locale:<6} {t.names['en']}")


@tenants.command("check")
@clear_errors
def tenants_check() -> None:
    """Validate the tenant files without touching the database."""
    registry = setup_steps.load_tenants(Settings.from_env())
    click.echo(f"{len(registry)} tenant files are valid")


@tenants.command("sync")
@clear_errors
def tenants_sync() -> None:
    """Write the tenant files into the database (migrating it first)."""
    settings = Settings.from_env()
    registry = setup_steps.load_tenants(settings)
    setup_steps.migrate(settings)
    report = asyncio.run(setup_steps.sync(settings, registry))
    for label, slugs in (("created", report.created), ("updated", report.updated),
                         ("unchanged", report.unchanged), ("deactivated", report.deactivated)):
        if slugs:
            click.echo(f"{label}: {', '.join(slugs)}")


@main.group()
def seed() -> None:
    """Demo data."""


@seed.command("demo")
@click.option("--scale", type=click.IntRange(min=0), default=0,
              help="Also generate N x (1,000 opportunities, 10,000 volunteers).")
@click.option("--today", type=click.DateTime(formats=["%Y-%m-%d"]), default=None,
              help="The day demo dates count from (default: today).")
@clear_errors
def seed_demo(scale: int, today: Any) -> None:
    """Seed the hand-written multilingual demo (once), and optionally a large generated set."""
    settings = Settings.from_env()
    registry = setup_steps.load_tenants(settings)
    setup_steps.migrate(settings)
    asyncio.run(setup_steps.sync(settings, registry))
    day = today.date() if today else date.today()
    seeded = asyncio.run(setup_steps.seed(settings, day))
    click.echo(f"demo: seeded {seeded.opportunities} opportunities, {seeded.events} events, "
               f"{seeded.news} news, {seeded.volunteers} volunteers" if seeded
               else "demo: already present")
    if scale:
        from hub.demo.scale import generate
        from hub.entry.statistics_admin import rebuild as rebuild_statistics

        report = asyncio.run(generate(settings, scale, day))
        click.echo(report.summary())
        # The generator writes records directly: the statistics' rollups follow them here.
        counts = asyncio.run(rebuild_statistics(settings))
        click.echo("statistics: " + ", ".join(f"{n:,} {t}" for t, n in counts.items()))


@main.command()
@click.option("--tenant", help="Staff token: the tenant's slug.")
@click.option("--role", "roles", multiple=True,
              type=click.Choice(["admin", "coordinator", "editor", "viewer"]),
              help="Staff token: a role (repeat for several).")
@click.option("--volunteer", "volunteer_id", type=click.IntRange(min=1),
              help="Volunteer token: the volunteer's numeric id.")
@click.option("--federation", is_flag=True, help="Federation analyst token.")
@click.option("--person", metavar="NAME",
              help="A signed-in person with no volunteer record yet, known by NAME (their "
                   "subject): they may registerVolunteer, and are that volunteer afterwards.")
@click.option("--hours", default=8, show_default=True, type=click.IntRange(1, 24 * 30))
@clear_errors
def token(tenant: str | None, roles: tuple[str, ...], volunteer_id: int | None,
          federation: bool, person: str | None, hours: int) -> None:
    """Print a development token (dev mode only) on standard output, alone:
    TOKEN=$(tatawwu token --tenant dz-crescent --role coordinator)."""
    from hub.auth import mint_dev_token

    settings = Settings.from_env()
    if not settings.is_dev:
        raise ConfigurationError("development tokens are refused in production mode")
    chosen = sum((bool(tenant), volunteer_id is not None, federation, bool(person)))
    if chosen != 1:
        raise click.UsageError("give exactly one of --tenant (with --role), --volunteer ID, "
                               "--federation, --person NAME")
    if roles and not tenant:
        raise click.UsageError("--role goes with --tenant")
    if tenant:
        registry = setup_steps.load_tenants(settings)
        if tenant not in registry:
            raise click.UsageError(f"there is no tenant {tenant!r}")
        if not roles:
            raise click.UsageError("a staff token needs at least one --role")
    key = hub_dev_key(settings)
    subject = (f"staff:{tenant}:{'+'.join(roles)}" if tenant else
               f"volunteer:{volunteer_id}" if volunteer_id else
               f"person:{person}" if person else "federation:analyst")
    click.echo(mint_dev_token(key, subject=subject, tenant=tenant, roles=list(roles),
                              volunteer_id=volunteer_id, federation=federation,
                              ttl_seconds=hours * 3600))


def hub_dev_key(settings: Settings) -> DevKey:
    """The key of the hub that serves `settings.database_url`, never a new one: a token
    signed with a key the hub does not have would only be refused by it."""
    from hub.auth import DevKey
    from hub.auth.dev_tokens import DevKeyNotFound

    try:
        return DevKey.load(settings.dev_key_file)
    except DevKeyNotFound:
        source = ("HUB_DEV_KEY_FILE" if os.environ.get("HUB_DEV_KEY_FILE", "").strip()
                  else f"the default for the database {redact_url(settings.database_url)}")
        database = sqlite_file(settings.database_url)
        nothing_there = (f" There is no database at {database} either: run this where the hub "
                         "runs, or set HUB_DATABASE_URL to the hub's database."
                         if database is not None and not database.exists() else "")
        raise ConfigurationError(
            f"there is no development key at {settings.dev_key_file} ({source}), so no hub "
            "would accept a token signed here. The hub creates its key when it starts in dev "
            "mode: start it first on the same database (`make serve`, or `tatawwu serve` with "
            "the same HUB_DATABASE_URL), or set HUB_DEV_KEY_FILE to the key file of the hub "
            f"you call (`tatawwu config` where it runs shows it).{nothing_there}"
        ) from None


@main.group()
def clients() -> None:
    """API clients: keys for widgets and society systems."""


@clients.command("create")
@click.option("--tenant", required=True, help="The tenant the client belongs to.")
@click.option("--name", required=True)
@click.option("--scope", "scopes", multiple=True, default=("read",), show_default=True)
@click.option("--origin", "origins", multiple=True,
              help="An allowed browser origin, e.g. https://www.example.org (repeatable).")
@clear_errors
def clients_create(tenant: str, name: str, scopes: tuple[str, ...],
                   origins: tuple[str, ...]) -> None:
    """Create a client; its key is printed once, alone on standard output."""
    from hub.entry import client_admin

    settings = Settings.from_env()
    setup_steps.migrate(settings)
    client_id, key = asyncio.run(client_admin.create(settings, tenant, name, list(scopes),
                                                     list(origins)))
    click.echo(f"client {client_id} created for {tenant}; keep this key, it is shown once:",
               err=True)
    click.echo(key)


@clients.command("list")
@clear_errors
def clients_list() -> None:
    """List clients (never their keys)."""
    from hub.entry import client_admin

    for line in asyncio.run(client_admin.listing(Settings.from_env())):
        click.echo(line)


@clients.command("revoke")
@click.argument("client_id", type=int)
@clear_errors
def clients_revoke(client_id: int) -> None:
    """Revoke a client: its key stops working at once."""
    from hub.entry import client_admin

    if not asyncio.run(client_admin.revoke(Settings.from_env(), client_id)):
        raise click.ClickException(f"there is no active client {client_id}")
    click.echo(f"client {client_id} revoked")


@main.group()
def documents() -> None:
    """Trusted documents: the persisted queries of society frontends (docs/hardening.md)."""


@documents.command("push")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--client", metavar="NAME_OR_ID",
              help="Store them for this API client only (default: global, for every caller).")
@clear_errors
def documents_push(file: Path, client: str | None) -> None:
    """Check every document of a manifest (Relay's persisted_queries.json, Apollo's
    persisted query manifest, GraphQL Code Generator's persisted-documents.json) against
    the schema and the hub's limits, then store them all, or nothing if one fails.
    Pushing the same file again changes nothing."""
    from hub.documents import ManifestError, PushRefused
    from hub.documents import admin as document_admin
    from hub.documents.admin import UnknownClient
    from hub.entry.documents import schema_check

    settings = Settings.from_env()
    try:
        manifest = document_admin.read_file(file)
    except ManifestError as exc:
        raise click.ClickException(str(exc)) from None
    owner = f"API client {client}" if client else "every caller (global)"
    click.echo(f"{file.name}: {len(manifest.entries)} documents ({manifest.format} manifest) "
               f"for {owner}; checking them against the schema...", err=True)
    setup_steps.migrate(settings)
    try:
        _, report = asyncio.run(document_admin.push_file(settings, file, client,
                                                         schema_check(settings)))
    except UnknownClient as exc:
        raise click.ClickException(str(exc)) from None
    except PushRefused as exc:
        for problem in exc.problems:
            click.echo(f"refused: {problem}", err=True)
        raise click.ClickException(f"{len(exc.problems)} problem(s): nothing was stored") \
            from None
    click.echo(f"stored: {len(report.created)} new, {len(report.restored)} restored, "
               f"{len(report.unchanged)} unchanged")


@documents.command("list")
@click.option("--client", metavar="NAME_OR_ID", help="This API client's documents only.")
@click.option("--all", "every_owner", is_flag=True, help="Every owner's documents.")
@click.option("--retired", is_flag=True, help="Also the removed ones.")
@clear_errors
def documents_list(client: str | None, every_owner: bool, retired: bool) -> None:
    """List trusted documents (default: the global ones): id, owner, operation, hash."""
    from hub.documents import admin as document_admin
    from hub.documents.admin import UnknownClient

    try:
        found = asyncio.run(document_admin.listing(Settings.from_env(), client,
                                                   every_owner=every_owner, retired=retired))
    except UnknownClient as exc:
        raise click.ClickException(str(exc)) from None
    for d in found:
        owner = f"client {d.client_id}" if d.client_id is not None else "global"
        operation = f"{d.operation_type or '?'} {d.operation_name or '(unnamed)'}"
        removed = " (removed)" if d.retired_at else ""
        click.echo(f"{d.document_id:<71} {owner:<12} {operation:<40} {d.sha256[:12]}{removed}")
    click.echo(f"{len(found)} documents", err=True)


@documents.command("remove")
@click.argument("document_id")
@click.option("--client", metavar="NAME_OR_ID",
              help="The API client whose document it is (default: a global document).")
@clear_errors
def documents_remove(document_id: str, client: str | None) -> None:
    """Stop accepting a document (within the hubs' 10-second lookup cache). Its id stays
    bound to its text: pushing the same text again restores it."""
    from hub.documents import admin as document_admin
    from hub.documents.admin import UnknownClient

    try:
        removed = asyncio.run(document_admin.remove(Settings.from_env(), document_id, client))
    except UnknownClient as exc:
        raise click.ClickException(str(exc)) from None
    if not removed:
        raise click.ClickException(f"there is no trusted document {document_id!r} in use"
                                   + (f" for API client {client}" if client else " (global)"))
    click.echo(f"document {document_id} removed")


@main.group()
def audit() -> None:
    """The audit trail."""


@audit.command("tail")
@click.option("-n", "count", default=20, show_default=True, type=click.IntRange(1, 10_000))
@click.option("--tenant", help="Only events of this tenant.")
@clear_errors
def audit_tail(count: int, tenant: str | None) -> None:
    """The latest audit events, oldest first."""
    from hub.entry import client_admin

    for line in asyncio.run(client_admin.audit_lines(Settings.from_env(), count, tenant)):
        click.echo(line)


@main.group()
def schema() -> None:
    """The GraphQL schema."""


@schema.command("print")
@click.option("--output", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write to this file instead of standard output.")
def schema_print(output: Path | None) -> None:
    """Print the SDL (the committed snapshot is schema/schema.graphql)."""
    from schema import sdl

    text = sdl()
    if output:
        output.write_text(text, encoding="utf-8")
    else:
        click.echo(text, nl=False)


@schema.command("policy")
@click.option("--output", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write to this file (docs/security.md) instead of standard output.")
def schema_policy(output: Path | None) -> None:
    """Print the policy document: who sees which type and field."""
    from schema import build_schema, policy_document

    text = policy_document(build_schema())
    if output:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(text, encoding="utf-8")
    else:
        click.echo(text, nl=False)


@main.command()
@clear_errors
def config() -> None:
    """Print the effective settings, secrets hidden."""
    for key, value in Settings.from_env().describe().items():
        click.echo(f"{key}={value}")


def _add_groups() -> None:
    """The command groups kept in modules of their own."""
    from hub.entry.badge_admin import badges
    from hub.entry.credential_admin import credentials
    from hub.entry.statistics_admin import statistics
    from hub.entry.webhook_admin import webhooks

    for group in (badges, credentials, statistics, webhooks):
        main.add_command(group)


_add_groups()
