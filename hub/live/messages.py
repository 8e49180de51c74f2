"""Messages of live subscriptions' limits: English msgids, translated where they are shown
(the subscriber's language)."""

from __future__ import annotations

from typing import Final

from hub.i18n.markers import Plural

# TRANSLATORS: count is HUB_MAX_SUBSCRIPTIONS_PER_CONNECTION.
TOO_MANY_ON_CONNECTION: Final = Plural(
    "This connection already has %(count)s live subscription: end one before starting "
    "another.",
    "This connection already has %(count)s live subscriptions: end one before starting "
    "another.",
)
# TRANSLATORS: count is HUB_MAX_SUBSCRIPTIONS_PER_PRINCIPAL.
TOO_MANY_FOR_PRINCIPAL: Final = Plural(
    "You already have %(count)s live subscription open: end one (perhaps in another tab or "
    "device) before starting another.",
    "You already have %(count)s live subscriptions open: end one (perhaps in another tab or "
    "device) before starting another.",
)

MESSAGES: Final[tuple[Plural, ...]] = (TOO_MANY_ON_CONNECTION, TOO_MANY_FOR_PRINCIPAL)
