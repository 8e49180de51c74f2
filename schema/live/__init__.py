"""live in the GraphQL schema."""
