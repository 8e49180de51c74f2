"""webhooks (see the module docstrings)."""
