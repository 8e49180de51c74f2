"""Tests of `hub`."""
