"""What a subscription opens on this process: a slot within the caps and an inbox of the
fanout, closed together."""

from __future__ import annotations

from dataclasses import dataclass

from hub.live.fanout import Fanout, Inbox
from hub.live.slots import Slot, Slots


class Subscription:
    """An open subscription: iterate `inbox`; `close()` (safe twice) gives the slot back."""

    def __init__(self, inbox: Inbox, slot: Slot) -> None:
        self.inbox, self.slot = inbox, slot

    def close(self) -> None:
        self.inbox.close()
        self.slot.release()


@dataclass(frozen=True, slots=True)
class Subscriptions:
    """This process's subscriptions: where the bus's events go, and their caps."""

    fanout: Fanout
    slots: Slots

    def open(self, connection: int, principal: str) -> Subscription:
        """A new subscription on `connection` by `principal`; `TooManySubscriptions` when
        a cap is reached (nothing is opened then)."""
        slot = self.slots.take(connection, principal)
        return Subscription(self.fanout.open(), slot)
