"""The data subject: identity, contact details, addresses and the search index over them."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, DateTime, ForeignKey, Index, Integer, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from desktop.models.base import Base, RecordMixin, binary_key


class Customer(RecordMixin, Base):
    """A person the shop holds data about: customer, member, entrant, applicant or correspondent.

    The national identity number is never stored in clear: `nid_hash` (keyed HMAC) finds it
    exactly, `nid_masked` shows it, `nid_encrypted` (AES-GCM) reveals it under audit.
    """

    __tablename__ = "customer"
    RECORD_KIND = "customer"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    customer_number: Mapped[str] = mapped_column(String(20), unique=True)
    first_name: Mapped[str] = mapped_column(String(100))
    last_name: Mapped[str] = mapped_column(String(100))
    # Norwegian collation key "last first" (domain.sorting): Æ, Ø, Å after Z under a binary compare.
    sort_name: Mapped[str] = mapped_column(binary_key(210), index=True)
    email: Mapped[str | None] = mapped_column(String(254))
    email_norm: Mapped[str | None] = mapped_column(binary_key(254), index=True)
    phone: Mapped[str | None] = mapped_column(String(40))
    phone_e164: Mapped[str | None] = mapped_column(binary_key(20), index=True)
    nid_hash: Mapped[str | None] = mapped_column(binary_key(64), index=True)
    nid_masked: Mapped[str | None] = mapped_column(String(20))
    nid_encrypted: Mapped[bytes | None] = mapped_column(LargeBinary)
    nid_country: Mapped[str | None] = mapped_column(String(2))
    birth_date: Mapped[date | None] = mapped_column(Date)
    language: Mapped[str] = mapped_column(String(5), default="nb")
    country: Mapped[str] = mapped_column(String(2), default="NO")
    created_at: Mapped[datetime] = mapped_column(DateTime)
    erased_at: Mapped[datetime | None] = mapped_column(DateTime, default=None)

    addresses: Mapped[list[Address]] = relationship(
        back_populates="customer", cascade="all, delete-orphan", order_by="Address.id"
    )

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()


class Address(RecordMixin, Base):
    __tablename__ = "address"
    RECORD_KIND = "address"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(20), default="home")  # home | delivery | billing
    street: Mapped[str] = mapped_column(String(200))
    postcode: Mapped[str] = mapped_column(String(10))
    city: Mapped[str] = mapped_column(String(100))
    country: Mapped[str] = mapped_column(String(2), default="NO")
    verified_at: Mapped[datetime | None] = mapped_column(DateTime, default=None)

    customer: Mapped[Customer] = relationship(back_populates="addresses")


class SearchToken(Base):
    """One folded name word per row: any-word-order prefix search on both SQLite and PostgreSQL.

    A range scan on the primary key (token, sort_name, customer_id) finds a prefix through an
    index on either database, which LIKE and FTS5 cannot promise for Norwegian letters (docs/architecture.md,
    SQLite search), and yields the hits already in name order, so a page stops after 50 rows.
    """

    __tablename__ = "search_token"

    token: Mapped[str] = mapped_column(binary_key(100), primary_key=True)
    sort_name: Mapped[str] = mapped_column(binary_key(210), primary_key=True)
    customer_id: Mapped[int] = mapped_column(
        ForeignKey("customer.id", ondelete="CASCADE"), primary_key=True
    )
    # " " + every folded word of the name: the other words of a query are checked on the same row
    # (LIKE '% word%'), so a two-word search scans one index range and never joins.
    name_key: Mapped[str] = mapped_column(binary_key(210))

    # Clustered on the key in SQLite: a range scan reads the rows it needs and nothing else.
    __table_args__ = (Index("ix_search_token_customer", "customer_id", "token"), {"sqlite_with_rowid": False})
