"""Benchmarks of the hub against a raw SQL + orjson baseline and PostGraphile: `python -m bench`."""
