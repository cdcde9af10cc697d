"""Rules of the organisation, supervisors' weighing of fraud records, long-lived goods

Revision ID: 0007
Revises: 0005
Create Date: 2026-12-07 22:30:00.000000

Written by hand in the style of 0005; the same statements run on SQLite and PostgreSQL.

* org_setting: rules the organisation decides once for every workstation (deadline roll-forward).
* fraud_weighing: a supervisor's keep-or-erase decision on the shop's fraud records against an
  erasure request, with the reasons (GDPR Art. 17(1)(c) with 21(1)); CHECKs keep both written.
* order_line.long_lived: goods meant to last substantially longer, which carry the 5-year complaint
  period of forbrukerkjøpsloven § 27. Existing lines default to false (2 years) until the shop's
  systems fill the flag; see docs/rules.md.
"""
from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0007'
down_revision: str | None = '0005'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('org_setting',
    sa.Column('key', sa.String(length=60), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.Column('changed_at', sa.DateTime(), nullable=True),
    sa.Column('changed_by_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['changed_by_id'], ['staff_account.id'], name=op.f('fk_org_setting_changed_by_id_staff_account'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_org_setting'))
    )
    op.create_table('fraud_weighing',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('request_id', sa.Integer(), nullable=False),
    sa.Column('decision', sa.String(length=10), nullable=False),
    sa.Column('reasons', sa.Text(), nullable=False),
    sa.Column('decided_by_id', sa.Integer(), nullable=True),
    sa.Column('decided_by', sa.String(length=60), nullable=False),
    sa.Column('decided_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint("decision IN ('keep', 'erase')", name=op.f('ck_fraud_weighing_decision')),
    sa.CheckConstraint('length(trim(reasons)) > 0', name=op.f('ck_fraud_weighing_reasons')),
    sa.ForeignKeyConstraint(['decided_by_id'], ['staff_account.id'], name=op.f('fk_fraud_weighing_decided_by_id_staff_account'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['request_id'], ['dsr_request.id'], name=op.f('fk_fraud_weighing_request_id_dsr_request'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_fraud_weighing'))
    )
    with op.batch_alter_table('fraud_weighing', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_fraud_weighing_request_id'), ['request_id'], unique=False)
    with op.batch_alter_table('order_line', schema=None) as batch_op:
        batch_op.add_column(sa.Column('long_lived', sa.Boolean(), server_default=sa.false(), nullable=False))


def downgrade() -> None:
    with op.batch_alter_table('order_line', schema=None) as batch_op:
        batch_op.drop_column('long_lived')
    with op.batch_alter_table('fraud_weighing', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_fraud_weighing_request_id'))
    op.drop_table('fraud_weighing')
    op.drop_table('org_setting')
