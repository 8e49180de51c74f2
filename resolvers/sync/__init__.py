"""sync (see the module docstrings)."""
