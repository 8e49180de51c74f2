"""Development tokens: the key file, minting, and who accepts them (only a dev-mode verifier)."""

from __future__ import annotations

import asyncio
import json
import stat
import time
from pathlib import Path

import pytest

from hub.auth import (
    DEV_AUDIENCE,
    DEV_ISSUER,
    DevKey,
    TokenVerifier,
    Unauthenticated,
    VerifiedToken,
    mint_dev_token,
)
from hub.auth.dev_tokens import DevKeyNotFound
from hub.errors import ConfigurationError


@pytest.fixture
def key_path(tmp_path: Path) -> Path:
    return tmp_path / "work" / ".tatawwu" / "dev-key.json"


@pytest.fixture
def dev_key(key_path: Path) -> DevKey:
    return DevKey.load_or_create(key_path)


def verify(verifier: TokenVerifier, token: str) -> VerifiedToken:
    return asyncio.run(verifier.verify(token))


def coordinator(key: DevKey, **changes: object) -> str:
    args: dict[str, object] = {
        "subject": "amina",
        "tenant": "dz-crescent",
        "roles": ["coordinator", "viewer"],
        "volunteer_id": None,
        "federation": False,
    }
    args.update(changes)
    return mint_dev_token(key, **args)  # type: ignore[arg-type]


def test_the_key_file_is_created_once_with_mode_0600(key_path: Path) -> None:
    assert not key_path.parent.exists()
    first = DevKey.load_or_create(key_path)
    assert stat.S_IMODE(key_path.stat().st_mode) == 0o600
    data = json.loads(key_path.read_text())
    assert (data["kty"], data["crv"], "d" in data) == ("OKP", "Ed25519", True)
    written = (key_path.read_bytes(), key_path.stat().st_mtime_ns)
    second = DevKey.load_or_create(key_path)
    assert second.kid == first.kid
    assert (key_path.read_bytes(), key_path.stat().st_mtime_ns) == written
    assert [p.name for p in key_path.parent.iterdir()] == ["dev-key.json"]  # no draft left


def test_a_token_of_the_first_key_verifies_with_the_reloaded_key(key_path: Path) -> None:
    token = coordinator(DevKey.load_or_create(key_path))
    reloaded = DevKey.load_or_create(key_path)
    assert verify(TokenVerifier((), reloaded), token).subject == "amina"


def test_loading_a_missing_key_refuses_and_creates_nothing(key_path: Path) -> None:
    with pytest.raises(DevKeyNotFound, match="there is no development key at") as caught:
        DevKey.load(key_path)
    assert caught.value.path == key_path
    assert isinstance(caught.value, ConfigurationError)
    assert not key_path.parent.exists()


def test_a_key_file_others_can_read_is_refused(key_path: Path) -> None:
    DevKey.load_or_create(key_path)
    key_path.chmod(0o644)
    with pytest.raises(ConfigurationError, match="chmod 600"):
        DevKey.load_or_create(key_path)


def test_a_corrupt_key_file_is_refused(key_path: Path) -> None:
    key_path.parent.mkdir(parents=True)
    key_path.write_text('{"kty": "oct", "k": "c2VjcmV0"}')
    key_path.chmod(0o600)
    with pytest.raises(ConfigurationError, match="not a private Ed25519 JWK"):
        DevKey.load_or_create(key_path)


def test_dev_token_round_trip(dev_key: DevKey) -> None:
    token = coordinator(dev_key, volunteer_id=12, ttl_seconds=3600)
    result = verify(TokenVerifier((), dev_key), token)
    assert (result.issuer, result.subject, result.is_dev) == (DEV_ISSUER, "amina", True)
    assert result.claims["aud"] == DEV_AUDIENCE
    assert result.claims["exp"] - result.claims["iat"] == 3600
    assert abs(result.claims["iat"] - time.time()) < 60
    assert result.claims["tatawwu"] == {
        "tenant": "dz-crescent",
        "roles": ["coordinator", "viewer"],
        "volunteer_id": 12,
        "federation": False,
    }


def test_a_federation_analyst_token_has_no_tenant(dev_key: DevKey) -> None:
    token = mint_dev_token(
        dev_key, subject="analyst", tenant=None, roles=[], volunteer_id=None, federation=True
    )
    claims = verify(TokenVerifier((), dev_key), token).claims["tatawwu"]
    assert claims == {"tenant": None, "roles": [], "volunteer_id": None, "federation": True}


def test_dev_tokens_are_refused_without_a_dev_key(dev_key: DevKey) -> None:
    production = TokenVerifier((), None)
    with pytest.raises(Unauthenticated, match="issuer is not trusted"):
        verify(production, coordinator(dev_key))


def test_a_token_of_another_dev_key_is_refused(dev_key: DevKey, tmp_path: Path) -> None:
    other = DevKey.load_or_create(tmp_path / "other" / "dev-key.json")
    assert other.kid != dev_key.kid
    with pytest.raises(Unauthenticated, match="signing key is unknown"):
        verify(TokenVerifier((), dev_key), coordinator(other))


def test_an_expired_dev_token_is_refused(dev_key: DevKey, monkeypatch: pytest.MonkeyPatch) -> None:
    with monkeypatch.context() as patch:
        patch.setattr(time, "time", lambda: 1_700_000_000.0)  # minted long ago
        token = coordinator(dev_key, ttl_seconds=60)
    with pytest.raises(Unauthenticated, match="expired"):
        verify(TokenVerifier((), dev_key), token)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"roles": ["superuser"]}, "unknown role"),
        ({"roles": "admin"}, "not one string"),
        ({"tenant": None}, "roles apply to a tenant"),
        ({"tenant": " "}, "tenant must be"),
        ({"subject": ""}, "subject must be"),
        ({"volunteer_id": 0}, "volunteer_id must be"),
        ({"volunteer_id": True}, "volunteer_id must be"),
        ({"ttl_seconds": 0}, "ttl_seconds must be"),
        ({"ttl_seconds": 365 * 24 * 3600}, "ttl_seconds must be"),
    ],
)
def test_minting_validates_its_arguments(
    dev_key: DevKey, changes: dict[str, object], message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        coordinator(dev_key, **changes)


def test_each_valid_role_can_be_minted(dev_key: DevKey) -> None:
    token = coordinator(dev_key, roles=["admin", "coordinator", "editor", "viewer", "admin"])
    roles = verify(TokenVerifier((), dev_key), token).claims["tatawwu"]["roles"]
    assert roles == ["admin", "coordinator", "editor", "viewer"]
