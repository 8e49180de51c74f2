"""volunteer journey: consents, inquiries, notifications, idempotency

Hours entries gain a review status (existing verified entries become APPROVED);
opportunities a minimum age and an acceptance mode; applications a decision reason.
On PostgreSQL the new personal tables get the row-level security of 0003/0004 (the
volunteer's own rows, or staff of the owning tenant); idempotency keys are read and
written only by the write that owns them (keyed by the principal's subject).

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-29 19:42:42.062288
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

PERSONAL = ("consent", "inquiry", "inquiry_message", "notification")
ROLE = "tatawwu_request"
POLICY = """
  CASE WHEN tatawwu_staff()
       THEN volunteer_id = tatawwu_volunteer() OR tenant_id = ANY (tatawwu_readable())
       ELSE volunteer_id = tatawwu_volunteer() END
"""

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('idempotency_key',
    sa.Column('subject', sa.String(length=200), nullable=False),
    sa.Column('key', sa.String(length=128), nullable=False),
    sa.Column('operation', sa.String(length=64), nullable=False),
    sa.Column('fingerprint', sa.String(length=64), nullable=False),
    sa.Column('result', sa.JSON(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('subject', 'key', name=op.f('pk_idempotency_key'))
    )
    op.create_table('consent',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('volunteer_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('kind', sa.String(length=24), nullable=False),
    sa.Column('version', sa.String(length=32), nullable=True),
    sa.Column('given_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('guardian_name', sa.String(length=200), nullable=True),
    sa.Column('guardian_contact', sa.String(length=200), nullable=True),
    sa.Column('tenant_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenant.id'], name=op.f('fk_consent_tenant_id_tenant'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['volunteer_id'], ['volunteer.id'], name=op.f('fk_consent_volunteer_id_volunteer'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_consent'))
    )
    with op.batch_alter_table('consent', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_consent_volunteer_id_tenant_id'), ['volunteer_id', 'tenant_id'], unique=False)

    op.create_table('notification',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('volunteer_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('kind', sa.String(length=48), nullable=False),
    sa.Column('params', sa.JSON(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('read_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('sent_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('next_attempt_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('last_error', sa.String(length=500), nullable=True),
    sa.Column('tenant_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenant.id'], name=op.f('fk_notification_tenant_id_tenant'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['volunteer_id'], ['volunteer.id'], name=op.f('fk_notification_volunteer_id_volunteer'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_notification'))
    )
    with op.batch_alter_table('notification', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_notification_sent_at_next_attempt_at'), ['sent_at', 'next_attempt_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_notification_volunteer_id_id'), ['volunteer_id', 'id'], unique=False)

    op.create_table('inquiry',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('opportunity_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('volunteer_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('subject', sa.String(length=200), nullable=True),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('opened_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('closed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('tenant_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.ForeignKeyConstraint(['opportunity_id'], ['opportunity.id'], name=op.f('fk_inquiry_opportunity_id_opportunity'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenant.id'], name=op.f('fk_inquiry_tenant_id_tenant'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['volunteer_id'], ['volunteer.id'], name=op.f('fk_inquiry_volunteer_id_volunteer')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_inquiry'))
    )
    with op.batch_alter_table('inquiry', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_inquiry_tenant_id_status_id'), ['tenant_id', 'status', 'id'], unique=False)
        batch_op.create_index(batch_op.f('ix_inquiry_volunteer_id_id'), ['volunteer_id', 'id'], unique=False)

    op.create_table('inquiry_message',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('inquiry_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('volunteer_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('author', sa.String(length=16), nullable=False),
    sa.Column('author_subject', sa.String(length=200), nullable=True),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('sent_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('tenant_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.ForeignKeyConstraint(['inquiry_id'], ['inquiry.id'], name=op.f('fk_inquiry_message_inquiry_id_inquiry'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenant.id'], name=op.f('fk_inquiry_message_tenant_id_tenant'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['volunteer_id'], ['volunteer.id'], name=op.f('fk_inquiry_message_volunteer_id_volunteer')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_inquiry_message'))
    )
    with op.batch_alter_table('inquiry_message', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_inquiry_message_tenant_id_inquiry_id_id'), ['tenant_id', 'inquiry_id', 'id'], unique=False)

    with op.batch_alter_table('application', schema=None) as batch_op:
        batch_op.add_column(sa.Column('decision_reason', sa.String(length=32), nullable=True))
        batch_op.add_column(sa.Column('decision_note', sa.Text(), nullable=True))
        batch_op.add_column(sa.Column('completed_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False,
                                      server_default=sa.text('CURRENT_TIMESTAMP')))

    with op.batch_alter_table('hours_entry', schema=None) as batch_op:
        batch_op.add_column(sa.Column('status', sa.String(length=16), server_default='PENDING', nullable=False))
        batch_op.add_column(sa.Column('note', sa.Text(), nullable=True))
        batch_op.add_column(sa.Column('review_note', sa.Text(), nullable=True))
        batch_op.add_column(sa.Column('reviewed_by', sa.String(length=200), nullable=True))
        batch_op.add_column(sa.Column('created_at', sa.DateTime(timezone=True), nullable=False,
                                      server_default=sa.text('CURRENT_TIMESTAMP')))

    with op.batch_alter_table('opportunity', schema=None) as batch_op:
        batch_op.add_column(sa.Column('min_age', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('acceptance', sa.String(length=16), server_default='REVIEW', nullable=False))

    with op.batch_alter_table('volunteer', schema=None) as batch_op:
        batch_op.add_column(sa.Column('birth_date', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('locale', sa.String(length=16), nullable=True))
        batch_op.add_column(sa.Column('erased_at', sa.DateTime(timezone=True), nullable=True))

    op.execute("UPDATE hours_entry SET status = 'APPROVED' WHERE verified")
    if op.get_bind().dialect.name == "postgresql":
        for table in PERSONAL:
            op.execute(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY")
            op.execute(f"ALTER TABLE {table} FORCE ROW LEVEL SECURITY")
            op.execute(f"CREATE POLICY owner_all ON {table} TO CURRENT_USER USING (true)")
            op.execute(f"CREATE POLICY request_scope ON {table} TO {ROLE} "
                       f"USING ({POLICY}) WITH CHECK ({POLICY})")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for table in PERSONAL:
            op.execute(f"DROP POLICY IF EXISTS request_scope ON {table}")
            op.execute(f"DROP POLICY IF EXISTS owner_all ON {table}")
    with op.batch_alter_table('volunteer', schema=None) as batch_op:
        batch_op.drop_column('erased_at')
        batch_op.drop_column('locale')
        batch_op.drop_column('birth_date')

    with op.batch_alter_table('opportunity', schema=None) as batch_op:
        batch_op.drop_column('acceptance')
        batch_op.drop_column('min_age')

    with op.batch_alter_table('hours_entry', schema=None) as batch_op:
        batch_op.drop_column('created_at')
        batch_op.drop_column('reviewed_by')
        batch_op.drop_column('review_note')
        batch_op.drop_column('note')
        batch_op.drop_column('status')

    with op.batch_alter_table('application', schema=None) as batch_op:
        batch_op.drop_column('updated_at')
        batch_op.drop_column('completed_at')
        batch_op.drop_column('decision_note')
        batch_op.drop_column('decision_reason')

    with op.batch_alter_table('inquiry_message', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_inquiry_message_tenant_id_inquiry_id_id'))

    op.drop_table('inquiry_message')
    with op.batch_alter_table('inquiry', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_inquiry_volunteer_id_id'))
        batch_op.drop_index(batch_op.f('ix_inquiry_tenant_id_status_id'))

    op.drop_table('inquiry')
    with op.batch_alter_table('notification', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_notification_volunteer_id_id'))
        batch_op.drop_index(batch_op.f('ix_notification_sent_at_next_attempt_at'))

    op.drop_table('notification')
    with op.batch_alter_table('consent', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_consent_volunteer_id_tenant_id'))

    op.drop_table('consent')
    op.drop_table('idempotency_key')
