"""`tatawwu badges ...`: recompute a tenant's badge awards after a rule change.

    tatawwu badges recompute setif-youth --dry-run   # what would change, nothing written
    tatawwu badges recompute setif-youth             # the tenant file synced, then applied
    tatawwu badges recompute --all                   # every active tenant (e.g. nightly)

The rules are read from the tenant files (HUB_TENANTS_DIR): a dry run evaluates the file's
rules without writing the tenant row; a real run syncs the tenant files and applies the
changes in one transaction (resolvers/badges/recompute.py), as the database owner. The
database must be migrated (`tatawwu migrate`, or a `tatawwu serve` since the last upgrade).
"""

from __future__ import annotations

import asyncio
import sys
import uuid
from dataclasses import dataclass
from typing import Any

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from sqlalchemy import select

from hub.config import Settings
from hub.db import models as m
from hub.db.engine import make_engine, make_sessionmaker
from hub.entry import setup_steps
from hub.errors import ConfigurationError
from hub.tenant_sync import sync_tenants
from resolvers.applications.rules import local_today
from resolvers.badges.awards import TenantRules
from resolvers.badges.recompute import display_names, recompute, summary
from tenants import TenantDefinition, TenantFileError


@click.group()
def badges() -> None:
    """Badges: recompute a tenant's awards after a rule change."""


@dataclass(slots=True)
class _Task:
    """A rich progress bar's task, as resolvers.badges.recompute.Progress."""

    bar: Progress
    task: Any

    def total(self, count: int) -> None:
        self.bar.update(self.task, total=count)

    def advance(self, count: int) -> None:
        self.bar.advance(self.task, count)


@badges.command("recompute")
@click.argument("tenant", required=False)
@click.option("--all", "every", is_flag=True, help="Every active tenant.")
@click.option("--dry-run", is_flag=True,
              help="List what would be added and removed; write nothing.")
def recompute_command(tenant: str | None, every: bool, dry_run: bool) -> None:
    """Make TENANT's awards what its badge rules say now: award what is met, revoke what is
    no longer met (a raised threshold, a removed rule, a lapsed period). Prints, per
    volunteer, the badges added (+) and removed (-)."""
    if (tenant is None) == (not every):
        raise click.UsageError("name one TENANT, or --all")
    settings = Settings.from_env()
    try:
        registry = setup_steps.load_tenants(settings)
        lines = asyncio.run(_recompute(settings, registry, tenant, dry_run))
    except (ConfigurationError, TenantFileError) as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(2)
    for line in lines:
        click.echo(line)


async def _recompute(settings: Settings, registry: dict[str, TenantDefinition],
                     slug: str | None, dry_run: bool) -> list[str]:
    if slug is not None and slug not in registry:
        raise ConfigurationError(f"there is no tenant file for {slug!r}")
    slugs = [slug] if slug is not None else sorted(registry)
    engine = make_engine(settings.database_url)
    lines: list[str] = []
    request_id = f"badges-recompute-{uuid.uuid4().hex[:12]}"
    try:
        async with make_sessionmaker(engine)() as session:
            transaction = await session.begin()
            if not dry_run:
                await sync_tenants(session, registry)
            ids: dict[str, int] = {slug: int(tenant_id) for slug, tenant_id in (
                await session.execute(select(m.Tenant.slug, m.Tenant.id).where(
                    m.Tenant.slug.in_(slugs)))).all()}
            with Progress(TextColumn("{task.description:<28}"), BarColumn(),
                          MofNCompleteColumn(), TimeElapsedColumn(),
                          console=Console(stderr=True)) as bar:
                for each in slugs:
                    if each not in ids:
                        raise ConfigurationError(f"tenant {each!r} is not in the database "
                                                 "yet: run `tatawwu tenants sync` first")
                    definition = registry[each]
                    rules = TenantRules(ids[each], local_today(definition.time_zone),
                                        definition.badge_rules)
                    planned = await recompute(
                        session, ids[each], dry_run=dry_run, request_id=request_id,
                        rules=rules,
                        evaluating=_Task(bar, bar.add_task(f"{each}: evaluating")),
                        writing=None if dry_run
                        else _Task(bar, bar.add_task(f"{each}: writing", total=None)))
                    names = await display_names(session, list(planned.by_volunteer()))
                    lines.append(f"{each}: " + "\n".join(summary(planned, names,
                                                                 dry_run=dry_run)))
            if dry_run:
                await transaction.rollback()
            else:
                await transaction.commit()
    finally:
        await engine.dispose()
    if dry_run:
        lines.append("dry run: nothing was written")
    return lines
