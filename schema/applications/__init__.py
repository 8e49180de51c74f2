"""Applications and hours: applying, deciding, serving and verifying."""
