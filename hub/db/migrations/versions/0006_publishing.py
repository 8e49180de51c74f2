"""publishing: scheduled records, a taxonomy that can retire codes

Events and campaigns gain `published_at`, events `cancelled_at` (opportunities and news have it): a PUBLISHED
record whose `published_at` lies ahead is scheduled and visible only to its own tenant's
staff until then. Categories and skills gain `active` (a retired code stays on the records
that use it) and skills a `position`. On PostgreSQL the records' row-level security
policy learns the schedule too.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-07
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

ROLE = "tatawwu_request"
RECORDS = ("opportunity", "event", "news_item", "campaign")
_DUE = "(published_at IS NULL OR published_at <= now())"
RECORD_POLICY = f"""
  (visibility = 'PUBLIC' AND status = 'PUBLISHED' AND {_DUE})
  OR (visibility = 'NETWORK' AND status = 'PUBLISHED' AND {_DUE} AND tatawwu_network())
  OR tenant_id = ANY (tatawwu_readable())
"""
OLD_RECORD_POLICY = """
  (visibility = 'PUBLIC' AND status = 'PUBLISHED')
  OR (visibility = 'NETWORK' AND status = 'PUBLISHED' AND tatawwu_network())
  OR tenant_id = ANY (tatawwu_readable())
"""


def _is_postgres() -> bool:
    return op.get_bind().dialect.name == "postgresql"


def _record_policy(using: str) -> None:
    for table in RECORDS:
        op.execute(f"DROP POLICY IF EXISTS request_scope ON {table}")
        op.execute(f"CREATE POLICY request_scope ON {table} TO {ROLE} USING ({using}) "
                   "WITH CHECK (tenant_id = ANY (tatawwu_readable()))")


def upgrade() -> None:
    for table in ("event", "campaign"):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column("published_at", sa.DateTime(timezone=True),
                                          nullable=True))
            if table == "event":
                batch_op.add_column(sa.Column("cancelled_at", sa.DateTime(timezone=True),
                                              nullable=True))
    with op.batch_alter_table("category", schema=None) as batch_op:
        batch_op.add_column(sa.Column("active", sa.Boolean(), nullable=False,
                                      server_default=sa.true()))
    with op.batch_alter_table("skill", schema=None) as batch_op:
        batch_op.add_column(sa.Column("position", sa.Integer(), nullable=False,
                                      server_default="0"))
        batch_op.add_column(sa.Column("active", sa.Boolean(), nullable=False,
                                      server_default=sa.true()))
    if _is_postgres():
        _record_policy(RECORD_POLICY)


def downgrade() -> None:
    if _is_postgres():
        _record_policy(OLD_RECORD_POLICY)
    with op.batch_alter_table("skill", schema=None) as batch_op:
        batch_op.drop_column("active")
        batch_op.drop_column("position")
    with op.batch_alter_table("category", schema=None) as batch_op:
        batch_op.drop_column("active")
    for table in ("campaign", "event"):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column("published_at")
            if table == "event":
                batch_op.drop_column("cancelled_at")
