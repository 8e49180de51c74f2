"""Messages of society systems' syncs (upsertOpportunities): English msgids, translated
where they are shown (the caller's language)."""

from __future__ import annotations

from typing import Final

from hub.i18n.markers import N_, Plural

# Who may
# TRANSLATORS: “sync” is the name of an API key's scope; keep it in English.
SYNC_CLIENTS_ONLY: Final = N_(
    "Only a society's system, with an API key that has the “sync” scope, may sync records.")

# The batch
BATCH_TOO_LARGE: Final = Plural(
    "A batch holds at most %(count)s item; send the others in another batch.",
    "A batch holds at most %(count)s items; send the others in another batch.",
)

# An item
EXTERNAL_ID_REQUIRED: Final = N_("Every item needs its id in your own system (externalId).")
EXTERNAL_ID_TOO_LONG: Final = Plural(
    "An external id has at most %(count)s character.",
    "An external id has at most %(count)s characters.",
)
# TRANSLATORS: index is the position of an item in the batch, counted from 0.
DUPLICATE_EXTERNAL_ID: Final = N_(
    "This external id is already item %(index)s of this batch; only the first is written.")
NEW_ITEM_CLOSED: Final = N_(
    "An opportunity the hub does not have yet cannot arrive closed: send it published, or "
    "archived.")
SENT_CONCURRENTLY: Final = N_(
    "Another request wrote this item at the same time; send it again.")

MESSAGES: Final[tuple[str | Plural, ...]] = (
    SYNC_CLIENTS_ONLY, BATCH_TOO_LARGE, EXTERNAL_ID_REQUIRED, EXTERNAL_ID_TOO_LONG,
    DUPLICATE_EXTERNAL_ID, NEW_ITEM_CLOSED, SENT_CONCURRENTLY,
)
