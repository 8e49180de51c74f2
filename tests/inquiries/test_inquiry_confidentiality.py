"""Nobody but the thread's volunteer and staff of the organizing tenant sees anything of a
thread: every principal kind of tests/principals.py, through every road to it (node, aliases
and fragments, the volunteer's list by id, by `viewer` and by federation's `_entities`, the
opportunity's list, the staff's list with its filters), on SQLite and PostgreSQL. A caller
who may not see a thread gets exactly the answer a thread that does not exist gets: no id,
no subject, no message, no count, no telling error."""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from typing import Any

import pytest

from hub.ids import encode_id
from schema.core.permissions import COLUMNS
from tests.inquiries.conftest import Hub
from tests.principals import TENANT

THREAD = ("id subject status statusLabel openedAt updatedAt closedAt tenant { slug } "
          "opportunity { id } volunteer { id } messages { id author body sentAt }")
FRAGMENT = f" fragment F on Inquiry {{ {THREAD} }}"
LIST = "{ totalCount edges { node { ...F } } }"
T_STAFF = {"admin", "coordinator", "editor", "viewer"}


@dataclass(frozen=True)
class Target:
    """A thread, the markers only its content holds, and who may see it on each road."""

    id: str
    markers: tuple[str, ...]
    volunteer: str  # the thread's volunteer's global id
    opportunity: str
    readers: frozenset[str]  # columns that reach it by id
    volunteer_column: str  # the column that is the thread's volunteer
    staff: frozenset[str]  # columns that are staff of its tenant
    status: str


def roads(target: Target) -> dict[str, tuple[str, dict[str, Any], frozenset[str]]]:
    """(document, variables, the columns that see the thread there) per road."""
    own = frozenset({target.volunteer_column})
    other_status = "OPEN" if target.status == "ANSWERED" else "ANSWERED"
    by_id = {"id": target.id}
    return {
        "node": ("query($id: ID!) { r: node(id: $id) { ... on Inquiry { ...F } } }", by_id,
                 target.readers),
        "alias": ("query($id: ID!) { first: node(id: $id) { id } r: node(id: $id) { "
                  "__typename ...F ... on Node { id } } again: node(id: $id) { "
                  "... on Inquiry { messages { body } } } }", by_id, target.readers),
        "volunteer": ("query($v: ID!) { v: volunteer(id: $v) { r: inquiries(first: 100) "
                      + LIST + " } }", {"v": target.volunteer}, own),
        "viewer": ("{ viewer { volunteer { r: inquiries(first: 100) " + LIST + " } } }", {},
                   own),
        "entities": ("query($r: [_Any!]!) { _entities(representations: $r) { ... on "
                     "Volunteer { r: inquiries(first: 100) " + LIST + " } } }",
                     {"r": [{"__typename": "Volunteer", "id": target.volunteer}]}, own),
        "opportunity": ("query($o: ID!) { o: opportunity(id: $o) { r: inquiries(first: 100) "
                        + LIST + " } }", {"o": target.opportunity}, target.staff),
        "staff list": ("{ r: inquiries(first: 100) " + LIST + " }", {}, target.staff),
        "own tenant": ('{ r: inquiries(first: 100, tenant: "%s") %s }' % (TENANT, LIST), {},
                       target.staff if TENANT_OF[target.id] == TENANT else frozenset()),
        "its status": ("{ r: inquiries(first: 100, status: %s) %s }" % (target.status, LIST),
                       {}, target.staff),
        "other status": ("{ r: inquiries(first: 100, status: %s) %s }" % (other_status, LIST),
                         {}, frozenset()),
        "opportunity status": (
            "query($o: ID!) { o: opportunity(id: $o) { r: inquiries(first: 100, status: %s) %s"
            " } }" % (other_status, LIST), {"o": target.opportunity}, frozenset()),
    }


TENANT_OF: dict[str, str] = {}


@pytest.fixture(scope="module")
def targets(hub: Hub) -> list[Target]:
    """V's thread with T, answered by T's admin; another volunteer's, still open, with the
    other tenant."""
    secret = uuid.uuid4().hex[:8]
    ids = hub.people.volunteer_ids
    mine = hub.asked("self", f"body-{secret}-v", subject=f"subject-{secret}-v")
    answer = hub.reply("admin", mine["id"], f"reply-{secret}-t")
    assert "errors" not in answer, answer
    theirs = hub.asked("other_volunteer", f"body-{secret}-o", subject=f"subject-{secret}-o",
                       opportunity=hub.other_opportunity)
    TENANT_OF.update({mine["id"]: TENANT, theirs["id"]: "other"})
    return [
        Target(mine["id"], (f"{secret}-v", f"{secret}-t"), encode_id("Volunteer", ids["V"]),
               hub.opportunity, frozenset({"self", *T_STAFF}), "self", frozenset(T_STAFF),
               "ANSWERED"),
        Target(theirs["id"], (f"{secret}-o",), encode_id("Volunteer", ids["other"]),
               hub.other_opportunity, frozenset({"other_volunteer", "other_staff"}),
               "other_volunteer", frozenset({"other_staff"}), "OPEN"),
    ]


def lists_in(data: Any) -> list[dict[str, Any]]:
    """Every connection in an answer."""
    found: list[dict[str, Any]] = []
    if isinstance(data, dict):
        if "totalCount" in data and "edges" in data:
            found.append(data)
        for value in data.values():
            found += lists_in(value)
    elif isinstance(data, list):
        for value in data:
            found += lists_in(value)
    return found


@pytest.mark.parametrize("which", [0, 1], ids=["V's thread with T", "another's with another"])
def test_every_principal_through_every_road(hub: Hub, targets: list[Target],
                                            which: int) -> None:
    target = targets[which]
    nowhere = encode_id("Inquiry", 10**9)
    for column in COLUMNS:
        headers = hub.headers(column)
        for name, (document, variables, seers) in roads(target).items():
            label = f"{column}/{name}"
            body = hub.client.post(document + FRAGMENT, variables, headers)
            text = json.dumps(body, ensure_ascii=False)
            errors = body.get("errors") or []
            assert {e["extensions"]["code"] for e in errors} <= {"FORBIDDEN"}, label
            for connection in lists_in(body.get("data")):
                # Counts count what the list shows, never more (all of it fits a page).
                assert connection["totalCount"] == len(connection["edges"]), label
            if column in seers:
                assert target.id in text, f"{label}: the policy lets this principal see it"
                assert all(marker in text for marker in target.markers), label
                assert errors == [], label
                assert "staff-" not in text, f"{label}: a staff member's name leaked"
                continue
            assert target.id not in text, f"{label}: the thread's id leaked"
            assert not any(marker in text for marker in target.markers), \
                f"{label}: the thread's content leaked"
            if "id" in variables:
                absent = hub.client.post(document + FRAGMENT, {"id": nowhere}, headers)
                assert body == absent, f"{label}: answered otherwise than for no thread"


def test_writes_tell_nothing_either(hub: Hub, targets: list[Target]) -> None:
    """Replying to or closing a thread one may not read answers as for no thread."""
    nowhere = encode_id("Inquiry", 10**9)
    for target in targets:
        for column in COLUMNS:
            if column in target.readers:
                continue
            for seen, absent in ((hub.reply(column, target.id, "psst"),
                                  hub.reply(column, nowhere, "psst")),
                                 (hub.close(column, target.id), hub.close(column, nowhere))):
                assert seen == absent, column
                assert not any(marker in json.dumps(seen) for marker in target.markers)
