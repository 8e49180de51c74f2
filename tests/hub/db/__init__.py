"""Tests of `hub.db`."""
