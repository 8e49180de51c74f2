"""Inputs of the taxonomy writes: a term's code, its labels per language, its position."""

from __future__ import annotations

import strawberry

RETRY = ("The client's idempotency key: sent again with the same input, the change happens "
         "once and the same answer returns (also the `Idempotency-Key` header).")
CODE = ("2 to 48 characters: lowercase letters, digits, - and _, starting with a letter. "
        "Codes never change; a new one is a new term.")


@strawberry.input(description="A label in one language; an empty value removes that "
                              "language's label.")
class TaxonomyLabelInput:
    locale: str = strawberry.field(description="A language tag, e.g. ar, fr or en-GB.")
    value: str = strawberry.field(description="At most 100 characters, trimmed.")


@strawberry.input(description="Creates the category, or updates it: the labels given "
                              "replace those languages' labels, the others are kept.")
class SetCategoryInput:
    code: str = strawberry.field(description=CODE)
    labels: list[TaxonomyLabelInput] = strawberry.field(
        description="At most 50; at least one label must remain.")
    position: int | None = strawberry.field(
        default=None, description="0 to 100000; a new category without one goes last.")
    client_mutation_id: str | None = strawberry.field(default=None, description=RETRY)


@strawberry.input(description="Creates the skill, or updates it: the labels given replace "
                              "those languages' labels, the others are kept.")
class SetSkillInput:
    code: str = strawberry.field(description=CODE)
    labels: list[TaxonomyLabelInput] = strawberry.field(
        description="At most 50; at least one label must remain.")
    position: int | None = strawberry.field(
        default=None, description="0 to 100000; a new skill without one goes last.")
    client_mutation_id: str | None = strawberry.field(default=None, description=RETRY)


def pairs(labels: list[TaxonomyLabelInput]) -> tuple[tuple[str, str], ...]:
    return tuple((label.locale, label.value) for label in labels)
