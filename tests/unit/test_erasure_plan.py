"""The erasure plan (pure rules): holds per docs/rules.md#r-holds, dependencies, grouping, the fingerprint."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from desktop.domain.erasure import (
    PERSON_PARTS,
    DueCalculator,
    ErasurePlan,
    KeepReason,
    PlanDecision,
    RecordFacts,
    group_by_purpose,
    plan_erasure,
    plan_retention,
)
from desktop.domain.fraud import LAW_FRAUD_PENDING, FraudWeighing, InvalidWeighing, WeighingOutcome
from desktop.domain.retention import (
    BOOKKEEPING_LAWS,
    LAW_CONSUMER_PURCHASES,
    LAW_FRAUD_POLICY,
    LAW_NO_BOOKKEEPING,
    LAW_SE_BOOKKEEPING,
)
from desktop.policy import load_policy

POLICY = load_policy()
RULES = {p.key: p.retention for p in POLICY.purposes}
TODAY = date(2026, 11, 28)
PURCHASE = ("purchase", "legal_obligations", "customer_service", "membership")


def person(cid: int = 1, **kw: object) -> RecordFacts:
    return RecordFacts(kind="customer", record_id=cid, purposes=tuple(POLICY.record_kind("customer").purposes),
                       collected=date(2020, 1, 1), parts=PERSON_PARTS, content_hash="c", **kw)  # type: ignore[arg-type]


def order(oid: int, ordered: date, *, delivered: date | None = None, cid: int = 1, **kw: object) -> RecordFacts:
    return RecordFacts(kind="order", record_id=oid, purposes=PURCHASE, collected=ordered,
                       anchors={"purchase_completed": ordered}, parents=(("customer", cid),), document_date=ordered,
                       delivered=delivered, content_hash=f"o{oid}", **kw)  # type: ignore[arg-type]


def line(lid: int, oid: int, ordered: date) -> RecordFacts:
    return RecordFacts(kind="order_line", record_id=lid, purposes=PURCHASE, collected=ordered,
                       anchors={"purchase_completed": ordered}, parents=(("order", oid), ("customer", 1)),
                       document_date=ordered, content_hash=f"l{lid}")


def message(mid: int, closed: date, text_hash: str = "m") -> RecordFacts:
    return RecordFacts(kind="contact_message", record_id=mid, purposes=("contact", "customer_service"),
                       collected=closed, anchors={"case_closed": closed}, parents=(("customer", 1),),
                       content_hash=text_hash)


def fraud(fid: int, detected: date) -> RecordFacts:
    return RecordFacts(kind="fraud_signal", record_id=fid, purposes=("fraud",), collected=detected,
                       parents=(("customer", 1),), fraud_collected=detected, content_hash=f"f{fid}")


def plan(records: list[RecordFacts], *, today: date = TODAY, law: str = LAW_NO_BOOKKEEPING,
         purpose: str | None = None, weighing: FraudWeighing | None = None) -> ErasurePlan:
    return plan_erasure(records, today=today, bookkeeping_law=law, purpose=purpose, rules=RULES,
                        fraud_weighing=weighing)


def weighed(outcome: WeighingOutcome) -> FraudWeighing:
    return FraudWeighing(outcome=outcome, reasons="Card testing from this account in 2025; the bank asked us to "
                         "keep it.", decided_by="supervisor", decided_at=datetime(2026, 11, 27, 14))


# --- docs/rules.md#r-holds --------------------------------------------------------------------------


def test_norwegian_invoice_of_2026_03_15_is_held_until_2031_12_31() -> None:
    p = plan([person(), order(10, date(2026, 3, 15))])
    item = p.item("order", 10)
    assert item.decision is PlanDecision.RESTRICT and item.until == date(2031, 12, 31)
    assert LAW_NO_BOOKKEEPING in item.laws
    assert "Bokføringsloven § 13 (primærdokumentasjon)" in item.reason("nb")


def test_swedish_law_holds_the_same_invoice_until_2033_12_31() -> None:
    item = plan([person(), order(10, date(2026, 3, 15))], law=LAW_SE_BOOKKEEPING).item("order", 10)
    assert item.until == date(2033, 12, 31) and item.laws == (LAW_SE_BOOKKEEPING,)


def test_secondary_documentation_is_held_three_and_a_half_years() -> None:
    delivery = RecordFacts(kind="delivery", record_id=5, purposes=("purchase", "legal_obligations"),
                           collected=date(2026, 3, 15), parents=(("customer", 1),), document_date=date(2026, 3, 15),
                           primary_document=False, content_hash="d")
    assert plan([person(), delivery]).item("delivery", 5).until == date(2030, 6, 30)


def test_consumer_complaint_hold_runs_two_years_from_delivery_five_for_long_lived_goods() -> None:
    def held(long_lived: bool) -> date | None:
        case = RecordFacts(kind="warranty_case", record_id=3, purposes=("purchase",), collected=date(2019, 1, 1),
                           parents=(("customer", 1),), delivered=date(2026, 3, 20), long_lived=long_lived)
        item = plan([person(), case]).item("warranty_case", 3)
        assert item.laws == (LAW_CONSUMER_PURCHASES,)
        return item.until

    assert held(False) == date(2028, 3, 20)
    assert held(True) == date(2031, 3, 20)


def test_fraud_records_wait_for_a_supervisor_and_are_never_kept_automatically() -> None:
    # docs/rules.md#r-fraud: the shop's own purpose, not an Art. 17(3) exemption.
    pending = plan([person(), fraud(7, date(2025, 1, 10))])
    item = pending.item("fraud_signal", 7)
    assert item.decision is PlanDecision.RESTRICT and item.until == date(2028, 1, 10)
    assert item.laws == (LAW_FRAUD_PENDING,) and pending.awaits_weighing
    assert "på grunn av ventende avveining av leder" in item.reason("nb")
    assert "because of a supervisor's pending weighing" in item.reason("en")
    assert "på grund av chefens väntande avvägning" in item.reason("sv")
    kept = plan([person(), fraud(7, date(2025, 1, 10))], weighing=weighed(WeighingOutcome.KEEP))
    item = kept.item("fraud_signal", 7)
    assert item.decision is PlanDecision.RESTRICT and item.until == date(2028, 1, 10)  # 36 months, no more
    assert item.laws == (LAW_FRAUD_POLICY,) and not kept.awaits_weighing
    assert "27.11.2026" in item.reason("nb") and "art. 21 nr. 1" in item.reason("nb")
    erased = plan([person(), fraud(7, date(2025, 1, 10))], weighing=weighed(WeighingOutcome.ERASE))
    assert erased.item("fraud_signal", 7).decision is PlanDecision.ERASE and not erased.awaits_weighing
    assert len({pending.fingerprint, kept.fingerprint, erased.fingerprint}) == 3
    # Past the policy's 36 months there is nothing to weigh: the record goes.
    old = plan([person(), fraud(7, date(2022, 1, 10))])
    assert old.item("fraud_signal", 7).decision is PlanDecision.ERASE and not old.awaits_weighing


def test_a_weighing_needs_reasons_someone_can_check() -> None:
    for reasons in ("", "   ", "keep"):
        with pytest.raises(InvalidWeighing):
            FraudWeighing(outcome=WeighingOutcome.KEEP, reasons=reasons, decided_by="s",
                          decided_at=datetime(2026, 11, 27))


def test_the_retention_job_keeps_fraud_records_the_policys_36_months() -> None:
    items = plan_retention([person(), fraud(7, date(2025, 1, 10))], today=TODAY, bookkeeping_law=LAW_NO_BOOKKEEPING,
                           calculator=DueCalculator(RULES))
    assert all(i.decision is PlanDecision.KEEP for i in items)


def test_a_hold_covers_its_last_day_and_ends_the_day_after() -> None:
    records = [person(), order(10, date(2020, 6, 1))]  # held until 2025-12-31
    assert plan(records, today=date(2025, 12, 31)).item("order", 10).decision is PlanDecision.RESTRICT
    assert plan(records, today=date(2026, 1, 1)).item("order", 10).decision is PlanDecision.ERASE


def test_a_recorded_hold_never_shrinks_silently() -> None:
    litigated = RecordFacts(kind="service_case", record_id=4, purposes=("customer_service",),
                            collected=date(2020, 1, 1), parents=(("customer", 1),),
                            legal_hold_until=date(2027, 6, 30))
    item = plan([person(), litigated]).item("service_case", 4)
    assert item.decision is PlanDecision.RESTRICT and item.until == date(2027, 6, 30)


# --- what depends on what -----------------------------------------------------------------------------


def test_nothing_held_erases_everything_including_the_person() -> None:
    p = plan([person(), message(1, date(2024, 1, 1)), fraud(2, date(2020, 1, 1))])
    assert {i.decision for i in p.items} == {PlanDecision.ERASE}
    assert set(p.item("customer", 1).erase_parts) == set(PERSON_PARTS)
    assert not p.nothing_erasable and p.restrict_until is None


def test_held_invoices_keep_the_buyers_name_and_drop_contact_and_identity_number() -> None:
    p = plan([person(), order(10, date(2026, 3, 15)), message(1, date(2024, 1, 1))])
    me = p.item("customer", 1)
    assert me.decision is PlanDecision.RESTRICT and me.until == date(2031, 12, 31)
    assert me.keep_parts == ("identity",) and me.erase_parts == ("contact", "national_id")
    assert p.item("contact_message", 1).decision is PlanDecision.ERASE
    assert "e-post og telefon og fødselsnummer slettes nå" in me.reason("nb")


def test_a_fraud_hold_keeps_the_identity_number_but_not_the_name() -> None:
    for weighing in (None, weighed(WeighingOutcome.KEEP)):
        me = plan([person(), fraud(7, date(2025, 1, 10))], weighing=weighing).item("customer", 1)
        assert me.decision is PlanDecision.RESTRICT
        assert me.keep_parts == ("national_id",) and me.erase_parts == ("contact", "identity")
    me = plan([person(), fraud(7, date(2025, 1, 10))], weighing=weighed(WeighingOutcome.ERASE)).item("customer", 1)
    assert me.decision is PlanDecision.ERASE


def test_a_held_line_keeps_its_order_and_the_order_keeps_the_person() -> None:
    old, new = date(2019, 5, 1), date(2026, 3, 15)
    records = [person(), order(10, old), line(100, 10, new)]  # odd but possible: a line re-dated
    p = plan(records)
    assert p.item("order_line", 100).decision is PlanDecision.RESTRICT
    assert p.item("order", 10).decision is PlanDecision.RESTRICT
    assert p.item("order", 10).until == date(2031, 12, 31)
    assert p.item("customer", 1).until == date(2031, 12, 31)


def test_a_billing_address_goes_with_the_invoices_other_addresses_do_not() -> None:
    billing = RecordFacts(kind="address", record_id=8, purposes=("purchase",), collected=date(2020, 1, 1),
                          parents=(("customer", 1),), inherit_laws=frozenset(BOOKKEEPING_LAWS))
    other = RecordFacts(kind="address", record_id=9, purposes=("purchase",), collected=date(2020, 1, 1),
                        parents=(("customer", 1),))
    p = plan([person(), order(10, date(2026, 3, 15)), billing, other])
    assert p.item("address", 8).decision is PlanDecision.RESTRICT
    assert p.item("address", 8).until == date(2031, 12, 31)
    assert p.item("address", 9).decision is PlanDecision.ERASE


def test_a_marketing_suppression_stays_so_the_person_is_not_contacted_again() -> None:
    suppression = RecordFacts(kind="marketing_suppression", record_id=3, purposes=("legal_obligations",),
                              collected=date(2024, 1, 1), keep_always=KeepReason.SUPPRESSION)
    p = plan([person(), suppression])
    item = p.item("marketing_suppression", 3)
    assert item.decision is PlanDecision.KEEP and item.keep_reason is KeepReason.SUPPRESSION
    assert p.item("customer", 1).decision is PlanDecision.ERASE  # the suppression does not need the row


def test_everything_held_means_nothing_erasable() -> None:
    bare = RecordFacts(kind="customer", record_id=1, purposes=("purchase",), collected=date(2020, 1, 1),
                       parts={"identity": PERSON_PARTS["identity"]})
    p = plan([bare, order(10, date(2026, 3, 15))])
    assert p.nothing_erasable and p.restrict_until == date(2031, 12, 31)


def test_one_purpose_only_erases_what_serves_that_purpose_alone() -> None:
    entry = RecordFacts(kind="competition_entry", record_id=2, purposes=("competitions",), collected=date(2025, 1, 1),
                        parents=(("customer", 1),))
    p = plan([person(), entry, message(1, date(2024, 1, 1))], purpose="competitions")
    assert p.item("competition_entry", 2).decision is PlanDecision.ERASE
    assert p.item("customer", 1).keep_reason is KeepReason.OTHER_PURPOSES
    assert p.item("contact_message", 1).decision is PlanDecision.KEEP
    assert p.purpose == "competitions"


def test_bad_input_is_refused() -> None:
    with pytest.raises(ValueError, match="bookkeeping law"):
        plan([person()], law="dk-bogforingsloven")
    with pytest.raises(ValueError, match="only once"):
        plan([person(), person()])


# --- grouping and the fingerprint -------------------------------------------------------------------


def test_grouping_by_purpose_lists_each_record_under_every_purpose_it_serves() -> None:
    p = plan([person(), order(10, date(2026, 3, 15)), message(1, date(2024, 1, 1))])
    groups = {g.purpose: g for g in group_by_purpose(p.items, [x.key for x in POLICY.purposes])}
    assert list(groups)[:2] == ["purchase", "legal_obligations"]  # policy order
    contact = groups["contact"]
    assert [(ln.kind, ln.count) for ln in contact.erase] == [("contact_message", 1)]
    assert [ln.kind for ln in contact.restrict] == ["customer"]
    purchase = groups["purchase"]
    assert {ln.kind for ln in purchase.restrict} == {"customer", "order"}
    assert all(ln.reason_nb.startswith("begrenses og lagres til 31.12.2031") for ln in purchase.restrict)
    assert all(ln.reason_en.startswith("restricted and kept until 2031-12-31") for ln in purchase.restrict)
    assert "contact_message" not in {ln.kind for g in groups.values() if g.purpose == "purchase" for ln in g.erase}


def test_fingerprint_is_stable_and_does_not_depend_on_the_day() -> None:
    records = [person(), order(10, date(2026, 3, 15)), message(1, date(2024, 1, 1))]
    a = plan(records)
    b = plan(list(reversed(records)), today=date(2026, 11, 29))
    assert a.fingerprint == b.fingerprint and len(a.fingerprint) == 64


def test_fingerprint_changes_when_data_changes() -> None:
    base = [person(), order(10, date(2026, 3, 15)), message(1, date(2024, 1, 1))]
    fp = plan(base).fingerprint
    assert plan([person(), order(10, date(2026, 3, 15)), message(1, date(2024, 1, 1), "edited")]).fingerprint != fp
    assert plan([*base, message(2, date(2024, 2, 1))]).fingerprint != fp
    assert plan(base, purpose="contact").fingerprint != fp
    # A hold that ends changes a decision, so the plan must be made again.
    assert plan(base, today=date(2032, 1, 1)).fingerprint != fp


def test_the_stored_plan_has_ids_and_decisions_but_no_values() -> None:
    p = plan([person(), order(10, date(2026, 3, 15))])
    text = p.to_json()
    assert '"k":"order"' in text and '"d":"restrict"' in text and p.fingerprint in text
    assert "content_hash" not in text and '"o10"' not in text


# --- the retention job's decisions ----------------------------------------------------------------


def test_retention_erases_only_what_the_policy_no_longer_keeps() -> None:
    calc = DueCalculator(RULES)
    records = [person(), message(1, date(2026, 9, 1)), message(2, date(2026, 11, 1)),
               order(10, date(2019, 5, 1)), order(11, date(2026, 3, 15))]
    items = {i.key: i for i in plan_retention(records, today=TODAY, bookkeeping_law=LAW_NO_BOOKKEEPING,
                                              calculator=calc)}
    assert items[("contact_message", 1)].decision is PlanDecision.ERASE  # closed + 30 days passed
    assert items[("contact_message", 2)].keep_reason is KeepReason.NOT_DUE
    assert items[("order", 10)].decision is PlanDecision.ERASE  # 36 months and the 5-year hold are over
    assert items[("order", 11)].keep_reason is KeepReason.NOT_DUE
    assert items[("customer", 1)].decision is PlanDecision.KEEP


def test_retention_restricts_what_a_law_still_keeps_and_releases_it_when_the_hold_ends() -> None:
    calc = DueCalculator(RULES)
    old = order(10, date(2022, 6, 1))  # policy: until 2025-06-01; bookkeeping: until 2027-12-31
    items = plan_retention([person(), old], today=TODAY, bookkeeping_law=LAW_NO_BOOKKEEPING, calculator=calc)
    held = next(i for i in items if i.kind == "order")
    assert held.decision is PlanDecision.RESTRICT and held.until == date(2027, 12, 31)
    stored = order(10, date(2022, 6, 1), restricted=True, legal_hold_until=date(2027, 12, 31))
    later = plan_retention([person(), stored], today=date(2028, 1, 1), bookkeeping_law=LAW_NO_BOOKKEEPING,
                           calculator=calc)
    assert next(i for i in later if i.kind == "order").decision is PlanDecision.ERASE


def test_retention_leaves_a_person_with_an_open_request_alone() -> None:
    items = plan_retention([person(), order(10, date(2019, 5, 1))], today=TODAY,
                           bookkeeping_law=LAW_NO_BOOKKEEPING, calculator=DueCalculator(RULES), open_request=True)
    assert {i.keep_reason for i in items} == {KeepReason.OPEN_REQUEST}


def test_a_pending_anchor_keeps_the_record() -> None:
    open_order = RecordFacts(kind="order", record_id=10, purposes=PURCHASE, collected=date(2015, 1, 1),
                             anchors={"purchase_completed": None}, parents=(("customer", 1),))
    calc = DueCalculator(RULES)
    assert calc.due(open_order) is None
    items = plan_retention([person(), open_order], today=TODAY, bookkeeping_law=LAW_NO_BOOKKEEPING, calculator=calc)
    assert all(i.decision is PlanDecision.KEEP for i in items)


def test_the_fast_due_date_agrees_with_retention_due() -> None:
    import random

    from desktop.domain.retention import retention_due

    rng = random.Random(7)
    calc = DueCalculator(RULES)
    for _ in range(3000):
        purpose = rng.choice(list(RULES))
        collected = date(2018, 1, 1) + timedelta(days=rng.randrange(3000))
        anchor = None if rng.random() < 0.1 else collected + timedelta(days=rng.randrange(900))
        rule = RULES[purpose]
        facts = RecordFacts(kind="x", record_id=1, purposes=(purpose,), collected=collected,
                            anchors={rule.anchor: anchor})
        expected = retention_due(rule, collected=collected, anchor_date=anchor).due
        assert calc.due(facts) == expected, (purpose, collected, anchor)
