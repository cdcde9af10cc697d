"""Sync from a django-oscar shop on the local PostgreSQL: full load, incremental, beside a raw cursor.

    python bench/bench_sync.py --customers 100000

Builds a scratch Oscar database with Oscar's own migrations (tests/helpers/oscar_shop.py), fills it in
bulk with SQL (every customer: an account, an address, one completed order with one line, its shipping
and billing address), and gives the desk a read-only login. Then, each phase in its own process so
peak RSS is the phase's own:

* baseline: the same SELECTs the sync runs (every mapped table with its joins), streamed with a plain
  psycopg server-side cursor and nothing done with the rows;
* full sync: the first load into a fresh SQLite desk (`gdpr-desk sources sync`'s code path);
* incremental: 1,000 customers changed in Oscar, then a sync (Oscar's auth_user has no change column, so
  the sync reads every row and writes only the changed ones).

The scratch database and role are dropped at the end.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

ADMIN = os.environ.get("GDPR_DESK_TEST_PG", "postgresql://postgres@127.0.0.1:5432/postgres")
BASE = ADMIN.rsplit("/", 1)[0]
REPO = Path(__file__).resolve().parents[1]

FILL = """
INSERT INTO address_country (iso_3166_1_a2, iso_3166_1_a3, iso_3166_1_numeric, printable_name, name,
                             display_order, is_shipping_country)
VALUES ('NO', 'NOR', '578', 'Norge', 'Norge', 0, true) ON CONFLICT DO NOTHING;
INSERT INTO auth_user (id, password, is_superuser, username, first_name, last_name, email, is_staff, is_active,
                       date_joined)
SELECT g, 'md5$bench$x', false, 'kunde' || g, (ARRAY['Kari','Per','Åsa','Bjørn','Ola'])[1 + g % 5],
       (ARRAY['Ødegård','Sæther','Nordmann','Lindström','Åsen'])[1 + g % 5] || ' ' || g,
       'kunde' || g || '@example.no', false, true, now() - (g || ' minutes')::interval
FROM generate_series(1, {n}) g;
INSERT INTO address_useraddress (id, title, first_name, last_name, line1, line2, line3, line4, state, postcode,
    search_text, phone_number, notes, is_default_for_shipping, is_default_for_billing,
    num_orders_as_shipping_address, hash, date_created, country_id, user_id, num_orders_as_billing_address)
SELECT g, '', 'Kari', 'Nordmann', 'Storgata ' || g, '', '', 'Oslo', '', '0150', '', '+4791234567', '',
       true, true, 1, 'h' || g, now(), 'NO', g, 1
FROM generate_series(1, {n}) g;
INSERT INTO order_shippingaddress (id, title, first_name, last_name, line1, line2, line3, line4, state, postcode,
    search_text, phone_number, notes, country_id)
SELECT g, '', 'Kari', 'Nordmann', 'Storgata ' || g, '', '', 'Oslo', '', '0150', '', '+4791234567', '', 'NO'
FROM generate_series(1, {n}) g;
INSERT INTO order_billingaddress (id, title, first_name, last_name, line1, line2, line3, line4, state, postcode,
    search_text, country_id)
SELECT g, '', 'Kari', 'Nordmann', 'Storgata ' || g, '', '', 'Oslo', '', '0150', '', 'NO'
FROM generate_series(1, {n}) g;
INSERT INTO order_order (id, number, currency, total_incl_tax, total_excl_tax, shipping_incl_tax, shipping_excl_tax,
    shipping_method, shipping_code, status, guest_email, date_placed, billing_address_id, shipping_address_id,
    user_id, analytics_tracked)
SELECT g, (100000 + g)::text, 'NOK', 499.00, 399.20, 0, 0, 'Posten', 'posten', 'Complete', '',
       now() - (g || ' minutes')::interval, g, g, g, false
FROM generate_series(1, {n}) g;
INSERT INTO order_line (id, partner_name, partner_sku, partner_line_reference, partner_line_notes, title, upc,
    quantity, line_price_incl_tax, line_price_excl_tax, line_price_before_discounts_incl_tax,
    line_price_before_discounts_excl_tax, unit_price_incl_tax, unit_price_excl_tax, status, order_id,
    allocation_cancelled, num_allocated)
SELECT g, 'Lager', 'SKU-' || (g % 500), '', '', 'Kaffetrakter', NULL, 1, 499.00, 399.20, 499.00, 399.20,
       499.00, 399.20, 'Complete', g, false, 0
FROM generate_series(1, {n}) g;
"""


def oscar_migrate(url: str) -> None:
    env = dict(os.environ, OSCAR_DB_URL=url, PYTHONPATH=str(REPO), PYTHONWARNINGS="ignore")
    subprocess.run([sys.executable, "-m", "tests.helpers.oscar_shop", "migrate"], env=env, cwd=REPO, check=True)


def system_for(url: str):  # type: ignore[no-untyped-def]
    import dataclasses

    from desktop.policy import load_policy
    from desktop.services.sync import load_systems

    base = load_systems(None, load_policy()).systems[0]
    return dataclasses.replace(base, url=url, password=None)


def peak_rss_mb() -> float:
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def phase_baseline(url: str) -> dict[str, float]:
    import psycopg

    from desktop.sources.sql import SqlSource

    system = system_for(url)
    source = SqlSource(system)
    rows = 0
    started = time.perf_counter()
    with source.connect() as conn:
        source.reflect(conn)
        sql = []
        for tm in system.tables:
            query, _ = source.select_rows(tm)  # the same SELECT, compiled for the raw cursor
            keys = [source.column(tm, k) for k in tm.key]
            sql.append(str(query.order_by(*keys).compile(conn, compile_kwargs={"literal_binds": True})))
    raw_url = url.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(raw_url) as raw, raw.transaction():
        for statement in sql:
            with raw.cursor(name=f"c{uuid.uuid4().hex[:6]}") as cur:
                cur.itersize = 2000
                cur.execute(statement)  # type: ignore[arg-type]
                for _ in cur:
                    rows += 1
    source.close()
    return {"rows": rows, "seconds": time.perf_counter() - started, "peak_rss_mb": peak_rss_mb()}


def phase_sync(url: str, desk_url: str, full: bool) -> dict[str, float]:
    from desktop.services.context import open_desk
    from desktop.services.sync import SyncService

    ctx = open_desk(desk_url, migrate=True, demo=True, create_keys=True)
    started = time.perf_counter()
    report = SyncService(ctx).sync(system_for(url), full=full, batch=2000)
    seconds = time.perf_counter() - started
    ctx.close()
    return {"rows": report.read, "written": report.written, "seconds": seconds, "peak_rss_mb": peak_rss_mb(),
            "refused": report.refused}


def run_phase(*args: str) -> dict[str, float]:
    out = subprocess.run([sys.executable, __file__, "--phase", *args], capture_output=True, text=True, check=False,
                         cwd=REPO)
    if out.returncode != 0:
        raise SystemExit(out.stderr[-3000:])
    result: dict[str, float] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--customers", type=int, default=100_000)
    p.add_argument("--changed", type=int, default=1000)
    p.add_argument("--template", help="an empty database Oscar's migrations already built (saves their minute)")
    p.add_argument("--phase", nargs="*")
    args = p.parse_args()
    if args.phase:
        kind, url, *rest = args.phase
        if kind == "baseline":
            print(json.dumps(phase_baseline(url)))
        else:
            print(json.dumps(phase_sync(url, rest[0], full=kind == "full")))
        return 0

    import psycopg

    name = f"oscar_bench_{uuid.uuid4().hex[:8]}"
    role = f"gdpr_bench_reader_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(ADMIN, autocommit=True) as conn:
        template = f' TEMPLATE "{args.template}"' if args.template else ""
        conn.execute(f'CREATE DATABASE "{name}"{template}')  # type: ignore[arg-type]
        conn.execute(f'CREATE ROLE "{role}" LOGIN')  # type: ignore[arg-type]
    admin_url = f"{BASE.replace('postgresql://', 'postgresql+psycopg://')}/{name}"
    reader_url = admin_url.replace("postgres@", f"{role}@", 1)
    tmp = Path(tempfile.mkdtemp(prefix="bench-sync-"))
    try:
        if not args.template:
            t0 = time.perf_counter()
            oscar_migrate(admin_url)
            print(f"oscar migrations: {time.perf_counter() - t0:.1f} s")
        t0 = time.perf_counter()
        with psycopg.connect(f"{BASE}/{name}", autocommit=True) as conn:
            conn.execute(FILL.replace("{n}", str(args.customers)))  # type: ignore[arg-type]
            conn.execute("ANALYZE")
            conn.execute(f'GRANT USAGE ON SCHEMA public TO "{role}"')  # type: ignore[arg-type]
            conn.execute(f'GRANT SELECT ON ALL TABLES IN SCHEMA public TO "{role}"')  # type: ignore[arg-type]
        print(f"bulk fill of {args.customers:,} customers (account, address, order, line, 2 order addresses): "
              f"{time.perf_counter() - t0:.1f} s")
        desk_url = f"sqlite:///{tmp / 'desk.sqlite3'}"
        base = run_phase("baseline", reader_url)
        full = run_phase("first", reader_url, desk_url)
        print(f"raw cursor stream (baseline): {base['rows']:>10,.0f} rows {base['seconds']:8.1f} s "
              f"{base['rows'] / base['seconds']:>9,.0f} rows/s  peak RSS {base['peak_rss_mb']:.0f} MB")
        print(f"full sync, first load:        {full['rows']:>10,.0f} rows {full['seconds']:8.1f} s "
              f"{full['rows'] / full['seconds']:>9,.0f} rows/s  peak RSS {full['peak_rss_mb']:.0f} MB  "
              f"({full['seconds'] / base['seconds']:.1f}x baseline; refused {full['refused']:.0f})")
        with psycopg.connect(f"{BASE}/{name}", autocommit=True) as conn:
            conn.execute(f"UPDATE auth_user SET first_name = first_name || 'x' WHERE id <= {args.changed}")  # type: ignore[arg-type]
        inc = run_phase("incremental", reader_url, desk_url)
        print(f"incremental, {args.changed:,} changed:  {inc['rows']:>10,.0f} rows {inc['seconds']:8.1f} s "
              f"written {inc['written']:,.0f}  peak RSS {inc['peak_rss_mb']:.0f} MB")
    finally:
        with psycopg.connect(ADMIN, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')  # type: ignore[arg-type]
            conn.execute(f'DROP ROLE IF EXISTS "{role}"')  # type: ignore[arg-type]
        for p_ in tmp.glob("*"):
            p_.unlink()
        tmp.rmdir()
    return 0


if __name__ == "__main__":
    sys.exit(main())
