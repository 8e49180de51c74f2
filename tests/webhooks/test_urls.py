"""Which addresses a webhook may have (dev mode and production), where a delivery goes, and
the production transport's refusal of names that resolve inside the network (no database)."""

from __future__ import annotations

import asyncio

import pytest

from hub.errors import BadUserInput
from hub.i18n.messages import message
from resolvers.webhooks import messages as msg
from resolvers.webhooks.transport import NotDelivered, post
from resolvers.webhooks.urls import check_url, is_public_address, target_of

GOOD = ("https://crm.example.org/hooks/tatawwu?source=hub", "https://8.8.4.4:8443/in",
        "https://xn--mgbh0fb.example/", "https://[2606:4700::1111]/x")
BAD = {
    "ftp://crm.example.org/": msg.URL_HTTP_OR_HTTPS,
    "crm.example.org/hooks": msg.URL_HTTP_OR_HTTPS,
    "https://user:secret@crm.example.org/": msg.URL_CREDENTIALS,
    "https://token@crm.example.org/": msg.URL_CREDENTIALS,
    "https://crm.example.org/#frag": msg.URL_FRAGMENT,
    "https:///no-host": msg.URL_INVALID,
    "https://crm example.org/": msg.URL_INVALID,
    "https://crm.example.org:99999/": msg.URL_INVALID,
    "https://bad_host!.org/": msg.URL_INVALID,
    "https://bücher.example/": msg.URL_INVALID,
    "https://crm.example.org/\x00": msg.URL_INVALID,
    "https://crm.example.org/" + "a" * 2000: msg.URL_TOO_LONG,
}
LOCAL = ("https://localhost/x", "https://127.0.0.1/x", "https://10.1.2.3/x",
         "https://192.168.1.1/x", "https://169.254.169.254/latest", "https://[::1]/x",
         "https://[::ffff:127.0.0.1]/x", "https://intranet/x", "https://db.internal/x",
         "https://printer.local/x", "https://0.0.0.0/x")


def refused(url: str, *, production: bool) -> BadUserInput:
    with pytest.raises(BadUserInput) as caught:
        check_url(url, production=production)
    assert caught.value.argument == "input.url"
    return caught.value


def test_dev_mode_takes_http_and_https_and_local_hosts() -> None:
    for url in (*GOOD, "http://127.0.0.1:8123/hook", "http://localhost/x"):
        assert check_url(f"  {url} ", production=False) == url
    for url, expected in BAD.items():
        assert refused(url, production=False).msgid == expected, url


def test_production_takes_https_to_public_hosts_only() -> None:
    for url in GOOD:
        assert check_url(url, production=True) == url
    assert refused("http://crm.example.org/", production=True).msgid == msg.URL_HTTPS_ONLY
    for url in LOCAL:
        assert refused(url, production=True).msgid == msg.URL_NOT_PUBLIC, url


def test_the_refusals_are_coded_and_localized() -> None:
    error = refused("https://crm.example.org/" + "a" * 2000, production=False)
    assert error.code == "BAD_USER_INPUT"
    for locale in ("en", "fr", "ar"):
        assert error.render(locale) == message(locale, msg.URL_TOO_LONG, count=2000,
                                               argument="input.url")
    assert "2000" in error.render("en") or "2,000" in error.render("en")


def test_where_a_delivery_goes() -> None:
    target = target_of("https://crm.example.org:8443/in/hook?x=1&y=2")
    assert (target.tls, target.host, target.port, target.host_header, target.path) == (
        True, "crm.example.org", 8443, "crm.example.org:8443", "/in/hook?x=1&y=2")
    plain = target_of("http://127.0.0.1")
    assert (plain.tls, plain.port, plain.path) == (False, 80, "/")
    assert is_public_address("203.0.113.7") is False, "documentation range: reserved"
    assert is_public_address("8.8.8.8") and is_public_address("2606:4700::1111")
    assert not is_public_address("::ffff:10.0.0.1")


def test_production_transport_refuses_a_name_that_resolves_inside() -> None:
    """`localhost` resolves to a loopback address: refused before any connection."""
    with pytest.raises(NotDelivered, match="not public"):
        asyncio.run(post(target_of("https://localhost:9/x"), b"{}", [], seconds=5,
                         public_only=True))
