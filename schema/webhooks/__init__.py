"""webhooks in the GraphQL schema: an API client's registerWebhook, removeWebhook and
webhooks (resolvers/webhooks does the work)."""
