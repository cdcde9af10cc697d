"""The connection to PostgreSQL drops in the middle of an action: a clear message, nothing half-kept.

The server's end is cut with pg_terminate_backend from an admin connection, as a restart, a
failover or a network cut would. What must hold:

* the person reads that the connection was lost and whether anything was saved, never a trace;
* nothing of the cut action is kept: the server rolls the open transaction back;
* the next action works on a fresh connection without restarting the desk;
* a look-up (search, open profile) is run once more by itself; a change is not, the person decides.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from typing import Any

import psycopg
import pytest
from sqlalchemy import event, func, select, text
from sqlalchemy.orm import Session

from desktop.domain.roles import Actor
from desktop.models import AccessLogEntry, DsrRequest, ErasureApproval, RequestEvent
from desktop.services.context import DeskContext
from desktop.services.erasure import ErasureService
from desktop.services.profile import ProfileService
from desktop.services.registry import add_customer
from desktop.services.requests import RequestService
from desktop.services.search import SearchService
from desktop.storage.database import ConnectionLost
from tests.helpers.desks import add_staff, login
from tests.helpers.pg import ADMIN_URL

NOW = datetime(2026, 2, 10, 12, 0)


def terminate(pid: int) -> None:
    with psycopg.connect(ADMIN_URL, autocommit=True) as admin:
        assert admin.execute("SELECT pg_terminate_backend(%s)", (pid,)).fetchone() == (True,)


def own_pid(session: Session) -> int:
    return int(session.execute(text("SELECT pg_backend_pid()")).scalar_one())


class CutBeforeLogging:
    """Cuts the connection of the next `times` units of work just before their access-log entry,
    that is after the action's own reads and writes: the worst moment for a half-written change."""

    def __init__(self, ctx: Any, times: int = 1) -> None:
        self.real = ctx.audit.append
        self.left = times

    def __call__(self, session: Session, *args: Any, **kwargs: Any) -> Any:
        if self.left:
            self.left -= 1
            terminate(own_pid(session))
        return self.real(session, *args, **kwargs)


@pytest.fixture
def world(pg_desk: DeskContext) -> tuple[DeskContext, Actor, int]:
    with pg_desk.db.transaction() as s:
        cid = add_customer(s, pg_desk.keys, pg_desk.policy, customer_number="K9000001", first_name="Kari",
                           last_name="Ødegård", created_at=datetime(2020, 1, 1), email="kari@example.com",
                           street="Storgata 1", postcode="0150", city="Oslo").id
    return pg_desk, login(pg_desk, "agent"), cid


def log_count(ctx: Any, action: str | None = None) -> int:
    stmt = select(func.count()).select_from(AccessLogEntry)
    if action is not None:
        stmt = stmt.where(AccessLogEntry.action == action)
    with ctx.db.transaction() as s:
        return int(s.execute(stmt).scalar_one())


def request_snapshot(ctx: Any, rid: int) -> tuple[Any, ...]:
    with ctx.db.transaction() as s:
        req = s.get(DsrRequest, rid)
        assert req is not None
        events = s.execute(select(func.count()).select_from(RequestEvent)
                           .where(RequestEvent.request_id == rid)).scalar_one()
        return req.state, req.version, req.completed_at, events


def test_connections_cut_while_idle_are_replaced_unnoticed(world: tuple[DeskContext, Actor, int]) -> None:
    ctx, agent, cid = world
    search = SearchService(ctx)
    assert [h.customer_id for h in search.search(agent, "odegard").hits] == [cid]
    with psycopg.connect(ADMIN_URL, autocommit=True) as admin:
        cut = admin.execute(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = %s AND pid <> "
            "pg_backend_pid()", (ctx.db.url.database,)).fetchone()
    assert cut is not None and cut[0] >= 1
    assert [h.customer_id for h in search.search(agent, "odegard").hits] == [cid]
    assert log_count(ctx, "search") == 2


def test_a_change_cut_off_midway_keeps_nothing_and_is_not_retried(world: tuple[DeskContext, Actor, int],
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    ctx, agent, cid = world
    svc = RequestService(ctx, clock=lambda: NOW)
    rid = svc.file(agent, "access", cid, channel="email").id
    before, logged = request_snapshot(ctx, rid), log_count(ctx)
    monkeypatch.setattr(ctx.audit, "append", CutBeforeLogging(ctx))

    with pytest.raises(ConnectionLost) as caught:
        svc.withdraw(agent, rid, note="the person changed their mind")
    assert not caught.value.while_saving
    assert "connection to the database was lost" in caught.value.message
    assert "nothing was saved" in caught.value.message and "Try again" in caught.value.message
    assert "ingenting ble lagret" in caught.value.text("nb") and "ingenting sparades" in caught.value.text("sv")
    # The state change and its history row were flushed before the cut: the server dropped both.
    assert request_snapshot(ctx, rid) == before and log_count(ctx) == logged

    assert svc.withdraw(agent, rid, note="the person changed their mind").state.value == "withdrawn"
    with ctx.db.transaction() as s:
        assert ctx.audit.verify(s).ok


def test_a_look_up_cut_off_runs_once_more_by_itself(world: tuple[DeskContext, Actor, int],
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    ctx, agent, cid = world
    real = ctx.audit.append
    monkeypatch.setattr(ctx.audit, "append", CutBeforeLogging(ctx))
    assert [h.customer_id for h in SearchService(ctx).search(agent, "odegard").hits] == [cid]
    monkeypatch.setattr(ctx.audit, "append", real)
    monkeypatch.setattr(ctx.audit, "append", CutBeforeLogging(ctx))
    assert ProfileService(ctx).open_profile(agent, cid, None).customer_id == cid
    # One entry each: the attempt that was cut left none.
    assert (log_count(ctx, "search"), log_count(ctx, "open")) == (1, 1)
    with ctx.db.transaction() as s:
        assert ctx.audit.verify(s).ok


def test_a_look_up_is_tried_twice_at_most(world: tuple[DeskContext, Actor, int],
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    ctx, agent, _ = world
    cutter = CutBeforeLogging(ctx, times=3)
    monkeypatch.setattr(ctx.audit, "append", cutter)
    logged = log_count(ctx)
    with pytest.raises(ConnectionLost, match="nothing was saved"):
        SearchService(ctx).search(agent, "odegard")
    assert cutter.left == 1 and log_count(ctx) == logged


@pytest.fixture
def cut_at_commit(pg_desk: DeskContext) -> Iterator[list[int]]:
    """Arm by appending 1: the next commit loses its connection as it starts."""
    armed: list[int] = []

    def before_commit(session: Session) -> None:
        if armed:
            armed.pop()
            terminate(own_pid(session))

    event.listen(Session, "before_commit", before_commit)
    try:
        yield armed
    finally:
        event.remove(Session, "before_commit", before_commit)


def test_a_cut_while_saving_says_to_look_before_trying_again(world: tuple[DeskContext, Actor, int],
                                                             cut_at_commit: list[int]) -> None:
    ctx, agent, cid = world
    svc = RequestService(ctx, clock=lambda: NOW)
    rid = svc.file(agent, "access", cid, channel="email").id
    before = request_snapshot(ctx, rid)
    cut_at_commit.append(1)
    with pytest.raises(ConnectionLost) as caught:
        svc.withdraw(agent, rid)
    assert caught.value.while_saving
    assert "while saving" in caught.value.message and "reload" in caught.value.message
    assert "under lagringen" in caught.value.text("nb") and "medan ändringen sparades" in caught.value.text("sv")
    # Here the commit never reached the server, and the reload shows it.
    assert request_snapshot(ctx, rid) == before
    assert svc.withdraw(agent, rid).state.value == "withdrawn"


def test_a_cut_erasure_decision_is_not_mistaken_for_a_rivals(world: tuple[DeskContext, Actor, int],
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """The decision's insert turns driver errors into "another supervisor decided": not a dead line."""
    ctx, agent, cid = world
    add_staff(ctx, ["supervisor"], display_names=False)
    requests, erasures = RequestService(ctx, clock=lambda: NOW), ErasureService(ctx, clock=lambda: NOW)
    rid = requests.file(agent, "erasure", cid, channel="email").id
    requests.verify_identity(agent, rid, note="one-time code")
    fingerprint = erasures.make_plan(agent, rid).fingerprint
    supervisor = login(ctx, "supervisor")
    real = ErasureService._insert_decision
    cuts = [1]

    def cut_then_insert(self: ErasureService, s: Session, approval: ErasureApproval) -> None:
        if cuts:
            cuts.pop()
            terminate(own_pid(s))
        real(self, s, approval)

    monkeypatch.setattr(ErasureService, "_insert_decision", cut_then_insert)
    with pytest.raises(ConnectionLost, match="nothing was saved"):
        erasures.approve(supervisor, rid, "demo", fingerprint)
    with ctx.db.transaction() as s:
        assert s.execute(select(func.count()).select_from(ErasureApproval)).scalar_one() == 0
        assert s.get(DsrRequest, rid).state == "awaiting_approval"  # type: ignore[union-attr]
    assert erasures.approve(supervisor, rid, "demo", fingerprint).decision == "approved"
