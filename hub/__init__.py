"""Tatawwu Hub core: configuration, storage, tenancy, access, localization and entry points."""

__version__ = "0.1.0"
