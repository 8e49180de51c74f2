"""Child processes, bounded: servers started and always stopped, commands with timeouts,
and what /proc says of a process (CPU time, peak resident memory)."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import httpx2 as httpx

CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


class BenchError(RuntimeError):
    """A step of the harness failed; the message says which and why."""


def _die_with_parent() -> None:
    """In the child before exec: SIGTERM it when the harness dies, however it dies (Linux)."""
    try:
        import ctypes

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def run(cmd: Sequence[str], *, timeout: float, env: Mapping[str, str] | None = None,
        cwd: Path | None = None, what: str = "") -> str:
    """Run a command to completion within `timeout` seconds; its output, or BenchError."""
    try:
        done = subprocess.run(list(cmd), env=dict(env) if env is not None else None, cwd=cwd,
                              capture_output=True, text=True, timeout=timeout, check=False)
    except subprocess.TimeoutExpired as exc:
        raise BenchError(f"{what or cmd[0]}: no answer within {timeout:.0f} s") from exc
    except OSError as exc:
        raise BenchError(f"{what or cmd[0]}: cannot run: {exc}") from exc
    if done.returncode != 0:
        tail = (done.stderr or done.stdout).strip().splitlines()[-12:]
        raise BenchError(f"{what or cmd[0]} failed (exit {done.returncode}):\n  "
                         + "\n  ".join(tail))
    return done.stdout


def cpu_seconds(pid: int) -> float:
    """utime + stime of a process (all its threads), from /proc/<pid>/stat."""
    stat = Path(f"/proc/{pid}/stat").read_text()
    fields = stat.rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS


def process_tree(pid: int) -> list[int]:
    """A process and its living descendants (a hub's worker processes), from /proc."""
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    found, pending = [], [pid]
    while pending:
        current = pending.pop()
        found.append(current)
        pending.extend(children.get(current, []))
    return found


def tree_cpu_seconds(pid: int) -> float:
    """CPU seconds of a process and of its living descendants."""
    total = 0.0
    for member in process_tree(pid):
        try:
            total += cpu_seconds(member)
        except OSError:
            continue  # gone meanwhile
    return total


def tree_peak_rss_mib(pid: int) -> float | None:
    """The largest peak resident set among a process and its descendants: per worker."""
    found = [rss for member in process_tree(pid) if (rss := peak_rss_mib(member)) is not None]
    return max(found) if found else None


def peak_rss_mib(pid: int) -> float | None:
    """VmHWM (peak resident set) of a process, in MiB."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


@dataclass
class Server:
    """A server process on 127.0.0.1:port, its log in a file; `stop()` always ends it."""

    name: str
    cmd: list[str]
    env: dict[str, str]
    port: int
    log_path: Path
    cwd: Path | None = None
    ready_path: str = "/healthz"
    process: subprocess.Popen[bytes] | None = field(default=None, repr=False)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def pid(self) -> int:
        assert self.process is not None
        return self.process.pid

    def start(self, timeout: float = 90.0,
              ready: Callable[[httpx.Response], bool] | None = None) -> None:
        with self.log_path.open("wb") as log:
            self.process = subprocess.Popen(
                self.cmd, env=self.env, cwd=self.cwd, stdout=log, stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL, start_new_session=True,
                preexec_fn=_die_with_parent,
            )
        deadline = time.monotonic() + timeout
        check = ready or (lambda r: r.status_code < 500)
        while True:
            if self.process.poll() is not None:
                raise BenchError(f"{self.name} exited at start (code {self.process.returncode}):"
                                 f"\n  {self.log_tail()}")
            try:
                if check(httpx.get(self.url + self.ready_path, timeout=2)):
                    return
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                self.stop()
                raise BenchError(f"{self.name} not ready within {timeout:.0f} s:\n  "
                                 f"{self.log_tail()}")
            time.sleep(0.2)

    def log_tail(self, lines: int = 12) -> str:
        try:
            text = self.log_path.read_text(errors="replace").strip().splitlines()
        except OSError:
            return "(no log)"
        return "\n  ".join(text[-lines:])

    def stop(self) -> None:
        """SIGTERM, then SIGKILL after 10 s; only this process (and its own session)."""
        process, self.process = self.process, None
        if process is None or process.poll() is not None:
            return
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=10)
