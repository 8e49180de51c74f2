"""API keys: their shape, the stored digest and prefix, constant-time matching, and origins."""

from __future__ import annotations

import hashlib
import hmac

import pytest

from hub.auth import digest_of, matches, new_api_key, origin_allowed, prefix_of


def test_a_new_key_is_shown_once_and_stored_as_prefix_and_digest() -> None:
    key = new_api_key()
    assert key.plaintext.startswith("tw_")
    assert len(key.plaintext) == 3 + 43  # 32 random bytes in URL-safe base64
    assert key.prefix == key.plaintext[3:11]
    assert key.digest == hashlib.sha256(key.plaintext.encode()).hexdigest()
    assert key.digest == digest_of(key.plaintext)
    assert key.plaintext not in repr(key)


def test_keys_are_random() -> None:
    keys = {new_api_key().plaintext for _ in range(50)}
    assert len(keys) == 50
    assert len({k[3:11] for k in keys}) == 50


def test_the_prefix_finds_the_key() -> None:
    key = new_api_key()
    assert prefix_of(key.plaintext) == key.prefix


@pytest.mark.parametrize(
    "text",
    [
        "",
        "tw_",
        "tw_short",
        "xx_" + "a" * 43,
        "TW_" + "a" * 43,
        "tw_" + "a" * 42,
        "tw_" + "a" * 44,
        "tw_" + "a" * 42 + "!",
        "tw_" + "a" * 43 + "\n",
        " tw_" + "a" * 43,
        "tw_" + "é" * 43,
        "Bearer tw_" + "a" * 43,
    ],
)
def test_anything_not_shaped_like_a_key_has_no_prefix(text: str) -> None:
    assert prefix_of(text) is None
    assert matches(text, digest_of(text)) is False


def test_prefix_of_a_non_string_is_none() -> None:
    assert prefix_of(None) is None  # type: ignore[arg-type]
    assert prefix_of(b"tw_" + b"a" * 43) is None  # type: ignore[arg-type]


def test_matches_the_right_key_only() -> None:
    key, other = new_api_key(), new_api_key()
    assert matches(key.plaintext, key.digest) is True
    assert matches(other.plaintext, key.digest) is False
    assert matches(key.plaintext, key.digest.upper()) is False
    assert matches(key.plaintext, "") is False
    assert matches(key.plaintext, "é" * 64) is False


def test_matching_compares_in_constant_time(monkeypatch: pytest.MonkeyPatch) -> None:
    key = new_api_key()
    seen: list[tuple[bytes, bytes]] = []
    real = hmac.compare_digest

    def spy(a: bytes, b: bytes) -> bool:
        seen.append((a, b))
        return real(a, b)

    monkeypatch.setattr(hmac, "compare_digest", spy)
    assert matches(key.plaintext, key.digest) is True
    assert matches(new_api_key().plaintext, key.digest) is False
    assert len(seen) == 2
    assert seen[0] == (key.digest.encode(), key.digest.encode())


@pytest.mark.parametrize(
    ("origin", "allowed", "expected"),
    [
        (None, [], True),  # server to server: no Origin header
        (None, ["https://widgets.example.dz"], True),
        ("https://widgets.example.dz", ["https://widgets.example.dz"], True),
        ("https://widgets.example.dz", ["https://WIDGETS.example.dz/"], True),
        ("https://widgets.example.dz:443", ["https://widgets.example.dz"], True),
        ("http://localhost:5173", ["http://localhost:5173"], True),
        ("https://anything.example", ["*"], True),
        ("null", ["*"], True),
        ("https://widgets.example.dz", [], False),
        ("http://widgets.example.dz", ["https://widgets.example.dz"], False),
        ("https://widgets.example.dz:8443", ["https://widgets.example.dz"], False),
        ("https://evil.widgets.example.dz", ["https://widgets.example.dz"], False),
        ("https://widgets.example.dz.evil.com", ["https://widgets.example.dz"], False),
        ("https://widgets.example.dz@evil.com", ["https://widgets.example.dz"], False),
        ("https://widgets.example.dz/path", ["https://widgets.example.dz"], False),
        ("null", ["https://widgets.example.dz"], False),
        ("", ["https://widgets.example.dz"], False),
        ("https://widgets.example.dz:99999", ["https://widgets.example.dz:99999"], False),
        ("javascript://widgets.example.dz", ["javascript://widgets.example.dz"], False),
    ],
)
def test_origin_allowed(origin: str | None, allowed: list[str], expected: bool) -> None:
    assert origin_allowed(origin, allowed) is expected
