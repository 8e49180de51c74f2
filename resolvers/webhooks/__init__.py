"""Outgoing webhooks: API clients' URLs for their tenant's events (docs/webhooks.md).

outbox.py    the events, queued in the transaction of the change they report
registry.py  webhooks added, listed and removed (API and CLI)
commands.py  registerWebhook / removeWebhook (API clients with the `webhooks` scope)
queries.py   a client's own webhooks
urls.py      which addresses a webhook may have
signing.py   secrets and signatures
delivery.py  claiming, checking, sending and marking deliveries, with retries
transport.py one HTTP POST (h11 over asyncio)
history.py   deliveries as an operator lists and retries them
worker.py    the delivery pass and loop (`tatawwu webhooks deliver`, an app's lifespan)
"""
