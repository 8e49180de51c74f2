"""Admins of the federation manage the shared taxonomy without a release: categories and
skills created, relabelled per language, retired and restored. The writes are
`resolvers.taxonomy.commands`; each is one transaction, audited, safe to retry with a client
key (`clientMutationId` or the `Idempotency-Key` header). Anyone else is FORBIDDEN."""

from __future__ import annotations

from typing import Annotated, Any

import strawberry

from hub.errors import NotFound
from resolvers.core.idempotency import checked_key
from resolvers.core.writes import Write, perform
from resolvers.taxonomy.commands import (
    RestoreCategory,
    RestoreSkill,
    RetireCategory,
    RetireSkill,
    SetCategory,
    SetSkill,
)
from resolvers.taxonomy.kinds import CATEGORIES, SKILLS, Taxonomy
from schema.core.info import Info
from schema.core.policy import EVERYONE, policy
from schema.taxonomy.inputs import RETRY, SetCategoryInput, SetSkillInput, pairs
from schema.taxonomy.types import Category, Skill

ClientMutationId = Annotated[str | None, strawberry.argument(description=RETRY)]


async def _row(info: Info, kind: Taxonomy, write: Write[Any, str], key: str | None) -> Any:
    """Perform the write; the term's row as it is now (its loader forgot the old one)."""
    code = await perform(info.context, write, key=key)
    row = await kind.by_code(info.context.loaders).load(code)
    if row is None:  # pragma: no cover - the caller's own change
        raise NotFound(kind.not_found, argument="code", code=code)
    return row


def _key(client_mutation_id: str | None, argument: str) -> str | None:
    return checked_key(client_mutation_id, argument)


@policy(reach=EVERYONE, open=("setCategory", "retireCategory", "restoreCategory", "setSkill",
                              "retireSkill", "restoreSkill"))
@strawberry.type
class TaxonomyMutations:
    @strawberry.mutation(description="Admins of the federation: create a category or change "
                                      "its labels (per language, merged) and position.")
    async def set_category(self, info: Info, input: SetCategoryInput) -> Category:
        write = SetCategory(input.code, pairs(input.labels), input.position)
        row = await _row(info, CATEGORIES, write,
                         _key(input.client_mutation_id, "input.clientMutationId"))
        return Category(code=row.code, row=row)

    @strawberry.mutation(description="Admins of the federation: retire a category. Records "
                                      "that have it keep it and filters accept it; no new "
                                      "record may take it.")
    async def retire_category(self, info: Info, code: str,
                              client_mutation_id: ClientMutationId = None) -> Category:
        row = await _row(info, CATEGORIES, RetireCategory(code),
                         _key(client_mutation_id, "clientMutationId"))
        return Category(code=row.code, row=row)

    @strawberry.mutation(description="Admins of the federation: offer a retired category "
                                      "again.")
    async def restore_category(self, info: Info, code: str,
                               client_mutation_id: ClientMutationId = None) -> Category:
        row = await _row(info, CATEGORIES, RestoreCategory(code),
                         _key(client_mutation_id, "clientMutationId"))
        return Category(code=row.code, row=row)

    @strawberry.mutation(description="Admins of the federation: create a skill or change its "
                                      "labels (per language, merged) and position.")
    async def set_skill(self, info: Info, input: SetSkillInput) -> Skill:
        write = SetSkill(input.code, pairs(input.labels), input.position)
        row = await _row(info, SKILLS, write,
                         _key(input.client_mutation_id, "input.clientMutationId"))
        return Skill(code=row.code, row=row)

    @strawberry.mutation(description="Admins of the federation: retire a skill. Records and "
                                      "volunteers that have it keep it; no new one may take "
                                      "it.")
    async def retire_skill(self, info: Info, code: str,
                           client_mutation_id: ClientMutationId = None) -> Skill:
        row = await _row(info, SKILLS, RetireSkill(code),
                         _key(client_mutation_id, "clientMutationId"))
        return Skill(code=row.code, row=row)

    @strawberry.mutation(description="Admins of the federation: offer a retired skill again.")
    async def restore_skill(self, info: Info, code: str,
                            client_mutation_id: ClientMutationId = None) -> Skill:
        row = await _row(info, SKILLS, RestoreSkill(code),
                         _key(client_mutation_id, "clientMutationId"))
        return Skill(code=row.code, row=row)
