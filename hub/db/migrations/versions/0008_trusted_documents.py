"""trusted documents: the persisted queries of society frontends, by id

A document is global (client_id NULL) or one API client's; its id is unique within each.
On PostgreSQL the request role gets no privilege on the table (0003's default privileges
would grant it some): requests look documents up as the owner, before their own
transaction, like API keys; a resolver bug cannot read or change the registry.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-07
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

ROLE = "tatawwu_request"
BIG_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "trusted_document",
        sa.Column("id", BIG_ID, nullable=False),
        sa.Column("document_id", sa.String(length=200), nullable=False),
        sa.Column("client_id", BIG_ID, nullable=True),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("operation_name", sa.String(length=200), nullable=True),
        sa.Column("operation_type", sa.String(length=16), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("retired_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["client_id"], ["api_client.id"],
                                name=op.f("fk_trusted_document_client_id_api_client"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_trusted_document")),
    )
    op.create_index("uq_trusted_document_global_id", "trusted_document", ["document_id"],
                    unique=True, sqlite_where=sa.text("client_id IS NULL"),
                    postgresql_where=sa.text("client_id IS NULL"))
    op.create_index("uq_trusted_document_client_id_document_id", "trusted_document",
                    ["client_id", "document_id"], unique=True,
                    sqlite_where=sa.text("client_id IS NOT NULL"),
                    postgresql_where=sa.text("client_id IS NOT NULL"))
    if op.get_bind().dialect.name == "postgresql":
        op.execute(f"""DO $$ BEGIN
            IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{ROLE}') THEN
                REVOKE ALL ON trusted_document FROM {ROLE};
                REVOKE ALL ON SEQUENCE trusted_document_id_seq FROM {ROLE};
            END IF; END $$""")


def downgrade() -> None:
    op.drop_index("uq_trusted_document_client_id_document_id", table_name="trusted_document")
    op.drop_index("uq_trusted_document_global_id", table_name="trusted_document")
    op.drop_table("trusted_document")
