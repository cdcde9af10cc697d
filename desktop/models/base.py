"""Declarative base and the columns every personal-data record shares.

Times are stored as naive UTC datetimes (SQLite has no time zone type); the UI converts them to
the user's locale. Money is stored in minor units (øre/öre) to keep sums exact.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, DateTime, MetaData, String, func
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def binary_key(length: int) -> String:
    """A string compared byte by byte on every database, so prefix ranges can use an index."""
    return String(length).with_variant(String(length, collation="C"), "postgresql")


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class RecordMixin:
    """What the policy asks of every record: why it is kept, since when, from where, and its state.

    `purposes` holds the policy's purpose keys (comma separated) the record serves; it is set from
    the policy's record kinds when the record is created, so a shop with another policy file gets
    its own mapping without code changes.
    """

    RECORD_KIND: str = ""

    purposes: Mapped[str] = mapped_column(String(200))
    collected_at: Mapped[datetime] = mapped_column(DateTime, server_default=func.current_timestamp())
    source: Mapped[str] = mapped_column(String(40), default="data_subject")
    restricted: Mapped[bool] = mapped_column(Boolean, default=False)
    legal_hold_until: Mapped[date | None] = mapped_column(Date, default=None)

    def purpose_keys(self) -> tuple[str, ...]:
        return tuple(p for p in self.purposes.split(",") if p)
