"""Redactions in register copies: the record of what was withheld from a copy, and why (Art. 15(4)).

A row names the span of one free-text field (by record kind, record id and field) and the
agent's reason; it never stores the withheld text itself, because that text is someone else's
personal data. `text_fingerprint` is a keyed hash of the whole field as it read when the span was
chosen, so a later copy can tell whether the field has changed since.

The rows belong to the request (evidence of how it was answered), so they outlive the person's
erasure like the request does: the customer link is SET NULL, not CASCADE.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, DateTime, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from desktop.models.base import Base

__all__ = ["RegisterCopyRedaction"]


class RegisterCopyRedaction(Base):
    __tablename__ = "register_copy_redaction"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("dsr_request.id", ondelete="CASCADE"), index=True)
    customer_id: Mapped[int | None] = mapped_column(ForeignKey("customer.id", ondelete="SET NULL"), index=True)
    record_kind: Mapped[str] = mapped_column(String(40))
    record_id: Mapped[int] = mapped_column(Integer)
    field: Mapped[str] = mapped_column(String(40))
    span_start: Mapped[int] = mapped_column(Integer)
    span_end: Mapped[int] = mapped_column(Integer)
    reason: Mapped[str] = mapped_column(Text)
    text_fingerprint: Mapped[str] = mapped_column(String(64))
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("staff_account.id", ondelete="SET NULL"))
    actor: Mapped[str] = mapped_column(String(60))
    created_at: Mapped[datetime] = mapped_column(DateTime)

    __table_args__ = (
        Index("ix_register_copy_redaction_record", "record_kind", "record_id"),
        CheckConstraint("span_start >= 0 AND span_end > span_start", name="span"),
        CheckConstraint("length(trim(reason)) > 0", name="reason"),
    )
