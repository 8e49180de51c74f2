"""The trusted document of the dashboard: the one GraphQL query its script sends, six times
a page with different variables (one per section, so a section the caller may not see fails
alone).

It lives in `dashboard_assets/persisted-documents.json`, a manifest in GraphQL Code
Generator's format (`{"sha256:<hex>": "<text>"}`), and is written into the page's settings
when the hub serves it, so the script and the manifest cannot disagree. The script sends
the id and the text: a hub that accepts ad-hoc documents (HUB_TRUSTED_DOCUMENTS=allow, the
default, or off) runs the text; a hub with HUB_TRUSTED_DOCUMENTS=only needs it registered,
globally, for its anonymous (public) visitors:

    tatawwu documents push hub/entry/dashboard_assets/persisted-documents.json

or `push_dashboard_documents(settings)` at start-up. Pushing it again changes nothing.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Final

from hub.config import Settings
from hub.documents import Manifest, PushReport, read_manifest

ASSETS: Final = Path(__file__).parent / "dashboard_assets"
MANIFEST: Final = ASSETS / "persisted-documents.json"


@cache
def dashboard_manifest() -> Manifest:
    return read_manifest(MANIFEST.read_text(encoding="utf-8"), MANIFEST.name)


def dashboard_document() -> tuple[str, str]:
    """The dashboard's document: its id and its text."""
    [entry] = dashboard_manifest().entries
    return entry.document_id, entry.body


async def push_dashboard_documents(settings: Settings) -> PushReport:
    """Register the dashboard's document for every caller (global), checked against the
    schema as `tatawwu documents push` checks it."""
    from hub.documents.admin import push_file
    from hub.entry.documents import schema_check

    _, report = await push_file(settings, MANIFEST, None, schema_check(settings))
    return report
