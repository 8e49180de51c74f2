"""Asking the manager (issue #11, point 5), on SQLite and PostgreSQL: a volunteer opens a
thread, the organizers answer (the volunteer is notified), the volunteer answers back, either
closes it; each write one audited transaction; who may write, bad input, closed threads; and
the SQL statements of asking and replying, counted."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select

from hub.db import models as m
from hub.ids import decode_id, encode_id
from resolvers.inquiries.commands import MAX_BODY, MAX_MESSAGES, MAX_SUBJECT
from tests.dbtools import fetch
from tests.inquiries.conftest import ASK, REPLY, Hub, code
from tests.principals import TENANT


def rows(hub: Hub, model: Any, *where: Any) -> list[Any]:
    return fetch(hub.database.settings, select(model).where(*where))


def about(hub: Hub, volunteer: int, kind: str, inquiry_id: str) -> list[Any]:
    """The volunteer's notifications of `kind` about this thread (the demo has its own)."""
    return [n for n in rows(hub, m.Notification, m.Notification.volunteer_id == volunteer,
                            m.Notification.kind == kind)
            if n.params.get("inquiry") == inquiry_id]


def count(hub: Hub, model: Any, *where: Any) -> int:
    return int(fetch(hub.database.settings,
                     select(func.count()).select_from(model).where(*where))[0][0])


def key(global_id: str) -> int:
    return decode_id(global_id)[1]


def test_a_thread_from_question_to_close(hub: Hub) -> None:
    v = hub.people.volunteer_ids["V"]
    thread = hub.asked("self", "  Is there parking near the site?  ", subject=" Parking ")
    assert thread["status"] == "OPEN" and thread["statusLabel"] == "Waiting for an answer"
    assert thread["subject"] == "Parking" and thread["closedAt"] is None
    assert thread["tenant"] == {"slug": TENANT}
    assert thread["opportunity"] == {"id": hub.opportunity}
    [first] = thread["messages"]
    assert first["author"] == "VOLUNTEER" and first["body"] == "Is there parking near the site?"
    inquiry_id = thread["id"]
    stored = rows(hub, m.Inquiry, m.Inquiry.id == key(inquiry_id))[0]
    assert (stored.volunteer_id, stored.tenant_id, stored.opportunity_id) == (
        v, hub.tenants[TENANT], key(hub.opportunity))
    events = rows(hub, m.AuditEvent, m.AuditEvent.object_id == inquiry_id)
    assert [(e.action, e.principal_kind, e.tenant_id) for e in events] == [
        ("ask_opportunity_manager", "VOLUNTEER", hub.tenants[TENANT])]

    # The organizers answer: ANSWERED, and the volunteer is notified in the same transaction.
    answer = hub.reply("coordinator", inquiry_id, "Yes, behind the town hall.")
    assert code(answer) is None, answer
    replied = answer["data"]["replyToInquiry"]
    assert replied["status"] == "ANSWERED"
    assert [(x["author"], x["body"]) for x in replied["messages"]] == [
        ("VOLUNTEER", "Is there parking near the site?"),
        ("STAFF", "Yes, behind the town hall.")]
    notes = about(hub, v, "INQUIRY_REPLIED", inquiry_id)
    assert [(n.params, n.tenant_id) for n in notes] == [
        ({"inquiry": inquiry_id}, hub.tenants[TENANT])]
    staff_message = rows(hub, m.InquiryMessage, m.InquiryMessage.inquiry_id == key(inquiry_id),
                         m.InquiryMessage.author == "STAFF")[0]
    assert staff_message.author_subject.endswith(f"staff-{TENANT}-coordinator")  # kept for the audit
    # ... and never shown to the volunteer: the whole answer names no staff member.
    seen = hub.client.http.post("/graphql", json={
        "query": "query($i: ID!) { node(id: $i) { ... on Inquiry { messages { id author body "
                 "sentAt } tenant { slug name } } } }", "variables": {"i": inquiry_id}},
        headers=hub.headers("self"))
    assert "staff-" not in seen.text and "coordinator" not in seen.text

    # The volunteer answers back: OPEN again (waiting for the organizers); no notification.
    back = hub.reply("self", inquiry_id, "Thanks! And is lunch provided?")
    assert back["data"]["replyToInquiry"]["status"] == "OPEN"
    assert len(about(hub, v, "INQUIRY_REPLIED", inquiry_id)) == 1
    assert hub.reply("admin", inquiry_id, "It is.")["data"]["replyToInquiry"][
        "status"] == "ANSWERED"

    # The organizers close it: the volunteer is told; nothing more can be written in it.
    closed = hub.close("admin", inquiry_id)
    assert closed["data"]["closeInquiry"]["status"] == "CLOSED"
    assert closed["data"]["closeInquiry"]["closedAt"] is not None
    assert len(about(hub, v, "INQUIRY_CLOSED", inquiry_id)) == 1
    messages_before = count(hub, m.InquiryMessage, m.InquiryMessage.inquiry_id == key(inquiry_id))
    events_before = count(hub, m.AuditEvent)
    late = hub.reply("self", inquiry_id, "One more thing...")
    assert code(late) == "CONFLICT"
    assert late["errors"][0]["message"] == "This thread is closed; open a new one to ask again."
    assert code(hub.reply("coordinator", inquiry_id, "Anything else?")) == "CONFLICT"
    assert code(hub.close("self", inquiry_id)) == "CONFLICT"
    assert count(hub, m.InquiryMessage,
                 m.InquiryMessage.inquiry_id == key(inquiry_id)) == messages_before
    assert count(hub, m.AuditEvent) == events_before, "a refused write leaves no audit event"
    actions = [e.action for e in rows(hub, m.AuditEvent, m.AuditEvent.object_id == inquiry_id)
               if not e.action.startswith("read")]
    assert actions == ["ask_opportunity_manager", "reply_to_inquiry", "reply_to_inquiry",
                       "reply_to_inquiry", "close_inquiry"]


def test_the_volunteer_closes_without_a_notification(hub: Hub) -> None:
    v = hub.people.volunteer_ids["V"]
    thread = hub.asked("self", "Never mind, I found it.")
    before = count(hub, m.Notification, m.Notification.volunteer_id == v)
    assert hub.close("self", thread["id"])["data"]["closeInquiry"]["status"] == "CLOSED"
    assert count(hub, m.Notification, m.Notification.volunteer_id == v) == before


def test_who_may_ask(hub: Hub) -> None:
    expected = {"anonymous": "FORBIDDEN", "admin": "FORBIDDEN", "viewer": "FORBIDDEN",
                "other_staff": "FORBIDDEN", "federation": "FORBIDDEN", "client": "FORBIDDEN",
                "other_volunteer": None, "self": None}
    before = count(hub, m.Inquiry)
    for column, wanted in expected.items():
        assert code(hub.ask(column, f"A question from {column}")) == wanted, column
    assert count(hub, m.Inquiry) == before + 2
    # A volunteer asks about any opportunity they can read, not one they cannot.
    assert code(hub.ask("self", "About the other society", opportunity=hub.other_opportunity)) \
        is None
    hidden = hub.ask("self", "About a hidden one", opportunity=hub.hidden)
    missing = hub.ask("self", "About nothing", opportunity=encode_id("Opportunity", 10**9))
    assert code(hidden) == code(missing) == "NOT_FOUND"
    assert hidden["errors"][0]["message"] == missing["errors"][0]["message"]
    assert hidden["errors"][0]["extensions"] == missing["errors"][0]["extensions"]


def test_who_may_reply_and_close(hub: Hub) -> None:
    thread = hub.asked("self", "Who may answer this?")["id"]
    nowhere = encode_id("Inquiry", 10**9)
    # Anyone who cannot read the thread gets what a thread that does not exist gets.
    expected = {"anonymous": "FORBIDDEN", "federation": "FORBIDDEN", "client": "FORBIDDEN",
                "other_volunteer": "NOT_FOUND", "other_staff": "NOT_FOUND",
                "editor": "FORBIDDEN", "viewer": "FORBIDDEN"}
    messages_before = count(hub, m.InquiryMessage, m.InquiryMessage.inquiry_id == key(thread))
    for column, wanted in expected.items():
        for answer, absent in ((hub.reply(column, thread, "Me!"), hub.reply(column, nowhere, "Me!")),
                               (hub.close(column, thread), hub.close(column, nowhere))):
            assert code(answer) == wanted, column
            if wanted == "NOT_FOUND":
                assert answer["errors"][0]["message"] == absent["errors"][0]["message"]
                assert answer["errors"][0]["extensions"] == absent["errors"][0]["extensions"]
    assert count(hub, m.InquiryMessage,
                 m.InquiryMessage.inquiry_id == key(thread)) == messages_before
    for column in ("self", "admin", "coordinator"):
        assert code(hub.reply(column, thread, f"{column} writes")) is None, column


def test_bad_input_is_refused_before_anything_is_written(hub: Hub) -> None:
    before = (count(hub, m.Inquiry), count(hub, m.InquiryMessage), count(hub, m.AuditEvent))
    cases = [
        (hub.ask("self", "   "), "input.body"),
        (hub.ask("self", "x" * (MAX_BODY + 1)), "input.body"),
        (hub.ask("self", "Fine", subject="s" * (MAX_SUBJECT + 1)), "input.subject"),
        (hub.ask("self", "Fine", opportunity=encode_id("Event", 1)), "input.opportunity"),
        (hub.ask("self", "Fine", opportunity="not an id"), "input.opportunity"),
        (hub.reply("self", "not an id", "Fine"), "input.inquiry"),
    ]
    for answer, argument in cases:
        assert code(answer) == "BAD_USER_INPUT", answer
        assert answer["errors"][0]["extensions"]["argument"] == argument
    assert hub.ask("self", "")["errors"][0]["message"] == "The message must not be empty."
    assert hub.ask("self", "x" * (MAX_BODY + 1))["errors"][0]["message"] == (
        f"A message may have at most {MAX_BODY:,} characters.")
    thread = hub.asked("self", "x" * MAX_BODY)  # the bound itself is accepted
    assert len(thread["messages"][0]["body"]) == MAX_BODY
    assert code(hub.reply("admin", thread["id"], " \n\t ")) == "BAD_USER_INPUT"
    after = (count(hub, m.Inquiry), count(hub, m.InquiryMessage), count(hub, m.AuditEvent))
    assert after == (before[0] + 1, before[1] + 1, before[2] + 1)


def test_a_thread_holds_a_bounded_number_of_messages(hub: Hub) -> None:
    thread = hub.asked("self", "Message 1")["id"]
    for n in range(2, MAX_MESSAGES + 1):
        assert code(hub.reply("self" if n % 2 else "admin", thread, f"Message {n}")) is None
    full = hub.reply("self", thread, "One too many")
    assert code(full) == "CONFLICT"
    assert count(hub, m.InquiryMessage, m.InquiryMessage.inquiry_id == key(thread)) == \
        MAX_MESSAGES


def test_statements_of_asking_and_replying(hub: Hub) -> None:
    """Counted: the same few statements each time, whatever the thread's length."""
    client, prelude = hub.client, hub.client.prelude
    ask = {"o": hub.opportunity, "s": None, "b": "Counting statements"}

    def statements(document: str, variables: dict[str, Any], column: str) -> int:
        client.counter.statements.clear()
        answer = client.post(document, variables, hub.headers(column))
        assert "errors" not in answer, answer
        return client.counter.count

    # What signing in costs (the volunteer's row and memberships), before any of ours.
    signing_in = {column: statements("{ viewer { kind } }", {}, column)
                  for column in ("self", "admin")}
    # Ask: the opportunity; then INSERT thread, INSERT message, INSERT audit event; then the
    # thread read back and its messages, in a new transaction (its prelude on PostgreSQL).
    asked = statements(ASK, ask, "self") - signing_in["self"]
    assert asked == 1 + 3 + 2 + 2 * prelude, client.counter.statements
    assert statements(ASK, {**ask, "s": "Again"}, "self") - signing_in["self"] == asked
    inquiry = hub.asked("self", "Another")["id"]
    # Reply: the thread and its message count; UPDATE thread, INSERT message, INSERT
    # notification, INSERT audit event; then the thread and its messages read back, and
    # the staff read of the thread's messages audited (one INSERT when the request ends).
    replied = statements(REPLY, {"i": inquiry, "b": "Answer"}, "admin") - signing_in["admin"]
    assert replied == 2 + 4 + 2 + 1 + 2 * prelude, client.counter.statements
    for n in range(5):
        hub.reply("self" if n % 2 else "admin", inquiry, f"More {n}")
    assert statements(REPLY, {"i": inquiry, "b": "Answer"}, "admin") - signing_in["admin"] \
        == replied
    # The volunteer's reply: no notification, no audited staff read.
    assert statements(REPLY, {"i": inquiry, "b": "Back"}, "self") - signing_in["self"] \
        == replied - 2
