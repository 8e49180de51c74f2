"""statistics in the GraphQL schema."""
