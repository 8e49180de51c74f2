"""Whose budget a request spends (a bucket) and the fixed windows budgets are counted in.

A signed-in principal spends its own budget (by subject), an API client its client's, an
anonymous caller its IP's: the socket peer, an IPv6 address by its /64 (one host gets a
whole /64, so counting single addresses would give it billions of budgets). The hub never
reads `X-Forwarded-For` itself: behind a reverse proxy, the server is told to trust the
proxy (uvicorn's `--proxy-headers --forwarded-allow-ips`) and the peer it reports is the
client (docs/hardening.md).

Windows are fixed and aligned on multiples of their length since the epoch, so every hub
process agrees on them without talking: a caller may spend up to twice its budget around a
window's end, never more.
"""

from __future__ import annotations

import hashlib
import ipaddress
import math
from dataclasses import dataclass

from hub.access import Principal, PrincipalKind
from hub.config import Settings


@dataclass(frozen=True, slots=True)
class Bucket:
    """A key naming whose budget a request spends, and that budget in cost units."""

    key: str
    budget: int


def bucket_for(principal: Principal, peer: str | None, settings: Settings) -> Bucket | None:
    """The bucket of a request; None when its budget is 0 (unlimited)."""
    if principal.kind == PrincipalKind.CLIENT:
        key, budget = f"client:{principal.client_id}", settings.rate_limit_client
    elif principal.kind != PrincipalKind.ANONYMOUS:
        who = principal.subject or f"volunteer {principal.volunteer_id}"
        # Subjects are personal (an e-mail address, for some issuers): keys carry a digest.
        digest = hashlib.sha256(f"{principal.kind}:{who}".encode()).hexdigest()[:24]
        key, budget = f"principal:{digest}", settings.rate_limit_principal
    else:
        key, budget = f"ip:{network_of(peer)}", settings.rate_limit_ip
    return Bucket(key, budget) if budget > 0 else None


def network_of(peer: str | None) -> str:
    """An IPv4 address itself, an IPv6 address's /64; anything else (a Unix socket, a test
    client's name) as it is, shortened."""
    if not peer:
        return "unknown"
    try:
        address = ipaddress.ip_address(peer)
    except ValueError:
        return peer[:64]
    if isinstance(address, ipaddress.IPv6Address):
        if address.ipv4_mapped is not None:
            return str(address.ipv4_mapped)
        return str(ipaddress.IPv6Network((address, 64), strict=False))
    return str(address)


@dataclass(frozen=True, slots=True)
class Window:
    """Fixed windows of `seconds`, numbered from the epoch."""

    seconds: int

    def index(self, now: float) -> int:
        return int(now // self.seconds)

    def retry_after(self, now: float) -> int:
        """Whole seconds until the next window starts (at least 1)."""
        return max(1, math.ceil((self.index(now) + 1) * self.seconds - now))
