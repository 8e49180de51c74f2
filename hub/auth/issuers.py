"""The trusted OIDC token issuers, parsed from the `HUB_OIDC_ISSUERS` setting.

The value is a JSON list, one object per issuer::

    [{"issuer": "https://id.example.org/realms/arco", "audience": "tatawwu-hub",
      "jwks_url": "https://id.example.org/realms/arco/protocol/openid-connect/certs"},
     {"issuer": "https://login.example.dz", "audience": "hub", "jwks_file": "/etc/hub/dz.json",
      "algorithms": ["ES256"], "cache_seconds": 300}]

Exactly one of `jwks_url` (https, or http to a loopback address) and `jwks_file` is given.
`algorithms` (default RS256, ES256, EdDSA) and `cache_seconds` (default 600) are optional.

What an issuer may speak for is bounded, because each society may run its own identity
provider and one provider must not mint another society's staff:

- `tenants`: the slugs of the tenants whose staff its tokens may name (default none), or
  `"*"` for a provider shared by every member society (the secretariat's, say);
- `federation`: whether its tokens may name federation analysts (default false);
- `volunteers`: whether its signed-in people may act as volunteers (default true: a volunteer
  is known by issuer and `sub` together, so a provider can only ever speak for its own).

A token asserting anything else is refused (hub/authentication.py). An entry that may speak
for nobody is a configuration error.
"""

from __future__ import annotations

import ipaddress
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from hub.auth.algorithms import SUPPORTED_ALGORITHMS
from hub.auth.dev_tokens import DEV_ISSUER
from hub.errors import ConfigurationError
from tenants.registry import SLUG_RE

SETTING = "HUB_OIDC_ISSUERS"
FIELDS = frozenset({"issuer", "audience", "jwks_url", "jwks_file", "algorithms", "cache_seconds",
                    "tenants", "federation", "volunteers"})
ALL_TENANTS = "*"
MIN_CACHE_SECONDS = 30
MAX_CACHE_SECONDS = 86_400


@dataclass(frozen=True, slots=True)
class IssuerConfig:
    """One trusted issuer: tokens whose `iss` is `issuer` are checked against its keys."""

    issuer: str
    audience: str
    jwks_url: str | None
    jwks_file: Path | None
    algorithms: tuple[str, ...] = SUPPORTED_ALGORITHMS
    cache_seconds: int = 600
    tenants: frozenset[str] = frozenset()  # slugs whose staff it may name
    all_tenants: bool = False  # `"tenants": "*"`
    federation: bool = False
    volunteers: bool = True

    def speaks_for_tenant(self, slug: str) -> bool:
        """May this issuer's tokens name staff of tenant `slug`?"""
        return self.all_tenants or slug in self.tenants


def parse_issuers(text: str) -> tuple[IssuerConfig, ...]:
    """Parse the `HUB_OIDC_ISSUERS` value; an empty value means no issuer."""
    if not text.strip():
        return ()
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ConfigurationError(
            f"{SETTING} is not valid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})"
        ) from None
    if not isinstance(data, list):
        raise ConfigurationError(f"{SETTING} must be a JSON list of issuer objects")
    issuers: list[IssuerConfig] = []
    for index, entry in enumerate(data):
        config = _parse_entry(index, entry)
        if any(seen.issuer == config.issuer for seen in issuers):
            raise _error(index, "issuer", f"{config.issuer!r} is listed twice")
        issuers.append(config)
    return tuple(issuers)


def _parse_entry(index: int, entry: Any) -> IssuerConfig:
    if not isinstance(entry, dict):
        raise ConfigurationError(f"{SETTING}[{index}] must be a JSON object")
    unknown = sorted(set(entry) - FIELDS)
    if unknown:
        raise _error(index, unknown[0], f"unknown field (known: {', '.join(sorted(FIELDS))})")
    issuer = _text(index, entry, "issuer")
    if issuer == DEV_ISSUER:
        raise _error(index, "issuer", f"{DEV_ISSUER!r} is reserved for development tokens")
    audience = _text(index, entry, "audience")
    has_url, has_file = "jwks_url" in entry, "jwks_file" in entry
    if has_url == has_file:
        raise _error(index, "jwks_url", "give exactly one of 'jwks_url' and 'jwks_file'")
    jwks_url = _jwks_url(index, _text(index, entry, "jwks_url")) if has_url else None
    jwks_file = Path(_text(index, entry, "jwks_file")) if has_file else None
    tenants = _tenants(index, entry.get("tenants", []))
    federation = _flag(index, entry, "federation", False)
    volunteers = _flag(index, entry, "volunteers", True)
    if not (tenants or federation or volunteers):
        raise _error(index, "tenants", "this issuer may speak for nobody: give 'tenants', "
                                       "'federation': true or 'volunteers': true")
    return IssuerConfig(
        issuer=issuer,
        audience=audience,
        jwks_url=jwks_url,
        jwks_file=jwks_file,
        algorithms=_algorithms(index, entry.get("algorithms", list(SUPPORTED_ALGORITHMS))),
        cache_seconds=_cache_seconds(index, entry.get("cache_seconds", 600)),
        tenants=frozenset() if tenants == ALL_TENANTS else frozenset(tenants),
        all_tenants=tenants == ALL_TENANTS,
        federation=federation,
        volunteers=volunteers,
    )


def _tenants(index: int, value: Any) -> str | tuple[str, ...]:
    """`"*"`, or a list of tenant slugs (checked against the registry at start-up)."""
    if value == ALL_TENANTS:
        return ALL_TENANTS
    if not isinstance(value, list) or not all(
            isinstance(slug, str) and SLUG_RE.fullmatch(slug) for slug in value):
        raise _error(index, "tenants", 'must be a list of tenant slugs, or "*" for all tenants')
    return tuple(dict.fromkeys(value))


def _flag(index: int, entry: dict[str, Any], field: str, default: bool) -> bool:
    value = entry.get(field, default)
    if not isinstance(value, bool):
        raise _error(index, field, "must be true or false")
    return value


def _error(index: int, field: str, problem: str) -> ConfigurationError:
    return ConfigurationError(f"{SETTING}[{index}].{field}: {problem}")


def _text(index: int, entry: dict[str, Any], field: str) -> str:
    value = entry.get(field)
    if not isinstance(value, str) or not value.strip():
        raise _error(index, field, "must be a non-empty string")
    return value.strip()


def _jwks_url(index: int, url: str) -> str:
    parts = urlsplit(url)
    host = parts.hostname or ""
    if parts.scheme == "https" and host:
        return url
    if parts.scheme == "http" and _is_loopback(host):
        return url
    raise _error(index, "jwks_url", "must be an https:// URL (http:// only to a loopback host)")


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _algorithms(index: int, value: Any) -> tuple[str, ...]:
    if (
        not isinstance(value, list)
        or not value
        or not all(isinstance(name, str) and name in SUPPORTED_ALGORITHMS for name in value)
    ):
        raise _error(
            index, "algorithms", f"must be a non-empty list among {', '.join(SUPPORTED_ALGORITHMS)}"
        )
    return tuple(dict.fromkeys(value))


def _cache_seconds(index: int, value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise _error(index, "cache_seconds", "must be a whole number of seconds")
    if not MIN_CACHE_SECONDS <= value <= MAX_CACHE_SECONDS:
        raise _error(
            index, "cache_seconds", f"must be between {MIN_CACHE_SECONDS} and {MAX_CACHE_SECONDS}"
        )
    return value
