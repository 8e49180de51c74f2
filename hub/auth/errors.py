"""The one error of authentication: the caller's credentials were refused."""

from __future__ import annotations

from hub.errors import ErrorCode, HubError


class Unauthenticated(HubError):
    """A token or key was refused. The message is short and never contains the credential."""

    code = ErrorCode.UNAUTHENTICATED
