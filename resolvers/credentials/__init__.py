"""credentials (see the module docstrings)."""
