"""Data-subject requests: the request, its history, Art. 19 notices, rectifications, restrictions, letters

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-27 14:00:00.000000

Written by hand in the style of 0001 (checked against the models with Alembic's comparison); the
same statements run on SQLite and PostgreSQL. The CHECK constraints hold the request rules that
must not depend on which program writes the row: known states and types, a refusal carries its
written reason, and only erasure and Art. 21(1) objections ever wait for a supervisor. Their
value lists are spelled out here, not imported, so this revision never changes after release.
"""
from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0003'
down_revision: str | None = '0002'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('dsr_request',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('type', sa.String(length=40), nullable=False),
    sa.Column('customer_id', sa.Integer(), nullable=True),
    sa.Column('channel', sa.String(length=10), nullable=False),
    sa.Column('received_on', sa.Date(), nullable=False),
    sa.Column('received_at', sa.DateTime(), nullable=True),
    sa.Column('filed_at', sa.DateTime(), nullable=False),
    sa.Column('identity_state', sa.String(length=20), nullable=False),
    sa.Column('identity_verification_id', sa.Integer(), nullable=True),
    sa.Column('state', sa.String(length=20), nullable=False),
    sa.Column('assigned_agent_id', sa.Integer(), nullable=True),
    sa.Column('filed_by_id', sa.Integer(), nullable=True),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('due_on', sa.Date(), nullable=False),
    sa.Column('extended_until', sa.Date(), nullable=True),
    sa.Column('extension_reason', sa.Text(), nullable=True),
    sa.Column('extended_at', sa.DateTime(), nullable=True),
    sa.Column('refusal_reason', sa.Text(), nullable=True),
    sa.Column('decision', sa.String(length=20), nullable=True),
    sa.Column('decision_grounds', sa.Text(), nullable=True),
    sa.Column('decided_by_id', sa.Integer(), nullable=True),
    sa.Column('decided_at', sa.DateTime(), nullable=True),
    sa.Column('marketing_channel', sa.String(length=10), nullable=True),
    sa.Column('scope_purposes', sa.String(length=200), nullable=False),
    sa.Column('is_duplicate', sa.Boolean(), nullable=False),
    sa.Column('duplicate_of_id', sa.Integer(), nullable=True),
    sa.Column('completed_at', sa.DateTime(), nullable=True),
    sa.Column('completion_summary', sa.Text(), nullable=True),
    sa.Column('completion_channel', sa.String(length=10), nullable=True),
    sa.Column('completion_sent_on', sa.Date(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.CheckConstraint("state <> 'awaiting_approval' OR type IN ('erasure', 'objection_legitimate_interest')", name=op.f('ck_dsr_request_approval_type')),
    sa.CheckConstraint("state <> 'refused' OR (refusal_reason IS NOT NULL AND length(trim(refusal_reason)) > 0)", name=op.f('ck_dsr_request_refusal_reason')),
    sa.CheckConstraint("state IN ('awaiting_approval', 'done', 'identity_verified', 'in_progress', 'received', 'refused', 'withdrawn')", name=op.f('ck_dsr_request_state')),
    sa.CheckConstraint("type IN ('access', 'erasure', 'objection_direct_marketing', 'objection_legitimate_interest', 'portability', 'rectification', 'restriction', 'withdraw_consent')", name=op.f('ck_dsr_request_type')),
    sa.ForeignKeyConstraint(['assigned_agent_id'], ['staff_account.id'], name=op.f('fk_dsr_request_assigned_agent_id_staff_account'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['customer_id'], ['customer.id'], name=op.f('fk_dsr_request_customer_id_customer'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['decided_by_id'], ['staff_account.id'], name=op.f('fk_dsr_request_decided_by_id_staff_account'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['duplicate_of_id'], ['dsr_request.id'], name=op.f('fk_dsr_request_duplicate_of_id_dsr_request'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['filed_by_id'], ['staff_account.id'], name=op.f('fk_dsr_request_filed_by_id_staff_account'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['identity_verification_id'], ['identity_verification.id'], name=op.f('fk_dsr_request_identity_verification_id_identity_verification'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_dsr_request'))
    )
    with op.batch_alter_table('dsr_request', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_dsr_request_assigned_agent_id'), ['assigned_agent_id'], unique=False)
        batch_op.create_index('ix_dsr_request_customer_type_state', ['customer_id', 'type', 'state'], unique=False)
        batch_op.create_index(batch_op.f('ix_dsr_request_due_on'), ['due_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_dsr_request_state'), ['state'], unique=False)
        batch_op.create_index(batch_op.f('ix_dsr_request_type'), ['type'], unique=False)

    op.create_table('recipient_notification',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('request_id', sa.Integer(), nullable=False),
    sa.Column('recipient_key', sa.String(length=60), nullable=False),
    sa.Column('kind', sa.String(length=30), nullable=False),
    sa.Column('record_kinds', sa.String(length=400), nullable=False),
    sa.Column('subject_nb', sa.String(length=300), nullable=False),
    sa.Column('body_nb', sa.Text(), nullable=False),
    sa.Column('subject_en', sa.String(length=300), nullable=False),
    sa.Column('body_en', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('sent_at', sa.DateTime(), nullable=True),
    sa.Column('sent_by_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['request_id'], ['dsr_request.id'], name=op.f('fk_recipient_notification_request_id_dsr_request'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['sent_by_id'], ['staff_account.id'], name=op.f('fk_recipient_notification_sent_by_id_staff_account'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_recipient_notification'))
    )
    with op.batch_alter_table('recipient_notification', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_recipient_notification_request_id'), ['request_id'], unique=False)

    op.create_table('rectification_change',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('request_id', sa.Integer(), nullable=False),
    sa.Column('record_kind', sa.String(length=40), nullable=False),
    sa.Column('record_id', sa.Integer(), nullable=False),
    sa.Column('field', sa.String(length=40), nullable=False),
    sa.Column('before_masked', sa.String(length=200), nullable=False),
    sa.Column('after_masked', sa.String(length=200), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('actor_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['request_id'], ['dsr_request.id'], name=op.f('fk_rectification_change_request_id_dsr_request'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_rectification_change'))
    )
    with op.batch_alter_table('rectification_change', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_rectification_change_request_id'), ['request_id'], unique=False)

    op.create_table('request_event',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('request_id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('actor_id', sa.Integer(), nullable=True),
    sa.Column('actor', sa.String(length=60), nullable=False),
    sa.Column('action', sa.String(length=40), nullable=False),
    sa.Column('from_state', sa.String(length=20), nullable=True),
    sa.Column('to_state', sa.String(length=20), nullable=False),
    sa.Column('note', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['request_id'], ['dsr_request.id'], name=op.f('fk_request_event_request_id_dsr_request'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_request_event'))
    )
    with op.batch_alter_table('request_event', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_request_event_request_id'), ['request_id'], unique=False)

    op.create_table('request_letter',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('request_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=40), nullable=False),
    sa.Column('lang', sa.String(length=5), nullable=False),
    sa.Column('subject', sa.String(length=300), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('sent_on', sa.Date(), nullable=True),
    sa.Column('sent_via', sa.String(length=10), nullable=True),
    sa.ForeignKeyConstraint(['request_id'], ['dsr_request.id'], name=op.f('fk_request_letter_request_id_dsr_request'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_request_letter'))
    )
    with op.batch_alter_table('request_letter', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_request_letter_request_id'), ['request_id'], unique=False)

    op.create_table('restriction_record',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('request_id', sa.Integer(), nullable=False),
    sa.Column('record_kind', sa.String(length=40), nullable=False),
    sa.Column('record_id', sa.Integer(), nullable=False),
    sa.Column('reason', sa.String(length=40), nullable=False),
    sa.Column('restricted_at', sa.DateTime(), nullable=False),
    sa.Column('lifted_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['request_id'], ['dsr_request.id'], name=op.f('fk_restriction_record_request_id_dsr_request'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_restriction_record'))
    )
    with op.batch_alter_table('restriction_record', schema=None) as batch_op:
        batch_op.create_index('ix_restriction_record_record', ['record_kind', 'record_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_restriction_record_request_id'), ['request_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('restriction_record', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_restriction_record_request_id'))
        batch_op.drop_index('ix_restriction_record_record')

    op.drop_table('restriction_record')
    with op.batch_alter_table('request_letter', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_request_letter_request_id'))

    op.drop_table('request_letter')
    with op.batch_alter_table('request_event', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_request_event_request_id'))

    op.drop_table('request_event')
    with op.batch_alter_table('rectification_change', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_rectification_change_request_id'))

    op.drop_table('rectification_change')
    with op.batch_alter_table('recipient_notification', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_recipient_notification_request_id'))

    op.drop_table('recipient_notification')
    with op.batch_alter_table('dsr_request', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_dsr_request_type'))
        batch_op.drop_index(batch_op.f('ix_dsr_request_state'))
        batch_op.drop_index(batch_op.f('ix_dsr_request_due_on'))
        batch_op.drop_index('ix_dsr_request_customer_type_state')
        batch_op.drop_index(batch_op.f('ix_dsr_request_assigned_agent_id'))

    op.drop_table('dsr_request')
