"""statistics: the rollups the `statistics` query reads, and the keys of its protection

Facts per volunteer, tenant, segment and dimension; their sums per tenant and segment (and
per value of one dimension); the recurrence counts that give distinct volunteers over any
run of months; and one row of
random keys drawn here, once per deployment (the record keys and noise multipliers of
docs/statistics.md derive from it: they must not be guessable, nor change later).

These are the hub's own tables: on PostgreSQL the request role gets no privilege on them
(0003's default privileges would grant some). The statistics resolver checks what the
caller may know, then reads them as the owner; the writes that move hours and applications
keep them with `tx.as_system()`. The tables start empty: a database with hours already
verified fills them once with `tatawwu statistics rebuild`.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-08
"""

import secrets
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

ROLE = "tatawwu_request"
BIG_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
PRIME = 2**31 - 1  # resolvers/statistics/keys.py
TABLES = ("statistics_secret", "statistics_fact", "statistics_tenant_week",
          "statistics_recurrence")


def _sums() -> list[sa.Column[int]]:
    return [
        sa.Column("hours_cents", sa.BigInteger(), nullable=False),
        sa.Column("noisy_cents", sa.BigInteger(), nullable=False),
        sa.Column("entries", sa.Integer(), nullable=False),
        sa.Column("applications", sa.Integer(), nullable=False),
        sa.Column("application_key", sa.BigInteger(), nullable=False),
        sa.Column("completions", sa.Integer(), nullable=False),
        sa.Column("completion_key", sa.BigInteger(), nullable=False),
    ]


def upgrade() -> None:
    secret = op.create_table(
        "statistics_secret",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("multiplier", sa.BigInteger(), nullable=False),
        sa.Column("offset", sa.BigInteger(), nullable=False),
        sa.Column("square_offset", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_statistics_secret")),
    )
    op.create_table(
        "statistics_fact",
        sa.Column("volunteer_id", BIG_ID, nullable=False),
        sa.Column("tenant_id", BIG_ID, nullable=False),
        sa.Column("week", sa.Date(), nullable=False),
        sa.Column("category_code", sa.String(length=48), nullable=False),
        sa.Column("volunteer_group", sa.String(length=24), nullable=False),
        sa.Column("country", sa.String(length=2), nullable=False),
        sa.Column("region", sa.String(length=100), nullable=False),
        sa.Column("format", sa.String(length=24), nullable=False),
        sa.Column("emergency", sa.Boolean(), nullable=False),
        sa.Column("month", sa.Date(), nullable=False),
        sa.Column("volunteer_key", sa.SmallInteger(), nullable=False),
        *_sums(),
        sa.ForeignKeyConstraint(["tenant_id"], ["tenant.id"],
                                name=op.f("fk_statistics_fact_tenant_id_tenant"),
                                ondelete="RESTRICT"),
        sa.ForeignKeyConstraint(["volunteer_id"], ["volunteer.id"],
                                name=op.f("fk_statistics_fact_volunteer_id_volunteer"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("volunteer_id", "tenant_id", "week", "category_code",
                                "volunteer_group", "country", "region", "format", "emergency",
                                name=op.f("pk_statistics_fact")),
    )
    op.create_index(op.f("ix_statistics_fact_tenant_id_month_week"), "statistics_fact",
                    ["tenant_id", "month", "week"], unique=False)
    op.create_table(
        "statistics_tenant_week",
        sa.Column("tenant_id", BIG_ID, nullable=False),
        sa.Column("week", sa.Date(), nullable=False),
        sa.Column("dimension", sa.String(length=1), nullable=False),
        sa.Column("value", sa.String(length=120), nullable=False),
        sa.Column("month", sa.Date(), nullable=False),
        *_sums(),
        sa.ForeignKeyConstraint(["tenant_id"], ["tenant.id"],
                                name=op.f("fk_statistics_tenant_week_tenant_id_tenant"),
                                ondelete="RESTRICT"),
        sa.PrimaryKeyConstraint("tenant_id", "week", "dimension", "value",
                                name=op.f("pk_statistics_tenant_week")),
    )
    op.create_index(op.f("ix_statistics_tenant_week_tenant_id_dimension_month"),
                    "statistics_tenant_week", ["tenant_id", "dimension", "month"],
                    unique=False)
    op.create_table(
        "statistics_recurrence",
        sa.Column("scope_tenant_id", BIG_ID, nullable=False),
        sa.Column("unit_kind", sa.String(length=1), nullable=False),
        sa.Column("metric", sa.String(length=1), nullable=False),
        sa.Column("dimension", sa.String(length=1), nullable=False),
        sa.Column("value", sa.String(length=120), nullable=False),
        sa.Column("unit", sa.Date(), nullable=False),
        sa.Column("previous_unit", sa.Date(), nullable=False),
        sa.Column("volunteers", sa.Integer(), nullable=False),
        sa.Column("key_sum", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("scope_tenant_id", "unit_kind", "metric", "dimension",
                                "value", "unit", "previous_unit",
                                name=op.f("pk_statistics_recurrence")),
    )
    draw = secrets.SystemRandom()
    op.bulk_insert(secret, [{"id": 1, "multiplier": draw.randrange(2, PRIME),
                             "offset": draw.randrange(PRIME),
                             "square_offset": draw.randrange(PRIME)}])
    if op.get_bind().dialect.name == "postgresql":
        for table in TABLES:
            op.execute(f"""DO $$ BEGIN
                IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{ROLE}') THEN
                    REVOKE ALL ON {table} FROM {ROLE};
                END IF; END $$""")


def downgrade() -> None:
    op.drop_table("statistics_recurrence")
    op.drop_index(op.f("ix_statistics_tenant_week_tenant_id_dimension_month"),
                  table_name="statistics_tenant_week")
    op.drop_table("statistics_tenant_week")
    op.drop_index(op.f("ix_statistics_fact_tenant_id_month_week"), table_name="statistics_fact")
    op.drop_table("statistics_fact")
    op.drop_table("statistics_secret")
