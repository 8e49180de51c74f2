"""The count of open websockets per address (hub/entry/socket_caps.py); through the hub:
tests/live/test_subscriptions.py."""

from __future__ import annotations

from hub.entry.socket_caps import SocketsPerAddress


def test_each_address_has_its_own_count_and_a_closed_socket_frees_its_place() -> None:
    caps = SocketsPerAddress(2)
    with caps.holding("192.0.2.1") as a, caps.holding("192.0.2.1") as b:
        assert a and b
        with caps.holding("192.0.2.1") as third:
            assert not third
        with caps.holding("192.0.2.2") as neighbour:  # another address
            assert neighbour
        # An IPv6 /64 is one address: two hosts of one network share its count.
        with caps.holding("2001:db8::1") as c, caps.holding("2001:db8::2") as d, \
                caps.holding("2001:db8::3") as e:
            assert c and d and not e
    assert not caps.open  # everything closed, nothing kept
    with caps.holding("192.0.2.1") as again:
        assert again


def test_zero_means_unlimited() -> None:
    caps = SocketsPerAddress(0)
    with caps.holding("192.0.2.1") as a, caps.holding("192.0.2.1") as b:
        assert a and b
