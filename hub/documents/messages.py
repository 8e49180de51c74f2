"""Messages of trusted documents that a caller of the API sees: English msgids, translated
where they are shown (the caller's language)."""

from __future__ import annotations

from typing import Final

from hub.i18n.markers import N_

# TRANSLATORS: "PersistedQueryNotFound" is a fixed word some clients look for; do not
# translate it. id is the document id the client sent.
NOT_FOUND: Final = N_("PersistedQueryNotFound: no trusted document has the id “%(id)s”.")
ONLY_TRUSTED: Final = N_(
    "This hub accepts only trusted documents from your client: send a documentId "
    "(or extensions.persistedQuery.sha256Hash) instead of a query.")
# TRANSLATORS: argument is the name of a request parameter, e.g. documentId.
ID_NOT_TEXT: Final = N_("“%(argument)s” must be a non-empty string of at most 200 characters.")

MESSAGES: Final = (NOT_FOUND, ONLY_TRUSTED, ID_NOT_TEXT)
