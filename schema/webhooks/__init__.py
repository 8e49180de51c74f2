"""webhooks in the GraphQL schema."""
