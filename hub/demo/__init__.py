"""Demo data: hand-written multilingual records, and a generator for large volumes."""
