"""Trusted documents at the door of /graphql: a request that names a document by id gets
its text before the GraphQL view reads the request, and `HUB_TRUSTED_DOCUMENTS=only` keeps
ad-hoc documents away from callers who may send only ids.

A document is named by `documentId` (GraphQL over HTTP's persisted documents) or by
Apollo's `extensions.persistedQuery.sha256Hash`, in a JSON POST body or in a GET's query
string. The middleware finds it (the caller's API client's own documents first, then the
global ones: `hub.documents`), rewrites the request as if the client had sent the text, and
marks it `request.state.trusted_document = <id>` (the view allows a GET by id in
production; see common contract). An unknown id answers 200 with PERSISTED_QUERY_NOT_FOUND,
what Apollo Client's persisted-query link looks for.

Who may send ad-hoc documents in `only` mode: signed-in staff and federation analysts (their
tools) when HUB_TRUSTED_DOCUMENTS_STAFF_ADHOC, nobody else. Volunteers are held to ids like
anonymous callers and API keys: they use a society's app, which sends its trusted documents,
and anyone may become a volunteer. `allow` takes both; `off` reads no id at all (a request
with only an id then lacks its query: a bad request).

A GET by id from an anonymous caller whose answer has no error is cacheable: `Cache-Control:
public, max-age=HUB_PUBLIC_CACHE_SECONDS` and an `ETag` (a hash of the body); a request
whose `If-None-Match` holds that tag is answered 304 without the body. The query still runs
to know the tag: skipping it would need proof that nothing it reads changed. Every other
answer to a GET by id is `private, no-store`. `Vary` names what changes an answer beside
its URL: Accept-Language, Authorization, X-Api-Key.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import Any, Final
from urllib.parse import urlencode

import orjson
from graphql import GraphQLError, GraphQLSyntaxError, parse, specified_rules, validate
from starlette.datastructures import Headers, MutableHeaders
from starlette.requests import Request
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from hub.access import Principal, PrincipalKind
from hub.config import Settings
from hub.documents import DocumentCache, DocumentFinder, StoredDocument
from hub.documents import messages as msg
from hub.documents.manifests import MAX_ID_LENGTH
from hub.entry.authentication import principal_of
from hub.entry.locale import preferred_locale
from hub.errors import BadUserInput, HubError, PersistedQueryNotFound, TrustedDocumentsOnly
from schema.core.transport_errors import MAX_BATCH

PATH: Final = "/graphql"
JSON_TYPES: Final = frozenset({"application/json", "application/graphql-response+json"})
VARY: Final = "Accept-Language, Authorization, X-Api-Key"
PRIVATE: Final = "private, no-store"


class DocumentRefusal(Exception):
    """A request refused before the view: the error and its HTTP status."""

    def __init__(self, error: HubError, status: int) -> None:
        super().__init__(error.message)
        self.error, self.status = error, status


class TrustedDocumentsMiddleware:
    def __init__(self, app: ASGIApp, settings: Settings) -> None:
        self.app = app
        self.settings = settings
        self.cache = DocumentCache(max_entries=settings.query_cache_size)
        self.finder: DocumentFinder | None = None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"] != PATH \
                or self.settings.trusted_documents == "off" \
                or scope["method"] not in ("GET", "POST"):
            await self.app(scope, receive, send)
            return
        finder = self._finder(scope)
        if finder is None:  # the hub is starting: /graphql answers 503 meanwhile
            await self.app(scope, receive, send)
            return
        request = Request(scope, receive)
        principal = principal_of(request)
        caller = Caller(principal, self.settings)
        try:
            if scope["method"] == "GET":
                document = await self._get(scope, caller, finder)
            else:
                document, receive = await self._post(scope, receive, caller, finder)
        except DocumentRefusal as refused:
            await self._refuse(request, refused, scope, receive, send)
            return
        if document is None:
            await self.app(scope, receive, send)
            return
        scope.setdefault("state", {})["trusted_document"] = document.document_id
        if scope["method"] == "GET":
            send = self._cacheable(request, principal, send)
        await self.app(scope, receive, send)

    def _finder(self, scope: Scope) -> DocumentFinder | None:
        if self.finder is None:
            app = scope.get("app")
            state = getattr(getattr(app, "state", None), "hub", None)
            if state is None:
                return None
            self.finder = DocumentFinder(state.sessions, self.cache)
        return self.finder

    async def _get(self, scope: Scope, caller: Caller, finder: DocumentFinder
                   ) -> StoredDocument | None:
        params = Request(scope).query_params
        extensions = _json_object(params.get("extensions"))
        payload: dict[str, Any] = {"documentId": params.get("documentId"),
                                   "query": params.get("query"), "extensions": extensions}
        document = await resolve(payload, caller, finder)
        if document is not None:
            kept = [(k, v) for k, v in params.multi_items()
                    if k not in ("documentId", "query", "extensions")]
            kept.append(("query", document.body))
            rest = _without_persisted_query(extensions)
            if rest:
                kept.append(("extensions", orjson.dumps(rest).decode()))
            scope["query_string"] = urlencode(kept).encode("ascii")
        return document

    async def _post(self, scope: Scope, receive: Receive, caller: Caller,
                    finder: DocumentFinder) -> tuple[StoredDocument | None, Receive]:
        body = await _read_body(receive)
        replay = _replay(body, receive)
        content_type = Headers(scope=scope).get("content-type", "")
        if body is None or content_type.partition(";")[0].strip().lower() not in JSON_TYPES:
            return None, replay  # the view refuses what is not JSON
        try:
            data = orjson.loads(body)
        except orjson.JSONDecodeError:
            return None, replay  # likewise
        rewritten: object
        if isinstance(data, list):
            # A batch, when allowed and within its size (else the view refuses it before
            # any id is looked up): every operation by its own rule; marked trusted only
            # if every one of them came by id.
            if not self.settings.allow_batching or len(data) > MAX_BATCH:
                return None, replay
            found = [await resolve(item, caller, finder) if isinstance(item, dict) else None
                     for item in data]
            if not any(found):
                return None, replay
            rewritten = [_with_text(item, doc) if doc else item
                         for item, doc in zip(data, found, strict=True)]
            document = found[0] if all(found) else None
        elif isinstance(data, dict):
            document = await resolve(data, caller, finder)
            if document is None:
                return None, replay
            rewritten = _with_text(data, document)
        else:
            return None, replay
        new_body = orjson.dumps(rewritten)
        headers = MutableHeaders(scope=scope)
        headers["content-length"] = str(len(new_body))
        return document, _replay(new_body, receive)

    def _cacheable(self, request: Request, principal: Principal, send: Send) -> Send:
        """`send`, holding the answer back to give it its caching headers (and to answer
        304 when the client's copy is current)."""
        public = principal.kind == PrincipalKind.ANONYMOUS
        max_age = self.settings.public_cache_seconds
        wanted = _tags(request.headers.get("if-none-match"))
        start: Message | None = None
        chunks: list[bytes] = []

        async def held(message: Message) -> None:
            nonlocal start
            if message["type"] == "http.response.start":
                start = message
                return
            if message["type"] != "http.response.body" or start is None:
                await send(message)
                return
            chunks.append(message.get("body", b""))
            if message.get("more_body", False):
                return
            body = b"".join(chunks)
            headers = MutableHeaders(raw=list(start["headers"]))
            headers["vary"] = VARY
            status = start["status"]
            if public and max_age > 0 and status == 200 and _no_errors(body):
                tag = '"' + hashlib.sha256(body).hexdigest()[:32] + '"'
                headers["etag"] = tag
                headers["cache-control"] = f"public, max-age={max_age}"
                if tag in wanted or "*" in wanted:
                    for name in ("content-length", "content-type"):
                        if name in headers:
                            del headers[name]
                    await send({"type": "http.response.start", "status": 304,
                                "headers": headers.raw})
                    await send({"type": "http.response.body", "body": b""})
                    return
            else:
                headers["cache-control"] = PRIVATE
            await send({**start, "headers": headers.raw})
            await send({"type": "http.response.body", "body": body})

        return held

    async def _refuse(self, request: Request, refused: DocumentRefusal, scope: Scope,
                      receive: Receive, send: Send) -> None:
        error = refused.error
        extensions = {"code": error.code.value,
                      "requestId": str(scope.get("state", {}).get("request_id", "-")),
                      **error.details}
        body = {"errors": [{"message": error.render(preferred_locale(request)),
                            "extensions": extensions}]}
        response = Response(orjson.dumps(body), status_code=refused.status,
                            media_type="application/json",
                            headers={"Cache-Control": PRIVATE, "Vary": VARY})
        await response(scope, receive, send)


class Caller:
    """What the rules of trusted documents need to know of the principal."""

    def __init__(self, principal: Principal, settings: Settings) -> None:
        self.client_id = principal.client_id if principal.kind == PrincipalKind.CLIENT \
            else None
        self.adhoc = may_send_adhoc(principal, settings)


def may_send_adhoc(principal: Principal, settings: Settings) -> bool:
    """Whether this principal may send a document's text rather than an id."""
    if settings.trusted_documents != "only":
        return True
    if principal.kind in (PrincipalKind.STAFF, PrincipalKind.FEDERATION):
        return settings.trusted_documents_staff_adhoc
    return False


async def resolve(payload: dict[str, Any], caller: Caller, finder: DocumentFinder
                  ) -> StoredDocument | None:
    """The trusted document a request names, None for an ad-hoc request the caller may
    send; raises `DocumentRefusal` for an unknown id or an ad-hoc request where only ids go.

    With an id and a query (Apollo's second try after PERSISTED_QUERY_NOT_FOUND), a known
    id wins; an unknown one leaves the query to run if the caller may send ad-hoc
    documents (nothing is registered: documents come only from `tatawwu documents push`)."""
    document_id, argument = _named_id(payload)
    query = payload.get("query")
    if document_id is None:
        if query is not None and not caller.adhoc:
            raise DocumentRefusal(TrustedDocumentsOnly(msg.ONLY_TRUSTED), 400)
        return None
    document = await finder.find(document_id, caller.client_id)
    other = _other_spelling(document_id)
    if document is None and other is not None:
        document = await finder.find(other, caller.client_id)
    if document is not None:
        return document
    if query is not None and caller.adhoc:
        return None
    missing = PersistedQueryNotFound(msg.NOT_FOUND, argument=argument, id=document_id)
    raise DocumentRefusal(missing, 200)


def _named_id(payload: dict[str, Any]) -> tuple[str | None, str]:
    """The id a request names and the parameter that named it."""
    if payload.get("documentId") is not None:
        return _checked(payload["documentId"], "documentId"), "documentId"
    extensions = payload.get("extensions")
    persisted = extensions.get("persistedQuery") if isinstance(extensions, dict) else None
    if isinstance(persisted, dict) and persisted.get("sha256Hash") is not None:
        argument = "extensions.persistedQuery.sha256Hash"
        return _checked(persisted["sha256Hash"], argument), argument
    return None, ""


def _other_spelling(document_id: str) -> str | None:
    """A sha256 id is written `sha256:<hex>` by GraphQL over HTTP and GraphQL Code
    Generator, bare by Apollo: either finds a document stored under the other."""
    prefix, colon, digest = document_id.partition(":")
    if colon:
        return digest if prefix == "sha256" and _is_sha256(digest) else None
    return f"sha256:{document_id}" if _is_sha256(document_id) else None


def _is_sha256(text: str) -> bool:
    return len(text) == 64 and all(c in "0123456789abcdef" for c in text)


def _checked(value: object, argument: str) -> str:
    if not isinstance(value, str) or not value or len(value) > MAX_ID_LENGTH:
        raise DocumentRefusal(BadUserInput(msg.ID_NOT_TEXT, argument=argument), 400)
    return value


def _with_text(payload: dict[str, Any], document: StoredDocument) -> dict[str, Any]:
    rewritten = {k: v for k, v in payload.items() if k not in ("documentId", "extensions")}
    rewritten["query"] = document.body
    rest = _without_persisted_query(payload.get("extensions"))
    if rest:
        rewritten["extensions"] = rest
    return rewritten


def _without_persisted_query(extensions: object) -> dict[str, Any]:
    if not isinstance(extensions, dict):
        return {}
    return {k: v for k, v in extensions.items() if k != "persistedQuery"}


def _json_object(raw: str | None) -> dict[str, Any] | None:
    if not raw:
        return None
    try:
        value = orjson.loads(raw)
    except orjson.JSONDecodeError:
        return None  # the view refuses it
    return value if isinstance(value, dict) else None


async def _read_body(receive: Receive) -> bytes | None:
    """The whole body (its size is bounded by BodyLimitMiddleware, outside); None if the
    client went away."""
    chunks = []
    while True:
        message = await receive()
        if message["type"] != "http.request":
            return None
        chunks.append(message.get("body", b""))
        if not message.get("more_body", False):
            return b"".join(chunks)


def _replay(body: bytes | None, receive: Receive) -> Receive:
    """A `receive` that gives `body` once, then what the client sends (a disconnect)."""
    pending = body is not None

    async def replayed() -> Message:
        nonlocal pending
        if pending:
            pending = False
            return {"type": "http.request", "body": body, "more_body": False}
        if body is None:
            return {"type": "http.disconnect"}
        return await receive()

    return replayed


def _tags(header: str | None) -> set[str]:
    if not header:
        return set()
    return {t.strip().removeprefix("W/") for t in header.split(",") if t.strip()}


def _no_errors(body: bytes) -> bool:
    try:
        answer = orjson.loads(body)
    except orjson.JSONDecodeError:
        return False
    return isinstance(answer, dict) and not answer.get("errors")


def schema_check(settings: Settings) -> Callable[[str], str | None]:
    """The check `tatawwu documents push` runs on every document: it parses within the
    token limit and validates against the schema with the hub's limits (depth, aliases,
    directives, cost), as a request would. The first problem, or None."""
    from schema import build_schema
    from schema.core.limits import DocumentLimits, limits_rule

    schema = build_schema(settings)._schema
    rules = [*specified_rules, limits_rule(DocumentLimits(
        max_depth=settings.max_query_depth, max_aliases=settings.max_query_aliases,
        max_directives=settings.max_query_directives, max_cost=settings.max_query_cost,
        page_cap=settings.max_page_size))]

    def check(body: str) -> str | None:
        try:
            document = parse(body, max_lexical_tokens=settings.max_query_tokens,
                             max_comments=settings.max_query_tokens)
        except GraphQLSyntaxError as exc:
            return _located(exc)
        errors = validate(schema, document, rules)
        return _located(errors[0]) if errors else None

    return check


def _located(error: GraphQLError) -> str:
    where = error.locations[0] if error.locations else None
    return f"{error.message}" + (f" (line {where.line}, column {where.column} of the document)"
                                 if where else "")
