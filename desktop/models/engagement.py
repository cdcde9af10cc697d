"""Competitions and events, Mine Sider membership, job applications, contact forms, marketing."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, DateTime, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from desktop.models.base import Base, RecordMixin


class CompetitionEntry(RecordMixin, Base):
    __tablename__ = "competition_entry"
    RECORD_KIND = "competition_entry"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id", ondelete="CASCADE"), index=True)
    competition: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(20))  # competition | event
    entered_at: Mapped[datetime] = mapped_column(DateTime)
    ends_at: Mapped[datetime | None] = mapped_column(DateTime)
    submission: Mapped[str | None] = mapped_column(Text)
    evaluation: Mapped[str | None] = mapped_column(Text)
    ip_address: Mapped[str | None] = mapped_column(String(45))
    winner: Mapped[bool] = mapped_column(Boolean, default=False)


class Membership(RecordMixin, Base):
    """Mine Sider: the login (argon2 hash, never the password) and the member's own choices."""

    __tablename__ = "membership"
    RECORD_KIND = "membership"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    customer_id: Mapped[int] = mapped_column(
        ForeignKey("customer.id", ondelete="CASCADE"), unique=True, index=True
    )
    username: Mapped[str] = mapped_column(String(100), unique=True)
    password_hash: Mapped[str] = mapped_column(String(200))
    joined_at: Mapped[datetime] = mapped_column(DateTime)
    ended_at: Mapped[datetime | None] = mapped_column(DateTime)
    profile_settings: Mapped[str] = mapped_column(Text, default="{}")  # JSON

    favourites: Mapped[list[Favourite]] = relationship(
        back_populates="membership", cascade="all, delete-orphan", order_by="Favourite.added_at"
    )


class Favourite(RecordMixin, Base):
    __tablename__ = "favourite"
    RECORD_KIND = "favourite"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    membership_id: Mapped[int] = mapped_column(
        ForeignKey("membership.id", ondelete="CASCADE"), index=True
    )
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id", ondelete="CASCADE"), index=True)
    product_name: Mapped[str] = mapped_column(String(200))
    sku: Mapped[str] = mapped_column(String(40))
    added_at: Mapped[datetime] = mapped_column(DateTime)

    membership: Mapped[Membership] = relationship(back_populates="favourites")


class JobApplication(RecordMixin, Base):
    __tablename__ = "job_application"
    RECORD_KIND = "job_application"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id", ondelete="CASCADE"), index=True)
    position: Mapped[str] = mapped_column(String(200))
    submitted_at: Mapped[datetime] = mapped_column(DateTime)
    recruitment_closed_at: Mapped[datetime | None] = mapped_column(DateTime)
    cover_letter: Mapped[str | None] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(20))  # received | interview | rejected | hired


class ContactMessage(RecordMixin, Base):
    __tablename__ = "contact_message"
    RECORD_KIND = "contact_message"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id", ondelete="CASCADE"), index=True)
    channel: Mapped[str] = mapped_column(String(20))  # email | contact_form
    received_at: Mapped[datetime] = mapped_column(DateTime)
    closed_at: Mapped[datetime | None] = mapped_column(DateTime)
    from_address: Mapped[str] = mapped_column(String(254))
    subject: Mapped[str] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(Text)


class MarketingConsent(RecordMixin, Base):
    """Consent per channel (e-mail, SMS, post), as the policy lets the person choose."""

    __tablename__ = "marketing_consent"
    RECORD_KIND = "marketing_consent"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id", ondelete="CASCADE"), index=True)
    channel: Mapped[str] = mapped_column(String(10))  # email | sms | post
    granted: Mapped[bool] = mapped_column(Boolean)
    changed_at: Mapped[datetime] = mapped_column(DateTime)
    how: Mapped[str] = mapped_column(String(60))  # checkout | mine_sider | customer_service ...

    __table_args__ = (UniqueConstraint("customer_id", "channel", name="uq_marketing_consent_channel"),)


class MarketingSuppression(RecordMixin, Base):
    """What remains after an objection to direct marketing: enough never to contact again (Art. 21(3))."""

    __tablename__ = "marketing_suppression"
    RECORD_KIND = "marketing_suppression"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    customer_id: Mapped[int | None] = mapped_column(
        ForeignKey("customer.id", ondelete="SET NULL"), index=True
    )
    channel: Mapped[str] = mapped_column(String(10))
    # Keyed hash of the e-mail or phone, so the suppression outlives an erasure of the person.
    contact_hash: Mapped[str | None] = mapped_column(String(64), index=True)
    suppressed_at: Mapped[datetime] = mapped_column(DateTime)
    request_id: Mapped[int | None] = mapped_column(Integer)
