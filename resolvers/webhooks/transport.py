"""One HTTP POST of a delivery: HTTP/1.1 over asyncio streams, spoken through h11.

The runtime has no HTTP client library (httpx is a development dependency only), so the
protocol is h11's (the sans-I/O HTTP/1.1 implementation uvicorn serves with, a runtime
dependency already) and only the socket work is ours:

- the host is resolved first and, in production, every address must be public; the
  connection goes to the address checked (no second lookup an attacker could answer
  differently), with TLS verified against the host's name;
- one deadline for everything (resolving, connecting, sending, the answer's head);
- redirects are never followed: a 3xx is an answer that is not a success;
- of the answer's body, only a short excerpt is read (for the operator's error column),
  and only when it is not a success; then the connection is closed.
"""

from __future__ import annotations

import asyncio
import contextlib
import socket
import ssl
from dataclasses import dataclass
from typing import Final

import h11

from resolvers.webhooks.urls import Target, is_public_address

EXCERPT_BYTES: Final = 300
USER_AGENT: Final = "Tatawwu-Hub-Webhooks/1"
_READ = 16 * 1024


@dataclass(frozen=True, slots=True)
class Answer:
    status: int
    excerpt: str  # the start of the body of an answer that is not a success, else ""

    @property
    def ok(self) -> bool:
        return 200 <= self.status < 300


class NotDelivered(Exception):
    """No answer: the reason, short and safe to store (no secret, no body)."""


async def post(target: Target, body: bytes, headers: list[tuple[str, str]], *,
               seconds: float, public_only: bool) -> Answer:
    """POST `body` to `target` within `seconds`, everything included; raises NotDelivered."""
    try:
        async with asyncio.timeout(seconds):
            return await _post(target, body, headers, public_only)
    except TimeoutError:
        raise NotDelivered(f"no answer within {seconds:g} s") from None
    except ssl.SSLError as error:
        raise NotDelivered(f"TLS: {error.reason or error}") from None
    except OSError as error:
        raise NotDelivered(f"connection: {error.strerror or error}") from None
    except h11.ProtocolError as error:
        raise NotDelivered(f"not a valid HTTP answer: {error}") from None


async def _post(target: Target, body: bytes, headers: list[tuple[str, str]],
                public_only: bool) -> Answer:
    address = await _address(target, public_only)
    context = ssl.create_default_context() if target.tls else None
    reader, writer = await asyncio.open_connection(
        address, target.port, ssl=context,
        server_hostname=target.host if context is not None else None)
    try:
        http = h11.Connection(our_role=h11.CLIENT)
        request = h11.Request(method="POST", target=target.path, headers=[
            ("Host", target.host_header), ("User-Agent", USER_AGENT),
            ("Content-Length", str(len(body))), ("Connection", "close"), *headers])
        writer.write(http.send(request) or b"")
        writer.write(http.send(h11.Data(data=body)) or b"")
        writer.write(http.send(h11.EndOfMessage()) or b"")
        await writer.drain()
        status = await _status(http, reader)
        if 200 <= status < 300:
            return Answer(status, "")
        return Answer(status, await _excerpt(http, reader))
    finally:
        writer.close()
        with contextlib.suppress(OSError, ssl.SSLError):
            await writer.wait_closed()


async def _address(target: Target, public_only: bool) -> str:
    """The address to connect to: the first the host resolves to; in production every one
    must be public (a name pointing inside the network is refused, not tried)."""
    loop = asyncio.get_running_loop()
    found = await loop.getaddrinfo(target.host, target.port, type=socket.SOCK_STREAM)
    addresses = [str(info[4][0]) for info in found]
    if not addresses:
        raise NotDelivered(f"{target.host} has no address")
    if public_only and not all(is_public_address(a) for a in addresses):
        raise NotDelivered(f"{target.host} resolves to an address that is not public")
    return addresses[0]


async def _next(http: h11.Connection, reader: asyncio.StreamReader) -> object:
    while True:
        event = http.next_event()
        if event is not h11.NEED_DATA:
            return event
        http.receive_data(await reader.read(_READ))  # b"" at the end: h11 knows it ended


async def _status(http: h11.Connection, reader: asyncio.StreamReader) -> int:
    """The final answer's status (informational 1xx answers are passed over)."""
    while True:
        event = await _next(http, reader)
        if isinstance(event, h11.Response):
            return int(event.status_code)
        if not isinstance(event, h11.InformationalResponse):
            raise NotDelivered("the connection closed before an answer")


async def _excerpt(http: h11.Connection, reader: asyncio.StreamReader) -> str:
    """The start of the answer's body, printable, at most EXCERPT_BYTES; what cannot be read
    (the receiver closed early) is simply left out."""
    taken = bytearray()
    with contextlib.suppress(h11.ProtocolError, OSError):
        while len(taken) < EXCERPT_BYTES:
            event = await _next(http, reader)
            if not isinstance(event, h11.Data):
                break
            taken += event.data[: EXCERPT_BYTES - len(taken)]
    text = taken.decode("utf-8", errors="replace")
    return "".join(c if c.isprintable() else " " for c in text).strip()
