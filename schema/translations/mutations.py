"""`setTranslation`: an editor writes one text field of a record in one language; the
answer is all the record's translations. The write is
`resolvers.translations.commands.SetTranslation`."""

from __future__ import annotations

import strawberry

from hub.ids import decode_id
from resolvers.translations import commands
from schema.core.info import Info
from schema.core.policy import EVERYONE, policy
from schema.translations.types import Translation, translations_of


@strawberry.input
class SetTranslationInput:
    id: strawberry.ID = strawberry.field(description="An Opportunity, NewsItem, Event or Campaign.")
    locale: str
    field: str = strawberry.field(description="title, summary, description or body")
    value: str


@policy(reach=EVERYONE, open=("setTranslation",))
@strawberry.type
class TranslationMutations:
    @strawberry.mutation(description="Editors of the owning tenant: write one text field of a "
                                      "record in one language; returns all its translations.")
    async def set_translation(self, info: Info, input: SetTranslationInput) -> list[Translation]:
        type_name, key = decode_id(input.id)
        kind = commands.translatable(type_name)
        rows = await commands.set_translation(info.context, commands.SetTranslation(
            kind, key, input.locale, input.field, input.value))
        return translations_of(rows, kind.fields)
