"""Row-level security on PostgreSQL: defence in depth behind the queries' own scope.

Every request runs its statements as the role `tatawwu_request` with per-transaction
settings saying what the principal may read (see `hub/row_security.py`). A query that
forgets its scope still cannot read another tenant's private rows. SQLite has no such
mechanism: there the query scope is the only guard.

The role is created when missing (this needs CREATEROLE once; a DBA may create it instead).

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

ROLE = "tatawwu_request"

FUNCTIONS = (
    """CREATE OR REPLACE FUNCTION tatawwu_readable() RETURNS bigint[] LANGUAGE sql STABLE AS $$
       SELECT coalesce(string_to_array(nullif(current_setting('tatawwu.tenants', true), ''),
                       ',')::bigint[], '{}'::bigint[]) $$""",
    """CREATE OR REPLACE FUNCTION tatawwu_network() RETURNS boolean LANGUAGE sql STABLE AS $$
       SELECT coalesce(current_setting('tatawwu.network', true), '') = 'on' $$""",
    """CREATE OR REPLACE FUNCTION tatawwu_staff() RETURNS boolean LANGUAGE sql STABLE AS $$
       SELECT coalesce(current_setting('tatawwu.staff', true), '') = 'on' $$""",
    """CREATE OR REPLACE FUNCTION tatawwu_volunteer() RETURNS bigint LANGUAGE sql STABLE AS $$
       SELECT nullif(current_setting('tatawwu.volunteer', true), '')::bigint $$""",
)

RECORDS = ("opportunity", "event", "news_item", "campaign")
RECORD_POLICY = """
  (visibility = 'PUBLIC' AND status = 'PUBLISHED')
  OR (visibility = 'NETWORK' AND status = 'PUBLISHED' AND tatawwu_network())
  OR tenant_id = ANY (tatawwu_readable())
"""
# Children readable when their parent row is (the parent's own policy applies inside).
CHILDREN = {
    "opportunity_translation": "opportunity",
    "opportunity_skill": "opportunity",
    "event_translation": "event",
    "news_item_translation": "news_item",
    "campaign_translation": "campaign",
}
PERSONAL = ("membership", "application", "hours_entry", "saved_opportunity")
PERSONAL_POLICY = """
  volunteer_id = tatawwu_volunteer()
  OR (tatawwu_staff() AND tenant_id = ANY (tatawwu_readable()))
"""
VOLUNTEER_POLICY = """
  id = tatawwu_volunteer()
  OR EXISTS (SELECT 1 FROM membership mm WHERE mm.volunteer_id = volunteer.id
             AND mm.tenant_id = ANY (tatawwu_readable()) AND tatawwu_staff())
  OR (shares_with_network AND tatawwu_staff())
"""


def _is_postgres() -> bool:
    return op.get_bind().dialect.name == "postgresql"


def _protect(table: str, using: str, check: str | None = None) -> None:
    op.execute(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY")
    op.execute(f"ALTER TABLE {table} FORCE ROW LEVEL SECURITY")
    # The owner (migrations, CLI, sync) keeps full access; requests run as ROLE.
    op.execute(f"CREATE POLICY owner_all ON {table} TO CURRENT_USER USING (true)")
    op.execute(f"CREATE POLICY request_scope ON {table} TO {ROLE} USING ({using}) "
               f"WITH CHECK ({check or using})")


def upgrade() -> None:
    if not _is_postgres():
        return
    op.execute(f"""DO $$ BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{ROLE}') THEN
            CREATE ROLE {ROLE} NOLOGIN;
        END IF; END $$""")
    op.execute(f"GRANT {ROLE} TO CURRENT_USER")
    op.execute(f"GRANT USAGE ON SCHEMA public TO {ROLE}")
    op.execute(f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {ROLE}")
    op.execute(f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {ROLE}")
    op.execute(f"ALTER DEFAULT PRIVILEGES IN SCHEMA public "
               f"GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO {ROLE}")
    op.execute(f"ALTER DEFAULT PRIVILEGES IN SCHEMA public "
               f"GRANT USAGE, SELECT ON SEQUENCES TO {ROLE}")
    for function in FUNCTIONS:
        op.execute(function)
    for table in RECORDS:
        _protect(table, RECORD_POLICY, "tenant_id = ANY (tatawwu_readable())")
    for table, parent in CHILDREN.items():
        key = f"{parent}_id"
        _protect(table, f"EXISTS (SELECT 1 FROM {parent} p WHERE p.id = {table}.{key})",
                 "tenant_id = ANY (tatawwu_readable())")
    for table in PERSONAL:
        _protect(table, PERSONAL_POLICY)
    _protect("volunteer", VOLUNTEER_POLICY, "id = tatawwu_volunteer()")
    _protect("volunteer_skill", "EXISTS (SELECT 1 FROM volunteer v WHERE v.id = volunteer_id)",
             "volunteer_id = tatawwu_volunteer()")
    # Requests may write audit events but never read them back; API keys are the CLI's.
    op.execute("ALTER TABLE audit_event ENABLE ROW LEVEL SECURITY")
    op.execute("ALTER TABLE audit_event FORCE ROW LEVEL SECURITY")
    op.execute("CREATE POLICY owner_all ON audit_event TO CURRENT_USER USING (true)")
    op.execute(f"CREATE POLICY request_insert ON audit_event FOR INSERT TO {ROLE} "
               "WITH CHECK (true)")
    op.execute(f"REVOKE ALL ON api_client FROM {ROLE}")


def downgrade() -> None:
    if not _is_postgres():
        return
    tables = (*RECORDS, *CHILDREN, *PERSONAL, "volunteer", "volunteer_skill")
    for table in tables:
        op.execute(f"DROP POLICY IF EXISTS request_scope ON {table}")
        op.execute(f"DROP POLICY IF EXISTS owner_all ON {table}")
        op.execute(f"ALTER TABLE {table} NO FORCE ROW LEVEL SECURITY")
        op.execute(f"ALTER TABLE {table} DISABLE ROW LEVEL SECURITY")
    op.execute("DROP POLICY IF EXISTS request_insert ON audit_event")
    op.execute("DROP POLICY IF EXISTS owner_all ON audit_event")
    op.execute("ALTER TABLE audit_event NO FORCE ROW LEVEL SECURITY")
    op.execute("ALTER TABLE audit_event DISABLE ROW LEVEL SECURITY")
    for name in ("tatawwu_readable", "tatawwu_network", "tatawwu_staff", "tatawwu_volunteer"):
        op.execute(f"DROP FUNCTION IF EXISTS {name}()")
