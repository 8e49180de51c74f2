"""The GraphiQL page (dev mode only), with its browser builds served by the hub itself.

Nothing comes from a CDN, so the IDE works on an intranet without internet. The builds are
npm packages installed at set-up time (`make install` runs `npm ci` in `hub/ide_assets/`);
only the files named in `ASSETS` are served, under `/ide/<name>`. Without them the page says
how to install them instead of hanging on "Loading...".
"""

from __future__ import annotations

import html
import json
from dataclasses import dataclass
from pathlib import Path
from string import Template
from urllib.parse import quote

from starlette.requests import Request
from starlette.responses import FileResponse, PlainTextResponse, Response
from starlette.routing import BaseRoute, Route

# The npm project stays in hub/ide_assets/ (the Makefile installs it there).
NODE_MODULES = Path(__file__).parent.parent / "ide_assets" / "node_modules"
PREFIX = "/ide"
ENDPOINT = "/graphql"
DEFAULT_QUERY = "{ tenants { slug } }"
INSTALL_COMMAND = "make install"
CONTENT_TYPES = {".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8"}
# Asset URLs carry the package version, so a browser may keep what it fetched with it.
CACHE_VERSIONED = "public, max-age=31536000, immutable"
CACHE_UNVERSIONED = "no-cache"


@dataclass(frozen=True)
class Asset:
    package: str
    file: str  # inside the package

    @property
    def path(self) -> Path:
        return NODE_MODULES / self.package / self.file

    def version(self) -> str | None:
        """The installed package's version, or None if it is not installed."""
        try:
            manifest = json.loads((NODE_MODULES / self.package / "package.json").read_bytes())
            return str(manifest["version"])
        except (OSError, ValueError, KeyError, TypeError):
            return None


# URL name under /ide/ -> the file in node_modules; the page loads them in this order.
ASSETS: dict[str, Asset] = {
    "graphiql.css": Asset("graphiql", "graphiql.min.css"),
    "explorer.css": Asset("@graphiql/plugin-explorer", "dist/style.css"),
    "react.js": Asset("react", "umd/react.production.min.js"),
    "react-dom.js": Asset("react-dom", "umd/react-dom.production.min.js"),
    "graphiql.js": Asset("graphiql", "graphiql.min.js"),
    "explorer.js": Asset("@graphiql/plugin-explorer", "dist/index.umd.js"),
}

_CSP = ("default-src 'none'; script-src 'self' 'unsafe-inline'; "
        "style-src 'self' 'unsafe-inline'; font-src 'self' data:; img-src 'self' data:; "
        "connect-src 'self'; base-uri 'none'; form-action 'none'")

_PAGE = Template("""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="$csp">
<title>Tatawwu Hub · GraphiQL</title>
<link rel="icon" href="data:,">
<style>html, body { height: 100%; margin: 0; } #graphiql { height: 100vh; }</style>
$head
</head>
<body>
$body
</body>
</html>
""")

_START = Template("""<div id="graphiql">Loading GraphiQL…</div>
$scripts
<script>
(function () {
  var explorer = GraphiQLPluginExplorer.explorerPlugin();
  var ide = React.createElement(GraphiQL, {
    fetcher: GraphiQL.createFetcher({ url: $endpoint }),
    defaultQuery: $query,
    plugins: [explorer],
    defaultEditorToolsVisibility: true,
    isHeadersEditorEnabled: true,
    shouldPersistHeaders: false
  });
  ReactDOM.createRoot(document.getElementById("graphiql")).render(ide);
})();
</script>""")

_MISSING = Template("""<main style="font: 16px/1.5 sans-serif; max-width: 42em; margin: 3em auto">
<h1>GraphiQL is not installed</h1>
<p>This hub serves GraphiQL's browser files itself (no CDN), and they are missing.
Install them with <code>$command</code> (it runs <code>npm ci</code> in
<code>hub/ide_assets/</code>), then reload this page.</p>
<p>Missing: $missing</p>
<p>The API itself works: POST your queries to <code>$endpoint</code>.</p>
</main>""")


def asset_url(name: str) -> str:
    version = ASSETS[name].version() or ""
    return f"{PREFIX}/{name}?v={quote(version)}"


def missing_assets() -> list[str]:
    return [f"{a.package}/{a.file}" for a in ASSETS.values() if not a.path.is_file()]


def _js(value: str) -> str:
    """A JavaScript string literal that is safe inside a <script> element."""
    return json.dumps(value).replace("<", "\\u003c")


def page_html() -> str:
    missing = missing_assets()
    if missing:
        body = _MISSING.substitute(
            command=INSTALL_COMMAND, endpoint=ENDPOINT,
            missing=", ".join(f"<code>{html.escape(m)}</code>" for m in missing))
        return _PAGE.substitute(csp=_CSP, head="", body=body)
    links = [f'<link rel="stylesheet" href="{html.escape(asset_url(n))}">'
             for n in ASSETS if n.endswith(".css")]
    scripts = [f'<script src="{html.escape(asset_url(n))}"></script>'
               for n in ASSETS if n.endswith(".js")]
    body = _START.substitute(scripts="\n".join(scripts), endpoint=_js(ENDPOINT),
                             query=_js(DEFAULT_QUERY))
    return _PAGE.substitute(csp=_CSP, head="\n".join(links), body=body)


async def serve_asset(request: Request) -> Response:
    """One whitelisted file; any other name (a path included) is 404."""
    asset = ASSETS.get(request.path_params["name"])
    if asset is None or not asset.path.is_file():
        return PlainTextResponse("Not found", status_code=404)
    version = asset.version()
    versioned = version is not None and request.query_params.get("v") == version
    headers = {"Cache-Control": CACHE_VERSIONED if versioned else CACHE_UNVERSIONED,
               "X-Content-Type-Options": "nosniff"}
    return FileResponse(asset.path, media_type=CONTENT_TYPES[asset.path.suffix],
                        headers=headers)


def routes() -> list[BaseRoute]:
    """The route that serves the IDE's assets (mounted in dev mode only)."""
    return [Route(PREFIX + "/{name}", serve_asset, methods=["GET", "HEAD"])]
