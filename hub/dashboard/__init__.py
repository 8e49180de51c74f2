"""The regional dashboard's words: the msgids of the page `/dashboard` (hub/entry/dashboard.py)
kept in the core so the catalog tests find them (`hub/*/messages.py`). No code lives here."""
