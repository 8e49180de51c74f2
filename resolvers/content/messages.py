"""Messages of the news and event writes and of the editors' drafts lists: English msgids,
translated where they are shown (the caller's language). The messages every editorial
domain shares (who may, texts, dates, places, links) are in resolvers/publishing/messages.py."""

from __future__ import annotations

from typing import Final

from hub.i18n.markers import N_, Plural

# Who may
DRAFTS_EDITORS_ONLY: Final = N_(
    "Only admins, coordinators and editors of a society see its drafts and scheduled items.")

# News
TOO_MANY_TAGS: Final = Plural("Give at most %(count)s tag.", "Give at most %(count)s tags.")
TAG_TOO_LONG: Final = Plural("A tag has at most %(count)s character.",
                             "A tag has at most %(count)s characters.")
AUTHOR_TOO_LONG: Final = Plural("An author's name has at most %(count)s character.",
                                "An author's name has at most %(count)s characters.")

# Events
# TRANSLATORS: kinds is a list of API values such as TRAINING, SEMINAR; keep them in English.
UNKNOWN_EVENT_KIND: Final = N_("Unknown kind of event; the kinds are %(kinds)s.")
CANCEL_ONLY_PUBLISHED: Final = N_(
    "Only a published event can be cancelled; archive a draft instead.")
CANCEL_NOTE_TOO_LONG: Final = Plural("A note has at most %(count)s character.",
                                     "A note has at most %(count)s characters.")

MESSAGES: Final = (
    DRAFTS_EDITORS_ONLY, TOO_MANY_TAGS, TAG_TOO_LONG, AUTHOR_TOO_LONG, UNKNOWN_EVENT_KIND,
    CANCEL_ONLY_PUBLISHED, CANCEL_NOTE_TOO_LONG,
)
