"""credentials in the GraphQL schema."""
