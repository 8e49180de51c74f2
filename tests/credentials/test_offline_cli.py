"""`tatawwu credentials ...`: keys made and rotated, the federation's trust list, and
`verify`, which must work with no network at all (every connection refused here) from the
trust list and a pinned federation key."""

from __future__ import annotations

import json
import socket
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from hub.entry.cli import main
from resolvers.credentials.trust_list import TRUST_LIST_TYPE
from tests.applications.world import World
from tests.credentials.conftest import (
    ISSUER,
    badge_award,
    certificate,
    issue,
    new_holder,
    part,
    published,
    revoke,
    tampered,
)


def run(world: World, *args: str) -> Result:
    """The command as an operator runs it where the hub's database is."""
    settings = world.database.settings
    env = {"HUB_DATABASE_URL": settings.database_url, "HUB_MODE": "dev",
           "HUB_DEV_KEY_FILE": str(settings.dev_key_file)}
    return CliRunner().invoke(main, ["credentials", *args], env=env, catch_exceptions=False)


class NoNetwork(AssertionError):
    pass


def offline_verify(*args: str) -> Result:
    """`verify` as a verifier runs it: no settings, no database, only files."""
    return CliRunner().invoke(main, ["credentials", "verify", *args], env={},
                              catch_exceptions=False)


def test_keys_are_created_listed_and_rotated(hub: World) -> None:
    tenant = "ma-crescent"
    made = run(hub, "keys", "create", tenant)
    assert made.exit_code == 0, made.output
    first = made.stdout.strip()
    assert first.startswith(f"{hub.database.settings.public_url}/issuers/{tenant}/keys/")
    again = run(hub, "keys", "create", tenant)
    assert again.exit_code == 2 and "rotate" in again.stderr
    rotated = run(hub, "keys", "rotate", tenant)
    assert rotated.exit_code == 0, rotated.output
    assert f"retired {first.rsplit('/', 1)[1]}" in rotated.stderr
    listed = run(hub, "keys", "list", tenant).stdout.splitlines()
    assert len(listed) == 2 and sum(line.endswith("active") for line in listed) == 1
    jwks = json.loads(run(hub, "jwks", tenant).stdout)
    assert [k["kid"] for k in jwks["keys"]] == [rotated.stdout.strip(), first]
    assert run(hub, "keys", "rotate", "nowhere").exit_code == 2


def test_a_credential_verifies_offline_from_the_trust_list(
        hub: World, tmp_path: Path) -> None:
    volunteer = new_holder(hub, ISSUER)
    cert, later_revoked, award = (certificate(hub, volunteer), certificate(hub, volunteer),
                                  badge_award(hub, volunteer, code="gold", hours=151))
    revoked = certificate(hub, volunteer)
    made = issue(hub, certificates=[cert, later_revoked, revoked], awards=[award])
    revoke(hub, certificates=[revoked])
    files = {}
    for name, credential in zip(("good", "later", "revoked", "badge"), made, strict=True):
        files[name] = tmp_path / f"{name}.jwt"
        files[name].write_text(credential.token + "\n", encoding="utf-8")
    files["tampered"] = tmp_path / "tampered.jwt"
    files["tampered"].write_text(tampered(made[0].token, lambda c: c.update(name="Forged")),
                                 encoding="utf-8")
    trust, pinned = tmp_path / "trust-list.jwt", tmp_path / "arco.jwks.json"
    made_list = run(hub, "trust-list", "--output", str(trust), "--valid-days", "7")
    assert made_list.exit_code == 0, made_list.output
    thumbprint = made_list.stderr.split("--federation-thumbprint ")[1].split()[0]
    assert part(trust.read_text(encoding="utf-8").strip(), 0)["typ"] == TRUST_LIST_TYPE
    assert run(hub, "jwks", "arco", "--output", str(pinned)).exit_code == 0
    # The served trust list is the same kind of document, signed by the same key.
    served = published(hub, "/trust-list.jwt")
    assert part(served, 0)["kid"] == part(trust.read_text(encoding="utf-8"), 0)["kid"]
    # Revoked after the trust list was made: only a fresher status list tells.
    revoke(hub, certificates=[later_revoked])
    fresher = tmp_path / "status.jwt"
    fresher.write_text(published(hub, f"/issuers/{ISSUER}/status/1"), encoding="utf-8")
    wrong_pin = tmp_path / "other.jwks.json"
    wrong_pin.write_text(json.dumps(published(hub, f"/issuers/{ISSUER}/jwks.json")),
                         encoding="utf-8")

    with pytest.MonkeyPatch.context() as patch:
        def refuse(*args: Any, **kwargs: Any) -> Any:
            raise NoNetwork(f"network used: {args!r}")

        for target, name in ((socket.socket, "connect"), (socket.socket, "connect_ex"),
                             (socket, "create_connection"), (socket, "getaddrinfo")):
            patch.setattr(target, name, refuse)
        pin = ("--trust-list", str(trust), "--federation-jwks", str(pinned))
        good = offline_verify(str(files["good"]), str(files["badge"]), *pin)
        assert good.exit_code == 0, good.output
        assert good.stdout.count(": VALID ") == 2 and "not revoked as of" in good.stdout
        by_thumbprint = offline_verify(str(files["good"]), "--trust-list",
                                       str(trust), "--federation-thumbprint", thumbprint,
                                       "--json")
        assert by_thumbprint.exit_code == 0, by_thumbprint.output
        answer = json.loads(by_thumbprint.stdout)
        assert answer["valid"] is True and answer["hours"] == 12.5
        assert answer["issuer"].endswith(f"/issuers/{ISSUER}")
        # As of the trust list, `later` was not revoked yet; the fresher list says it is.
        assert offline_verify(str(files["later"]), *pin).exit_code == 0
        fresh = offline_verify(str(files["later"]), *pin, "--status-list",
                               str(fresher))
        assert fresh.exit_code == 1 and "INVALID (REVOKED)" in fresh.stdout
        for name, reason in (("revoked", "REVOKED"), ("tampered", "SIGNATURE")):
            refused = offline_verify(str(files[name]), *pin)
            assert refused.exit_code == 1, refused.output
            assert f"INVALID ({reason})" in refused.stdout
        mixed = offline_verify(str(files["good"]), str(files["revoked"]), *pin)
        assert mixed.exit_code == 1 and ": VALID " in mixed.stdout
        # A trust list that the pinned key did not sign verifies nothing.
        for wrong in (("--federation-jwks", str(wrong_pin)),
                      ("--federation-thumbprint", "not-the-federation-key"), ()):
            refused = offline_verify(str(files["good"]), "--trust-list",
                                     str(trust), *wrong)
            assert refused.exit_code == 2, (wrong, refused.output)
            assert "VALID" not in refused.stdout
