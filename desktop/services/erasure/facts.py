"""The SQL facts an erasure plan is made from: every record of the people, with its dates and holds."""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
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
    PERSON_PARTS,
    KeepReason,
    RecordFacts,
)
from desktop.domain.retention import BOOKKEEPING_LAWS, RetentionRuleLike
from desktop.models import (
    RECORD_MODELS,
)
from desktop.services.context import DeskContext

#: The Core table of every record kind: the plan is made and applied set-based, not through the ORM.
RECORD_TABLES: dict[str, Table] = {
    kind: cast(Table, cast(Any, model).__table__) for kind, model in RECORD_MODELS.items()
}


_COMMON = ("id", "purposes", "collected_at", "restricted", "legal_hold_until")


_EXTRA: dict[str, tuple[str, ...]] = {
    "customer": (),
    "address": ("customer_id", "kind"),
    "order": ("customer_id", "ordered_at", "completed_at", "status"),
    "order_line": ("order_id",),
    "delivery": ("order_id", "customer_id", "shipped_at", "delivered_at"),
    "payment": ("order_id", "customer_id", "paid_at"),
    "credit_check": ("customer_id", "order_id"),
    "warranty_case": ("customer_id", "order_id", "closed_at"),
    "service_case": ("customer_id", "closed_at"),
    "case_message": ("case_id", "customer_id"),
    "competition_entry": ("customer_id", "ends_at"),
    "fraud_signal": ("customer_id", "order_id", "detected_at"),
    "it_environment": ("customer_id",),
    "membership": ("customer_id", "ended_at"),
    "favourite": ("membership_id", "customer_id"),
    "job_application": ("customer_id", "recruitment_closed_at"),
    "contact_message": ("customer_id", "closed_at"),
    "marketing_consent": ("customer_id",),
    "marketing_suppression": ("customer_id",),
}


#: Kinds whose link to an order may be cut (nullable foreign key) so they can outlive it.
_DETACHABLE = ("credit_check", "warranty_case", "fraud_signal")


#: Children before parents: a parent's delete would otherwise take held children with it.
DELETE_ORDER = (
    "favourite", "case_message", "order_line", "delivery", "payment", "credit_check", "warranty_case",
    "fraud_signal", "it_environment", "competition_entry", "job_application", "contact_message",
    "marketing_consent", "marketing_suppression", "address", "order", "service_case", "membership", "customer",
)


#: The person's row in parts (domain.erasure.PERSON_PARTS): the columns each part blanks.
PART_COLUMNS: dict[str, tuple[str, ...]] = {
    "identity": ("first_name", "last_name", "sort_name"),
    "contact": ("email", "email_norm", "phone", "phone_e164"),
    "national_id": ("nid_hash", "nid_masked", "nid_encrypted", "nid_country", "birth_date"),
}


BLANK: dict[str, Any] = {"first_name": "", "last_name": "", "sort_name": ""}


#: Columns that name a policy key, a code or a catalogue item, never the person: not scanned.
NOT_PERSONAL = frozenset({
    "purposes", "source", "status", "kind", "channel", "currency", "country", "language", "method", "provider",
    "carrier", "direction", "severity", "outcome", "requested_method", "bureau", "how", "nid_country",
    "customer_number", "order_number", "case_number", "sku", "product_name", "competition", "position", "platform",
    "screen", "timezone", "browser_language", "operating_system", "user_agent", "card_last4", "nid_masked",
    "password_hash", "profile_settings", "contact_hash",
})


def _d(value: date | datetime | None) -> date | None:
    if value is None:
        return None
    return value.date() if isinstance(value, datetime) else value


def _agg(values: Sequence[date | None]) -> date | None:
    """A person-level anchor: pending while any is pending, else the latest."""
    if any(v is None for v in values):
        return None
    return max(cast(Sequence[date], values))


#: A row as a plain dict (column name -> value): several times cheaper to read than SQLAlchemy's
#: RowMapping, which matters when a retention run reads every row of every person.
Row_ = dict[str, Any]


def _row_hash(row: Row_) -> str:
    def norm(v: object) -> object:
        if isinstance(v, datetime | date):
            return v.isoformat()
        if isinstance(v, bytes):
            return v.hex()
        return v
    blob = json.dumps([[k, norm(row[k])] for k in sorted(row.keys())], ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


@dataclass
class PeopleFacts:
    """Everything the rules need about a set of people, plus what the executor needs to act."""

    facts: dict[int, list[RecordFacts]] = field(default_factory=dict)
    #: (kind, id) -> order id, for the kinds whose order link can be cut.
    order_links: dict[tuple[str, int], int] = field(default_factory=dict)
    #: (kind, id) -> the full row (content mode only): values to scan for after erasure.
    rows: dict[tuple[str, int], Row_] = field(default_factory=dict)


def load_people(s: Session, where: Callable[[ColumnElement[Any]], ColumnElement[bool]], *,
                content: bool) -> PeopleFacts:
    """Facts for the people whose id satisfies `where`, one query per record kind (set-based).

    `content` reads whole rows and hashes them (for a plan's fingerprint and the residue scan);
    the retention job reads only the columns the rules need.
    """
    rows: dict[str, list[Row_]] = {}
    for kind, t in RECORD_TABLES.items():
        cols = list(t.c) if content else [t.c[c] for c in _COMMON + _EXTRA.get(kind, ()) if c in t.c]
        if kind == PERSON_KIND:
            stmt = select(*cols).where(where(t.c.id))
        elif kind == "order_line":
            o = RECORD_TABLES["order"]
            stmt = select(*cols, o.c.customer_id.label("owner_id")).join(o, o.c.id == t.c.order_id).where(
                where(o.c.customer_id))
        else:
            stmt = select(*cols).where(where(t.c.customer_id))
        result = s.execute(stmt.order_by(t.c.id))
        names = list(result.keys())
        rows[kind] = [dict(zip(names, r, strict=True)) for r in result]
    return build_facts(rows, content=content)


def _owner(kind: str, row: Row_) -> int:
    if kind == PERSON_KIND:
        return int(row["id"])
    if kind == "order_line":
        return int(row["owner_id"])
    return int(row["customer_id"])


def build_facts(rows: Mapping[str, Sequence[Row_]], *, content: bool) -> PeopleFacts:
    """Turn rows into `RecordFacts`: anchors, dependencies and holds material per record."""
    out = PeopleFacts()
    purposes_of: dict[str, tuple[str, ...]] = {}
    delivered: dict[int, date] = {}
    for r in rows.get("delivery", ()):
        when = _d(r["delivered_at"])
        if when is not None and (r["order_id"] not in delivered or when > delivered[r["order_id"]]):
            delivered[r["order_id"]] = when
    orders: dict[int, tuple[date | None, date]] = {}
    by_person: dict[str, dict[int, list[date | None]]] = defaultdict(lambda: defaultdict(list))
    for r in rows.get("order", ()):
        done = _d(r["completed_at"]) or (_d(r["ordered_at"]) if r["status"] == "cancelled" else None)
        orders[r["id"]] = (done, cast(date, _d(r["ordered_at"])))
        by_person["purchase_completed"][r["customer_id"]].append(done)
    case_closed = {r["id"]: _d(r["closed_at"]) for r in rows.get("service_case", ())}
    member_ended = {r["id"]: _d(r["ended_at"]) for r in rows.get("membership", ())}
    for kind, col, anchor in (("service_case", "closed_at", "case_closed"), ("warranty_case", "closed_at",
                              "case_closed"), ("contact_message", "closed_at", "case_closed"),
                              ("competition_entry", "ends_at", "event_ended"),
                              ("membership", "ended_at", "membership_ended"),
                              ("job_application", "recruitment_closed_at", "recruitment_ended")):
        for r in rows.get(kind, ()):
            by_person[anchor][r["customer_id"]].append(_d(r[col]))
    person_anchors: dict[int, dict[str, date | None]] = defaultdict(dict)
    for anchor, people in by_person.items():
        for cid, values in people.items():
            person_anchors[cid][anchor] = _agg(values)

    for kind, kind_rows in rows.items():
        for r in kind_rows:
            owner = _owner(kind, r)
            rid = int(r["id"])
            mine = person_anchors.get(owner, {})
            anchors: Mapping[str, date | None] = mine
            parents: tuple[tuple[str, int], ...] = () if kind == PERSON_KIND else ((PERSON_KIND, owner),)
            extra: dict[str, Any] = {}
            own: dict[str, date | None] = {}
            if kind in ("order", "order_line", "delivery", "payment"):
                oid = rid if kind == "order" else int(r["order_id"])
                done, ordered = orders.get(oid, (None, cast(date, _d(r["collected_at"]))))
                own["purchase_completed"] = done
                if kind != "order":
                    parents = (("order", oid), *parents)
                if kind == "delivery":
                    extra["document_date"] = _d(r["shipped_at"]) or ordered
                    extra["primary_document"] = False
                    extra["delivered"] = _d(r["delivered_at"])
                elif kind == "payment":
                    extra["document_date"] = _d(r["paid_at"]) or ordered
                else:
                    extra["document_date"] = ordered
                    extra["delivered"] = delivered.get(oid)
            elif kind in _DETACHABLE:
                oid_raw = r["order_id"]
                if oid_raw is not None:
                    out.order_links[(kind, rid)] = int(oid_raw)
                    own["purchase_completed"] = orders.get(int(oid_raw), (None, date.min))[0]
                    if kind == "warranty_case":
                        extra["delivered"] = delivered.get(int(oid_raw))
                if kind == "warranty_case":
                    own["case_closed"] = _d(r["closed_at"])
                if kind == "fraud_signal":
                    extra["fraud_collected"] = _d(r["detected_at"]) or _d(r["collected_at"])
            elif kind in {"service_case", "contact_message"}:
                own["case_closed"] = _d(r["closed_at"])
            elif kind == "case_message":
                own["case_closed"] = case_closed.get(int(r["case_id"]))
                parents = (("service_case", int(r["case_id"])), *parents)
            elif kind == "competition_entry":
                own["event_ended"] = _d(r["ends_at"])
            elif kind == "membership":
                own["membership_ended"] = _d(r["ended_at"])
            elif kind == "favourite":
                own["membership_ended"] = member_ended.get(int(r["membership_id"]))
                parents = (("membership", int(r["membership_id"])), *parents)
            elif kind == "job_application":
                own["recruitment_ended"] = _d(r["recruitment_closed_at"])
            elif kind == PERSON_KIND:
                # Read whole, the row says which parts still hold something: an empty part is not
                # "erasable" (a plan with only empty parts to erase has nothing to erase).
                extra["parts"] = {part: laws for part, laws in PERSON_PARTS.items()
                                  if not content or any(r[c] not in (None, "") for c in PART_COLUMNS[part])}
            elif kind == "address" and r["kind"] in ("home", "billing"):
                # The buyer's address belongs on the sales documents bookkeeping law keeps.
                extra["inherit_laws"] = frozenset(BOOKKEEPING_LAWS)
            elif kind == "marketing_suppression":
                extra["keep_always"] = KeepReason.SUPPRESSION
                parents = ()
            if own:
                anchors = {**mine, **own}
            raw = r["purposes"]
            purposes = purposes_of.get(raw)
            if purposes is None:
                purposes = purposes_of[raw] = tuple(p for p in str(raw).split(",") if p)
            facts = RecordFacts(
                kind=kind, record_id=rid, purposes=purposes,
                collected=cast(date, _d(r["collected_at"])), anchors=anchors, parents=parents,
                restricted=bool(r["restricted"]), legal_hold_until=_d(r["legal_hold_until"]),
                content_hash=_row_hash(r) if content else "", **extra,
            )
            out.facts.setdefault(owner, []).append(facts)
            if content:
                out.rows[(kind, rid)] = r
    return out


def retention_rules(ctx: DeskContext) -> dict[str, RetentionRuleLike]:
    return {p.key: p.retention for p in ctx.policy.purposes}
