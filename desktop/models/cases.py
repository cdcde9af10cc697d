"""Warranty and complaint cases, service cases and their correspondence."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from desktop.models.base import Base, RecordMixin


class WarrantyCase(RecordMixin, Base):
    __tablename__ = "warranty_case"
    RECORD_KIND = "warranty_case"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id", ondelete="CASCADE"), index=True)
    order_id: Mapped[int | None] = mapped_column(
        ForeignKey("customer_order.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(20))  # complaint | warranty
    product_name: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text)
    opened_at: Mapped[datetime] = mapped_column(DateTime)
    closed_at: Mapped[datetime | None] = mapped_column(DateTime)
    status: Mapped[str] = mapped_column(String(20))
    resolution: Mapped[str | None] = mapped_column(Text)


class ServiceCase(RecordMixin, Base):
    __tablename__ = "service_case"
    RECORD_KIND = "service_case"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id", ondelete="CASCADE"), index=True)
    case_number: Mapped[str] = mapped_column(String(20), unique=True)
    channel: Mapped[str] = mapped_column(String(20))  # phone | email | chat | social | store
    subject: Mapped[str] = mapped_column(String(200))
    notes: Mapped[str | None] = mapped_column(Text)
    opened_at: Mapped[datetime] = mapped_column(DateTime)
    closed_at: Mapped[datetime | None] = mapped_column(DateTime)
    status: Mapped[str] = mapped_column(String(20))  # open | closed

    messages: Mapped[list[CaseMessage]] = relationship(
        back_populates="case", cascade="all, delete-orphan", order_by="CaseMessage.sent_at"
    )


class CaseMessage(RecordMixin, Base):
    __tablename__ = "case_message"
    RECORD_KIND = "case_message"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("service_case.id", ondelete="CASCADE"), index=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id", ondelete="CASCADE"), index=True)
    direction: Mapped[str] = mapped_column(String(10))  # in | out
    sent_at: Mapped[datetime] = mapped_column(DateTime)
    author: Mapped[str] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(Text)

    case: Mapped[ServiceCase] = relationship(back_populates="messages")
