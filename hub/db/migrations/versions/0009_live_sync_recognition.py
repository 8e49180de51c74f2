"""live, sync and recognition: emergency calls, webhooks, badges, certificates, credentials

Emergency calls, webhooks and their deliveries, and the tenants' signing keys are the hub's
own tables: on PostgreSQL the request role gets no privilege on them (0003's default
privileges would grant some); commands write them with `tx.as_system()` and the hub's loops
read them as the owner. Badge awards, certificates, credentials and imported recognition are
personal records with 0005's row security: the volunteer's own rows, or staff of the tenant
that keeps them. Opportunities gain the digest of what a society system last synced.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-07 04:20:55.082222
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

ROLE = "tatawwu_request"
SYSTEM = ("emergency_call", "webhook", "webhook_delivery", "issuer_key")
PERSONAL = ("badge_award", "certificate", "credential", "recognition_import")
POLICY = """
  CASE WHEN tatawwu_staff()
       THEN volunteer_id = tatawwu_volunteer() OR tenant_id = ANY (tatawwu_readable())
       ELSE volunteer_id = tatawwu_volunteer() END
"""

revision: str = '0009'
down_revision: str | None = '0008'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('badge_award',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('volunteer_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('badge_code', sa.String(length=48), nullable=False),
    sa.Column('hours', sa.Float(), nullable=False),
    sa.Column('awarded_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('revoked_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('tenant_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenant.id'], name=op.f('fk_badge_award_tenant_id_tenant'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['volunteer_id'], ['volunteer.id'], name=op.f('fk_badge_award_volunteer_id_volunteer'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_badge_award')),
    sa.UniqueConstraint('tenant_id', 'volunteer_id', 'badge_code', name=op.f('uq_badge_award_tenant_id_volunteer_id_badge_code'))
    )
    with op.batch_alter_table('badge_award', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_badge_award_volunteer_id'), ['volunteer_id'], unique=False)

    op.create_table('issuer_key',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('kid', sa.String(length=64), nullable=False),
    sa.Column('algorithm', sa.String(length=16), nullable=False),
    sa.Column('public_jwk', sa.JSON(), nullable=False),
    sa.Column('private_pem', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('retired_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('tenant_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenant.id'], name=op.f('fk_issuer_key_tenant_id_tenant'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_issuer_key')),
    sa.UniqueConstraint('kid', name=op.f('uq_issuer_key_kid'))
    )
    with op.batch_alter_table('issuer_key', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_issuer_key_tenant_id_id'), ['tenant_id', 'id'], unique=False)

    op.create_table('recognition_import',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('volunteer_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('credential_jti', sa.String(length=200), nullable=False),
    sa.Column('issuer', sa.String(length=200), nullable=False),
    sa.Column('issuer_tenant_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('achievement', sa.JSON(), nullable=False),
    sa.Column('hours', sa.Float(), nullable=True),
    sa.Column('valid_from', sa.DateTime(timezone=True), nullable=False),
    sa.Column('consented_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('imported_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('token', sa.Text(), nullable=False),
    sa.Column('tenant_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.ForeignKeyConstraint(['issuer_tenant_id'], ['tenant.id'], name=op.f('fk_recognition_import_issuer_tenant_id_tenant')),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenant.id'], name=op.f('fk_recognition_import_tenant_id_tenant'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['volunteer_id'], ['volunteer.id'], name=op.f('fk_recognition_import_volunteer_id_volunteer'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_recognition_import')),
    sa.UniqueConstraint('tenant_id', 'credential_jti', name=op.f('uq_recognition_import_tenant_id_credential_jti'))
    )
    with op.batch_alter_table('recognition_import', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_recognition_import_volunteer_id'), ['volunteer_id'], unique=False)

    op.create_table('webhook',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('client_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('url', sa.String(length=2000), nullable=False),
    sa.Column('events', sa.JSON(), nullable=False),
    sa.Column('secret', sa.String(length=128), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('disabled_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('tenant_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.ForeignKeyConstraint(['client_id'], ['api_client.id'], name=op.f('fk_webhook_client_id_api_client'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenant.id'], name=op.f('fk_webhook_tenant_id_tenant'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_webhook'))
    )
    with op.batch_alter_table('webhook', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_webhook_tenant_id_id'), ['tenant_id', 'id'], unique=False)

    op.create_table('emergency_call',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('opportunity_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('due_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('broadcast_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('tenant_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.ForeignKeyConstraint(['opportunity_id'], ['opportunity.id'], name=op.f('fk_emergency_call_opportunity_id_opportunity'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenant.id'], name=op.f('fk_emergency_call_tenant_id_tenant'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_emergency_call'))
    )
    with op.batch_alter_table('emergency_call', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_emergency_call_broadcast_at_due_at'), ['broadcast_at', 'due_at'], unique=False)

    op.create_table('webhook_delivery',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('webhook_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('event', sa.String(length=48), nullable=False),
    sa.Column('payload', sa.JSON(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('next_attempt_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('delivered_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('failed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('last_status', sa.Integer(), nullable=True),
    sa.Column('last_error', sa.Text(), nullable=True),
    sa.Column('tenant_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenant.id'], name=op.f('fk_webhook_delivery_tenant_id_tenant'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['webhook_id'], ['webhook.id'], name=op.f('fk_webhook_delivery_webhook_id_webhook'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_webhook_delivery'))
    )
    with op.batch_alter_table('webhook_delivery', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_webhook_delivery_delivered_at_next_attempt_at'), ['delivered_at', 'next_attempt_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_webhook_delivery_webhook_id_id'), ['webhook_id', 'id'], unique=False)

    op.create_table('certificate',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('code', sa.String(length=40), nullable=False),
    sa.Column('volunteer_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('application_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.Column('opportunity_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.Column('hours', sa.Float(), nullable=False),
    sa.Column('started_on', sa.Date(), nullable=True),
    sa.Column('completed_on', sa.Date(), nullable=False),
    sa.Column('locale', sa.String(length=16), nullable=False),
    sa.Column('issued_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('issued_by', sa.String(length=200), nullable=True),
    sa.Column('revoked_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('tenant_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.ForeignKeyConstraint(['application_id'], ['application.id'], name=op.f('fk_certificate_application_id_application'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['opportunity_id'], ['opportunity.id'], name=op.f('fk_certificate_opportunity_id_opportunity')),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenant.id'], name=op.f('fk_certificate_tenant_id_tenant'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['volunteer_id'], ['volunteer.id'], name=op.f('fk_certificate_volunteer_id_volunteer'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_certificate')),
    sa.UniqueConstraint('application_id', name=op.f('uq_certificate_application_id')),
    sa.UniqueConstraint('code', name=op.f('uq_certificate_code'))
    )
    with op.batch_alter_table('certificate', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_certificate_tenant_id_id'), ['tenant_id', 'id'], unique=False)
        batch_op.create_index(batch_op.f('ix_certificate_volunteer_id'), ['volunteer_id'], unique=False)

    op.create_table('credential',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('jti', sa.String(length=200), nullable=False),
    sa.Column('volunteer_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('certificate_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.Column('award_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.Column('status_index', sa.Integer(), nullable=False),
    sa.Column('token', sa.Text(), nullable=False),
    sa.Column('issued_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('revoked_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('tenant_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.ForeignKeyConstraint(['award_id'], ['badge_award.id'], name=op.f('fk_credential_award_id_badge_award'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['certificate_id'], ['certificate.id'], name=op.f('fk_credential_certificate_id_certificate'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenant.id'], name=op.f('fk_credential_tenant_id_tenant'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['volunteer_id'], ['volunteer.id'], name=op.f('fk_credential_volunteer_id_volunteer'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_credential')),
    sa.UniqueConstraint('award_id', name=op.f('uq_credential_award_id')),
    sa.UniqueConstraint('certificate_id', name=op.f('uq_credential_certificate_id')),
    sa.UniqueConstraint('jti', name=op.f('uq_credential_jti')),
    sa.UniqueConstraint('tenant_id', 'status_index', name=op.f('uq_credential_tenant_id_status_index'))
    )
    with op.batch_alter_table('credential', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_credential_volunteer_id'), ['volunteer_id'], unique=False)

    with op.batch_alter_table('opportunity', schema=None) as batch_op:
        batch_op.add_column(sa.Column('sync_digest', sa.String(length=64), nullable=True))

    _row_security()


def _row_security() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for table in SYSTEM:
        op.execute(f"""DO $$ BEGIN
            IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{ROLE}') THEN
                REVOKE ALL ON {table} FROM {ROLE};
                REVOKE ALL ON SEQUENCE {table}_id_seq FROM {ROLE};
            END IF; END $$""")
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
    with op.batch_alter_table('opportunity', schema=None) as batch_op:
        batch_op.drop_column('sync_digest')

    with op.batch_alter_table('credential', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_credential_volunteer_id'))

    op.drop_table('credential')
    with op.batch_alter_table('certificate', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_certificate_volunteer_id'))
        batch_op.drop_index(batch_op.f('ix_certificate_tenant_id_id'))

    op.drop_table('certificate')
    with op.batch_alter_table('webhook_delivery', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_webhook_delivery_webhook_id_id'))
        batch_op.drop_index(batch_op.f('ix_webhook_delivery_delivered_at_next_attempt_at'))

    op.drop_table('webhook_delivery')
    with op.batch_alter_table('emergency_call', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_emergency_call_broadcast_at_due_at'))

    op.drop_table('emergency_call')
    with op.batch_alter_table('webhook', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_webhook_tenant_id_id'))

    op.drop_table('webhook')
    with op.batch_alter_table('recognition_import', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_recognition_import_volunteer_id'))

    op.drop_table('recognition_import')
    with op.batch_alter_table('issuer_key', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_issuer_key_tenant_id_id'))

    op.drop_table('issuer_key')
    with op.batch_alter_table('badge_award', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_badge_award_volunteer_id'))

    op.drop_table('badge_award')
