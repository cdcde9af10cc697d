"""The erasure steps the retention job shares: plan and apply for many people in one session."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Any, cast

from sqlalchemy import (
    ColumnElement,
    Table,
    select,
)
from sqlalchemy.orm import Session

from desktop.domain.erasure import (
    PERSON_KIND,
    DueCalculator,
    PlanDecision,
    PlanItem,
    plan_retention,
)
from desktop.domain.requests import OPEN_STATES
from desktop.models import (
    Customer,
    DsrRequest,
)
from desktop.services.context import DeskContext
from desktop.services.erasure.apply import Applied, apply_items, scrub_texts
from desktop.services.erasure.facts import RECORD_TABLES, load_people


def process_people(ctx: DeskContext, s: Session, customer_ids: Sequence[int], *, today: date,
                   calculator: DueCalculator, now: datetime, dry_run: bool, scope: str = "retention",
                   lo: int | None = None, hi: int | None = None) -> Applied:
    """Retention decisions for these people, applied set-based in the caller's transaction.

    People with an open request are left alone. When a person's row (or name) goes, the values of
    their old requests' letters and notices that quote them go too.
    """
    if lo is not None and hi is not None:
        def where(col: ColumnElement[Any]) -> ColumnElement[bool]:
            return (col > lo) & (col <= hi)
    else:
        ids = list(customer_ids)

        def where(col: ColumnElement[Any]) -> ColumnElement[bool]:
            return col.in_(ids)
    people = load_people(s, where, content=False)
    requests = cast(Table, DsrRequest.__table__)
    open_ids = set(s.execute(select(requests.c.customer_id).where(
        where(requests.c.customer_id), requests.c.state.in_([st.value for st in OPEN_STATES]))).scalars())
    law = ctx.policy.company.bookkeeping_law
    items: list[PlanItem] = []
    for cid, facts in people.facts.items():
        if scope == "held" and not any(f.legal_hold_until is not None and f.legal_hold_until < today for f in facts):
            continue
        if cid in open_ids:
            continue  # an open request: nothing changes until it is answered
        items.extend(plan_retention(facts, today=today, bookkeeping_law=law, calculator=calculator,
                                    held_only=scope == "held", changes_only=True))
    current = {f.key: f for facts in people.facts.values() for f in facts}

    def changes(i: PlanItem) -> bool:
        if i.decision is PlanDecision.KEEP:
            return False
        if i.decision is PlanDecision.RESTRICT and not i.erase_parts:
            f = current[i.key]
            return not (f.restricted and f.legal_hold_until == i.until)
        return True

    changing = [i for i in items if changes(i)]
    if not dry_run:
        gone_people = sorted({i.record_id for i in changing if i.kind == PERSON_KIND
                              and (i.decision is PlanDecision.ERASE or "identity" in i.erase_parts)})
        if gone_people:
            _scrub_old_requests(s, gone_people)
    return apply_items(s, changing, people.order_links, now=now, dry_run=dry_run)


def _scrub_old_requests(s: Session, customer_ids: Sequence[int]) -> None:
    """Before a person's row or name goes, take their values out of their answered requests' texts."""
    with_requests = sorted({cid for cid in s.execute(select(DsrRequest.customer_id).where(
        DsrRequest.customer_id.in_(customer_ids))).scalars() if cid is not None})
    for cid in with_requests:
        row = s.execute(select(Customer.first_name, Customer.last_name, Customer.email, Customer.phone,
                               Customer.phone_e164).where(Customer.id == cid)).one_or_none()
        if row is None:
            continue
        values: set[str | bytes] = {v for v in row if v}
        values.add(f"{row.first_name} {row.last_name}".strip())
        t = RECORD_TABLES["address"]
        values.update(v for v in s.execute(select(t.c.street).where(t.c.customer_id == cid)).scalars() if v)
        request_ids = list(s.execute(select(DsrRequest.id).where(DsrRequest.customer_id == cid)).scalars())
        scrub_texts(s, request_ids, values)
