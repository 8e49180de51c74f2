"""The hub's credentials, verified by implementations that are not the hub's: Node's `jose`
(tests/credentials/node/verify.mjs, from the npm lock) and joserfc used directly, each with
nothing but what the hub publishes (the issuer's JWKS and status list, fetched from its
routes). A good credential passes in both; a tampered one, one checked against another
society's keys, a revoked one and one before its `validFrom` fail in both, and in ours."""

from __future__ import annotations

import base64
import gzip
import json
import shutil
import subprocess
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from joserfc import jwt
from joserfc.errors import BadSignatureError, InvalidClaimError, InvalidKeyIdError
from joserfc.jwk import KeySet

from resolvers.credentials import keys as issuer_keys
from resolvers.credentials.verification import (
    Failure,
    Rejected,
    StatusLists,
    verify_credential,
)
from tests.applications.world import World
from tests.credentials.conftest import (
    ISSUER,
    RECEIVER,
    badge_award,
    certificate,
    issue,
    new_holder,
    part,
    published,
    revoke,
    tampered,
)
from tests.hub.entry.test_ide import need
from tests.paths import ROOT

NODE_DIR = ROOT / "tests" / "credentials" / "node"


def jose_missing() -> str | None:
    if shutil.which("node") is None:
        return "Node.js is not installed: the independent verifier runs jose with it"
    lock = json.loads((NODE_DIR / "package-lock.json").read_text(encoding="utf-8"))
    wanted = lock["packages"]["node_modules/jose"]["version"]
    installed = NODE_DIR / "node_modules" / "jose" / "package.json"
    if not installed.is_file():
        return "jose is not installed in tests/credentials/node: run `make test` (npm ci)"
    version = json.loads(installed.read_text(encoding="utf-8"))["version"]
    if version != wanted:
        return f"tests/credentials/node has jose {version}, the lock {wanted}: run `make test`"
    return None


class Case:
    """One credential, the files an outside verifier gets, and the three verdicts."""

    def __init__(self, folder: Path, name: str, token: str, jwks: dict[str, Any],
                 status: str) -> None:
        self.token, self.jwks, self.status = token, jwks, status
        self.files = {"token": folder / f"{name}.jwt", "jwks": folder / f"{name}.jwks.json",
                      "status": folder / f"{name}.status.jwt"}
        self.files["token"].write_text(token, encoding="utf-8")
        self.files["jwks"].write_text(json.dumps(jwks), encoding="utf-8")
        self.files["status"].write_text(status, encoding="utf-8")

    def node(self) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            ["node", str(NODE_DIR / "verify.mjs"), str(self.files["token"]),
             str(self.files["jwks"]), str(self.files["status"])],
            capture_output=True, text=True, timeout=60, check=False)

    def joserfc(self) -> dict[str, Any]:
        """joserfc directly, as any Python verifier would: signature, then the claims with
        its registry, then the status bit by hand. Raises on the first failure."""
        keys = KeySet.import_key_set(self.jwks)  # type: ignore[arg-type]
        claims = jwt.decode(self.token, keys, algorithms=["RS256"]).claims
        jwt.JWTClaimsRegistry(iss={"essential": True, "value": claims["issuer"]["id"]},
                              sub={"essential": True}, jti={"essential": True},
                              nbf={"essential": True}).validate(claims)
        listed = jwt.decode(self.status, keys, algorithms=["RS256"]).claims
        jwt.JWTClaimsRegistry(iss={"essential": True, "value": claims["iss"]}).validate(listed)
        encoded = listed["credentialSubject"]["encodedList"]
        bits = gzip.decompress(base64.urlsafe_b64decode(encoded[1:] + "=" * (-len(encoded[1:]) % 4)))
        index = int(claims["credentialStatus"]["statusListIndex"])
        if bits[index // 8] & (0x80 >> (index % 8)):
            raise ValueError("revoked")
        return claims

    def ours(self) -> Any:
        issuer = part(self.token, 1)["iss"]
        keys = issuer_keys.key_set(self.jwks)
        lists = StatusLists(lambda i: keys if i == issuer else None)
        lists.add(self.status)
        return verify_credential(self.token, keys_for=lists.keys_for, revoked=lists.revoked)


def test_credentials_verify_with_jose_and_joserfc_and_fail_where_they_must(
        hub: World, tmp_path: Path) -> None:
    need(jose_missing())
    volunteer = new_holder(hub, ISSUER)
    good, revoked, later = (certificate(hub, volunteer), certificate(hub, volunteer),
                            certificate(hub, volunteer))
    good_token, revoked_token = (c.token for c in issue(hub, certificates=[good, revoked]))
    later_token = issue(hub, certificates=[later],
                        valid_from=datetime.now(UTC) + timedelta(days=2))[0].token
    revoke(hub, certificates=[revoked])
    # Another society's keys: it needs a key, so it issues something first.
    other = new_holder(hub, RECEIVER)
    issue(hub, awards=[badge_award(hub, other, RECEIVER)])
    jwks = published(hub, f"/issuers/{ISSUER}/jwks.json")
    status = published(hub, f"/issuers/{ISSUER}/status/1")
    other_jwks = published(hub, f"/issuers/{RECEIVER}/jwks.json")

    def more_hours(claims: dict[str, Any]) -> None:
        claims["credentialSubject"]["creditsEarned"] = 900

    valid = Case(tmp_path, "valid", good_token, jwks, status)
    done = valid.node()
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["id"] == part(good_token, 1)["id"]
    assert valid.joserfc()["jti"] == part(good_token, 1)["jti"]
    assert valid.ours().id == part(good_token, 1)["id"]

    failing = {
        "tampered": (Case(tmp_path, "tampered", tampered(good_token, more_hours), jwks, status),
                     BadSignatureError, Failure.SIGNATURE, "signature"),
        "wrong-key": (Case(tmp_path, "wrong-key", good_token, other_jwks, status),
                      InvalidKeyIdError, Failure.UNKNOWN_KEY, "no applicable key"),
        "revoked": (Case(tmp_path, "revoked", revoked_token, jwks, status),
                    ValueError, Failure.REVOKED, "revoked"),
        "before-valid-from": (Case(tmp_path, "later", later_token, jwks, status),
                              InvalidClaimError, Failure.NOT_YET_VALID, "nbf"),
    }
    for name, (case, python_error, ours, node_says) in failing.items():
        done = case.node()
        assert done.returncode == 1, (name, done.stdout)
        assert node_says in done.stderr.lower(), (name, done.stderr)
        with pytest.raises(python_error):
            case.joserfc()
        with pytest.raises(Rejected) as refused:
            case.ours()
        assert refused.value.failure == ours, name
