"""No text with U+0000 reaches a resolver: PostgreSQL cannot store it ("invalid byte
sequence") and nothing a person writes holds it. A string literal in a document is refused
while the document is validated (with the limits, before graphql-core's rules); a string in
`variables` before the document runs (hub/entry/graphql.py). Either is BAD_USER_INPUT
naming where it was found."""

from __future__ import annotations

from typing import Any

from graphql import ArgumentNode, GraphQLError, StringValueNode, ValidationRule

from hub.errors import BadUserInput
from hub.i18n import messages as msg

NUL = "\x00"


class NulCharacterRule(ValidationRule):
    """A string literal holding U+0000, refused with the argument it is given to."""

    argument: str | None = None

    def enter_argument(self, node: ArgumentNode, *_args: Any) -> None:
        self.argument = node.name.value

    def leave_argument(self, node: ArgumentNode, *_args: Any) -> None:
        self.argument = None

    def enter_string_value(self, node: StringValueNode, *_args: Any) -> None:
        if NUL in node.value:
            detail = "a string holds the character U+0000"
            self.report_error(GraphQLError(detail, node, original_error=BadUserInput(
                msg.NUL_CHARACTER, argument=self.argument, detail=detail)))


def nul_path(value: object, path: str = "variables") -> str | None:
    """The path of the first string holding U+0000 in a JSON value (keys included), or
    None; iterative, so any nesting the JSON limits allow is fine."""
    stack: list[tuple[object, str]] = [(value, path)]
    while stack:
        item, at = stack.pop()
        if isinstance(item, str):
            if NUL in item:
                return at
        elif isinstance(item, dict):
            for key, child in item.items():
                if NUL in key:
                    return at
                stack.append((child, f"{at}.{key}"))
        elif isinstance(item, list):
            stack.extend((child, f"{at}.{i}") for i, child in enumerate(item))
    return None
