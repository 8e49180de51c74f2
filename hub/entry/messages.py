"""Messages of the entry layer's own routes that a caller sees: feeds and calendars, the
news pages and oEmbed, and cross-origin refusals. English msgids, translated where they are
shown (the caller's language, or the feed's)."""

from __future__ import annotations

from typing import Final

from hub.i18n.markers import N_

# Cross-origin requests (hub/entry/cors.py)
# TRANSLATORS: origin is a web address such as https://www.example.org.
ORIGIN_NOT_ALLOWED_FOR_KEY: Final = N_(
    "This API key may not be used from “%(origin)s”: ask the society for a key allowed "
    "for this site.")
# TRANSLATORS: origin is a web address such as https://www.example.org.
ORIGIN_NOT_ALLOWED: Final = N_("Requests from “%(origin)s” are not allowed here.")

# Feeds, calendars and news pages (hub/entry/feeds.py, hub/entry/news_pages.py)
# TRANSLATORS: the title of a news feed; name is a society's name.
FEED_TITLE: Final = N_("News of %(name)s")
NETWORK_FEED_TITLE: Final = N_("News of the member societies")
# TRANSLATORS: the name of a calendar of events; name is a society's name.
CALENDAR_TITLE: Final = N_("Events of %(name)s")
NO_NEWS: Final = N_("No news yet.")
# TRANSLATORS: a link under a list of news to the page with all of them; name is a society.
ALL_NEWS: Final = N_("All news of %(name)s")

# oEmbed (hub/entry/oembed.py)
NO_URL: Final = N_("Give the address of the page to embed in `url`.")
# TRANSLATORS: hub is this hub's public address, e.g. https://hub.example.org.
FOREIGN_URL: Final = N_("Only pages of this hub (%(hub)s) can be embedded.")
NOT_EMBEDDABLE: Final = N_("There is no public news page at this address.")
JSON_ONLY: Final = N_("This hub answers oEmbed requests in JSON only: use format=json.")

MESSAGES: Final = (ORIGIN_NOT_ALLOWED_FOR_KEY, ORIGIN_NOT_ALLOWED, FEED_TITLE,
                   NETWORK_FEED_TITLE, CALENDAR_TITLE, NO_NEWS, ALL_NEWS, NO_URL, FOREIGN_URL,
                   NOT_EMBEDDABLE, JSON_ONLY)
