"""Erasure plans, the supervisor's decision on them, their execution, and retention runs.

None of these rows holds a value of the person's data: a plan keeps record kinds, ids and
decisions; a run keeps counts. The one exception is `erasure_run.purge_markers`: the erased
values, encrypted, kept only until the scan of the database files proves them gone (so a purge
interrupted by a crash can still be checked), then overwritten (secure_delete) and dropped.

The four-eyes rule is held by the database as well as the service: a partial unique index allows
one decision in force per request (a withdrawn approval frees the slot for a new decision after a
new plan), and a trigger (migration 0004) refuses an approval by the request's filer, by a
disabled account or by a role that may not approve.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column

from desktop.models.base import Base, RecordMixin
from desktop.models.cases import CaseMessage, ServiceCase, WarrantyCase
from desktop.models.commerce import CreditCheck, Delivery, Order, OrderLine, Payment
from desktop.models.customer import Address, Customer
from desktop.models.engagement import (
    CompetitionEntry,
    ContactMessage,
    Favourite,
    JobApplication,
    MarketingConsent,
    MarketingSuppression,
    Membership,
)
from desktop.models.security import FraudSignal, ItEnvironment

__all__ = ["ErasureApproval", "ErasurePlanRecord", "ErasureRun", "RetentionRun"]

ERASURE_RUN_STATES = ("pending", "purge_pending", "done")


class ErasurePlanRecord(Base):
    """One plan as it was shown: the approval names its fingerprint, never "the latest"."""

    __tablename__ = "erasure_plan"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("dsr_request.id", ondelete="CASCADE"), index=True)
    fingerprint: Mapped[str] = mapped_column(String(64))
    purpose: Mapped[str | None] = mapped_column(String(40), default=None)
    plan_date: Mapped[date] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff_account.id"), default=None)
    plan: Mapped[str] = mapped_column(Text)  # JSON: kinds, ids, decisions; no values


class ErasureApproval(Base):
    """A supervisor's decision on a plan; `executes_after` ends the grace period for withdrawal."""

    __tablename__ = "erasure_approval"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("dsr_request.id", ondelete="CASCADE"))
    plan_id: Mapped[int] = mapped_column(ForeignKey("erasure_plan.id"))
    plan_fingerprint: Mapped[str] = mapped_column(String(64))
    approver_id: Mapped[int] = mapped_column(ForeignKey("staff_account.id"))
    decision: Mapped[str] = mapped_column(String(10))  # approved | rejected
    reason: Mapped[str | None] = mapped_column(Text, default=None)
    decided_at: Mapped[datetime] = mapped_column(DateTime)
    executes_after: Mapped[datetime | None] = mapped_column(DateTime, default=None)
    withdrawn_at: Mapped[datetime | None] = mapped_column(DateTime, default=None)
    withdrawn_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff_account.id"), default=None)
    # PostgreSQL: a keyed MAC the server's four-eyes trigger puts on the row (migration 0010), so a
    # decision that did not pass that trigger is told apart. Never written by the desk itself.
    stamp: Mapped[str | None] = mapped_column(String(64), default=None)

    __table_args__ = (
        # One decision in force per request, whoever writes the row.
        Index("uq_erasure_approval_request", "request_id", unique=True,
              sqlite_where=text("withdrawn_at IS NULL"), postgresql_where=text("withdrawn_at IS NULL")),
        CheckConstraint("decision IN ('approved', 'rejected')", name="decision"),
        CheckConstraint(
            "decision <> 'rejected' OR (reason IS NOT NULL AND length(trim(reason)) > 0)", name="reject_reason"
        ),
        CheckConstraint("decision = 'approved' OR withdrawn_at IS NULL", name="withdraw_approved_only"),
    )


class ErasureRun(Base):
    """The execution of an approved plan and the proof that the values left the database files.

    pending: the erasure committed, the purge not yet tried; purge_pending: tried, but another
    reader held the WAL or a value was still found; done: the scan was clean (or, on PostgreSQL,
    there are no files of ours to scan).
    """

    __tablename__ = "erasure_run"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("dsr_request.id", ondelete="CASCADE"), index=True)
    approval_id: Mapped[int | None] = mapped_column(ForeignKey("erasure_approval.id"), default=None)
    plan_fingerprint: Mapped[str] = mapped_column(String(64))
    state: Mapped[str] = mapped_column(String(20), index=True)
    started_at: Mapped[datetime] = mapped_column(DateTime)
    finished_at: Mapped[datetime | None] = mapped_column(DateTime, default=None)
    counts: Mapped[str] = mapped_column(Text, default="{}")  # JSON
    residue: Mapped[str | None] = mapped_column(Text, default=None)  # JSON: the last scan's result
    purge_attempts: Mapped[int] = mapped_column(Integer, default=0)
    purge_markers: Mapped[bytes | None] = mapped_column(LargeBinary, default=None)

    __table_args__ = (
        CheckConstraint("state IN ('pending', 'purge_pending', 'done')", name="state"),
        CheckConstraint("state <> 'done' OR purge_markers IS NULL", name="done_without_markers"),
    )


class RetentionRun(Base):
    """One run of the retention job; `cursor` is the last person id done, so a crash resumes."""

    __tablename__ = "retention_run"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    started_at: Mapped[datetime] = mapped_column(DateTime)
    finished_at: Mapped[datetime | None] = mapped_column(DateTime, default=None)
    dry_run: Mapped[bool] = mapped_column(Boolean, default=False)
    run_date: Mapped[date] = mapped_column(Date)
    actor: Mapped[str] = mapped_column(String(60))
    cursor: Mapped[int] = mapped_column(Integer, default=0)
    batches: Mapped[int] = mapped_column(Integer, default=0)
    counts: Mapped[str] = mapped_column(Text, default="{}")  # JSON


#: Held records, found without reading every row: the release of ended holds asks only for these.
HELD_RECORD_MODELS: tuple[type[RecordMixin], ...] = (
    Customer, Address, Order, OrderLine, Delivery, Payment, CreditCheck, WarrantyCase, ServiceCase, CaseMessage,
    CompetitionEntry, FraudSignal, ItEnvironment, Membership, Favourite, JobApplication, ContactMessage,
    MarketingConsent, MarketingSuppression,
)
for _model in HELD_RECORD_MODELS:
    _table = _model.__table__  # type: ignore[attr-defined]
    Index(f"ix_{_table.name}_legal_hold", _table.c.legal_hold_until,
          sqlite_where=text("legal_hold_until IS NOT NULL"), postgresql_where=text("legal_hold_until IS NOT NULL"))
