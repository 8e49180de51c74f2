"""A guarded field in a compiled run: the field's permission checks, called before its
resolver for each parent, as strawberry's `PermissionExtension` calls them.

The checks are the same objects the standard path calls (the field's permission classes),
with the same arguments: the parent, the `info` of the field (the light one, whose
`context` is the request's) and the keyword arguments strawberry gives the resolver (its
converted arguments and its `root`/`parent` parameters; not `info`). They run in the same
place: synchronously before the resolver when strawberry's chain is synchronous, else
in a coroutine that awaits each check and then the resolver's value (an `async def`
resolver's) or returns it (a plain `def`'s), as `resolve_async` does. So a check that
loads through a DataLoader batches with its siblings, and the audit events a check records
(a staff read of personal data) are recorded by the same calls, in the same order.

A check that does not allow the field (False, anything but a bool, an awaitable in the
synchronous chain) is not reproduced: `Denied` is raised, the run is discarded with what it
added to the audit trail, and the standard executor answers the request with its own null
and `FORBIDDEN` error (or, for `fail_silently`, its null without one). A check that raises
stops the run the same way.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import Any

from strawberry.execution import optimized_is_awaitable

from schema.compiled.support import NOW, Call

is_awaitable = optimized_is_awaitable
STRAWBERRY_INFO = "info"  # the one name strawberry takes out of the resolver's kwargs


class Denied(Exception):
    """A permission check did not allow a guarded field for one parent."""


def guarded(where: str, call: Call, resolve: Callable[[Any], Any], info: Any,
            arguments: dict[str, Any]) -> Callable[[Any], Any]:
    """`source -> value`: the field's checks for the source, then `resolve(source)`."""
    guard = call.guard
    assert guard is not None
    permissions = guard.permissions
    fixed = dict(arguments)
    if call.info_name is not None and call.info_name != STRAWBERRY_INFO:
        fixed[call.info_name] = info  # strawberry leaves an `info` of another name in them
    names = call.source_names

    def keywords(source: Any) -> dict[str, Any]:
        return {**fixed, **dict.fromkeys(names, source)} if names else fixed

    if not guard.is_async:
        def check_then_resolve(source: Any) -> Any:
            given = keywords(source)
            for permission in permissions:
                allowed = permission.has_permission(source, info, **given)
                if allowed is not True:
                    if inspect.iscoroutine(allowed):
                        allowed.close()
                    raise Denied(_denial(where, permission, allowed))
            return resolve(source)

        return check_then_resolve

    awaits_value = call.is_async

    async def check_then_resolve_async(source: Any, start: int = 0, first: Any = None) -> Any:
        given = keywords(source)
        for index in range(start, len(permissions)):
            permission = permissions[index]
            allowed: Any = (first if index == start and first is not None
                            else permission.has_permission(source, info, **given))
            if is_awaitable(allowed):
                allowed = await allowed
            if allowed is not True:
                if inspect.iscoroutine(allowed):
                    allowed.close()
                raise Denied(_denial(where, permission, allowed))
        value = resolve(source)
        if awaits_value:
            value = await value
        return value

    if not guard.checks_now:
        return check_then_resolve_async
    nows = tuple(getattr(permission, NOW, None) for permission in permissions)

    def check_now_then_resolve(source: Any) -> Any:
        """The same checks, answered at once where they can be (`has_permission_now`): a
        parent whose checks all answer costs no coroutine; the first that cannot (its
        rows not loaded yet) continues as `check_then_resolve_async` from that check."""
        given = keywords(source)
        for index, permission in enumerate(permissions):
            now = nows[index]
            allowed: Any = (now(source, info, **given) if now is not None
                            else permission.has_permission(source, info, **given))
            if allowed is None and now is not None:
                return check_then_resolve_async(source, index)
            if is_awaitable(allowed):
                return check_then_resolve_async(source, index, allowed)
            if allowed is not True:
                raise Denied(_denial(where, permission, allowed))
        return resolve(source)  # an awaitable for an `async def` resolver: the run awaits it

    return check_now_then_resolve


def _denial(where: str, permission: Any, allowed: object) -> str:
    said = "denied" if allowed is False else f"answered {type(allowed).__name__}"
    return f"{type(permission).__name__} {said} {where}"
