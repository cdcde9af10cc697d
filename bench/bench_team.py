"""A team on one PostgreSQL server: 20 workstations searching, opening and logging at once.

Each workstation is an OS process with its own desk (engine, pool, keyring) signed in as its own
agent. For a fixed time each one loops: search for a person (by name, e-mail or order number) ->
open the first hit's profile. Both steps write their access-log entry in their own transaction, so
every step also takes the log's head-row lock. The baseline, in the same run on the same
database, is the same loop on one workstation: the ratio shows what sharing the server costs.

    python bench/bench_team.py [customers=20000] [seconds=20] [workstations=20]
    python bench/bench_team.py day [customers=20000] [seconds=40] [agents=20]
    python bench/bench_team.py stress [customers=20000] [seconds=20] [workstations=20]

"day" is a realistic day: 20 agents, each taking one step (a search, then opening the hit) every
2 s. "stress" is the ceiling: 20 workstations looping search -> open, then 20 looping the smallest
logged step (a unit of work that checks the account and appends one entry). Both run the server's
append (migration 0010: one call, the chain computed inside PostgreSQL, each workstation its own
login) beside the old client-side append (read the head FOR UPDATE, HMAC on the workstation,
insert, move the head: three round trips under the lock) in the same run, each on its own scratch
database built from the same seed.

The databases are scratch ones (gdpr_desk_bench_<random>) on 127.0.0.1:5432 (or GDPR_DESK_BENCH_PG,
an admin URL), filled by the demo generator and dropped at the end, also after an error, with the
roles made for them. The agent accounts get cheap password hashes: signing in is not what is measured.
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
from dataclasses import dataclass
from typing import Any

from _common import pct, use_memory_keyring

ADMIN_URL = os.environ.get("GDPR_DESK_BENCH_PG", "postgresql://postgres@127.0.0.1:5432/postgres")


def workstation(url: str, instance_id: str, keys: str, user: str, queries: list[str], seconds: float,
                seed: int, ready: Any, results: Any, kind: str = "loop", legacy: bool = False) -> None:
    """One workstation: sign in, wait for the others, then take steps until the time is up.

    kind "loop": search -> open as fast as possible; "append": the smallest logged step as fast as
    possible; "day": one step every 2 s (search, then open the hit), starting at a random moment.
    `legacy` appends the old way (the chain computed on the workstation, three round trips).
    """
    import keyring

    from desktop.audit.log import AuditLog
    from desktop.security.keys import import_keys
    from desktop.services.accounts import AccountService
    from desktop.services.context import open_desk
    from desktop.services.profile import ProfileService
    from desktop.services.search import SearchService
    from tests.helpers.memory_keyring import MemoryKeyring

    keyring.set_keyring(MemoryKeyring())
    import_keys(instance_id, keys)
    ctx = open_desk(url, workstation=f"bench-{user}")
    if legacy:
        ctx.audit = AuditLog(ctx.keys.audit)
    try:
        accounts = AccountService(ctx)
        actor = accounts.login(user, "demo")
        search, profile = SearchService(ctx), ProfileService(ctx)
        rng = random.Random(seed)
        times: dict[str, list[float]] = {"search": [], "open": [], "append": []}
        ready.wait()
        start = time.perf_counter()
        end = start + seconds
        next_at = start + rng.uniform(0, 2.0)
        pending: int | None = None
        while time.perf_counter() < end:
            if kind == "day":
                pause = next_at - time.perf_counter()
                if pause > 0:
                    time.sleep(pause)
                if time.perf_counter() >= end:
                    break
                next_at += 2.0
            t0 = time.perf_counter()
            if kind == "append":
                with ctx.db.transaction() as s:
                    accounts.require_active(s, actor)
                    ctx.audit.append(s, actor, action="search", data="search", detail="bench")
                times["append"].append(time.perf_counter() - t0)
                continue
            if kind == "day" and pending is not None:
                profile.open_profile(actor, pending, None)
                times["open"].append(time.perf_counter() - t0)
                pending = None
                continue
            hits = search.search(actor, rng.choice(queries)).hits
            t1 = time.perf_counter()
            times["search"].append(t1 - t0)
            if hits and kind == "day":
                pending = hits[0].customer_id
            elif hits:
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


@dataclass
class Scratch:
    """One scratch database and how its workstations connect."""

    name: str
    owner_url: str
    instance_id: str
    keys: str
    #: The team's base group when each person signs in as their own login; None: everyone as the owner.
    base: str | None
    legacy: bool

    def url_for(self, user: str) -> str:
        if self.base is None:
            return self.owner_url
        return self.owner_url.replace("://postgres@", f"://{self.base}.{user}@", 1)


def run_phase(db: Scratch, queries: list[str], seconds: float, count: int, kind: str = "loop") \
        -> tuple[dict[str, list[float]], Counter[str]]:
    mp = multiprocessing.get_context("spawn")
    ready = mp.Barrier(count + 1, timeout=300)
    results = mp.Queue()
    procs = [mp.Process(target=workstation, args=(db.url_for(f"ws{i + 1:02d}"), db.instance_id, db.keys,
                                                  f"ws{i + 1:02d}", queries, seconds, 1000 + i, ready, results,
                                                  kind, db.legacy)) for i in range(count)]
    for p in procs:
        p.start()
    ready.wait()  # every workstation is signed in: the clock starts for all at once
    states: Counter[str] = Counter()
    sampler = threading.Thread(target=sample_backends, args=(db.name, seconds * 0.9, states))
    sampler.start()
    merged: dict[str, list[float]] = {"search": [], "open": [], "append": []}
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
    steps = sum(len(v) for v in times.values())
    rate = steps / seconds
    every = [t * 1000 for op in times.values() for t in op]
    print(f"{label}: {steps} logged steps in {seconds:.0f} s = {rate:7.1f} steps/s "
          f"({len(times['search'])} searches, {len(times['open'])} profiles opened, "
          f"{len(times['append'])} bare appends); all steps p50={pct(every, 50):.2f} ms p95={pct(every, 95):.2f} ms")
    for op, values in times.items():
        if not values:
            continue
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


def build(customers: int, count: int, *, team: bool) -> Scratch:
    """A scratch database with demo data and `count` agents; `team`: init-team and personal logins."""
    import psycopg

    from desktop.demo.generator import generate_demo_data
    from desktop.security.keys import export_keys
    from desktop.services.accounts import AccountService
    from desktop.services.context import open_desk
    from desktop.services.team_setup import init_team

    name = f"gdpr_desk_bench_{uuid.uuid4().hex[:10]}"
    owner_url = f"{ADMIN_URL.rsplit('/', 1)[0].replace('postgresql://', 'postgresql+psycopg://', 1)}/{name}"
    with psycopg.connect(ADMIN_URL, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    t0 = time.perf_counter()
    ctx = open_desk(owner_url, migrate=True, demo=True, create_keys=True, workstation="bench")
    if not team:
        from desktop.audit.log import AuditLog

        ctx.audit = AuditLog(ctx.keys.audit)  # the whole log chained the old way
    try:
        report = generate_demo_data(ctx, customers=customers, seed=1)
        base = None
        if team:
            base = f"gdpr_bench_{uuid.uuid4().hex[:8]}"
            init_team(owner_url, app_role=base)
        accounts = AccountService(ctx)
        for i in range(count):
            accounts.add(f"ws{i + 1:02d}", "agent", "demo")
        print(f"database {name} ({'server append, personal logins' if team else 'old client append, owner'}): "
              f"{customers:,} demo customers, {report.total_rows:,} rows, built in {time.perf_counter() - t0:.0f} s")
        return Scratch(name, owner_url, ctx.instance_id, export_keys(ctx.keys), base, legacy=not team)
    finally:
        ctx.close()


def drop(db: Scratch) -> None:
    import psycopg

    with psycopg.connect(ADMIN_URL, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{db.name}" WITH (FORCE)')
        if db.base is not None:
            roles = [r[0] for r in admin.execute("SELECT rolname FROM pg_roles WHERE starts_with(rolname, %s)",
                                                 (db.base,))]
            for role in sorted(roles, key=len, reverse=True):
                admin.execute(f'DROP ROLE IF EXISTS "{role}"')
    print(f"dropped {db.name}" + (f" and the roles {db.base}*" if db.base else ""))


def verify(db: Scratch) -> bool:
    from desktop.audit.log import AuditLog
    from desktop.services.context import open_desk

    ctx = open_desk(db.owner_url, workstation="bench")
    try:
        if db.legacy:
            ctx.audit = AuditLog(ctx.keys.audit)
        with ctx.db.transaction() as s:
            verdict = ctx.audit.verify(s)
        print(f"{db.name}: {verdict.describe()}")
        return verdict.ok
    finally:
        ctx.close()


def main() -> None:
    args = sys.argv[1:]
    mode = args.pop(0) if args and args[0] in ("day", "stress", "loop") else "loop"
    customers = int(args[0]) if len(args) > 0 else 20_000
    seconds = float(args[1]) if len(args) > 1 else (40.0 if mode == "day" else 20.0)
    count = int(args[2]) if len(args) > 2 else 20
    use_memory_keyring()
    from argon2 import PasswordHasher

    import desktop.services.accounts as accounts_module

    accounts_module._HASHER = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
    print(f"machine: {os.cpu_count()} cores, load average at start {os.getloadavg()[0]:.2f}; mode {mode}")
    made: list[Scratch] = []
    ok = True
    try:
        new = build(customers, count, team=True)
        made.append(new)
        from desktop.services.context import open_desk

        owner = open_desk(new.owner_url, workstation="bench")
        try:
            queries = sample_queries(owner, 2000)
        finally:
            owner.close()
        if mode == "loop":
            base_times, base_states = run_phase(new, queries, seconds, 1)
            base_rate, base_p95 = describe("1 workstation (baseline)", base_times, base_states, seconds)
            team_times, team_states = run_phase(new, queries, seconds, count)
            team_rate, team_p95 = describe(f"{count} workstations", team_times, team_states, seconds)
            print(f"ratio {count} : 1 workstation: throughput {team_rate / base_rate:.2f}x, "
                  f"p95 of a step {team_p95 / base_p95:.2f}x ({team_p95:.1f} ms against {base_p95:.1f} ms)")
        else:
            old = build(customers, count, team=False)
            made.append(old)
            kinds = ["day"] if mode == "day" else ["loop", "append"]
            for kind in kinds:
                figures = {}
                for label, db in (("old client-side append", old), ("server append", new)):
                    times, states = run_phase(db, queries, seconds, count, kind)
                    figures[label] = describe(f"{kind}, {count} workstations, {label}", times, states, seconds)
                (old_rate, old_p95), (new_rate, new_p95) = figures.values()
                print(f"{kind}: server append against old: throughput {new_rate / old_rate:.2f}x, "
                      f"p95 of a step {new_p95:.1f} ms against {old_p95:.1f} ms ({new_p95 / old_p95:.2f}x)")
        print(f"load average at the end {os.getloadavg()[0]:.2f}")
        ok = all(verify(db) for db in made)
    finally:
        for db in made:
            drop(db)
    if not ok:
        sys.exit(3)


if __name__ == "__main__":
    main()
