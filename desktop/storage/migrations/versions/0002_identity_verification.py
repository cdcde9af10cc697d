"""Identity verification: contacts, verification outcomes, lockouts, one-time codes, access reasons

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-27 10:00:00.000000

Written by hand in the style of 0001; the same statements run on SQLite and PostgreSQL (no
dialect-specific types, no triggers: these tables are ordinary working data, unlike the log).
"""
from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0002'
down_revision: str | None = '0001'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('contact',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('customer_id', sa.Integer(), nullable=False),
    sa.Column('agent_id', sa.Integer(), nullable=True),
    sa.Column('channel', sa.String(length=10), nullable=False),
    sa.Column('started_at', sa.DateTime(), nullable=False),
    sa.Column('ended_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['agent_id'], ['staff_account.id'], name=op.f('fk_contact_agent_id_staff_account'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['customer_id'], ['customer.id'], name=op.f('fk_contact_customer_id_customer'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_contact'))
    )
    with op.batch_alter_table('contact', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_contact_agent_id'), ['agent_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_contact_customer_id'), ['customer_id'], unique=False)

    op.create_table('identity_verification',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('contact_id', sa.Integer(), nullable=False),
    sa.Column('customer_id', sa.Integer(), nullable=False),
    sa.Column('method', sa.String(length=20), nullable=False),
    sa.Column('evidence', sa.String(length=200), nullable=False),
    sa.Column('outcome', sa.String(length=10), nullable=False),
    sa.Column('agent_id', sa.Integer(), nullable=True),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('expires_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['agent_id'], ['staff_account.id'], name=op.f('fk_identity_verification_agent_id_staff_account'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['contact_id'], ['contact.id'], name=op.f('fk_identity_verification_contact_id_contact'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['customer_id'], ['customer.id'], name=op.f('fk_identity_verification_customer_id_customer'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_identity_verification'))
    )
    with op.batch_alter_table('identity_verification', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_identity_verification_agent_id'), ['agent_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_identity_verification_contact_id'), ['contact_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_identity_verification_customer_id'), ['customer_id'], unique=False)
        batch_op.create_index('ix_identity_verification_customer_at', ['customer_id', 'at'], unique=False)

    op.create_table('verification_lockout',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('customer_id', sa.Integer(), nullable=False),
    sa.Column('contact_id', sa.Integer(), nullable=True),
    sa.Column('failures', sa.Integer(), nullable=False),
    sa.Column('locked_at', sa.DateTime(), nullable=False),
    sa.Column('locked_until', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['contact_id'], ['contact.id'], name=op.f('fk_verification_lockout_contact_id_contact'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['customer_id'], ['customer.id'], name=op.f('fk_verification_lockout_customer_id_customer'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_verification_lockout'))
    )
    with op.batch_alter_table('verification_lockout', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_verification_lockout_contact_id'), ['contact_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_verification_lockout_customer_id'), ['customer_id'], unique=False)

    op.create_table('one_time_code',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('customer_id', sa.Integer(), nullable=False),
    sa.Column('contact_id', sa.Integer(), nullable=False),
    sa.Column('channel', sa.String(length=10), nullable=False),
    sa.Column('code_hash', sa.String(length=64), nullable=False),
    sa.Column('sent_to', sa.String(length=100), nullable=False),
    sa.Column('agent_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('expires_at', sa.DateTime(), nullable=False),
    sa.Column('used_at', sa.DateTime(), nullable=True),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['agent_id'], ['staff_account.id'], name=op.f('fk_one_time_code_agent_id_staff_account'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['contact_id'], ['contact.id'], name=op.f('fk_one_time_code_contact_id_contact'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['customer_id'], ['customer.id'], name=op.f('fk_one_time_code_customer_id_customer'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_one_time_code'))
    )
    with op.batch_alter_table('one_time_code', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_one_time_code_agent_id'), ['agent_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_one_time_code_code_hash'), ['code_hash'], unique=False)
        batch_op.create_index(batch_op.f('ix_one_time_code_contact_id'), ['contact_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_one_time_code_customer_id'), ['customer_id'], unique=False)

    op.create_table('access_reason',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('contact_id', sa.Integer(), nullable=False),
    sa.Column('customer_id', sa.Integer(), nullable=False),
    sa.Column('agent_id', sa.Integer(), nullable=True),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('expires_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['agent_id'], ['staff_account.id'], name=op.f('fk_access_reason_agent_id_staff_account'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['contact_id'], ['contact.id'], name=op.f('fk_access_reason_contact_id_contact'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['customer_id'], ['customer.id'], name=op.f('fk_access_reason_customer_id_customer'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_access_reason'))
    )
    with op.batch_alter_table('access_reason', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_access_reason_agent_id'), ['agent_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_access_reason_contact_id'), ['contact_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_access_reason_customer_id'), ['customer_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('access_reason', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_access_reason_customer_id'))
        batch_op.drop_index(batch_op.f('ix_access_reason_contact_id'))
        batch_op.drop_index(batch_op.f('ix_access_reason_agent_id'))

    op.drop_table('access_reason')
    with op.batch_alter_table('one_time_code', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_one_time_code_customer_id'))
        batch_op.drop_index(batch_op.f('ix_one_time_code_contact_id'))
        batch_op.drop_index(batch_op.f('ix_one_time_code_code_hash'))
        batch_op.drop_index(batch_op.f('ix_one_time_code_agent_id'))

    op.drop_table('one_time_code')
    with op.batch_alter_table('verification_lockout', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_verification_lockout_customer_id'))
        batch_op.drop_index(batch_op.f('ix_verification_lockout_contact_id'))

    op.drop_table('verification_lockout')
    with op.batch_alter_table('identity_verification', schema=None) as batch_op:
        batch_op.drop_index('ix_identity_verification_customer_at')
        batch_op.drop_index(batch_op.f('ix_identity_verification_customer_id'))
        batch_op.drop_index(batch_op.f('ix_identity_verification_contact_id'))
        batch_op.drop_index(batch_op.f('ix_identity_verification_agent_id'))

    op.drop_table('identity_verification')
    with op.batch_alter_table('contact', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_contact_customer_id'))
        batch_op.drop_index(batch_op.f('ix_contact_agent_id'))

    op.drop_table('contact')
