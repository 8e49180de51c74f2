"""Compiled execution of trusted documents (docs/compiled-execution.md): a plan made once
per document and schema, run instead of the standard executor for requests that name the
document; the standard executor stays the reference and the fallback."""

from schema.compiled.plans import Plans, PlanStatus, compiling_context

__all__ = ["PlanStatus", "Plans", "compiling_context"]
