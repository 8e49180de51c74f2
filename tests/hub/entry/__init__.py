"""Tests of `hub.entry`."""
