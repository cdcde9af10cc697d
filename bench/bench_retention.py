"""The retention job over a large demo database, beside a raw sqlite3 DELETE of the same rows.

Works on copies (the original is left alone): copy A gets the real run (the service: facts per
keyset batch, decisions per record, set-based UPDATE/DELETE, access-log entry per batch, resumable
cursor); copy B gets only `DELETE FROM t WHERE id IN (...)` of exactly the rows the run erased,
children first, in one transaction with the desk's PRAGMAs (secure_delete, foreign keys, WAL,
synchronous FULL). Prints rows/s for both and extrapolates the run to 1,000,000 customers.

    python -m desktop --db /tmp/bench-200k.sqlite3 demo-data --customers 200000   # once
    python bench/bench_retention.py /tmp/bench-200k.sqlite3 [batch]
"""

from __future__ import annotations

import shutil
import sqlite3
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, cast

from _common import use_memory_keyring

TARGET = 1_000_000


def copy_db(src: Path, dst: Path) -> None:
    con = sqlite3.connect(src)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    shutil.copyfile(src, dst)
    keys = src.with_name(src.name + ".keys")
    if keys.exists():
        shutil.copyfile(keys, dst.with_name(dst.name + ".keys"))


def table_ids(path: Path, tables: list[str]) -> dict[str, set[int]]:
    con = sqlite3.connect(path)
    try:
        return {t: {r[0] for r in con.execute(f"SELECT id FROM {t}")} for t in tables}
    finally:
        con.close()


def main() -> None:
    src = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/bench-200k.sqlite3")
    batch = int(sys.argv[2]) if len(sys.argv) > 2 else 5000
    use_memory_keyring()
    from desktop.domain.roles import system_actor
    from desktop.models import RECORD_MODELS
    from desktop.services.context import open_desk
    from desktop.services.erasure import DELETE_ORDER
    from desktop.services.retention import RetentionService

    tables = {kind: str(cast(Any, model).__table__.name) for kind, model in RECORD_MODELS.items()}
    with tempfile.TemporaryDirectory(prefix="bench-retention-") as tmp:
        a, b = Path(tmp) / "a.sqlite3", Path(tmp) / "b.sqlite3"
        copy_db(src, a)
        copy_db(src, b)
        before = table_ids(a, list(tables.values()))
        rows_before = sum(len(v) for v in before.values())
        customers = len(before["customer"])
        print(f"database: {src} ({src.stat().st_size / 1e6:,.0f} MB), {customers:,} customers, "
              f"{rows_before:,} personal-data rows in {len(tables)} tables, batch {batch}")

        ctx = open_desk(f"sqlite:///{a}")
        try:
            actor = system_actor("bench", "retention")
            t0 = time.perf_counter()
            dry = RetentionService(ctx).run(actor, dry_run=True, batch=batch)
            t_dry = time.perf_counter() - t0
            t0 = time.perf_counter()
            report = RetentionService(ctx).run(actor, dry_run=False, batch=batch)
            t_run = time.perf_counter() - t0
            t0 = time.perf_counter()
            again = RetentionService(ctx).run(actor, dry_run=False, batch=batch)
            t_again = time.perf_counter() - t0
        finally:
            ctx.close()
        after = table_ids(a, list(tables.values()))
        erased = {t: before[t] - after[t] for t in before}
        n_erased = sum(len(v) for v in erased.values())
        print(report.describe("en"))
        assert (dry.erased, dry.restricted) == (report.erased, report.restricted), "dry run and run disagree"
        print(f"dry run    {t_dry:8.2f} s  {rows_before / t_dry:12,.0f} rows examined/s  "
              f"{customers / t_dry:10,.0f} customers/s")
        print(f"real run   {t_run:8.2f} s  {rows_before / t_run:12,.0f} rows examined/s  "
              f"{customers / t_run:10,.0f} customers/s  {n_erased:,} rows erased "
              f"({n_erased / t_run:,.0f} erased rows/s), {sum(report.restricted.values()):,} restricted")
        print(f"second run {t_again:8.2f} s  (no-op: {again.total_erased} erased, "
              f"{sum(again.restricted.values())} restricted)")

        con = sqlite3.connect(b, isolation_level=None)
        for pragma in ("secure_delete = ON", "foreign_keys = ON", "journal_mode = WAL", "synchronous = FULL"):
            con.execute(f"PRAGMA {pragma}")
        t0 = time.perf_counter()
        con.execute("BEGIN IMMEDIATE")
        for kind in DELETE_ORDER:
            ids = sorted(erased[tables[kind]])
            for i in range(0, len(ids), 900):
                chunk = ids[i:i + 900]
                con.execute(f"DELETE FROM {tables[kind]} WHERE id IN ({','.join('?' * len(chunk))})", chunk)
        con.execute("COMMIT")
        t_raw = time.perf_counter() - t0
        con.close()
        print(f"baseline   {t_raw:8.2f} s  raw sqlite3 DELETE of the same {n_erased:,} rows "
              f"({n_erased / max(t_raw, 1e-9):,.0f} rows/s); the run costs {t_run / max(t_raw, 1e-9):.1f}x that, "
              "for reading and deciding every row of every customer as well")
        per_customer = t_run / customers
        print(f"extrapolated to {TARGET:,} customers: {per_customer * TARGET / 60:,.1f} min for the first run "
              f"(a daily run finds only what expired since: {t_again / customers * TARGET / 60:,.1f} min)")


if __name__ == "__main__":
    main()
