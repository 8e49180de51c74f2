"""The credentials domain's root queries (a part of the root type: schema/root.py)."""

from __future__ import annotations


class CredentialQueries:
    """Fields added by the credentials work."""
