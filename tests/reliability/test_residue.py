"""After an erasure, the erased values are nowhere in the SQLite files: not the database, not the WAL.

Every text column of every record table gets a marker value of its own, e.g.
"Zqxmarker-Ødegård-7731-order-store", plus long texts that spill into overflow pages and the
encrypted identity number. The test reads the raw bytes itself; it does not trust the service's
own scan. Another sqlite3 reader holding an old snapshot keeps the values in the files: then the
erasure must say "purge pending", and finish once the reader is gone.
"""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import String, Text, select, update

from desktop.models import (
    RECORD_MODELS,
    Address,
    CaseMessage,
    CompetitionEntry,
    ContactMessage,
    CreditCheck,
    Customer,
    Delivery,
    ErasureRun,
    Favourite,
    FraudSignal,
    ItEnvironment,
    JobApplication,
    MarketingConsent,
    MarketingSuppression,
    Membership,
    Order,
    OrderLine,
    Payment,
    RequestLetter,
    ServiceCase,
    WarrantyCase,
)
from desktop.services.accounts import AccountService
from desktop.services.context import DeskContext
from desktop.services.erasure import ErasureService
from desktop.services.registry import add_customer, contact_hash, purposes_for
from desktop.services.requests import RequestService
from tests.helpers.desks import login, sqlite_file
from tests.helpers.records import add_history

NOW = datetime(2026, 2, 10, 12, 0)
OLD = datetime(2015, 3, 1, 10, 0)
BASE = "Zqxmarker-Ødegård-7731"
#: Columns the rules read (keys and codes), left as real values; every other text column gets a marker.
#: The customer number too: the Art. 19 notices keep it so each recipient can find the person in its
#: own copy (the name is what they must not get back); once the row is gone it points at no one here.
LOGIC = {"purposes", "source", "status", "kind", "channel", "currency", "country", "language", "nid_country",
         "direction", "customer_number"}


def m(kind: str, col: str) -> str:
    return f"{BASE}-{kind}-{col}"


def long_text(kind: str, col: str) -> str:
    """Longer than a page: SQLite keeps most of it in overflow pages."""
    return f"{m(kind, col)} " + "Lang tekst om Ødegård og bestillingen hennes. " * 150 + f"{m(kind, col)}-END"


def fill(obj: Any, kind: str) -> Any:
    """Marker every free text column of a record (long texts for Text columns)."""
    for col in type(obj).__table__.columns:
        if not isinstance(col.type, String | Text):
            continue
        if col.name in LOGIC:
            if getattr(obj, col.key, None) is None and not col.nullable and col.default is None:
                setattr(obj, col.key, "other")  # a code the rules do not read
            continue
        if getattr(obj, col.key, None) is None or isinstance(getattr(obj, col.key), str):
            setattr(obj, col.key, long_text(kind, col.name) if isinstance(col.type, Text) else m(kind, col.name))
    return obj


def build(desk: DeskContext) -> tuple[int, list[bytes]]:
    """One person with a record of every kind, every free text a marker; returns (id, markers)."""
    p = desk.policy

    def pur(kind: str) -> str:
        return purposes_for(p, kind)

    with desk.db.transaction() as s:
        c = add_customer(s, desk.keys, p, customer_number="K7731",
                         first_name=m("customer", "first_name"), last_name=m("customer", "last_name"),
                         created_at=OLD, email="zqxmarker.odegard.7731@example.com", phone="+47 912 77 731",
                         national_id="15108695088", street=m("address", "street"), postcode="0150",
                         city=m("address", "city"))
        cid = c.id
        s.execute(update(Customer).where(Customer.id == cid).values(collected_at=OLD))
        s.execute(update(Address).where(Address.customer_id == cid).values(collected_at=OLD))
        order = fill(Order(customer_id=cid, ordered_at=OLD, completed_at=OLD, status="completed", total_minor=1,
                           purposes=pur("order"), collected_at=OLD), "order")
        s.add(order)
        s.flush()
        case = fill(ServiceCase(customer_id=cid, channel="phone", opened_at=OLD, closed_at=OLD, status="closed",
                                purposes=pur("service_case"), collected_at=OLD), "service_case")
        member = fill(Membership(customer_id=cid, joined_at=OLD, ended_at=OLD, purposes=pur("membership"),
                                 collected_at=OLD), "membership")
        s.add_all([case, member])
        s.flush()
        s.add_all([
            fill(OrderLine(order_id=order.id, quantity=1, unit_price_minor=1, purposes=pur("order_line"),
                           collected_at=OLD), "order_line"),
            fill(Delivery(order_id=order.id, customer_id=cid, shipped_at=OLD, delivered_at=OLD,
                          purposes=pur("delivery"), collected_at=OLD), "delivery"),
            fill(Payment(order_id=order.id, customer_id=cid, amount_minor=1, paid_at=OLD, purposes=pur("payment"),
                         collected_at=OLD), "payment"),
            fill(CreditCheck(customer_id=cid, order_id=order.id, checked_at=OLD, purposes=pur("credit_check"),
                             collected_at=OLD), "credit_check"),
            fill(WarrantyCase(customer_id=cid, order_id=order.id, opened_at=OLD, closed_at=OLD, status="closed",
                              kind="complaint", purposes=pur("warranty_case"), collected_at=OLD), "warranty_case"),
            fill(CaseMessage(case_id=case.id, customer_id=cid, direction="in", sent_at=OLD,
                             purposes=pur("case_message"), collected_at=OLD), "case_message"),
            fill(CompetitionEntry(customer_id=cid, kind="event", entered_at=OLD, ends_at=OLD,
                                  purposes=pur("competition_entry"), collected_at=OLD), "competition_entry"),
            fill(FraudSignal(customer_id=cid, order_id=order.id, detected_at=OLD, purposes=pur("fraud_signal"),
                             collected_at=OLD), "fraud_signal"),
            fill(ItEnvironment(customer_id=cid, seen_at=OLD, purposes=pur("it_environment"), collected_at=OLD),
                 "it_environment"),
            fill(Favourite(membership_id=member.id, customer_id=cid, added_at=OLD, purposes=pur("favourite"),
                           collected_at=OLD), "favourite"),
            fill(JobApplication(customer_id=cid, submitted_at=OLD, recruitment_closed_at=OLD, status="rejected",
                                purposes=pur("job_application"), collected_at=OLD), "job_application"),
            fill(ContactMessage(customer_id=cid, channel="email", received_at=OLD, closed_at=OLD,
                                purposes=pur("contact_message"), collected_at=OLD), "contact_message"),
            fill(MarketingConsent(customer_id=cid, channel="email", granted=False, changed_at=OLD,
                                  purposes=pur("marketing_consent"), collected_at=OLD), "marketing_consent"),
            # Kept on purpose (Art. 21(3)): a keyed hash, never the address.
            MarketingSuppression(customer_id=cid, channel="email", suppressed_at=OLD,
                                 contact_hash=contact_hash(desk.keys, "email", "zqxmarker.odegard.7731@example.com"),
                                 purposes=pur("marketing_suppression"), collected_at=OLD),
        ])
        s.flush()
        nid = s.get_one(Customer, cid).nid_encrypted
    markers: list[bytes] = [b"zqxmarker.odegard.7731@example.com", b"+47 912 77 731", nid or b""]
    with desk.db.transaction() as s:
        for kind, model in RECORD_MODELS.items():
            if kind == "marketing_suppression":
                continue
            t = model.__table__  # type: ignore[attr-defined]
            for col in t.columns:
                if col.name in LOGIC or not isinstance(col.type, String | Text):
                    continue
                for value in s.execute(select(col)).scalars():
                    if isinstance(value, str) and value.startswith(BASE):
                        markers.append(m(kind, col.name).encode("utf-8"))
                        if value.endswith("-END"):
                            markers.append(f"{m(kind, col.name)}-END".encode())
    assert len({k for k, model in RECORD_MODELS.items() if k != "marketing_suppression"}) == 18
    return cid, sorted(set(markers))


def raw_hits(path: Path, markers: list[bytes]) -> list[bytes]:
    blob = b"".join(p.read_bytes() for p in (path, path.with_name(path.name + "-wal")) if p.exists())
    return [x for x in markers if x in blob]


def erase(desk: DeskContext, cid: int) -> tuple[ErasureService, int]:
    accounts = AccountService(desk)
    agent, boss = accounts.login("agent", "demo"), accounts.login("supervisor", "demo")
    requests = RequestService(desk, clock=lambda: NOW)
    erasure = ErasureService(desk, clock=lambda: NOW)
    rid = requests.file(agent, "erasure", cid, channel="email").id
    requests.verify_identity(agent, rid, note="code")
    requests.extend(agent, rid, f"Mye å gå gjennom for {m('customer', 'first_name')}.")
    plan = erasure.make_plan(agent, rid)
    assert (plan.erase_count, plan.restrict_count, plan.keep_count) == (18, 0, 1), plan.describe("en")
    erasure.approve(boss, rid, "demo", plan.fingerprint)
    return erasure, rid


def test_no_erased_value_is_left_in_the_database_or_the_wal(desk: DeskContext) -> None:
    cid, markers = build(desk)
    path = sqlite_file(desk)
    assert raw_hits(path, markers)  # the scan can see them: otherwise the test proves nothing
    erasure, rid = erase(desk, cid)
    result = erasure.execute(login(desk, "agent"), rid)
    assert result.status == "erased" and result.run_state == "done"
    assert result.residue is not None and result.residue.clean and result.residue.markers > 20
    assert raw_hits(path, markers) == []
    with desk.db.transaction() as s:
        assert s.execute(select(ErasureRun.purge_markers)).scalar_one() is None
        letters = " ".join(lt.body for lt in s.execute(select(RequestLetter)).scalars())
        assert BASE not in letters and "[slettet]" in letters
        kept = s.execute(select(MarketingSuppression)).scalar_one()
        assert kept.customer_id is None and len(kept.contact_hash or "") == 64
        assert desk.audit.verify(s).ok


def test_a_reader_holding_the_wal_leaves_the_purge_pending_until_it_is_gone(desk: DeskContext) -> None:
    cid, markers = build(desk)
    path = sqlite_file(desk)
    erasure, rid = erase(desk, cid)
    reader = sqlite3.connect(path)
    try:
        reader.execute("BEGIN")
        assert reader.execute("SELECT count(*) FROM customer").fetchone()[0] == 1  # an open read snapshot
        result = erasure.execute(login(desk, "agent"), rid)
        assert result.status == "purge_pending" and result.run_state != "done"
        assert result.residue is not None and result.residue.checkpoint_busy
        assert raw_hits(path, markers)  # really still there: "erased" would have been a lie
        assert [r.status for r in erasure.complete_pending_purges()] == ["purge_pending"]
    finally:
        reader.rollback()
        reader.close()
    done = erasure.complete_pending_purges()
    assert [r.status for r in done] == ["erased"]
    assert done[0].residue is not None and done[0].residue.clean
    assert raw_hits(path, markers) == []
    assert erasure.complete_pending_purges() == []
    with desk.db.transaction() as s:
        run = s.execute(select(ErasureRun)).scalar_one()
        assert run.state == "done" and run.purge_attempts == 3 and run.purge_markers is None
        assert desk.audit.verify(s).ok


def test_values_another_person_still_has_are_not_residue(desk: DeskContext, people: dict[str, int]) -> None:
    """Two people share a street and template texts; erasing one must not wait forever on the other."""
    add_history(desk, people["Ødegård"], held=False)
    add_history(desk, people["Sæther"], held=False)
    erasure, rid = erase_person(desk, people["Ødegård"])
    result = erasure.execute(login(desk, "agent"), rid)
    assert result.status == "erased" and result.residue is not None and result.residue.found == 0
    # Still in the file, as Sæther's own live values (the same template texts): not residue.
    shared = [b"kari.odegard@example.com", b"SECRET-FRAUD-NOTE", b"Storgata 1"]
    assert raw_hits(sqlite_file(desk), shared) == shared
    with desk.db.transaction() as s:
        assert s.get(Customer, people["Sæther"]) is not None
        assert s.execute(select(Delivery.street).where(Delivery.customer_id == people["Sæther"])).scalar() \
            == "Storgata 1"


def erase_person(desk: DeskContext, cid: int) -> tuple[ErasureService, int]:
    accounts = AccountService(desk)
    agent, boss = accounts.login("agent", "demo"), accounts.login("supervisor", "demo")
    requests = RequestService(desk, clock=lambda: NOW)
    erasure = ErasureService(desk, clock=lambda: NOW)
    rid = requests.file(agent, "erasure", cid, channel="email").id
    requests.verify_identity(agent, rid, note="code")
    plan = erasure.make_plan(agent, rid)
    erasure.approve(boss, rid, "demo", plan.fingerprint)
    return erasure, rid
