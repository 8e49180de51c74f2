"""The one error of authentication: the caller's credentials were refused."""

from __future__ import annotations

from typing import Any

from hub.errors import ErrorCode, HubError


class Unauthenticated(HubError):
    """A token or key was refused. The caller reads one localized message; the reason, in
    English and never containing the credential, goes to `extensions.detail`."""

    code = ErrorCode.UNAUTHENTICATED

    def __init__(self, reason: str, **params: Any) -> None:
        from hub.i18n.messages import CREDENTIALS_REFUSED

        super().__init__(CREDENTIALS_REFUSED, detail=reason, **params)

    def __str__(self) -> str:  # logs and tracebacks say why
        return f"{self.message} ({self.detail})"
