"""Tests of `hub.limits`: buckets, windows, the in-process and Redis counts, the limiter."""
