"""Staff's inquiry threads of their tenant, with an open/answered filter."""

from __future__ import annotations

import strawberry


@strawberry.type
class InquiryQueries:
    pass
