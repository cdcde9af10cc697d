"""Applying a plan's decisions set-based (delete, restrict, blank) and scrubbing erased values from texts."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, cast

from sqlalchemy import (
    CursorResult,
    LargeBinary,
    String,
    Table,
    Text,
    delete,
    false,
    func,
    or_,
    select,
    update,
)
from sqlalchemy.orm import Session

from desktop.domain.erasure import (
    PERSON_KIND,
    PERSON_PARTS,
    PlanDecision,
    PlanItem,
)
from desktop.models import (
    AccessReason,
    Base,
    Contact,
    DsrRequest,
    IdentityVerification,
    OneTimeCode,
    RecipientNotification,
    RequestEvent,
    RequestLetter,
    SearchToken,
    VerificationLockout,
)
from desktop.services.erasure.facts import BLANK, DELETE_ORDER, NOT_PERSONAL, PART_COLUMNS, RECORD_TABLES, PeopleFacts
from desktop.services.registry import name_key

_CHUNK = 900


_ERASED_TEXT = {"nb": "[slettet]", "en": "[erased]"}


@dataclass
class Applied:
    """What one application of decisions changed, per record kind and per part."""

    erased: Counter[str] = field(default_factory=Counter)
    restricted: Counter[str] = field(default_factory=Counter)
    blanked: Counter[str] = field(default_factory=Counter)
    erased_by_purpose: Counter[str] = field(default_factory=Counter)
    restricted_by_purpose: Counter[str] = field(default_factory=Counter)
    detached: int = 0
    persons_erased: int = 0

    def add(self, other: Applied) -> None:
        self.erased.update(other.erased)
        self.restricted.update(other.restricted)
        self.blanked.update(other.blanked)
        self.erased_by_purpose.update(other.erased_by_purpose)
        self.restricted_by_purpose.update(other.restricted_by_purpose)
        self.detached += other.detached
        self.persons_erased += other.persons_erased

    def as_dict(self) -> dict[str, Any]:
        return {"erased": dict(sorted(self.erased.items())), "restricted": dict(sorted(self.restricted.items())),
                "blanked": dict(sorted(self.blanked.items())),
                "erased_by_purpose": dict(sorted(self.erased_by_purpose.items())),
                "restricted_by_purpose": dict(sorted(self.restricted_by_purpose.items())),
                "detached": self.detached, "persons_erased": self.persons_erased}

    def short(self) -> str:
        def fmt(c: Counter[str]) -> str:
            return ",".join(f"{k}:{n}" for k, n in sorted(c.items()) if n) or "-"
        return f"erased={fmt(self.erased)}; restricted={fmt(self.restricted)}; blanked={fmt(self.blanked)}"


def _count(s: Session, stmt: Any) -> int:
    """Rows a bulk UPDATE or DELETE touched."""
    return int(cast(CursorResult[Any], s.execute(stmt)).rowcount)


def _bump(counter: Counter[str], key: str, n: int) -> None:
    if n:
        counter[key] += n


def chunks(ids: Sequence[int]) -> Iterator[list[int]]:
    ordered = sorted(ids)
    for i in range(0, len(ordered), _CHUNK):
        yield ordered[i:i + _CHUNK]


def apply_items(s: Session, items: Iterable[PlanItem], order_links: Mapping[tuple[str, int], int], *,
                now: datetime, dry_run: bool = False, drop_desk_rows: Iterable[int] = ()) -> Applied:
    """Carry out decisions with one statement per kind and chunk, children before parents.

    Idempotent: rows already restricted until the same day, or parts already blank, are not
    counted again, so a second run over the same data reports nothing.
    """
    done = Applied()
    erase: dict[str, list[int]] = defaultdict(list)
    restrict: dict[str, dict[date, list[int]]] = defaultdict(lambda: defaultdict(list))
    parts: dict[tuple[str, ...], list[int]] = defaultdict(list)
    kept: list[PlanItem] = []
    for i in items:
        if i.decision is PlanDecision.ERASE:
            erase[i.kind].append(i.record_id)
            done.erased_by_purpose.update(i.purposes)
        elif i.decision is PlanDecision.RESTRICT:
            assert i.until is not None
            restrict[i.kind][i.until].append(i.record_id)
            kept.append(i)
            if i.erase_parts:
                parts[i.erase_parts].append(i.record_id)
        else:
            kept.append(i)
    erased_orders = set(erase.get("order", ()))
    detach: dict[str, list[int]] = defaultdict(list)
    for i in kept:
        link = order_links.get(i.key)
        if link is not None and link in erased_orders:
            detach[i.kind].append(i.record_id)
    if dry_run:
        done.erased.update({k: len(v) for k, v in erase.items()})
        for kind, by_until in restrict.items():
            done.restricted[kind] += sum(len(v) for v in by_until.values())
        for p, ids in parts.items():
            for part in p:
                done.blanked[part] += len(ids)
        done.persons_erased = len(erase.get(PERSON_KIND, ()))
        return done

    for kind, ids in detach.items():
        t = RECORD_TABLES[kind]
        for chunk in chunks(ids):
            done.detached += _count(s, update(t).where(t.c.id.in_(chunk)).values(order_id=None))
    for kind, by_until in restrict.items():
        t = RECORD_TABLES[kind]
        for until, ids in by_until.items():
            for chunk in chunks(ids):
                _bump(done.restricted, kind, _count(s, update(t).where(
                    t.c.id.in_(chunk),
                    or_(t.c.restricted == false(), t.c.legal_hold_until.is_(None), t.c.legal_hold_until != until),
                ).values(restricted=True, legal_hold_until=until)))
    customer = RECORD_TABLES[PERSON_KIND]
    identity_gone: list[int] = []
    for part_set, ids in parts.items():
        for part in part_set:
            columns = PART_COLUMNS[part]
            values: dict[str, Any] = {c: BLANK.get(c) for c in columns}
            if part == "identity":
                values["erased_at"] = func.coalesce(customer.c.erased_at, now)
                identity_gone.extend(ids)
                filled = or_(*(customer.c[c] != "" for c in columns))
            else:
                filled = or_(*(customer.c[c].is_not(None) for c in columns))
            for chunk in chunks(ids):
                _bump(done.blanked, part, _count(
                    s, update(customer).where(customer.c.id.in_(chunk), filled).values(**values)))
    token = cast(Table, SearchToken.__table__)
    for chunk in chunks(identity_gone):
        s.execute(delete(token).where(token.c.customer_id.in_(chunk)))
    drop = sorted(set(drop_desk_rows) | set(identity_gone))
    for model in (AccessReason, OneTimeCode, VerificationLockout, IdentityVerification, Contact):
        t = cast(Table, cast(Any, model).__table__)
        for chunk in chunks(drop):
            s.execute(delete(t).where(t.c.customer_id.in_(chunk)))
    for kind in DELETE_ORDER:
        t = RECORD_TABLES[kind]
        for chunk in chunks(erase.get(kind, [])):
            _bump(done.erased, kind, _count(s, delete(t).where(t.c.id.in_(chunk))))
    done.persons_erased = done.erased.get(PERSON_KIND, 0)
    for i in kept:
        if i.decision is PlanDecision.RESTRICT:
            done.restricted_by_purpose.update(i.purposes)
    return done


def _text_columns(t: Table) -> list[str]:
    return [c.name for c in t.c if isinstance(c.type, String | Text | LargeBinary) and c.name not in NOT_PERSONAL]


def erased_values(people: PeopleFacts, items: Iterable[PlanItem]) -> tuple[dict[str | bytes, str],
                                                                             set[str | bytes]]:
    """(values leaving the database with their origin, values staying), from the rows read before."""
    gone: dict[str | bytes, str] = {}
    stay: set[str | bytes] = set()
    by_part = {c: p for p, cs in PART_COLUMNS.items() for c in cs}
    for i in items:
        row = people.rows.get(i.key)
        if row is None:
            continue
        table = RECORD_TABLES[i.kind]
        cols = _text_columns(table)
        if i.kind == PERSON_KIND:
            going_parts = set(PERSON_PARTS) if i.decision is PlanDecision.ERASE else set(i.erase_parts)
            for c in cols:
                if row[c] is None:
                    continue
                if by_part.get(c) in going_parts:
                    gone.setdefault(row[c], f"{table.name}.{c}")
                else:
                    stay.add(row[c])
            first, last = str(row["first_name"] or ""), str(row["last_name"] or "")
            derived = {f"{first} {last}".strip(): "", name_key(first, last).strip(): "search_token.name_key"}
            if "identity" in going_parts:
                for v, origin in derived.items():
                    gone.setdefault(v, origin)
            else:
                stay.update(derived)
            continue
        for c in cols:
            if row[c] is None:
                continue
            if i.decision is PlanDecision.ERASE:
                gone.setdefault(row[c], f"{table.name}.{c}")
            else:
                stay.add(row[c])
    return gone, stay


def scrub_texts(s: Session, request_ids: Sequence[int], values: Iterable[str | bytes], lang_hint: str = "nb") -> int:
    """Remove erased values from what the desk wrote about the person's requests; returns fields changed."""
    words = sorted({v for v in values if isinstance(v, str) and len(v) >= 4}, key=len, reverse=True)
    if not request_ids or not words:
        return 0
    replacement = _ERASED_TEXT.get(lang_hint, _ERASED_TEXT["nb"])

    def clean(text: str | None) -> str | None:
        if not text:
            return text
        for w in words:
            if w in text:
                text = text.replace(w, replacement)
        return text

    changed = 0
    targets: tuple[tuple[type[Base], tuple[str, ...], Any], ...] = (
        (DsrRequest, ("notes", "completion_summary", "refusal_reason", "extension_reason", "decision_grounds"),
         DsrRequest.id),
        (RequestEvent, ("note",), RequestEvent.request_id),
        (RequestLetter, ("subject", "body"), RequestLetter.request_id),
        (RecipientNotification, ("subject_nb", "body_nb", "subject_en", "body_en"), RecipientNotification.request_id),
    )
    for model, columns, key in targets:
        t = cast(Table, cast(Any, model).__table__)
        for chunk in chunks(list(request_ids)):
            for row in s.execute(select(t.c.id, *(t.c[c] for c in columns)).where(key.in_(chunk))).mappings():
                new = {c: clean(row[c]) for c in columns}
                if any(new[c] != row[c] for c in columns):
                    s.execute(update(t).where(t.c.id == row["id"]).values(**new))
                    changed += 1
    return changed
