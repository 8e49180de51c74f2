"""Root fields of no one domain: the languages the hub answers in, and `node(id:)`."""

from __future__ import annotations

import strawberry

from hub.i18n import locale_info, supported_locales
from schema.core.common import LocaleInfo, Node
from schema.core.enums import TextDirection
from schema.core.info import Info
from schema.core.node import resolve_node
from schema.core.policy import EVERYONE, policy


@policy(reach=EVERYONE, open=("locales", "node"))
@strawberry.type
class CoreQueries:
    @strawberry.field(description="The languages the hub answers in: one per message catalog.")
    def locales(self) -> list[LocaleInfo]:
        out = []
        for tag in supported_locales():
            found = locale_info(tag)
            out.append(LocaleInfo(tag=found.tag, name=found.name, native_name=found.native_name,
                                  direction=TextDirection(found.direction)))
        return out

    @strawberry.field
    async def node(self, info: Info, id: strawberry.ID) -> Node | None:
        return await resolve_node(info, id)
