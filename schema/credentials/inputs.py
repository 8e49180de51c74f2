"""The inputs of presenting credentials to a society and withdrawing them."""

from __future__ import annotations

import strawberry

from resolvers.core.idempotency import checked_key

RETRY = ("The client's idempotency key: sent again with the same input, the change happens "
         "once and the same answer returns (also the `Idempotency-Key` header).")


def client_key(client_mutation_id: str | None) -> str | None:
    return checked_key(client_mutation_id, "input.clientMutationId")


@strawberry.input
class PresentCredentialsInput:
    tenant: str = strawberry.field(description="The society you present them to (its slug): "
                                               "you must be a member of it.")
    credentials: list[str] = strawberry.field(
        description="Open Badges 3.0 credentials (VC-JWTs) issued to you by other member "
                    "societies: 1 to 20.")
    consent: bool = strawberry.field(
        description="You agree that this society's staff see these credentials on your "
                    "profile: must be true.")
    client_mutation_id: str | None = strawberry.field(default=None, description=RETRY)


@strawberry.input
class WithdrawRecognitionInput:
    tenant: str = strawberry.field(description="The society you presented them to.")
    credential_ids: list[str] | None = strawberry.field(
        default=None, description="The credentials' ids (URLs) to withdraw; left out, all.")
    client_mutation_id: str | None = strawberry.field(default=None, description=RETRY)
