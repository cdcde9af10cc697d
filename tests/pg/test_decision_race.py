"""Four workstations decide the same requests at the same instant: one decision each, nothing lost.

Four OS processes, each with its own desk on the one PostgreSQL database and signed in as a
different person, meet at a barrier before every request and then act on it at once: the agent
records the person's withdrawal, two supervisors approve and reject, and an admin refuses. The
request row lock (SELECT ... FOR UPDATE in the service) must let exactly one of them through; the
others must get a readable refusal, not a driver error; and the access log must hold exactly the
winners' entries on an unbroken chain.

test_approval_race.py races four approvals of one erasure with threads; this file races the
different decisions against each other, across processes, on many requests.
"""

from __future__ import annotations

import time
from collections import Counter, defaultdict
from datetime import datetime
from functools import partial
from typing import Any

import pytest
from sqlalchemy import func, select

from desktop.domain.requests import CLOSED_STATES, RequestState
from desktop.models import AccessLogEntry, DsrRequest, ErasureApproval, RequestEvent, StaffAccount
from desktop.services.accounts import AccountService
from desktop.services.context import DeskContext
from desktop.services.erasure import ErasureService
from desktop.services.registry import add_customer
from desktop.services.requests import RequestService
from tests.helpers.desks import add_staff, login
from tests.helpers.team import Seat, open_seat, outcome, run_processes, seat, spawn_barrier

NOW = datetime(2026, 2, 10, 12, 0)
STAFF = {"agent": "agent", "supervisor": "supervisor", "supervisor2": "supervisor", "admin": "admin"}
#: (who, what): the four workstations of the objection race.
OBJECTION_RACE = (("agent", "withdraw"), ("supervisor", "approve"), ("supervisor2", "reject"), ("admin", "refuse"))
#: The erasure race: two approvals, a rejection and the person's withdrawal.
ERASURE_RACE = (("agent", "withdraw"), ("supervisor", "approve"), ("supervisor2", "reject"), ("admin", "approve"))
DECISION_EVENTS = {"approve", "reject", "refuse", "withdraw"}
_CLOSED = {s.value for s in CLOSED_STATES}
#: On every other request one workstation gets this head start, in turn, so that each kind of
#: decision also wins while the others queue on its row lock; the rest start at the same instant.
HEAD_START_S = 0.02


@pytest.fixture
def staff(pg_desk: DeskContext) -> DeskContext:
    add_staff(pg_desk, [name for name in STAFF if name != "agent"], display_names=False)
    return pg_desk


def _customers(ctx: DeskContext, n: int) -> list[int]:
    with ctx.db.transaction() as s:
        return [add_customer(s, ctx.keys, ctx.policy, customer_number=f"K{5000000 + i}", first_name="Test",
                             last_name=f"Racer{i}", created_at=datetime(2020, 1, 1), email=f"racer{i}@example.com",
                             street="Storgata 1", postcode="0150", city="Oslo").id
                for i in range(n)]


def _log_total(ctx: DeskContext) -> int:
    with ctx.db.transaction() as s:
        return int(s.execute(select(func.count()).select_from(AccessLogEntry)).scalar_one())


def _race(pg_url: str, ctx: DeskContext, roles: tuple[tuple[str, str], ...], target: Any, items: list[Any]) \
        -> dict[int, list[tuple[str, str, Any]]]:
    """Run the four workstations; returns per request id [(who, "ok"|"refused"|"crash", value)]."""
    barrier = spawn_barrier(len(roles))
    favoured = [None if i % 2 == 0 else (i // 2) % len(roles) for i in range(len(items))]
    turns = list(zip(items, favoured, strict=True))
    results = run_processes(target, [(seat(ctx, pg_url, f"ws-{who}"), who, action, index, turns, barrier)
                                     for index, (who, action) in enumerate(roles)], timeout=180)
    by_request: dict[int, list[tuple[str, str, Any]]] = defaultdict(list)
    for (who, _), rows in zip(roles, results, strict=True):
        for rid, status, value in rows:
            by_request[rid].append((who, status, value))
    crashes = [v for outs in by_request.values() for _, st, v in outs if st == "crash"]
    assert not crashes, crashes[0]
    return by_request


# --- the workstations (run in their own processes) -------------------------------------------------


def _at_the_barrier(barrier: Any, index: int, favoured: int | None) -> None:
    barrier.wait()
    if favoured is not None and favoured != index:
        time.sleep(HEAD_START_S)


def decide_objections(place: Seat, who: str, action: str, index: int, turns: list[tuple[int, int | None]],
                      barrier: Any) -> list[tuple[int, str, Any]]:
    ctx = open_seat(place)
    try:
        actor = AccountService(ctx).login(who, "demo")
        svc = RequestService(ctx, clock=lambda: NOW)
        calls = {
            "withdraw": lambda rid: svc.withdraw(actor, rid, note="the person changed their mind").state.value,
            "approve": lambda rid: svc.transition(actor, rid, "approve", reason="no overriding grounds").state.value,
            "reject": lambda rid: svc.transition(actor, rid, "reject", reason="fraud prevention outweighs").state.value,
            "refuse": lambda rid: svc.refuse(actor, rid, "manifestly unfounded").state.value,
        }
        out = []
        for rid, favoured in turns:
            _at_the_barrier(barrier, index, favoured)
            out.append((rid, *outcome(partial(calls[action], rid))))
        return out
    finally:
        ctx.close()


def decide_erasures(place: Seat, who: str, action: str, index: int,
                    turns: list[tuple[tuple[int, str], int | None]], barrier: Any) -> list[tuple[int, str, Any]]:
    ctx = open_seat(place)
    try:
        actor = AccountService(ctx).login(who, "demo")
        erasures = ErasureService(ctx, clock=lambda: NOW)
        requests = RequestService(ctx, clock=lambda: NOW)
        calls = {
            "withdraw": lambda rid, fp: requests.withdraw(actor, rid, note="the person changed their mind").state.value,
            "approve": lambda rid, fp: erasures.approve(actor, rid, "demo", fp).decision,
            "reject": lambda rid, fp: erasures.reject(actor, rid, "demo", "the plan keeps too little").decision,
        }
        out = []
        for (rid, fingerprint), favoured in turns:
            _at_the_barrier(barrier, index, favoured)
            out.append((rid, *outcome(partial(calls[action], rid, fingerprint))))
        return out
    finally:
        ctx.close()


# --- the tests ---------------------------------------------------------------------------------------


def test_approve_reject_refuse_and_withdraw_at_once_leave_one_decision(pg_url: str, staff: DeskContext) -> None:
    ctx = staff
    agent = login(ctx, "agent")
    svc = RequestService(ctx, clock=lambda: NOW)
    rids = []
    for cid in _customers(ctx, 20):
        rid = svc.file(agent, "objection_legitimate_interest", cid, channel="email").id
        svc.verify_identity(agent, rid, note="one-time code")
        svc.transition(agent, rid, "start")
        svc.transition(agent, rid, "submit_for_approval")
        rids.append(rid)
    log_before = _log_total(ctx)

    by_request = _race(pg_url, ctx, OBJECTION_RACE, decide_objections, rids)

    action_of = dict(OBJECTION_RACE)
    expected_state = {"withdraw": "withdrawn", "approve": "done", "reject": "done", "refuse": "refused"}
    expected_decision = {"withdraw": None, "approve": "upheld", "reject": "not_upheld", "refuse": None}
    with ctx.db.transaction() as s:
        for rid in rids:
            outs = by_request[rid]
            wins = [who for who, status, _ in outs if status == "ok"]
            assert len(wins) == 1, (rid, outs)
            winner = action_of[wins[0]]
            for who, status, value in outs:
                if status == "refused":
                    cls, code, en, nb = value
                    assert (cls, code) == ("TransitionRefused", "terminal"), (who, value)
                    assert "closed" in en and "avsluttet" in nb, value
            req = s.get(DsrRequest, rid)
            assert req is not None
            assert (req.state, req.decision) == (expected_state[winner], expected_decision[winner]), (rid, winner)
            events = s.execute(select(RequestEvent).where(RequestEvent.request_id == rid)).scalars().all()
            assert sum(e.action in DECISION_EVENTS for e in events) == 1, [e.action for e in events]
            assert sum(e.to_state in _CLOSED and e.from_state not in _CLOSED for e in events) == 1
            logged = s.execute(select(AccessLogEntry.action).where(
                AccessLogEntry.request_id == rid, AccessLogEntry.seq > log_before)).scalars().all()
            assert len(logged) == 1 and logged[0] in (
                "request_decide_objection", "request_withdraw", "request_refuse"), logged
        # Exactly the four sign-ins and one entry per request: the losers left nothing behind.
        assert _log_total(ctx) == log_before + len(OBJECTION_RACE) + len(rids)
        verdict = ctx.audit.verify(s)
    assert verdict.ok, verdict.describe()


def test_erasure_decisions_and_withdrawal_at_once_keep_one_decision_in_force(pg_url: str, staff: DeskContext) -> None:
    ctx = staff
    agent = login(ctx, "agent")
    requests = RequestService(ctx, clock=lambda: NOW)
    erasures = ErasureService(ctx, clock=lambda: NOW)
    plans = []
    for cid in _customers(ctx, 8):
        rid = requests.file(agent, "erasure", cid, channel="email").id
        requests.verify_identity(agent, rid, note="one-time code")
        plans.append((rid, erasures.make_plan(agent, rid).fingerprint))
    log_before = _log_total(ctx)

    by_request = _race(pg_url, ctx, ERASURE_RACE, decide_erasures, plans)

    action_of = dict(ERASURE_RACE)
    with ctx.db.transaction() as s:
        account_of = {name: id_ for name, id_ in s.execute(select(StaffAccount.username, StaffAccount.id))}
        for rid, _ in plans:
            outs = by_request[rid]
            decided = [(who, value) for who, status, value in outs if status == "ok" and action_of[who] != "withdraw"]
            # The person may withdraw until the erasure is carried out, so the withdrawal always lands;
            # of the three deciders at most one gets through (none if the withdrawal came first).
            assert [status for who, status, _ in outs if who == "agent"] == ["ok"], outs
            assert len(decided) <= 1, (rid, outs)
            refusals = {value[1] for who, status, value in outs if status == "refused"}
            assert refusals <= {"already_decided", "rejected", "closed"}, outs
            assert all(value[0] == "ErasureRefused" for _, status, value in outs if status == "refused"), outs
            if not decided:
                assert refusals == {"closed"}, outs
            rows = s.execute(select(ErasureApproval).where(ErasureApproval.request_id == rid)).scalars().all()
            assert len(rows) == len(decided), (rid, outs)
            req = s.get(DsrRequest, rid)
            assert req is not None and req.state == RequestState.WITHDRAWN.value
            if decided:
                who, decision = decided[0]
                assert rows[0].decision == decision == req.decision
                assert rows[0].approver_id == account_of[who]
            else:
                assert req.decision is None
            actions = Counter(e.action for e in req.events)
            assert actions["approve"] + actions["reject"] == len(decided) and actions["withdraw"] == 1, actions
        assert _log_total(ctx) == log_before + len(ERASURE_RACE) + len(plans) + sum(
            1 for outs in by_request.values() for who, status, _ in outs if status == "ok" and who != "agent")
        verdict = ctx.audit.verify(s)
    assert verdict.ok, verdict.describe()
