"""Which addresses a webhook may have, and where a delivery to one goes.

A webhook's URL is checked when it is registered (the API and the CLI) and again before
each delivery (the hub's mode may have changed since):

- https only in production; http too in dev mode (a receiver on this machine, the tests);
- ASCII only (an international domain name in its `xn--` form), at most 2000 characters,
  no spaces or control characters, a host, no user name or password, no fragment;
- in production, a host that may be on the public internet: not `localhost`, not a name
  without a dot, not an IP address that is loopback, private, link-local or reserved. The
  delivery checks the addresses the name resolves to as well (a public name may point
  inside: an SSRF), and connects to the address it checked.
"""

from __future__ import annotations

import ipaddress
import re
from dataclasses import dataclass
from typing import Final
from urllib.parse import urlsplit

from hub.errors import BadUserInput
from resolvers.webhooks import messages as msg

MAX_URL_LENGTH: Final = 2000  # the column's size
_LABEL = r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?"
_HOSTNAME = re.compile(rf"(?=.{{1,253}}\.?$){_LABEL}(?:\.{_LABEL})*\.?")
# Names of this machine or a local network (`localhost` itself has no dot: refused anyway).
_LOCAL_SUFFIXES = (".localhost", ".local", ".internal", ".home.arpa")


@dataclass(frozen=True, slots=True)
class Target:
    """Where a delivery to a URL goes: the host to resolve, the port, the `Host` header and
    the request target (path and query)."""

    tls: bool
    host: str
    port: int
    host_header: str
    path: str


def check_url(url: str, *, production: bool, argument: str = "input.url") -> str:
    """The URL, trimmed, if a webhook may have it; else bad input naming `argument`."""
    url = url.strip()
    if len(url) > MAX_URL_LENGTH:
        raise BadUserInput(msg.URL_TOO_LONG, argument=argument, count=MAX_URL_LENGTH)
    if not url.isascii() or any(c.isspace() or not c.isprintable() for c in url):
        raise BadUserInput(msg.URL_INVALID, argument=argument)
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError on a port out of range or not a number
    except ValueError:
        raise BadUserInput(msg.URL_INVALID, argument=argument) from None
    scheme = parts.scheme.lower()
    if scheme not in (("https",) if production else ("https", "http")):
        raise BadUserInput(msg.URL_HTTPS_ONLY if production else msg.URL_HTTP_OR_HTTPS,
                           argument=argument)
    if "@" in parts.netloc:
        raise BadUserInput(msg.URL_CREDENTIALS, argument=argument)
    host = parts.hostname or ""
    if not (_is_ip(host) or _HOSTNAME.fullmatch(host)):
        raise BadUserInput(msg.URL_INVALID, argument=argument)
    if parts.fragment or url.endswith("#"):
        raise BadUserInput(msg.URL_FRAGMENT, argument=argument)
    if production and not may_be_public(host):
        raise BadUserInput(msg.URL_NOT_PUBLIC, argument=argument)
    return url


def may_be_public(host: str) -> bool:
    """Whether `host` (a name or an IP address, as `urlsplit` gives it) may be a host on the
    public internet. A name's addresses are checked when a delivery resolves it."""
    if _is_ip(host):
        return is_public_address(host)
    name = host.lower().rstrip(".")
    return "." in name and not name.endswith(_LOCAL_SUFFIXES)


def is_public_address(address: str) -> bool:
    """A globally routable address (an IPv4-mapped IPv6 address as its IPv4 address)."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])  # without an IPv6 zone
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return bool(ip.is_global) and not ip.is_multicast


def target_of(url: str) -> Target:
    """Where a delivery to `url` (a checked URL) goes."""
    parts = urlsplit(url)
    tls = parts.scheme.lower() == "https"
    path = parts.path or "/"
    if parts.query:
        path += "?" + parts.query
    return Target(tls, parts.hostname or "", parts.port or (443 if tls else 80),
                  parts.netloc, path)


def _is_ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host.split("%", 1)[0])
    except ValueError:
        return False
    return True
