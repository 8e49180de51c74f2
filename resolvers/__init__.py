"""Data access for the schema: async query functions and per-request DataLoaders.

Resolvers return ORM rows or plain dataclasses and never import `schema`.
"""
