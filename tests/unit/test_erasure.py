"""Erasure with four eyes: who may decide what in which state, changed plans, grace, execution, CLI."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import func, select, update
from sqlalchemy.exc import DBAPIError, IntegrityError

from desktop.audit.log import utcnow
from desktop.domain.requests import Action, RequestState, TransitionRefused
from desktop.domain.roles import Actor
from desktop.errors import AuthenticationFailed, PermissionDenied
from desktop.models import (
    AccessLogEntry,
    Address,
    CaseMessage,
    CompetitionEntry,
    ContactMessage,
    CreditCheck,
    Customer,
    Delivery,
    DsrRequest,
    ErasureApproval,
    ErasurePlanRecord,
    ErasureRun,
    Favourite,
    MarketingSuppression,
    Membership,
    Order,
    OrderLine,
    Payment,
    RecipientNotification,
    RequestLetter,
    SearchToken,
    ServiceCase,
    StaffAccount,
)
from desktop.services.accounts import AccountService
from desktop.services.context import DeskContext
from desktop.services.erasure import ErasureForbidden, ErasureRefused, ErasureService
from desktop.services.registry import purposes_for
from desktop.services.requests import RequestService
from tests.helpers.cli import run_cli
from tests.helpers.desks import login
from tests.helpers.records import add_history

NOW = datetime(2026, 2, 10, 12, 0)


def services(desk: DeskContext, now: datetime = NOW,
             grace: timedelta = timedelta(0)) -> tuple[RequestService, ErasureService]:
    return RequestService(desk, clock=lambda: now), ErasureService(desk, clock=lambda: now, grace=grace)


def filed(desk: DeskContext, who: Actor, cid: int, *, plan: bool = True, now: datetime = NOW) -> int:
    requests, erasure = services(desk, now)
    view = requests.file(who, "erasure", cid, channel="email")
    requests.verify_identity(who, view.id, note="one-time code to the registered e-mail")
    if plan:
        erasure.make_plan(who, view.id)
    return int(view.id)


def fingerprint_of(desk: DeskContext, rid: int) -> str:
    with desk.db.transaction() as s:
        return str(s.execute(select(ErasurePlanRecord.fingerprint).where(ErasurePlanRecord.request_id == rid)
                             .order_by(ErasurePlanRecord.id.desc()).limit(1)).scalar_one())


def state_of(desk: DeskContext, rid: int) -> str:
    with desk.db.transaction() as s:
        return str(s.execute(select(DsrRequest.state).where(DsrRequest.id == rid)).scalar_one())


def approvals(desk: DeskContext, rid: int) -> int:
    with desk.db.transaction() as s:
        return int(s.execute(select(func.count()).select_from(ErasureApproval)
                             .where(ErasureApproval.request_id == rid)).scalar_one())


# --- the truth table: role x state x action ------------------------------------------------------

STATES = ("identity_verified", "awaiting_approval", "rejected", "approved", "executed", "refused", "withdrawn")
#: (state, action) -> the code a supervisor who did not file gets, or None for success.
SUPERVISOR: dict[tuple[str, str], str | None] = {
    ("identity_verified", "approve"): "not_awaiting", ("identity_verified", "reject"): "not_awaiting",
    ("awaiting_approval", "approve"): None, ("awaiting_approval", "reject"): None,
    ("rejected", "approve"): "rejected", ("rejected", "reject"): "rejected",
    ("approved", "approve"): "already_decided", ("approved", "reject"): "already_decided",
    ("executed", "approve"): "executed", ("executed", "reject"): "executed",
    ("refused", "approve"): "closed", ("refused", "reject"): "closed",
    ("withdrawn", "approve"): "closed", ("withdrawn", "reject"): "closed",
}


def bring_to(desk: DeskContext, state: str, cid: int) -> int:
    agent, boss = login(desk, "agent"), login(desk, "supervisor2")
    requests, erasure = services(desk)
    rid = filed(desk, agent, cid, plan=state != "identity_verified")
    if state == "rejected":
        erasure.reject(boss, rid, "demo", "Kunden har en åpen reklamasjon.")
    elif state in ("approved", "executed"):
        erasure.approve(boss, rid, "demo", fingerprint_of(desk, rid))
        if state == "executed":
            erasure.execute(agent, rid)
    elif state == "refused":
        requests.refuse(boss, rid, "Bokføringsloven holder alt.")
    elif state == "withdrawn":
        requests.withdraw(agent, rid, note="the person changed their mind")
    return rid


@pytest.mark.parametrize("action", ["approve", "reject"])
@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize("role", ["agent", "supervisor", "filer"])
def test_truth_table(desk: DeskContext, people: dict[str, int], role: str, state: str, action: str) -> None:
    cid = people["Nordmann"]
    rid = bring_to(desk, state, cid)
    if role == "filer":
        # The filer is a supervisor here, so only the four-eyes rule can stop them.
        with desk.db.transaction() as s:
            s.execute(update(DsrRequest).where(DsrRequest.id == rid).values(
                filed_by_id=s.execute(select(StaffAccount.id).where(StaffAccount.username == "supervisor"))
                .scalar_one()))
    actor = login(desk, "agent" if role == "agent" else "supervisor")
    _, erasure = services(desk)
    before_state, before_count = state_of(desk, rid), approvals(desk, rid)
    # Who decides is checked before what can be decided: an agent or the filer never gets further.
    expected = {"agent": "approver", "filer": "self_approval"}.get(role, SUPERVISOR[(state, action)])

    def act() -> object:
        if action == "approve":
            with desk.db.transaction() as s:
                fp = s.execute(select(ErasurePlanRecord.fingerprint).where(ErasurePlanRecord.request_id == rid)
                               .order_by(ErasurePlanRecord.id.desc()).limit(1)).scalar_one_or_none()
            return erasure.approve(actor, rid, "demo", fp or "0" * 64)
        return erasure.reject(actor, rid, "demo", "Planen mangler noe.")

    if expected is None:
        act()
        assert approvals(desk, rid) == before_count + 1
        assert state_of(desk, rid) == RequestState.IN_PROGRESS.value
        return
    with pytest.raises(ErasureRefused) as exc:
        act()
    assert exc.value.code == expected, exc.value.message
    if expected in ("approver", "self_approval"):
        assert isinstance(exc.value, PermissionDenied)
    assert state_of(desk, rid) == before_state and approvals(desk, rid) == before_count


# --- four eyes, also in the database --------------------------------------------------------------


def test_the_database_refuses_an_approval_by_the_filer(desk: DeskContext, people: dict[str, int]) -> None:
    boss = login(desk, "supervisor")
    rid = filed(desk, boss, people["Nordmann"])
    with pytest.raises(ErasureForbidden) as exc:
        services(desk)[1].approve(boss, rid, "demo", fingerprint_of(desk, rid))
    assert exc.value.code == "self_approval"
    with pytest.raises((IntegrityError, DBAPIError), match="approver must be an active supervisor"), \
            desk.db.transaction() as s:
        plan_id = s.execute(select(ErasurePlanRecord.id)).scalar_one()
        s.add(ErasureApproval(request_id=rid, plan_id=plan_id, plan_fingerprint="x", approver_id=boss.account_id,
                              decision="approved", decided_at=NOW))
        s.flush()
    assert approvals(desk, rid) == 0


def test_the_database_allows_one_decision_in_force_and_none_by_agents(desk: DeskContext,
                                                                      people: dict[str, int]) -> None:
    agent = login(desk, "agent")
    rid = filed(desk, agent, people["Nordmann"])
    ids = {}
    with desk.db.transaction() as s:
        for name in ("agent2", "supervisor", "supervisor2"):
            ids[name] = s.execute(select(StaffAccount.id).where(StaffAccount.username == name)).scalar_one()
        plan_id = s.execute(select(ErasurePlanRecord.id)).scalar_one()

    def insert(approver: int) -> None:
        with desk.db.transaction() as s:
            s.add(ErasureApproval(request_id=rid, plan_id=plan_id, plan_fingerprint="x", approver_id=approver,
                                  decision="approved", decided_at=NOW))

    with pytest.raises((IntegrityError, DBAPIError)):
        insert(ids["agent2"])
    insert(ids["supervisor"])
    with pytest.raises(IntegrityError):
        insert(ids["supervisor2"])
    with pytest.raises((IntegrityError, DBAPIError), match="cannot be changed"), desk.db.transaction() as s:
        s.execute(update(ErasureApproval).values(decision="rejected", reason="x"))
    assert approvals(desk, rid) == 1


def test_no_approval_of_a_changed_plan(desk: DeskContext, people: dict[str, int]) -> None:
    cid = people["Ødegård"]
    add_history(desk, cid)
    agent, boss = login(desk, "agent"), login(desk, "supervisor")
    rid = filed(desk, agent, cid)
    fp = fingerprint_of(desk, rid)
    with desk.db.transaction() as s:
        s.execute(update(Customer).where(Customer.id == cid).values(email="kari.ny@example.com"))
    _, erasure = services(desk)
    assert erasure.get_plan(boss, rid).stale
    with pytest.raises(ErasureRefused, match="make the plan again") as exc:
        erasure.approve(boss, rid, "demo", fp)
    assert exc.value.code == "plan_changed"
    assert approvals(desk, rid) == 0 and state_of(desk, rid) == "awaiting_approval"
    # A plan made again can be approved, but not with the old fingerprint.
    new = erasure.make_plan(agent, rid)
    assert new.fingerprint != fp and not erasure.get_plan(boss, rid).stale
    with pytest.raises(ErasureRefused) as exc:
        erasure.approve(boss, rid, "demo", fp)
    assert exc.value.code == "stale_plan"
    assert erasure.approve(boss, rid, "demo", new.fingerprint).decision == "approved"


def test_a_revoked_or_disabled_supervisor_cannot_approve(desk: DeskContext, people: dict[str, int]) -> None:
    agent, boss, boss2 = login(desk, "agent"), login(desk, "supervisor"), login(desk, "supervisor2")
    rid = filed(desk, agent, people["Nordmann"])
    fp = fingerprint_of(desk, rid)
    _, erasure = services(desk)
    with pytest.raises(AuthenticationFailed):
        erasure.approve(boss, rid, "wrong password", fp)
    with desk.db.transaction() as s:  # demoted while signed in: the session still says supervisor
        s.execute(update(StaffAccount).where(StaffAccount.username == "supervisor").values(role="agent"))
    with pytest.raises(ErasureForbidden) as exc:
        erasure.approve(boss, rid, "demo", fp)
    assert exc.value.code == "approver"
    AccountService(desk).set_disabled("supervisor2")
    with pytest.raises(AuthenticationFailed):
        erasure.approve(boss2, rid, "demo", fp)
    assert approvals(desk, rid) == 0 and state_of(desk, rid) == "awaiting_approval"


def test_a_legal_hold_on_everything_is_a_clear_refusal_and_nothing_changes(desk: DeskContext) -> None:
    from desktop.services.registry import add_customer

    agent = login(desk, "agent")
    with desk.db.transaction() as s:
        cid = add_customer(s, desk.keys, desk.policy, customer_number="K9", first_name="Hold", last_name="Alt",
                           created_at=datetime(2025, 1, 1), street="Lagergata 2", postcode="0150", city="Oslo").id
        s.execute(update(Address).where(Address.customer_id == cid).values(kind="billing"))
        at = datetime(2025, 11, 1)
        o = Order(customer_id=cid, order_number="TP-9", ordered_at=at, completed_at=at, status="completed",
                  total_minor=100, purposes=purposes_for(desk.policy, "order"), collected_at=at)
        s.add(o)
        s.flush()
        s.add(OrderLine(order_id=o.id, sku="X", product_name="Y", quantity=1, unit_price_minor=100,
                        purposes=purposes_for(desk.policy, "order_line"), collected_at=at))
    requests, erasure = services(desk)
    rid = filed(desk, agent, cid, plan=False)
    with desk.db.transaction() as s:
        logged = s.execute(select(func.count()).select_from(AccessLogEntry)).scalar_one()
    with pytest.raises(ErasureRefused, match="legal hold covers every record") as exc:
        erasure.make_plan(agent, rid)
    assert exc.value.code == "all_held" and exc.value.plan is not None
    assert exc.value.plan.erase_count == 0 and exc.value.plan.restrict_until == date(2030, 12, 31)
    assert "Ingenting om denne kunden kan slettes nå" in exc.value.message_nb
    assert state_of(desk, rid) == "identity_verified"
    with desk.db.transaction() as s:
        assert s.execute(select(func.count()).select_from(ErasurePlanRecord)).scalar_one() == 0
        assert s.execute(select(func.count()).select_from(AccessLogEntry)).scalar_one() == logged + 1
        assert not s.get_one(Customer, cid).restricted
    assert requests.refuse(login(desk, "supervisor"), rid, "Bokføringsloven § 13 holder alt til 31.12.2030.").state \
        is RequestState.REFUSED


# --- grace period -------------------------------------------------------------------------------


def test_grace_period_lets_the_approval_be_withdrawn_before_it_runs(desk: DeskContext, people: dict[str, int]) -> None:
    cid = people["Sæther"]
    agent, boss, boss2 = login(desk, "agent"), login(desk, "supervisor"), login(desk, "supervisor2")
    rid = filed(desk, agent, cid)
    _, erasure = services(desk, grace=timedelta(hours=2))
    approval = erasure.approve(boss, rid, "demo", fingerprint_of(desk, rid))
    assert approval.executes_after == NOW + timedelta(hours=2)
    assert erasure.status(agent, rid).can_withdraw_approval
    with pytest.raises(ErasureRefused) as exc:
        erasure.execute(agent, rid)
    assert exc.value.code == "grace"
    withdrawn = erasure.withdraw_approval(agent, rid)
    assert withdrawn.withdrawn_at == NOW and state_of(desk, rid) == "awaiting_approval"
    with pytest.raises(ErasureRefused) as exc:
        erasure.execute(agent, rid)
    assert exc.value.code == "needs_approval"
    # The slot is free again: another supervisor decides anew.
    erasure.approve(boss2, rid, "demo", fingerprint_of(desk, rid))
    later = ErasureService(desk, clock=lambda: NOW + timedelta(hours=3), grace=timedelta(hours=2))
    with pytest.raises(ErasureRefused) as exc:
        later.withdraw_approval(agent, rid)
    assert exc.value.code == "grace_over"
    result = later.execute(agent, rid)
    assert result.status == "erased" and state_of(desk, rid) == "done"
    assert approvals(desk, rid) == 2


def test_execute_due_runs_what_the_grace_period_released(desk: DeskContext, people: dict[str, int]) -> None:
    from desktop.domain.roles import system_actor

    agent, boss = login(desk, "agent"), login(desk, "supervisor")
    rid = filed(desk, agent, people["Åsen"])
    services(desk, grace=timedelta(hours=1))[1].approve(boss, rid, "demo", fingerprint_of(desk, rid))
    system = system_actor("test-ws", "retention")
    assert services(desk)[1].execute_due(system) == ([], [])
    done, failed = ErasureService(desk, clock=lambda: NOW + timedelta(hours=1)).execute_due(system)
    assert [r.request_id for r in done] == [rid] and failed == []


# --- execution ----------------------------------------------------------------------------------


def test_execute_erases_restricts_notifies_and_closes_in_one_go(desk: DeskContext, people: dict[str, int]) -> None:
    cid = people["Ødegård"]
    add_history(desk, cid)
    agent, boss = login(desk, "agent"), login(desk, "supervisor")
    requests, erasure = services(desk)
    rid = filed(desk, agent, cid)
    requests.extend(agent, rid, "Mange opplysninger å gå gjennom for Kari Ødegård.")
    plan = erasure.get_plan(agent, rid)
    assert plan.restrict_until == date(2030, 12, 31) and plan.erase_count > 0
    titles = [sec.title("en") for sec in plan.sections]
    assert titles[0] == "Order / purchase"
    text = plan.describe("en")
    assert "Restricted: Order x1: restricted and kept until 2030-12-31" in text
    erasure.approve(boss, rid, "demo", plan.fingerprint)
    result = erasure.execute(agent, rid)
    assert result.status == "erased" and result.run_state == "done"
    assert result.residue is not None and result.residue.clean and result.residue.markers > 0
    assert result.erased["order"] == 1 and result.restricted["order"] == 1
    assert result.erased["contact_message"] == 1 and result.erased["fraud_signal"] == 1
    assert result.blanked_parts == {"contact": 1, "national_id": 1}
    assert result.restrict_until == date(2030, 12, 31)
    with desk.db.transaction() as s:
        me = s.get(Customer, cid)
        assert me is not None and me.restricted and me.legal_hold_until == date(2030, 12, 31)
        assert me.email is None and me.phone is None and me.nid_encrypted is None
        assert me.first_name == "Kari" and me.erased_at is None  # the invoices name the buyer
        kept = s.execute(select(Order)).scalars().all()
        assert [(o.order_number, o.restricted) for o in kept] == [(f"TP-2-{cid}", True)]
        assert s.execute(select(func.count()).select_from(ContactMessage)).scalar_one() == 0
        assert s.execute(select(func.count()).select_from(Membership)).scalar_one() == 0
        # No law keeps a credit check, even of an order that is kept.
        assert s.execute(select(func.count()).select_from(CreditCheck)).scalar_one() == 0
        req = s.get(DsrRequest, rid)
        assert req is not None and req.state == "done" and req.completion_summary
        notices = s.execute(select(RecipientNotification).where(RecipientNotification.request_id == rid)).scalars()
        keys = {n.recipient_key for n in notices}
        assert {"qliro", "transport_freight", "it_services", "authorities"} <= keys
        letters = {lt.kind: lt.body for lt in s.execute(select(RequestLetter)).scalars()}
        assert "31.12.2030" in letters["completion"] and "Bokføringsloven" in letters["completion"]
        # The name is kept under the hold, but erased values are gone from the request's own texts.
        assert "kari.odegard@example.com" not in " ".join(letters.values())
        run = s.execute(select(ErasureRun)).scalar_one()
        assert run.state == "done" and run.purge_markers is None
        assert desk.audit.verify(s).ok
        log = " ".join(f"{e.detail} {e.reason}" for e in s.execute(select(AccessLogEntry)).scalars())
        assert "Ødegård" not in log and "kari.odegard" not in log
    with pytest.raises(ErasureRefused) as exc:
        erasure.execute(agent, rid)
    assert exc.value.code == "executed"


def test_a_person_with_nothing_held_is_gone_and_so_are_their_names_in_letters(desk: DeskContext,
                                                                              people: dict[str, int]) -> None:
    cid = people["Ødegård"]
    add_history(desk, cid, held=False)
    agent, boss = login(desk, "agent"), login(desk, "supervisor")
    requests, erasure = services(desk)
    access = requests.file(agent, "access", cid, channel="email").id
    requests.verify_identity(agent, access, note="code")
    requests.extend(agent, access, "Kari Ødegård har mye historikk.")
    rid = filed(desk, agent, cid)
    erasure.approve(boss, rid, "demo", fingerprint_of(desk, rid))
    result = erasure.execute(agent, rid)
    assert result.status == "erased" and result.restricted == {}
    with desk.db.transaction() as s:
        assert s.get(Customer, cid) is None
        assert s.execute(select(func.count()).select_from(SearchToken).where(SearchToken.customer_id == cid)) \
            .scalar_one() == 0
        for model in (Order, Delivery, Payment, ServiceCase, CaseMessage, CompetitionEntry, Favourite):
            assert s.execute(select(func.count()).select_from(model)).scalar_one() == 0, model
        texts = " ".join(f"{lt.subject} {lt.body}" for lt in s.execute(select(RequestLetter)).scalars())
        texts += " ".join(r.notes + (r.extension_reason or "") for r in s.execute(select(DsrRequest)).scalars())
        assert "Ødegård" not in texts and "[slettet]" in texts
        assert s.get_one(DsrRequest, access).customer_id is None
        assert desk.audit.verify(s).ok


def test_a_suppression_outlives_the_erasure(desk: DeskContext, people: dict[str, int]) -> None:
    cid = people["Åsen"]
    agent, boss = login(desk, "agent"), login(desk, "supervisor")
    requests, erasure = services(desk)
    requests.file(agent, "objection_direct_marketing", cid, channel="email")
    rid = filed(desk, agent, cid)
    plan = erasure.get_plan(agent, rid)
    keep = [ln for sec in plan.sections for ln in sec.keep]
    assert keep and all(ln.kind == "marketing_suppression" for ln in keep)
    erasure.approve(boss, rid, "demo", plan.fingerprint)
    assert erasure.execute(agent, rid).status == "erased"
    with desk.db.transaction() as s:
        rows = s.execute(select(MarketingSuppression)).scalars().all()
        assert rows and all(r.customer_id is None and r.contact_hash for r in rows)
    assert not requests.is_marketable(cid, "email")


def test_one_purpose_only(desk: DeskContext, people: dict[str, int]) -> None:
    cid = people["Ødegård"]
    add_history(desk, cid)
    agent, boss = login(desk, "agent"), login(desk, "supervisor")
    rid = filed(desk, agent, cid, plan=False)
    _, erasure = services(desk)
    plan = erasure.make_plan(agent, rid, purpose="competitions")
    assert plan.purpose == "competitions" and plan.erase_count == 1
    erasure.approve(boss, rid, "demo", plan.fingerprint)
    result = erasure.execute(agent, rid)
    assert result.erased == {"competition_entry": 1}
    with desk.db.transaction() as s:
        assert s.get(Customer, cid) is not None
        assert s.execute(select(func.count()).select_from(ContactMessage)).scalar_one() == 1


def test_held_data_is_erased_when_its_hold_ends(desk: DeskContext, people: dict[str, int]) -> None:
    cid = people["Ødegård"]
    add_history(desk, cid)
    agent, boss = login(desk, "agent"), login(desk, "supervisor")
    rid = filed(desk, agent, cid)
    _, erasure = services(desk)
    erasure.approve(boss, rid, "demo", fingerprint_of(desk, rid))
    erasure.execute(agent, rid)
    # Delivery notes are secondary documentation: their hold (3.5 years) ends first.
    assert erasure.release_expired_holds(date(2030, 12, 31)).erased == {"delivery": 1}
    later = ErasureService(desk, clock=lambda: datetime(2031, 1, 2, 3, 0))
    released = later.release_expired_holds(date(2031, 1, 1))
    assert released.erased["order"] == 1 and released.erased["customer"] == 1
    with desk.db.transaction() as s:
        assert s.get(Customer, cid) is None
        for model in (Order, Delivery, Payment, CreditCheck, Address):
            assert s.execute(select(func.count()).select_from(model).where(model.customer_id == cid)) \
                .scalar_one() == 0, model
        assert s.execute(select(func.count()).select_from(OrderLine)).scalar_one() == 0
        assert desk.audit.verify(s).ok
    assert sum(later.release_expired_holds(date(2031, 1, 1)).erased.values()) == 0


def test_the_request_service_submits_with_a_plan_and_completes_by_executing(desk: DeskContext,
                                                                            people: dict[str, int]) -> None:
    agent, boss = login(desk, "agent"), login(desk, "supervisor")
    requests, erasure = services(desk)
    rid = filed(desk, agent, people["Nordmann"], plan=False)
    requests.transition(agent, rid, Action.START)
    assert requests.transition(agent, rid, Action.SUBMIT_FOR_APPROVAL).state is RequestState.AWAITING_APPROVAL
    with pytest.raises(TransitionRefused) as exc:
        requests.transition(boss, rid, Action.APPROVE)
    assert exc.value.code == "erasure_plan"
    with pytest.raises(TransitionRefused):
        requests.complete(agent, rid, "erased")
    erasure.approve(boss, rid, "demo", fingerprint_of(desk, rid))
    assert requests.complete(agent, rid, "erased").state is RequestState.DONE


def test_the_approval_queue(desk: DeskContext, people: dict[str, int]) -> None:
    agent, boss = login(desk, "agent"), login(desk, "supervisor")
    rid = filed(desk, agent, people["Nordmann"])
    mine = filed(desk, boss, people["Sæther"])
    _, erasure = services(desk, grace=timedelta(hours=1))
    rows = {r.request_id: r for r in erasure.approval_queue(boss)}
    assert rows[rid].can_decide and not rows[mine].can_decide
    assert rows[rid].erase_count > 0 and rows[rid].filed_by == "Agent Test" and rows[rid].plan_fingerprint
    assert not any(r.can_decide for r in erasure.approval_queue(agent))
    erasure.approve(boss, rid, "demo", fingerprint_of(desk, rid))
    row = {r.request_id: r for r in erasure.approval_queue(boss)}[rid]
    assert row.state is RequestState.IN_PROGRESS and row.approval is not None and not row.can_decide


# --- the CLI -----------------------------------------------------------------------------------


def test_cli_plan_approve_execute_and_reject(desk: DeskContext, people: dict[str, int],
                                             capsys: pytest.CaptureFixture[str],
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GDPR_DESK_PASSWORD", "demo")
    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    monkeypatch.delenv("GDPR_DESK_LANG", raising=False)
    db = str(desk.db.sqlite_path)
    agent = login(desk, "agent")
    today = utcnow()
    first = filed(desk, agent, people["Nordmann"], plan=False, now=today)
    second = filed(desk, agent, people["Åsen"], plan=False, now=today)
    rc, out, err = run_cli(capsys, "--db", db, "erasure", "plan", str(first), "--agent", "agent")
    assert rc == 0, err
    assert out.startswith(f"Erasure plan GDPR-{first:06d}") and "§1 Order / purchase" in out
    rc, out, err = run_cli(capsys, "--db", db, "request", "approve", str(first), "--agent", "agent")
    assert rc == 1 and "supervisor" in err
    rc, out, err = run_cli(capsys, "--db", db, "request", "approve", f"GDPR-{first:06d}", "--agent", "supervisor")
    assert rc == 0, err
    assert out.startswith(f"{first}\tapproved\tplan {fingerprint_of(desk, first)}")
    rc, out, err = run_cli(capsys, "--db", db, "request", "approve", str(first), "--agent", "supervisor2")
    assert rc == 1 and "already approved" in err
    rc, out, err = run_cli(capsys, "--db", db, "erasure", "execute", str(first), "--agent", "agent")
    assert rc == 0, err
    assert f"GDPR-{first:06d}\terased" in out and "0 found" in out
    assert run_cli(capsys, "--db", db, "erasure", "plan", str(second), "--agent", "agent")[0] == 0
    rc, out, err = run_cli(capsys, "--db", db, "request", "reject", str(second), "--reason", "",
                       "--agent", "supervisor")
    assert rc == 1 and "why" in err
    rc, out, err = run_cli(capsys, "--db", db, "request", "reject", str(second), "--reason", "Wrong customer",
                       "--agent", "supervisor")
    assert rc == 0 and out.startswith(f"{second}\trejected")
    rc, out, err = run_cli(capsys, "--db", db, "request", "approve", str(second), "--agent", "supervisor2")
    assert rc == 1 and "rejected" in err
    with desk.db.transaction() as s:
        assert desk.audit.verify(s).ok
