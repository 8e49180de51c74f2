"""The inquiries domain's messages: English msgids, localized where they leave the hub."""

from __future__ import annotations

from typing import Final

from hub.i18n.markers import N_, Plural

# TRANSLATORS: a thread is a conversation between a volunteer and the organizers of one
# volunteering opportunity ("asking the manager").
THREAD_CLOSED: Final = N_("This thread is closed; open a new one to ask again.")
ALREADY_CLOSED: Final = N_("This thread is already closed.")
THREAD_FULL: Final = Plural(
    "A thread holds at most %(count)s message; open a new one to go on.",
    "A thread holds at most %(count)s messages; open a new one to go on.",
)
# TRANSLATORS: roles are staff roles of a society, e.g. admin, coordinator.
REPLIERS_ONLY: Final = N_(
    "Only the volunteer and the admins and coordinators of the organizing society may "
    "write in this thread.")
OWN_TENANT_THREADS_ONLY: Final = N_("Staff may list the threads of their own tenant only.")
EMPTY_MESSAGE: Final = N_("The message must not be empty.")
MESSAGE_TOO_LONG: Final = Plural(
    "A message may have at most %(count)s character.",
    "A message may have at most %(count)s characters.",
)
SUBJECT_TOO_LONG: Final = Plural(
    "The subject may have at most %(count)s character.",
    "The subject may have at most %(count)s characters.",
)

MESSAGES: Final[tuple[str | Plural, ...]] = (
    THREAD_CLOSED, ALREADY_CLOSED, THREAD_FULL, REPLIERS_ONLY, OWN_TENANT_THREADS_ONLY,
    EMPTY_MESSAGE, MESSAGE_TOO_LONG, SUBJECT_TOO_LONG,
)
