"""live (see the module docstrings)."""
