"""sync in the GraphQL schema: `upsertOpportunities` (resolvers/sync)."""
