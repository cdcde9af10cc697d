"""The shipped django-oscar mapping on a real Oscar shop, on PostgreSQL and on MariaDB.

Oscar's own code makes the customers, address books and orders; the desk syncs them through the
reading login, then syncs again after Oscar changes, then mirrors a removal with --full.
"""

from __future__ import annotations

from typing import Any, cast

import pytest
from sqlalchemy import func, select

from desktop.models import (
    Address,
    Customer,
    Delivery,
    Membership,
    Order,
    OrderLine,
    SearchToken,
    ServiceCase,
    SourceConflict,
    SourceRecord,
    SourceSyncRun,
)
from desktop.services.sync import SyncService
from desktop.sources.sql import SourceProblem

pytestmark = pytest.mark.slow

KARI = {"username": "kari", "email": "Kari.Odegard@Example.no", "first_name": "Kari", "last_name": "Ødegård"}
PER = {"username": "per", "email": "per.saether@example.net", "first_name": "Per", "last_name": "Sæther"}


def _order(who: dict[str, str], *statuses: str, title: str = "Kaffetrakter", price: str = "499.00",
           quantity: int = 2, **extra: Any) -> dict[str, Any]:
    return {"op": "order", "username": who.get("username"), "first_name": who["first_name"],
            "last_name": who["last_name"], "line1": "Storgata 1", "city": "Oslo", "postcode": "0150",
            "phone": "+4791234567", "lines": [{"title": title, "price": price, "quantity": quantity}],
            "statuses": list(statuses), **extra}


def populate(shop) -> list[dict[str, Any]]:  # type: ignore[no-untyped-def]
    return cast(list[dict[str, Any]], shop.apply([
        {"op": "customer", **KARI, "address": {"line1": "Storgata 1", "city": "Oslo", "postcode": "0150",
                                               "phone": "+4791234567"}},
        {"op": "customer", **PER, "address": {"line1": "Bryggen 3", "city": "Bergen", "postcode": "5003"}},
        _order(KARI, "Being processed", "Complete"),
        _order(KARI),
        _order(PER, "Cancelled", title="Kabel", price="99.50", quantity=1),
        _order({"first_name": "Gunn", "last_name": "Gjest"}, guest_email="gunn.gjest@example.org",
               title="Lader", price="249.90", quantity=1),
    ]))


def counts(ctx) -> dict[str, int]:  # type: ignore[no-untyped-def]
    with ctx.db.transaction() as s:
        return {m.__tablename__: s.execute(select(func.count()).select_from(m)).scalar_one()
                for m in (Customer, Address, Order, OrderLine, Delivery, Membership, ServiceCase, SourceRecord)}


def test_first_sync_then_changes_then_full_mirror(desk, oscar_shop, oscar_system) -> None:  # type: ignore[no-untyped-def]
    made = populate(oscar_shop)
    kari_number = made[2]["number"]
    open_number = made[3]["number"]
    oscar_shop.apply([{"op": "note", "number": kari_number, "message": "Kunden ringte om levering"}])
    svc = SyncService(desk)
    system = oscar_system(oscar_shop)

    report = svc.sync(system)
    assert report.mode == "first" and report.written == report.read > 0
    with desk.db.transaction() as s:
        kari = s.execute(select(Customer).where(Customer.email_norm == "kari.odegard@example.no")).scalar_one()
        assert (kari.first_name, kari.last_name) == ("Kari", "Ødegård")
        assert kari.customer_number == f"OSC{made[0]['user_id']}"
        # Found by the folded name an agent types, as for the desk's own customers.
        assert s.execute(select(SearchToken.customer_id).where(SearchToken.token == "odegard")).scalar() == kari.id
        orders = {o.order_number: o for o in s.execute(select(Order).where(Order.customer_id == kari.id)).scalars()}
        assert orders[str(kari_number)].status == "completed" and orders[str(kari_number)].completed_at is not None
        assert orders[str(open_number)].status == "open" and orders[str(open_number)].completed_at is None
        assert orders[str(kari_number)].total_minor == 99800
        assert "purchase" in orders[str(kari_number)].purposes.split(",")
        line = s.execute(select(OrderLine).where(OrderLine.order_id == orders[str(kari_number)].id)).scalar_one()
        assert (line.product_name, line.quantity, line.unit_price_minor) == ("Kaffetrakter", 2, 49900)
        delivery = s.execute(select(Delivery).where(Delivery.order_id == orders[str(kari_number)].id)).scalar_one()
        assert delivery.recipient_name == "Kari Ødegård" and delivery.city == "Oslo"
        assert s.execute(select(Membership.username).where(Membership.customer_id == kari.id)).scalar() == "kari"
        assert s.execute(select(ServiceCase.notes).where(ServiceCase.customer_id == kari.id)).scalar() == \
            "Kunden ringte om levering"
        kinds = {a.kind for a in s.execute(select(Address).where(Address.customer_id == kari.id)).scalars()}
        assert kinds == {"home", "billing"}
        # The guest's order became a person found by the e-mail the guest gave.
        guest = s.execute(select(Customer).where(Customer.email_norm == "gunn.gjest@example.org")).scalar_one()
        assert s.execute(select(func.count()).select_from(Order).where(Order.customer_id == guest.id)).scalar() == 1
        prov = s.execute(select(SourceRecord).where(SourceRecord.record_kind == "customer",
                                                    SourceRecord.record_id == kari.id)).scalar_one()
        assert (prov.system, prov.source_table, prov.source_key) == ("django-oscar", "auth_user",
                                                                      str(made[0]["user_id"]))
        assert prov.first_seen <= prov.last_synced
    before = counts(desk)

    # Nothing changed: everything read, nothing written, nothing duplicated.
    again = svc.sync(system)
    assert again.mode == "incremental" and again.written == 0 and counts(desk) == before
    # Order notes have a change column: an incremental sync reads none of the unchanged ones.
    assert report.per_table["order_ordernote"] == 1 and "order_ordernote" not in again.per_table

    # Oscar changes: a new e-mail, an order completed, a new order, an edited note.
    oscar_shop.apply([
        {"op": "update_user", "username": "per", "email": "per@ny.example.net"},
        {"op": "set_status", "number": open_number, "status": "Being processed"},
        {"op": "set_status", "number": open_number, "status": "Complete"},
        _order(PER, title="Mus", price="199.00", quantity=1),
    ])
    changed = svc.sync(system)
    assert 0 < changed.written < changed.read
    with desk.db.transaction() as s:
        per = s.execute(select(Customer).where(Customer.last_name == "Sæther")).scalar_one()
        assert per.email_norm == "per@ny.example.net"
        assert s.execute(select(func.count()).select_from(Order).where(Order.customer_id == per.id)).scalar() == 2
        done = s.execute(select(Order).where(Order.order_number == str(open_number))).scalar_one()
        assert done.status == "completed" and done.completed_at is not None
    after = counts(desk)
    assert after["customer_order"] == before["customer_order"] + 1
    assert after["customer"] == before["customer"]

    # Per leaves the shop (Oscar deletes the account; his orders stay as guest-less orders).
    oscar_shop.apply([{"op": "delete_user", "username": "per"}])
    assert svc.sync(system).removed == 0  # only --full mirrors removals
    full = svc.sync(system, full=True)
    assert full.removed >= 2 and full.refused == 0  # his login and his address book
    with desk.db.transaction() as s:
        assert s.execute(select(Membership).where(Membership.username == "per")).scalar() is None
        # The shop keeps his orders (bookkeeping), so the desk keeps him with them.
        per = s.execute(select(Customer).where(Customer.last_name == "Sæther")).scalar_one()
        assert s.execute(select(func.count()).select_from(Order).where(Order.customer_id == per.id)).scalar() == 2
        assert s.execute(select(func.count()).select_from(Address).where(Address.customer_id == per.id,
                                                                         Address.kind == "home")).scalar() == 0
        runs = s.execute(select(SourceSyncRun.mode, SourceSyncRun.outcome).order_by(SourceSyncRun.id)).all()
        assert [r.outcome for r in runs] == ["done"] * len(runs)
        assert [r.mode for r in runs][:2] == ["first", "incremental"] and runs[-1].mode == "full"


def test_a_login_that_can_write_is_refused(desk, oscar_shop, oscar_system) -> None:  # type: ignore[no-untyped-def]
    svc = SyncService(desk)
    with pytest.raises(SourceProblem, match="can write") as err:
        svc.sync(oscar_system(oscar_shop, admin=True))
    assert "INSERT" in str(err.value) or "ALL PRIVILEGES" in str(err.value)
    assert counts(desk)["source_record"] == 0
    # Told that this account is also the writing one (the next step carries out requests), it syncs.
    assert svc.sync(oscar_system(oscar_shop, admin=True, writer=True)).mode == "first"


def test_two_accounts_with_one_email_are_listed_not_merged(desk, oscar_shop, oscar_system) -> None:  # type: ignore[no-untyped-def]
    oscar_shop.apply([
        {"op": "customer", **KARI},
        {"op": "customer", **{**KARI, "username": "kari2", "first_name": "Kari Anne"}},
    ])
    SyncService(desk).sync(oscar_system(oscar_shop))
    with desk.db.transaction() as s:
        people = s.execute(select(Customer).where(Customer.email_norm == "kari.odegard@example.no")).scalars().all()
        assert len(people) == 2
        conflict = s.execute(select(SourceConflict)).scalar_one()
        assert conflict.reason == "shared_key" and conflict.matched_by == "email"
        assert conflict.customer_id in {p.id for p in people}
        assert str(min(p.id for p in people)) in conflict.candidate_ids.split(",")


def test_refresh_on_open_finds_the_order_placed_a_minute_ago(desk, oscar_shop, oscar_system) -> None:  # type: ignore[no-untyped-def]
    import dataclasses

    from desktop.models import AccessLogEntry
    from desktop.services.accounts import AccountService

    populate(oscar_shop)
    svc = SyncService(desk)
    system = oscar_system(oscar_shop)
    svc.sync(system)
    oscar_shop.apply([_order(KARI, title="Vannkoker", price="299.00", quantity=1),
                      {"op": "update_user", "username": "kari", "first_name": "Kari Anne"}])
    with desk.db.transaction() as s:
        kari = s.execute(select(Customer.id).where(Customer.email_norm == "kari.odegard@example.no")).scalar_one()
    agent = AccountService(desk).login("agent", "demo")
    answer = svc.refresh_person(agent, system, kari)
    assert answer.ok and answer.as_of is not None and answer.written >= 2  # the person and the new order
    with desk.db.transaction() as s:
        assert s.execute(select(Customer.first_name).where(Customer.id == kari)).scalar() == "Kari Anne"
        titles = s.execute(select(OrderLine.product_name).join(Order, Order.id == OrderLine.order_id)
                           .where(Order.customer_id == kari)).scalars().all()
        assert "Vannkoker" in titles
        entry = s.execute(select(AccessLogEntry).where(AccessLogEntry.action == "refresh")).scalar_one()
        assert entry.customer_id == kari and entry.data == "source:django-oscar"
    # A system that does not answer is named, and the profile goes on with what the desk has.
    down = dataclasses.replace(system, url="postgresql+psycopg://reader@127.0.0.1:1/oscar", password=None)
    late = svc.refresh_person(agent, down, kari, timeout=2)
    assert not late.ok and "cannot be reached" in late.error
