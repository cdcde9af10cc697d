"""Orders and everything a purchase brings: lines, deliveries, payments and credit checks."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, DateTime, ForeignKey, Integer, String, Text, false
from sqlalchemy.orm import Mapped, mapped_column, relationship

from desktop.models.base import Base, RecordMixin, binary_key


class Order(RecordMixin, Base):
    __tablename__ = "customer_order"
    RECORD_KIND = "order"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id", ondelete="CASCADE"), index=True)
    order_number: Mapped[str] = mapped_column(binary_key(20), unique=True)
    ordered_at: Mapped[datetime] = mapped_column(DateTime)
    # The purchase is complete when delivered and paid: the policy's retention clock starts here.
    completed_at: Mapped[datetime | None] = mapped_column(DateTime, default=None)
    status: Mapped[str] = mapped_column(String(20))  # open | completed | cancelled | returned
    channel: Mapped[str] = mapped_column(String(20), default="web")  # web | store | phone
    store: Mapped[str | None] = mapped_column(String(100), default=None)
    total_minor: Mapped[int] = mapped_column(Integer)
    currency: Mapped[str] = mapped_column(String(3), default="NOK")

    lines: Mapped[list[OrderLine]] = relationship(
        back_populates="order", cascade="all, delete-orphan", order_by="OrderLine.id"
    )


class OrderLine(RecordMixin, Base):
    __tablename__ = "order_line"
    RECORD_KIND = "order_line"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("customer_order.id", ondelete="CASCADE"), index=True)
    sku: Mapped[str] = mapped_column(String(40))
    product_name: Mapped[str] = mapped_column(String(200))
    quantity: Mapped[int] = mapped_column(Integer)
    unit_price_minor: Mapped[int] = mapped_column(Integer)
    # Goods meant to last substantially longer (most electronics): the buyer may complain for 5 years
    # instead of 2 (forbrukerkjøpsloven § 27). A property of the product, filled by the shop's systems
    # (sources map their product category to it) and by demo data; see docs/rules.md#r-complaints.
    long_lived: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())

    order: Mapped[Order] = relationship(back_populates="lines")


class Delivery(RecordMixin, Base):
    __tablename__ = "delivery"
    RECORD_KIND = "delivery"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("customer_order.id", ondelete="CASCADE"), index=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id", ondelete="CASCADE"), index=True)
    carrier: Mapped[str] = mapped_column(String(60))
    tracking_number: Mapped[str | None] = mapped_column(String(60))
    recipient_name: Mapped[str] = mapped_column(String(200))
    street: Mapped[str] = mapped_column(String(200))
    postcode: Mapped[str] = mapped_column(String(10))
    city: Mapped[str] = mapped_column(String(100))
    country: Mapped[str] = mapped_column(String(2), default="NO")
    shipped_at: Mapped[datetime | None] = mapped_column(DateTime)
    delivered_at: Mapped[datetime | None] = mapped_column(DateTime)


class Payment(RecordMixin, Base):
    __tablename__ = "payment"
    RECORD_KIND = "payment"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("customer_order.id", ondelete="CASCADE"), index=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id", ondelete="CASCADE"), index=True)
    method: Mapped[str] = mapped_column(String(30))  # card | invoice | instalment | vipps | swish
    provider: Mapped[str] = mapped_column(String(60))
    amount_minor: Mapped[int] = mapped_column(Integer)
    currency: Mapped[str] = mapped_column(String(3), default="NOK")
    paid_at: Mapped[datetime | None] = mapped_column(DateTime)
    card_last4: Mapped[str | None] = mapped_column(String(4), default=None)
    reference: Mapped[str | None] = mapped_column(String(60), default=None)


class CreditCheck(RecordMixin, Base):
    """The automated payment-method assessment through Qliro (policy §1, GDPR Art. 22)."""

    __tablename__ = "credit_check"
    RECORD_KIND = "credit_check"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id", ondelete="CASCADE"), index=True)
    order_id: Mapped[int | None] = mapped_column(
        ForeignKey("customer_order.id", ondelete="CASCADE"), index=True
    )
    provider: Mapped[str] = mapped_column(String(60), default="Qliro")
    bureau: Mapped[str | None] = mapped_column(String(60))
    checked_at: Mapped[datetime] = mapped_column(DateTime)
    outcome: Mapped[str] = mapped_column(String(20))  # approved | declined | manual
    requested_method: Mapped[str] = mapped_column(String(30))
    explanation: Mapped[str | None] = mapped_column(Text)
