"""Limits on a document, checked once per document while it is validated, before it runs:
depth, aliases, directives and cost (its tokens are limited while it is parsed, before:
schema/core/token_limit.py).

The depth of a selection set is the longest chain of nested fields that have selections of
their own (introspection fields, whose names begin with `__`, are not counted: the
introspection rules of graphql-core bound them). A fragment's depth is computed once per
document and reused at every spread, iteratively: a document whose fragments each spread the
next one twice costs linear time, not 2^k, and no document can exhaust the Python stack.

Aliases, directives and cost are counted over what execution would collect: as graphql-core's
`collect_fields`, a fragment spread twice in one selection set counts once there, and each
selection set is measured once per document (a fragment's fields once, whatever the spreads).
Aliases and directives are counted per operation, every field below included. The cost is an
estimate of the values an operation could return: each field costs 1, and below a field with
a `first` argument (a connection) everything is multiplied by its page size: the literal
value, the argument's default (20) when absent, the page cap when it is a variable (its value
is not known when a document is validated once for every request), never above the page cap.
They are measured only when the depth is within its limit, so the measure recurses at most
that deep.

Duplicate fields are the fields a collected selection set holds beyond the first of each
response name (`{ __typename __typename }` has one), counted per operation: graphql-core's
overlapping-fields check compares them pairwise (500 duplicates, 503 tokens, cost 200 ms of
validation), so this rule runs alone first (schema/core/document_cache.py) and the others
only on a document it accepts.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, ClassVar, Final, Protocol

from graphql import (
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    GraphQLInterfaceType,
    GraphQLNamedType,
    GraphQLObjectType,
    GraphQLResolveInfo,
    GraphQLSchema,
    InlineFragmentNode,
    IntValueNode,
    OperationDefinitionNode,
    SelectionNode,
    SelectionSetNode,
    ValidationContext,
    ValidationRule,
    get_named_type,
)
from graphql.language.visitor import SKIP

from hub.errors import (
    HubError,
    QueryTooComplex,
    QueryTooCostly,
    TooManyAliases,
    TooManyDirectives,
    TooManyDuplicateFields,
)
from hub.i18n import messages as msg
from hub.i18n.markers import Plural

SATURATED: Final = 10**15  # counts stop growing here: an estimate needs no 2^2000
DEFAULT_PAGE: Final = 20  # `first` when a connection field is given none and has no default


@dataclass(frozen=True, slots=True)
class DocumentLimits:
    """The limits of one schema. `None`: not checked (the depth always is)."""

    max_depth: int = 6
    max_aliases: int | None = 15
    max_directives: int | None = 50
    max_cost: int | None = 5_000
    max_duplicates: int | None = 50
    page_cap: int = 100  # the largest `first` a connection accepts (HUB_MAX_PAGE_SIZE)


def limits_rule(limits: DocumentLimits) -> type[DocumentLimitsRule]:
    """A rule class for one schema's limits, made once per schema: the validation cache keys
    on the rule classes, so a class made per request would never hit it."""
    return type("DocumentLimitsRule", (DocumentLimitsRule,), {"limits": limits})


def depth_limit_rule(max_depth: int) -> type[ValidationRule]:
    """A rule checking the depth only."""
    return limits_rule(DocumentLimits(max_depth=max_depth, max_aliases=None,
                                      max_directives=None, max_cost=None,
                                      max_duplicates=None))


# Depth.

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


# Aliases, directives and cost.

@dataclass(slots=True)
class Tally:
    """What one collection of a selection set holds, everything below included."""

    aliases: int = 0
    directives: int = 0
    cost: int = 0
    duplicates: int = 0

    def add(self, other: Tally, times: int = 1) -> None:
        self.aliases = min(self.aliases + other.aliases, SATURATED)
        self.directives = min(self.directives + other.directives, SATURATED)
        self.duplicates = min(self.duplicates + other.duplicates, SATURATED)
        self.cost = min(self.cost + other.cost * times, SATURATED)


class Fragments(Protocol):
    """Where a tally finds the schema and the document's fragments: the validation context,
    or (at execution) `ExecutionFragments`."""

    @property
    def schema(self) -> GraphQLSchema: ...

    def get_fragment(self, name: str) -> FragmentDefinitionNode | None: ...


@dataclass(frozen=True)
class ExecutionFragments:
    """The schema and fragments of a document being executed (from `GraphQLResolveInfo`)."""

    schema: GraphQLSchema
    fragments: dict[str, FragmentDefinitionNode]

    def get_fragment(self, name: str) -> FragmentDefinitionNode | None:
        return self.fragments.get(name)


def selection_cost(info: GraphQLResolveInfo[Any], page_cap: int) -> int:
    """The estimated cost of what the field being resolved selects below itself, counted as
    `DocumentLimitsRule` counts it (for a field whose real multiplier is known only now)."""
    tallies = SelectionTallies(ExecutionFragments(info.schema, info.fragments), page_cap)
    below = get_named_type(info.return_type)
    total = Tally()
    for node in info.field_nodes:
        if node.selection_set is not None:
            total.add(tallies.tally(node.selection_set, below))
    return total.cost


@dataclass
class SelectionTallies:
    """The tallies of the selection sets of one document, each computed once."""

    context: Fragments
    page_cap: int
    known: dict[int, Tally] = field(default_factory=dict)  # id(SelectionSetNode) -> tally
    open_sets: set[int] = field(default_factory=set)

    def collect(self, root: SelectionSetNode, parent: GraphQLNamedType | None
                ) -> tuple[list[tuple[FieldNode, GraphQLNamedType | None]], int]:
        """The fields one collection of `root` gathers, through inline fragments and spreads
        (each fragment once, as graphql-core collects them), and the directives on those
        fragments and spreads."""
        fields: list[tuple[FieldNode, GraphQLNamedType | None]] = []
        directives = 0
        seen: set[str] = set()
        stack: list[tuple[SelectionSetNode, GraphQLNamedType | None]] = [(root, parent)]
        schema = self.context.schema
        while stack:
            node, node_type = stack.pop()
            for selection in node.selections:
                if isinstance(selection, FieldNode):
                    fields.append((selection, node_type))
                    continue
                directives += len(selection.directives or ())
                if isinstance(selection, InlineFragmentNode):
                    condition = selection.type_condition
                    stack.append((selection.selection_set, schema.get_type(
                        condition.name.value) if condition else node_type))
                elif isinstance(selection, FragmentSpreadNode):
                    name = selection.name.value
                    fragment = self.context.get_fragment(name)
                    if fragment is None or name in seen:
                        continue
                    seen.add(name)
                    directives += len(fragment.directives or ())
                    stack.append((fragment.selection_set,
                                  schema.get_type(fragment.type_condition.name.value)))
        return fields, directives

    def tally(self, root: SelectionSetNode, parent: GraphQLNamedType | None) -> Tally:
        """The tally of `root`. Recursion follows fields only, and runs only on documents
        within the depth limit; a set met again while it is measured (a fragment cycle,
        refused by NoFragmentCyclesRule) counts as nothing there."""
        key = id(root)
        if key in self.known:
            return self.known[key]
        if key in self.open_sets:
            return Tally()
        self.open_sets.add(key)
        fields, directives = self.collect(root, parent)
        names = {(node.alias or node.name).value for node, _ in fields}
        total = Tally(directives=directives, duplicates=len(fields) - len(names))
        for node, node_type in fields:
            total.add(self.field_tally(node, node_type))
        self.open_sets.discard(key)
        self.known[key] = total
        return total

    def field_tally(self, node: FieldNode, parent: GraphQLNamedType | None) -> Tally:
        own = Tally(aliases=1 if node.alias else 0, directives=len(node.directives or ()),
                    cost=1)
        if node.selection_set is None:
            return own
        definition = None
        if isinstance(parent, GraphQLObjectType | GraphQLInterfaceType):
            definition = parent.fields.get(node.name.value)
        below = get_named_type(definition.type) if definition else None
        times = 1
        if definition is not None and "first" in definition.args:
            times = self.page_size(node, definition.args["first"].default_value)
        own.add(self.tally(node.selection_set, below), times)
        return own

    def page_size(self, node: FieldNode, default: Any) -> int:
        """The multiplier of a connection field: its `first` as far as a document tells."""
        for argument in node.arguments or ():
            if argument.name.value == "first":
                if isinstance(argument.value, IntValueNode):
                    return max(0, min(int(argument.value.value), self.page_cap))
                return self.page_cap  # a variable: any value up to the cap
        size = default if isinstance(default, int) and not isinstance(default, bool) \
            else DEFAULT_PAGE
        return max(0, min(size, self.page_cap))


class DocumentLimitsRule(ValidationRule):
    """Refuses an operation over one of its schema's limits, each with its own code: depth
    (QUERY_TOO_COMPLEX), aliases (TOO_MANY_ALIASES), directives (TOO_MANY_DIRECTIVES),
    cost (QUERY_TOO_COSTLY) and duplicate fields (TOO_MANY_DUPLICATE_FIELDS)."""

    limits: ClassVar[DocumentLimits] = DocumentLimits()

    def __init__(self, context: ValidationContext) -> None:
        super().__init__(context)
        self.depths = SelectionDepths(context)
        self.tallies = SelectionTallies(context, self.limits.page_cap)

    def enter_operation_definition(self, node: OperationDefinitionNode, *_args: Any) -> Any:
        limits = self.limits
        name = node.name.value if node.name else "anonymous"
        depth = self.depths.depth(node.selection_set)
        if depth > limits.max_depth:
            culprit = self.depths.too_deep(node.selection_set, limits.max_depth)
            detail = (f"'{name}' is {depth} levels deep and exceeds the maximum operation "
                      f"depth of {limits.max_depth}")
            self.refuse(culprit or node, QueryTooComplex, msg.QUERY_TOO_DEEP, detail,
                        limits.max_depth)
            return SKIP
        if limits.max_aliases is None and limits.max_directives is None \
                and limits.max_cost is None and limits.max_duplicates is None:
            return SKIP
        tally = self.tallies.tally(node.selection_set,
                                   self.context.schema.get_root_type(node.operation))
        directives = tally.directives + len(node.directives or ())
        checks: tuple[tuple[int, int | None, type[HubError], Plural, str], ...] = (
            (tally.aliases, limits.max_aliases, TooManyAliases, msg.QUERY_TOO_MANY_ALIASES,
             "{} aliases"),
            (directives, limits.max_directives, TooManyDirectives,
             msg.QUERY_TOO_MANY_DIRECTIVES, "{} directives"),
            (tally.cost, limits.max_cost, QueryTooCostly, msg.QUERY_TOO_COSTLY,
             "an estimated cost of {}"),
            (tally.duplicates, limits.max_duplicates, TooManyDuplicateFields,
             msg.QUERY_TOO_MANY_DUPLICATES, "{} duplicate fields"),
        )
        for found, limit, error, msgid, what in checks:
            if limit is not None and found > limit:
                shown = f"over {SATURATED}" if found >= SATURATED else str(found)
                detail = (f"'{name}' has {what.format(shown)} and exceeds the maximum of "
                          f"{limit}")
                self.refuse(node, error, msgid, detail, limit)
        return SKIP

    def refuse(self, node: Any, error: type[HubError], msgid: Plural, detail: str,
               limit: int) -> None:
        self.report_error(GraphQLError(
            detail, node, original_error=error(msgid, detail=detail, count=limit)))
