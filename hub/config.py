"""Typed settings read once from `HUB_*` environment variables."""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Literal, NamedTuple

from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

from hub.errors import ConfigurationError

Mode = Literal["dev", "production"]
MailDelivery = Literal["smtp", "print"]
Introspection = Literal["on", "staff", "off"]
TrustedDocuments = Literal["off", "allow", "only"]
CompiledExecution = Literal["off", "trusted"]
LogFormat = Literal["text", "json"]
LiveBackend = Literal["auto", "postgres", "redis", "memory"]

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
    dev_key_file: Path  # the signing key of development tokens (dev mode only); one per database
    # Limits on a document, checked before it runs (docs/errors.md, schema/core/limits.py)
    max_query_tokens: int = 1000
    max_query_aliases: int = 15
    max_query_directives: int = 50
    max_query_cost: int = 5_000
    max_query_duplicates: int = 50  # one field repeated in one selection set, per operation
    # Notifications by e-mail (docs/notifications.md): `tatawwu notify`, `serve --notify`.
    # smtp://[user[:password]@]host[:port] (STARTTLS when the server offers it; add
    # ?starttls=required to insist on it) or smtps://... (TLS from the start, port 465).
    smtp_url: str = ""
    mail_from: str = "Tatawwu Hub <no-reply@localhost>"
    # "smtp" sends; "print" writes each message on standard output instead (dev only).
    mail_delivery: MailDelivery = "print"
    notify_max_attempts: int = 8  # then the notification stays, marked failed
    notify_backoff_seconds: int = 60  # the first retry's delay; doubled at each attempt
    # Hardening (docs/hardening.md). Requests: bytes of a body (413 before it is all read),
    # of its variables, of an answer (refused with an error, never streamed); array batches.
    max_body_bytes: int = 262_144
    max_variables_bytes: int = 131_072
    max_response_bytes: int = 2_097_152
    allow_batching: bool = False
    # Introspection and `_service`: "on" for everyone, "staff" (signed-in staff and
    # federation analysts only: never anonymous or API-key callers), "off". Default: "on" in
    # dev, "staff" in production. "Did you mean" suggestions: dev only by default.
    introspection: Introspection = "on"
    field_suggestions: bool = True
    # Trusted documents (persisted queries): "off", "allow" (by id or ad hoc), "only" (by id
    # only, for anonymous and API-key callers; staff keep ad-hoc documents when
    # trusted_documents_staff_adhoc). Anonymous public answers by GET are cacheable this long.
    trusted_documents: TrustedDocuments = "allow"
    trusted_documents_staff_adhoc: bool = True
    public_cache_seconds: int = 60
    # Compiled execution (docs/compiled-execution.md): "trusted" runs a request that names a
    # trusted document through the document's compiled plan when it has one (the standard
    # executor otherwise, and always for ad-hoc documents); "off": the standard executor.
    compiled_execution: CompiledExecution = "trusted"
    # Rate limits: query cost per window, per signed-in principal, per API client and per IP
    # (anonymous callers); counted in Redis across processes when redis_url is set.
    redis_url: str = ""
    rate_limit_window_seconds: int = 60
    rate_limit_principal: int = 200_000
    rate_limit_client: int = 1_000_000
    rate_limit_ip: int = 100_000
    # Refused credentials (a bad token or API key) per address and window: beyond, 429 for
    # every request from it that carries a credential (hub/entry/rate_limits.py).
    rate_limit_refused_credentials: int = 100
    # Timeouts: a whole request, and one SQL statement (PostgreSQL's statement_timeout).
    request_timeout_seconds: int = 15
    statement_timeout_ms: int = 5_000
    # Operations: log lines as text or JSON (default: JSON in production); /metrics (open to
    # loopback callers, or to anyone with this bearer token); OpenTelemetry traces to an
    # OTLP/HTTP endpoint when set (needs the `otel` extra: requirements/otel.txt).
    log_format: LogFormat = "text"
    metrics_token: str = ""
    otel_endpoint: str = ""
    # The hub's public address (certificates' QR codes, credentials' ids, webhooks' links).
    public_url: str = "http://127.0.0.1:8000"
    # Live emergency calls (docs/live.md): "auto" (PostgreSQL LISTEN/NOTIFY, or Redis when
    # redis_url is set, or in process on SQLite), "postgres", "redis", "memory".
    live_backend: LiveBackend = "auto"
    max_subscriptions_per_connection: int = 5
    max_subscriptions_per_principal: int = 10
    max_sockets_per_address: int = 100  # open websockets from one address, per process
    # Society systems (docs/sync.md): items per upsertOpportunities batch; webhooks: each
    # delivery's time limit, attempts before it is marked failed, first retry's delay.
    sync_max_batch: int = 200
    webhook_timeout_seconds: int = 10
    webhook_max_attempts: int = 8
    webhook_backoff_seconds: int = 30
    # Statistics (docs/statistics.md): a cross-tenant or analyst's cell counting fewer
    # distinct volunteers than this is suppressed (re-identification protection).
    statistics_min_cell: int = 5

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
        mail = _mail_settings(env, mode)
        production = mode == "production"
        return cls(
            database_url=url,
            mode=mode,  # type: ignore[arg-type]  # checked above
            tenants_dir=Path(tenants_dir) if tenants_dir else None,
            max_page_size=_int(env, "HUB_MAX_PAGE_SIZE", 100, low=1, high=1000),
            query_cache_size=_int(env, "HUB_QUERY_CACHE_SIZE", 512, low=1, high=100_000),
            max_query_depth=_int(env, "HUB_MAX_QUERY_DEPTH", 6, low=2, high=100),
            cors_origins=tuple(
                o.strip() for o in env.get("HUB_CORS_ORIGINS", "").split(",") if o.strip()
            ),
            log_level=env.get("HUB_LOG_LEVEL", "info").strip().lower() or "info",
            oidc_issuers=env.get("HUB_OIDC_ISSUERS", "").strip(),
            dev_key_file=_dev_key_file(env, url),
            max_query_tokens=_int(env, "HUB_MAX_QUERY_TOKENS", 1000, low=50, high=1_000_000),
            max_query_aliases=_int(env, "HUB_MAX_QUERY_ALIASES", 15, low=0, high=100_000),
            max_query_directives=_int(env, "HUB_MAX_QUERY_DIRECTIVES", 50, low=0, high=100_000),
            max_query_cost=_int(env, "HUB_MAX_QUERY_COST", 5_000, low=1, high=100_000_000),
            max_query_duplicates=_int(env, "HUB_MAX_QUERY_DUPLICATES", 50, low=0,
                                      high=100_000),
            smtp_url=mail.smtp_url,
            mail_from=mail.mail_from,
            mail_delivery=mail.mail_delivery,
            notify_max_attempts=mail.notify_max_attempts,
            notify_backoff_seconds=mail.notify_backoff_seconds,
            max_body_bytes=_int(env, "HUB_MAX_BODY_BYTES", 262_144, low=1024, high=1 << 30),
            max_variables_bytes=_int(env, "HUB_MAX_VARIABLES_BYTES", 131_072, low=256,
                                     high=1 << 30),
            max_response_bytes=_int(env, "HUB_MAX_RESPONSE_BYTES", 2_097_152, low=1024,
                                    high=1 << 31),
            allow_batching=_bool(env, "HUB_ALLOW_BATCHING", False),
            introspection=_choice(env, "HUB_INTROSPECTION", ("on", "staff", "off"),  # type: ignore[arg-type]
                                  "staff" if production else "on"),
            field_suggestions=_bool(env, "HUB_FIELD_SUGGESTIONS", not production),
            trusted_documents=_choice(env, "HUB_TRUSTED_DOCUMENTS",  # type: ignore[arg-type]
                                      ("off", "allow", "only"), "allow"),
            trusted_documents_staff_adhoc=_bool(env, "HUB_TRUSTED_DOCUMENTS_STAFF_ADHOC", True),
            public_cache_seconds=_int(env, "HUB_PUBLIC_CACHE_SECONDS", 60, low=0, high=86_400),
            compiled_execution=_choice(env, "HUB_COMPILED_EXECUTION",  # type: ignore[arg-type]
                                       ("off", "trusted"), "trusted"),
            redis_url=env.get("HUB_REDIS_URL", "").strip(),
            rate_limit_window_seconds=_int(env, "HUB_RATE_LIMIT_WINDOW_SECONDS", 60, low=1,
                                           high=86_400),
            rate_limit_principal=_int(env, "HUB_RATE_LIMIT_PRINCIPAL", 200_000, low=0,
                                      high=10**12),
            rate_limit_client=_int(env, "HUB_RATE_LIMIT_CLIENT", 1_000_000, low=0, high=10**12),
            rate_limit_ip=_int(env, "HUB_RATE_LIMIT_IP", 100_000, low=0, high=10**12),
            rate_limit_refused_credentials=_int(env, "HUB_RATE_LIMIT_REFUSED_CREDENTIALS", 100,
                                                low=0, high=10**9),
            request_timeout_seconds=_int(env, "HUB_REQUEST_TIMEOUT_SECONDS", 15, low=1,
                                         high=3600),
            statement_timeout_ms=_int(env, "HUB_STATEMENT_TIMEOUT_MS", 5_000, low=0,
                                      high=3_600_000),
            log_format=_choice(env, "HUB_LOG_FORMAT", ("text", "json"),  # type: ignore[arg-type]
                               "json" if production else "text"),
            metrics_token=env.get("HUB_METRICS_TOKEN", "").strip(),
            otel_endpoint=env.get("HUB_OTEL_ENDPOINT", "").strip(),
            public_url=(env.get("HUB_PUBLIC_URL", "").strip()
                        or "http://127.0.0.1:8000").rstrip("/"),
            live_backend=_choice(env, "HUB_LIVE_BACKEND",  # type: ignore[arg-type]
                                 ("auto", "postgres", "redis", "memory"), "auto"),
            max_subscriptions_per_connection=_int(
                env, "HUB_MAX_SUBSCRIPTIONS_PER_CONNECTION", 5, low=1, high=1000),
            max_subscriptions_per_principal=_int(
                env, "HUB_MAX_SUBSCRIPTIONS_PER_PRINCIPAL", 10, low=1, high=10_000),
            max_sockets_per_address=_int(
                env, "HUB_MAX_SOCKETS_PER_ADDRESS", 100, low=0, high=1_000_000),
            sync_max_batch=_int(env, "HUB_SYNC_MAX_BATCH", 200, low=1, high=10_000),
            webhook_timeout_seconds=_int(env, "HUB_WEBHOOK_TIMEOUT_SECONDS", 10, low=1,
                                         high=300),
            webhook_max_attempts=_int(env, "HUB_WEBHOOK_MAX_ATTEMPTS", 8, low=1, high=100),
            webhook_backoff_seconds=_int(env, "HUB_WEBHOOK_BACKOFF_SECONDS", 30, low=0,
                                         high=86_400),
            statistics_min_cell=_int(env, "HUB_STATISTICS_MIN_CELL", 5, low=2, high=1000),
        )

    def describe(self) -> dict[str, str]:
        """Every effective value as text, with secrets (database password) hidden."""
        shown: dict[str, str] = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if f.name in ("database_url", "smtp_url", "redis_url"):
                value = redact_url(value) or "(none)"
            elif isinstance(value, tuple):
                value = ",".join(value)
            elif value is None:
                value = "(packaged tenants)"
            elif f.name == "metrics_token":
                value = "***" if value else "(none)"
            elif f.name == "oidc_issuers":
                value = value or "(none)"
            shown["HUB_" + f.name.upper()] = str(value)
        return shown


def default_database_url() -> str:
    return f"sqlite+aiosqlite:///{Path.cwd() / DEFAULT_SQLITE_FILE}"


def default_dev_key_file(database_url: str, env: Mapping[str, str] | None = None) -> Path:
    """Where the development key of a database is kept when `HUB_DEV_KEY_FILE` is not set.

    One place per database, whatever the working directory, so that `tatawwu token` signs
    with the key of the hub that serves the same database:

    - an SQLite file: `.tatawwu/<file name>.dev-key.json` in the folder of the database file
      (its absolute, resolved location);
    - any other database (PostgreSQL; also in-memory SQLite): the user's data folder,
      `$XDG_DATA_HOME/tatawwu/dev-keys/<database>-<digest>.json` (`~/.local/share` without
      XDG_DATA_HOME), the digest being that of the database URL without its password.
    """
    env = os.environ if env is None else env
    parsed = _parse_url(database_url)
    database = sqlite_file(database_url)
    if database is not None:
        return database.parent / ".tatawwu" / f"{database.name}.dev-key.json"
    name = parsed.database or ""
    identity = URL.create(parsed.drivername, parsed.username, None, parsed.host, parsed.port,
                          parsed.database, parsed.query).render_as_string(hide_password=False)
    digest = hashlib.sha256(identity.encode("utf-8")).hexdigest()[:16]
    label = re.sub(r"[^A-Za-z0-9_.-]+", "_", Path(name).name if name else "")[:40].strip("._")
    return user_data_dir(env) / "tatawwu" / "dev-keys" / f"{label or 'database'}-{digest}.json"


def sqlite_file(database_url: str) -> Path | None:
    """The absolute, resolved path of an SQLite database file; None for other databases and
    in-memory SQLite. A relative path is relative to the working directory, as for SQLite."""
    parsed = _parse_url(database_url)
    name = parsed.database or ""
    if parsed.get_backend_name() != "sqlite" or name in ("", ":memory:") \
            or name.startswith("file:"):
        return None
    return Path(name).resolve()


def _parse_url(database_url: str) -> URL:
    try:
        return make_url(database_url)
    except ArgumentError:
        raise ConfigurationError(
            f"HUB_DATABASE_URL is not a database URL: {redact_url(database_url)!r}") from None


def user_data_dir(env: Mapping[str, str]) -> Path:
    """`$XDG_DATA_HOME` if it is an absolute path (the XDG rule), else `~/.local/share`."""
    xdg = env.get("XDG_DATA_HOME", "").strip()
    if xdg and Path(xdg).is_absolute():
        return Path(xdg)
    home = env.get("HOME", "").strip()
    return (Path(home) if home else Path.home()) / ".local" / "share"


def _dev_key_file(env: Mapping[str, str], database_url: str) -> Path:
    chosen = env.get("HUB_DEV_KEY_FILE", "").strip()
    if chosen:
        return Path(os.path.abspath(chosen))
    return default_dev_key_file(database_url, env)


def redact_url(url: str) -> str:
    """Hide the password part of a database URL."""
    scheme, sep, rest = url.partition("://")
    if not sep or "@" not in rest:
        return url
    creds, at, host = rest.rpartition("@")
    user, colon, _password = creds.partition(":")
    return f"{scheme}://{user}{':***' if colon else ''}{at}{host}"


class _MailSettings(NamedTuple):
    smtp_url: str
    mail_from: str
    mail_delivery: MailDelivery
    notify_max_attempts: int
    notify_backoff_seconds: int


def _mail_settings(env: Mapping[str, str], mode: str) -> _MailSettings:
    """HUB_SMTP_URL, HUB_MAIL_FROM, HUB_MAIL_DELIVERY and the retry settings of notifications.
    Delivery defaults to "smtp" when an SMTP URL is set, else to "print" in dev mode; production
    never prints messages (they hold personal data) and needs an SMTP URL to send."""
    smtp_url = env.get("HUB_SMTP_URL", "").strip()
    if smtp_url and not smtp_url.startswith(("smtp://", "smtps://")):
        raise ConfigurationError("HUB_SMTP_URL must start with 'smtp://' or 'smtps://', not "
                                 f"{redact_url(smtp_url)!r}")
    delivery = env.get("HUB_MAIL_DELIVERY", "").strip().lower() or (
        "smtp" if smtp_url or mode == "production" else "print")
    if delivery not in ("smtp", "print"):
        raise ConfigurationError(f"HUB_MAIL_DELIVERY must be 'smtp' or 'print', not {delivery!r}")
    if delivery == "print" and mode == "production":
        raise ConfigurationError("HUB_MAIL_DELIVERY=print is for dev mode only: in production "
                                 "notifications are sent (set HUB_SMTP_URL)")
    mail_from = env.get("HUB_MAIL_FROM", "").strip() or "Tatawwu Hub <no-reply@localhost>"
    if "@" not in mail_from or "\n" in mail_from or "\r" in mail_from:
        raise ConfigurationError(f"HUB_MAIL_FROM must be an e-mail address, not {mail_from!r}")
    return _MailSettings(
        smtp_url, mail_from, delivery,  # type: ignore[arg-type]  # checked above
        _int(env, "HUB_NOTIFY_MAX_ATTEMPTS", 8, low=1, high=100),
        _int(env, "HUB_NOTIFY_BACKOFF_SECONDS", 60, low=1, high=86_400),
    )


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


def _bool(env: Mapping[str, str], name: str, default: bool) -> bool:
    raw = env.get(name, "").strip().lower()
    if not raw:
        return default
    if raw in ("1", "true", "yes", "on"):
        return True
    if raw in ("0", "false", "no", "off"):
        return False
    raise ConfigurationError(f"{name} must be true or false, not {raw!r}")


def _choice(env: Mapping[str, str], name: str, choices: tuple[str, ...], default: str) -> str:
    raw = env.get(name, "").strip().lower()
    if not raw:
        return default
    if raw not in choices:
        raise ConfigurationError(f"{name} must be one of {', '.join(choices)}, not {raw!r}")
    return raw
