"""certificates in the GraphQL schema."""
