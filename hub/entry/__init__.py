"""The entry layer: the ASGI app, its routes and middleware, and the `tatawwu` command.

The only code that imports everything (tenants, the hub core, resolvers, schema); nothing
below imports it. Where things go:

- `app.py`: `create_app`, the lifespan and the route table (one line per route module);
- one module per group of routes (`graphql.py`, `health.py`, `ide.py`; a feed, a certificate
  download or a websocket route gets its own module and one line in the table);
- `middleware.py`: the middleware stack, in order (request ids, CORS, locale chain,
  authentication) with `request_ids.py`, `locale.py` and `authentication.py`;
- `cli.py` with `setup_steps.py` and `client_admin.py`: the `tatawwu` command.

This file imports nothing, so that `tatawwu --help` does not load the app.
"""
