"""The `tatawwu` command (also `python -m hub`). A composition root, like `hub/app.py`."""

from __future__ import annotations

import asyncio
import sys
from collections.abc import Callable
from datetime import date
from functools import wraps
from pathlib import Path
from typing import Any, TypeVar

import click

from hub import setup_steps
from hub.config import Settings
from hub.errors import ConfigurationError
from tenants import TenantFileError

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


@click.group()
def main() -> None:
    """Tatawwu Hub: one GraphQL API over the volunteering data of many societies."""


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=int)
@click.option("--demo", is_flag=True, help="Seed the demo data if the database is empty.")
@clear_errors
def serve(host: str, port: int, demo: bool) -> None:
    """Migrate, sync tenants, optionally seed the demo, then serve /graphql."""
    import uvicorn

    from hub.app import create_app

    settings = Settings.from_env()
    registry = setup_steps.load_tenants(settings)
    setup_steps.migrate(settings)
    report = asyncio.run(setup_steps.sync(settings, registry))
    click.echo(f"tenants: {len(registry)} ({len(report.created)} new, "
               f"{len(report.updated)} updated)", err=True)
    if demo:
        seeded = asyncio.run(setup_steps.seed(settings, date.today()))
        click.echo("demo data: " + (f"seeded {seeded.opportunities} opportunities, "
                                    f"{seeded.volunteers} volunteers" if seeded
                                    else "already present"), err=True)
    ide = " (GraphiQL in the browser)" if settings.is_dev else ""
    click.echo(f"serving http://{host}:{port}/graphql{ide}", err=True)
    uvicorn.run(create_app(settings), host=host, port=port, log_level=settings.log_level,
                proxy_headers=False)


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

        report = asyncio.run(generate(settings, scale, day))
        click.echo(report.summary())


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


@main.command()
@clear_errors
def config() -> None:
    """Print the effective settings, secrets hidden."""
    for key, value in Settings.from_env().describe().items():
        click.echo(f"{key}={value}")
