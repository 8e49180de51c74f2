"""The demo's credentials: every certificate and badge award without one gets one, once, and
a volunteer of two societies has recognition carried to the second."""

from __future__ import annotations

from typing import Any

from sqlalchemy import delete, select

from hub.db import models as m
from resolvers.credentials.demo import seed_demo_credentials
from tests.applications.world import World
from tests.credentials.conftest import (
    ISSUER,
    RECEIVER,
    as_owner,
    badge_award,
    certificate,
    new_holder,
)
from tests.dbtools import fetch


def test_the_demo_issues_what_is_missing_and_carries_one_credential(hub: World) -> None:
    volunteer = new_holder(hub, ISSUER, RECEIVER)
    rows = [certificate(hub, volunteer), certificate(hub, volunteer, RECEIVER)]
    award = badge_award(hub, volunteer, code="silver", hours=60)
    fetch(hub.database.settings, delete(m.RecognitionImport))
    public_url = hub.database.settings.public_url

    async def seed(session: Any) -> int:
        return await seed_demo_credentials(session, public_url=public_url)

    assert as_owner(hub, seed) >= 3
    c = m.Credential
    mine = fetch(hub.database.settings, select(c.kind, c.tenant_id).where(
        c.certificate_id.in_(rows) | (c.award_id == award)))
    assert sorted(k for k, _ in mine) == ["BADGE", "CERTIFICATE", "CERTIFICATE"]
    assert as_owner(hub, seed) == 0  # nothing missing any more
    r = m.RecognitionImport
    carried = fetch(hub.database.settings, select(
        r.tenant_id, r.issuer_tenant_id, r.volunteer_id, r.achievement, r.consented_at))
    assert len(carried) == 1
    receiver, issuer, holder, achievement, consented = carried[0]
    assert receiver != issuer and consented is not None and achievement["names"]
    member = m.Membership
    assert {receiver, issuer} <= {t for (t,) in fetch(hub.database.settings, select(
        member.tenant_id).where(member.volunteer_id == holder))}
