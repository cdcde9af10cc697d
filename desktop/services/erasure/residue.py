"""Proving erased values are gone from the SQLite files: sealed markers, TRUNCATE checkpoint, raw scan."""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from sqlalchemy import (
    LargeBinary,
    String,
    Text,
    func,
    select,
)
from sqlalchemy.orm import Session

from desktop.models import (
    Base,
)
from desktop.services.context import DeskContext

#: How long the checkpoint waits for readers before the purge is left pending.
CHECKPOINT_TIMEOUT_MS = 250


_SCAN_BLOCK = 8 << 20


_MARKER_AAD = b"gdpr-desk:purge-markers:v1"


@dataclass(frozen=True)
class ResidueScan:
    """The proof that erased values left the files: checked on SQLite, not applicable elsewhere."""

    applicable: bool
    checkpoint_busy: bool = False
    wal_bytes: int = 0
    db_bytes: int = 0
    markers: int = 0
    found: int = 0

    @property
    def clean(self) -> bool:
        return not self.applicable or (not self.checkpoint_busy and self.wal_bytes == 0 and self.found == 0)

    def to_json(self) -> str:
        return json.dumps({"applicable": self.applicable, "checkpoint_busy": self.checkpoint_busy,
                           "wal_bytes": self.wal_bytes, "db_bytes": self.db_bytes, "markers": self.markers,
                           "found": self.found, "clean": self.clean}, sort_keys=True)

    @classmethod
    def from_json(cls, text: str | None) -> ResidueScan | None:
        if not text:
            return None
        raw = json.loads(text)
        return cls(applicable=bool(raw["applicable"]), checkpoint_busy=bool(raw["checkpoint_busy"]),
                   wal_bytes=int(raw["wal_bytes"]), db_bytes=int(raw["db_bytes"]), markers=int(raw["markers"]),
                   found=int(raw["found"]))


#: A value to look for after the purge, and where it came from ("table.column", or "" when it was
#: derived): a value found in the files is first looked up where it came from, since a value that
#: is still there in someone else's row (a street, a template text) is not residue.
Marker = tuple[bytes, str]


def scan_markers(gone: Mapping[str | bytes, str], stay: Iterable[str | bytes]) -> list[Marker]:
    """The byte strings that must not be found in the files: distinctive, and not still kept.

    A value inside a kept value (a street still on a held delivery) is not residue. Long texts
    are scanned by three 64-byte slices, because SQLite splits long values over overflow pages.
    """
    kept = [v.encode("utf-8") if isinstance(v, str) else v for v in stay if v]
    out: dict[bytes, str] = {}
    for v, origin in gone.items():
        raw = v.encode("utf-8") if isinstance(v, str) else v
        if len(raw) < (16 if isinstance(v, bytes) else 4) or any(raw in k for k in kept):
            continue
        if len(raw) <= 96:
            out.setdefault(raw, origin)
        else:
            mid = len(raw) // 2
            for piece in (raw[:64], raw[mid - 32:mid + 32], raw[-64:]):
                out.setdefault(piece, origin)
    return sorted(out.items())


def _marker_key(ctx: DeskContext) -> bytes:
    return hmac.new(ctx.keys.nid_enc, _MARKER_AAD, hashlib.sha256).digest()


def seal_markers(ctx: DeskContext, markers: Sequence[Marker]) -> bytes:
    nonce = os.urandom(12)
    blob = json.dumps([[m.hex(), origin] for m, origin in markers]).encode("ascii")
    return nonce + AESGCM(_marker_key(ctx)).encrypt(nonce, blob, _MARKER_AAD)


def open_markers(ctx: DeskContext, sealed: bytes) -> list[Marker]:
    blob = AESGCM(_marker_key(ctx)).decrypt(sealed[:12], sealed[12:], _MARKER_AAD)
    return [(bytes.fromhex(h), str(origin)) for h, origin in json.loads(blob)]


#: How often a busy TRUNCATE checkpoint is tried before the purge is left pending, and the pause between.
CHECKPOINT_TRIES = 5
CHECKPOINT_PAUSE_S = 0.05


def checkpoint_truncate(ctx: DeskContext, timeout_ms: int = CHECKPOINT_TIMEOUT_MS) -> tuple[bool, int]:
    """TRUNCATE checkpoint on a connection of our own; (busy, bytes left in the -wal file)."""
    from desktop.storage.database import SQLITE_BUSY_TIMEOUT_MS

    path = ctx.db.sqlite_path
    if path is None:
        return False, 0
    wal = path.with_name(path.name + "-wal")
    busy, left = 1, 0
    # A reader that is just finishing (another workstation's look-up, the pool's own connection being
    # returned) makes one checkpoint come back busy; a few short tries ride that out before the run is
    # left "purge pending" for `erasure purge` to finish later.
    for attempt in range(CHECKPOINT_TRIES):
        if attempt:
            time.sleep(CHECKPOINT_PAUSE_S)
        raw = ctx.db.engine.raw_connection()
        try:
            con = cast(Any, raw).driver_connection
            con.execute(f"PRAGMA busy_timeout = {int(timeout_ms)}")
            try:
                busy = int(con.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0])
            finally:
                con.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")
        finally:
            raw.close()
        left = wal.stat().st_size if wal.exists() else 0
        if busy == 0 and left == 0:
            break
    return busy != 0, left


def scan_files(paths: Sequence[Path], markers: Sequence[bytes]) -> tuple[set[int], int]:
    """Indexes of markers found anywhere in the files' raw bytes, and the bytes read."""
    found: set[int] = set()
    if not markers:
        return found, 0
    overlap = max(len(m) for m in markers) - 1
    total = 0
    for path in paths:
        if not path.exists():
            continue
        with path.open("rb") as fh:
            tail = b""
            while True:
                block = fh.read(_SCAN_BLOCK)
                if not block:
                    break
                total += len(block)
                window = tail + block
                for i, m in enumerate(markers):
                    if i not in found and m in window:
                        found.add(i)
                tail = window[-overlap:] if overlap else b""
    return found, total


def still_live(s: Session, marker: bytes, origin: str = "") -> bool:
    """Whether a found value is in live data (another person's row): then it is not residue.

    Looks where the value came from first (one column, usually a hit at once for shared values
    such as a street or a template text), then, for a value found nowhere there, everywhere.
    """
    try:
        needle: str | bytes = marker.decode("utf-8")
    except UnicodeDecodeError:
        needle = marker
    tables = {t.name: t for t in Base.metadata.sorted_tables if t.name != "erasure_run"}
    columns = [c for t in tables.values() for c in t.c if isinstance(c.type, String | Text | LargeBinary)
               and isinstance(needle, bytes) == isinstance(c.type, LargeBinary)]
    table_name, _, column_name = origin.partition(".")
    first = tables[table_name].c.get(column_name) if table_name in tables else None
    if first is not None:
        columns = [first, *(c for c in columns if c is not first)]
    return any(s.execute(select(col).where(func.instr(col, needle) > 0).limit(1)).first() is not None
               for col in columns)
