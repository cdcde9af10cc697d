"""Eight workstations write the access log at the same time: one chain, no entry lost or doubled.

Appends serialise on the log's head row (SELECT ... FOR UPDATE). Eight OS processes, each with
its own desk, start together and write through the real paths (search, open profile) and direct
appends. Afterwards the entries number exactly what was written, their sequence numbers have no
gap, each workstation's own entries are in its own order, and `gdpr-desk audit verify` passes.
"""

from __future__ import annotations

from datetime import datetime
from itertools import pairwise
from typing import Any

import pytest
from sqlalchemy import func, select

from desktop.cli import main as cli_main
from desktop.models import AccessLogEntry
from desktop.services.context import DeskContext
from desktop.services.profile import ProfileService
from desktop.services.registry import add_customer
from desktop.services.search import SearchService
from tests.helpers.desks import login
from tests.helpers.team import Seat, open_seat, run_processes, seat, spawn_barrier

WORKERS = 8
ROUNDS = 10  # each round: a search, an open profile, a direct append
SURNAMES = ("Ødegård", "Sæther", "Åsen", "Hansen")


def write_log(place: Seat, customer_ids: list[int], barrier: Any) -> int:
    ctx = open_seat(place)
    try:
        actor = login(ctx, "agent")
        search, profile = SearchService(ctx), ProfileService(ctx)
        barrier.wait()
        for i in range(ROUNDS):
            hits = search.search(actor, SURNAMES[i % len(SURNAMES)]).hits
            assert hits, "the search found no one"
            profile.open_profile(actor, customer_ids[i % len(customer_ids)], None)
            with ctx.db.transaction() as s:
                ctx.audit.append(s, actor, action="note", data="test", detail=f"{place.workstation}:{i}")
        return ROUNDS
    finally:
        ctx.close()


def test_eight_workstations_append_at_once_and_the_chain_holds(pg_url: str, pg_desk: DeskContext,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    with pg_desk.db.transaction() as s:
        ids = [add_customer(s, pg_desk.keys, pg_desk.policy, customer_number=f"K{7000000 + i}", first_name="Test",
                            last_name=SURNAMES[i % len(SURNAMES)], created_at=datetime(2021, 5, 1),
                            email=f"logger{i}@example.com").id for i in range(8)]
    with pg_desk.db.transaction() as s:
        before = int(s.execute(select(func.count()).select_from(AccessLogEntry)).scalar_one())

    barrier = spawn_barrier(WORKERS)
    done = run_processes(write_log, [(seat(pg_desk, pg_url, f"ws-{n}"), ids, barrier) for n in range(WORKERS)],
                         timeout=180)
    assert done == [ROUNDS] * WORKERS

    per_worker = 1 + 3 * ROUNDS  # the sign-in, then three entries a round
    with pg_desk.db.transaction() as s:
        count, low, high = s.execute(select(func.count(), func.min(AccessLogEntry.seq),
                                            func.max(AccessLogEntry.seq))).one()
        assert count == before + WORKERS * per_worker
        assert (low, high) == (1, count), "the sequence has a gap"
        for n in range(WORKERS):
            rows = s.execute(select(AccessLogEntry.action, AccessLogEntry.detail).where(
                AccessLogEntry.workstation == f"ws-{n}").order_by(AccessLogEntry.seq)).all()
            assert [a for a, _ in rows] == ["login"] + ["search", "open", "note"] * ROUNDS
            assert [d for a, d in rows if a == "note"] == [f"ws-{n}:{i}" for i in range(ROUNDS)]
        # The workstations really interleaved: one chain, not eight runs one after another.
        order = s.execute(select(AccessLogEntry.workstation).where(AccessLogEntry.seq > before)
                          .order_by(AccessLogEntry.seq)).scalars().all()
        assert sum(a != b for a, b in pairwise(order)) > WORKERS
        assert pg_desk.audit.verify(s).ok

    assert cli_main(["--db", pg_url, "audit", "verify"]) == 0
    assert f"access log intact: {count} entries verified" in capsys.readouterr().out
