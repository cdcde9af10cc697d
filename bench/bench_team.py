"""A team on one PostgreSQL server: 20 workstations searching, opening and logging at once.

Each workstation is an OS process with its own desk (engine, pool, keyring) signed in as its own
agent. For a fixed time each one loops: search for a person (by name, e-mail or order number) ->
open the first hit's profile. Both steps write their access-log entry in their own transaction, so
every step also takes the log's head-row lock. The baseline, in the same run on the same
database, is the same loop on one workstation: the ratio shows what sharing the server costs.

    python bench/bench_team.py [customers=20000] [seconds=20] [workstations=20]

The database is a scratch one (gdpr_desk_bench_<random>) on 127.0.0.1:5432 (or GDPR_DESK_BENCH_PG,
an admin URL), filled by the demo generator and dropped at the end, also after an error. The 20
agent accounts get cheap password hashes: signing in is not what is measured.
"""

from __future__ import annotations

import multiprocessing
import os
import random
import statistics
import sys
import threading
import time
import uuid
from collections import Counter
from typing import Any

from _common import pct, use_memory_keyring

ADMIN_URL = os.environ.get("GDPR_DESK_BENCH_PG", "postgresql://postgres@127.0.0.1:5432/postgres")


def workstation(url: str, instance_id: str, keys: str, user: str, queries: list[str], seconds: float,
                seed: int, ready: Any, results: Any) -> None:
    """One workstation: sign in, wait for the others, then search -> open until the time is up."""
    import keyring

    from desktop.security.keys import import_keys
    from desktop.services.accounts import AccountService
    from desktop.services.context import open_desk
    from desktop.services.profile import ProfileService
    from desktop.services.search import SearchService
    from tests.helpers.memory_keyring import MemoryKeyring

    keyring.set_keyring(MemoryKeyring())
    import_keys(instance_id, keys)
    ctx = open_desk(url, workstation=f"bench-{user}")
    try:
        actor = AccountService(ctx).login(user, "demo")
        search, profile = SearchService(ctx), ProfileService(ctx)
        rng = random.Random(seed)
        times: dict[str, list[float]] = {"search": [], "open": []}
        ready.wait()
        end = time.perf_counter() + seconds
        while time.perf_counter() < end:
            t0 = time.perf_counter()
            hits = search.search(actor, rng.choice(queries)).hits
            t1 = time.perf_counter()
            times["search"].append(t1 - t0)
            if hits:
                profile.open_profile(actor, hits[0].customer_id, None)
                times["open"].append(time.perf_counter() - t1)
        results.put(times)
    except BaseException as exc:
        results.put({"error": f"{user}: {type(exc).__name__}: {exc}"})
    finally:
        ctx.close()


def sample_backends(database: str, seconds: float, into: Counter[str]) -> None:
    """What the workstations' server connections are doing, every 20 ms: the lock queue made visible.

    "inside a transaction, client's turn" is a connection whose workstation holds a transaction open
    while its own Python runs; if that transaction holds the log's head row, everyone else waits.
    """
    import psycopg

    end = time.perf_counter() + seconds
    with psycopg.connect(ADMIN_URL, autocommit=True) as admin:
        while time.perf_counter() < end:
            for state, wait_type, wait in admin.execute(
                    "SELECT state, wait_event_type, wait_event FROM pg_stat_activity "
                    "WHERE datname = %s AND application_name = 'gdpr-desk'", (database,)):
                if state == "active" and wait_type == "Lock":
                    into[f"waiting for a lock ({wait})"] += 1
                elif state == "active":
                    into["working in the server" + (f" ({wait})" if wait_type in ("IO", "LWLock") else "")] += 1
                elif state == "idle in transaction":
                    into["inside a transaction, client's turn"] += 1
                else:
                    into["between units of work, client's turn"] += 1
            time.sleep(0.02)


def run_phase(url: str, instance_id: str, keys: str, queries: list[str], seconds: float, count: int) \
        -> tuple[dict[str, list[float]], Counter[str]]:
    mp = multiprocessing.get_context("spawn")
    ready = mp.Barrier(count + 1, timeout=300)
    results = mp.Queue()
    procs = [mp.Process(target=workstation, args=(url, instance_id, keys, f"ws{i + 1:02d}", queries, seconds,
                                                  1000 + i, ready, results)) for i in range(count)]
    for p in procs:
        p.start()
    ready.wait()  # every workstation is signed in: the clock starts for all at once
    states: Counter[str] = Counter()
    sampler = threading.Thread(target=sample_backends, args=(url.rsplit("/", 1)[1], seconds * 0.9, states))
    sampler.start()
    merged: dict[str, list[float]] = {"search": [], "open": []}
    try:
        for _ in procs:
            got = results.get(timeout=seconds + 300)
            if "error" in got:
                raise RuntimeError(got["error"])
            for op, values in got.items():
                merged[op].extend(values)
    finally:
        for p in procs:
            p.join(30)
            if p.is_alive():
                p.kill()
        sampler.join()
    return merged, states


def describe(label: str, times: dict[str, list[float]], states: Counter[str], seconds: float) \
        -> tuple[float, float]:
    """Prints one workstation count's figures; returns (steps per second, p95 of all steps in ms)."""
    steps = len(times["search"]) + len(times["open"])
    rate = steps / seconds
    every = [t * 1000 for op in times.values() for t in op]
    print(f"{label}: {steps} steps in {seconds:.0f} s = {rate:7.1f} steps/s "
          f"({len(times['search'])} searches, {len(times['open'])} profiles opened)")
    for op, values in times.items():
        ms = [t * 1000 for t in values]
        print(f"  {op:<7} n={len(ms):<6} p50={pct(ms, 50):7.2f} ms  p95={pct(ms, 95):7.2f} ms  "
              f"p99={pct(ms, 99):7.2f} ms  mean={statistics.mean(ms):7.2f} ms")
    total = sum(states.values()) or 1
    print("  the workstations' server connections, sampled: " + "; ".join(
        f"{what} {n / total:.0%}" for what, n in states.most_common() if n / total >= 0.005))
    return rate, pct(every, 95)


def sample_queries(ctx: Any, n: int) -> list[str]:
    """Names, e-mails and order numbers of random demo customers, as an agent would type them."""
    from sqlalchemy import func, select

    from desktop.models import Customer, Order

    rng = random.Random(7)
    with ctx.db.transaction() as s:
        top = int(s.execute(select(func.max(Customer.id))).scalar_one())
        ids = [rng.randint(1, top) for _ in range(n)]
        people = s.execute(select(Customer.id, Customer.first_name, Customer.last_name, Customer.email)
                           .where(Customer.id.in_(ids))).all()
        orders = {cid: number for cid, number in s.execute(
            select(Order.customer_id, func.min(Order.order_number))
            .where(Order.customer_id.in_(ids)).group_by(Order.customer_id))}
    queries = []
    for i, (cid, first, last, email) in enumerate(people):
        if i % 4 == 1 and email:
            queries.append(email)
        elif i % 4 == 3 and cid in orders:
            queries.append(orders[cid])
        else:
            queries.append(f"{first} {last}")
    return queries


def main() -> None:
    customers = int(sys.argv[1]) if len(sys.argv) > 1 else 20_000
    seconds = float(sys.argv[2]) if len(sys.argv) > 2 else 20.0
    count = int(sys.argv[3]) if len(sys.argv) > 3 else 20
    use_memory_keyring()
    import psycopg
    from argon2 import PasswordHasher

    import desktop.services.accounts as accounts_module
    from desktop.demo.generator import generate_demo_data
    from desktop.security.keys import export_keys
    from desktop.services.accounts import AccountService
    from desktop.services.context import open_desk

    name = f"gdpr_desk_bench_{uuid.uuid4().hex[:10]}"
    base = ADMIN_URL.rsplit("/", 1)[0].replace("postgresql://", "postgresql+psycopg://", 1)
    url = f"{base}/{name}"
    with psycopg.connect(ADMIN_URL, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    ctx = None
    try:
        print(f"machine: {os.cpu_count()} cores, load average at start {os.getloadavg()[0]:.2f}")
        t0 = time.perf_counter()
        ctx = open_desk(url, migrate=True, demo=True, create_keys=True, workstation="bench")
        report = generate_demo_data(ctx, customers=customers, seed=1)
        print(f"database: {name}, {customers:,} demo customers, {report.total_rows:,} rows, "
              f"built in {time.perf_counter() - t0:.0f} s")
        accounts_module._HASHER = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
        accounts = AccountService(ctx)
        for i in range(count):
            accounts.add(f"ws{i + 1:02d}", "agent", "demo")
        queries = sample_queries(ctx, 2000)
        keys = export_keys(ctx.keys)

        base_times, base_states = run_phase(url, ctx.instance_id, keys, queries, seconds, 1)
        base_rate, base_p95 = describe("1 workstation (baseline)", base_times, base_states, seconds)
        load_mid = os.getloadavg()[0]
        team_times, team_states = run_phase(url, ctx.instance_id, keys, queries, seconds, count)
        team_rate, team_p95 = describe(f"{count} workstations", team_times, team_states, seconds)
        print(f"ratio {count} : 1 workstation: throughput {team_rate / base_rate:.2f}x, "
              f"p95 of a step {team_p95 / base_p95:.2f}x ({team_p95:.1f} ms against {base_p95:.1f} ms)")
        print(f"load average: {load_mid:.2f} after the baseline, {os.getloadavg()[0]:.2f} at the end")
        with ctx.db.transaction() as s:
            verdict = ctx.audit.verify(s)
        print(verdict.describe())
        if not verdict.ok:
            sys.exit(3)
    finally:
        if ctx is not None:
            ctx.close()
        with psycopg.connect(ADMIN_URL, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        print(f"dropped {name}")


if __name__ == "__main__":
    main()
