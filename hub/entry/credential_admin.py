"""`tatawwu credentials ...`: the societies' signing keys, the federation's trust list, and
the offline verification of a credential (docs/credentials.md).

    tatawwu credentials keys create TENANT     a first key (refused if one is active)
    tatawwu credentials keys rotate TENANT     a new signing key; the old ones stay published
    tatawwu credentials keys list [TENANT]     thumbprints, created, retired
    tatawwu credentials jwks TENANT            a society's JWKS (pin the federation's)
    tatawwu credentials trust-list             the signed list of member societies
    tatawwu credentials verify FILE... --trust-list TRUST --federation-jwks PINNED

`verify` opens no connection and reads no database: everything comes from its files.
The other commands work on the database as its owner (HUB_DATABASE_URL).
"""

from __future__ import annotations

import asyncio
import json
import sys
from pathlib import Path
from typing import Any

import click
from sqlalchemy import select

from hub.config import Settings
from hub.db import models as m
from hub.db.engine import make_engine, make_sessionmaker
from hub.errors import ConfigurationError
from hub.i18n import message
from resolvers.credentials import keys as issuer_keys
from resolvers.credentials.addresses import issuer_id, key_url
from resolvers.credentials.trust_list import (
    DEFAULT_VALID_DAYS,
    TrustListError,
    make_trust_list,
    read_trust_list,
)
from resolvers.credentials.verification import (
    MESSAGES,
    Rejected,
    StatusLists,
    Verified,
    verify_credential,
)


def _fail(text: str, code: int = 2) -> None:
    click.echo(f"error: {text}", err=True)
    sys.exit(code)


@click.group()
def credentials() -> None:
    """Credentials: issuer keys, trust lists, offline verification."""


# --- keys ----------------------------------------------------------------------------------


@credentials.group()
def keys() -> None:
    """Each society's keys for signing credentials (RS256)."""


async def _with_tenant(settings: Settings, slug: str, work: Any) -> Any:
    engine = make_engine(settings.database_url)
    try:
        async with make_sessionmaker(engine)() as session, session.begin():
            tenant = (await session.execute(select(m.Tenant).where(
                m.Tenant.slug == slug, m.Tenant.active))).scalar_one_or_none()
            if tenant is None:
                raise ConfigurationError(f"there is no active tenant {slug!r}")
            return await work(session, tenant)
    finally:
        await engine.dispose()


def _run(settings: Settings, slug: str, work: Any) -> Any:
    try:
        return asyncio.run(_with_tenant(settings, slug, work))
    except ConfigurationError as exc:
        _fail(str(exc))


@keys.command("create")
@click.argument("tenant")
def keys_create(tenant: str) -> None:
    """Create TENANT's first signing key (a tenant also gets one when it first issues)."""
    settings = Settings.from_env()

    async def work(session: Any, row: m.Tenant) -> issuer_keys.PublicKey:
        held = (await issuer_keys.public_keys(session, [row.id])).get(row.id, [])
        if any(k.retired_at is None for k in held):
            raise ConfigurationError(f"{tenant} already has an active key: "
                                     f"`tatawwu credentials keys rotate {tenant}` replaces it")
        return await issuer_keys.create_key(session, row.id)

    made = _run(settings, tenant, work)
    click.echo(key_url(issuer_id(settings.public_url, tenant), made.thumbprint))


@keys.command("rotate")
@click.argument("tenant")
def keys_rotate(tenant: str) -> None:
    """A new signing key for TENANT; its old keys sign nothing more but stay published, so
    the credentials they signed still verify."""
    settings = Settings.from_env()

    async def work(session: Any, row: m.Tenant) -> tuple[list[str], issuer_keys.PublicKey]:
        return await issuer_keys.rotate_key(session, row.id)

    retired, made = _run(settings, tenant, work)
    for thumbprint in retired:
        click.echo(f"retired {thumbprint}", err=True)
    click.echo(key_url(issuer_id(settings.public_url, tenant), made.thumbprint))


@keys.command("list")
@click.argument("tenant", required=False)
def keys_list(tenant: str | None) -> None:
    """Every key (of TENANT, or of all): tenant, thumbprint, created, retired."""
    settings = Settings.from_env()

    async def listing() -> list[tuple[str, issuer_keys.PublicKey]]:
        engine = make_engine(settings.database_url)
        try:
            async with make_sessionmaker(engine)() as session:
                stmt = select(m.Tenant.id, m.Tenant.slug)
                if tenant:
                    stmt = stmt.where(m.Tenant.slug == tenant)
                slugs = dict((await session.execute(stmt)).all())
                found = await issuer_keys.public_keys(session, list(slugs))
        finally:
            await engine.dispose()
        return [(slugs[t], k) for t, held in sorted(found.items()) for k in held]

    for slug, key in asyncio.run(listing()):
        retired = key.retired_at.isoformat(timespec="seconds") if key.retired_at else "active"
        click.echo(f"{slug:<16} {key.thumbprint}  {key.created_at.isoformat(timespec='seconds')}"
                   f"  {retired}")


@credentials.command("jwks")
@click.argument("tenant")
@click.option("--output", type=click.Path(dir_okay=False, path_type=Path), default=None)
def jwks_command(tenant: str, output: Path | None) -> None:
    """TENANT's public keys as a JWKS (what /issuers/TENANT/jwks.json serves): the
    federation's is the file verifiers pin."""
    settings = Settings.from_env()

    async def work(session: Any, row: m.Tenant) -> dict[str, Any]:
        held = (await issuer_keys.public_keys(session, [row.id])).get(row.id, [])
        return issuer_keys.jwks(issuer_id(settings.public_url, row.slug), held)

    text = json.dumps(_run(settings, tenant, work), indent=2) + "\n"
    if output:
        output.write_text(text, encoding="utf-8")
    else:
        click.echo(text, nl=False)


# --- the trust list ------------------------------------------------------------------------


@credentials.command("trust-list")
@click.option("--output", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write it to this file instead of standard output.")
@click.option("--valid-days", type=click.IntRange(1, 366), default=DEFAULT_VALID_DAYS,
              show_default=True, help="How long verifiers may rely on it.")
def trust_list_command(output: Path | None, valid_days: int) -> None:
    """The member societies (ids, names, keys, current status lists), signed by the
    federation's key (created on first use)."""
    settings = Settings.from_env()

    async def made() -> tuple[str, str, str]:
        engine = make_engine(settings.database_url)
        try:
            async with make_sessionmaker(engine)() as session, session.begin():
                tenants = (await session.scalars(select(m.Tenant).where(
                    m.Tenant.active).order_by(m.Tenant.id))).all()
                token = await make_trust_list(session, settings.public_url, tenants,
                                              valid_days=valid_days)
                federation = next(t for t in tenants if t.kind == "FEDERATION")
                key = await issuer_keys.signing_key(session, federation.id)
                return token, federation.slug, key.thumbprint
        finally:
            await engine.dispose()

    try:
        token, slug, thumbprint = asyncio.run(made())
    except TrustListError as exc:
        _fail(str(exc))
    if output:
        output.write_text(token + "\n", encoding="utf-8")
    else:
        click.echo(token)
    click.echo(f"signed by {slug}'s key {thumbprint}: verifiers pin it with "
               f"--federation-thumbprint {thumbprint} or with "
               f"`tatawwu credentials jwks {slug}` as --federation-jwks", err=True)


# --- offline verification --------------------------------------------------------------


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError) as exc:
        _fail(f"{path}: {exc}")
        raise  # unreachable: _fail exits


@credentials.command("verify")
@click.argument("files", nargs=-1, required=True,
                type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--trust-list", "trust_file", required=True,
              type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="The federation's signed trust list (`tatawwu credentials trust-list`, "
                   "or /trust-list.jwt).")
@click.option("--federation-jwks", "pinned_file",
              type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="The federation's JWKS, kept from before: the trust list must be signed "
                   "with one of its keys.")
@click.option("--federation-thumbprint", "thumbprint",
              help="Or the RFC 7638 thumbprint of the federation's signing key.")
@click.option("--status-list", "status_files", multiple=True,
              type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="A fresher copy of an issuer's status list (/issuers/SLUG/status/1) than "
                   "the trust list's (repeatable).")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per credential.")
def verify_command(files: tuple[Path, ...], trust_file: Path, pinned_file: Path | None,
                   thumbprint: str | None, status_files: tuple[Path, ...],
                   as_json: bool) -> None:
    """Verify credentials (VC-JWT files) with no network at all: their issuers' keys come
    from the trust list, which must verify with the pinned federation key; revocation is
    read from the status lists in the trust list (or given with --status-list). Exits 0
    when every credential is valid, 1 when one is not, 2 when the trust list is not."""
    if pinned_file is None and not thumbprint:
        _fail("pin the federation's key: --federation-jwks FILE or --federation-thumbprint")
    try:
        pinned = (issuer_keys.key_set(json.loads(_read(pinned_file)))
                  if pinned_file is not None else None)
    except (ValueError, TypeError) as exc:
        _fail(f"{pinned_file}: not a JWKS ({exc})")
        return
    try:
        trust = read_trust_list(_read(trust_file), pinned=pinned, thumbprint=thumbprint)
    except TrustListError as exc:
        _fail(f"{trust_file}: {exc}")
        return
    lists = StatusLists(trust.keys_for)
    lists.add_all(member.status_list for member in trust.members.values()
                  if member.status_list)
    lists.add_all(_read(path) for path in status_files)
    valid = True
    for path in files:
        try:
            found = verify_credential(_read(path), keys_for=trust.keys_for,
                                      revoked=lists.revoked)
        except Rejected as exc:
            valid = False
            _report_rejected(path, exc, as_json)
            continue
        _report_valid(path, found, trust.members[found.issuer].name, lists, as_json)
    sys.exit(0 if valid else 1)


def _report_rejected(path: Path, exc: Rejected, as_json: bool) -> None:
    reason = message("en", MESSAGES[exc.failure])
    if as_json:
        click.echo(json.dumps({"file": str(path), "valid": False, "failure": exc.failure.value,
                               "reason": reason, "detail": exc.detail}, ensure_ascii=False))
    else:
        click.echo(f"{path}: INVALID ({exc.failure.value}) {reason} [{exc.detail}]")


def _report_valid(path: Path, found: Verified, issuer_name: str, lists: StatusLists,
                  as_json: bool) -> None:
    status = found.status
    checked = lists.lists[status.list_url].valid_from.isoformat() if status else None
    if as_json:
        click.echo(json.dumps({
            "file": str(path), "valid": True, "id": found.id, "issuer": found.issuer,
            "issuerName": issuer_name, "subject": found.subject,
            "name": found.payload.get("name"), "kind": found.kind, "hours": found.hours,
            "validFrom": found.valid_from.isoformat(), "statusCheckedAsOf": checked,
        }, ensure_ascii=False))
        return
    hours = f", {found.hours:g} hours" if found.hours is not None else ""
    revocation = (f"; not revoked as of {checked}" if checked
                  else "; it has no revocation status")
    click.echo(f"{path}: VALID {found.payload.get('name')!s} ({found.kind.lower()}{hours}), "
               f"issued by {issuer_name} <{found.issuer}> to {found.subject}, valid from "
               f"{found.valid_from.isoformat()}{revocation}")
