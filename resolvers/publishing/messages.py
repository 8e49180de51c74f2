"""Messages shared by every editorial write (opportunities, news, events, campaigns):
English msgids, translated where they are shown (the caller's language)."""

from __future__ import annotations

from typing import Final

from hub.i18n.markers import N_

# Who may
EDITORS_ONLY: Final = N_("Only admins, coordinators and editors of the society may do this.")
COORDINATORS_ONLY: Final = N_(
    "Only admins and coordinators of the society may change places and acceptance.")
ADMINS_ONLY: Final = N_("Only admins of the society may do this.")
STAFF_ONLY: Final = N_("Only staff of a society may write its content.")

# Texts
NO_TEXTS: Final = N_("Write at least one language's texts, with a title.")
# TRANSLATORS: locale is a language tag such as ar or fr-CA.
DUPLICATE_LOCALE: Final = N_("The language “%(locale)s” is given twice.")
# TRANSLATORS: locale is a language tag such as ar or fr-CA.
TITLE_REQUIRED: Final = N_("The texts in “%(locale)s” need a title.")
# TRANSLATORS: field is an API field name such as body; keep it in English.
FIELD_NOT_HERE: Final = N_("This record has no text field “%(field)s”.")

# Dates, places, links
ENDS_BEFORE_START: Final = N_("The end must come after the start.")
LATITUDE_RANGE: Final = N_("A latitude lies between -90 and 90.")
LONGITUDE_RANGE: Final = N_("A longitude lies between -180 and 180.")
COORDINATES_PAIR: Final = N_("Give both latitude and longitude, or neither.")
PLACE_REQUIRED: Final = N_("An on-site opportunity needs a place (at least a city or a region).")
NO_PLACE_FOR_REMOTE: Final = N_("A remote opportunity has no place.")
# TRANSLATORS: code is an ISO 3166-1 country code such as DZ.
BAD_COUNTRY: Final = N_("“%(code)s” is not a two-letter country code.")
URL_SCHEME: Final = N_("Only http and https links are allowed.")
URL_INVALID: Final = N_("This is not a valid web address.")

# The status machine
# TRANSLATORS: status and to are record statuses such as Draft, Published.
ILLEGAL_STATUS_MOVE: Final = N_("A record that is “%(status)s” cannot become “%(to)s”.")
EVENT_CANCELLED: Final = N_("This event is cancelled.")
ARCHIVED: Final = N_("This record is archived; it can no longer be changed.")
RECORD_CHANGED: Final = N_("This record was changed meanwhile; load it again and retry.")
PUBLISH_AT_PAST: Final = N_(
    "A scheduled publication lies in the future; leave the time out to publish now.")

MESSAGES: Final = (
    EDITORS_ONLY, COORDINATORS_ONLY, ADMINS_ONLY, STAFF_ONLY, NO_TEXTS, DUPLICATE_LOCALE,
    TITLE_REQUIRED, FIELD_NOT_HERE, ENDS_BEFORE_START, LATITUDE_RANGE,
    LONGITUDE_RANGE, COORDINATES_PAIR, PLACE_REQUIRED, NO_PLACE_FOR_REMOTE, BAD_COUNTRY,
    URL_SCHEME, URL_INVALID, ILLEGAL_STATUS_MOVE, EVENT_CANCELLED, ARCHIVED, RECORD_CHANGED,
    PUBLISH_AT_PAST,
)
