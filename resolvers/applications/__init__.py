"""Applying to opportunities, deciding, completing, and the hours served on them."""
