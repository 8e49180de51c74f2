"""certificates (see the module docstrings)."""
