"""Messages of search and list order: English msgids, translated where they are shown."""

from __future__ import annotations

from typing import Final

from hub.i18n.markers import N_

# TRANSLATORS: orderBy and RELEVANCE are API names; keep them in English.
RELEVANCE_NEEDS_SEARCH: Final = N_("orderBy: RELEVANCE needs search words.")

MESSAGES: Final = (RELEVANCE_NEEDS_SEARCH,)
