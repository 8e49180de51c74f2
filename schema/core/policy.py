"""Which principal may reach an object, and which of its fields are open once reached.

Every GraphQL object type declares a `TypePolicy` with `@policy(...)`: its reach (a row of
the matrix in docs/security.md) and its open fields. Every other field must carry exactly
one `Policy` permission class (schema/permissions.py). A field declared nowhere fails a
test, so nothing new reaches callers without a decision.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from schema.core.permissions import COLUMNS, STAFF_OF_T, matrix

T = TypeVar("T")

EVERYONE = matrix(set(COLUMNS))
INHERITED = dict.fromkeys(COLUMNS, "inherited")  # value objects: as the field that holds them
VOLUNTEER_REACH = matrix({"self", *STAFF_OF_T}, other_staff="if shared")
PERSONAL_RECORD_REACH = matrix({"self", *STAFF_OF_T})


@dataclass(frozen=True, slots=True)
class TypePolicy:
    reach: dict[str, str]
    open: tuple[str, ...]
    note: str = ""


def policy(*, reach: dict[str, str], open: tuple[str, ...], note: str = ""
           ) -> Callable[[type[T]], type[T]]:
    def declare(cls: type[T]) -> type[T]:
        cls.__tatawwu_policy__ = TypePolicy(reach, open, note)  # type: ignore[attr-defined]
        return cls

    return declare


def composed(*, note: str) -> Callable[[type[T]], type[T]]:
    """The policy of a root type composed of domain parts (`class Query(TenantQueries, ...)`):
    every part declares its own fields; the root's reach is theirs (they must agree) and its
    open fields are all of theirs."""
    def declare(cls: type[T]) -> type[T]:
        parts = [found for base in cls.__mro__[1:]
                 if (found := base.__dict__.get("__tatawwu_policy__")) is not None]
        if not parts or any(p.reach != parts[0].reach for p in parts):
            raise TypeError(f"{cls.__name__}: its parts must declare one and the same reach")
        opened = tuple(field for p in parts for field in p.open)
        cls.__tatawwu_policy__ = TypePolicy(parts[0].reach, opened, note)  # type: ignore[attr-defined]
        return cls

    return declare


def policy_of(cls: Any) -> TypePolicy | None:
    found: TypePolicy | None = getattr(cls, "__tatawwu_policy__", None)
    return found
