"""Tests of `hub.demo`."""
