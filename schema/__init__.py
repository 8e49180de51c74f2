"""The GraphQL surface: strawberry types, inputs, enums, field permissions and the root Query."""

from schema.build import build_schema, sdl
from schema.extensions import coded_errors

__all__ = ["build_schema", "coded_errors", "sdl"]
