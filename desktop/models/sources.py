"""Where every mirrored record came from: provenance, sync cursors, runs and identity questions.

`source_record` ties one desk record to one source row (system, mapping entry, source key) with
first seen and last synced times (when the desk last wrote the record, or a full sync confirmed it;
each sync's own time is in `source_sync_run`), and a hash of what the desk made of the row, so a sync writes only
what changed. `source_cursor` is the resumable position of a sync per mapping entry: a kill -9
loses at most one uncommitted batch. `source_conflict` lists the people the sync would not merge on
its own, for an agent to decide; the decision is kept with the row.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, DateTime, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from desktop.models.base import Base

__all__ = ["SourceConflict", "SourceCursor", "SourceRecord", "SourceSyncRun"]


class SourceRecord(Base):
    __tablename__ = "source_record"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    system: Mapped[str] = mapped_column(String(60))
    mapping: Mapped[str] = mapped_column(String(60))
    source_table: Mapped[str] = mapped_column(String(128))
    source_key: Mapped[str] = mapped_column(String(200))
    record_kind: Mapped[str] = mapped_column(String(40))
    record_id: Mapped[int] = mapped_column(Integer)
    customer_id: Mapped[int | None] = mapped_column(ForeignKey("customer.id", ondelete="CASCADE"), index=True)
    row_hash: Mapped[str] = mapped_column(String(64))
    #: The row as the source returned it, hashed: an incremental sync skips an unchanged row untyped.
    source_hash: Mapped[str | None] = mapped_column(String(40), default=None)
    first_seen: Mapped[datetime] = mapped_column(DateTime)
    last_synced: Mapped[datetime] = mapped_column(DateTime)
    seen_run: Mapped[int] = mapped_column(Integer)

    __table_args__ = (
        UniqueConstraint("system", "mapping", "source_key", name="uq_source_record_key"),
        Index("ix_source_record_record", "record_kind", "record_id"),
    )


class SourceCursor(Base):
    """Where a mapping entry's sync stands: the pass in progress and the last key and change value done."""

    __tablename__ = "source_cursor"

    system: Mapped[str] = mapped_column(String(60), primary_key=True)
    mapping: Mapped[str] = mapped_column(String(60), primary_key=True)
    run_id: Mapped[int] = mapped_column(Integer)
    pass_open: Mapped[bool] = mapped_column(Boolean, default=False)
    full: Mapped[bool] = mapped_column(Boolean, default=False)
    after_key: Mapped[str | None] = mapped_column(Text, default=None)
    after_changed: Mapped[str | None] = mapped_column(String(64), default=None)
    pass_changed: Mapped[str | None] = mapped_column(String(64), default=None)
    last_complete_at: Mapped[datetime | None] = mapped_column(DateTime, default=None)
    updated_at: Mapped[datetime] = mapped_column(DateTime)


class SourceSyncRun(Base):
    """One sync of one system: when, how, how much, and how it ended (the profile's "as of")."""

    __tablename__ = "source_sync_run"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    system: Mapped[str] = mapped_column(String(60), index=True)
    mode: Mapped[str] = mapped_column(String(20))  # first | incremental | full
    started_at: Mapped[datetime] = mapped_column(DateTime)
    finished_at: Mapped[datetime | None] = mapped_column(DateTime, default=None)
    rows_read: Mapped[int] = mapped_column(Integer, default=0)
    rows_written: Mapped[int] = mapped_column(Integer, default=0)
    rows_removed: Mapped[int] = mapped_column(Integer, default=0)
    outcome: Mapped[str] = mapped_column(String(20), default="running")  # running | done | failed
    error: Mapped[str | None] = mapped_column(Text, default=None)


class SourceConflict(Base):
    """A source row whose identity keys point at more than one person: never merged without an agent."""

    __tablename__ = "source_conflict"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    system: Mapped[str] = mapped_column(String(60))
    mapping: Mapped[str] = mapped_column(String(60))
    source_key: Mapped[str] = mapped_column(String(200))
    reason: Mapped[str] = mapped_column(String(40))  # shared_key | keys_disagree
    matched_by: Mapped[str] = mapped_column(String(60))
    candidate_ids: Mapped[str] = mapped_column(String(400))
    customer_id: Mapped[int | None] = mapped_column(ForeignKey("customer.id", ondelete="SET NULL"), index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    resolved_at: Mapped[datetime | None] = mapped_column(DateTime, default=None)
    resolved_by: Mapped[str | None] = mapped_column(String(60), default=None)
    decision: Mapped[str | None] = mapped_column(String(20), default=None)  # merged | separate
    note: Mapped[str | None] = mapped_column(Text, default=None)

    __table_args__ = (UniqueConstraint("system", "mapping", "source_key", name="uq_source_conflict_key"),)
