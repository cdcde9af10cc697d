"""Erasure with four eyes: plans, decisions, runs, retention runs, hold indexes, the four-eyes trigger

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-28 09:00:00.000000

Written by hand in the style of 0003; the tables run unchanged on SQLite and PostgreSQL. What the
database itself enforces, whoever writes the row:

* one decision in force per request (partial unique index: a withdrawn approval frees the slot);
* a rejection carries its reason; only an approval can be withdrawn, and only once;
* the approver is an active supervisor or administrator and not the one who filed the request,
  and a decision, once written, cannot be edited (triggers, one set per dialect).

Partial indexes on `legal_hold_until` (every record table) let the release of ended holds find
held records without reading the others. Value lists are spelled out, not imported, so this
revision never changes after release.
"""
from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0004'
down_revision: str | None = '0003'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

RECORD_TABLES = (
    'customer', 'address', 'customer_order', 'order_line', 'delivery', 'payment', 'credit_check', 'warranty_case',
    'service_case', 'case_message', 'competition_entry', 'fraud_signal', 'it_environment', 'membership', 'favourite',
    'job_application', 'contact_message', 'marketing_consent', 'marketing_suppression',
)

_REFUSAL = ('erasure decision refused: the approver must be an active supervisor or administrator '
            'who did not file the request, and the request must be an erasure')
_FIXED = 'an erasure decision cannot be changed; it can only be withdrawn, once'

SQLITE_TRIGGERS = [
    f"""CREATE TRIGGER erasure_approval_four_eyes BEFORE INSERT ON erasure_approval
       WHEN NEW.approver_id IS (SELECT filed_by_id FROM dsr_request WHERE id = NEW.request_id)
         OR NOT EXISTS (SELECT 1 FROM dsr_request WHERE id = NEW.request_id AND type = 'erasure')
         OR NOT EXISTS (SELECT 1 FROM staff_account WHERE id = NEW.approver_id AND disabled = 0
                        AND role IN ('supervisor', 'admin'))
       BEGIN SELECT RAISE(ABORT, '{_REFUSAL}'); END""",
    f"""CREATE TRIGGER erasure_approval_fixed BEFORE UPDATE ON erasure_approval
       WHEN NEW.request_id IS NOT OLD.request_id OR NEW.plan_id IS NOT OLD.plan_id
         OR NEW.plan_fingerprint IS NOT OLD.plan_fingerprint OR NEW.approver_id IS NOT OLD.approver_id
         OR NEW.decision IS NOT OLD.decision OR NEW.reason IS NOT OLD.reason
         OR NEW.decided_at IS NOT OLD.decided_at OR NEW.executes_after IS NOT OLD.executes_after
         OR (OLD.withdrawn_at IS NOT NULL AND (NEW.withdrawn_at IS NOT OLD.withdrawn_at
                                               OR NEW.withdrawn_by_id IS NOT OLD.withdrawn_by_id))
       BEGIN SELECT RAISE(ABORT, '{_FIXED}'); END""",
]

POSTGRES_TRIGGERS = [
    f"""CREATE OR REPLACE FUNCTION gdpr_desk_erasure_four_eyes() RETURNS trigger LANGUAGE plpgsql AS $$
       DECLARE filer integer; rtype text;
       BEGIN
         SELECT filed_by_id, type INTO filer, rtype FROM dsr_request WHERE id = NEW.request_id;
         IF rtype IS DISTINCT FROM 'erasure' OR filer IS NOT DISTINCT FROM NEW.approver_id
            OR NOT EXISTS (SELECT 1 FROM staff_account WHERE id = NEW.approver_id AND NOT disabled
                           AND role IN ('supervisor', 'admin')) THEN
           RAISE EXCEPTION '{_REFUSAL}' USING ERRCODE = 'check_violation';
         END IF;
         RETURN NEW;
       END $$""",
    f"""CREATE OR REPLACE FUNCTION gdpr_desk_erasure_fixed() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         IF NEW.request_id IS DISTINCT FROM OLD.request_id OR NEW.plan_id IS DISTINCT FROM OLD.plan_id
            OR NEW.plan_fingerprint IS DISTINCT FROM OLD.plan_fingerprint
            OR NEW.approver_id IS DISTINCT FROM OLD.approver_id OR NEW.decision IS DISTINCT FROM OLD.decision
            OR NEW.reason IS DISTINCT FROM OLD.reason OR NEW.decided_at IS DISTINCT FROM OLD.decided_at
            OR NEW.executes_after IS DISTINCT FROM OLD.executes_after
            OR (OLD.withdrawn_at IS NOT NULL AND (NEW.withdrawn_at IS DISTINCT FROM OLD.withdrawn_at
                                                  OR NEW.withdrawn_by_id IS DISTINCT FROM OLD.withdrawn_by_id)) THEN
           RAISE EXCEPTION '{_FIXED}' USING ERRCODE = 'check_violation';
         END IF;
         RETURN NEW;
       END $$""",
    """CREATE TRIGGER erasure_approval_four_eyes BEFORE INSERT ON erasure_approval
       FOR EACH ROW EXECUTE FUNCTION gdpr_desk_erasure_four_eyes()""",
    """CREATE TRIGGER erasure_approval_fixed BEFORE UPDATE ON erasure_approval
       FOR EACH ROW EXECUTE FUNCTION gdpr_desk_erasure_fixed()""",
]


def upgrade() -> None:
    op.create_table('erasure_plan',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('request_id', sa.Integer(), nullable=False),
    sa.Column('fingerprint', sa.String(length=64), nullable=False),
    sa.Column('purpose', sa.String(length=40), nullable=True),
    sa.Column('plan_date', sa.Date(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('plan', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['created_by_id'], ['staff_account.id'], name=op.f('fk_erasure_plan_created_by_id_staff_account')),
    sa.ForeignKeyConstraint(['request_id'], ['dsr_request.id'], name=op.f('fk_erasure_plan_request_id_dsr_request'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_erasure_plan'))
    )
    with op.batch_alter_table('erasure_plan', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_erasure_plan_request_id'), ['request_id'], unique=False)

    op.create_table('erasure_approval',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('request_id', sa.Integer(), nullable=False),
    sa.Column('plan_id', sa.Integer(), nullable=False),
    sa.Column('plan_fingerprint', sa.String(length=64), nullable=False),
    sa.Column('approver_id', sa.Integer(), nullable=False),
    sa.Column('decision', sa.String(length=10), nullable=False),
    sa.Column('reason', sa.Text(), nullable=True),
    sa.Column('decided_at', sa.DateTime(), nullable=False),
    sa.Column('executes_after', sa.DateTime(), nullable=True),
    sa.Column('withdrawn_at', sa.DateTime(), nullable=True),
    sa.Column('withdrawn_by_id', sa.Integer(), nullable=True),
    sa.CheckConstraint("decision = 'approved' OR withdrawn_at IS NULL", name=op.f('ck_erasure_approval_withdraw_approved_only')),
    sa.CheckConstraint("decision <> 'rejected' OR (reason IS NOT NULL AND length(trim(reason)) > 0)", name=op.f('ck_erasure_approval_reject_reason')),
    sa.CheckConstraint("decision IN ('approved', 'rejected')", name=op.f('ck_erasure_approval_decision')),
    sa.ForeignKeyConstraint(['approver_id'], ['staff_account.id'], name=op.f('fk_erasure_approval_approver_id_staff_account')),
    sa.ForeignKeyConstraint(['plan_id'], ['erasure_plan.id'], name=op.f('fk_erasure_approval_plan_id_erasure_plan')),
    sa.ForeignKeyConstraint(['request_id'], ['dsr_request.id'], name=op.f('fk_erasure_approval_request_id_dsr_request'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['withdrawn_by_id'], ['staff_account.id'], name=op.f('fk_erasure_approval_withdrawn_by_id_staff_account')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_erasure_approval'))
    )
    with op.batch_alter_table('erasure_approval', schema=None) as batch_op:
        batch_op.create_index('uq_erasure_approval_request', ['request_id'], unique=True,
                              sqlite_where=sa.text('withdrawn_at IS NULL'), postgresql_where=sa.text('withdrawn_at IS NULL'))

    op.create_table('erasure_run',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('request_id', sa.Integer(), nullable=False),
    sa.Column('approval_id', sa.Integer(), nullable=True),
    sa.Column('plan_fingerprint', sa.String(length=64), nullable=False),
    sa.Column('state', sa.String(length=20), nullable=False),
    sa.Column('started_at', sa.DateTime(), nullable=False),
    sa.Column('finished_at', sa.DateTime(), nullable=True),
    sa.Column('counts', sa.Text(), nullable=False),
    sa.Column('residue', sa.Text(), nullable=True),
    sa.Column('purge_attempts', sa.Integer(), nullable=False),
    sa.Column('purge_markers', sa.LargeBinary(), nullable=True),
    sa.CheckConstraint("state <> 'done' OR purge_markers IS NULL", name=op.f('ck_erasure_run_done_without_markers')),
    sa.CheckConstraint("state IN ('pending', 'purge_pending', 'done')", name=op.f('ck_erasure_run_state')),
    sa.ForeignKeyConstraint(['approval_id'], ['erasure_approval.id'], name=op.f('fk_erasure_run_approval_id_erasure_approval')),
    sa.ForeignKeyConstraint(['request_id'], ['dsr_request.id'], name=op.f('fk_erasure_run_request_id_dsr_request'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_erasure_run'))
    )
    with op.batch_alter_table('erasure_run', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_erasure_run_request_id'), ['request_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_erasure_run_state'), ['state'], unique=False)

    op.create_table('retention_run',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('started_at', sa.DateTime(), nullable=False),
    sa.Column('finished_at', sa.DateTime(), nullable=True),
    sa.Column('dry_run', sa.Boolean(), nullable=False),
    sa.Column('run_date', sa.Date(), nullable=False),
    sa.Column('actor', sa.String(length=60), nullable=False),
    sa.Column('cursor', sa.Integer(), nullable=False),
    sa.Column('batches', sa.Integer(), nullable=False),
    sa.Column('counts', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_retention_run'))
    )

    for table in RECORD_TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.create_index(f'ix_{table}_legal_hold', ['legal_hold_until'], unique=False,
                                  sqlite_where=sa.text('legal_hold_until IS NOT NULL'),
                                  postgresql_where=sa.text('legal_hold_until IS NOT NULL'))

    dialect = op.get_bind().dialect.name
    for statement in SQLITE_TRIGGERS if dialect == 'sqlite' else POSTGRES_TRIGGERS:
        op.execute(statement)


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == 'sqlite':
        for name in ('erasure_approval_four_eyes', 'erasure_approval_fixed'):
            op.execute(f'DROP TRIGGER IF EXISTS {name}')
    else:
        for name in ('erasure_approval_four_eyes', 'erasure_approval_fixed'):
            op.execute(f'DROP TRIGGER IF EXISTS {name} ON erasure_approval')
        op.execute('DROP FUNCTION IF EXISTS gdpr_desk_erasure_four_eyes()')
        op.execute('DROP FUNCTION IF EXISTS gdpr_desk_erasure_fixed()')

    for table in reversed(RECORD_TABLES):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_index(f'ix_{table}_legal_hold')

    op.drop_table('retention_run')
    with op.batch_alter_table('erasure_run', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_erasure_run_state'))
        batch_op.drop_index(batch_op.f('ix_erasure_run_request_id'))

    op.drop_table('erasure_run')
    with op.batch_alter_table('erasure_approval', schema=None) as batch_op:
        batch_op.drop_index('uq_erasure_approval_request')

    op.drop_table('erasure_approval')
    with op.batch_alter_table('erasure_plan', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_erasure_plan_request_id'))

    op.drop_table('erasure_plan')
