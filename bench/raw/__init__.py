"""The raw baseline: the same rows with hand-written SQL, the same JSON with orjson, no GraphQL."""
