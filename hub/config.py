"""Typed settings read once from `HUB_*` environment variables."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Literal

from hub.errors import ConfigurationError

Mode = Literal["dev", "production"]

DEFAULT_SQLITE_FILE = "tatawwu.sqlite3"


@dataclass(frozen=True, slots=True)
class Settings:
    """Effective configuration. Build it with `Settings.from_env()`."""

    database_url: str
    mode: Mode
    tenants_dir: Path | None
    max_page_size: int
    query_cache_size: int
    max_query_depth: int
    cors_origins: tuple[str, ...]
    log_level: str
    oidc_issuers: str  # JSON list of {issuer, audience, jwks_url | jwks_file}; see hub.auth
    dev_key_file: Path  # the local signing key of development tokens (dev mode only)

    @property
    def is_dev(self) -> bool:
        return self.mode == "dev"

    @property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> Settings:
        env = os.environ if env is None else env
        mode = env.get("HUB_MODE", "dev").strip().lower()
        if mode not in ("dev", "production"):
            raise ConfigurationError(f"HUB_MODE must be 'dev' or 'production', not {mode!r}")
        url = env.get("HUB_DATABASE_URL", "").strip() or default_database_url()
        if not url.startswith(("sqlite+aiosqlite://", "postgresql+asyncpg://")):
            raise ConfigurationError(
                "HUB_DATABASE_URL must start with 'sqlite+aiosqlite://' or "
                f"'postgresql+asyncpg://', not {redact_url(url)!r}"
            )
        tenants_dir = env.get("HUB_TENANTS_DIR", "").strip()
        return cls(
            database_url=url,
            mode=mode,  # type: ignore[arg-type]  # checked above
            tenants_dir=Path(tenants_dir) if tenants_dir else None,
            max_page_size=_int(env, "HUB_MAX_PAGE_SIZE", 100, low=1, high=1000),
            query_cache_size=_int(env, "HUB_QUERY_CACHE_SIZE", 512, low=1, high=100_000),
            max_query_depth=_int(env, "HUB_MAX_QUERY_DEPTH", 12, low=2, high=100),
            cors_origins=tuple(
                o.strip() for o in env.get("HUB_CORS_ORIGINS", "").split(",") if o.strip()
            ),
            log_level=env.get("HUB_LOG_LEVEL", "info").strip().lower() or "info",
            oidc_issuers=env.get("HUB_OIDC_ISSUERS", "").strip(),
            dev_key_file=Path(env.get("HUB_DEV_KEY_FILE", "").strip()
                              or Path.cwd() / ".tatawwu" / "dev-key.json"),
        )

    def describe(self) -> dict[str, str]:
        """Every effective value as text, with secrets (database password) hidden."""
        shown: dict[str, str] = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if f.name == "database_url":
                value = redact_url(value)
            elif isinstance(value, tuple):
                value = ",".join(value)
            elif value is None:
                value = "(packaged tenants)"
            elif f.name == "oidc_issuers":
                value = value or "(none)"
            shown["HUB_" + f.name.upper()] = str(value)
        return shown


def default_database_url() -> str:
    return f"sqlite+aiosqlite:///{Path.cwd() / DEFAULT_SQLITE_FILE}"


def redact_url(url: str) -> str:
    """Hide the password part of a database URL."""
    scheme, sep, rest = url.partition("://")
    if not sep or "@" not in rest:
        return url
    creds, at, host = rest.rpartition("@")
    user, colon, _password = creds.partition(":")
    return f"{scheme}://{user}{':***' if colon else ''}{at}{host}"


def _int(env: Mapping[str, str], name: str, default: int, *, low: int, high: int) -> int:
    raw = env.get(name, "").strip()
    if not raw:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ConfigurationError(f"{name} must be a whole number, not {raw!r}") from None
    if not low <= value <= high:
        raise ConfigurationError(f"{name} must be between {low} and {high}, not {value}")
    return value
