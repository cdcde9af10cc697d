"""What an attacker with write access to the database (and the chain key) can do to the access log.

Each attack works on a separate connection with the owner's rights, the way someone with the
database file or a superuser login would: triggers are dropped (SQLite) or bypassed
(`session_replication_role = replica` on PostgreSQL), then the log and its head row are changed so
that the chain check alone still passes. The tests show that anchors outside the database catch it.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Connection, Table, create_engine, select, text

from desktop.audit.log import GENESIS, chain_hash
from desktop.domain.roles import system_actor
from desktop.models import AccessLogEntry
from desktop.services.context import DeskContext

_FIELDS = ("seq", "at", "actor_id", "actor", "workstation", "action", "customer_id", "data", "purpose",
           "detail", "reason", "request_id")


def add_entries(ctx: DeskContext, n: int, *, action: str = "test") -> None:
    """n ordinary entries, as work at the desk would write them."""
    actor = system_actor(ctx.workstation, "tester")
    for i in range(n):
        with ctx.db.transaction() as s:
            ctx.audit.append(s, actor, action=action, data="access_log", detail=f"step {i}")


@contextmanager
def attacker(ctx: DeskContext) -> Iterator[Connection]:
    """A connection that may change the log: the guards are off for it, in one transaction."""
    engine = create_engine(ctx.db.url)
    try:
        with engine.begin() as conn:
            if conn.dialect.name == "sqlite":
                names = conn.execute(text("SELECT name FROM sqlite_master WHERE type = 'trigger' "
                                          "AND tbl_name IN ('access_log', 'audit_head')")).scalars().all()
                for name in names:
                    conn.execute(text(f'DROP TRIGGER "{name}"'))
            else:
                conn.execute(text("SET LOCAL session_replication_role = replica"))
            yield conn
    finally:
        engine.dispose()


def _set_head(conn: Connection, seq: int, entry_hash: str) -> None:
    conn.execute(text("UPDATE audit_head SET seq = :s, entry_hash = :h WHERE id = 1"), {"s": seq, "h": entry_hash})


def cut_tail(ctx: DeskContext, keep: int) -> None:
    """Delete every entry after `keep` and move the head back onto it."""
    with attacker(ctx) as conn:
        conn.execute(text("DELETE FROM access_log WHERE seq > :k"), {"k": keep})
        last = conn.execute(text("SELECT entry_hash FROM access_log WHERE seq = :k"), {"k": keep}).scalar_one()
        _set_head(conn, keep, last)


def wipe(ctx: DeskContext) -> None:
    """Delete every entry and reset the head to the empty log."""
    with attacker(ctx) as conn:
        conn.execute(text("DELETE FROM access_log"))
        _set_head(conn, 0, GENESIS)


def rewrite_with_key(ctx: DeskContext, drop_seq: int) -> None:
    """Remove entry `drop_seq`, renumber the rest and rechain everything with the chain key."""
    with attacker(ctx) as conn:
        table: Table = AccessLogEntry.__table__  # type: ignore[assignment]
        cols = [table.c[f] for f in _FIELDS]
        rows = conn.execute(select(*cols).order_by(table.c.seq)).mappings().all()
        conn.execute(text("DELETE FROM access_log"))
        prev = GENESIS
        seq = 0
        for row in rows:
            if row["seq"] == drop_seq:
                continue
            seq += 1
            entry = AccessLogEntry(**{**dict(row), "seq": seq})
            entry.prev_hash = prev
            entry.entry_hash = chain_hash(ctx.keys.audit, prev, entry)
            values = {f: getattr(entry, f) for f in (*_FIELDS, "prev_hash", "entry_hash")}
            conn.execute(table.insert().values(**values))
            prev = entry.entry_hash
        _set_head(conn, seq, prev)


def chain_ok(ctx: DeskContext) -> bool:
    with ctx.db.transaction() as s:
        return ctx.audit.verify(s).ok
