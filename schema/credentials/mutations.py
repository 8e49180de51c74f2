"""The credentials domain's root mutations (a part of the root type: schema/root.py):
presentCredentials and withdrawRecognition (resolvers/credentials/commands.py)."""

from __future__ import annotations

import strawberry

from resolvers.credentials import commands
from schema.core.info import Info
from schema.core.policy import EVERYONE, policy
from schema.credentials.inputs import (
    PresentCredentialsInput,
    WithdrawRecognitionInput,
    client_key,
)
from schema.credentials.types import ImportedRecognition


@policy(reach=EVERYONE, open=("presentCredentials", "withdrawRecognition"))
@strawberry.type
class CredentialMutations:
    @strawberry.mutation(description="A volunteer presents credentials other member societies "
                                      "issued them to a society they belong to, consenting "
                                      "that its staff see them. Each is verified (signature, "
                                      "claims, revocation, that it is yours) or the call is "
                                      "refused; presenting one again changes nothing.")
    async def present_credentials(self, info: Info, input: PresentCredentialsInput
                                  ) -> list[ImportedRecognition]:
        ctx = info.context
        ids = await commands.present_credentials(
            ctx, tenant=input.tenant, tokens=list(input.credentials), consent=input.consent,
            key=client_key(input.client_mutation_id))
        rows = await ctx.loaders.recognition_by_id.load_many(ids)
        return [ImportedRecognition(row=r) for r in rows if r is not None]

    @strawberry.mutation(description="A volunteer takes back their consent: the society no "
                                      "longer sees what they presented to it (all of it, or "
                                      "the credentials named). Answers how many were withdrawn.")
    async def withdraw_recognition(self, info: Info, input: WithdrawRecognitionInput) -> int:
        return await commands.withdraw_recognition(
            info.context, tenant=input.tenant,
            credential_ids=list(input.credential_ids) if input.credential_ids is not None
            else None, key=client_key(input.client_mutation_id))
