"""Search p50/p95 per kind at the service layer (including its access-log append) on a large demo
database, beside the raw sqlite3 query for the same rows in the same run. Target: p95 < 10 ms.
Each query is run once raw before timing, so both sides are measured with warm pages.

    python -m desktop --db /tmp/bench-1m.sqlite3 demo-data --customers 1000000   # once, ~minutes
    python bench/bench_search.py /tmp/bench-1m.sqlite3 [samples]
"""

from __future__ import annotations

import random
import sqlite3
import sys
import time
from datetime import date

from _common import describe_ms, use_memory_keyring


def main() -> None:
    path = sys.argv[1] if len(sys.argv) > 1 else "/tmp/bench-1m.sqlite3"
    samples = int(sys.argv[2]) if len(sys.argv) > 2 else 200
    use_memory_keyring()
    from desktop.domain.contact import format_phone
    from desktop.domain.textfold import fold_words
    from desktop.security.crypto import decrypt
    from desktop.services.accounts import AccountService
    from desktop.services.context import open_desk
    from desktop.services.search import SearchService

    ctx = open_desk(f"sqlite:///{path}")
    actor = AccountService(ctx).login("agent", "demo")
    raw = sqlite3.connect(path)
    total = raw.execute("SELECT max(id) FROM customer").fetchone()[0]
    rng = random.Random(42)
    ids = [rng.randint(1, total) for _ in range(samples)]
    people = []
    for cid in ids:
        row = raw.execute("SELECT first_name, last_name, email_norm, phone_e164, nid_encrypted FROM customer "
                          "WHERE id = ?", (cid,)).fetchone()
        order = raw.execute("SELECT order_number FROM customer_order WHERE customer_id = ? LIMIT 1", (cid,)).fetchone()
        people.append((cid, row, order[0] if order else None))
    print(f"database: {path}, {total:,} customers, {samples} samples per kind")

    def ascii_name(first: str, last: str) -> str:
        return " ".join(fold_words(f"{first} {last}"))

    kinds: dict[str, list[str]] = {
        "name (first last, folded)": [ascii_name(r[0], r[1]) for _, r, _ in people],
        "name (last first prefixes)": [f"{r[1][:4]} {r[0][:3]}" for _, r, _ in people],
        "name (surname only)": [r[1] for _, r, _ in people],
        "e-mail": [r[2] for _, r, _ in people if r[2]],
        "phone (national format)": [format_phone(r[3]) for _, r, _ in people if r[3]],
        "identity number": [decrypt(ctx.keys.nid_enc, r[4]) for _, r, _ in people if r[4]],
        "order number": [o for _, _, o in people if o],
    }
    svc = SearchService(ctx)
    for kind, queries in kinds.items():
        service_t: list[float] = []
        base_t: list[float] = []
        for q in queries:
            # Both sides timed warm: the raw query first pulls the same pages into the cache.
            _raw_equivalent(raw, kind, q, ctx)
            t0 = time.perf_counter()
            page = svc.search(actor, q)
            service_t.append(time.perf_counter() - t0)
            ids_found = [h.customer_id for h in page.hits]
            t0 = time.perf_counter()
            _raw_equivalent(raw, kind, q, ctx)
            base_t.append(time.perf_counter() - t0)
            assert ids_found or kind.startswith("name"), (kind, q)
        print(describe_ms(kind, service_t, base_t))
    ctx.close()


def _raw_equivalent(raw: sqlite3.Connection, kind: str, q: str, ctx) -> list[int]:  # type: ignore[no-untyped-def]
    """The same rows fetched with hand-written SQL and no service, log or masking."""
    from desktop.domain.contact import normalize_email, phone_candidates
    from desktop.domain.national_id import parse_national_id
    from desktop.domain.textfold import fold_words
    from desktop.services.registry import nid_hash

    if kind.startswith("name"):
        words = sorted(fold_words(q), key=len, reverse=True)
        sql = "SELECT t0.customer_id FROM search_token t0 WHERE t0.token >= ? AND t0.token < ?"
        params: list[object] = [words[0], words[0][:-1] + chr(ord(words[0][-1]) + 1)]
        for w in words[1:]:
            sql += " AND t0.name_key LIKE ?"
            params.append(f"% {w}%")
        sql += " ORDER BY t0.token, t0.sort_name, t0.customer_id LIMIT 51"
        ids = [r[0] for r in raw.execute(sql, params)]
    elif kind == "e-mail":
        ids = [r[0] for r in raw.execute("SELECT id FROM customer WHERE email_norm = ?", (normalize_email(q),))]
    elif kind.startswith("phone"):
        cands = phone_candidates(q)
        ids = [r[0] for r in raw.execute(
            f"SELECT id FROM customer WHERE phone_e164 IN ({','.join('?' * len(cands))})", cands)]
    elif kind == "identity number":
        ids = [r[0] for r in raw.execute("SELECT id FROM customer WHERE nid_hash = ?",
                                         (nid_hash(ctx.keys, parse_national_id(q, date.today(),
                                                                               test_numbers=ctx.demo)),))]
    else:
        ids = [r[0] for r in raw.execute("SELECT customer_id FROM customer_order WHERE order_number = ?", (q,))]
    if ids:
        marks = ",".join("?" * len(ids))
        raw.execute(f"SELECT id, first_name, last_name, email, phone_e164 FROM customer WHERE id IN ({marks})",
                    ids).fetchall()
    return ids


if __name__ == "__main__":
    main()
