"""iCalendar documents of events, parsed back with icalendar: a society's calendar and one
event's, with stable UIDs, UTC times, cancelled events marked, only public published due
events, and 304 on a conditional GET."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from icalendar import Calendar

from tests.feeds.world import HIDDEN, TENANT, FeedWorld


def calendar(world: FeedWorld, path: str) -> Calendar:
    response = world.http.get(path)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "text/calendar; charset=utf-8"
    return Calendar.from_ical(response.content)


def by_uid(cal: Calendar) -> dict[str, Any]:
    return {str(event["UID"]): event for event in cal.walk("VEVENT")}


def test_a_societys_calendar(feeds: FeedWorld) -> None:
    cal = calendar(feeds, f"/tenants/{TENANT}/events.ics?lang=ar")
    host = "127.0.0.1"
    assert str(cal["VERSION"]) == "2.0" and str(cal["METHOD"]) == "PUBLISH"
    assert str(cal["X-WR-TIMEZONE"]) == "Africa/Algiers"
    assert str(cal["URL"]) == f"{feeds.base}/tenants/{TENANT}/events.ics?lang=ar"
    events = by_uid(cal)
    # Upcoming and cancelled public events; not the one that ended long ago, no hidden one.
    assert set(events) == {f"{feeds.events[n]}@{host}"
                           for n in ("training", "french_event", "cancelled")}
    starts = [e.decoded("DTSTART") for e in cal.walk("VEVENT")]
    assert starts == sorted(starts)  # soonest first
    training = events[f"{feeds.events['training']}@{host}"]
    assert str(training["SUMMARY"]) == feeds.titles["training"]["ar"]
    assert training["SUMMARY"].params["LANGUAGE"] == "ar"
    assert str(training["DESCRIPTION"]).endswith("(description)")
    assert training.decoded("DTSTART").tzinfo is not None
    assert training.decoded("DTSTART").utcoffset().total_seconds() == 0
    assert training.decoded("DTEND") > training.decoded("DTSTART")
    assert training.decoded("LAST-MODIFIED") <= datetime.now(UTC)
    assert str(training["URL"]) == "https://meet.example.org/x"
    assert "El Eulma" in str(training["LOCATION"]) and "الجزائر" in str(training["LOCATION"])
    assert str(training["STATUS"]) == "CONFIRMED"
    french = events[f"{feeds.events['french_event']}@{host}"]
    assert french["SUMMARY"].params["LANGUAGE"] == "fr"  # the fallback says its language
    assert str(french["URL"]) == f"{feeds.base}/events/{feeds.events['french_event']}.ics?lang=ar"
    cancelled = events[f"{feeds.events['cancelled']}@{host}"]
    assert str(cancelled["STATUS"]) == "CANCELLED"


def test_uids_do_not_change_with_the_language_or_the_day(feeds: FeedWorld) -> None:
    arabic = by_uid(calendar(feeds, f"/tenants/{TENANT}/events.ics?lang=ar"))
    french = by_uid(calendar(feeds, f"/tenants/{TENANT}/events.ics?lang=fr"))
    again = by_uid(calendar(feeds, f"/tenants/{TENANT}/events.ics?lang=fr"))
    assert set(arabic) == set(french) == set(again)
    training = f"{feeds.events['training']}@127.0.0.1"
    assert str(french[training]["SUMMARY"]) == feeds.titles["training"]["fr"]


def test_one_events_calendar(feeds: FeedWorld) -> None:
    for name in ("training", "long_ago", "cancelled"):
        global_id = feeds.events[name]
        cal = calendar(feeds, f"/events/{global_id}.ics?lang=fr")
        [event] = cal.walk("VEVENT")
        assert str(event["UID"]) == f"{global_id}@127.0.0.1"
        assert str(event["SUMMARY"]) == feeds.titles[name]["fr"]


def test_no_calendar_shows_a_hidden_event(feeds: FeedWorld) -> None:
    hidden = [name for name in feeds.events if name.startswith("hidden_")]
    assert len(hidden) == len(HIDDEN)
    for lang in ("ar", "fr"):
        body = feeds.http.get(f"/tenants/{TENANT}/events.ics?lang={lang}").text
        for name in hidden:
            assert feeds.events[name] not in body
            assert not any(title in body for title in feeds.titles[name].values())
    for name in hidden:
        refused = feeds.http.get(f"/events/{feeds.events[name]}.ics")
        assert refused.status_code == 404, name
        assert refused.json()["errors"][0]["extensions"]["code"] == "NOT_FOUND"
    for wrong in ("not-an-id", feeds.news["news0"]):  # malformed; a news item's id
        assert feeds.http.get(f"/events/{wrong}.ics").status_code == 404
    assert feeds.http.get("/tenants/no-such-society/events.ics").status_code == 404


def test_conditional_gets(feeds: FeedWorld) -> None:
    for path in (f"/tenants/{TENANT}/events.ics?lang=fr",
                 f"/events/{feeds.events['training']}.ics"):
        first = feeds.http.get(path)
        assert first.headers["cache-control"] == "public, max-age=300"
        tag, modified = first.headers["etag"], first.headers["last-modified"]
        assert feeds.http.get(path, headers={"If-None-Match": tag}).status_code == 304
        assert feeds.http.get(path, headers={"If-Modified-Since": modified}).status_code == 304
        assert feeds.http.get(path, headers={"If-None-Match": '"stale"'}).status_code == 200


def test_a_calendar_costs_the_same_statements_whatever_its_size(feeds: FeedWorld) -> None:
    prelude = 1 if feeds.backend == "postgresql" else 0
    assert feeds.statements(f"/tenants/{TENANT}/events.ics") == prelude + 2
    assert feeds.statements(f"/events/{feeds.events['training']}.ics") == prelude + 2
