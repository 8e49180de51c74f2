"""The certificates domain's root mutations (a part of the root type: schema/root.py)."""

from __future__ import annotations


class CertificateMutations:
    """Fields added by the certificates work."""
