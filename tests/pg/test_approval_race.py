"""Four supervisors approve the same erasure at the same moment on the real PostgreSQL: one wins.

Each thread has its own connection from the pool. The service locks the request row
(SELECT ... FOR UPDATE); behind it the partial unique index allows one decision in force, and the
four-eyes trigger refuses the filer and disabled accounts whoever writes the row.
"""

from __future__ import annotations

import threading
from datetime import datetime

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import DBAPIError, IntegrityError

from desktop.domain.roles import Actor
from desktop.errors import DeskError
from desktop.models import ErasureApproval, ErasurePlanRecord, ErasureRun, StaffAccount
from desktop.services.accounts import AccountService
from desktop.services.context import DeskContext
from desktop.services.erasure import ErasureRefused, ErasureService
from desktop.services.registry import add_customer
from desktop.services.requests import RequestService
from tests.helpers.desks import add_staff, login

NOW = datetime(2026, 2, 10, 12, 0)
DECIDERS = ("supervisor", "supervisor2", "supervisor3", "admin")


@pytest.fixture
def planned(pg_desk: DeskContext) -> tuple[int, str]:
    add_staff(pg_desk, DECIDERS, display_names=False)
    with pg_desk.db.transaction() as s:
        cid = add_customer(s, pg_desk.keys, pg_desk.policy, customer_number="K1", first_name="Kari",
                           last_name="Ødegård", created_at=datetime(2020, 1, 1), email="kari@example.com",
                           street="Storgata 1", postcode="0150", city="Oslo").id
    agent = login(pg_desk, "agent")
    requests = RequestService(pg_desk, clock=lambda: NOW)
    rid = requests.file(agent, "erasure", cid, channel="email").id
    requests.verify_identity(agent, rid, note="code")
    plan = ErasureService(pg_desk, clock=lambda: NOW).make_plan(agent, rid)
    return rid, plan.fingerprint


def approval_count(ctx: DeskContext, rid: int) -> int:
    with ctx.db.transaction() as s:
        return int(s.execute(select(func.count()).select_from(ErasureApproval)
                             .where(ErasureApproval.request_id == rid)).scalar_one())


def test_four_supervisors_at_once_give_exactly_one_approval(pg_desk: DeskContext, planned: tuple[int, str]) -> None:
    rid, fingerprint = planned
    actors = [login(pg_desk, name) for name in DECIDERS]
    barrier = threading.Barrier(len(actors))
    outcomes: dict[str, object] = {}

    def approve(actor: Actor) -> None:
        svc = ErasureService(pg_desk, clock=lambda: NOW)
        barrier.wait()
        try:
            outcomes[actor.username] = svc.approve(actor, rid, "demo", fingerprint)
        except DeskError as exc:
            outcomes[actor.username] = exc

    threads = [threading.Thread(target=approve, args=(a,)) for a in actors]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    wins = [k for k, v in outcomes.items() if not isinstance(v, Exception)]
    losses = [v for v in outcomes.values() if isinstance(v, Exception)]
    assert len(outcomes) == 4 and len(wins) == 1, outcomes
    assert all(isinstance(e, ErasureRefused) and e.code == "already_decided" for e in losses), losses
    assert all("already approved" in e.message or "same moment" in e.message for e in losses)  # type: ignore[attr-defined]
    assert approval_count(pg_desk, rid) == 1


def test_the_database_alone_allows_one_decision_in_force(pg_desk: DeskContext, planned: tuple[int, str]) -> None:
    """Four raw inserts at once, bypassing the service and its row lock: the unique index decides."""
    rid, fingerprint = planned
    with pg_desk.db.transaction() as s:
        plan_id = s.execute(select(ErasurePlanRecord.id)).scalar_one()
        ids = {n: s.execute(select(StaffAccount.id).where(StaffAccount.username == n)).scalar_one() for n in DECIDERS}
    barrier = threading.Barrier(4)
    errors: list[BaseException] = []

    def insert(approver: int) -> None:
        try:
            with pg_desk.db.transaction() as s:
                s.add(ErasureApproval(request_id=rid, plan_id=plan_id, plan_fingerprint=fingerprint,
                                      approver_id=approver, decision="approved", decided_at=NOW))
                barrier.wait()
                s.flush()
        except (IntegrityError, DBAPIError) as exc:
            errors.append(exc)

    threads = [threading.Thread(target=insert, args=(i,)) for i in ids.values()]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert len(errors) == 3 and approval_count(pg_desk, rid) == 1
    assert all("uq_erasure_approval_request" in str(e) for e in errors)


def test_the_trigger_refuses_the_filer_and_disabled_accounts(pg_desk: DeskContext, planned: tuple[int, str]) -> None:
    rid, fingerprint = planned
    AccountService(pg_desk).set_disabled("supervisor3")
    with pg_desk.db.transaction() as s:
        plan_id = s.execute(select(ErasurePlanRecord.id)).scalar_one()
        who = {n: s.execute(select(StaffAccount.id).where(StaffAccount.username == n)).scalar_one()
               for n in ("agent", "supervisor3")}
    for name in ("agent", "supervisor3"):
        with pytest.raises((IntegrityError, DBAPIError), match="erasure decision refused"), \
                pg_desk.db.transaction() as s:
            s.add(ErasureApproval(request_id=rid, plan_id=plan_id, plan_fingerprint=fingerprint,
                                  approver_id=who[name], decision="approved", decided_at=NOW))
            s.flush()
    assert approval_count(pg_desk, rid) == 0


def test_execute_on_postgresql_needs_no_file_scan(pg_desk: DeskContext, planned: tuple[int, str]) -> None:
    rid, fingerprint = planned
    svc = ErasureService(pg_desk, clock=lambda: NOW)
    svc.approve(login(pg_desk, "supervisor"), rid, "demo", fingerprint)
    result = svc.execute(login(pg_desk, "agent"), rid)
    assert result.status == "erased" and result.residue is not None and not result.residue.applicable
    with pg_desk.db.transaction() as s:
        assert s.execute(select(ErasureRun.state)).scalar_one() == "done"
        assert pg_desk.audit.verify(s).ok
