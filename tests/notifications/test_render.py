"""The words of every kind of notification, in English and (through the catalogs) Arabic;
the recipient's language."""

from __future__ import annotations

import re

import pytest

from hub.i18n import enum_label, gettext
from resolvers.notifications import messages as msg
from resolvers.notifications.outbox import NotificationKind
from resolvers.notifications.recipient import recipient_locale
from resolvers.notifications.render import TEMPLATES, render

ARABIC_LETTER = re.compile(r"[\u0621-\u064A]")
APP = "QXBwbGljYXRpb246MQ"  # Application:1
OPPORTUNITY = "T3Bwb3J0dW5pdHk6MQ"  # Opportunity:1
PARAMS: dict[NotificationKind, dict[str, object]] = {
    NotificationKind.APPLICATION_RECEIVED: {"application": APP},
    NotificationKind.APPLICATION_ACCEPTED: {"application": APP},
    NotificationKind.APPLICATION_REJECTED: {"application": APP, "reason": "SCHEDULE",
                                            "note": "Next session in March."},
    NotificationKind.APPLICATION_WAITLISTED: {"application": APP},
    NotificationKind.WAITLIST_PROMOTED: {"application": APP},
    NotificationKind.APPLICATION_COMPLETED: {"application": APP, "status": "COMPLETED"},
    NotificationKind.HOURS_VERIFIED: {"application": APP, "hours": 2.5, "date": "2026-12-05",
                                      "approved": True},
    NotificationKind.INQUIRY_REPLIED: {"inquiry": "SW5xdWlyeTox"},
    NotificationKind.INQUIRY_CLOSED: {"inquiry": "SW5xdWlyeTox"},
    NotificationKind.BADGE_AWARDED: {"award": "QmFkZ2VBd2FyZDox", "badge": "bronze", "hours": 10,
                                     "names": {"ar": "الشارة البرونزية", "en": "Bronze badge",
                                               "fr": "Badge de bronze"}},
    NotificationKind.EMERGENCY_CALL: {"opportunity": OPPORTUNITY},
}
ENGLISH = {
    NotificationKind.APPLICATION_RECEIVED: ("We received your application",
                                            "Your application to “Blood drive” was received."),
    NotificationKind.APPLICATION_ACCEPTED: ("Your application was accepted",
                                            "Your application to “Blood drive” was accepted."),
    NotificationKind.APPLICATION_REJECTED: ("Your application was not accepted",
                                            "Reason: The dates do not fit.\nNote from the "
                                            "organizers: Next session in March."),
    NotificationKind.APPLICATION_WAITLISTED: ("You are on the waiting list",
                                              "“Blood drive” has no free place for now"),
    NotificationKind.WAITLIST_PROMOTED: ("A place freed up: you are in",
                                         "A place freed up on “Blood drive”"),
    NotificationKind.APPLICATION_COMPLETED: ("Thank you for taking part",
                                             "Your participation in “Blood drive” is recorded"),
    NotificationKind.HOURS_VERIFIED: ("Your hours were verified",
                                      "Your 2.5 hours of December 5, 2026 on “Blood drive” "
                                      "were verified"),
    NotificationKind.INQUIRY_REPLIED: ("New reply to your question",
                                       "The organizers of “Blood drive” replied"),
    NotificationKind.INQUIRY_CLOSED: ("Your question was closed",
                                      "Your question about “Blood drive” was closed."),
    NotificationKind.BADGE_AWARDED: ("You earned a badge",
                                     "Your 10 hours of verified volunteering earned you the "
                                     "“Bronze badge”."),
    NotificationKind.EMERGENCY_CALL: ("Emergency call: volunteers needed now",
                                      "“Blood drive” needs volunteers with your skills near "
                                      "you, now. Open the app to answer the call."),
}


def test_every_kind_has_words_of_its_own() -> None:
    assert set(TEMPLATES) == set(NotificationKind), "a kind without a template gets generic words"
    assert set(PARAMS) == set(NotificationKind) == set(ENGLISH)


@pytest.mark.parametrize("kind", list(NotificationKind))
def test_english(kind: NotificationKind) -> None:
    words = render(kind, PARAMS[kind], locale="en", opportunity_title="Blood drive")
    title, text = ENGLISH[kind]
    assert words.title == title
    assert text in words.text


@pytest.mark.parametrize("kind", list(NotificationKind))
def test_arabic_goes_through_the_catalogs(kind: NotificationKind) -> None:
    """Arabic words are the catalog's (translated by the lead): not English, Arabic letters
    in the title and in the text around the opportunity's title."""
    english = render(kind, PARAMS[kind], locale="en", opportunity_title="X")
    arabic = render(kind, PARAMS[kind], locale="ar", opportunity_title="X")
    assert arabic.title != english.title and ARABIC_LETTER.search(arabic.title)
    assert arabic.text != english.text and ARABIC_LETTER.search(arabic.text.replace("X", ""))


def test_details_are_written_in_the_locale() -> None:
    rejected = render(NotificationKind.APPLICATION_REJECTED, {"reason": "POSITIONS_FILLED"},
                      locale="ar", opportunity_title="حملة")
    assert enum_label("ar", "DecisionReason", "POSITIONS_FILLED") in rejected.text
    hours = render(NotificationKind.HOURS_VERIFIED, {"hours": 2, "date": "2026-12-05",
                                                     "approved": True},
                   locale="ar-EG", digits="arab")
    assert "ساعتان" in hours.text and "٢٠٢٦" in hours.text and "2026" not in hours.text
    french = render(NotificationKind.HOURS_VERIFIED, {"hours": 2.5, "date": "2026-12-05",
                                                      "approved": False}, locale="fr")
    assert "2,5 heures" in french.text and "décembre" in french.text
    assert french.title == gettext("fr", msg.HOURS_REJECTED_TITLE), "the catalog's words"


def test_variants_and_fallbacks() -> None:
    no_show = render(NotificationKind.APPLICATION_COMPLETED, {"status": "NO_SHOW"}, locale="en")
    assert no_show.title == "You were recorded as absent"
    assert "absent from an opportunity." in no_show.text, "no title: said generically"
    hours = render(NotificationKind.HOURS_VERIFIED, {"hours": 1, "date": "2026-12-05",
                                                     "status": "REJECTED", "note": " Too late "},
                   locale="en", opportunity_title="Drive")
    assert hours.title == "Your hours were not accepted"
    assert "Your 1 hour of December 5, 2026 on “Drive” were not accepted." in hours.text
    assert hours.text.endswith("Note from the organizers: Too late")
    unknown = render("SOMETHING_NEW", {}, locale="en")
    assert (unknown.title, unknown.text) == ("You have a new notification",
                                             "Open the app to read it.")
    odd = render(NotificationKind.APPLICATION_REJECTED, {"reason": "GONE"}, locale="en")
    assert "Reason" not in odd.text


def test_the_recipients_language() -> None:
    assert recipient_locale("ar-DZ", ["fr"], "fr") == "ar-DZ"
    assert recipient_locale(None, ["kab", "fr", "ar"], "ar-DZ") == "fr", "first supported"
    assert recipient_locale(None, ["kab"], "ar-DZ") == "ar-DZ", "else the tenant's default"
    assert recipient_locale("xx-invalid-!", [], "en") == "en"
    assert recipient_locale("de", ["en"], "ar") == "en", "no German catalog: next choice"
