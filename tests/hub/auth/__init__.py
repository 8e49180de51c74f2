"""Tests of `hub.auth`."""
