"""Finding a trusted document for a request: a bounded in-process cache over the registry.

The cache is bounded by count and by bytes (a document's text can be large) and each
answer (a miss too: a client repeating an unknown id costs one query per period, not one
per request) lives `ttl` seconds. `tatawwu documents push` and `remove` run in another
process and cannot clear it: a pushed document is usable everywhere, and a removed one
refused everywhere, within `ttl` seconds (DEFAULT_TTL, 10 s).
"""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable
from typing import Final

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from hub.documents import registry
from hub.documents.registry import StoredDocument

DEFAULT_TTL: Final = 10.0
DEFAULT_MAX_BYTES: Final = 8 * 1024 * 1024
MISS_SIZE: Final = 200  # what a remembered miss holds, beside its key

Key = tuple[int | None, str]  # (API client or None, document id)


class DocumentCache:
    """Least recently used entries go first when the count or the bytes pass their bound."""

    def __init__(self, *, max_entries: int, max_bytes: int = DEFAULT_MAX_BYTES,
                 ttl: float = DEFAULT_TTL, clock: Callable[[], float] = time.monotonic
                 ) -> None:
        self.max_entries, self.max_bytes, self.ttl, self.clock = (
            max_entries, max_bytes, ttl, clock)
        self._entries: OrderedDict[Key, tuple[float, int, StoredDocument | None]] = \
            OrderedDict()
        self.bytes = 0

    def __len__(self) -> int:
        return len(self._entries)

    def get(self, key: Key) -> tuple[bool, StoredDocument | None]:
        """(True, the document or None for a known miss), or (False, None) if not cached."""
        found = self._entries.get(key)
        if found is None:
            return False, None
        expires, _size, document = found
        if expires <= self.clock():
            self._drop(key)
            return False, None
        self._entries.move_to_end(key)
        return True, document

    def put(self, key: Key, document: StoredDocument | None) -> None:
        size = (document.size if document else MISS_SIZE) + len(key[1])
        if key in self._entries:
            self._drop(key)
        if size > self.max_bytes:
            return
        self._entries[key] = (self.clock() + self.ttl, size, document)
        self.bytes += size
        while len(self._entries) > self.max_entries or self.bytes > self.max_bytes:
            self._drop(next(iter(self._entries)))

    def clear(self) -> None:
        self._entries.clear()
        self.bytes = 0

    def _drop(self, key: Key) -> None:
        _expires, size, _document = self._entries.pop(key)
        self.bytes -= size


class DocumentFinder:
    """`find(id, client)` for requests: from the cache, else one query as the database
    owner (never in a request's transaction: the request role has no access)."""

    def __init__(self, sessions: async_sessionmaker[AsyncSession], cache: DocumentCache
                 ) -> None:
        self.sessions, self.cache = sessions, cache

    async def find(self, document_id: str, client_id: int | None) -> StoredDocument | None:
        key = (client_id, document_id)
        hit, document = self.cache.get(key)
        if hit:
            return document
        async with self.sessions() as session:
            document = await registry.find(session, document_id, client_id)
        self.cache.put(key, document)
        return document
