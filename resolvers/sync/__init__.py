"""Society systems sync in: `upsertOpportunities` writes a batch of a society system's
opportunities, keyed by the system's own ids, into its own tenant (commands.py), with the
editors' validation and status machine (resolvers/opportunities, resolvers/publishing)."""
