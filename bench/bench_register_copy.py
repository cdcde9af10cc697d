"""How fast a register copy is made, beside a bare ReportLab document of the same rows.

    python bench/bench_register_copy.py [customers=300] [runs=7]

Builds a demo register in a temporary SQLite file, adds the heavy customer of
`desktop.demo.generator.add_heavy_customer` (2,000 orders, 500 service cases, 10,000 IT records),
and times, for a typical customer (the median record count) and the heavy one:

* collect: the one logged read of everything the copy says;
* render: the PDF (letter, policy texts, every record in tables, look-ups, page numbers);
* total: both, which is what the agent waits for (targets: typical < 300 ms, heavy < 3 s).

The baseline, built in the same run from the same rows, is the least ReportLab can do with them:
a SimpleDocTemplate holding one Table of every record row (header repeated on each page), with
the same embedded font and no letter, texts or wrapping. It shows what the copy costs beyond the
library itself. The first render of a process also loads the fonts; it is reported on its own.
"""

from __future__ import annotations

import io
import sys
import tempfile
import time
from datetime import date
from pathlib import Path
from typing import Any

from _common import describe_ms, use_memory_keyring

TODAY = date(2026, 11, 15)


def bare_reportlab(data: Any) -> tuple[float, int]:
    """Seconds and pages for one plain Table of all the copy's record rows."""
    from pypdf import PdfReader
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import SimpleDocTemplate, Table, TableStyle

    from desktop.reports.register_copy import FONT_REGULAR

    rows = [list(r.cells) for p in data.purposes for t in p.tables for r in t.rows]
    width = max((len(r) for r in rows), default=1)
    table_rows = [[f"column {i + 1}" for i in range(width)], *(r + [""] * (width - len(r)) for r in rows)]
    started = time.perf_counter()
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(buffer, pagesize=A4, invariant=1)
    table = Table(table_rows, repeatRows=1)
    table.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), FONT_REGULAR, 6.5),
                               ("GRID", (0, 0), (-1, -1), 0.25, "#999999")]))
    doc.build([table])
    seconds = time.perf_counter() - started
    return seconds, len(PdfReader(io.BytesIO(buffer.getvalue())).pages)


def measure(name: str, service: Any, actor: Any, customer_id: int, runs: int) -> None:
    from pypdf import PdfReader

    collect: list[float] = []
    render: list[float] = []
    total: list[float] = []
    pdf = b""
    data: Any = None
    for _ in range(runs):
        started = time.perf_counter()
        data = service.collect(actor, customer_id, lang="nb", today=TODAY)
        collected = time.perf_counter()
        pdf = service.render(data, ())
        done = time.perf_counter()
        collect.append(collected - started)
        render.append(done - collected)
        total.append(done - started)
    pages = len(PdfReader(io.BytesIO(pdf)).pages)
    base, base_pages = bare_reportlab(data)
    print(f"{name}: {data.record_count:,} records, {pages:,} pages, {len(pdf) / 1024:,.0f} KiB")
    print("  " + describe_ms("collect", collect))
    print("  " + describe_ms("render", render, [base]))
    print("  " + describe_ms("total (collect + render)", total, [base]))
    print(f"  bare ReportLab, one Table of the same rows: {base * 1000:,.0f} ms, {base_pages:,} pages")


def main() -> None:
    customers = int(sys.argv[1]) if len(sys.argv) > 1 else 300
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 7
    use_memory_keyring()
    from sqlalchemy import func, select

    from desktop.demo.generator import DEMO_PASSWORD, add_heavy_customer, generate_demo_data
    from desktop.models import Customer, ItEnvironment, Order
    from desktop.reports.register_copy import register_fonts
    from desktop.services.accounts import AccountService
    from desktop.services.context import open_desk
    from desktop.services.register_copy import RegisterCopyService

    with tempfile.TemporaryDirectory(prefix="bench-register-copy-") as tmp:
        ctx = open_desk(f"sqlite:///{Path(tmp) / 'demo.sqlite3'}", migrate=True, demo=True, create_keys=True,
                        workstation="bench")
        try:
            print(f"building {customers:,} demo customers and the heavy one ...", file=sys.stderr, flush=True)
            generate_demo_data(ctx, customers=customers, seed=1)
            heavy = add_heavy_customer(ctx)
            actor = AccountService(ctx).login("agent", DEMO_PASSWORD)
            with ctx.db.transaction() as s:
                orders = dict(s.execute(select(Order.customer_id, func.count()).group_by(Order.customer_id)).all())
                it = dict(s.execute(select(ItEnvironment.customer_id, func.count())
                                    .group_by(ItEnvironment.customer_id)).all())
                ids = [i for i in s.execute(select(Customer.id)).scalars() if i != heavy]
            ids.sort(key=lambda i: (orders.get(i, 0) + it.get(i, 0), i))
            typical = ids[len(ids) // 2]
            service = RegisterCopyService(ctx)
            started = time.perf_counter()
            register_fonts()
            print(f"loading the fonts (once per process): {(time.perf_counter() - started) * 1000:,.0f} ms")
            started = time.perf_counter()
            service.render(service.collect(actor, typical, today=TODAY), ())
            print(f"first copy of the process (caches cold): {(time.perf_counter() - started) * 1000:,.0f} ms")
            measure(f"typical customer {typical} ({orders.get(typical, 0)} orders)", service, actor, typical, runs)
            measure(f"heavy customer {heavy} ({orders.get(heavy, 0):,} orders)", service, actor, heavy,
                    max(1, runs // 3))
        finally:
            ctx.close()


if __name__ == "__main__":
    main()
