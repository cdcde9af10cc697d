"""The tamper-evident access log: a keyed hash chain over every look at personal data.

Each entry's hash is HMAC(key, previous hash + the entry's fields), so changing, removing,
reordering or inserting an entry breaks the chain from that point. `audit_head` holds the last
sequence number and hash, so a removed tail is caught as well. Appends are serialised on the head
row (SQLite: the unit of work's BEGIN IMMEDIATE; PostgreSQL: SELECT ... FOR UPDATE), so many
workstations keep one chain.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import Table, bindparam, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from desktop.audit.server_chain import forged_approvals, mismatched, queue_on_server
from desktop.domain.roles import Actor
from desktop.errors import AuditWriteFailed
from desktop.models import AccessLogEntry, AuditHead

GENESIS = "0" * 64
_COLUMNS = tuple(c.key for c in AccessLogEntry.__table__.columns)
# Built once: an append sits on every read's path, so it skips statement construction and the ORM.
_LOG: Table = AccessLogEntry.__table__  # type: ignore[assignment]
_HEAD: Table = AuditHead.__table__  # type: ignore[assignment]
_READ_HEAD = select(_HEAD.c.seq, _HEAD.c.entry_hash).where(_HEAD.c.id == 1).with_for_update()
_INSERT = _LOG.insert()
_ADVANCE_HEAD = (
    _HEAD.update().where(_HEAD.c.id == 1).values(seq=bindparam("new_seq"), entry_hash=bindparam("new_hash"))
)


def utcnow() -> datetime:
    """Naive UTC with millisecond precision: what every database round-trips unchanged."""
    now = datetime.now(UTC).replace(tzinfo=None)
    return now.replace(microsecond=now.microsecond - now.microsecond % 1000)


def _canonical(entry: AccessLogEntry) -> bytes:
    fields = [
        entry.seq, entry.at.isoformat(timespec="milliseconds"), entry.actor_id, entry.actor,
        entry.workstation, entry.action, entry.customer_id, entry.data, entry.purpose, entry.detail,
        entry.reason, entry.request_id,
    ]
    return json.dumps(fields, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def chain_hash(key: bytes, prev_hash: str, entry: AccessLogEntry) -> str:
    return hmac.new(key, prev_hash.encode("ascii") + b"\x1f" + _canonical(entry), hashlib.sha256).hexdigest()


@dataclass(frozen=True)
class VerifyResult:
    ok: bool
    checked: int
    first_bad_seq: int | None = None
    problem: str = ""

    def describe(self) -> str:
        if self.ok:
            return f"access log intact: {self.checked} entries verified"
        return f"access log broken at entry {self.first_bad_seq}: {self.problem} ({self.checked} entries checked)"


class AuditLog:
    """Appends and verifies entries; holds the chain key, never hands it out.

    `server_from` (PostgreSQL from migration 0010): entries from that number on are chained by the
    server with a key no workstation holds (see `desktop.audit.server_chain`); `key` then only
    checks the older entries.
    """

    def __init__(self, key: bytes, *, server_from: int | None = None) -> None:
        self._key = key
        self._server_from = server_from

    def append(
        self,
        session: Session,
        actor: Actor,
        *,
        action: str,
        data: str,
        customer_id: int | None = None,
        purpose: str | None = None,
        detail: str | None = None,
        reason: str | None = None,
        request_id: int | None = None,
    ) -> AccessLogEntry:
        """Write one entry in the caller's transaction; raises AuditWriteFailed if it cannot."""
        try:
            if self._server_from is not None:
                # Chained by the server at COMMIT: number, time, actor and hash are the server's, so
                # the entry returned here carries what was asked for, without them.
                queue_on_server(session, actor, action=action, data=data, customer_id=customer_id,
                                purpose=purpose, detail=detail, reason=reason, request_id=request_id)
                return AccessLogEntry(
                    seq=0, at=utcnow(), actor_id=actor.account_id, actor=actor.username,
                    workstation=actor.workstation, action=action, customer_id=customer_id, data=data,
                    purpose=purpose, detail=detail, reason=reason, request_id=request_id, prev_hash="",
                    entry_hash="",
                )
            head_seq, head_hash = session.execute(_READ_HEAD).one()
            entry = AccessLogEntry(
                seq=head_seq + 1, at=utcnow(), actor_id=actor.account_id, actor=actor.username,
                workstation=actor.workstation, action=action, customer_id=customer_id, data=data,
                purpose=purpose, detail=detail, reason=reason, request_id=request_id,
                prev_hash=head_hash, entry_hash="",
            )
            entry.entry_hash = chain_hash(self._key, head_hash, entry)
            session.execute(_INSERT, {c: getattr(entry, c) for c in _COLUMNS})
            session.execute(_ADVANCE_HEAD, {"new_seq": entry.seq, "new_hash": entry.entry_hash})
        except SQLAlchemyError as exc:
            raise AuditWriteFailed(
                "The access log could not be written, so the data is not shown. "
                f"Try again, or tell IT if it keeps failing ({type(exc).__name__}).",
                "Tilgangsloggen kunne ikke skrives, så opplysningene vises ikke. "
                f"Prøv igjen, eller si fra til IT hvis det fortsetter ({type(exc).__name__}).",
            ) from exc
        return entry

    def verify(self, session: Session, *, batch: int = 5000) -> VerifyResult:
        prev = GENESIS
        expected_seq = 1
        checked = 0
        server_from = self._server_from
        server_bad = mismatched(session, server_from, 2**31 - 1) if server_from is not None else set()
        for entry in _stream(session, batch):
            if entry.seq != expected_seq:
                problem = (
                    f"entry {expected_seq} is missing" if entry.seq > expected_seq else "entries out of order"
                )
                return VerifyResult(False, checked, expected_seq, problem)
            if entry.prev_hash != prev:
                return VerifyResult(False, checked, entry.seq, "does not follow the entry before it")
            if server_from is not None and entry.seq >= server_from:
                if entry.seq in server_bad:
                    return VerifyResult(False, checked, entry.seq, "contents changed or entry forged")
            elif not hmac.compare_digest(chain_hash(self._key, prev, entry), entry.entry_hash):
                return VerifyResult(False, checked, entry.seq, "contents changed or entry forged")
            prev = entry.entry_hash
            expected_seq += 1
            checked += 1
        head = session.execute(select(AuditHead).where(AuditHead.id == 1)).scalar_one_or_none()
        if head is None:
            return VerifyResult(False, checked, None, "the head record is missing")
        if head.seq != checked or head.entry_hash != prev:
            missing_from = checked + 1
            return VerifyResult(
                False, checked, missing_from,
                f"the log ends at entry {checked} but the head says {head.seq}: entries were removed",
            )
        if server_from is not None:
            forged = forged_approvals(session)
            if forged:
                return VerifyResult(
                    False, checked, None,
                    f"erasure decision {forged[0]} did not pass the database's four-eyes check (forged or altered)",
                )
        return VerifyResult(True, checked)


def _stream(session: Session, batch: int) -> Iterator[AccessLogEntry]:
    last = 0
    while True:
        rows = session.execute(
            select(AccessLogEntry).where(AccessLogEntry.seq > last).order_by(AccessLogEntry.seq).limit(batch)
        ).scalars().all()
        if not rows:
            return
        yield from rows
        last = rows[-1].seq
        session.expunge_all()
