"""Register copies: the redactions withheld from a copy under Art. 15(4)

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-28 15:00:00.000000

Written by hand in the style of 0003 and checked against the model with Alembic's comparison; the
same statements run on SQLite and PostgreSQL. A row records which span of which free-text field was
withheld, by whom and why, never the withheld text. The CHECK constraints keep a span non-empty and
a reason written, whoever writes the row.
"""
from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0005'
down_revision: str | None = '0004'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('register_copy_redaction',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('request_id', sa.Integer(), nullable=False),
    sa.Column('customer_id', sa.Integer(), nullable=True),
    sa.Column('record_kind', sa.String(length=40), nullable=False),
    sa.Column('record_id', sa.Integer(), nullable=False),
    sa.Column('field', sa.String(length=40), nullable=False),
    sa.Column('span_start', sa.Integer(), nullable=False),
    sa.Column('span_end', sa.Integer(), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('text_fingerprint', sa.String(length=64), nullable=False),
    sa.Column('actor_id', sa.Integer(), nullable=True),
    sa.Column('actor', sa.String(length=60), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint('length(trim(reason)) > 0', name=op.f('ck_register_copy_redaction_reason')),
    sa.CheckConstraint('span_start >= 0 AND span_end > span_start', name=op.f('ck_register_copy_redaction_span')),
    sa.ForeignKeyConstraint(['actor_id'], ['staff_account.id'], name=op.f('fk_register_copy_redaction_actor_id_staff_account'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['customer_id'], ['customer.id'], name=op.f('fk_register_copy_redaction_customer_id_customer'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['request_id'], ['dsr_request.id'], name=op.f('fk_register_copy_redaction_request_id_dsr_request'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_register_copy_redaction'))
    )
    with op.batch_alter_table('register_copy_redaction', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_register_copy_redaction_customer_id'), ['customer_id'], unique=False)
        batch_op.create_index('ix_register_copy_redaction_record', ['record_kind', 'record_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_register_copy_redaction_request_id'), ['request_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('register_copy_redaction', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_register_copy_redaction_request_id'))
        batch_op.drop_index('ix_register_copy_redaction_record')
        batch_op.drop_index(batch_op.f('ix_register_copy_redaction_customer_id'))

    op.drop_table('register_copy_redaction')
