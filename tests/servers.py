"""A hub served for real, in a process of its own, on a free local port."""

from __future__ import annotations

import socket
import subprocess
import time
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path

import httpx2 as httpx


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def serving(command: Sequence[str], *, port: int, env: Mapping[str, str], cwd: Path,
            log: Path, probe: str = "/readyz", start_timeout: float = 90,
            stop_timeout: float = 20) -> Iterator[str]:
    """Run `command` (which serves on `port`), wait until `probe` answers 200, yield the base
    URL; stop it afterwards, killing it if it does not stop (a hung event loop never runs
    the SIGTERM handler). Its output goes to `log`, shown when it dies or never starts."""
    with log.open("w") as out:
        process = subprocess.Popen(list(command), cwd=cwd, env=dict(env), stdout=out,
                                   stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + start_timeout
        while True:
            assert process.poll() is None, log.read_text()
            try:
                if httpx.get(base + probe, timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert time.monotonic() < deadline, f"the hub did not answer {probe}: " \
                + log.read_text()[-2000:]
            time.sleep(0.2)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=stop_timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=stop_timeout)
