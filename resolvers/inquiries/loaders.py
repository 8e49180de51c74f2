"""The inquiries domain's loaders (one request's, scoped by the caller's read scope): a
thread is the volunteer's own, or one kept by the staff member's tenant (hub/access.py)."""

from __future__ import annotations

from functools import cached_property

from hub.db import models as m
from resolvers.core.loaders import CountByKeyLoader, LoaderGroup, RowByKeyLoader, RowsByKeyLoader


class InquiryLoaders(LoaderGroup):
    @cached_property
    def inquiry_by_id(self) -> RowByKeyLoader:
        return RowByKeyLoader(self.db, m.Inquiry.id, self.scope(m.Inquiry))

    @cached_property
    def messages_by_inquiry(self) -> RowsByKeyLoader:
        return RowsByKeyLoader(self.db, m.InquiryMessage.inquiry_id,
                               self.scope(m.InquiryMessage))

    # Asked only about a thread the caller was just allowed to read (the writes' limit on a
    # thread's length), so it needs no scope of its own.
    @cached_property
    def message_count_by_inquiry(self) -> CountByKeyLoader:
        return CountByKeyLoader(self.db, m.InquiryMessage.inquiry_id)
