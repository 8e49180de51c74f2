"""The inquiries domain's loaders (one request's, scoped by the caller's read scope): a
thread is the volunteer's own, or one kept by the staff member's tenant (hub/access.py)."""

from __future__ import annotations

from typing import Any

from hub.db import models as m
from resolvers.core.database import RequestDatabase
from resolvers.core.loaders import CountByKeyLoader, RowByKeyLoader, RowsByKeyLoader


class InquiryLoaders:
    def __init__(self, db: RequestDatabase, scope_for: Any, volunteer_id: int | None) -> None:
        self.inquiry_by_id = RowByKeyLoader(db, m.Inquiry.id, scope_for(m.Inquiry))
        self.messages_by_inquiry = RowsByKeyLoader(
            db, m.InquiryMessage.inquiry_id, scope_for(m.InquiryMessage))
        # Asked only about a thread the caller was just allowed to read (the writes' limit
        # on a thread's length), so it needs no scope of its own.
        self.message_count_by_inquiry = CountByKeyLoader(db, m.InquiryMessage.inquiry_id)
