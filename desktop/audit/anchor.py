"""Anchors outside the database: what a workstation or an auditor remembers of the log's tip.

The chain and the head row live in the database, so whoever can write there (or holds the chain
key) can cut the tail, wipe the log, or rebuild it, and `verify` alone still says "intact". An
anchor is a pair (sequence number, entry hash) kept somewhere else. The log extends an anchor when
its entry with that number still exists and still has that hash; because each hash covers every
entry before it, that proves entries 1..n are the ones the anchor's holder saw.

Two holders: every workstation keeps the highest tip it has seen in a small private file in the
user's data folder (one file per database instance id), and the auditor keeps signed checkpoints
(see `desktop.audit.checkpoint`).
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import tempfile
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.models import AccessLogEntry

__all__ = ["Anchor", "AnchorFile", "Extends", "compare", "read_tip"]

_HASH = re.compile(r"[0-9a-f]{64}")
_INSTANCE = re.compile(r"[A-Za-z0-9._-]{1,80}")


@dataclass(frozen=True)
class Anchor:
    """One entry of the log as someone saw it: its number and its chain hash."""

    seq: int
    entry_hash: str

    def __post_init__(self) -> None:
        if isinstance(self.seq, bool) or not isinstance(self.seq, int) or self.seq < 1:
            raise ValueError("an anchor's entry number is a positive whole number")
        if not isinstance(self.entry_hash, str) or not _HASH.fullmatch(self.entry_hash):
            raise ValueError("an anchor's hash is 64 lowercase hex digits")


class Extends(Enum):
    """How the log stands against an anchor."""

    YES = "yes"
    #: The entry the anchor names is gone: the tail was cut or the log wiped.
    SHORTER = "shorter"
    #: The entry is there with another hash: the log was rewritten up to that point.
    DIFFERENT = "different"


def read_tip(session: Session) -> Anchor | None:
    """The last entry actually in the table (not the head row, which a cut can move too)."""
    row = session.execute(
        select(AccessLogEntry.seq, AccessLogEntry.entry_hash).order_by(AccessLogEntry.seq.desc()).limit(1)
    ).first()
    return None if row is None else Anchor(int(row[0]), str(row[1]))


def compare(session: Session, anchor: Anchor) -> Extends:
    """Does the log still hold the anchor's entry, unchanged? One primary-key read."""
    stored = session.execute(
        select(AccessLogEntry.entry_hash).where(AccessLogEntry.seq == anchor.seq)
    ).scalar_one_or_none()
    if stored is None:
        return Extends.SHORTER
    return Extends.YES if stored == anchor.entry_hash else Extends.DIFFERENT


class AnchorFile:
    """The highest tip this workstation has seen of one database, in a private file.

    Written atomically (a temporary file renamed over the old one, mode 0600), and only ever
    moved forward by `advance`; `reset` is the one deliberate way back, after an admin has looked
    into a warning (a restored backup, say).
    """

    def __init__(self, folder: Path, instance_id: str) -> None:
        if not _INSTANCE.fullmatch(instance_id):
            raise ValueError(f"not a database instance id: {instance_id!r}")
        self.path = folder / f"{instance_id}.json"
        self.instance_id = instance_id

    def load(self) -> Anchor | None:
        """The remembered tip, or None when there is none (or the file is unreadable: then it starts over)."""
        try:
            raw = json.loads(self.path.read_text(encoding="utf-8"))
            if raw.get("instance_id") != self.instance_id:
                return None
            return Anchor(int(raw["seq"]), str(raw["entry_hash"]))
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return None

    def advance(self, tip: Anchor) -> bool:
        """Remember `tip` if it is beyond what is remembered; True when the file was written."""
        known = self.load()
        if known is not None and tip.seq <= known.seq:
            return False
        self._write(tip)
        return True

    def reset(self, tip: Anchor | None) -> None:
        """Forget what was remembered and start from `tip` (None: remember nothing)."""
        if tip is None:
            self.path.unlink(missing_ok=True)
        else:
            self._write(tip)

    def _write(self, tip: Anchor) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        body = json.dumps({"instance_id": self.instance_id, "seq": tip.seq, "entry_hash": tip.entry_hash})
        fd, tmp = tempfile.mkstemp(prefix=".anchor-", dir=self.path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write(body)
                fh.flush()
                os.fsync(fh.fileno())
            os.chmod(tmp, 0o600)
            os.replace(tmp, self.path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
