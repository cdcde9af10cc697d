"""Where a person's records came from: the system, the source table and key, and when last synced.

The profile and the register copy show this beside each record ("from: django-oscar, 14:02"); a
record the desk made itself (demo data, a request) has no provenance and shows none. Reads only
bookkeeping, no personal data: the caller's own read of the records is what the access log records.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.models.sources import SourceRecord, SourceSyncRun

__all__ = ["Provenance", "last_sync_by_system", "provenance_of"]


@dataclass(frozen=True)
class Provenance:
    system: str
    source_table: str
    source_key: str
    first_seen: datetime
    last_synced: datetime


def provenance_of(s: Session, record_kind: str, record_ids: Iterable[int]) -> dict[int, tuple[Provenance, ...]]:
    """Every source row behind each record (a person may come from several systems)."""
    ids = sorted(set(record_ids))
    out: dict[int, list[Provenance]] = {}
    for rid, system, table, key, first, last in s.execute(
            select(SourceRecord.record_id, SourceRecord.system, SourceRecord.source_table, SourceRecord.source_key,
                   SourceRecord.first_seen, SourceRecord.last_synced)
            .where(SourceRecord.record_kind == record_kind, SourceRecord.record_id.in_(ids))
            .order_by(SourceRecord.system, SourceRecord.id)):
        out.setdefault(rid, []).append(Provenance(system, table, key, first, last))
    return {rid: tuple(p) for rid, p in out.items()}


def last_sync_by_system(s: Session) -> dict[str, tuple[datetime | None, str]]:
    """Per system: when its last sync finished well, and how the latest one ended ("done", "failed")."""
    done = dict(s.execute(select(SourceSyncRun.system, func.max(SourceSyncRun.finished_at))
                          .where(SourceSyncRun.outcome == "done").group_by(SourceSyncRun.system)).all())
    latest_ids = select(func.max(SourceSyncRun.id)).group_by(SourceSyncRun.system).scalar_subquery()
    latest = dict(s.execute(select(SourceSyncRun.system, SourceSyncRun.outcome)
                            .where(SourceSyncRun.id.in_(latest_ids))).all())
    return {system: (done.get(system), latest.get(system, "")) for system in sorted(set(done) | set(latest))}
