"""The parts of a register copy that must tell the whole truth (Art. 15(1)-(3); docs/rules.md).

Kept apart from `services.register_copy` (collect, review, render, send) so each rule has one home:
how long each record is really kept, every recipient and what it receives, every look at the
person's data, the person's own requests, their identity number in full, and transfers outside
the EU/EEA. Each function reads inside the caller's transaction and returns report data.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from desktop.policy import Purpose
from desktop.reports.i18n import PENDING
from desktop.reports.model import RecordRowData

__all__ = ["copy_row"]


def copy_row(row: Any, purpose: Purpose, lang: str, day: Callable[[date], str]) -> RecordRowData:
    """A profile row as the copy prints it: the day the desk really keeps it to, and the law or rule
    that decides it (the same `KeptUntil` the profile shows, so the two cannot drift)."""
    kept = row.kept
    if kept is not None and kept.until is not None:
        until = day(kept.until)
    elif kept is not None and (kept.suppression or kept.pending_anchor is not None):
        until = kept.describe(lang)
    else:
        due: date | None = row.retention_due
        until = day(due) if due is not None else PENDING[purpose.retention.anchor][lang]
    why = kept.why(lang) if kept is not None and kept.until is not None else ""
    return RecordRowData(record_id=row.record_id, cells=tuple(row.values), source=row.source,
                         kept_until=f"{until} – {why}" if why else until, restricted=bool(row.restricted),
                         kept_reason=why)
