"""Kept-until is the truth: replaying the retention job day by day erases each record the day after
the date `domain.kept_until` gives it (the date the profile and the register copy show)."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

from sqlalchemy import select

from desktop.domain.erasure import DueCalculator, PlanDecision, RecordFacts, plan_retention, record_holds
from desktop.domain.kept_until import KeptUntil, kept_until
from desktop.domain.retention import LAW_NO_BOOKKEEPING, LAW_SE_BOOKKEEPING, RetentionRuleLike
from desktop.models import Customer
from desktop.services.erasure.facts import load_people, retention_rules


def simulate(records: Sequence[RecordFacts], *, law: str, calc: DueCalculator,
             parts: dict[str, date] | None = None) -> dict[tuple[str, int], date]:
    """The last day each record exists, running `plan_retention` on every day anything can change;
    `parts` collects the last day of each part of the person's row blanked before the row goes."""
    alive = {r.key: r for r in records}
    last: dict[tuple[str, int], date] = {}
    blanked = parts if parts is not None else {}
    dues = {k: v for k, v in _dues(records, calc).items()}
    days: set[date] = set()
    for r in records:
        due = dues.get(r.key)
        if due is not None:
            days.add(due + timedelta(days=1))
        for h in record_holds(r, law):
            days.add(h.until + timedelta(days=1))
    done: set[date] = set()
    while True:
        pending = sorted(d for d in days if d not in done)
        if not pending or not alive:
            break
        day = pending[0]
        done.add(day)
        items = plan_retention(list(alive.values()), today=day, bookkeeping_law=law, calculator=calc,
                               changes_only=True)
        for item in items:
            if item.decision is PlanDecision.ERASE:
                last[item.key] = day - timedelta(days=1)
                del alive[item.key]
            elif item.decision is PlanDecision.RESTRICT:
                before = alive[item.key]
                for part in item.erase_parts:
                    blanked.setdefault(part, day - timedelta(days=1))
                alive[item.key] = dataclasses.replace(
                    before, restricted=True, legal_hold_until=item.until,
                    parts={k: v for k, v in before.parts.items() if k not in item.erase_parts})
                assert item.until is not None
                days.add(item.until + timedelta(days=1))
    return last


def _dues(records: Sequence[RecordFacts], calc: DueCalculator) -> dict[tuple[str, int], date | None]:
    from desktop.domain.erasure import policy_dues

    return policy_dues(records, calc)


def _people(desk: Any) -> dict[int, list[RecordFacts]]:
    with desk.db.transaction() as s:
        ids = list(s.execute(select(Customer.id)).scalars())
        return load_people(s, lambda c: c.in_(ids), content=False).facts


def _check(people: dict[int, list[RecordFacts]], rules: dict[str, RetentionRuleLike], law: str) -> tuple[int, int]:
    calc = DueCalculator(rules)
    compared = pending = 0
    parts_compared = [0]
    for records in people.values():
        truth = kept_until(records, calculator=calc, bookkeeping_law=law)
        blanked: dict[str, date] = {}
        replay = simulate(records, law=law, calc=calc, parts=blanked)
        person = next(r for r in records if r.kind == "customer")
        if truth[person.key].until is not None:
            assert dict(truth[person.key].parts_until) == {
                part: day for part, day in blanked.items() if day < truth[person.key].until  # type: ignore[operator]
            }, (truth[person.key], blanked)
            parts_compared[0] += 1
        for r in records:
            k: KeptUntil = truth[r.key]
            if k.until is None:
                # Pending or an opt-out: the replay (which knows only dates) never erases it.
                assert r.key not in replay, (r.kind, r.record_id, k, replay.get(r.key))
                pending += 1
                continue
            assert replay.get(r.key) == k.until, (r.kind, r.record_id, k, replay.get(r.key))
            compared += 1
    assert parts_compared[0] > 0
    return compared, pending


def test_kept_until_agrees_with_the_retention_job_replayed(desk: Any) -> None:
    from desktop.demo.generator import generate_demo_data

    generate_demo_data(desk, customers=40, seed=11)
    people = _people(desk)
    rules = retention_rules(desk)
    compared, pending = _check(people, rules, LAW_NO_BOOKKEEPING)
    # Swedish bookkeeping keeps longer: the same people, the other law, the same agreement.
    compared_se, _ = _check(people, rules, LAW_SE_BOOKKEEPING)
    assert compared > 300 and compared_se == compared
    assert pending > 0


def test_an_order_is_kept_to_the_end_of_the_bookkeeping_hold_not_the_policy_date(desk: Any) -> None:
    rules = retention_rules(desk)
    calc = DueCalculator(rules)
    from desktop.domain.erasure import PERSON_PARTS

    person = RecordFacts(kind="customer", record_id=1, purposes=("purchase",), collected=date(2026, 3, 1),
                         anchors={"purchase_completed": date(2026, 9, 12)}, parts=PERSON_PARTS)
    order = RecordFacts(kind="order", record_id=7, purposes=("purchase", "legal_obligations"),
                        collected=date(2026, 3, 15), anchors={"purchase_completed": date(2026, 9, 12)},
                        parents=(("customer", 1),), document_date=date(2026, 3, 15))
    line = RecordFacts(kind="order_line", record_id=9, purposes=("purchase",), collected=date(2026, 3, 15),
                       anchors={"purchase_completed": date(2026, 9, 12)}, parents=(("order", 7), ("customer", 1)),
                       document_date=date(2026, 3, 15))
    result = kept_until([person, order, line], calculator=calc, bookkeeping_law=LAW_NO_BOOKKEEPING)
    kept = result[("order", 7)]
    assert kept.policy_due == date(2029, 9, 12)
    assert kept.until == date(2031, 12, 31)
    assert kept.describe("nb").startswith("31.12.2031: Bokføringsloven § 13 (primærdokumentasjon)")
    assert "12.09.2029" in kept.describe("nb")
    assert kept.describe("en").startswith("2031-12-31: Norwegian Bookkeeping Act § 13")
    assert kept.describe("sv").startswith("2031-12-31: Norska bokföringslagen")
    # The person's row goes with the last record that needs it; the parts no law keeps go earlier.
    row = result[("customer", 1)]
    assert row.until == date(2031, 12, 31)
    assert row.parts_until == (("contact", date(2029, 9, 12)), ("national_id", date(2029, 9, 12)))
    assert row.describe("nb").endswith("; går tidligere: e-post og telefon / fødselsnummer: 12.09.2029")
    blanked: dict[str, date] = {}
    simulate([person, order, line], law=LAW_NO_BOOKKEEPING, calc=calc, parts=blanked)
    assert blanked == {"contact": date(2029, 9, 12), "national_id": date(2029, 9, 12)}
    se = kept_until([person, order, line], calculator=calc, bookkeeping_law=LAW_SE_BOOKKEEPING)
    assert se[("order", 7)].until == date(2033, 12, 31)
    assert simulate([person, order, line], law=LAW_NO_BOOKKEEPING, calc=calc)[("order", 7)] == date(2031, 12, 31)


def test_pending_and_opt_out_say_so(desk: Any) -> None:
    calc = DueCalculator(retention_rules(desk))
    open_order = RecordFacts(kind="order", record_id=3, purposes=("purchase",), collected=date(2026, 10, 1),
                             anchors={"purchase_completed": None}, document_date=date(2026, 10, 1))
    opt_out = dataclasses.replace(open_order, kind="marketing_suppression", record_id=4, document_date=None,
                                  purposes=("legal_obligations",),
                                  keep_always=__import__("desktop.domain.erasure", fromlist=["KeepReason"])
                                  .KeepReason.SUPPRESSION)
    result = kept_until([open_order, opt_out], calculator=calc, bookkeeping_law=LAW_NO_BOOKKEEPING)
    assert result[("order", 3)].until is None
    assert result[("order", 3)].describe("nb") == ("til kjøpet er fullført, og deretter i lagringstiden; minst til "
                                                   "31.12.2031: Bokføringsloven § 13 (primærdokumentasjon) (5 år "
                                                   "etter utløpet av regnskapsåret som endte 31.12.2026)")
    assert "opt-out" in result[("marketing_suppression", 4)].describe("en")
