"""The entry layer: the ASGI app (`app.py`) and the `tatawwu` command (`cli.py`).

The only code that imports everything (tenants, the hub core, resolvers, schema); nothing
below imports it. This file imports nothing, so that `tatawwu --help` does not load the app.
"""
