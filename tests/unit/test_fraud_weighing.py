"""Holds that are the law, not near it (docs/rules.md#r-fraud, #r-complaints): fraud records are weighed by
a supervisor on an erasure request and run from collection; long-lived goods carry 5 years of complaints."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy import select

from desktop.cli import main
from desktop.domain.erasure import PlanDecision, plan_erasure
from desktop.domain.fraud import LAW_FRAUD_PENDING
from desktop.domain.retention import LAW_CONSUMER_PURCHASES, LAW_FRAUD_POLICY
from desktop.errors import InvalidInput, PermissionDenied
from desktop.models import AccessLogEntry, Delivery, FraudSignal, FraudWeighingRecord, Order, OrderLine, RequestEvent
from desktop.services.accounts import AccountService
from desktop.services.erasure import ErasureRefused, ErasureService, retention_rules
from desktop.services.erasure.facts import load_people
from desktop.services.fraud_weighing import FraudWeighingService
from desktop.services.registry import purposes_for
from desktop.services.requests import RequestService

NOW = datetime(2026, 11, 20, 12, 0)
REASONS = "Card testing from this account in 2025; the bank's chargeback case is still open."


@pytest.fixture(autouse=True)
def fast_password_hashing(monkeypatch: pytest.MonkeyPatch) -> None:
    from argon2 import PasswordHasher

    monkeypatch.setattr("desktop.services.accounts._HASHER", PasswordHasher(time_cost=1, memory_cost=1024,
                                                                            parallelism=1))


def login(desk, name: str):  # type: ignore[no-untyped-def]
    return AccountService(desk).login(name, "demo")


def add_fraud(desk, cid: int, *, collected: datetime, detected: datetime) -> None:  # type: ignore[no-untyped-def]
    with desk.db.transaction() as s:
        s.add(FraudSignal(customer_id=cid, detected_at=detected, kind="card_testing", description="Card testing",
                          severity="high", purposes=purposes_for(desk.policy, "fraud_signal"), collected_at=collected))


def file_erasure(desk, agent, cid: int) -> int:  # type: ignore[no-untyped-def]
    requests = RequestService(desk, clock=lambda: NOW)
    view = requests.file(agent, "erasure", cid, channel="email")
    requests.verify_identity(agent, view.id, note="one-time code to the registered e-mail")
    return int(view.id)


def test_fraud_records_wait_for_a_supervisors_weighing(desk, people, agent, supervisor) -> None:  # type: ignore[no-untyped-def]
    cid = people["Nordmann"]
    # Collected (the session data) in January 2024, detected as fraud only in November 2024: the
    # 36 months run from collection, to 10.01.2027, not from detection (policy §5).
    add_fraud(desk, cid, collected=datetime(2024, 1, 10, 9), detected=datetime(2024, 11, 2, 9))
    rid = file_erasure(desk, agent, cid)
    erasure = ErasureService(desk, clock=lambda: NOW)
    preview = erasure.preview_plan(agent, rid)
    lines = [ln for sec in preview.sections for ln in sec.restrict if LAW_FRAUD_PENDING in ln.laws]
    assert lines and lines[0].until == date(2027, 1, 10)
    with pytest.raises(ErasureRefused) as refused:
        erasure.make_plan(agent, rid)
    assert refused.value.code == "awaits_weighing" and refused.value.plan is not None
    assert "supervisor must weigh" in refused.value.message and "leder må veie" in refused.value.message_nb

    weighing = FraudWeighingService(desk, clock=lambda: NOW)
    with pytest.raises(PermissionDenied):
        weighing.weigh(agent, rid, "keep", REASONS, "demo")  # an agent may not weigh
    with pytest.raises(InvalidInput):
        weighing.weigh(supervisor, rid, "keep", "keep it", "demo")  # reasons nobody could check
    with pytest.raises(InvalidInput):
        weighing.weigh(supervisor, rid, "maybe", REASONS, "demo")
    view = weighing.weigh(supervisor, rid, "keep", REASONS, "demo")
    assert (view.outcome.value, view.decided_by) == ("keep", "supervisor")

    plan = erasure.make_plan(agent, rid)
    kept = [ln for sec in plan.sections for ln in sec.restrict if LAW_FRAUD_POLICY in ln.laws]
    assert kept and kept[0].until == date(2027, 1, 10)
    assert "20.11.2026" in kept[0].reason("nb")
    with desk.db.transaction() as s:
        rows = s.execute(select(FraudWeighingRecord)).scalars().all()
        assert [(r.request_id, r.decision, r.reasons) for r in rows] == [(rid, "keep", REASONS)]
        logged = s.execute(select(AccessLogEntry).where(AccessLogEntry.action == "fraud_weighing")).scalars().all()
        assert [(e.actor, e.detail, e.request_id) for e in logged] == [("supervisor", "decision=keep", rid)]
        events = s.execute(select(RequestEvent.action).where(RequestEvent.request_id == rid)).scalars().all()
        assert "fraud_weighing" in events


def test_a_weighing_to_erase_erases_and_the_filer_may_not_weigh(desk, people, agent, supervisor) -> None:  # type: ignore[no-untyped-def]
    cid = people["Åsen"]
    add_fraud(desk, cid, collected=datetime(2025, 6, 1, 9), detected=datetime(2025, 6, 1, 9))
    rid = file_erasure(desk, supervisor, cid)  # filed by the supervisor: another must weigh
    weighing = FraudWeighingService(desk, clock=lambda: NOW)
    with pytest.raises(PermissionDenied):
        weighing.weigh(supervisor, rid, "erase", REASONS, "demo")
    weighing.weigh(login(desk, "admin"), rid, "erase", "One failed login attempt; nothing overrides the request.",
                   "demo")
    plan = ErasureService(desk, clock=lambda: NOW).make_plan(supervisor, rid)
    erased = [ln for sec in plan.sections for ln in sec.erase if ln.kind == "fraud_signal"]
    assert erased and not any(LAW_FRAUD_PENDING in ln.laws for sec in plan.sections for ln in sec.restrict)


def test_cli_weighs_fraud_records(capsys, monkeypatch, desk, people, agent) -> None:  # type: ignore[no-untyped-def]
    cid = people["Sæther"]
    add_fraud(desk, cid, collected=datetime(2025, 6, 1, 9), detected=datetime(2025, 6, 1, 9))
    rid = file_erasure(desk, agent, cid)
    monkeypatch.setenv("GDPR_DESK_PASSWORD", "demo")
    db = str(desk.db.sqlite_path)
    rc = main(["--db", db, "erasure", "weigh-fraud", str(rid), "keep", "--reasons", "short", "--agent", "supervisor"])
    assert rc == 1 and "20" in capsys.readouterr().err
    rc = main(["--db", db, "erasure", "weigh-fraud", str(rid), "keep", "--reasons", REASONS, "--agent", "supervisor"])
    assert rc == 0 and "fraud records: keep" in capsys.readouterr().out


def _order(desk, cid: int, *, long_lived: bool) -> int:  # type: ignore[no-untyped-def]
    at = datetime(2026, 3, 1, 10)
    with desk.db.transaction() as s:
        o = Order(customer_id=cid, order_number=f"TP-{cid}-{int(long_lived)}", ordered_at=at, completed_at=at,
                  status="completed", total_minor=999000, purposes=purposes_for(desk.policy, "order"),
                  collected_at=at)
        s.add(o)
        s.flush()
        s.add_all([
            OrderLine(order_id=o.id, sku="TP-200000", product_name='Samsung 55" QLED-TV', quantity=1,
                      unit_price_minor=999000, long_lived=long_lived, purposes=purposes_for(desk.policy, "order_line"),
                      collected_at=at),
            Delivery(order_id=o.id, customer_id=cid, carrier="Posten", recipient_name="Per Sæther", street="Bryggen 3",
                     postcode="5003", city="Bergen", shipped_at=at, delivered_at=datetime(2026, 3, 4, 15),
                     purposes=purposes_for(desk.policy, "delivery"), collected_at=at),
        ])
        return int(o.id)


@pytest.mark.parametrize(("long_lived", "until"), [(False, date(2028, 3, 4)), (True, date(2031, 3, 4))])
def test_goods_meant_to_last_longer_carry_five_years_of_complaints(  # type: ignore[no-untyped-def]
        desk, people, agent, long_lived: bool, until: date) -> None:
    cid = people["Sæther"]
    oid = _order(desk, cid, long_lived=long_lived)
    with desk.db.transaction() as s:  # the plan's items carry every hold, not only the one that lasts longest
        facts = load_people(s, lambda col: col == cid, content=True).facts[cid]
    plan = plan_erasure(facts, today=NOW.date(), bookkeeping_law=desk.policy.company.bookkeeping_law, purpose=None,
                        rules=retention_rules(desk))
    for kind in ("order", "order_line", "delivery"):
        item = next(i for i in plan.items if i.kind == kind and (kind != "order" or i.record_id == oid))
        assert item.decision is PlanDecision.RESTRICT
        complaint = [h for h in item.holds if h.law == LAW_CONSUMER_PURCHASES]
        assert [h.until for h in complaint] == [until], kind
        assert f"{5 if long_lived else 2} år fra levering" in complaint[0].reason_nb
