"""Limits on a document's shape, checked once per document while it is validated.

The depth of a selection set is the longest chain of nested fields that have selections of
their own (introspection fields, whose names begin with `__`, are not counted: the
introspection rules of graphql-core bound them). A fragment's depth is computed once per
document and reused at every spread, iteratively: a document whose fragments each spread the
next one twice costs linear time, not 2^k, and no document can exhaust the Python stack.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, ClassVar

from graphql import (
    FieldNode,
    FragmentSpreadNode,
    GraphQLError,
    InlineFragmentNode,
    OperationDefinitionNode,
    SelectionNode,
    SelectionSetNode,
    ValidationContext,
    ValidationRule,
)
from graphql.language.visitor import SKIP

from hub.errors import QueryTooComplex
from hub.i18n import messages as msg


def depth_limit_rule(max_depth: int) -> type[ValidationRule]:
    """A rule class for one limit, made once per schema: the validation cache keys on the rule
    classes, so a class made per request would never hit it."""
    return type("DepthLimitRule", (DepthLimitRule,), {"max_depth": max_depth})


@dataclass(slots=True)
class _Frame:
    """A selection set being measured: the next selection to look at and the depth so far."""

    node: SelectionSetNode
    weight: int  # what entering this set adds to its parent's depth: 1 under a field
    index: int = 0
    depth: int = 0


@dataclass
class SelectionDepths:
    """The depths of the selection sets of one document, each computed once."""

    context: ValidationContext
    known: dict[int, int] = field(default_factory=dict)  # id(SelectionSetNode) -> depth

    def edge(self, selection: SelectionNode) -> tuple[SelectionSetNode | None, int]:
        """The selection set below `selection` and what it adds to the depth."""
        if isinstance(selection, FieldNode):
            if selection.selection_set is None or selection.name.value.startswith("__"):
                return None, 0
            return selection.selection_set, 1
        if isinstance(selection, InlineFragmentNode):
            return selection.selection_set, 0
        if isinstance(selection, FragmentSpreadNode):
            fragment = self.context.get_fragment(selection.name.value)
            return (fragment.selection_set, 0) if fragment is not None else (None, 0)
        return None, 0

    def depth(self, root: SelectionSetNode) -> int:
        """The depth of `root`, by an explicit stack. A set met again while it is still being
        measured (a fragment cycle, refused by NoFragmentCyclesRule) counts as 0 there."""
        stack = [_Frame(root, 0)]
        open_sets = {id(root)}
        while stack:
            frame = stack[-1]
            if frame.index == len(frame.node.selections):
                stack.pop()
                open_sets.discard(id(frame.node))
                self.known[id(frame.node)] = frame.depth
                if stack:
                    stack[-1].depth = max(stack[-1].depth, frame.depth + frame.weight)
                continue
            below, weight = self.edge(frame.node.selections[frame.index])
            frame.index += 1
            if below is None or id(below) in open_sets:
                continue
            if id(below) in self.known:
                frame.depth = max(frame.depth, self.known[id(below)] + weight)
                continue
            stack.append(_Frame(below, weight))
            open_sets.add(id(below))
        return self.known[id(root)]

    def too_deep(self, root: SelectionSetNode, limit: int) -> FieldNode | None:
        """The first field one level deeper than `limit` on a deepest path, if there is one:
        a walk down the measured sets, each set visited at most once."""
        node, level, seen = root, 0, {id(root)}
        while True:
            remaining = self.known.get(id(node), 0)
            for selection in node.selections:
                below, weight = self.edge(selection)
                if below is None or id(below) in seen \
                        or self.known.get(id(below), -1) + weight != remaining:
                    continue
                level += weight
                if level > limit and isinstance(selection, FieldNode):
                    return selection
                node = below
                seen.add(id(below))
                break
            else:
                return None


class DepthLimitRule(ValidationRule):
    """Refuses an operation whose fields nest deeper than `max_depth` (QUERY_TOO_COMPLEX)."""

    max_depth: ClassVar[int] = 12

    def __init__(self, context: ValidationContext) -> None:
        super().__init__(context)
        self.depths = SelectionDepths(context)

    def enter_operation_definition(self, node: OperationDefinitionNode, *_args: Any) -> Any:
        depth = self.depths.depth(node.selection_set)
        if depth > self.max_depth:
            name = node.name.value if node.name else "anonymous"
            culprit = self.depths.too_deep(node.selection_set, self.max_depth)
            detail = (f"'{name}' is {depth} levels deep and exceeds the maximum operation "
                      f"depth of {self.max_depth}")
            self.report_error(GraphQLError(
                detail, culprit or node,
                original_error=QueryTooComplex(msg.QUERY_TOO_DEEP, detail=detail,
                                               count=self.max_depth),
            ))
        return SKIP
