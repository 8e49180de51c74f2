"""What news widgets and CMSs use, outside /graphql:

    GET /widgets/news.js          the <tatawwu-news> web component, an ES module
    GET /widgets/documents.json   its trusted document, as a manifest to push
    GET /oembed?url=...           oEmbed of the news pages (hub/entry/oembed.py)
    GET /news/{id}, /tenants/{slug}/news and their /embed/... versions: small HTML pages
                                  of public news (hub/entry/news_pages.py)

The script is public code: it is served to any site (`Access-Control-Allow-Origin: *`, as a
module script is fetched in CORS mode), cacheable for an hour with an ETag. Which sites may
then call the API with a key is the key's business (hub/entry/cors.py).
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from functools import cache
from typing import Final

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route

from hub.entry import news_pages, oembed
from hub.entry.conditional import Version
from hub.entry.state import Startup
from hub.entry.widget_documents import ASSETS, MANIFEST, news_document

SCRIPT: Final = ASSETS / "news.js"
SCRIPT_TYPE: Final = "text/javascript; charset=utf-8"
MAX_AGE: Final = 3600
PUBLIC_CODE: Final = {"Access-Control-Allow-Origin": "*",
                      "Cross-Origin-Resource-Policy": "cross-origin",
                      "X-Content-Type-Options": "nosniff"}


def routes(startup: Startup) -> list[BaseRoute]:
    return [Route("/widgets/news.js", news_script, methods=["GET", "HEAD"]),
            Route("/widgets/documents.json", documents, methods=["GET", "HEAD"]),
            *oembed.routes(startup), *news_pages.routes(startup)]


@cache
def script() -> tuple[str, Version]:
    """The widget's source with its document filled in, and its validators."""
    document_id, body = news_document()
    source = SCRIPT.read_text(encoding="utf-8")
    # The document as a JavaScript string literal that is safe anywhere in a script.
    literal = json.dumps(body).replace("<", "\\u003c")
    source = source.replace('"__DOCUMENT_ID__"', json.dumps(document_id), 1)
    source = source.replace("__DOCUMENT__", literal, 1)
    changed = max(SCRIPT.stat().st_mtime, MANIFEST.stat().st_mtime)
    return source, Version.of(["news.js", source], [datetime.fromtimestamp(changed, UTC)])


async def news_script(request: Request) -> Response:
    source, version = script()
    return version.answer(request, lambda: source, media_type=SCRIPT_TYPE, max_age=MAX_AGE,
                          headers=PUBLIC_CODE)


async def documents(request: Request) -> Response:
    body = MANIFEST.read_bytes()
    changed = datetime.fromtimestamp(MANIFEST.stat().st_mtime, UTC)
    version = Version.of(["documents.json", body.decode("utf-8")], [changed])
    return version.answer(request, lambda: body, media_type="application/json",
                          max_age=MAX_AGE, headers=PUBLIC_CODE)
