"""The notification fields of Volunteer, mixed into it as a base."""

from __future__ import annotations

import strawberry


@strawberry.type
class VolunteerNotificationFields:
    """Volunteer's notifications, in-app (the volunteer only)."""
