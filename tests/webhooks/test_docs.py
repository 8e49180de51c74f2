"""docs/webhooks.md's verification code, in Python and in JavaScript (Node.js), run against
the hub's signatures: a genuine delivery passes; a changed body, another secret, an old
timestamp do not (no database)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from resolvers.webhooks.signing import new_secret, signature
from tests.hub.entry.test_ide import need
from tests.paths import ROOT

DOC = (ROOT / "docs" / "webhooks.md").read_text(encoding="utf-8")
BODY = json.dumps({"id": "evt_1", "type": "HOURS_VERIFIED", "tenant": "dz-crescent",
                   "occurredAt": "2026-12-07T10:00:00Z",
                   "data": {"entries": ["SG91cnNFbnRyeTox"]}}).encode()


def block(language: str) -> str:
    found = re.findall(rf"```{language}\n(.*?)```", DOC, re.S)
    assert len(found) == 1, language
    return str(found[0])


def cases(secret: str) -> list[tuple[str, dict[str, str], bytes, bool]]:
    """(case, headers, body, whether it must pass)."""
    now = int(time.time())

    def headers(timestamp: int, key: str = secret, body: bytes = BODY) -> dict[str, str]:
        return {"Tatawwu-Webhook-Timestamp": str(timestamp),
                "Tatawwu-Webhook-Signature": signature(key, timestamp, body)}

    rotated = headers(now)
    rotated["Tatawwu-Webhook-Signature"] = (signature(new_secret(), now, BODY) + ", "
                                            + rotated["Tatawwu-Webhook-Signature"])
    return [("genuine", headers(now), BODY, True),
            ("two signatures, one ours", rotated, BODY, True),
            ("body changed", headers(now), BODY.replace(b"10:00", b"11:00"), False),
            ("another secret", headers(now, key=new_secret()), BODY, False),
            ("ten minutes old", headers(now - 600), BODY, False),
            ("no signature", {"Tatawwu-Webhook-Timestamp": str(now)}, BODY, False)]


def test_the_python_example_verifies_the_hubs_signatures() -> None:
    scope: dict[str, Any] = {}
    exec(compile(block("python"), "docs/webhooks.md", "exec"), scope)
    verify: Callable[[str, dict[str, str], bytes], bool] = scope["verify"]
    secret = new_secret()
    for name, headers, body, expected in cases(secret):
        assert verify(secret, headers, body) is expected, name


def test_the_javascript_example_verifies_the_hubs_signatures(tmp_path: Path) -> None:
    need(None if shutil.which("node") else "Node.js is not installed")
    secret = new_secret()
    runs = [{"name": name, "headers": {k.lower(): v for k, v in headers.items()},
             "body": body.decode(), "expected": expected}
            for name, headers, body, expected in cases(secret)]
    script = tmp_path / "verify.cjs"
    script.write_text(block("js") + """
const [secret, runs] = [process.argv[2], JSON.parse(process.argv[3])];
console.log(JSON.stringify(runs.map((r) => [r.name, verify(secret, r.headers,
  Buffer.from(r.body, "utf8")) === r.expected])));
""", encoding="utf-8")
    done = subprocess.run(["node", str(script), secret, json.dumps(runs)], capture_output=True,
                          text=True, timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == [[r["name"], True] for r in runs]
