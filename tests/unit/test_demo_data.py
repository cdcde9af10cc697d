"""The demo register: deterministic, realistic, complete, and written the way the registry writes."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select, text

from desktop.demo import generator
from desktop.demo.generator import DEMO_NOW, DemoReport, add_heavy_customer, generate_demo_data
from desktop.domain.contact import normalize_email, normalize_phone
from desktop.domain.national_id import mask, parse_national_id
from desktop.domain.roles import Role
from desktop.domain.sorting import name_sort_key
from desktop.models import (
    RECORD_MODELS,
    CaseMessage,
    CreditCheck,
    Customer,
    Delivery,
    ItEnvironment,
    Membership,
    Order,
    Payment,
    SearchToken,
    ServiceCase,
)
from desktop.security.crypto import decrypt
from desktop.services.accounts import AccountService
from desktop.services.context import DeskContext, open_desk
from desktop.services.registry import name_key, nid_hash, purposes_for, search_tokens
from desktop.services.search import SearchService
from tests.helpers.desks import login

CUSTOMERS = 300


def _open(path: Path) -> DeskContext:
    return open_desk(f"sqlite:///{path}", migrate=True, demo=True, create_keys=True, workstation="test-ws")


@pytest.fixture
def built(tmp_path: Path) -> Iterator[tuple[DeskContext, DemoReport]]:
    ctx = _open(tmp_path / "demo.sqlite3")
    report = generate_demo_data(ctx, customers=CUSTOMERS, seed=1)
    yield ctx, report
    ctx.close()


def _fingerprint(ctx: DeskContext) -> tuple[list[Any], list[Any]]:
    """What must not change between two builds with one seed (keys and salts may)."""
    with ctx.db.transaction() as s:
        people = s.execute(
            select(Customer.customer_number, Customer.first_name, Customer.last_name, Customer.email,
                   Customer.phone, Customer.birth_date, Customer.created_at, Customer.nid_masked)
            .order_by(Customer.id)
        ).all()
        orders = s.execute(
            select(Order.order_number, Order.ordered_at, Order.completed_at, Order.total_minor).order_by(Order.id)
        ).all()
    return [tuple(p) for p in people], [tuple(o) for o in orders]


def _build(path: Path, customers: int, seed: int) -> tuple[list[Any], list[Any]]:
    ctx = _open(path)
    try:
        generate_demo_data(ctx, customers=customers, seed=seed)
        return _fingerprint(ctx)
    finally:
        ctx.close()


def test_builds_and_reports_what_it_wrote(built: tuple[DeskContext, DemoReport]) -> None:
    ctx, report = built
    assert report.customers == CUSTOMERS
    with ctx.db.transaction() as s:
        for table, count in report.counts.items():
            assert s.execute(text(f"SELECT count(*) FROM {table}")).scalar() == count, table
        assert s.execute(text("PRAGMA foreign_key_check")).all() == []
        assert s.execute(text("PRAGMA integrity_check")).scalar() == "ok"
        # The load's pragmas are gone again: the database's own settings are back.
        assert s.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert s.execute(text("PRAGMA synchronous")).scalar() == 2
    lines = report.describe().splitlines()
    assert len(lines) == len(report.counts) + 1
    assert lines[0].split() == ["customer", f"{CUSTOMERS}"]


def test_proportions_are_plausible(built: tuple[DeskContext, DemoReport]) -> None:
    counts = built[1].counts
    per_customer = {table: n / CUSTOMERS for table, n in counts.items()}
    assert 1.8 < per_customer["customer_order"] < 3.2
    assert counts["delivery"] == counts["payment"] == counts["customer_order"]
    assert 0.15 < per_customer["service_case"] < 0.5
    assert 0.25 < per_customer["membership"] < 0.55
    assert 2.0 < per_customer["marketing_consent"] < 3.0
    assert 0.7 < per_customer["it_environment"] < 1.4


def test_same_seed_gives_the_same_register(tmp_path: Path) -> None:
    first = _build(tmp_path / "a.sqlite3", 120, seed=3)
    second = _build(tmp_path / "b.sqlite3", 120, seed=3)
    assert first == second
    assert len(first[1]) > 100


def test_other_seed_gives_another_register(tmp_path: Path) -> None:
    people_a, orders_a = _build(tmp_path / "a.sqlite3", 60, seed=3)
    people_b, orders_b = _build(tmp_path / "b.sqlite3", 60, seed=4)
    assert people_a != people_b
    assert [o[1] for o in orders_a] != [o[1] for o in orders_b]


def test_forked_generator_gives_the_same_rows(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    in_process = _build(tmp_path / "a.sqlite3", 90, seed=5)
    if generator._fork_context() is None:
        pytest.skip("builds run in one process here (not Linux, or one core)")
    monkeypatch.setattr(generator, "PARALLEL_FROM", 1)
    monkeypatch.setattr(generator, "BATCH_CUSTOMERS", 25)
    assert _build(tmp_path / "b.sqlite3", 90, seed=5) == in_process


def test_every_record_kind_has_rows(built: tuple[DeskContext, DemoReport]) -> None:
    ctx, _ = built
    assert {k.key for k in ctx.policy.record_kinds} <= set(RECORD_MODELS)
    with ctx.db.transaction() as s:
        for kind in (k.key for k in ctx.policy.record_kinds):
            model: Any = RECORD_MODELS[kind]
            assert s.execute(select(func.count()).select_from(model)).scalar(), kind


def test_purposes_and_sources_come_from_the_policy(built: tuple[DeskContext, DemoReport]) -> None:
    ctx, _ = built
    purpose_keys = {p.key for p in ctx.policy.purposes}
    source_keys = {src.key for src in ctx.policy.sources}
    with ctx.db.transaction() as s:
        for kind, model in RECORD_MODELS.items():
            m: Any = model
            stored = set(s.execute(select(m.purposes).distinct()).scalars())
            assert stored == {purposes_for(ctx.policy, kind)}, kind
            assert all(set(v.split(",")) <= purpose_keys for v in stored), kind
            assert set(s.execute(select(m.source).distinct()).scalars()) <= source_keys, kind
            assert s.execute(select(func.count()).select_from(m).where(m.collected_at.is_(None))).scalar() == 0
        assert set(s.execute(select(CreditCheck.source).distinct()).scalars()) == {"credit_bureaus"}


def test_names_have_every_nordic_letter(built: tuple[DeskContext, DemoReport]) -> None:
    ctx, _ = built
    with ctx.db.transaction() as s:
        names = [f"{f} {last}" for f, last in s.execute(select(Customer.first_name, Customer.last_name))]
    for letter in "æøåäö":
        assert any(letter in n.lower() for n in names), letter
    assert any(n.split()[-1].startswith("Aa") for n in names)
    assert any(n.endswith("Hansen") or n.endswith("Andersson") for n in names)


def test_identity_numbers_are_synthetic_and_protected(built: tuple[DeskContext, DemoReport]) -> None:
    ctx, _ = built
    with ctx.db.transaction() as s:
        rows = s.execute(
            select(Customer.nid_encrypted, Customer.nid_hash, Customer.nid_masked, Customer.nid_country,
                   Customer.birth_date).where(Customer.nid_encrypted.is_not(None))
        ).all()
    assert len(rows) > CUSTOMERS * 0.8
    numbers = set()
    for encrypted, hashed, masked, country, born in rows:
        assert encrypted is not None and born is not None
        number = decrypt(ctx.keys.nid_enc, encrypted)
        nid = parse_national_id(number)
        assert nid.kind in ("synthetic", "test")
        assert (nid.country, nid.birth_date, mask(nid)) == (country, born, masked)
        assert nid_hash(ctx.keys, nid) == hashed
        assert born.year in range(1940, 2007)
        numbers.add(number)
    assert len(numbers) == len(rows)


def test_contact_details_are_reserved_and_normalise(built: tuple[DeskContext, DemoReport]) -> None:
    ctx, _ = built
    with ctx.db.transaction() as s:
        rows = s.execute(select(Customer.email, Customer.email_norm, Customer.phone, Customer.phone_e164,
                                Customer.country)).all()
    shapes = set()
    for email, email_norm, phone, e164, country in rows:
        if email is not None:
            assert email_norm is not None and normalize_email(email) == email_norm
            assert email_norm.split("@")[1] in ("example.com", "example.net", "example.org")
        if phone is not None:
            assert e164 is not None and normalize_phone(phone, country) == e164, phone
            assert re.fullmatch(r"\+47[49]\d{7}|\+467\d{8}", e164)
            shapes.add(re.sub(r"\d", "9", phone))
    assert len(shapes) >= 6  # typed the way people type them, not one format
    assert {"999-999 99 99", "+99 999 99 999", "99999999", "+99 99 999 99 99"} <= shapes


def test_orders_and_their_lifecycle(built: tuple[DeskContext, DemoReport]) -> None:
    ctx, _ = built
    with ctx.db.transaction() as s:
        numbers = s.execute(select(Order.order_number)).scalars().all()
        assert all(re.fullmatch(r"TP-\d{7}", n) for n in numbers)
        assert len(set(numbers)) == len(numbers)
        customer_numbers = s.execute(select(Customer.customer_number)).scalars().all()
        assert all(re.fullmatch(r"K\d{7}", n) for n in customer_numbers)
        completed = s.execute(
            select(Order.completed_at, Delivery.delivered_at, Payment.paid_at)
            .join(Delivery, Delivery.order_id == Order.id).join(Payment, Payment.order_id == Order.id)
            .where(Order.status == "completed")
        ).all()
        assert completed
        for done, delivered, paid in completed:
            assert done is not None and delivered is not None and paid is not None
            assert done == max(delivered, paid) <= DEMO_NOW
        assert max(s.execute(select(Order.ordered_at)).scalars()) <= DEMO_NOW
        assert min(s.execute(select(Order.ordered_at)).scalars()) >= datetime(2020, 11, 15)
        assert set(s.execute(select(Payment.provider).where(Payment.method.in_(["invoice", "instalment"])))
                   .scalars()) == {"Qliro"}
        assert set(s.execute(select(CreditCheck.provider)).scalars()) == {"Qliro"}
        assert s.execute(select(func.count()).where(CreditCheck.bureau.is_(None))).scalar() == 0
        assert {"closed", "open"} >= set(s.execute(select(ServiceCase.status)).scalars()) >= {"closed"}


def test_some_messages_name_another_person(built: tuple[DeskContext, DemoReport]) -> None:
    ctx, _ = built
    with ctx.db.transaction() as s:
        bodies = s.execute(select(CaseMessage.body).where(CaseMessage.direction == "in")).scalars().all()
    assert any("Naboen min" in b or "fullmakt" in b or "samboeren min" in b or "på vegne av" in b
               or "Det er hun som betaler" in b for b in bodies)


def test_search_finds_what_was_generated(built: tuple[DeskContext, DemoReport]) -> None:
    ctx, _ = built
    with ctx.db.transaction() as s:
        people = s.execute(select(Customer.id, Customer.first_name, Customer.last_name, Customer.sort_name)).all()
        names = {cid: (first, last) for cid, first, last, _ in people}
        tokens: dict[int, set[str]] = {}
        for token, cid, sort_name, key in s.execute(select(SearchToken.token, SearchToken.customer_id,
                                                           SearchToken.sort_name, SearchToken.name_key)):
            tokens.setdefault(cid, set()).add(token)
            assert sort_name == name_sort_key(*names[cid])
            assert key == name_key(*names[cid])
        order_number, owner = s.execute(select(Order.order_number, Order.customer_id).limit(1)).one()
    for cid, first, last, sort_name in people:
        assert sort_name == name_sort_key(first, last)
        assert tokens[cid] == search_tokens(first, last)
    agent = login(ctx, "agent")
    search = SearchService(ctx)
    assert "Kari Ødegård" in [h.name for h in search.search(agent, "odegard kari").hits]
    assert "Per Sæther" in [h.name for h in search.search(agent, "saether").hits]
    assert [h.customer_id for h in search.search(agent, order_number).hits] == [owner]


def test_demo_accounts_sign_in_with_demo(built: tuple[DeskContext, DemoReport]) -> None:
    ctx, _ = built
    accounts = AccountService(ctx)
    for name in ("agent", "supervisor", "admin"):
        actor = accounts.login(name, "demo")
        assert actor.role == Role(name)
        assert actor.display_name == f"{name.title()} Demo"


def test_second_build_adds_to_a_database_without_clashes(built: tuple[DeskContext, DemoReport]) -> None:
    ctx, _ = built
    report = generate_demo_data(ctx, customers=40, seed=1)  # accounts exist: skipped, not an error
    assert report.customers == 40
    with ctx.db.transaction() as s:
        for column in (Customer.customer_number, Order.order_number, ServiceCase.case_number,
                       Membership.username, Customer.nid_hash):
            values = [v for v in s.execute(select(column)).scalars() if v is not None]
            assert len(values) == len(set(values)), column
        assert s.execute(select(func.count()).select_from(Customer)).scalar() == CUSTOMERS + 40
        assert s.execute(text("PRAGMA foreign_key_check")).all() == []


def test_progress_is_reported_from_zero_to_total(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(generator, "BATCH_CUSTOMERS", 20)
    calls: list[tuple[int, int]] = []
    ctx = _open(tmp_path / "p.sqlite3")
    try:
        generate_demo_data(ctx, customers=70, progress=lambda done, total: calls.append((done, total)))
    finally:
        ctx.close()
    assert calls[0] == (0, 70) and calls[-1] == (70, 70)
    assert [d for d, _ in calls] == sorted(d for d, _ in calls)
    assert len(calls) >= 4


def test_heavy_customer_has_the_asked_history(tmp_path: Path) -> None:
    ctx = _open(tmp_path / "h.sqlite3")
    try:
        generate_demo_data(ctx, customers=20)
        cid = add_heavy_customer(ctx, orders=60, service_cases=9, it_records=150)
        with ctx.db.transaction() as s:
            def count(model: Any) -> int:
                return int(s.execute(select(func.count()).select_from(model)
                                     .where(model.customer_id == cid)).scalar() or 0)
            assert count(Order) == 60
            assert count(Delivery) == count(Payment) == 60
            assert count(ServiceCase) == 9
            assert count(ItEnvironment) == 150
            assert count(Membership) == 1
            assert s.execute(text("PRAGMA foreign_key_check")).all() == []
    finally:
        ctx.close()
