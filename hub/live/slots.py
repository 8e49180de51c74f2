"""The caps on live subscriptions: per websocket connection
(HUB_MAX_SUBSCRIPTIONS_PER_CONNECTION) and per principal across its connections to this
process (HUB_MAX_SUBSCRIPTIONS_PER_PRINCIPAL). A subscription takes a `Slot` before it
starts and gives it back when it ends, however it ends.

The per-principal count is this process's: behind a load balancer spreading one person's
connections over N processes, they may hold up to N times the cap (docs/live.md).
"""

from __future__ import annotations

from collections import Counter

from hub.errors import ErrorCode, HubError
from hub.i18n.markers import Plural
from hub.live import messages as msg


class TooManySubscriptions(HubError):
    """A cap is reached: RATE_LIMITED, with `limit` naming which (`connection`,
    `principal`) in the error's extensions."""

    code = ErrorCode.RATE_LIMITED

    def __init__(self, msgid: Plural, limit: str, count: int) -> None:
        super().__init__(msgid, count=count)
        self.limit = limit

    @property
    def details(self) -> dict[str, object]:
        return {**super().details, "limit": self.limit}


class Slot:
    """One subscription's place in the counts; `release()` is safe to call twice."""

    def __init__(self, slots: Slots, connection: int, principal: str) -> None:
        self._slots, self.connection, self.principal = slots, connection, principal
        self.released = False

    def release(self) -> None:
        if not self.released:
            self.released = True
            self._slots._give_back(self)


class Slots:
    def __init__(self, per_connection: int, per_principal: int) -> None:
        self.per_connection = per_connection
        self.per_principal = per_principal
        self.by_connection: Counter[int] = Counter()
        self.by_principal: Counter[str] = Counter()

    def take(self, connection: int, principal: str) -> Slot:
        """A slot for a new subscription on `connection` by `principal`, or
        `TooManySubscriptions`."""
        if self.by_connection[connection] >= self.per_connection:
            raise TooManySubscriptions(msg.TOO_MANY_ON_CONNECTION, "connection",
                                       self.per_connection)
        if self.by_principal[principal] >= self.per_principal:
            raise TooManySubscriptions(msg.TOO_MANY_FOR_PRINCIPAL, "principal",
                                       self.per_principal)
        self.by_connection[connection] += 1
        self.by_principal[principal] += 1
        return Slot(self, connection, principal)

    def _give_back(self, slot: Slot) -> None:
        self.by_connection[slot.connection] -= 1
        if self.by_connection[slot.connection] <= 0:
            del self.by_connection[slot.connection]
        self.by_principal[slot.principal] -= 1
        if self.by_principal[slot.principal] <= 0:
            del self.by_principal[slot.principal]
