"""Sources: provenance of mirrored records, sync cursors and runs, identity questions for an agent

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-07 22:20:00.000000

Written by hand in the style of 0005 and checked against the model with Alembic's comparison; the
same statements run on SQLite and PostgreSQL. Four new tables; nothing existing changes, so the
downgrade drops them and loses only the sync bookkeeping (the next sync starts afresh).
"""
from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0011'
down_revision: str | None = '0010'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('source_record',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('system', sa.String(length=60), nullable=False),
    sa.Column('mapping', sa.String(length=60), nullable=False),
    sa.Column('source_table', sa.String(length=128), nullable=False),
    sa.Column('source_key', sa.String(length=200), nullable=False),
    sa.Column('record_kind', sa.String(length=40), nullable=False),
    sa.Column('record_id', sa.Integer(), nullable=False),
    sa.Column('customer_id', sa.Integer(), nullable=True),
    sa.Column('row_hash', sa.String(length=64), nullable=False),
    sa.Column('source_hash', sa.String(length=40), nullable=True),
    sa.Column('first_seen', sa.DateTime(), nullable=False),
    sa.Column('last_synced', sa.DateTime(), nullable=False),
    sa.Column('seen_run', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['customer_id'], ['customer.id'], name=op.f('fk_source_record_customer_id_customer'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_source_record')),
    sa.UniqueConstraint('system', 'mapping', 'source_key', name='uq_source_record_key')
    )
    with op.batch_alter_table('source_record', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_source_record_customer_id'), ['customer_id'], unique=False)
        batch_op.create_index('ix_source_record_record', ['record_kind', 'record_id'], unique=False)

    op.create_table('source_cursor',
    sa.Column('system', sa.String(length=60), nullable=False),
    sa.Column('mapping', sa.String(length=60), nullable=False),
    sa.Column('run_id', sa.Integer(), nullable=False),
    sa.Column('pass_open', sa.Boolean(), nullable=False),
    sa.Column('full', sa.Boolean(), nullable=False),
    sa.Column('after_key', sa.Text(), nullable=True),
    sa.Column('after_changed', sa.String(length=64), nullable=True),
    sa.Column('pass_changed', sa.String(length=64), nullable=True),
    sa.Column('last_complete_at', sa.DateTime(), nullable=True),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('system', 'mapping', name=op.f('pk_source_cursor'))
    )
    op.create_table('source_sync_run',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('system', sa.String(length=60), nullable=False),
    sa.Column('mode', sa.String(length=20), nullable=False),
    sa.Column('started_at', sa.DateTime(), nullable=False),
    sa.Column('finished_at', sa.DateTime(), nullable=True),
    sa.Column('rows_read', sa.Integer(), nullable=False),
    sa.Column('rows_written', sa.Integer(), nullable=False),
    sa.Column('rows_removed', sa.Integer(), nullable=False),
    sa.Column('outcome', sa.String(length=20), nullable=False),
    sa.Column('error', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_source_sync_run'))
    )
    with op.batch_alter_table('source_sync_run', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_source_sync_run_system'), ['system'], unique=False)

    op.create_table('source_conflict',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('system', sa.String(length=60), nullable=False),
    sa.Column('mapping', sa.String(length=60), nullable=False),
    sa.Column('source_key', sa.String(length=200), nullable=False),
    sa.Column('reason', sa.String(length=40), nullable=False),
    sa.Column('matched_by', sa.String(length=60), nullable=False),
    sa.Column('candidate_ids', sa.String(length=400), nullable=False),
    sa.Column('customer_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('resolved_at', sa.DateTime(), nullable=True),
    sa.Column('resolved_by', sa.String(length=60), nullable=True),
    sa.Column('decision', sa.String(length=20), nullable=True),
    sa.Column('note', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['customer_id'], ['customer.id'], name=op.f('fk_source_conflict_customer_id_customer'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_source_conflict')),
    sa.UniqueConstraint('system', 'mapping', 'source_key', name='uq_source_conflict_key')
    )
    with op.batch_alter_table('source_conflict', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_source_conflict_customer_id'), ['customer_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('source_conflict', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_source_conflict_customer_id'))
    op.drop_table('source_conflict')
    with op.batch_alter_table('source_sync_run', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_source_sync_run_system'))
    op.drop_table('source_sync_run')
    op.drop_table('source_cursor')
    with op.batch_alter_table('source_record', schema=None) as batch_op:
        batch_op.drop_index('ix_source_record_record')
        batch_op.drop_index(batch_op.f('ix_source_record_customer_id'))
    op.drop_table('source_record')
