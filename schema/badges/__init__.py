"""badges in the GraphQL schema."""
