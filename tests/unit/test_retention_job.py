"""The retention job: dry run, real run, idempotence, resume after an interrupted run, audit, CLI."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import pytest
from sqlalchemy import func, select, update

from desktop.cli import main
from desktop.domain.roles import Actor, system_actor
from desktop.errors import PermissionDenied
from desktop.models import (
    RECORD_MODELS,
    AccessLogEntry,
    ContactMessage,
    Customer,
    Delivery,
    Membership,
    Order,
    OrderLine,
    Payment,
    RetentionRun,
)
from desktop.services.context import DeskContext
from desktop.services.registry import purposes_for
from desktop.services.requests import RequestService
from desktop.services.retention import RetentionProgress, RetentionService
from tests.helpers.desks import login

TODAY = date(2026, 11, 28)


def buy(desk: DeskContext, cid: int, number: str, at: datetime) -> None:
    p = desk.policy
    with desk.db.transaction() as s:
        o = Order(customer_id=cid, order_number=number, ordered_at=at, completed_at=at, status="completed",
                  total_minor=100, purposes=purposes_for(p, "order"), collected_at=at)
        s.add(o)
        s.flush()
        s.add_all([
            OrderLine(order_id=o.id, sku="X", product_name="Kaffe", quantity=1, unit_price_minor=100,
                      purposes=purposes_for(p, "order_line"), collected_at=at),
            Delivery(order_id=o.id, customer_id=cid, carrier="Posten", recipient_name="R", street="Gata 1",
                     postcode="0150", city="Oslo", shipped_at=at, delivered_at=at, purposes=purposes_for(p, "delivery"),
                     collected_at=at),
            Payment(order_id=o.id, customer_id=cid, method="card", provider="Nets", amount_minor=100, paid_at=at,
                    purposes=purposes_for(p, "payment"), collected_at=at),
        ])


@pytest.fixture
def register(desk: DeskContext, people: dict[str, int]) -> dict[str, int]:
    """Ødegård: all expired. Sæther: expired but bookkeeping holds the invoice. Åsen: recent.
    Nordmann: old, but with an open request. Lindström: only the person row, from 2024."""
    p = desk.policy
    old = datetime(2015, 3, 1)
    buy(desk, people["Ødegård"], "TP-1", old)
    with desk.db.transaction() as s:
        s.add_all([
            ContactMessage(customer_id=people["Ødegård"], channel="email", received_at=old, closed_at=old,
                           from_address="kari@example.com", subject="Hei", body="Gammel melding",
                           purposes=purposes_for(p, "contact_message"), collected_at=old),
            Membership(customer_id=people["Ødegård"], username="kari", password_hash="x", joined_at=old,
                       ended_at=old, profile_settings="{}", purposes=purposes_for(p, "membership"), collected_at=old),
        ])
        for cid in people.values():
            s.execute(update(Customer).where(Customer.id == cid).values(collected_at=datetime(2014, 1, 1)))
        s.execute(update(Customer).where(Customer.id == people["Lindström"]).values(
            collected_at=datetime(2024, 1, 5)))
    buy(desk, people["Sæther"], "TP-2", datetime(2022, 6, 1))
    buy(desk, people["Åsen"], "TP-3", datetime(2026, 1, 10))
    buy(desk, people["Nordmann"], "TP-4", old)
    agent = login(desk, "agent")
    RequestService(desk).file(agent, "access", people["Nordmann"], channel="email")
    return dict(people)


def snapshot(desk: DeskContext) -> dict[str, list[tuple[Any, ...]]]:
    out = {}
    with desk.db.transaction() as s:
        for kind, model in RECORD_MODELS.items():
            t = model.__table__  # type: ignore[attr-defined]
            out[kind] = [tuple(r) for r in s.execute(select(t).order_by(t.c.id))]
    return out


def system() -> Actor:
    return system_actor("test-ws", "retention")


def test_dry_run_changes_nothing_and_reports_what_a_run_does(desk: DeskContext, register: dict[str, int]) -> None:
    svc = RetentionService(desk)
    before = snapshot(desk)
    dry = svc.run(system(), dry_run=True, today=TODAY, batch=2)
    assert snapshot(desk) == before
    assert dry.dry_run and dry.people_visited == 5 and dry.batches == 3
    assert dry.erased["order"] == 1 and dry.erased["customer"] == 1 and dry.persons_erased == 1
    real = svc.run(system(), dry_run=False, today=TODAY, batch=2)
    assert (real.erased, real.restricted, real.blanked_parts) == (dry.erased, dry.restricted, dry.blanked_parts)
    assert "dry run, nothing changed" in dry.describe("en") and "prøvekjøring" in dry.describe("nb")


def test_run_erases_what_expired_and_restricts_what_a_law_keeps(desk: DeskContext, register: dict[str, int]) -> None:
    report = RetentionService(desk).run(system(), dry_run=False, today=TODAY)
    assert report.erased == {"order": 1, "order_line": 1, "delivery": 2, "payment": 1, "contact_message": 1,
                             "membership": 1, "address": 1, "customer": 1}
    # The home address goes with the invoices bookkeeping law keeps.
    assert report.restricted == {"order": 1, "order_line": 1, "payment": 1, "customer": 1, "address": 1}
    assert report.blanked_parts == {"contact": 1, "national_id": 1}
    assert report.erased_by_purpose["purchase"] >= 4 and report.restricted_by_purpose["legal_obligations"] >= 3
    with desk.db.transaction() as s:
        assert s.get(Customer, register["Ødegård"]) is None
        saether = s.get(Customer, register["Sæther"])
        assert saether is not None and saether.restricted and saether.legal_hold_until == date(2027, 12, 31)
        assert saether.email is None and saether.last_name == "Sæther"
        held = s.execute(select(Order).where(Order.customer_id == register["Sæther"])).scalar_one()
        assert held.restricted and held.legal_hold_until == date(2027, 12, 31)
        assert s.execute(select(func.count()).select_from(Delivery).where(
            Delivery.customer_id == register["Sæther"])).scalar_one() == 0  # its 3.5-year hold is over
        for name in ("Åsen", "Nordmann", "Lindström"):
            me = s.get(Customer, register[name])
            assert me is not None and not me.restricted and me.email, name
        assert s.execute(select(func.count()).select_from(Order).where(
            Order.customer_id == register["Nordmann"])).scalar_one() == 1  # open request: left alone
        assert s.execute(select(func.count()).select_from(ContactMessage)).scalar_one() == 0
        assert s.execute(select(func.count()).select_from(Membership)).scalar_one() == 0


def test_second_run_is_a_no_op(desk: DeskContext, register: dict[str, int]) -> None:
    svc = RetentionService(desk)
    svc.run(system(), dry_run=False, today=TODAY)
    before = snapshot(desk)
    again = svc.run(system(), dry_run=False, today=TODAY)
    assert again.erased == {} and again.restricted == {} and again.blanked_parts == {}
    assert snapshot(desk) == before


def test_an_interrupted_run_resumes_where_it_stopped(desk: DeskContext, register: dict[str, int]) -> None:
    svc = RetentionService(desk)
    seen: list[RetentionProgress] = []

    def crash_after_two(progress: RetentionProgress) -> None:
        seen.append(progress)
        if progress.batch == 2:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        svc.run(system(), dry_run=False, today=TODAY, batch=1, on_batch=crash_after_two)
    assert svc.pending_count() == 1
    with desk.db.transaction() as s:
        run = s.execute(select(RetentionRun)).scalar_one()
        assert run.finished_at is None and run.cursor == seen[-1].cursor and run.batches == 2
    # The next run (a day later) resumes the same run, with that run's date.
    resumed = svc.run(system(), dry_run=False, today=date(2026, 11, 29), batch=1)
    assert resumed.resumed and resumed.run_id == seen[0].run_id and resumed.run_date == TODAY
    assert resumed.batches == 5 and resumed.extra["batches_this_call"] == 3 and resumed.people_visited == 5
    assert resumed.erased["customer"] == 1 and resumed.restricted["order"] == 1  # both halves counted
    assert svc.pending_count() == 0
    with desk.db.transaction() as s:
        assert s.get(Customer, register["Ødegård"]) is None


def test_every_batch_is_audited_with_counts_and_no_names(desk: DeskContext, register: dict[str, int]) -> None:
    RetentionService(desk).run(system(), dry_run=False, today=TODAY, batch=2)
    with desk.db.transaction() as s:
        entries = s.execute(select(AccessLogEntry).where(AccessLogEntry.data == "retention")
                            .order_by(AccessLogEntry.seq)).scalars().all()
        actions = [e.action for e in entries]
        assert actions == ["retention_start", "retention_batch", "retention_batch", "retention_batch",
                           "retention_finish"]
        assert all(e.actor == "retention" and e.actor_id is None for e in entries)
        details = " ".join(e.detail or "" for e in entries)
        assert "erased=" in details and "Ødegård" not in details and "Sæther" not in details
        assert desk.audit.verify(s).ok


def test_only_an_administrator_or_the_system_may_run_it(desk: DeskContext, register: dict[str, int]) -> None:
    supervisor = login(desk, "supervisor")
    with pytest.raises(PermissionDenied):
        RetentionService(desk).run(supervisor, dry_run=True)
    admin = login(desk, "admin")
    assert RetentionService(desk).run(admin, dry_run=True, today=TODAY).people_visited == 5


def test_cli_retention_run(desk: DeskContext, register: dict[str, int], capsys: pytest.CaptureFixture[str]) -> None:
    db = str(desk.db.sqlite_path)
    before = snapshot(desk)
    assert main(["--db", db, "retention", "run", "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "dry run, nothing changed" in out or "prøvekjøring" in out
    assert snapshot(desk) == before
    assert main(["--db", db, "retention", "run"]) == 0
    out = capsys.readouterr().out
    assert "customer 1" in out and "order 1" in out
