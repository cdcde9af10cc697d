"""Data-subject requests and everything their handling leaves behind.

A request outlives the person's erasure (it is the evidence that a right was answered, and when),
so its customer link is SET NULL, not CASCADE; the free texts written to the person or to
recipients (`request_letter`, `recipient_notification`) hold names and must be covered by the
erasure plan. `rectification_change` keeps only masked values, like the access log.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import Boolean, CheckConstraint, Date, DateTime, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from desktop.domain.requests import APPROVAL_TYPES, RequestState, RequestType
from desktop.models.base import Base

__all__ = [
    "DsrRequest",
    "RecipientNotification",
    "RectificationChange",
    "RequestEvent",
    "RequestLetter",
    "RestrictionRecord",
]


def _quoted(values: Iterable[StrEnum]) -> str:
    return ", ".join(f"'{v.value}'" for v in sorted(values))


class DsrRequest(Base):
    """One request from a data subject, its deadline and how it was answered.

    `version` is the optimistic lock: two agents working the same request cannot both write
    from a stale screen; the second gets a "changed since you opened it" message.
    """

    __tablename__ = "dsr_request"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    type: Mapped[str] = mapped_column(String(40), index=True)
    # Indexed by ix_dsr_request_customer_type_state, whose first column it is.
    customer_id: Mapped[int | None] = mapped_column(ForeignKey("customer.id", ondelete="SET NULL"))
    channel: Mapped[str] = mapped_column(String(10))  # phone | email | letter | counter | web
    received_on: Mapped[date] = mapped_column(Date)
    # The moment it arrived where known (filed the same day); None for a back-dated letter.
    received_at: Mapped[datetime | None] = mapped_column(DateTime, default=None)
    filed_at: Mapped[datetime] = mapped_column(DateTime)
    identity_state: Mapped[str] = mapped_column(String(20))  # unverified | verified | not_required
    identity_verification_id: Mapped[int | None] = mapped_column(
        ForeignKey("identity_verification.id", ondelete="SET NULL"), default=None
    )
    state: Mapped[str] = mapped_column(String(20), index=True)
    assigned_agent_id: Mapped[int | None] = mapped_column(
        ForeignKey("staff_account.id", ondelete="SET NULL"), index=True
    )
    filed_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff_account.id", ondelete="SET NULL"))
    notes: Mapped[str] = mapped_column(Text, default="")
    due_on: Mapped[date] = mapped_column(Date, index=True)
    extended_until: Mapped[date | None] = mapped_column(Date, default=None)
    extension_reason: Mapped[str | None] = mapped_column(Text, default=None)
    extended_at: Mapped[datetime | None] = mapped_column(DateTime, default=None)
    refusal_reason: Mapped[str | None] = mapped_column(Text, default=None)
    # Supervisor decisions (Art. 21(1) objections now, erasure approval later).
    decision: Mapped[str | None] = mapped_column(String(20), default=None)  # upheld | not_upheld | approved | rejected
    decision_grounds: Mapped[str | None] = mapped_column(Text, default=None)
    decided_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("staff_account.id", ondelete="SET NULL"), default=None
    )
    decided_at: Mapped[datetime | None] = mapped_column(DateTime, default=None)
    # Scope: the marketing channel of an objection ("email", "sms", "post" or "all") and the
    # policy purposes a restriction or objection names (comma separated; empty = all).
    marketing_channel: Mapped[str | None] = mapped_column(String(10), default=None)
    scope_purposes: Mapped[str] = mapped_column(String(200), default="")
    is_duplicate: Mapped[bool] = mapped_column(Boolean, default=False)
    duplicate_of_id: Mapped[int | None] = mapped_column(
        ForeignKey("dsr_request.id", ondelete="SET NULL"), default=None
    )
    completed_at: Mapped[datetime | None] = mapped_column(DateTime, default=None)
    # What was sent, how and when, as the agent recorded it.
    completion_summary: Mapped[str | None] = mapped_column(Text, default=None)
    completion_channel: Mapped[str | None] = mapped_column(String(10), default=None)
    completion_sent_on: Mapped[date | None] = mapped_column(Date, default=None)
    version: Mapped[int] = mapped_column(Integer, nullable=False)

    events: Mapped[list[RequestEvent]] = relationship(
        back_populates="request", cascade="all, delete-orphan", order_by="RequestEvent.id"
    )

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012 - SQLAlchemy's declarative hook

    # The rules that must hold whoever writes the row (docs/rules.md#r-refusal: denials carry a reason).
    __table_args__ = (
        Index("ix_dsr_request_customer_type_state", "customer_id", "type", "state"),
        CheckConstraint(f"state IN ({_quoted(RequestState)})", name="state"),
        CheckConstraint(f"type IN ({_quoted(RequestType)})", name="type"),
        CheckConstraint(
            "state <> 'refused' OR (refusal_reason IS NOT NULL AND length(trim(refusal_reason)) > 0)",
            name="refusal_reason",
        ),
        CheckConstraint(
            f"state <> 'awaiting_approval' OR type IN ({_quoted(APPROVAL_TYPES)})", name="approval_type"
        ),
    )


class RequestEvent(Base):
    """One step in a request's history: who did what, from which state to which, and why."""

    __tablename__ = "request_event"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("dsr_request.id", ondelete="CASCADE"), index=True)
    at: Mapped[datetime] = mapped_column(DateTime)
    actor_id: Mapped[int | None] = mapped_column(Integer)
    actor: Mapped[str] = mapped_column(String(60))
    action: Mapped[str] = mapped_column(String(40))
    from_state: Mapped[str | None] = mapped_column(String(20))
    to_state: Mapped[str] = mapped_column(String(20))
    note: Mapped[str | None] = mapped_column(Text)

    request: Mapped[DsrRequest] = relationship(back_populates="events")


class RecipientNotification(Base):
    """An Art. 19 notice to one recipient of the affected data, with the text to send in nb and en."""

    __tablename__ = "recipient_notification"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("dsr_request.id", ondelete="CASCADE"), index=True)
    recipient_key: Mapped[str] = mapped_column(String(60))
    kind: Mapped[str] = mapped_column(String(30))  # rectification | restriction | restriction_lifted | erasure
    record_kinds: Mapped[str] = mapped_column(String(400))
    subject_nb: Mapped[str] = mapped_column(String(300))
    body_nb: Mapped[str] = mapped_column(Text)
    subject_en: Mapped[str] = mapped_column(String(300))
    body_en: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    sent_at: Mapped[datetime | None] = mapped_column(DateTime, default=None)
    sent_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("staff_account.id", ondelete="SET NULL"), default=None
    )


class RectificationChange(Base):
    """One corrected field, before and after, masked: the proof of Art. 16 without a second copy."""

    __tablename__ = "rectification_change"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("dsr_request.id", ondelete="CASCADE"), index=True)
    record_kind: Mapped[str] = mapped_column(String(40))
    record_id: Mapped[int] = mapped_column(Integer)
    field: Mapped[str] = mapped_column(String(40))
    before_masked: Mapped[str] = mapped_column(String(200))
    after_masked: Mapped[str] = mapped_column(String(200))
    at: Mapped[datetime] = mapped_column(DateTime)
    actor_id: Mapped[int | None] = mapped_column(Integer)


class RestrictionRecord(Base):
    """Which record a request restricted, so lifting one request never frees another's records.

    A record stays restricted while any active row (lifted_at empty) or a legal hold covers it.
    """

    __tablename__ = "restriction_record"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("dsr_request.id", ondelete="CASCADE"), index=True)
    record_kind: Mapped[str] = mapped_column(String(40))
    record_id: Mapped[int] = mapped_column(Integer)
    reason: Mapped[str] = mapped_column(String(40))  # restriction | objection_upheld | consent_withdrawn
    restricted_at: Mapped[datetime] = mapped_column(DateTime)
    lifted_at: Mapped[datetime | None] = mapped_column(DateTime, default=None)

    __table_args__ = (Index("ix_restriction_record_record", "record_kind", "record_id"),)


class RequestLetter(Base):
    """A letter or e-mail to the person about a request (extension, refusal, notices, completion)."""

    __tablename__ = "request_letter"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("dsr_request.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(40))
    lang: Mapped[str] = mapped_column(String(5))
    subject: Mapped[str] = mapped_column(String(300))
    body: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    sent_on: Mapped[date | None] = mapped_column(Date, default=None)
    sent_via: Mapped[str | None] = mapped_column(String(10), default=None)
