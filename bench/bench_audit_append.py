"""One access-log append with full durability (WAL, synchronous=FULL), against a raw sqlite3
INSERT + COMMIT with the same settings in the same run. Target: under 1 ms median.

    python bench/bench_audit_append.py [N]
"""

from __future__ import annotations

import sqlite3
import sys
import tempfile
import time
from pathlib import Path

from _common import describe_ms, use_memory_keyring


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 500
    use_memory_keyring()
    from desktop.domain.roles import Actor, Role
    from desktop.services.context import open_desk

    with tempfile.TemporaryDirectory() as tmp:
        ctx = open_desk(f"sqlite:///{Path(tmp) / 'bench.sqlite3'}", migrate=True, demo=True, create_keys=True)
        actor = Actor(1, "agent", Role.AGENT, "bench")
        times: list[float] = []
        for i in range(n):
            t0 = time.perf_counter()
            with ctx.db.transaction() as s:
                ctx.audit.append(s, actor, action="open", data="summary", customer_id=i)
            times.append(time.perf_counter() - t0)
        with ctx.db.transaction() as s:
            assert ctx.audit.verify(s).ok
        ctx.close()

        raw = sqlite3.connect(Path(tmp) / "raw.sqlite3", isolation_level=None)
        raw.execute("PRAGMA journal_mode=WAL")
        raw.execute("PRAGMA synchronous=FULL")
        raw.execute("CREATE TABLE log (seq INTEGER PRIMARY KEY, at TEXT, actor TEXT, data TEXT, h TEXT)")
        base: list[float] = []
        for i in range(n):
            t0 = time.perf_counter()
            raw.execute("BEGIN IMMEDIATE")
            raw.execute("INSERT INTO log VALUES (?, datetime('now'), 'agent', 'summary', ?)", (i + 1, "0" * 64))
            raw.execute("COMMIT")
            base.append(time.perf_counter() - t0)
        raw.close()
    print(describe_ms("access-log append (service)", times, base))


if __name__ == "__main__":
    main()
