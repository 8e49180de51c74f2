"""Running a plan: the selection sets level by level over lists of parents.

For each field of a selection set, the field's resolver is called for every parent of the
level (the same function the standard path calls, with the same arguments, after the
field's permission checks when it has any: schema/compiled/guards.py); values that
are ready complete at once and descend into their selection set with all their siblings;
awaitables wait together: every awaitable made before the next wait is gathered in one go,
so the request's DataLoaders batch as they do under the standard executor (or better:
never worse). Leaves are completed with the type's own `coerce_output_value`.

Anything unexpected (a resolver's error, a permission check that does not allow a field,
a null in a non-null position, an invalid leaf, an object of the wrong type) raises: the
caller discards the run and the standard executor answers the request, with its exact
errors.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from functools import partial
from operator import attrgetter
from typing import Any

from graphql import GraphQLError
from graphql.execution.values import get_argument_values
from graphql.pyutils import Undefined, is_iterable
from strawberry.execution import optimized_is_awaitable
from strawberry.types.arguments import convert_arguments

from schema.compiled.guards import guarded
from schema.compiled.info import LightInfo
from schema.compiled.plan import FieldPlan, ObjectPlan, Shape
from schema.compiled.support import Call

is_awaitable = optimized_is_awaitable
NO_INFO: Any = None  # strawberry's is_type_of does not read its info


class Mismatch(Exception):
    """The compiled path met a value the standard executor would answer with an error."""


class Run:
    """One request's run of a plan (what graphql-core's executor holds for it)."""

    __slots__ = ("context", "executor", "pending", "root_value", "variables")

    def __init__(self, executor: Any) -> None:
        self.executor = executor
        self.context = executor.context_value
        self.root_value = executor.root_value
        self.variables: dict[str, Any] = executor.variable_values.coerced
        # (field, outputs, values, indices of the awaitables) waiting for the next gather
        self.pending: list[tuple[FieldPlan, list[dict[str, Any]], list[Any], list[int]]] = []

    def info(self, plan: FieldPlan) -> LightInfo:
        executor = self.executor
        assert plan.call is not None
        return LightInfo(
            context=self.context, field_name=plan.name, field_nodes=plan.nodes,
            fragments=executor.fragment_definitions, operation=executor.operation,
            parent_type=plan.parent, python_name=plan.call.field.python_name,
            return_type=plan.call.field.type, root_value=self.root_value,
            schema=executor.schema._strawberry_schema, variable_values=self.variables)

    def arguments(self, plan: FieldPlan, info: LightInfo | None) -> dict[str, Any]:
        """The resolver's keyword arguments, converted as strawberry converts them."""
        assert plan.call is not None
        assert plan.graphql_field is not None
        raw = plan.literal_arguments
        if raw is None:
            executor = self.executor
            raw = get_argument_values(plan.graphql_field, plan.nodes[0],
                                      executor.variable_values, None,
                                      executor.hide_suggestions)
        strawberry_schema = self.executor.schema._strawberry_schema
        converted: dict[str, Any] = convert_arguments(
            dict(raw), plan.call.field.arguments,
            scalar_registry=strawberry_schema.schema_converter.scalar_registry,
            config=strawberry_schema.config, info=info)  # type: ignore[arg-type]
        return converted

    def resolver(self, plan: FieldPlan) -> Callable[[Any], Any]:
        """`source -> value` for one field in this request."""
        call = plan.call
        if call is None:  # __typename
            name = plan.parent.name
            return lambda source: name
        if call.basic:
            if call.function is getattr:
                return attrgetter(call.field.python_name)
            read, python_name = call.function, call.field.python_name
            return lambda source: read(source, python_name)
        info = (self.info(plan) if call.info_name or call.takes_arguments or call.guard
                else None)
        arguments = self.arguments(plan, info) if call.takes_arguments else {}
        resolve = _bound(call, arguments, info)
        if call.guard is None:
            return resolve
        return guarded(f"{plan.parent.name}.{plan.name}", call, resolve, info, arguments)


def _bound(call: Call, arguments: dict[str, Any], info: LightInfo | None
           ) -> Callable[[Any], Any]:
    """`source -> value`: the resolver function called as strawberry calls it."""
    function = call.function
    kwargs = dict(arguments)
    if call.info_name:
        kwargs[call.info_name] = info
    if call.source_names:
        names = call.source_names
        if call.takes_self:
            return lambda source: function(source, **kwargs, **dict.fromkeys(names, source))
        return lambda source: function(**kwargs, **dict.fromkeys(names, source))
    if call.takes_self:
        return partial(function, **kwargs) if kwargs else function
    return lambda source: function(**kwargs)


async def execute(plan: ObjectPlan, executor: Any) -> dict[str, Any]:
    """The data of one request, or an exception (then the standard executor answers)."""
    run = Run(executor)
    data: dict[str, Any] = dict.fromkeys(plan.keys)
    try:
        select(run, plan, [run.root_value], [data])
        while run.pending:
            waiting, run.pending = run.pending, []
            awaitables = [values[i] for _, _, values, indices in waiting for i in indices]
            results = await asyncio.gather(*awaitables, return_exceptions=True)
            at = 0
            for _, _, values, indices in waiting:
                for i in indices:
                    value = results[at]
                    at += 1
                    if isinstance(value, BaseException):
                        raise value
                    values[i] = value
            for field_plan, outputs, values, indices in waiting:
                fill(run, field_plan, outputs, values, indices)
    except BaseException:
        await settle(run)
        raise
    return data


async def settle(run: Run) -> None:
    """Let what a failed run started finish (nothing left unawaited, no loader's future
    cancelled under the standard executor that answers next)."""
    while run.pending:
        waiting, run.pending = run.pending, []
        awaitables = [values[i] for _, _, values, indices in waiting for i in indices]
        await asyncio.gather(*awaitables, return_exceptions=True)


def select(run: Run, plan: ObjectPlan, parents: list[Any],
           outputs: list[dict[str, Any]]) -> None:
    """Resolve a selection set for a level of parents (their outputs are made already)."""
    for field_plan in plan.fields:
        resolve = run.resolver(field_plan)
        values: list[Any] = []
        try:
            for parent in parents:
                values.append(resolve(parent))
        except BaseException:
            waiting = [i for i, v in enumerate(values) if is_awaitable(v)]
            if waiting:
                run.pending.append((field_plan, outputs, values, waiting))
            raise
        call = field_plan.call
        if call is None or call.basic:  # __typename, or an attribute read: never awaitable
            fill(run, field_plan, outputs, values, None)
            continue
        if call.awaits:
            run.pending.append((field_plan, outputs, values, list(range(len(values)))))
            continue
        waiting = [i for i, v in enumerate(values) if is_awaitable(v)]
        if waiting:
            run.pending.append((field_plan, outputs, values, waiting))
            waits = set(waiting)
            ready = [i for i in range(len(values)) if i not in waits]
            fill(run, field_plan, outputs, values, ready)
        else:
            fill(run, field_plan, outputs, values, None)


def fill(run: Run, plan: FieldPlan, outputs: list[dict[str, Any]], values: list[Any],
         indices: list[int] | None) -> None:
    """Complete the values of `indices` (all when None) into their parents' outputs."""
    key, shape = plan.key, plan.shape
    places = range(len(values)) if indices is None else indices
    if shape.complete is not None:
        complete = shape.complete
        for i in places:
            outputs[i][key] = complete(values[i])
        return
    place = shape.place
    parents: list[Any] = []
    children: list[dict[str, Any]] = []
    for i in places:
        outputs[i][key] = place(values[i], parents, children)
    if parents:
        below = _object_plan(shape)
        select(run, below, parents, children)


def _object_plan(shape: Shape) -> ObjectPlan:
    while shape.item is not None:
        shape = shape.item
    assert shape.object is not None
    return shape.object


def prepare(plan: ObjectPlan) -> ObjectPlan:
    """Give every shape of the plan its completion function (once, when it is made)."""
    for field_plan in plan.fields:
        _prepare(field_plan, field_plan.shape)
    return plan


def _prepare(field_plan: FieldPlan, shape: Shape) -> None:
    where = f"{field_plan.parent.name}.{field_plan.name}"
    if shape.has_objects:
        shape.place = _placer(where, shape)
        prepare(_object_plan(shape))
    else:
        shape.complete = _completer(where, shape)


def _completer(where: str, shape: Shape) -> Callable[[Any], Any]:
    """value -> output, for a leaf or a list of leaves, as graphql-core completes it."""
    non_null = shape.non_null
    if shape.item is not None:
        inner = _completer(where, shape.item)

        def complete_list(value: Any) -> Any:
            if isinstance(value, Exception):
                raise value
            if value is None or value is Undefined:
                if non_null:
                    raise Mismatch(f"null for the non-null {where}")
                return None
            if not is_iterable(value):
                raise GraphQLError(f"{where}: expected an iterable")
            return [inner(item) for item in value]

        return complete_list
    assert shape.leaf is not None
    coerce = shape.leaf.coerce_output_value

    def complete_leaf(value: Any) -> Any:
        if value is None or value is Undefined:
            if non_null:
                raise Mismatch(f"null for the non-null {where}")
            return None
        if isinstance(value, Exception):
            raise value
        coerced = coerce(value)
        if coerced is None or coerced is Undefined:
            raise Mismatch(f"{where}: no output value for {value!r}")
        return coerced

    return complete_leaf


Placer = Callable[[Any, list[Any], list[dict[str, Any]]], Any]


def _placer(where: str, shape: Shape) -> Placer:
    """(value, parents, outputs) -> output: an object's output made (its fields filled
    later, with its level) or a list of them."""
    non_null = shape.non_null
    if shape.item is not None:
        inner = _placer(where, shape.item)

        def place_list(value: Any, parents: list[Any], outputs: list[dict[str, Any]]) -> Any:
            if isinstance(value, Exception):
                raise value
            if value is None or value is Undefined:
                if non_null:
                    raise Mismatch(f"null for the non-null {where}")
                return None
            if not is_iterable(value):
                raise GraphQLError(f"{where}: expected an iterable")
            return [inner(item, parents, outputs) for item in value]

        return place_list
    assert shape.object is not None
    object_type = shape.object.type
    is_type_of = object_type.is_type_of
    keys = shape.object.keys

    def place_object(value: Any, parents: list[Any], outputs: list[dict[str, Any]]) -> Any:
        if isinstance(value, Exception):
            raise value
        if value is None or value is Undefined:
            if non_null:
                raise Mismatch(f"null for the non-null {where}")
            return None
        if is_type_of is not None:
            matches = is_type_of(value, NO_INFO)
            if is_awaitable(matches):
                getattr(matches, "close", lambda: None)()
                raise Mismatch(f"{where}: an asynchronous is_type_of")
            if not matches:
                raise Mismatch(f"{where}: not a {object_type.name}")
        output: dict[str, Any] = dict.fromkeys(keys)
        parents.append(value)
        outputs.append(output)
        return output

    return place_object
