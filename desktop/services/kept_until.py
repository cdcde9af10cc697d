"""How long the desk keeps each of one person's records: read the facts, ask `domain.kept_until`.

The profile and the register copy both call `kept_for_customer`, in the transaction that reads
the records, so the screen and the letter give the same date and the same law (Art. 15(1)(d)).
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from desktop.domain.erasure import DueCalculator
from desktop.domain.kept_until import KeptUntil, kept_until
from desktop.services.context import DeskContext
from desktop.services.erasure.facts import load_people, retention_rules

__all__ = ["KeptUntil", "kept_for_customer"]


def kept_for_customer(ctx: DeskContext, s: Session, customer_id: int) -> dict[tuple[str, int], KeptUntil]:
    """(record kind, id) -> the last day kept and why, for every record of one person."""
    people = load_people(s, lambda column: column == customer_id, content=False)
    return kept_until(people.facts.get(customer_id, []), calculator=DueCalculator(retention_rules(ctx)),
                      bookkeeping_law=ctx.policy.company.bookkeeping_law)
