"""The raw baseline as a bare ASGI app: `uvicorn --factory bench.raw.app:create_app`.

POST /graphql takes the same body as the hub and answers by `operationName` (Q1–Q5) with
hand-written SQL and orjson; the `x-bench-sql` header says how many statements the request
ran. The database is `BENCH_RAW_DATABASE_URL` (the hub's SQLAlchemy URL); Q4's staff tokens
are verified with the development key in `BENCH_RAW_DEV_KEY_FILE`, the one the hub trusts.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Awaitable, Callable, MutableMapping
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

import orjson

from bench.raw import sql
from bench.raw.db import open_database
from bench.raw.handlers import HANDLERS, Json, Request, TenantInfo, tenant_row
from bench.raw.volunteers import Refused, q4
from hub.auth import DevKey, TokenVerifier
from hub.i18n import LocaleChain

Scope = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[MutableMapping[str, Any]]]
Send = Callable[[MutableMapping[str, Any]], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


async def _respond(send: Send, status: int, body: bytes, statements: int = 0) -> None:
    await send({"type": "http.response.start", "status": status, "headers": [
        (b"content-type", b"application/json"),
        (b"content-length", str(len(body)).encode()),
        (b"x-bench-sql", str(statements).encode()),
    ]})
    await send({"type": "http.response.body", "body": body})


async def _body(receive: Receive) -> bytes:
    chunks = []
    while True:
        message = await receive()
        chunks.append(message.get("body", b""))
        if not message.get("more_body"):
            return b"".join(chunks)


def _verifier(key_file: str | None) -> TokenVerifier | None:
    return TokenVerifier((), DevKey.load(Path(key_file))) \
        if key_file and Path(key_file).exists() else None


def create_app(database_url: str | None = None, dev_key_file: str | None = None) -> ASGIApp:
    url = database_url or os.environ["BENCH_RAW_DATABASE_URL"]
    verifier = _verifier(dev_key_file or os.environ.get("BENCH_RAW_DEV_KEY_FILE"))
    state: dict[str, Any] = {}

    async def staff_page(request: Request) -> Json:
        return await q4(request, verifier)

    handlers = {**HANDLERS, "Q4": staff_page}

    async def lifespan(receive: Receive, send: Send) -> None:
        while True:
            message = await receive()
            if message["type"] == "lifespan.startup":
                db = await open_database(url)
                async with db.connection() as conn:
                    rows = await conn.fetch(sql.TENANTS)
                state["db"] = db
                state["tenants"] = {t.id: t for t in map(tenant_row, rows)}
                await send({"type": "lifespan.startup.complete"})
            elif message["type"] == "lifespan.shutdown":
                if "db" in state:
                    await state["db"].close()
                await send({"type": "lifespan.shutdown.complete"})
                return

    async def graphql(scope: Scope, receive: Receive, send: Send) -> None:
        payload = orjson.loads(await _body(receive) or b"{}")
        handler = handlers.get(payload.get("operationName") or "")
        if handler is None:
            error = {"errors": [{"message": "unknown operationName"}]}
            await _respond(send, 400, orjson.dumps(error))
            return
        headers = dict(scope["headers"])
        query = parse_qs(scope.get("query_string", b"").decode())
        chain = LocaleChain.from_request(
            explicit=(query.get("lang") or [None])[0],
            accept_language=headers.get(b"accept-language", b"").decode() or None,
        )
        tenants: dict[int, TenantInfo] = state["tenants"]
        async with state["db"].connection() as conn:
            request = Request(conn, chain, tenants, payload.get("variables") or {},
                              authorization=headers.get(b"authorization", b"").decode() or None,
                              request_id=uuid.uuid4().hex)
            try:
                answer: Json = {"data": await handler(request)}
            except Refused as exc:
                answer = {"data": None, "errors": [{"message": str(exc),
                                                    "extensions": {"code": exc.code}}]}
        # The hub echoes the locale chain it served (schema/localization.py).
        answer["extensions"] = {"locale": {
            "chain": [*chain.requested, "(tenant default)", "en"], "source": chain.source}}
        await _respond(send, 200, orjson.dumps(answer), request.statements)

    async def app(scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan":
            await lifespan(receive, send)
        elif scope["type"] == "http" and scope["path"] == "/graphql" \
                and scope["method"] == "POST":
            await graphql(scope, receive, send)
        elif scope["type"] == "http" and scope["path"] == "/healthz":
            await _respond(send, 200, b'{"status":"ok"}')
        else:
            await _respond(send, 404, b'{"errors":[{"message":"not found"}]}')

    return app
