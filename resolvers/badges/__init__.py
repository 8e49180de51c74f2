"""badges (see the module docstrings)."""
