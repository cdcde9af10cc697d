"""Fraud signals and the IT-environment data collected with them (policy §5)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from desktop.models.base import Base, RecordMixin


class FraudSignal(RecordMixin, Base):
    __tablename__ = "fraud_signal"
    RECORD_KIND = "fraud_signal"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id", ondelete="CASCADE"), index=True)
    order_id: Mapped[int | None] = mapped_column(
        ForeignKey("customer_order.id", ondelete="CASCADE"), index=True
    )
    detected_at: Mapped[datetime] = mapped_column(DateTime)
    kind: Mapped[str] = mapped_column(String(40))  # login_attempts | address_mismatch | card_testing ...
    description: Mapped[str] = mapped_column(Text)
    severity: Mapped[str] = mapped_column(String(10))  # low | medium | high


class ItEnvironment(RecordMixin, Base):
    __tablename__ = "it_environment"
    RECORD_KIND = "it_environment"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id", ondelete="CASCADE"), index=True)
    seen_at: Mapped[datetime] = mapped_column(DateTime)
    ip_address: Mapped[str] = mapped_column(String(45))
    user_agent: Mapped[str] = mapped_column(String(300))
    browser_language: Mapped[str | None] = mapped_column(String(20))
    timezone: Mapped[str | None] = mapped_column(String(60))
    operating_system: Mapped[str | None] = mapped_column(String(60))
    screen: Mapped[str | None] = mapped_column(String(20))
    platform: Mapped[str | None] = mapped_column(String(20))
