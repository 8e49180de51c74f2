"""A notification's words in one language: its title (an e-mail's subject) and its text,
from its kind and params, with the opportunity's title in that language where it names one.

Pure: what needs the database (the opportunity's title, the recipient's language) is found
by the caller (resolvers/notifications/about.py, recipient.py) and passed in.

The params a writer gives `notify(...)` (resolvers/notifications/outbox.py), all optional:
`opportunity`, `application`, `inquiry` (global ids: the opportunity is found from any of
them), `reason` (a DecisionReason code), `note` (the organizers' own words), `status`
(COMPLETED or NO_SHOW), `hours` (a number), `date` (ISO date), `approved` (a boolean; or
`status` APPROVED / REJECTED for hours); a badge earned: `badge` (its code), `names` (its
name by locale) and `hours`; an emergency call (EMERGENCY_CALL): `opportunity`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from contextlib import suppress
from dataclasses import dataclass
from datetime import date
from typing import Any

from babel.dates import format_date

from hub.i18n import LocaleChain, enum_label, gettext, hours_display
from hub.i18n.chain import expand
from hub.i18n.cldr import babel_locale
from hub.i18n.digits import numbering_system, write_digits
from resolvers.badges import messages as badge_msg
from resolvers.live import messages as live_msg
from resolvers.notifications import messages as msg
from resolvers.notifications.outbox import NotificationKind


@dataclass(frozen=True, slots=True)
class Rendered:
    title: str
    text: str


@dataclass(frozen=True, slots=True)
class Words:
    """What the templates are filled with, already written in the locale."""

    locale: str
    digits: str | None
    opportunity: str  # quoted title, or "an opportunity"
    params: Mapping[str, Any]

    def t(self, msgid: str, **values: Any) -> str:
        template = gettext(self.locale, msgid)
        return template % values if values else template

    def note_lines(self) -> list[str]:
        note = self.params.get("note")
        if isinstance(note, str) and note.strip():
            return [self.t(msg.ORGANIZERS_NOTE, note=note.strip())]
        return []


def _simple(title: str, text: str) -> Callable[[Words], Rendered]:
    def build(w: Words) -> Rendered:
        return Rendered(w.t(title), w.t(text, opportunity=w.opportunity))

    return build


def _rejected(w: Words) -> Rendered:
    lines = [w.t(msg.APPLICATION_REJECTED_TEXT, opportunity=w.opportunity)]
    reason = w.params.get("reason")
    if isinstance(reason, str) and reason:
        # A reason code this hub no longer knows is left out: the note may still say it.
        with suppress(KeyError):
            lines.append(w.t(msg.DECISION_REASON,
                             reason=enum_label(w.locale, "DecisionReason", reason)))
    return Rendered(w.t(msg.APPLICATION_REJECTED_TITLE), "\n".join(lines + w.note_lines()))


def _completed(w: Words) -> Rendered:
    if w.params.get("status") == "NO_SHOW":
        return Rendered(w.t(msg.APPLICATION_NO_SHOW_TITLE),
                        w.t(msg.APPLICATION_NO_SHOW_TEXT, opportunity=w.opportunity))
    return Rendered(w.t(msg.APPLICATION_COMPLETED_TITLE),
                    w.t(msg.APPLICATION_COMPLETED_TEXT, opportunity=w.opportunity))


def _hours(w: Words) -> Rendered:
    approved = w.params.get("approved")
    if approved is None:
        approved = w.params.get("status", "APPROVED") == "APPROVED"
    amount = w.params.get("hours")
    hours = hours_display(w.locale, amount if isinstance(amount, int | float) else 0,
                          w.digits)
    day = _date(w.params.get("date"), w.locale, w.digits)
    title, text = ((msg.HOURS_APPROVED_TITLE, msg.HOURS_APPROVED_TEXT) if approved
                   else (msg.HOURS_REJECTED_TITLE, msg.HOURS_REJECTED_TEXT))
    body = w.t(text, hours=hours, date=day, opportunity=w.opportunity)
    return Rendered(w.t(title), "\n".join([body, *w.note_lines()]))


def _badge(w: Words) -> Rendered:
    """A badge earned: its name in the recipient's language, from the names it had when it
    was earned (`names` by locale; the code when none is left)."""
    names = w.params.get("names")
    picked = LocaleChain(expand((w.locale,))).pick(names, "en") \
        if isinstance(names, dict) and names else None
    name = str(picked[1]) if picked else str(w.params.get("badge") or "")
    amount = w.params.get("hours")
    hours = hours_display(w.locale, amount if isinstance(amount, int | float) else 0,
                          w.digits)
    return Rendered(w.t(badge_msg.BADGE_AWARDED_TITLE), w.t(
        badge_msg.BADGE_AWARDED_TEXT, hours=hours, badge=name))


def _other(w: Words) -> Rendered:
    return Rendered(w.t(msg.OTHER_TITLE), w.t(msg.OTHER_TEXT))


TEMPLATES: dict[str, Callable[[Words], Rendered]] = {
    NotificationKind.APPLICATION_RECEIVED: _simple(msg.APPLICATION_RECEIVED_TITLE,
                                                   msg.APPLICATION_RECEIVED_TEXT),
    NotificationKind.APPLICATION_ACCEPTED: _simple(msg.APPLICATION_ACCEPTED_TITLE,
                                                   msg.APPLICATION_ACCEPTED_TEXT),
    NotificationKind.APPLICATION_REJECTED: _rejected,
    NotificationKind.APPLICATION_WAITLISTED: _simple(msg.APPLICATION_WAITLISTED_TITLE,
                                                     msg.APPLICATION_WAITLISTED_TEXT),
    NotificationKind.WAITLIST_PROMOTED: _simple(msg.WAITLIST_PROMOTED_TITLE,
                                                msg.WAITLIST_PROMOTED_TEXT),
    NotificationKind.APPLICATION_COMPLETED: _completed,
    NotificationKind.HOURS_VERIFIED: _hours,
    NotificationKind.INQUIRY_REPLIED: _simple(msg.INQUIRY_REPLIED_TITLE,
                                              msg.INQUIRY_REPLIED_TEXT),
    NotificationKind.INQUIRY_CLOSED: _simple(msg.INQUIRY_CLOSED_TITLE, msg.INQUIRY_CLOSED_TEXT),
    NotificationKind.BADGE_AWARDED: _badge,
    NotificationKind.EMERGENCY_CALL: _simple(live_msg.EMERGENCY_CALL_TITLE,
                                             live_msg.EMERGENCY_CALL_TEXT),
}


def render(kind: str, params: Mapping[str, Any], *, locale: str, digits: str | None = None,
           opportunity_title: str | None = None) -> Rendered:
    """The notification in `locale` (numbers in `digits`, the tenant's setting for Arabic
    script). A kind without words of its own yet gets a generic title and text."""
    words = Words(locale, digits, "", params)
    opportunity = (words.t(msg.QUOTED_TITLE, title=opportunity_title) if opportunity_title
                   else words.t(msg.SOME_OPPORTUNITY))
    words = Words(locale, digits, opportunity, params)
    return TEMPLATES.get(str(kind), _other)(words)


def _date(value: Any, locale: str, digits: str | None) -> str:
    try:
        day = date.fromisoformat(str(value))
    except ValueError:
        return str(value or "")
    text = format_date(day, "long", locale=babel_locale(locale))
    return write_digits(text, numbering_system(locale, digits))
