"""Identity questions: the people a sync would not merge on its own, and an agent's decision on each.

A sync that finds a source row's identity keys pointing at more than one person (two shop accounts
with one e-mail; an e-mail that is one person's and a phone that is another's) makes a separate
person and lists the question. The agent decides: "separate" (they are different people) or
"merge" into one of the candidates, which moves every record and provenance link of the separate
person to the chosen one. Listing the questions shows personal data and is logged; each decision is
an access-log entry with the reason.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import Table, delete, select, update
from sqlalchemy.exc import IntegrityError

from desktop.domain.contact import mask_email
from desktop.domain.roles import Actor, Permission
from desktop.errors import DeskError, NotFound, PermissionDenied
from desktop.models import RECORD_MODELS, Customer, SearchToken
from desktop.models.sources import SourceConflict, SourceRecord
from desktop.services.context import DeskContext

__all__ = ["IdentityQuestion", "IdentityService", "Person"]


@dataclass(frozen=True)
class Person:
    customer_id: int
    customer_number: str
    name: str
    masked_email: str


@dataclass(frozen=True)
class IdentityQuestion:
    id: int
    system: str
    mapping: str
    source_key: str
    reason: str
    matched_by: str
    made: Person | None
    candidates: tuple[Person, ...]


def _person(c: Customer) -> Person:
    return Person(c.id, c.customer_number, c.full_name, mask_email(c.email) if c.email else "")


class IdentityService:
    def __init__(self, ctx: DeskContext) -> None:
        self.ctx = ctx

    def _require(self, actor: Actor) -> None:
        if not actor.can(Permission.OPEN_CUSTOMER):
            raise PermissionDenied("Your role may not open customers.", "Rollen din kan ikke åpne kunder.")

    def open_questions(self, actor: Actor) -> list[IdentityQuestion]:
        self._require(actor)
        out: list[IdentityQuestion] = []
        with self.ctx.db.transaction() as s:
            for q in s.execute(select(SourceConflict).where(SourceConflict.resolved_at.is_(None))
                               .order_by(SourceConflict.id)).scalars():
                ids = [int(i) for i in q.candidate_ids.split(",") if i]
                people = {c.id: c for c in s.execute(select(Customer).where(
                    Customer.id.in_([*ids, *([q.customer_id] if q.customer_id else [])]))).scalars()}
                made = _person(people[q.customer_id]) if q.customer_id in people else None
                out.append(IdentityQuestion(q.id, q.system, q.mapping, q.source_key, q.reason, q.matched_by, made,
                                            tuple(_person(people[i]) for i in ids if i in people)))
            self.ctx.audit.append(s, actor, action="open", data="identity_questions",
                                  detail=f"{len(out)} open identity questions listed")
        return out

    def resolve(self, actor: Actor, question_id: int, decision: str, *, into: int | None = None,
                note: str = "") -> None:
        """Decide a question: "separate", or "merge" the person the sync made into candidate `into`."""
        self._require(actor)
        if decision not in ("separate", "merge"):
            raise DeskError("The decision is 'separate' or 'merge'.", "Avgjørelsen er 'separate' eller 'merge'.")
        if not note.strip():
            raise DeskError("Write why: the decision is logged with its reason.",
                            "Skriv hvorfor: avgjørelsen logges med begrunnelsen.")
        with self.ctx.db.transaction() as s:
            q = s.get(SourceConflict, question_id)
            if q is None or q.resolved_at is not None:
                raise NotFound(f"Identity question {question_id} is not open.",
                               f"Identitetsspørsmål {question_id} er ikke åpent.")
            made = q.customer_id
            if decision == "merge":
                candidates = {int(i) for i in q.candidate_ids.split(",") if i}
                if into not in candidates or made is None:
                    raise DeskError(f"Merge into one of the candidates: {q.candidate_ids}.",
                                    f"Slå sammen med en av kandidatene: {q.candidate_ids}.")
                self._merge(s, made, into)
            q.resolved_at = datetime.now(UTC).replace(tzinfo=None)
            q.resolved_by = actor.username
            q.decision = "merged" if decision == "merge" else "separate"
            q.note = note.strip()
            self.ctx.audit.append(
                s, actor, action="identity_decision", data="identity_question",
                customer_id=into if decision == "merge" else made, reason=note.strip(),
                detail=f"question {q.id} ({q.system} {q.mapping} {q.source_key}, {q.reason} by {q.matched_by}): "
                       + (f"merged person {made} into {into}" if decision == "merge" else "kept separate"))

    def _merge(self, s, source_id: int, target_id: int) -> None:  # type: ignore[no-untyped-def]
        from sqlalchemy import func

        from desktop.models import DsrRequest

        if s.execute(select(func.count()).select_from(DsrRequest).where(DsrRequest.customer_id == source_id)).scalar():
            raise DeskError("The person the sync made has requests of their own: finish or move those before merging.",
                            "Personen synkroniseringen laget har egne forespørsler: avslutt eller flytt dem før "
                            "sammenslåing.")
        try:
            for kind, model in RECORD_MODELS.items():
                table: Table = model.__table__  # type: ignore[attr-defined]
                if kind != "customer" and "customer_id" in table.c:
                    s.execute(update(table).where(table.c.customer_id == source_id).values(customer_id=target_id))
            s.execute(update(SourceRecord).where(SourceRecord.record_kind == "customer",
                                                 SourceRecord.record_id == source_id).values(record_id=target_id))
            s.execute(update(SourceRecord).where(SourceRecord.customer_id == source_id)
                      .values(customer_id=target_id))
            s.execute(update(SourceConflict).where(SourceConflict.customer_id == source_id)
                      .values(customer_id=target_id))
            s.execute(delete(SearchToken).where(SearchToken.customer_id == source_id))
            s.execute(delete(Customer).where(Customer.id == source_id))
            s.flush()
        except IntegrityError:
            raise DeskError(
                "These two cannot be merged automatically: both have a record that a person may have only one of "
                "(a membership, a consent per channel). Keep them separate, or end one of those first.",
                "Disse to kan ikke slås sammen automatisk: begge har en post en person bare kan ha én av "
                "(et medlemskap, et samtykke per kanal). Hold dem adskilt, eller avslutt en av dem først.") from None
