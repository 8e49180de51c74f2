"""The credentials domain's root mutations (a part of the root type: schema/root.py)."""

from __future__ import annotations


class CredentialMutations:
    """Fields added by the credentials work."""
