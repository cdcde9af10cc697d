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
from desktop.audit.server_chain import SERVER_CHAIN_FROM_META
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


# The server's keyed hash of a stored entry, computed by the owner straight from `audit_server_key`
# (the same formula as migration 0010's `gdpr_desk_audit_hash`), as a thief of the owner login would.
_SERVER_REHASH = text(
    "UPDATE access_log l SET entry_hash = encode(hmac(convert_to(l.prev_hash || chr(31) "
    "|| gdpr_desk_audit_canonical(l), 'UTF8'), (SELECT k.key FROM audit_server_key k WHERE k.id = 1), "
    "'sha256'), 'hex') WHERE l.seq = :s RETURNING l.entry_hash"
)


def _server_chain_from(conn: Connection) -> int | None:
    """Where the server's chain begins on this database (PostgreSQL from migration 0010), else None."""
    if conn.dialect.name != "postgresql":
        return None
    raw = conn.execute(text("SELECT value FROM db_meta WHERE key = :k"),
                       {"k": SERVER_CHAIN_FROM_META}).scalar_one_or_none()
    return int(raw) if raw is not None else None


def rewrite_with_key(ctx: DeskContext, drop_seq: int) -> None:
    """Remove entry `drop_seq`, renumber the rest and rechain everything with the chain keys.

    Entries before the server chain's start get the workstation key; from there on the attacker,
    holding the owner's rights, reads the server's key and computes the server's hash, so the
    rewritten log passes the chain check alone.
    """
    with attacker(ctx) as conn:
        server_from = _server_chain_from(conn)
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
            on_server = server_from is not None and seq >= server_from
            entry.entry_hash = "" if on_server else chain_hash(ctx.keys.audit, prev, entry)
            values = {f: getattr(entry, f) for f in (*_FIELDS, "prev_hash", "entry_hash")}
            conn.execute(table.insert().values(**values))
            if on_server:
                entry.entry_hash = conn.execute(_SERVER_REHASH, {"s": seq}).scalar_one()
            prev = entry.entry_hash
        _set_head(conn, seq, prev)


def chain_ok(ctx: DeskContext) -> bool:
    with ctx.db.transaction() as s:
        return ctx.audit.verify(s).ok
