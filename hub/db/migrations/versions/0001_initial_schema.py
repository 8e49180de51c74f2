"""initial schema

Revision ID: 0001
Revises:
Create Date: 2026-11-22 19:17:42.619526
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '0001'
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:

    op.create_table('category',
    sa.Column('code', sa.String(length=48), nullable=False),
    sa.Column('labels', sa.JSON(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('code', name=op.f('pk_category'))
    )
    op.create_table('skill',
    sa.Column('code', sa.String(length=48), nullable=False),
    sa.Column('labels', sa.JSON(), nullable=False),
    sa.PrimaryKeyConstraint('code', name=op.f('pk_skill'))
    )
    op.create_table('tenant',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('slug', sa.String(length=64), nullable=False),
    sa.Column('kind', sa.String(length=24), nullable=False),
    sa.Column('country', sa.String(length=2), nullable=True),
    sa.Column('parent_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.Column('default_locale', sa.String(length=16), nullable=False),
    sa.Column('locales', sa.JSON(), nullable=False),
    sa.Column('digits', sa.String(length=8), nullable=True),
    sa.Column('time_zone', sa.String(length=64), nullable=False),
    sa.Column('hijri_dates', sa.Boolean(), nullable=False),
    sa.Column('names', sa.JSON(), nullable=False),
    sa.Column('settings', sa.JSON(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['parent_id'], ['tenant.id'], name=op.f('fk_tenant_parent_id_tenant')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_tenant')),
    sa.UniqueConstraint('slug', name=op.f('uq_tenant_slug'))
    )
    with op.batch_alter_table('tenant', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_tenant_country'), ['country'], unique=False)

    op.create_table('volunteer',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('subject', sa.String(length=200), nullable=True),
    sa.Column('first_name', sa.String(length=100), nullable=False),
    sa.Column('last_name', sa.String(length=100), nullable=False),
    sa.Column('email', sa.String(length=200), nullable=True),
    sa.Column('phone', sa.String(length=40), nullable=True),
    sa.Column('birth_year', sa.Integer(), nullable=True),
    sa.Column('group', sa.String(length=24), nullable=True),
    sa.Column('country', sa.String(length=2), nullable=True),
    sa.Column('city', sa.String(length=100), nullable=True),
    sa.Column('languages', sa.JSON(), nullable=False),
    sa.Column('shares_with_network', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_volunteer')),
    sa.UniqueConstraint('subject', name=op.f('uq_volunteer_subject'))
    )
    op.create_table('campaign',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('starts_on', sa.Date(), nullable=True),
    sa.Column('ends_on', sa.Date(), nullable=True),
    sa.Column('visibility', sa.String(length=24), nullable=False),
    sa.Column('status', sa.String(length=24), nullable=False),
    sa.Column('tenant_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenant.id'], name=op.f('fk_campaign_tenant_id_tenant'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_campaign'))
    )
    with op.batch_alter_table('campaign', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_campaign_tenant_id_id'), ['tenant_id', 'id'], unique=False)

    op.create_table('event',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('kind', sa.String(length=24), nullable=False),
    sa.Column('starts_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('ends_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('country', sa.String(length=2), nullable=True),
    sa.Column('region', sa.String(length=100), nullable=True),
    sa.Column('city', sa.String(length=100), nullable=True),
    sa.Column('latitude', sa.Float(), nullable=True),
    sa.Column('longitude', sa.Float(), nullable=True),
    sa.Column('online_url', sa.String(length=500), nullable=True),
    sa.Column('visibility', sa.String(length=24), nullable=False),
    sa.Column('status', sa.String(length=24), nullable=False),
    sa.Column('tenant_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenant.id'], name=op.f('fk_event_tenant_id_tenant'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_event'))
    )
    with op.batch_alter_table('event', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_event_status_visibility_starts_at_id'), ['status', 'visibility', 'starts_at', 'id'], unique=False)
        batch_op.create_index(batch_op.f('ix_event_tenant_id_status_visibility_starts_at_id'), ['tenant_id', 'status', 'visibility', 'starts_at', 'id'], unique=False)

    op.create_table('membership',
    sa.Column('tenant_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('volunteer_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('joined_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('status', sa.String(length=24), nullable=False),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenant.id'], name=op.f('fk_membership_tenant_id_tenant')),
    sa.ForeignKeyConstraint(['volunteer_id'], ['volunteer.id'], name=op.f('fk_membership_volunteer_id_volunteer'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('tenant_id', 'volunteer_id', name=op.f('pk_membership'))
    )
    with op.batch_alter_table('membership', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_membership_volunteer_id'), ['volunteer_id'], unique=False)

    op.create_table('news_item',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('tags', sa.JSON(), nullable=False),
    sa.Column('image_url', sa.String(length=500), nullable=True),
    sa.Column('published_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('visibility', sa.String(length=24), nullable=False),
    sa.Column('status', sa.String(length=24), nullable=False),
    sa.Column('author_name', sa.String(length=200), nullable=True),
    sa.Column('tenant_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenant.id'], name=op.f('fk_news_item_tenant_id_tenant'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_news_item'))
    )
    with op.batch_alter_table('news_item', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_news_item_status_visibility_published_at_id'), ['status', 'visibility', 'published_at', 'id'], unique=False)
        batch_op.create_index(batch_op.f('ix_news_item_tenant_id_status_visibility_published_at_id'), ['tenant_id', 'status', 'visibility', 'published_at', 'id'], unique=False)

    op.create_table('organization',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('kind', sa.String(length=48), nullable=True),
    sa.Column('city', sa.String(length=100), nullable=True),
    sa.Column('tenant_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenant.id'], name=op.f('fk_organization_tenant_id_tenant'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_organization'))
    )
    with op.batch_alter_table('organization', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_organization_tenant_id_id'), ['tenant_id', 'id'], unique=False)

    op.create_table('volunteer_skill',
    sa.Column('volunteer_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('skill_code', sa.String(length=48), nullable=False),
    sa.ForeignKeyConstraint(['skill_code'], ['skill.code'], name=op.f('fk_volunteer_skill_skill_code_skill')),
    sa.ForeignKeyConstraint(['volunteer_id'], ['volunteer.id'], name=op.f('fk_volunteer_skill_volunteer_id_volunteer'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('volunteer_id', 'skill_code', name=op.f('pk_volunteer_skill'))
    )
    with op.batch_alter_table('volunteer_skill', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_volunteer_skill_skill_code_volunteer_id'), ['skill_code', 'volunteer_id'], unique=False)

    op.create_table('campaign_translation',
    sa.Column('campaign_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('title', sa.String(length=300), nullable=False),
    sa.Column('tenant_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('locale', sa.String(length=16), nullable=False),
    sa.Column('is_source', sa.Boolean(), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('source_digest', sa.String(length=64), nullable=True),
    sa.ForeignKeyConstraint(['campaign_id'], ['campaign.id'], name=op.f('fk_campaign_translation_campaign_id_campaign'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenant.id'], name=op.f('fk_campaign_translation_tenant_id_tenant'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('campaign_id', 'locale', name=op.f('pk_campaign_translation'))
    )
    op.create_table('event_translation',
    sa.Column('event_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('title', sa.String(length=300), nullable=False),
    sa.Column('description', sa.Text(), nullable=True),
    sa.Column('tenant_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('locale', sa.String(length=16), nullable=False),
    sa.Column('is_source', sa.Boolean(), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('source_digest', sa.String(length=64), nullable=True),
    sa.ForeignKeyConstraint(['event_id'], ['event.id'], name=op.f('fk_event_translation_event_id_event'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenant.id'], name=op.f('fk_event_translation_tenant_id_tenant'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('event_id', 'locale', name=op.f('pk_event_translation'))
    )
    op.create_table('news_item_translation',
    sa.Column('news_item_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('title', sa.String(length=300), nullable=False),
    sa.Column('summary', sa.Text(), nullable=True),
    sa.Column('body', sa.Text(), nullable=True),
    sa.Column('tenant_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('locale', sa.String(length=16), nullable=False),
    sa.Column('is_source', sa.Boolean(), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('source_digest', sa.String(length=64), nullable=True),
    sa.ForeignKeyConstraint(['news_item_id'], ['news_item.id'], name=op.f('fk_news_item_translation_news_item_id_news_item'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenant.id'], name=op.f('fk_news_item_translation_tenant_id_tenant'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('news_item_id', 'locale', name=op.f('pk_news_item_translation'))
    )
    op.create_table('opportunity',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('external_id', sa.String(length=128), nullable=True),
    sa.Column('organization_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.Column('campaign_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.Column('format', sa.String(length=24), nullable=False),
    sa.Column('category_code', sa.String(length=48), nullable=False),
    sa.Column('country', sa.String(length=2), nullable=True),
    sa.Column('region', sa.String(length=100), nullable=True),
    sa.Column('city', sa.String(length=100), nullable=True),
    sa.Column('latitude', sa.Float(), nullable=True),
    sa.Column('longitude', sa.Float(), nullable=True),
    sa.Column('starts_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('ends_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('is_ongoing', sa.Boolean(), nullable=False),
    sa.Column('capacity', sa.Integer(), nullable=True),
    sa.Column('filled_spots', sa.Integer(), nullable=False),
    sa.Column('credited_hours', sa.Float(), nullable=True),
    sa.Column('is_emergency', sa.Boolean(), nullable=False),
    sa.Column('visibility', sa.String(length=24), nullable=False),
    sa.Column('status', sa.String(length=24), nullable=False),
    sa.Column('published_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('contact_name', sa.String(length=200), nullable=True),
    sa.Column('contact_email', sa.String(length=200), nullable=True),
    sa.Column('contact_phone', sa.String(length=40), nullable=True),
    sa.Column('tenant_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['campaign_id'], ['campaign.id'], name=op.f('fk_opportunity_campaign_id_campaign')),
    sa.ForeignKeyConstraint(['category_code'], ['category.code'], name=op.f('fk_opportunity_category_code_category')),
    sa.ForeignKeyConstraint(['organization_id'], ['organization.id'], name=op.f('fk_opportunity_organization_id_organization')),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenant.id'], name=op.f('fk_opportunity_tenant_id_tenant'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_opportunity')),
    sa.UniqueConstraint('tenant_id', 'external_id', name=op.f('uq_opportunity_tenant_id_external_id'))
    )
    with op.batch_alter_table('opportunity', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_opportunity_status_visibility_id'), ['status', 'visibility', 'id'], unique=False)
        batch_op.create_index(batch_op.f('ix_opportunity_tenant_id_status_visibility_id'), ['tenant_id', 'status', 'visibility', 'id'], unique=False)

    op.create_table('application',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('opportunity_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('volunteer_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('status', sa.String(length=24), nullable=False),
    sa.Column('applied_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('decided_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('tenant_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.ForeignKeyConstraint(['opportunity_id'], ['opportunity.id'], name=op.f('fk_application_opportunity_id_opportunity')),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenant.id'], name=op.f('fk_application_tenant_id_tenant'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['volunteer_id'], ['volunteer.id'], name=op.f('fk_application_volunteer_id_volunteer')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_application')),
    sa.UniqueConstraint('opportunity_id', 'volunteer_id', name=op.f('uq_application_opportunity_id_volunteer_id'))
    )
    with op.batch_alter_table('application', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_application_tenant_id_opportunity_id_status'), ['tenant_id', 'opportunity_id', 'status'], unique=False)
        batch_op.create_index(batch_op.f('ix_application_volunteer_id_id'), ['volunteer_id', 'id'], unique=False)

    op.create_table('opportunity_skill',
    sa.Column('opportunity_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('skill_code', sa.String(length=48), nullable=False),
    sa.Column('tenant_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.ForeignKeyConstraint(['opportunity_id'], ['opportunity.id'], name=op.f('fk_opportunity_skill_opportunity_id_opportunity'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['skill_code'], ['skill.code'], name=op.f('fk_opportunity_skill_skill_code_skill')),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenant.id'], name=op.f('fk_opportunity_skill_tenant_id_tenant'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('opportunity_id', 'skill_code', name=op.f('pk_opportunity_skill'))
    )
    with op.batch_alter_table('opportunity_skill', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_opportunity_skill_tenant_id_skill_code_opportunity_id'), ['tenant_id', 'skill_code', 'opportunity_id'], unique=False)

    op.create_table('opportunity_translation',
    sa.Column('opportunity_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('title', sa.String(length=300), nullable=False),
    sa.Column('summary', sa.Text(), nullable=True),
    sa.Column('description', sa.Text(), nullable=True),
    sa.Column('tenant_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('locale', sa.String(length=16), nullable=False),
    sa.Column('is_source', sa.Boolean(), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('source_digest', sa.String(length=64), nullable=True),
    sa.ForeignKeyConstraint(['opportunity_id'], ['opportunity.id'], name=op.f('fk_opportunity_translation_opportunity_id_opportunity'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenant.id'], name=op.f('fk_opportunity_translation_tenant_id_tenant'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('opportunity_id', 'locale', name=op.f('pk_opportunity_translation'))
    )
    op.create_table('saved_opportunity',
    sa.Column('volunteer_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('opportunity_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('saved_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('tenant_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.ForeignKeyConstraint(['opportunity_id'], ['opportunity.id'], name=op.f('fk_saved_opportunity_opportunity_id_opportunity'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenant.id'], name=op.f('fk_saved_opportunity_tenant_id_tenant'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['volunteer_id'], ['volunteer.id'], name=op.f('fk_saved_opportunity_volunteer_id_volunteer'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('volunteer_id', 'opportunity_id', name=op.f('pk_saved_opportunity'))
    )
    op.create_table('hours_entry',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('application_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('volunteer_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('date', sa.Date(), nullable=False),
    sa.Column('hours', sa.Float(), nullable=False),
    sa.Column('verified', sa.Boolean(), nullable=False),
    sa.Column('verified_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('tenant_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.ForeignKeyConstraint(['application_id'], ['application.id'], name=op.f('fk_hours_entry_application_id_application'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenant.id'], name=op.f('fk_hours_entry_tenant_id_tenant'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['volunteer_id'], ['volunteer.id'], name=op.f('fk_hours_entry_volunteer_id_volunteer')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_hours_entry'))
    )
    with op.batch_alter_table('hours_entry', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_hours_entry_tenant_id_application_id'), ['tenant_id', 'application_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_hours_entry_volunteer_id'), ['volunteer_id'], unique=False)




def downgrade() -> None:

    with op.batch_alter_table('hours_entry', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_hours_entry_volunteer_id'))
        batch_op.drop_index(batch_op.f('ix_hours_entry_tenant_id_application_id'))

    op.drop_table('hours_entry')
    op.drop_table('saved_opportunity')
    op.drop_table('opportunity_translation')
    with op.batch_alter_table('opportunity_skill', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_opportunity_skill_tenant_id_skill_code_opportunity_id'))

    op.drop_table('opportunity_skill')
    with op.batch_alter_table('application', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_application_volunteer_id_id'))
        batch_op.drop_index(batch_op.f('ix_application_tenant_id_opportunity_id_status'))

    op.drop_table('application')
    with op.batch_alter_table('opportunity', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_opportunity_tenant_id_status_visibility_id'))
        batch_op.drop_index(batch_op.f('ix_opportunity_status_visibility_id'))

    op.drop_table('opportunity')
    op.drop_table('news_item_translation')
    op.drop_table('event_translation')
    op.drop_table('campaign_translation')
    with op.batch_alter_table('volunteer_skill', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_volunteer_skill_skill_code_volunteer_id'))

    op.drop_table('volunteer_skill')
    with op.batch_alter_table('organization', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_organization_tenant_id_id'))

    op.drop_table('organization')
    with op.batch_alter_table('news_item', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_news_item_tenant_id_status_visibility_published_at_id'))
        batch_op.drop_index(batch_op.f('ix_news_item_status_visibility_published_at_id'))

    op.drop_table('news_item')
    with op.batch_alter_table('membership', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_membership_volunteer_id'))

    op.drop_table('membership')
    with op.batch_alter_table('event', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_event_tenant_id_status_visibility_starts_at_id'))
        batch_op.drop_index(batch_op.f('ix_event_status_visibility_starts_at_id'))

    op.drop_table('event')
    with op.batch_alter_table('campaign', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_campaign_tenant_id_id'))

    op.drop_table('campaign')
    op.drop_table('volunteer')
    with op.batch_alter_table('tenant', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_tenant_country'))

    op.drop_table('tenant')
    op.drop_table('skill')
    op.drop_table('category')

