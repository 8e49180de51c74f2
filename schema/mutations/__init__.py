"""Mutations, one per module; each is one transaction and leaves an audit event."""
