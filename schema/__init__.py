"""The GraphQL surface: strawberry types, inputs, enums, field permissions and the root Query."""

from schema.build import build_schema, sdl

__all__ = ["build_schema", "sdl"]
