"""The trusted document of the news widget: the one GraphQL query `<tatawwu-news>` sends.

It lives in `widget_assets/persisted-documents.json`, a manifest in GraphQL Code
Generator's format (`{"sha256:<hex>": "<text>"}`), and is written into the widget's script
when the hub serves it, so the script and the manifest cannot disagree. The widget sends
the document by id together with its text: a hub that accepts ad-hoc documents
(HUB_TRUSTED_DOCUMENTS=allow, the default, or off) runs the text if the id is unknown; a
hub with HUB_TRUSTED_DOCUMENTS=only needs the document registered, globally:

    tatawwu documents push hub/entry/widget_assets/persisted-documents.json

(the file is also served at /widgets/documents.json), or `push_widget_documents(settings)`
at start-up. Pushing it again changes nothing.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Final

from hub.config import Settings
from hub.documents import Manifest, PushReport, read_manifest

ASSETS: Final = Path(__file__).parent / "widget_assets"
MANIFEST: Final = ASSETS / "persisted-documents.json"


@cache
def widget_manifest() -> Manifest:
    return read_manifest(MANIFEST.read_text(encoding="utf-8"), MANIFEST.name)


def news_document() -> tuple[str, str]:
    """The news widget's document: its id and its text."""
    [entry] = widget_manifest().entries
    return entry.document_id, entry.body


async def push_widget_documents(settings: Settings) -> PushReport:
    """Register the widget's document for every caller (global), checked against the schema
    as `tatawwu documents push` checks it."""
    from hub.documents.admin import push_file
    from hub.entry.documents import schema_check

    _, report = await push_file(settings, MANIFEST, None, schema_check(settings))
    return report
