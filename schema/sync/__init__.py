"""sync in the GraphQL schema."""
