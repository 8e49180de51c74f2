"""Tests of `hub.i18n`."""
