"""The GraphQL surface: strawberry types, inputs, enums, field permissions and the root types.

What the entry layer (the ASGI app and the CLI) uses is exported here, so the packages inside
may move without touching it.
"""

from schema.build import build_schema, sdl
from schema.core.extensions import coded_errors
from schema.core.policy_doc import render as policy_document
from schema.core.transport_errors import Refusal, error_body, refusal

__all__ = ["Refusal", "build_schema", "coded_errors", "error_body", "policy_document",
           "refusal", "sdl"]
