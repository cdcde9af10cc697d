"""The profile by purpose: need-to-know gating, records with retention, reveal, and what each view logs."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, func, select

from desktop.domain.roles import Actor
from desktop.errors import AuthenticationFailed, InvalidInput, PermissionDenied
from desktop.models import (
    AccessLogEntry,
    CaseMessage,
    CompetitionEntry,
    ContactMessage,
    CreditCheck,
    Customer,
    Delivery,
    Favourite,
    FraudSignal,
    ItEnvironment,
    JobApplication,
    MarketingConsent,
    Membership,
    Order,
    OrderLine,
    Payment,
    ServiceCase,
)
from desktop.security.crypto import decrypt
from desktop.services.context import DeskContext
from desktop.services.profile import NeedToKnow, ProfileService
from desktop.services.registry import purposes_for
from desktop.services.verification import FileSmsGateway, SmtpMailer, VerificationService
from tests.helpers.clock import Clock

T0 = datetime(2026, 4, 10, 12, 0)


@pytest.fixture
def clock() -> Clock:
    return Clock(T0)


@pytest.fixture
def verifier(desk: DeskContext, clock: Clock, tmp_path: Path) -> VerificationService:
    mailer = SmtpMailer("127.0.0.1", 9, starttls=False, ssl=False, username=None, password=None, sender="a@b.no")
    return VerificationService(desk, mailer=mailer, sms=FileSmsGateway(tmp_path / "sms"), clock=clock)


@pytest.fixture
def profiles(desk: DeskContext, clock: Clock) -> ProfileService:
    return ProfileService(desk, clock=clock, tz=UTC)


def _rec(desk: DeskContext, kind: str, at: datetime, **extra: Any) -> dict[str, Any]:
    return {"purposes": purposes_for(desk.policy, kind), "collected_at": at, "source": "data_subject", **extra}


@pytest.fixture
def record(desk: DeskContext, people: dict[str, int]) -> int:
    """Ola Nordmann with at least one record of every kind; returns what the tests look up."""
    cid = people["Nordmann"]
    with desk.db.transaction() as s:
        done = Order(customer_id=cid, order_number="TP-2000001", ordered_at=datetime(2026, 3, 25, 9),
                     completed_at=datetime(2026, 3, 31, 10), status="completed", total_minor=129900,
                     legal_hold_until=date(2031, 12, 31), **_rec(desk, "order", datetime(2026, 3, 25, 9)))
        pending = Order(customer_id=cid, order_number="TP-2000002", ordered_at=datetime(2026, 4, 8, 9),
                        status="open", total_minor=49900, **_rec(desk, "order", datetime(2026, 4, 8, 9)))
        cancelled = Order(customer_id=cid, order_number="TP-2000003", ordered_at=datetime(2025, 6, 1, 9),
                          status="cancelled", total_minor=10000, **_rec(desk, "order", datetime(2025, 6, 1, 9)))
        s.add_all([done, pending, cancelled])
        s.flush()
        s.add_all([
            OrderLine(order_id=done.id, sku="A1", product_name="Kaffetrakter", quantity=1, unit_price_minor=129900,
                      **_rec(desk, "order_line", datetime(2026, 3, 25, 9))),
            OrderLine(order_id=pending.id, sku="B2", product_name="Kabel", quantity=2, unit_price_minor=24950,
                      **_rec(desk, "order_line", datetime(2026, 4, 8, 9))),
            Delivery(order_id=done.id, customer_id=cid, carrier="Posten", tracking_number="70123",
                     recipient_name="Ola Nordmann", street="Kirkegata 5", postcode="4006", city="Stavanger",
                     shipped_at=datetime(2026, 3, 26, 8), delivered_at=datetime(2026, 3, 28, 12),
                     **_rec(desk, "delivery", datetime(2026, 3, 25, 9))),
            Payment(order_id=done.id, customer_id=cid, method="card", provider="Nets", amount_minor=129900,
                    paid_at=datetime(2026, 3, 25, 9), card_last4="4821",
                    **_rec(desk, "payment", datetime(2026, 3, 25, 9))),
            CreditCheck(customer_id=cid, order_id=None, provider="Qliro", bureau="UC",
                        checked_at=datetime(2026, 1, 3, 9), outcome="approved", requested_method="invoice",
                        **_rec(desk, "credit_check", datetime(2026, 1, 3, 9), source="credit_bureaus")),
            FraudSignal(customer_id=cid, detected_at=datetime(2026, 2, 10, 8), kind="login_attempts",
                        description="Many failed logins", severity="medium",
                        **_rec(desk, "fraud_signal", datetime(2026, 2, 10, 8))),
            ItEnvironment(customer_id=cid, seen_at=datetime(2026, 2, 10, 8), ip_address="192.0.2.10",
                          user_agent="Firefox", **_rec(desk, "it_environment", datetime(2026, 2, 10, 8))),
            CompetitionEntry(customer_id=cid, competition="Påskekonkurranse", kind="competition",
                             entered_at=datetime(2026, 3, 1, 9), ends_at=datetime(2026, 4, 1, 0),
                             **_rec(desk, "competition_entry", datetime(2026, 3, 1, 9))),
            JobApplication(customer_id=cid, position="Selger", submitted_at=datetime(2026, 1, 15, 9),
                           status="received", **_rec(desk, "job_application", datetime(2026, 1, 15, 9))),
            ContactMessage(customer_id=cid, channel="email", received_at=datetime(2026, 2, 1, 9),
                           from_address="ola.nordmann@example.com", subject="Spørsmål", body="Hei",
                           closed_at=datetime(2026, 2, 2, 9), restricted=True,
                           **_rec(desk, "contact_message", datetime(2026, 2, 1, 9))),
            MarketingConsent(customer_id=cid, channel="email", granted=True, changed_at=datetime(2025, 5, 5, 5),
                             how="checkout", **_rec(desk, "marketing_consent", datetime(2025, 5, 5, 5))),
        ])
        case = ServiceCase(customer_id=cid, case_number="CS-1", channel="phone", subject="Levering",
                           opened_at=datetime(2026, 1, 20, 9), closed_at=datetime(2026, 2, 1, 9), status="closed",
                           **_rec(desk, "service_case", datetime(2026, 1, 20, 9)))
        member = Membership(customer_id=cid, username="olan", password_hash="$argon2id$secret-hash",
                            joined_at=datetime(2024, 1, 1), **_rec(desk, "membership", datetime(2024, 1, 1)))
        s.add_all([case, member])
        s.flush()
        s.add_all([
            CaseMessage(case_id=case.id, customer_id=cid, direction="in", sent_at=datetime(2026, 1, 20, 9),
                        author="Ola", body="Pakken kom ikke", **_rec(desk, "case_message", datetime(2026, 1, 20, 9))),
            Favourite(membership_id=member.id, customer_id=cid, product_name="TV", sku="TV1",
                      added_at=datetime(2025, 1, 1), **_rec(desk, "favourite", datetime(2025, 1, 1))),
        ])
    return cid


def entries(desk: DeskContext) -> Counter[tuple[str, str]]:
    with desk.db.transaction() as s:
        return Counter((e.action, e.data) for e in s.execute(select(AccessLogEntry)).scalars())


def diff(before: Counter[tuple[str, str]], after: Counter[tuple[str, str]]) -> Counter[tuple[str, str]]:
    return after - before


def verified_contact(verifier: VerificationService, agent: Actor, customer_id: int) -> int:
    c = verifier.start_contact(agent, customer_id, "phone")
    verifier.verify_electronic_id(agent, c.contact_id, "BankID", "tx-0001234")
    return int(c.contact_id)


# --- the header -------------------------------------------------------------------------------------


def test_header_shows_finding_data_and_purposes_with_counts(desk: DeskContext, record: int, agent: Actor,
                                                            verifier: VerificationService,
                                                            profiles: ProfileService) -> None:
    c = verifier.start_contact(agent, record, "phone")
    before = entries(desk)
    header = profiles.open_profile(agent, record, c.contact_id)
    assert diff(before, entries(desk)) == Counter({("open", "profile"): 1})
    assert header.name == "Ola Nordmann" and header.masked_email == "o***@e***.com"
    assert header.masked_phone.endswith("001") and "40000001" not in header.masked_phone
    assert header.masked_national_id.endswith("*****") and not header.restricted
    assert header.verification is not None and not header.may_see_more
    assert [p.number for p in header.purposes] == list(range(1, 9))
    purchase = header.purposes[0]
    assert (purchase.key, purchase.title, purchase.legal_basis_article) == ("purchase", "Bestilling / kjøp", "6(1)(b)")
    assert "Qliro" in purchase.recipients and purchase.retention.startswith("Til kjøpet er fullført")
    # Every record counts once in each purpose it serves, per the record's own purposes column.
    kinds = Counter({"customer": 1, "address": 1, "order": 3, "order_line": 2, "delivery": 1, "payment": 1,
                     "credit_check": 1, "fraud_signal": 1, "it_environment": 1, "competition_entry": 1,
                     "job_application": 1, "contact_message": 1, "marketing_consent": 1, "service_case": 1,
                     "membership": 1, "case_message": 1, "favourite": 1})
    for p in header.purposes:
        expected = sum(n for kind, n in kinds.items() if p.key in desk.policy.record_kind(kind).purposes)
        assert p.record_count == expected, p.key
    assert header.total_records == sum(p.record_count for p in header.purposes)


def test_header_without_a_contact_and_in_english(desk: DeskContext, record: int, agent: Actor, clock: Clock) -> None:
    header = ProfileService(desk, clock=clock, lang="en").open_profile(agent, record, None)
    assert header.verification is None and not header.may_see_more
    assert header.purposes[0].title == "Order / purchase"
    assert header.purposes[0].legal_basis == "Performance of a contract"


def test_header_reads_counts_not_rows(desk: DeskContext, people: dict[str, int], agent: Actor,
                                      profiles: ProfileService) -> None:
    """Opening costs the same statements for 3 records as for 600: counts, never row loads."""
    def add(cid: int, n: int) -> None:
        with desk.db.transaction() as s:
            for i in range(n):
                at = datetime(2025, 1, 1) + timedelta(hours=i)
                s.add(Order(customer_id=cid, order_number=f"TP-{3000000 + cid * 10000 + i}", ordered_at=at,
                            status="completed", completed_at=at, total_minor=100, **_rec(desk, "order", at)))
                s.add(ItEnvironment(customer_id=cid, seen_at=at, ip_address="192.0.2.1", user_agent="x",
                                    **_rec(desk, "it_environment", at)))

    add(people["Åsen"], 3)
    add(people["Sæther"], 300)
    statements: list[str] = []

    def spy(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        statements.append(statement)

    event.listen(desk.db.engine, "before_cursor_execute", spy)
    try:
        small = profiles.open_profile(agent, people["Åsen"], None)
        n_small = len(statements)
        statements.clear()
        big = profiles.open_profile(agent, people["Sæther"], None)
    finally:
        event.remove(desk.db.engine, "before_cursor_execute", spy)
    assert len(statements) == n_small
    assert big.purposes[0].record_count > 600 > small.purposes[0].record_count
    assert all("it_environment" not in st or "count(" in st.lower() for st in statements)


# --- need to know -----------------------------------------------------------------------------------


def test_group_is_refused_before_verification_and_the_refusal_logged(desk: DeskContext, record: int, agent: Actor,
                                                                     verifier: VerificationService,
                                                                     profiles: ProfileService) -> None:
    c = verifier.start_contact(agent, record, "phone")
    before = entries(desk)
    with pytest.raises(NeedToKnow) as exc:
        profiles.open_group(agent, record, "purchase", c.contact_id)
    assert isinstance(exc.value, PermissionDenied) and "Bekreft" in exc.value.message_nb
    with pytest.raises(NeedToKnow):
        profiles.fetch_rows(agent, record, "purchase", "order", c.contact_id, offset=0, limit=10)
    assert diff(before, entries(desk)) == Counter({("refused", "purpose:purchase"): 2})


def test_group_after_verification(desk: DeskContext, record: int, agent: Actor, verifier: VerificationService,
                                  profiles: ProfileService) -> None:
    contact = verified_contact(verifier, agent, record)
    before = entries(desk)
    group = profiles.open_group(agent, record, "purchase", contact)
    assert diff(before, entries(desk)) == Counter({("view", "purpose:purchase"): 1})
    with desk.db.transaction() as s:
        last = s.execute(select(AccessLogEntry).order_by(AccessLogEntry.seq.desc()).limit(1)).scalar_one()
    assert (last.purpose, last.customer_id) == ("purchase", record)

    assert (group.title, group.legal_basis_article) == ("Bestilling / kjøp", "6(1)(b)")
    assert "Qliro" in group.recipients and group.sources[0] == "Deg selv" and len(group.sources) == 3
    assert group.purpose and group.processing and "Navn" in group.categories
    tables = {t.record_kind: t for t in group.tables}
    assert list(tables) == ["customer", "address", "order", "order_line", "delivery", "payment", "credit_check",
                            "it_environment"]
    orders = tables["order"]
    assert orders.total == 3 and not orders.has_more
    assert [c.label("nb") for c in orders.columns][:3] == ["Ordrenummer", "Bestilt", "Fullført"]
    assert orders.columns[0].label("en") == "Order number"
    by_number = {r.values[0]: r for r in orders.rows}
    assert [r.values[0] for r in orders.rows] == ["TP-2000002", "TP-2000001", "TP-2000003"]  # newest first
    done = by_number["TP-2000001"]
    assert done.values[1] == "25.03.2026 09:00" and done.values[6] == "1\u00a0299,00 kr"
    assert done.retention == "lagres til 31.03.2029: 36 måneder etter at kjøpet ble fullført"
    assert done.retention_due == date(2029, 3, 31) and done.legal_hold_until == date(2031, 12, 31)
    assert done.source == "Deg selv" and done.collected_at == datetime(2026, 3, 25, 9)
    assert by_number["TP-2000002"].retention == "lagres til kjøpet er fullført, og deretter i 36 måneder"
    assert by_number["TP-2000003"].retention.startswith("lagres til 01.06.2028")  # cancelled: from the order
    assert tables["payment"].rows[0].values[5] == "•••• 4821"
    assert tables["order_line"].rows[-1].retention.startswith("lagres til 31.03.2029")  # via its order
    credit = tables["credit_check"].rows[0]
    assert credit.source == "Kredittopplysningsbyråer og banker"
    # No order of its own: the customer's purchases decide, and one is still open.
    assert credit.retention.startswith("lagres til kjøpet er fullført")


def test_other_groups_use_their_own_anchors(desk: DeskContext, record: int, agent: Actor, verifier: VerificationService,
                                            profiles: ProfileService) -> None:
    contact = verified_contact(verifier, agent, record)
    service = {t.record_kind: t for t in profiles.open_group(agent, record, "customer_service", contact).tables}
    case = service["service_case"].rows[0]
    assert case.retention == "lagres til 19.02.2026: minst 30 dager etter at opplysningene ble samlet inn"
    assert service["case_message"].rows[0].retention == case.retention  # via its case
    contact_message = service["contact_message"].rows[0]
    assert contact_message.restricted and contact_message.values[3] == "ola.nordmann@example.com"
    fraud = profiles.open_group(agent, record, "fraud", contact)
    assert fraud.tables[0].rows[0].retention == (
        "lagres til 10.02.2029: 36 måneder etter at opplysningene ble samlet inn")
    member = {t.record_kind: t for t in profiles.open_group(agent, record, "membership", contact).tables}
    assert member["membership"].rows[0].retention == "lagres til medlemskapet avsluttes"
    assert all("argon2" not in v for v in member["membership"].rows[0].values)  # never the password hash
    assert member["favourite"].rows[0].retention == "lagres til medlemskapet avsluttes"
    jobs = profiles.open_group(agent, record, "job_application", contact)
    assert "rekrutteringsprosessen er avsluttet" in jobs.tables[-1].rows[0].retention
    english = ProfileService(desk, clock=profiles.clock, lang="en", tz=UTC)
    rows = {t.record_kind: t for t in english.open_group(agent, record, "purchase", contact).tables}["order"].rows
    assert "kept until 2029-03-31: 36 months after the purchase was completed" in [r.retention for r in rows]


def test_group_after_a_recorded_reason(desk: DeskContext, record: int, agent: Actor, verifier: VerificationService,
                                       profiles: ProfileService) -> None:
    c = verifier.start_contact(agent, record, "phone")
    verifier.record_access_reason(agent, c.contact_id, "Intern bedrageri-kontroll")
    before = entries(desk)
    group = profiles.open_group(agent, record, "fraud", c.contact_id)
    assert group.record_count == 2  # the fraud signal and the IT environment record
    assert diff(before, entries(desk)) == Counter({("view", "purpose:fraud"): 1})


def test_pages_are_logged_as_pages_of_the_group(desk: DeskContext, record: int, agent: Actor,
                                                verifier: VerificationService, clock: Clock) -> None:
    profiles = ProfileService(desk, clock=clock, tz=UTC, page_size=2)
    contact = verified_contact(verifier, agent, record)
    orders = {t.record_kind: t for t in profiles.open_group(agent, record, "purchase", contact).tables}["order"]
    assert len(orders.rows) == 2 and orders.has_more
    before = entries(desk)
    rest = profiles.fetch_rows(agent, record, "purchase", "order", contact, offset=2, limit=2)
    assert [r.values[0] for r in rest] == ["TP-2000003"]
    assert diff(before, entries(desk)) == Counter({("view", "purpose:purchase"): 1})
    with desk.db.transaction() as s:
        detail = s.execute(select(AccessLogEntry.detail).order_by(AccessLogEntry.seq.desc()).limit(1)).scalar_one()
    assert detail is not None and "order rows 3-3" in detail
    for bad in ({"offset": -1, "limit": 2}, {"offset": 0, "limit": 0}):
        with pytest.raises(InvalidInput):
            profiles.fetch_rows(agent, record, "purchase", "order", contact, **bad)
    with pytest.raises(InvalidInput):
        profiles.fetch_rows(agent, record, "purchase", "spaceship", contact, offset=0)
    with pytest.raises(InvalidInput):
        profiles.open_group(agent, record, "astrology", contact)


def test_need_to_know_ends_with_the_verification(desk: DeskContext, record: int, agent: Actor,
                                                 verifier: VerificationService, profiles: ProfileService,
                                                 clock: Clock) -> None:
    contact = verified_contact(verifier, agent, record)
    profiles.open_group(agent, record, "contact", contact)
    clock.now += timedelta(minutes=31)
    with pytest.raises(NeedToKnow):
        profiles.open_group(agent, record, "contact", contact)
    other = verified_contact(verifier, agent, record)
    verifier.end_contact(agent, other)
    with pytest.raises(NeedToKnow):
        profiles.open_group(agent, record, "contact", other)


def test_a_contact_is_for_one_customer(desk: DeskContext, record: int, people: dict[str, int], agent: Actor,
                                       verifier: VerificationService, profiles: ProfileService) -> None:
    someone_else = verified_contact(verifier, agent, people["Sæther"])
    with pytest.raises(InvalidInput, match="another customer"):
        profiles.open_group(agent, record, "purchase", someone_else)
    with pytest.raises(InvalidInput, match="another customer"):
        profiles.open_profile(agent, record, someone_else)


# --- the identity number in full --------------------------------------------------------------------


def test_reveal_needs_a_reason_and_the_password_and_is_logged(desk: DeskContext, people: dict[str, int], agent: Actor,
                                                              profiles: ProfileService) -> None:
    cid = people["Sæther"]
    with desk.db.transaction() as s:
        c = s.get_one(Customer, cid)
        assert c.nid_encrypted is not None and c.nid_masked is not None
        number, masked = decrypt(desk.keys.nid_enc, c.nid_encrypted), c.nid_masked
    before = entries(desk)
    with pytest.raises(InvalidInput):
        profiles.reveal_national_id(agent, cid, None, "  ", "demo")
    assert diff(before, entries(desk)) == Counter()
    with pytest.raises(AuthenticationFailed):
        profiles.reveal_national_id(agent, cid, None, "Kunden ba om det", "wrong")
    assert diff(before, entries(desk)) == Counter({("refused", "national_id"): 1})
    revealed = profiles.reveal_national_id(agent, cid, None, "Kunden ba om det", "demo")
    assert revealed.formatted == f"{number[:6]} {number[6:]}" and revealed.hide_after_seconds == 30
    assert revealed.country == "NO"
    assert diff(before, entries(desk)) == Counter({("refused", "national_id"): 1, ("reveal", "national_id"): 1})
    with desk.db.transaction() as s:
        entry = s.execute(select(AccessLogEntry).where(AccessLogEntry.action == "reveal")).scalar_one()
        blob = " ".join(str(v) for v in (entry.detail, entry.reason, entry.data))
    assert entry.reason == "Kunden ba om det" and masked in blob and number not in blob.replace(" ", "")
    with desk.db.transaction() as s:
        assert s.execute(select(func.count()).select_from(AccessLogEntry)
                         .where(AccessLogEntry.detail.contains(number[6:]))).scalar_one() == 0


def test_reveal_swedish_number(desk: DeskContext, people: dict[str, int], agent: Actor,
                               profiles: ProfileService) -> None:
    revealed = profiles.reveal_national_id(agent, people["Lindström"], None, "Identifisering", "demo")
    assert revealed.country == "SE" and revealed.formatted[8] == "-" and len(revealed.formatted) == 13
