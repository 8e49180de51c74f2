"""Whose budget a request spends, and the windows budgets are counted in."""

from __future__ import annotations

from dataclasses import replace

import pytest

from hub.access import ANONYMOUS, Principal, PrincipalKind
from hub.config import Settings
from hub.limits import Window, bucket_for
from hub.limits.windows import network_of

SETTINGS = replace(Settings.from_env({"HUB_DATABASE_URL": "sqlite+aiosqlite:///x.sqlite3"}),
                   rate_limit_principal=10, rate_limit_client=20, rate_limit_ip=30)


def test_each_kind_of_caller_spends_its_own_budget() -> None:
    staff = Principal(kind=PrincipalKind.STAFF, subject="staff-1", tenant_id=1)
    volunteer = Principal(kind=PrincipalKind.VOLUNTEER, subject="v-1", volunteer_id=7)
    client = Principal(kind=PrincipalKind.CLIENT, client_id=3, tenant_id=1)
    found = {name: bucket_for(p, "192.0.2.1", SETTINGS) for name, p in (
        ("staff", staff), ("volunteer", volunteer), ("client", client),
        ("anonymous", ANONYMOUS))}
    assert {name: b.budget for name, b in found.items() if b} == {
        "staff": 10, "volunteer": 10, "client": 20, "anonymous": 30}
    assert found["client"] and found["client"].key == "client:3"
    assert found["anonymous"] and found["anonymous"].key == "ip:192.0.2.1"
    # Subjects are personal: keys carry a digest, one per principal, never the subject.
    assert found["staff"] and found["volunteer"]
    assert found["staff"].key != found["volunteer"].key
    assert "staff-1" not in found["staff"].key
    # A signed-in caller is counted by who it is, wherever it comes from.
    assert bucket_for(staff, "198.51.100.9", SETTINGS) == found["staff"]


def test_a_budget_of_zero_is_unlimited() -> None:
    unlimited = replace(SETTINGS, rate_limit_ip=0)
    assert bucket_for(ANONYMOUS, "192.0.2.1", unlimited) is None


@pytest.mark.parametrize(("peer", "network"), [
    ("192.0.2.7", "192.0.2.7"),
    ("2001:db8:1:2:aaaa::1", "2001:db8:1:2::/64"),
    ("2001:db8:1:2:ffff:ffff:ffff:ffff", "2001:db8:1:2::/64"),  # the same /64: one budget
    ("::ffff:192.0.2.7", "192.0.2.7"),
    ("testclient", "testclient"),
    (None, "unknown"),
])
def test_anonymous_callers_are_counted_by_address_and_ipv6_by_its_64(
        peer: str | None, network: str) -> None:
    assert network_of(peer) == network


def test_windows_are_fixed_and_retry_after_counts_to_the_next() -> None:
    window = Window(60)
    assert window.index(120.0) == window.index(179.9) == 2
    assert window.index(180.0) == 3
    assert window.retry_after(120.0) == 60
    assert window.retry_after(179.2) == 1  # rounded up: never "retry in 0 seconds"
    assert window.retry_after(179.99) == 1
