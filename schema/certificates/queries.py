"""The certificates domain's root queries (a part of the root type: schema/root.py)."""

from __future__ import annotations


class CertificateQueries:
    """Fields added by the certificates work."""
