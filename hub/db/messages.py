"""Messages of the database layer (hub/db): English msgids, translated where shown."""

from __future__ import annotations

from typing import Final

from hub.i18n.markers import N_

# TRANSLATORS: the database server is restarting or cannot be reached; clientMutationId is
# the name of an input field, keep it as is.
DATABASE_UNAVAILABLE: Final = N_(
    "The hub cannot reach its database right now. Try again in a moment: a change sent again "
    "with the same clientMutationId is made only once."
)

MESSAGES: Final[tuple[str, ...]] = (DATABASE_UNAVAILABLE,)
