"""Tests of `tenants`."""
