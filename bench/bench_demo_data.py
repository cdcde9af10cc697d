"""How fast `gdpr-desk demo-data` builds, beside the floor SQLite itself sets on this machine.

    python bench/bench_demo_data.py [customers=100000]

Builds the demo register into a temporary SQLite file and prints customers/s, rows/s, seconds
and the time extrapolated to a million customers (the target: under five minutes). The baseline,
in the same run and on the same disk, is raw sqlite3 executemany of as many plain three-column
rows: the cost of getting rows into SQLite at all, without indexes, generation or a schema.

The extrapolation separates the fixed cost (argon2 for the demo accounts, starting the generator
process, the first batch that nothing overlaps) from the steady rate between progress reports,
so a small run does not overstate a million. Index growth still makes a real million a little
slower per customer than the steady rate of a small one.
"""

from __future__ import annotations

import sqlite3
import sys
import tempfile
import time
from pathlib import Path

from _common import use_memory_keyring

MILLION = 1_000_000


def build(path: Path, customers: int) -> tuple[float, int, list[tuple[float, int]]]:
    """Seconds, rows written, and (seconds, customers done) at each progress report."""
    from desktop.demo.generator import generate_demo_data
    from desktop.services.context import open_desk

    ctx = open_desk(f"sqlite:///{path}", migrate=True, demo=True, create_keys=True, workstation="bench")
    try:
        marks: list[tuple[float, int]] = []
        started = time.perf_counter()

        def progress(done: int, total: int) -> None:
            marks.append((time.perf_counter() - started, done))
            if done == total or len(marks) % 10 == 0:
                print(f"  {done:>9,} / {total:,}  {marks[-1][0]:7.1f} s", file=sys.stderr, flush=True)

        report = generate_demo_data(ctx, customers=customers, seed=1, progress=progress)
        return time.perf_counter() - started, report.total_rows, marks
    finally:
        ctx.close()


def baseline(path: Path, rows: int) -> float:
    """Plain rows with the journal and sync settings the demo load uses."""
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = OFF")
        conn.execute("CREATE TABLE plain (id INTEGER PRIMARY KEY, n INTEGER NOT NULL, s TEXT NOT NULL)")
        data = [(i, i * 7, "data_subject") for i in range(1, rows + 1)]
        started = time.perf_counter()
        step = 200_000
        for start in range(0, rows, step):
            conn.execute("BEGIN")
            conn.executemany("INSERT INTO plain VALUES (?, ?, ?)", data[start:start + step])
            conn.execute("COMMIT")
        return time.perf_counter() - started
    finally:
        conn.close()


def extrapolate(seconds: float, customers: int, marks: list[tuple[float, int]]) -> float:
    """Fixed cost plus a million at the steady rate seen between the first and last batch."""
    done = [(t, n) for t, n in marks if n > 0]
    if len(done) < 2 or done[-1][1] == done[0][1]:
        return seconds * MILLION / customers
    (t0, n0), (t1, n1) = done[0], done[-1]
    per_customer = (t1 - t0) / (n1 - n0)
    fixed = max(seconds - customers * per_customer, 0.0)
    return fixed + MILLION * per_customer


def main() -> None:
    customers = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    use_memory_keyring()
    with tempfile.TemporaryDirectory(prefix="bench-demo-") as tmp:
        folder = Path(tmp)
        seconds, rows, marks = build(folder / "demo.sqlite3", customers)
        size = (folder / "demo.sqlite3").stat().st_size
        base = baseline(folder / "plain.sqlite3", rows)
    million = extrapolate(seconds, customers, marks)
    print(f"demo-data  {customers:>11,} customers  {rows:>12,} rows  {seconds:8.1f} s  "
          f"{customers / seconds:9,.0f} customers/s  {rows / seconds:11,.0f} rows/s")
    print(f"baseline   {'':>11}            {rows:>12,} rows  {base:8.1f} s  "
          f"{'':>9}              {rows / base:11,.0f} rows/s  (raw sqlite3 executemany, plain rows)")
    print(f"database   {size / 1e6:,.0f} MB ({size / customers:,.0f} bytes per customer)")
    print(f"1,000,000 customers extrapolated: {million:,.0f} s ({million / 60:.1f} min; target < 5 min; "
          f"linear would say {seconds * MILLION / customers:,.0f} s)")


if __name__ == "__main__":
    main()
