"""The words of notifications: a subject and a text per kind, the e-mail's greeting and
closing, and the errors of marking notifications read. English msgids, translated in the
catalogs and rendered in the recipient's language (resolvers/notifications/render.py)."""

from __future__ import annotations

from typing import Final

from hub.i18n.markers import N_

# TRANSLATORS: an opportunity's title as a notification quotes it; use your language's quotes.
QUOTED_TITLE: Final = N_("“%(title)s”")
# TRANSLATORS: said instead of an opportunity's title when it can no longer be shown.
SOME_OPPORTUNITY: Final = N_("an opportunity")

APPLICATION_RECEIVED_TITLE: Final = N_("We received your application")
# TRANSLATORS: opportunity is a quoted title (or "an opportunity").
APPLICATION_RECEIVED_TEXT: Final = N_(
    "Your application to %(opportunity)s was received. The organizers will review it and "
    "let you know.")
APPLICATION_ACCEPTED_TITLE: Final = N_("Your application was accepted")
APPLICATION_ACCEPTED_TEXT: Final = N_(
    "Your application to %(opportunity)s was accepted. Thank you for volunteering!")
APPLICATION_REJECTED_TITLE: Final = N_("Your application was not accepted")
APPLICATION_REJECTED_TEXT: Final = N_("Your application to %(opportunity)s was not accepted.")
# TRANSLATORS: reason is one of the decision reasons, e.g. "The dates do not fit."
DECISION_REASON: Final = N_("Reason: %(reason)s")
# TRANSLATORS: note is what the organizers wrote, in their own words.
ORGANIZERS_NOTE: Final = N_("Note from the organizers: %(note)s")
APPLICATION_WAITLISTED_TITLE: Final = N_("You are on the waiting list")
APPLICATION_WAITLISTED_TEXT: Final = N_(
    "%(opportunity)s has no free place for now: you are on its waiting list. We will tell "
    "you when a place frees up.")
WAITLIST_PROMOTED_TITLE: Final = N_("A place freed up: you are in")
WAITLIST_PROMOTED_TEXT: Final = N_(
    "A place freed up on %(opportunity)s: your application moved up from the waiting list "
    "and is accepted.")
APPLICATION_COMPLETED_TITLE: Final = N_("Thank you for taking part")
APPLICATION_COMPLETED_TEXT: Final = N_(
    "Your participation in %(opportunity)s is recorded as completed. Thank you!")
APPLICATION_NO_SHOW_TITLE: Final = N_("You were recorded as absent")
APPLICATION_NO_SHOW_TEXT: Final = N_(
    "You were recorded as absent from %(opportunity)s. If this is a mistake, please contact "
    "the organizers.")
HOURS_APPROVED_TITLE: Final = N_("Your hours were verified")
# TRANSLATORS: hours is a count with its noun ("2 hours", "ساعتان"), date a long date.
HOURS_APPROVED_TEXT: Final = N_(
    "Your %(hours)s of %(date)s on %(opportunity)s were verified and count towards your "
    "record.")
HOURS_REJECTED_TITLE: Final = N_("Your hours were not accepted")
HOURS_REJECTED_TEXT: Final = N_(
    "Your %(hours)s of %(date)s on %(opportunity)s were not accepted.")
INQUIRY_REPLIED_TITLE: Final = N_("New reply to your question")
INQUIRY_REPLIED_TEXT: Final = N_(
    "The organizers of %(opportunity)s replied to your question. Read the answer in the app.")
INQUIRY_CLOSED_TITLE: Final = N_("Your question was closed")
INQUIRY_CLOSED_TEXT: Final = N_("Your question about %(opportunity)s was closed.")
# A kind added to the outbox without words of its own yet.
OTHER_TITLE: Final = N_("You have a new notification")
OTHER_TEXT: Final = N_("Open the app to read it.")

# The e-mail around the text.
# TRANSLATORS: the first line of an e-mail; name is the volunteer's first name.
GREETING: Final = N_("Hello %(name)s,")
# TRANSLATORS: the last line of an e-mail; society is the member society's name.
SIGNATURE: Final = N_("%(society)s, through Tatawwu Hub")
ALSO_IN_APP: Final = N_("You can read all your notifications in the app.")

# markNotificationsRead
NOTIFICATIONS_NOT_YOURS: Final = N_(
    "There is no notification with this id among yours.")
TOO_MANY_IDS: Final = N_("Mark at most %(max)s notifications at a time.")

MESSAGES: Final[tuple[str, ...]] = (
    QUOTED_TITLE, SOME_OPPORTUNITY,
    APPLICATION_RECEIVED_TITLE, APPLICATION_RECEIVED_TEXT,
    APPLICATION_ACCEPTED_TITLE, APPLICATION_ACCEPTED_TEXT,
    APPLICATION_REJECTED_TITLE, APPLICATION_REJECTED_TEXT, DECISION_REASON, ORGANIZERS_NOTE,
    APPLICATION_WAITLISTED_TITLE, APPLICATION_WAITLISTED_TEXT,
    WAITLIST_PROMOTED_TITLE, WAITLIST_PROMOTED_TEXT,
    APPLICATION_COMPLETED_TITLE, APPLICATION_COMPLETED_TEXT,
    APPLICATION_NO_SHOW_TITLE, APPLICATION_NO_SHOW_TEXT,
    HOURS_APPROVED_TITLE, HOURS_APPROVED_TEXT, HOURS_REJECTED_TITLE, HOURS_REJECTED_TEXT,
    INQUIRY_REPLIED_TITLE, INQUIRY_REPLIED_TEXT, INQUIRY_CLOSED_TITLE, INQUIRY_CLOSED_TEXT,
    OTHER_TITLE, OTHER_TEXT, GREETING, SIGNATURE, ALSO_IN_APP,
    NOTIFICATIONS_NOT_YOURS, TOO_MANY_IDS,
)
