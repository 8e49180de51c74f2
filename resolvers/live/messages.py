"""Messages of live emergency calls: the subscription's refusals and the words of the
EMERGENCY_CALL notification. English msgids, translated where they are shown."""

from __future__ import annotations

from typing import Final

from hub.i18n.markers import N_

VOLUNTEERS_ONLY: Final = N_("Only signed-in volunteers may subscribe to emergency calls.")
REGISTER_FIRST: Final = N_(
    "Register as a volunteer (registerVolunteer) to receive emergency calls.")
ONLY_SUBSCRIPTIONS: Final = N_(
    "Only subscriptions are served over the websocket: send queries and mutations over "
    "HTTP.")
LIVE_UNAVAILABLE: Final = N_(
    "Live emergency calls are not running on this hub right now: try again later.")
SUBSCRIPTIONS_OVER_WEBSOCKET: Final = N_(
    "Subscriptions are served over the websocket only (the graphql-transport-ws protocol "
    "at /graphql).")

# The notification (resolvers/notifications/render.py).
EMERGENCY_CALL_TITLE: Final = N_("Emergency call: volunteers needed now")
# TRANSLATORS: opportunity is a quoted title (or "an opportunity").
EMERGENCY_CALL_TEXT: Final = N_(
    "%(opportunity)s needs volunteers with your skills near you, now. Open the app to "
    "answer the call.")

MESSAGES: Final[tuple[str, ...]] = (
    VOLUNTEERS_ONLY, REGISTER_FIRST, ONLY_SUBSCRIPTIONS, LIVE_UNAVAILABLE,
    SUBSCRIPTIONS_OVER_WEBSOCKET, EMERGENCY_CALL_TITLE, EMERGENCY_CALL_TEXT,
)
