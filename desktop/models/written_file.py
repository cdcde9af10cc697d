"""Files the desk wrote that hold a person's data: saved register copies and portability exports.

A row says where the file was saved, on which workstation, by whom, and the file's SHA-256, so an
erasure can list what lies outside the database and remove the files still where they were saved
(and unchanged). Once handled, the path is blanked: a file name can itself carry a name.
`customer_id` is a plain number, not a foreign key, because the row must outlive the customer
row an erasure drops.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from desktop.models.base import Base


class WrittenFile(Base):
    __tablename__ = "written_file"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    customer_id: Mapped[int | None] = mapped_column(Integer)
    request_id: Mapped[int | None] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(40))  # register_copy, portability_export
    path: Mapped[str] = mapped_column(Text)
    workstation: Mapped[str] = mapped_column(String(120))
    sha256: Mapped[str] = mapped_column(String(64))
    size: Mapped[int] = mapped_column(Integer)
    written_by: Mapped[int | None] = mapped_column(Integer)
    written_at: Mapped[datetime] = mapped_column(DateTime)
    #: When it was removed or declared handled; None while it may still lie where it was saved.
    handled_at: Mapped[datetime | None] = mapped_column(DateTime)
    handled_by: Mapped[int | None] = mapped_column(Integer)
    #: removed, missing (not found where saved), changed (a different file there now), elsewhere (removed by hand).
    outcome: Mapped[str | None] = mapped_column(String(20))

    __table_args__ = (
        Index("ix_written_file_customer_open", "customer_id", "handled_at"),
        Index("ix_written_file_request", "request_id"),
    )
