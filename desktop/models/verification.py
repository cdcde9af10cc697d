"""Contacts with a customer and how the caller's identity was checked (docs/rules.md#r-identity).

Evidence is stored masked ("order TP-…567 + delivery postcode", "passport, last digits 4821"):
enough for a supervisor to judge whether the check was proportionate, never a document image,
a full identity number or a one-time code in clear. Failed checks are `identity_verification`
rows with outcome "failed"; three within 15 minutes write a `verification_lockout`.

These rows are not policy record kinds: they describe the desk's own handling of a contact, and
they go with the customer (ON DELETE CASCADE) when the person's row is erased.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from desktop.models.base import Base

__all__ = ["AccessReason", "Contact", "IdentityVerification", "OneTimeCode", "VerificationLockout"]


class Contact(Base):
    """One call, counter visit, e-mail, letter or web message: a verification lasts for one contact."""

    __tablename__ = "contact"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id", ondelete="CASCADE"), index=True)
    agent_id: Mapped[int | None] = mapped_column(ForeignKey("staff_account.id", ondelete="SET NULL"), index=True)
    channel: Mapped[str] = mapped_column(String(10))  # phone | counter | email | letter | web
    started_at: Mapped[datetime] = mapped_column(DateTime)
    ended_at: Mapped[datetime | None] = mapped_column(DateTime, default=None)


class IdentityVerification(Base):
    """The outcome of one identity check, passed or failed, with masked evidence."""

    __tablename__ = "identity_verification"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    contact_id: Mapped[int] = mapped_column(ForeignKey("contact.id", ondelete="CASCADE"), index=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id", ondelete="CASCADE"), index=True)
    method: Mapped[str] = mapped_column(String(20))  # questions | email_code | sms_code | id_document | electronic_id
    evidence: Mapped[str] = mapped_column(String(200))
    outcome: Mapped[str] = mapped_column(String(10))  # verified | failed
    agent_id: Mapped[int | None] = mapped_column(ForeignKey("staff_account.id", ondelete="SET NULL"), index=True)
    at: Mapped[datetime] = mapped_column(DateTime)
    expires_at: Mapped[datetime | None] = mapped_column(DateTime, default=None)

    # Counting a customer's recent failures is a range scan on this index.
    __table_args__ = (Index("ix_identity_verification_customer_at", "customer_id", "at"),)


class VerificationLockout(Base):
    """Verification for a customer refused until `locked_until`, after repeated failures."""

    __tablename__ = "verification_lockout"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id", ondelete="CASCADE"), index=True)
    contact_id: Mapped[int | None] = mapped_column(ForeignKey("contact.id", ondelete="SET NULL"), index=True)
    failures: Mapped[int] = mapped_column(Integer)
    locked_at: Mapped[datetime] = mapped_column(DateTime)
    locked_until: Mapped[datetime] = mapped_column(DateTime)


class OneTimeCode(Base):
    """A code sent to the registered e-mail or phone; only its keyed hash is kept."""

    __tablename__ = "one_time_code"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id", ondelete="CASCADE"), index=True)
    contact_id: Mapped[int] = mapped_column(ForeignKey("contact.id", ondelete="CASCADE"), index=True)
    channel: Mapped[str] = mapped_column(String(10))  # email | sms
    code_hash: Mapped[str] = mapped_column(String(64), index=True)
    sent_to: Mapped[str] = mapped_column(String(100))  # masked address or number
    agent_id: Mapped[int | None] = mapped_column(ForeignKey("staff_account.id", ondelete="SET NULL"), index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    expires_at: Mapped[datetime] = mapped_column(DateTime)
    used_at: Mapped[datetime | None] = mapped_column(DateTime, default=None)
    attempts: Mapped[int] = mapped_column(Integer, default=0)


class AccessReason(Base):
    """Why an agent needed more than the finding data without verifying (e.g. a fraud check)."""

    __tablename__ = "access_reason"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    contact_id: Mapped[int] = mapped_column(ForeignKey("contact.id", ondelete="CASCADE"), index=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id", ondelete="CASCADE"), index=True)
    agent_id: Mapped[int | None] = mapped_column(ForeignKey("staff_account.id", ondelete="SET NULL"), index=True)
    reason: Mapped[str] = mapped_column(Text)
    at: Mapped[datetime] = mapped_column(DateTime)
    expires_at: Mapped[datetime] = mapped_column(DateTime)
