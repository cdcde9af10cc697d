"""Files the desk wrote that hold a person's data (saved register copies, portability exports)

Revision ID: 0009
Revises: 0007
Create Date: 2026-12-07 22:45:00.000000

Written by hand; the same statements run on SQLite and PostgreSQL. The application role gets
SELECT, INSERT and UPDATE on the new table from `db init-team` / `db upgrade` (no DELETE: a row
is blanked when handled, never removed).
"""
from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0009'
down_revision: str | None = '0007'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('written_file',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('customer_id', sa.Integer(), nullable=True),
    sa.Column('request_id', sa.Integer(), nullable=True),
    sa.Column('kind', sa.String(length=40), nullable=False),
    sa.Column('path', sa.Text(), nullable=False),
    sa.Column('workstation', sa.String(length=120), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.Column('written_by', sa.Integer(), nullable=True),
    sa.Column('written_at', sa.DateTime(), nullable=False),
    sa.Column('handled_at', sa.DateTime(), nullable=True),
    sa.Column('handled_by', sa.Integer(), nullable=True),
    sa.Column('outcome', sa.String(length=20), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_written_file'))
    )
    with op.batch_alter_table('written_file', schema=None) as batch_op:
        batch_op.create_index('ix_written_file_customer_open', ['customer_id', 'handled_at'], unique=False)
        batch_op.create_index('ix_written_file_request', ['request_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('written_file', schema=None) as batch_op:
        batch_op.drop_index('ix_written_file_request')
        batch_op.drop_index('ix_written_file_customer_open')
    op.drop_table('written_file')
