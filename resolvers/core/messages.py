"""Messages of the write path (resolvers/core): English msgids, translated where shown."""

from __future__ import annotations

from typing import Final

from hub.i18n.markers import N_, Plural

# TRANSLATORS: an idempotency key names one attempt of a change, so that a retry of it
# (a phone resending after a lost answer) has no second effect.
IDEMPOTENCY_KEY_TOO_LONG: Final = Plural(
    "An idempotency key may have at most %(count)s character.",
    "An idempotency key may have at most %(count)s characters.",
)
IDEMPOTENCY_KEY_REUSED: Final = N_(
    "This idempotency key was already used for another change; use a new key for each change."
)

# TRANSLATORS: the database server is restarting or cannot be reached; clientMutationId is
# the name of an input field, keep it as is.
DATABASE_UNAVAILABLE: Final = N_(
    "The hub cannot reach its database right now. Try again in a moment: a change sent again "
    "with the same clientMutationId is made only once."
)

MESSAGES: Final[tuple[str | Plural, ...]] = (IDEMPOTENCY_KEY_TOO_LONG, IDEMPOTENCY_KEY_REUSED,
                                             DATABASE_UNAVAILABLE)
