"""Asking an opportunity's manager: threads between a volunteer and the owning tenant's staff."""
