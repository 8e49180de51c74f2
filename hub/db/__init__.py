"""Storage: SQLAlchemy 2 async engine, ORM models and Alembic migrations."""
