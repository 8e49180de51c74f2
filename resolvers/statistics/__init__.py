"""statistics (see the module docstrings)."""
