"""Swedish from the service layer: the profile's tables, retention sentences, erasure reasons and letter.

The Qt catalogues translate the interface; these texts are written by the services, so a Swedish
agent (or a Swedish customer's letter) would otherwise show English in the middle of Swedish.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from desktop.demo.generator import generate_demo_data
from desktop.domain.erasure import (
    _KEEP_TEXT,
    _PART_LABELS,
    _REASON_WORDS,
    KeepReason,
    PlanDecision,
    PlanItem,
    RecordFacts,
    plan_erasure,
)
from desktop.domain.retention import (
    _ANCHOR_PAST,
    _ANCHOR_PENDING,
    ANCHORS,
    LANGUAGES,
    LAW_NO_BOOKKEEPING,
    LAW_SE_BOOKKEEPING,
    RETENTION_WORDS,
    bookkeeping_hold,
    consumer_complaint_hold,
    decide,
    fraud_hold,
    retention_due,
)
from desktop.domain.roles import Actor
from desktop.models import Customer, Order, RequestLetter
from desktop.services.context import DeskContext
from desktop.services.erasure.service import _COMPLETION
from desktop.services.profile import _VALUES, LANGS, SPECS, Column, ProfileService, _Fmt, lang_index
from desktop.services.register_copy import RegisterCopyService
from desktop.services.registry import purposes_for
from desktop.services.verification import FileSmsGateway, SmtpMailer, VerificationService
from tests.helpers.desks import login
from tests.helpers.records import add_history
from tests.unit.test_erasure import filed, services

T0 = datetime(2026, 4, 10, 12, 0)
NBSP = "\u00a0"


@dataclass(frozen=True)
class Rule:
    anchor: str
    after_months: int = 0
    minimum_days: int = 0
    minimum_months: int = 0


@pytest.fixture
def verifier(desk: DeskContext, tmp_path: Path) -> VerificationService:
    mailer = SmtpMailer("127.0.0.1", 9, starttls=False, ssl=False, username=None, password=None, sender="a@b.se")
    return VerificationService(desk, mailer=mailer, sms=FileSmsGateway(tmp_path / "sms"), clock=lambda: T0)


def verified_contact(verifier: VerificationService, agent: Actor, customer_id: int) -> int:
    c = verifier.start_contact(agent, customer_id, "phone")
    verifier.verify_electronic_id(agent, c.contact_id, "BankID", "tx-0009876")
    return int(c.contact_id)


# --- the profile ------------------------------------------------------------------------------------


def test_a_demo_customers_profile_in_swedish(desk: DeskContext, agent: Actor, verifier: VerificationService) -> None:
    generate_demo_data(desk, customers=12, seed=4)
    with desk.db.transaction() as s:
        swedes = s.execute(select(Customer.id).where(Customer.country == "SE")).scalars().all()
        cid, order = next(
            (c, o) for c in swedes
            for o in s.execute(select(Order).where(Order.customer_id == c, Order.completed_at.is_not(None))
                               .order_by(Order.ordered_at.desc(), Order.id.desc())).scalars()
        )
        ordered, total, currency, status = order.ordered_at, order.total_minor, order.currency, order.status
    contact = verified_contact(verifier, agent, cid)
    profiles = ProfileService(desk, clock=lambda: T0, lang="sv", tz=UTC)
    header = profiles.open_profile(agent, cid, contact)
    assert header.purposes[0].title == "Beställning / köp"
    group = profiles.open_group(agent, cid, "purchase", contact)
    tables = {t.record_kind: t for t in group.tables}
    assert tables["order"].title == "Beställning"
    orders = tables["order"]
    assert [c.label("sv") for c in orders.columns] == [
        "Ordernummer", "Beställd", "Genomförd", "Status", "Kanal", "Butik", "Belopp"]
    row = next(r for r in orders.rows if r.values[0] == order.order_number)
    assert row.values[1] == ordered.strftime("%Y-%m-%d %H:%M")  # ISO, as Swedish readers write dates
    assert row.values[3] == {"completed": "genomförd", "returned": "returnerad", "cancelled": "avbruten"}[status]
    assert row.values[4] in ("webb", "butik", "telefon")
    assert currency == "SEK"
    whole, cents = divmod(total, 100)
    assert row.values[6] == f"{whole:,}".replace(",", NBSP) + f",{cents:02d} kr"
    assert re.fullmatch(r"sparas till \d{4}-\d{2}-\d{2}: 36 månader efter att köpet genomfördes", row.retention)
    # Nothing English left in what the table shows.
    shown = " ".join([c.label("sv") for t in group.tables for c in t.columns] + [row.retention, *row.values])
    for english in ("Order number", "completed", "kept until", "months", "SEK", "web"):
        assert not re.search(rf"\b{english}\b", shown), english


def test_swedish_values_dates_money_and_yes_no(desk: DeskContext, people: dict[str, int], agent: Actor,
                                               verifier: VerificationService) -> None:
    cid = people["Lindström"]
    with desk.db.transaction() as s:
        s.add_all([
            Order(customer_id=cid, order_number="TP-3000001", ordered_at=datetime(2026, 3, 25, 9, 5),
                  completed_at=datetime(2026, 3, 31, 10), status="completed", channel="web", total_minor=599000,
                  currency="SEK", purposes=purposes_for(desk.policy, "order"), collected_at=datetime(2026, 3, 25),
                  source="data_subject"),
            Order(customer_id=cid, order_number="TP-3000002", ordered_at=datetime(2026, 4, 8, 9),
                  status="open", channel="store", total_minor=123456789, currency="NOK",
                  purposes=purposes_for(desk.policy, "order"), collected_at=datetime(2026, 4, 8),
                  source="data_subject"),
        ])
    contact = verified_contact(verifier, agent, cid)
    profiles = ProfileService(desk, clock=lambda: T0, lang="sv", tz=UTC)
    orders = {t.record_kind: t for t in profiles.open_group(agent, cid, "purchase", contact).tables}["order"]
    done, pending = (next(r for r in orders.rows if r.values[0] == n) for n in ("TP-3000001", "TP-3000002"))
    assert done.values[1:] == ("2026-03-25 09:05", "2026-03-31 10:00", "genomförd", "webb", "", "5\u00a0990,00 kr")
    assert done.retention == "sparas till 2029-03-31: 36 månader efter att köpet genomfördes"
    # Norwegian kroner are named by their code: "kr" would read as Swedish kronor.
    assert pending.values[3:] == ("öppen", "butik", "", "1\u00a0234\u00a0567,89 NOK")
    assert pending.retention == "sparas tills köpet är genomfört, och därefter i 36 månader"
    fmt = _Fmt("sv", UTC)
    assert (fmt.yes(True), fmt.yes(False), fmt.yes(None)) == ("ja", "nej", "")
    assert (fmt.d(date(2026, 1, 2)), fmt.money(-150, "SEK"), fmt.money(None)) == ("2026-01-02", "-1,50 kr", "")
    # The register copy writes the same labels and values as the screen: one rule for both.
    copy = RegisterCopyService(desk, clock=lambda: T0, tz=UTC).collect(agent, cid, lang="sv", today=T0.date())
    table = next(t for p in copy.purposes for t in p.tables if t.record_kind == "order")
    assert table.columns == ("Ordernummer", "Beställd", "Genomförd", "Status", "Kanal", "Butik", "Belopp")
    cells = {r.cells[0]: r.cells for r in table.rows}
    assert cells["TP-3000001"] == done.values and cells["TP-3000002"] == pending.values


def test_bokmal_and_english_formats_are_unchanged() -> None:
    nb, en = _Fmt("nb", UTC), _Fmt("en", UTC)
    at = datetime(2026, 3, 25, 9, 5)
    assert (nb.dt(at), nb.money(599000, "NOK"), nb.money(599000, "SEK"), nb.code("web"), nb.yes(False)) == (
        "25.03.2026 09:05", "5\u00a0990,00 kr", "5\u00a0990,00 SEK", "nett", "nei")
    assert (en.dt(at), en.money(599000, "NOK"), en.code("web"), en.yes(True)) == (
        "2026-03-25 09:05", "NOK 5,990.00", "web", "yes")
    assert (lang_index("nb"), lang_index("no-NO"), lang_index("en"), lang_index("sv-SE"), lang_index("de")) == (
        0, 0, 1, 2, 1)
    column = Column("total", ("Beløp", "Amount", "Belopp"))
    assert (column.label("nb"), column.label("en"), column.label("sv"), column.label("no-NO"), column.label("de")) == (
        "Beløp", "Amount", "Belopp", "Beløp", "Amount")


# --- completeness: a new label without Swedish fails here -------------------------------------------


def test_every_column_and_value_has_all_languages() -> None:
    assert LANGS == ("nb", "en", "sv")
    for kind, spec in SPECS.items():
        for col in spec.columns:
            assert len(col.labels) == len(LANGS) and all(t.strip() for t in col.labels), (kind, col.key)
    for code, words in _VALUES.items():
        assert len(words) == len(LANGS) and all(w.strip() for w in words), code


def test_every_retention_and_erasure_text_has_swedish() -> None:
    assert "sv" in LANGUAGES
    for table in (_ANCHOR_PAST, _ANCHOR_PENDING):
        assert set(table) == set(LANGUAGES)
        for lang in LANGUAGES:
            assert set(table[lang]) == ANCHORS, lang
    assert set(RETENTION_WORDS) == set(LANGUAGES)
    for words in (_REASON_WORDS, _PART_LABELS, _KEEP_TEXT, _COMPLETION):
        assert set(words) == set(LANGUAGES)
        assert all(set(words[lang]) == set(words["nb"]) for lang in LANGUAGES)  # type: ignore[index]
    assert set(_KEEP_TEXT["sv"]) == set(KeepReason)
    holds = [bookkeeping_hold(date(2025, 3, 1), LAW_NO_BOOKKEEPING),
             bookkeeping_hold(date(2025, 3, 1), LAW_NO_BOOKKEEPING, primary=False),
             bookkeeping_hold(date(2025, 3, 1), LAW_SE_BOOKKEEPING), consumer_complaint_hold(date(2025, 3, 1)),
             fraud_hold(date(2025, 3, 1))]
    for hold in holds:
        assert hold.label_sv and hold.reason_sv and hold.label("sv") == hold.label_sv, hold.law
    # The recorded hold the planner builds itself.
    facts = RecordFacts(kind="order", record_id=1, purposes=("purchase",), collected=date(2025, 3, 1),
                        legal_hold_until=date(2030, 1, 1))
    plan = plan_erasure([facts], today=date(2026, 1, 1), bookkeeping_law=LAW_NO_BOOKKEEPING, purpose=None,
                        rules={"purchase": Rule("purchase_completed", 36)})
    item = plan.items[0]
    assert item.holds and all(h.label_sv for h in item.holds)
    assert item.reason("sv") == "begränsas och sparas till 2030-01-01 på grund av Registrerad lagringsskyldighet"


# --- retention sentences ----------------------------------------------------------------------------


@pytest.mark.parametrize(("rule", "anchor_date", "expected"), [
    (Rule("purchase_completed", 36), date(2026, 3, 31),
     "sparas till 2029-03-31: 36 månader efter att köpet genomfördes"),
    (Rule("purchase_completed", 36), None, "sparas tills köpet är genomfört, och därefter i 36 månader"),
    (Rule("case_closed", 1), date(2026, 3, 31), "sparas till 2026-04-30: 1 månad efter att ärendet avslutades"),
    (Rule("case_closed"), date(2027, 3, 5), "sparas till 2027-03-05: då ärendet avslutades"),
    (Rule("case_closed", minimum_days=30), None, "sparas tills ärendet är avslutat, minst till 2026-12-01"),
    (Rule("case_closed", minimum_days=30), date(2026, 11, 3),
     "sparas till 2026-12-01: minst 30 dagar efter att uppgifterna samlades in"),
    (Rule("collected", minimum_months=1), None, "sparas till 2026-12-01: minst 1 månad efter att uppgifterna "
                                                "samlades in"),
    (Rule("membership_ended"), None, "sparas tills medlemskapet avslutas"),
])
def test_retention_sentences_in_swedish(rule: Rule, anchor_date: date | None, expected: str) -> None:
    due = retention_due(rule, collected=date(2026, 11, 1), anchor_date=anchor_date)
    assert due.describe("sv") == expected


def test_an_erasure_decision_and_plan_reasons_in_swedish() -> None:
    hold = bookkeeping_hold(date(2024, 5, 1), LAW_SE_BOOKKEEPING)
    retention = retention_due(Rule("purchase_completed", 36), collected=date(2024, 5, 1),
                              anchor_date=date(2024, 5, 1))
    kept = decide(date(2026, 1, 1), retention, [hold])
    assert kept.describe("sv") == "begränsas och sparas till 2031-12-31 på grund av Bokföringslagen (7 kap. 2 §)"
    assert decide(date(2040, 1, 1), retention, [hold]).describe("sv") == "raderas nu"
    restricted = PlanItem(kind="customer", record_id=1, decision=PlanDecision.RESTRICT, purposes=("purchase",),
                          holds=(hold,), until=hold.until, erase_parts=("contact", "national_id"))
    assert restricted.reason("sv") == ("begränsas och sparas till 2031-12-31 på grund av Bokföringslagen "
                                       "(7 kap. 2 §); e-post och telefon och personnummer raderas nu")
    waiting = PlanItem(kind="order", record_id=2, decision=PlanDecision.KEEP, purposes=("purchase",),
                       keep_reason=KeepReason.NOT_DUE, due=date(2029, 5, 1))
    assert waiting.reason("sv") == "behålls: lagringstiden enligt integritetspolicyn har inte löpt ut (till 2029-05-01)"
    # Bokmål and English stay as they were.
    assert restricted.reason("nb").endswith("; e-post og telefon og fødselsnummer slettes nå")
    assert waiting.reason("en") == "kept: the privacy policy's retention period has not ended (until 2029-05-01)"


# --- the erasure completion letter ------------------------------------------------------------------


def test_a_swedish_customers_erasure_completion_letter_is_swedish(desk: DeskContext, people: dict[str, int]) -> None:
    cid = people["Lindström"]
    add_history(desk, cid)
    agent, boss = login(desk, "agent"), login(desk, "supervisor")
    _, erasure = services(desk)
    rid = filed(desk, agent, cid)
    erasure.approve(boss, rid, "demo", erasure.get_plan(agent, rid).fingerprint)
    assert erasure.execute(agent, rid).status == "erased"
    with desk.db.transaction() as s:
        letters = s.execute(select(RequestLetter).where(RequestLetter.request_id == rid,
                                                        RequestLetter.kind == "completion")).scalars().all()
    assert [lt.lang for lt in letters] == ["sv"]
    body = letters[0].body
    assert "Vi har raderat dina personuppgifter (" in body
    assert "Vissa uppgifter måste vi behålla eftersom lagen kräver det." in body
    # The shop's (Norwegian) bookkeeping law keeps the invoices: named and dated in Swedish.
    assert ("- Betalning: begränsas och sparas till 2030-12-31 på grund av Norska bokföringslagen "
            "(bokføringsloven § 13, primärdokumentation)\n") in body
    assert "; e-post och telefon och personnummer raderas nu" in body
    assert "Följande mottagare har underrättats: " in body
    for english in ("We have erased", "restricted and kept", "These recipients", "erased now"):
        assert english not in body


def test_a_norwegian_customers_completion_letter_is_unchanged(desk: DeskContext, people: dict[str, int]) -> None:
    cid = people["Ødegård"]
    add_history(desk, cid)
    agent, boss = login(desk, "agent"), login(desk, "supervisor")
    _, erasure = services(desk)
    rid = filed(desk, agent, cid)
    erasure.approve(boss, rid, "demo", erasure.get_plan(agent, rid).fingerprint)
    erasure.execute(agent, rid)
    with desk.db.transaction() as s:
        letter = s.execute(select(RequestLetter).where(RequestLetter.request_id == rid,
                                                       RequestLetter.kind == "completion")).scalar_one()
    assert letter.lang == "nb"
    assert "Vi har slettet opplysningene dine (" in letter.body
    assert "begrenses og lagres til 31.12.2030 på grunn av Bokføringsloven § 13 (primærdokumentasjon)" in letter.body
    assert "Disse mottakerne er varslet: " in letter.body
