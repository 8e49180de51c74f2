"""Messages of the webhooks domain (registering, removing, listing): English msgids,
translated where they are shown (the caller's language)."""

from __future__ import annotations

from typing import Final

from hub.i18n.markers import N_, Plural

# Who may. TRANSLATORS: “webhooks” is the name of an API client's scope: keep it in English.
WEBHOOK_CLIENTS_ONLY: Final = N_(
    "Only API clients with the “webhooks” scope may manage webhooks.")

# The address
# TRANSLATORS: a webhook's address is the URL the hub sends events to.
URL_INVALID: Final = N_("This webhook address is not a valid web address.")
URL_TOO_LONG: Final = Plural(
    "A webhook address may have at most %(count)s character.",
    "A webhook address may have at most %(count)s characters.",
)
URL_HTTPS_ONLY: Final = N_("A webhook address must start with https://.")
URL_HTTP_OR_HTTPS: Final = N_("A webhook address must start with https:// or http://.")
URL_CREDENTIALS: Final = N_("A webhook address may not contain a user name or a password.")
URL_FRAGMENT: Final = N_("A webhook address may not end with a fragment (#...).")
URL_NOT_PUBLIC: Final = N_(
    "A webhook address must name a host on the public internet, not a local or private one.")

# The events and the client's webhooks
NO_EVENTS: Final = N_("Choose at least one event.")
TOO_MANY_WEBHOOKS: Final = Plural(
    "An API client may have at most %(count)s webhook; remove one first.",
    "An API client may have at most %(count)s webhooks; remove one first.",
)
SAME_URL: Final = N_("You already have a webhook for this address; remove it first.")
WEBHOOK_NOT_FOUND: Final = N_("You have no webhook with this id.")

MESSAGES: Final[tuple[str | Plural, ...]] = (
    WEBHOOK_CLIENTS_ONLY, URL_INVALID, URL_TOO_LONG, URL_HTTPS_ONLY, URL_HTTP_OR_HTTPS,
    URL_CREDENTIALS, URL_FRAGMENT, URL_NOT_PUBLIC, NO_EVENTS, TOO_MANY_WEBHOOKS, SAME_URL,
    WEBHOOK_NOT_FOUND,
)
