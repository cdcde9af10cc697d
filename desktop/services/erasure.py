"""Erasure with four eyes (GDPR Art. 17-19): plan, approve or reject, execute, prove it is gone.

An agent makes the plan (`make_plan`): every record of the person with its decision from
`domain.erasure`, stored with a fingerprint of the decisions and of every record's values. A
supervisor who did not file the request approves or rejects it after re-entering the password;
the approval names that fingerprint, and is refused if the data has changed since (the
fingerprint is recomputed from the database). `execute` then does everything in one transaction:
deletes what goes, restricts what a law keeps (until the hold ends), blanks the parts of the
person's row no hold needs, writes the Art. 19 notices and the completion letter, removes the
erased values from the request's own texts, and closes the request. A crash anywhere leaves the
database as it was before or as it is after.

On SQLite the erased values can outlive the transaction in two places: the WAL file, and pages
of the main file not yet written back. `secure_delete` is on (storage.database), so after the
commit a TRUNCATE checkpoint moves the zeroed pages into the main file and empties the WAL; then
the raw bytes of both files are scanned for the values captured before deletion. Only a clean
scan makes the run "done"; while another reader holds the WAL it stays "purge pending" and
`complete_pending_purges` finishes later. The captured values wait for that scan encrypted in
`erasure_run.purge_markers` (so a purge interrupted by a crash can still be proven), and are
dropped when it is clean.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import signal
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any, cast

from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from sqlalchemy import (
    ColumnElement,
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
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.orm import Session

from desktop.audit.log import utcnow
from desktop.audit.server_chain import approval_genuine
from desktop.domain.erasure import (
    PERSON_KIND,
    PERSON_PARTS,
    DueCalculator,
    ErasurePlan,
    GroupLine,
    KeepReason,
    PlanDecision,
    PlanItem,
    RecordFacts,
    group_by_purpose,
    plan_erasure,
    plan_retention,
)
from desktop.domain.requests import OPEN_STATES, Action, RequestState, RequestType, TransitionRefused
from desktop.domain.retention import BOOKKEEPING_LAWS, RetentionRuleLike
from desktop.domain.roles import Actor, Permission, Role, system_actor
from desktop.errors import InvalidInput, NotFound, PermissionDenied
from desktop.models import (
    RECORD_MODELS,
    AccessReason,
    Base,
    Contact,
    Customer,
    DsrRequest,
    ErasureApproval,
    ErasurePlanRecord,
    ErasureRun,
    IdentityVerification,
    OneTimeCode,
    RecipientNotification,
    RequestEvent,
    RequestLetter,
    SearchToken,
    StaffAccount,
    VerificationLockout,
)
from desktop.services.accounts import AccountService
from desktop.services.context import DeskContext
from desktop.services.letters import render_letter
from desktop.services.profile import Labels, lang_index
from desktop.services.registry import name_key
from desktop.services.requests import RequestService, reference

__all__ = [
    "CRASH_ENV",
    "ApprovalQueueRow",
    "ApprovalView",
    "ErasureForbidden",
    "ErasureRefused",
    "ErasureResult",
    "ErasureService",
    "ErasureStatus",
    "PlanLineView",
    "PlanView",
    "PurposeSectionView",
    "ResidueScan",
]

#: Test hook: the name of a step at which `execute` kills its own process (kill -9), so the
#: reliability tests can prove a crash leaves the state before or after, never between.
CRASH_ENV = "GDPR_DESK_TEST_CRASH_AT"
#: How long the checkpoint waits for readers before the purge is left pending.
CHECKPOINT_TIMEOUT_MS = 250
_CHUNK = 900
_SCAN_BLOCK = 8 << 20
_MARKER_AAD = b"gdpr-desk:purge-markers:v1"
_ERASED_TEXT = {"nb": "[slettet]", "en": "[erased]"}
#: The erasure completion letter's outcome, per letter language; {count} and {names} are filled in.
_COMPLETION: dict[str, dict[str, str]] = {
    "nb": {
        "erased": "Vi har slettet opplysningene dine ({count} registreringer).",
        "held": " Noen opplysninger må vi beholde fordi loven krever det. De er begrenset, brukes ikke til noe "
                "annet, og slettes automatisk når lagringsplikten opphører:",
        "suppressed": "\nVi beholder en reservasjon mot direkte markedsføring (bare en kontrollsum, ikke adressen), "
                      "så du ikke blir kontaktet igjen.",
        "notified": "\nDisse mottakerne er varslet: {names}.",
    },
    "en": {
        "erased": "We have erased your data ({count} records).",
        "held": " Some data must be kept because the law requires it. It is restricted, used for nothing else, "
                "and erased automatically when that obligation ends:",
        "suppressed": "\nWe keep a direct-marketing opt-out (a checksum only, not the address) so that you are not "
                      "contacted again.",
        "notified": "\nThese recipients have been notified: {names}.",
    },
    "sv": {
        "erased": "Vi har raderat dina personuppgifter ({count} poster).",
        "held": " Vissa uppgifter måste vi behålla eftersom lagen kräver det. De är begränsade, används inte till "
                "något annat och raderas automatiskt när lagringsskyldigheten upphör:",
        "suppressed": "\nVi behåller en spärr mot direktmarknadsföring (bara en kontrollsumma, inte adressen) så att "
                      "du inte kontaktas igen.",
        "notified": "\nFöljande mottagare har underrättats: {names}.",
    },
}


def _crash_point(step: str) -> None:
    if os.environ.get(CRASH_ENV) == step:
        kill = getattr(signal, "SIGKILL", None)
        if kill is not None:
            os.kill(os.getpid(), kill)
        os._exit(137)


# --- errors -----------------------------------------------------------------------------------


class ErasureRefused(TransitionRefused):
    """A step of the erasure that is not allowed now; `code` says which rule, `plan` why (if any).

    Codes: not_erasure, closed, rejected, executed, already_decided, not_awaiting, no_plan,
    stale_plan, plan_changed, all_held, grace, grace_over, not_approved, reason_missing,
    wrong_purpose, self_approval, approver.
    """

    def __init__(self, message: str, message_nb: str, *, code: str, plan: PlanView | None = None) -> None:
        super().__init__(message, message_nb, code=code)
        self.plan = plan


class ErasureForbidden(ErasureRefused, PermissionDenied):
    """The person may not take this step: the filer approving, or a role that may not approve."""


def _changed() -> ErasureRefused:
    return ErasureRefused(
        "The data changed since the plan was made; make the plan again.",
        "Opplysningene er endret siden planen ble laget; lag planen på nytt.",
        code="plan_changed",
    )


# --- views ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PlanLineView:
    """One line of a section. Labels and reasons are tuples in `LANGS` order (as in the profile),
    for display only: the plan's fingerprint hashes the decisions and the data, never these texts."""

    kind: str
    kind_labels: Labels
    decision: PlanDecision
    count: int
    reasons: Labels
    until: date | None
    laws: tuple[str, ...]

    def kind_label(self, lang: str = "nb") -> str:
        return self.kind_labels[lang_index(lang)]

    def reason(self, lang: str = "nb") -> str:
        return self.reasons[lang_index(lang)]


@dataclass(frozen=True)
class PurposeSectionView:
    """One purpose of the policy: what goes, what stays restricted, what stays."""

    purpose: str
    number: int | None
    titles: Labels
    erase: tuple[PlanLineView, ...]
    restrict: tuple[PlanLineView, ...]
    keep: tuple[PlanLineView, ...]

    def title(self, lang: str = "nb") -> str:
        return self.titles[lang_index(lang)]


@dataclass(frozen=True)
class PlanView:
    """The plan preview: grouped by purpose, with totals. `stale` when the stored plan no longer
    matches the data (an approval would be refused); `plan_id` is None for an unsaved preview."""

    request_id: int
    reference: str
    customer_id: int | None
    customer_number: str
    plan_id: int | None
    fingerprint: str
    stored_fingerprint: str | None
    purpose: str | None
    plan_date: date
    created_at: datetime | None
    created_by: str
    erase_count: int
    restrict_count: int
    keep_count: int
    erase_parts: tuple[str, ...]
    restrict_until: date | None
    nothing_erasable: bool
    sections: tuple[PurposeSectionView, ...]

    @property
    def stale(self) -> bool:
        return self.stored_fingerprint is not None and self.stored_fingerprint != self.fingerprint

    def describe(self, lang: str = "nb") -> str:
        """The plan as text, grouped by purpose: for the CLI and for pasting into a case note."""
        w = _DESCRIBE_WORDS[lang_index(lang)]
        out = [w["head"].format(reference=self.reference, customer=self.customer_number or "-",
                                fingerprint=self.fingerprint)]
        if self.purpose:
            out.append(f"{w['purpose']}: {self.purpose}")
        out.append(f"{w['erase']}: {self.erase_count}. {w['restrict']}: {self.restrict_count}. "
                   f"{w['keep']}: {self.keep_count}.")
        if self.stale:
            out.append(w["stale"])
        heads = (w["erase"], w["restrict"], w["keep"])
        for sec in self.sections:
            number = f"§{sec.number} " if sec.number is not None else ""
            out.append("")
            out.append(f"{number}{sec.title(lang)}")
            for title, lines in zip(heads, (sec.erase, sec.restrict, sec.keep), strict=True):
                for line in lines:
                    out.append(f"  {title}: {line.kind_label(lang)} x{line.count}: {line.reason(lang)}")
        return "\n".join(out)


#: The fixed words of `PlanView.describe`, in `LANGS` order (nb, en, sv).
_DESCRIBE_WORDS: tuple[dict[str, str], dict[str, str], dict[str, str]] = (
    {"head": "Sletteplan {reference} (kunde {customer}), fingeravtrykk {fingerprint}", "purpose": "Formål",
     "erase": "Slettes", "restrict": "Begrenses", "keep": "Beholdes",
     "stale": "Opplysningene er endret siden planen ble laget; lag planen på nytt."},
    {"head": "Erasure plan {reference} (customer {customer}), fingerprint {fingerprint}", "purpose": "Purpose",
     "erase": "Erased", "restrict": "Restricted", "keep": "Kept",
     "stale": "The data changed since the plan was made; make the plan again."},
    {"head": "Raderingsplan {reference} (kund {customer}), fingeravtryck {fingerprint}", "purpose": "Ändamål",
     "erase": "Raderas", "restrict": "Begränsas", "keep": "Behålls",
     "stale": "Uppgifterna har ändrats sedan planen togs fram; gör planen på nytt."},
)


@dataclass(frozen=True)
class ApprovalView:
    request_id: int
    approval_id: int
    decision: str
    approver: str
    approver_id: int
    decided_at: datetime
    executes_after: datetime | None
    withdrawn_at: datetime | None
    reason: str | None
    plan_fingerprint: str


@dataclass(frozen=True)
class ResidueScan:
    """The proof that erased values left the files: checked on SQLite, not applicable elsewhere."""

    applicable: bool
    checkpoint_busy: bool = False
    wal_bytes: int = 0
    db_bytes: int = 0
    markers: int = 0
    found: int = 0

    @property
    def clean(self) -> bool:
        return not self.applicable or (not self.checkpoint_busy and self.wal_bytes == 0 and self.found == 0)

    def to_json(self) -> str:
        return json.dumps({"applicable": self.applicable, "checkpoint_busy": self.checkpoint_busy,
                           "wal_bytes": self.wal_bytes, "db_bytes": self.db_bytes, "markers": self.markers,
                           "found": self.found, "clean": self.clean}, sort_keys=True)

    @classmethod
    def from_json(cls, text: str | None) -> ResidueScan | None:
        if not text:
            return None
        raw = json.loads(text)
        return cls(applicable=bool(raw["applicable"]), checkpoint_busy=bool(raw["checkpoint_busy"]),
                   wal_bytes=int(raw["wal_bytes"]), db_bytes=int(raw["db_bytes"]), markers=int(raw["markers"]),
                   found=int(raw["found"]))


@dataclass(frozen=True)
class ErasureResult:
    """What an execution did. `status` says "erased" only once the scan is clean; before that
    "purge_pending"; "restricted" when nothing was erasable and everything was restricted."""

    request_id: int
    reference: str
    run_id: int
    run_state: str
    erased: dict[str, int]
    restricted: dict[str, int]
    blanked_parts: dict[str, int]
    notifications: int
    restrict_until: date | None
    residue: ResidueScan | None

    @property
    def status(self) -> str:
        if self.run_state != "done":
            return "purge_pending"
        return "erased" if sum(self.erased.values()) or sum(self.blanked_parts.values()) else "restricted"


@dataclass(frozen=True)
class ErasureStatus:
    """Where one erasure request stands, for the request screen."""

    request_id: int
    state: RequestState
    plan_fingerprint: str | None
    plan_created_at: datetime | None
    approval: ApprovalView | None
    run_id: int | None
    run_state: str | None
    residue: ResidueScan | None
    can_withdraw_approval: bool


@dataclass(frozen=True)
class ApprovalQueueRow:
    """One erasure waiting for a supervisor, in its grace period, or waiting for its purge."""

    request_id: int
    reference: str
    state: RequestState
    customer_id: int | None
    customer_number: str
    customer_name: str
    filed_by: str
    filed_by_id: int | None
    filed_at: datetime
    due_on: date
    plan_fingerprint: str | None
    plan_created_at: datetime | None
    erase_count: int
    restrict_count: int
    keep_count: int
    restrict_until: date | None
    approval: ApprovalView | None
    run_state: str | None
    can_decide: bool


# --- loading the facts ------------------------------------------------------------------------

_T: dict[str, Table] = {kind: cast(Table, cast(Any, model).__table__) for kind, model in RECORD_MODELS.items()}
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
_BLANK: dict[str, Any] = {"first_name": "", "last_name": "", "sort_name": ""}
#: Columns that name a policy key, a code or a catalogue item, never the person: not scanned.
_NOT_PERSONAL = frozenset({
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
    for kind, t in _T.items():
        cols = list(t.c) if content else [t.c[c] for c in _COMMON + _EXTRA.get(kind, ()) if c in t.c]
        if kind == PERSON_KIND:
            stmt = select(*cols).where(where(t.c.id))
        elif kind == "order_line":
            o = _T["order"]
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


# --- applying decisions (set-based) -------------------------------------------------------------


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


def _chunks(ids: Sequence[int]) -> Iterator[list[int]]:
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
        t = _T[kind]
        for chunk in _chunks(ids):
            done.detached += _count(s, update(t).where(t.c.id.in_(chunk)).values(order_id=None))
    for kind, by_until in restrict.items():
        t = _T[kind]
        for until, ids in by_until.items():
            for chunk in _chunks(ids):
                _bump(done.restricted, kind, _count(s, update(t).where(
                    t.c.id.in_(chunk),
                    or_(t.c.restricted == false(), t.c.legal_hold_until.is_(None), t.c.legal_hold_until != until),
                ).values(restricted=True, legal_hold_until=until)))
    customer = _T[PERSON_KIND]
    identity_gone: list[int] = []
    for part_set, ids in parts.items():
        for part in part_set:
            columns = PART_COLUMNS[part]
            values: dict[str, Any] = {c: _BLANK.get(c) for c in columns}
            if part == "identity":
                values["erased_at"] = func.coalesce(customer.c.erased_at, now)
                identity_gone.extend(ids)
                filled = or_(*(customer.c[c] != "" for c in columns))
            else:
                filled = or_(*(customer.c[c].is_not(None) for c in columns))
            for chunk in _chunks(ids):
                _bump(done.blanked, part, _count(
                    s, update(customer).where(customer.c.id.in_(chunk), filled).values(**values)))
    token = cast(Table, SearchToken.__table__)
    for chunk in _chunks(identity_gone):
        s.execute(delete(token).where(token.c.customer_id.in_(chunk)))
    drop = sorted(set(drop_desk_rows) | set(identity_gone))
    for model in (AccessReason, OneTimeCode, VerificationLockout, IdentityVerification, Contact):
        t = cast(Table, cast(Any, model).__table__)
        for chunk in _chunks(drop):
            s.execute(delete(t).where(t.c.customer_id.in_(chunk)))
    for kind in DELETE_ORDER:
        t = _T[kind]
        for chunk in _chunks(erase.get(kind, [])):
            _bump(done.erased, kind, _count(s, delete(t).where(t.c.id.in_(chunk))))
    done.persons_erased = done.erased.get(PERSON_KIND, 0)
    for i in kept:
        if i.decision is PlanDecision.RESTRICT:
            done.restricted_by_purpose.update(i.purposes)
    return done


# --- values to scan for, and to scrub from the request's own texts ------------------------------


def _text_columns(t: Table) -> list[str]:
    return [c.name for c in t.c if isinstance(c.type, String | Text | LargeBinary) and c.name not in _NOT_PERSONAL]


#: A value to look for after the purge, and where it came from ("table.column", or "" when it was
#: derived): a value found in the files is first looked up where it came from, since a value that
#: is still there in someone else's row (a street, a template text) is not residue.
Marker = tuple[bytes, str]


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
        table = _T[i.kind]
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


def scan_markers(gone: Mapping[str | bytes, str], stay: Iterable[str | bytes]) -> list[Marker]:
    """The byte strings that must not be found in the files: distinctive, and not still kept.

    A value inside a kept value (a street still on a held delivery) is not residue. Long texts
    are scanned by three 64-byte slices, because SQLite splits long values over overflow pages.
    """
    kept = [v.encode("utf-8") if isinstance(v, str) else v for v in stay if v]
    out: dict[bytes, str] = {}
    for v, origin in gone.items():
        raw = v.encode("utf-8") if isinstance(v, str) else v
        if len(raw) < (16 if isinstance(v, bytes) else 4) or any(raw in k for k in kept):
            continue
        if len(raw) <= 96:
            out.setdefault(raw, origin)
        else:
            mid = len(raw) // 2
            for piece in (raw[:64], raw[mid - 32:mid + 32], raw[-64:]):
                out.setdefault(piece, origin)
    return sorted(out.items())


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
        for chunk in _chunks(list(request_ids)):
            for row in s.execute(select(t.c.id, *(t.c[c] for c in columns)).where(key.in_(chunk))).mappings():
                new = {c: clean(row[c]) for c in columns}
                if any(new[c] != row[c] for c in columns):
                    s.execute(update(t).where(t.c.id == row["id"]).values(**new))
                    changed += 1
    return changed


# --- the residue scan ---------------------------------------------------------------------------


def _marker_key(ctx: DeskContext) -> bytes:
    return hmac.new(ctx.keys.nid_enc, _MARKER_AAD, hashlib.sha256).digest()


def seal_markers(ctx: DeskContext, markers: Sequence[Marker]) -> bytes:
    nonce = os.urandom(12)
    blob = json.dumps([[m.hex(), origin] for m, origin in markers]).encode("ascii")
    return nonce + AESGCM(_marker_key(ctx)).encrypt(nonce, blob, _MARKER_AAD)


def open_markers(ctx: DeskContext, sealed: bytes) -> list[Marker]:
    blob = AESGCM(_marker_key(ctx)).decrypt(sealed[:12], sealed[12:], _MARKER_AAD)
    return [(bytes.fromhex(h), str(origin)) for h, origin in json.loads(blob)]


def checkpoint_truncate(ctx: DeskContext, timeout_ms: int = CHECKPOINT_TIMEOUT_MS) -> tuple[bool, int]:
    """TRUNCATE checkpoint on a connection of our own; (busy, bytes left in the -wal file)."""
    from desktop.storage.database import SQLITE_BUSY_TIMEOUT_MS

    path = ctx.db.sqlite_path
    if path is None:
        return False, 0
    raw = ctx.db.engine.raw_connection()
    try:
        con = cast(Any, raw).driver_connection
        con.execute(f"PRAGMA busy_timeout = {int(timeout_ms)}")
        try:
            busy = int(con.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0])
        finally:
            con.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")
    finally:
        raw.close()
    wal = path.with_name(path.name + "-wal")
    return busy != 0, wal.stat().st_size if wal.exists() else 0


def scan_files(paths: Sequence[Path], markers: Sequence[bytes]) -> tuple[set[int], int]:
    """Indexes of markers found anywhere in the files' raw bytes, and the bytes read."""
    found: set[int] = set()
    if not markers:
        return found, 0
    overlap = max(len(m) for m in markers) - 1
    total = 0
    for path in paths:
        if not path.exists():
            continue
        with path.open("rb") as fh:
            tail = b""
            while True:
                block = fh.read(_SCAN_BLOCK)
                if not block:
                    break
                total += len(block)
                window = tail + block
                for i, m in enumerate(markers):
                    if i not in found and m in window:
                        found.add(i)
                tail = window[-overlap:] if overlap else b""
    return found, total


def _still_live(s: Session, marker: bytes, origin: str = "") -> bool:
    """Whether a found value is in live data (another person's row): then it is not residue.

    Looks where the value came from first (one column, usually a hit at once for shared values
    such as a street or a template text), then, for a value found nowhere there, everywhere.
    """
    try:
        needle: str | bytes = marker.decode("utf-8")
    except UnicodeDecodeError:
        needle = marker
    tables = {t.name: t for t in Base.metadata.sorted_tables if t.name != "erasure_run"}
    columns = [c for t in tables.values() for c in t.c if isinstance(c.type, String | Text | LargeBinary)
               and isinstance(needle, bytes) == isinstance(c.type, LargeBinary)]
    table_name, _, column_name = origin.partition(".")
    first = tables[table_name].c.get(column_name) if table_name in tables else None
    if first is not None:
        columns = [first, *(c for c in columns if c is not first)]
    return any(s.execute(select(col).where(func.instr(col, needle) > 0).limit(1)).first() is not None
               for col in columns)


# --- the service --------------------------------------------------------------------------------


class ErasureService:
    """Plans, four-eyes decisions, execution and purge of erasure requests.

    `grace` is the time between an approval and the earliest execution, during which the approval
    can be withdrawn (default none). `clock` returns naive UTC.
    """

    def __init__(self, ctx: DeskContext, *, clock: Callable[[], datetime] = utcnow,
                 grace: timedelta = timedelta(0), checkpoint_timeout_ms: int = CHECKPOINT_TIMEOUT_MS) -> None:
        self.ctx = ctx
        self.clock = clock
        self.grace = grace
        self.checkpoint_timeout_ms = checkpoint_timeout_ms
        self.requests = RequestService(ctx, clock=clock)
        self.accounts = AccountService(ctx)
        self.rules = retention_rules(ctx)

    # -- helpers --

    def today(self) -> date:
        return self.clock().replace(tzinfo=UTC).astimezone().date()

    @property
    def law(self) -> str:
        return self.ctx.policy.company.bookkeeping_law

    @staticmethod
    def _require_erasure(req: DsrRequest) -> None:
        if req.type != RequestType.ERASURE:
            raise ErasureRefused(
                f"Request {reference(req.id)} is not an erasure request.",
                f"Henvendelse {reference(req.id)} er ikke en slettehenvendelse.", code="not_erasure")

    @staticmethod
    def _refuse_closed(req: DsrRequest) -> None:
        state = RequestState(req.state)
        if state is RequestState.DONE:
            raise ErasureRefused(
                f"The erasure {reference(req.id)} has already been carried out.",
                f"Slettingen {reference(req.id)} er allerede gjennomført.", code="executed")
        if state not in OPEN_STATES:
            raise ErasureRefused(
                f"Request {reference(req.id)} is closed ({state.value}); file a new request instead.",
                f"Henvendelse {reference(req.id)} er avsluttet; registrer en ny henvendelse i stedet.", code="closed")

    @staticmethod
    def _decision(s: Session, request_id: int) -> ErasureApproval | None:
        return s.execute(select(ErasureApproval).where(
            ErasureApproval.request_id == request_id, ErasureApproval.withdrawn_at.is_(None))).scalar_one_or_none()

    @staticmethod
    def _latest_plan(s: Session, request_id: int) -> ErasurePlanRecord | None:
        return s.execute(select(ErasurePlanRecord).where(ErasurePlanRecord.request_id == request_id)
                         .order_by(ErasurePlanRecord.id.desc()).limit(1)).scalar_one_or_none()

    def _staff(self, s: Session, account_id: int | None) -> str:
        if account_id is None:
            return ""
        account = s.get(StaffAccount, account_id)
        return account.display_name if account is not None else ""

    def _compute(self, s: Session, customer_id: int, purpose: str | None) -> tuple[ErasurePlan, PeopleFacts]:
        people = load_people(s, lambda col: col == customer_id, content=True)
        plan = plan_erasure(people.facts.get(customer_id, []), today=self.today(), bookkeeping_law=self.law,
                            purpose=purpose, rules=self.rules)
        return plan, people

    def _purpose(self, req: DsrRequest, purpose: str | None) -> str | None:
        wanted = purpose.strip() if purpose else None
        if wanted is None:
            scope = [p for p in (req.scope_purposes or "").split(",") if p]
            wanted = scope[0] if len(scope) == 1 else None
        if wanted is not None and wanted not in {p.key for p in self.ctx.policy.purposes}:
            keys = ", ".join(p.key for p in self.ctx.policy.purposes)
            raise ErasureRefused(f"Unknown purpose: {wanted}. The policy's purposes: {keys}.",
                                 f"Ukjent formål: {wanted}. Formålene i personvernerklæringen: {keys}.",
                                 code="wrong_purpose")
        return wanted

    def _kind_label(self, kind: str, lang: str) -> str:
        try:
            return self.ctx.policy.record_kind(kind).label.get(lang)
        except KeyError:
            return kind

    def _view(self, s: Session, req: DsrRequest, plan: ErasurePlan, stored: ErasurePlanRecord | None) -> PlanView:
        customer = s.get(Customer, req.customer_id) if req.customer_id is not None else None
        order = [p.key for p in self.ctx.policy.purposes]
        sections: list[PurposeSectionView] = []
        for g in group_by_purpose(plan.items, order):
            try:
                pol = self.ctx.policy.purpose(g.purpose)
                number: int | None = pol.number
                titles: Labels = (pol.title.get("nb"), pol.title.get("en"), pol.title.get("sv"))
            except KeyError:
                number = None
                titles = (g.purpose or "(uten formål)", g.purpose or "(no purpose)", g.purpose or "(inget ändamål)")

            def lines(src: Iterable[GroupLine]) -> tuple[PlanLineView, ...]:
                return tuple(PlanLineView(
                    kind=ln.kind, kind_labels=(self._kind_label(ln.kind, "nb"), self._kind_label(ln.kind, "en"),
                                               self._kind_label(ln.kind, "sv")),
                    decision=ln.decision, count=ln.count, reasons=(ln.reason_nb, ln.reason_en, ln.reason_sv),
                    until=ln.until, laws=ln.laws) for ln in src)

            sections.append(PurposeSectionView(purpose=g.purpose, number=number, titles=titles,
                                               erase=lines(g.erase), restrict=lines(g.restrict), keep=lines(g.keep)))
        counts = plan.counts()
        parts = tuple(sorted({p for i in plan.items for p in i.erase_parts if i.decision is PlanDecision.RESTRICT}))
        return PlanView(
            request_id=req.id, reference=reference(req.id), customer_id=req.customer_id,
            customer_number=customer.customer_number if customer is not None else "",
            plan_id=stored.id if stored is not None else None, fingerprint=plan.fingerprint,
            stored_fingerprint=stored.fingerprint if stored is not None else None, purpose=plan.purpose,
            plan_date=plan.today, created_at=stored.created_at if stored is not None else None,
            created_by=self._staff(s, stored.created_by_id) if stored is not None else "",
            erase_count=counts[PlanDecision.ERASE], restrict_count=counts[PlanDecision.RESTRICT],
            keep_count=counts[PlanDecision.KEEP], erase_parts=parts, restrict_until=plan.restrict_until,
            nothing_erasable=plan.nothing_erasable, sections=tuple(sections),
        )

    def _approval_view(self, s: Session, a: ErasureApproval) -> ApprovalView:
        return ApprovalView(
            request_id=a.request_id, approval_id=a.id, decision=a.decision, approver=self._staff(s, a.approver_id),
            approver_id=a.approver_id, decided_at=a.decided_at, executes_after=a.executes_after,
            withdrawn_at=a.withdrawn_at, reason=a.reason, plan_fingerprint=a.plan_fingerprint)

    def _audit(self, s: Session, actor: Actor, req: DsrRequest, action: str, detail: str) -> None:
        self.requests._audit(s, actor, req, action, detail, data="erasure")

    @staticmethod
    def _all_held(view: PlanView) -> ErasureRefused:
        until = view.restrict_until
        laws = sorted({law for sec in view.sections for ln in sec.restrict for law in ln.laws})
        return ErasureRefused(
            "Nothing of this customer can be erased now: a legal hold covers every record "
            f"({', '.join(laws)}) until {until.isoformat() if until else '-'}. Refuse the request with that "
            "reason (GDPR Art. 17(3)); the plan lists each hold.",
            "Ingenting om denne kunden kan slettes nå: lagringsplikt gjelder alle opplysningene "
            f"({', '.join(laws)}) til {until.strftime('%d.%m.%Y') if until else '-'}. Avslå henvendelsen med "
            "denne begrunnelsen (personvernforordningen art. 17 nr. 3); planen viser hver lagringsplikt.",
            code="all_held", plan=view,
        )

    # === planning =================================================================================

    def preview_plan(self, actor: Actor, request_id: int, purpose: str | None = None) -> PlanView:
        """The plan as it would be made now, without storing it or moving the request (logged)."""
        with self.ctx.db.transaction() as s:
            self.requests._begin(s, actor)
            req = self.requests._load(s, request_id)
            self._require_erasure(req)
            customer = self.requests._customer(s, req.customer_id)
            plan, _ = self._compute(s, customer.id, self._purpose(req, purpose))
            self._audit(s, actor, req, "erasure_preview", f"fingerprint={plan.fingerprint[:12]}")
            return self._view(s, req, plan, self._latest_plan(s, req.id))

    def make_plan(self, actor: Actor, request_id: int, purpose: str | None = None) -> PlanView:
        """Compute, store and submit the plan; the request waits for a supervisor.

        Refused, with nothing changed (but the look logged), when no record can be erased: a legal
        hold on everything means the erasure is refused, not approved (the refusal carries the plan).
        """
        refused: PlanView | None = None
        with self.ctx.db.transaction() as s:
            self.requests._begin(s, actor)
            req = self.requests._load(s, request_id)
            self._require_erasure(req)
            self._refuse_closed(req)
            decision = self._decision(s, req.id)
            if decision is not None and decision.decision == "rejected":
                raise ErasureRefused(
                    f"The erasure plan was rejected by {self._staff(s, decision.approver_id)}: {decision.reason}. "
                    "Refuse the request with the reason, or file a new one.",
                    f"Sletteplanen ble avvist av {self._staff(s, decision.approver_id)}: {decision.reason}. "
                    "Avslå henvendelsen med begrunnelsen, eller registrer en ny.", code="rejected")
            if decision is not None:
                raise ErasureRefused(
                    "The erasure is already approved; withdraw the approval before making a new plan.",
                    "Slettingen er allerede godkjent; trekk godkjenningen tilbake før en ny plan lages.",
                    code="already_decided")
            state = RequestState(req.state)
            if state is RequestState.RECEIVED:
                raise ErasureRefused(
                    "Verify the person's identity before making the erasure plan.",
                    "Bekreft identiteten til personen før sletteplanen lages.", code="not_allowed")
            customer = self.requests._customer(s, req.customer_id)
            purpose_key = self._purpose(req, purpose)
            plan, _ = self._compute(s, customer.id, purpose_key)
            if plan.nothing_erasable:
                refused = self._view(s, req, plan, None)
                self._audit(s, actor, req, "erasure_plan_refused",
                            f"all held; restrict_until={plan.restrict_until}")
            else:
                row = ErasurePlanRecord(request_id=req.id, fingerprint=plan.fingerprint, purpose=purpose_key,
                                        plan_date=plan.today, created_at=self.clock(), created_by_id=actor.account_id,
                                        plan=plan.to_json())
                s.add(row)
                counts = plan.counts()
                note = (f"plan {plan.fingerprint[:12]}: erase {counts[PlanDecision.ERASE]}, restrict "
                        f"{counts[PlanDecision.RESTRICT]}, keep {counts[PlanDecision.KEEP]}"
                        + (f"; purpose={purpose_key}" if purpose_key else ""))
                if state is RequestState.IDENTITY_VERIFIED:
                    self.requests._move(actor, req, Action.START)
                if RequestState(req.state) is RequestState.IN_PROGRESS:
                    self.requests._move(actor, req, Action.SUBMIT_FOR_APPROVAL, note=note)
                else:
                    self.requests._event(actor, req, "erasure_replan", note)
                self.requests._flush(s, req)
                self._audit(s, actor, req, "erasure_plan", note)
                return self._view(s, req, plan, row)
        assert refused is not None
        raise self._all_held(refused)

    def get_plan(self, actor: Actor, request_id: int) -> PlanView:
        """The stored plan, recomputed from today's data; `stale` if the two no longer agree (logged)."""
        with self.ctx.db.transaction() as s:
            self.requests._begin(s, actor)
            req = self.requests._load(s, request_id)
            self._require_erasure(req)
            stored = self._latest_plan(s, req.id)
            if stored is None:
                raise ErasureRefused("No erasure plan has been made for this request yet.",
                                     "Det er ikke laget noen sletteplan for denne henvendelsen ennå.", code="no_plan")
            if req.customer_id is None:
                raise ErasureRefused("The customer of this request no longer exists.",
                                     "Kunden i denne henvendelsen finnes ikke lenger.", code="executed")
            plan, _ = self._compute(s, req.customer_id, stored.purpose)
            self._audit(s, actor, req, "erasure_plan_open", f"fingerprint={stored.fingerprint[:12]}")
            return self._view(s, req, plan, stored)

    # === four eyes ================================================================================

    def _decider(self, s: Session, actor: Actor, req: DsrRequest) -> StaffAccount:
        """The approver as the database knows them now: active, allowed to approve, not the filer."""
        account = s.get(StaffAccount, actor.account_id) if actor.account_id is not None else None
        if account is None or account.disabled or Role(account.role) not in (Role.SUPERVISOR, Role.ADMIN):
            raise ErasureForbidden(
                "Only an active supervisor or administrator may approve or reject an erasure.",
                "Bare en aktiv leder eller administrator kan godkjenne eller avvise en sletting.", code="approver")
        if req.filed_by_id is not None and req.filed_by_id == account.id:
            raise ErasureForbidden(
                "You filed this request; another supervisor must approve or reject it (four eyes).",
                "Du registrerte denne henvendelsen; en annen leder må godkjenne eller avvise den (fire øyne).",
                code="self_approval")
        return account

    def _check_decidable(self, s: Session, req: DsrRequest) -> ErasurePlanRecord:
        self._require_erasure(req)
        self._refuse_closed(req)
        existing = self._decision(s, req.id)
        if existing is not None and existing.decision == "rejected":
            raise ErasureRefused(
                f"The erasure was rejected by {self._staff(s, existing.approver_id)}; it cannot be approved.",
                f"Slettingen ble avvist av {self._staff(s, existing.approver_id)}; den kan ikke godkjennes.",
                code="rejected")
        if existing is not None:
            raise ErasureRefused(
                f"The erasure was already approved by {self._staff(s, existing.approver_id)}.",
                f"Slettingen er allerede godkjent av {self._staff(s, existing.approver_id)}.", code="already_decided")
        if RequestState(req.state) is not RequestState.AWAITING_APPROVAL:
            raise ErasureRefused("The request is not waiting for approval.",
                                 "Henvendelsen venter ikke på godkjenning.", code="not_awaiting")
        plan = self._latest_plan(s, req.id)
        if plan is None:
            raise ErasureRefused("No erasure plan has been made for this request.",
                                 "Det er ikke laget noen sletteplan for denne henvendelsen.", code="no_plan")
        return plan

    def _insert_decision(self, s: Session, approval: ErasureApproval) -> None:
        s.add(approval)
        try:
            s.flush()
        except (IntegrityError, DBAPIError) as exc:
            text_ = str(getattr(exc, "orig", exc)).lower()
            if "four eyes" in text_ or "approver must" in text_ or "erasure decision refused" in text_:
                raise ErasureForbidden(
                    "The database refused the decision: the approver must be an active supervisor who did not "
                    "file the request.",
                    "Databasen avviste avgjørelsen: den som godkjenner, må være en aktiv leder som ikke "
                    "registrerte henvendelsen.", code="self_approval") from exc
            raise ErasureRefused(
                "Another supervisor decided this erasure at the same moment; reload to see the decision.",
                "En annen leder avgjorde denne slettingen i samme øyeblikk; last inn på nytt for å se avgjørelsen.",
                code="already_decided") from exc

    def approve(self, actor: Actor, request_id: int, password: str, fingerprint: str) -> ApprovalView:
        """Approve the plan with this fingerprint, after the password; refused if the data changed since."""
        if not actor.can(Permission.APPROVE_ERASURE):
            raise ErasureForbidden("Only a supervisor or an administrator may approve an erasure.",
                                   "Bare en leder eller en administrator kan godkjenne en sletting.", code="approver")
        self.accounts.reauthenticate(actor, password)
        with self.ctx.db.transaction() as s:
            self.requests._begin(s, actor)
            req = self.requests._load(s, request_id)
            account = self._decider(s, actor, req)
            stored = self._check_decidable(s, req)
            if fingerprint != stored.fingerprint:
                raise ErasureRefused(
                    "This is not the plan waiting for approval (it was made again); reload the plan.",
                    "Dette er ikke planen som venter på godkjenning (den er laget på nytt); last inn planen på nytt.",
                    code="stale_plan")
            if req.customer_id is None:
                raise _changed()
            current, _ = self._compute(s, req.customer_id, stored.purpose)
            if current.fingerprint != stored.fingerprint:
                raise _changed()
            now = self.clock()
            approval = ErasureApproval(request_id=req.id, plan_id=stored.id, plan_fingerprint=stored.fingerprint,
                                       approver_id=account.id, decision="approved", decided_at=now,
                                       executes_after=now + self.grace)
            self._insert_decision(s, approval)
            self.requests._move(actor, req, Action.APPROVE, note=f"plan {stored.fingerprint[:12]}")
            req.decision, req.decided_by_id, req.decided_at, req.decision_grounds = "approved", account.id, now, None
            self.requests._flush(s, req)
            self._audit(s, actor, req, "erasure_approve",
                        f"plan={stored.fingerprint[:12]}; executes_after={approval.executes_after}")
            return self._approval_view(s, approval)

    def reject(self, actor: Actor, request_id: int, password: str, reason: str) -> ApprovalView:
        """Reject the plan with a written reason; the request goes back to its agent to refuse or redo."""
        if not actor.can(Permission.APPROVE_ERASURE):
            raise ErasureForbidden("Only a supervisor or an administrator may reject an erasure.",
                                   "Bare en leder eller en administrator kan avvise en sletting.", code="approver")
        reason = (reason or "").strip()
        if not reason:
            raise ErasureRefused("Write why the erasure plan is rejected.",
                                 "Skriv hvorfor sletteplanen avvises.", code="reason_missing")
        self.accounts.reauthenticate(actor, password)
        with self.ctx.db.transaction() as s:
            self.requests._begin(s, actor)
            req = self.requests._load(s, request_id)
            account = self._decider(s, actor, req)
            stored = self._check_decidable(s, req)
            now = self.clock()
            approval = ErasureApproval(request_id=req.id, plan_id=stored.id, plan_fingerprint=stored.fingerprint,
                                       approver_id=account.id, decision="rejected", reason=reason, decided_at=now)
            self._insert_decision(s, approval)
            self.requests._move(actor, req, Action.REJECT, reason=reason)
            req.decision, req.decided_by_id, req.decided_at, req.decision_grounds = "rejected", account.id, now, reason
            self.requests._flush(s, req)
            self._audit(s, actor, req, "erasure_reject", f"plan={stored.fingerprint[:12]}")
            return self._approval_view(s, approval)

    def withdraw_approval(self, actor: Actor, request_id: int) -> ApprovalView:
        """Take an approval back before it runs: within the grace period, or when the data changed
        since (the plan can then never run). The request waits for approval again."""
        with self.ctx.db.transaction() as s:
            self.requests._begin(s, actor)
            req = self.requests._load(s, request_id)
            self._require_erasure(req)
            self._refuse_closed(req)
            approval = self._decision(s, req.id)
            if approval is None or approval.decision != "approved":
                raise ErasureRefused("There is no approval to withdraw.", "Det finnes ingen godkjenning å trekke "
                                     "tilbake.", code="not_approved")
            now = self.clock()
            in_grace = approval.executes_after is not None and now < approval.executes_after
            if not in_grace:
                current = (self._compute(s, req.customer_id, self._plan_purpose(s, approval))[0].fingerprint
                           if req.customer_id is not None else "")
                if current == approval.plan_fingerprint:
                    raise ErasureRefused(
                        "The grace period is over; the approved erasure may run at any moment.",
                        "Angrefristen er ute; den godkjente slettingen kan kjøres når som helst.", code="grace_over")
            approval.withdrawn_at, approval.withdrawn_by_id = now, actor.account_id
            s.flush()
            req.decision, req.decided_by_id, req.decided_at, req.decision_grounds = None, None, None, None
            self.requests._move(actor, req, Action.SUBMIT_FOR_APPROVAL, note="approval withdrawn")
            self.requests._flush(s, req)
            self._audit(s, actor, req, "erasure_withdraw", f"approval={approval.id}")
            return self._approval_view(s, approval)

    @staticmethod
    def _plan_purpose(s: Session, approval: ErasureApproval) -> str | None:
        plan = s.get(ErasurePlanRecord, approval.plan_id)
        return plan.purpose if plan is not None else None

    # === execution ================================================================================

    def execute(self, actor: Actor, request_id: int) -> ErasureResult:
        """Carry out the approved plan in one transaction, then purge and scan (SQLite)."""
        lang = "nb"
        with self.ctx.db.transaction() as s:
            self.requests._begin(s, actor)
            req = self.requests._load(s, request_id)
            self._require_erasure(req)
            self._refuse_closed(req)
            approval = self._decision(s, req.id)
            if approval is None or approval.decision != "approved" or req.decision != "approved":
                raise ErasureRefused(
                    "This erasure needs a supervisor's approval of its plan before it can be carried out.",
                    "Denne slettingen må ha en leders godkjenning av planen før den kan gjennomføres.",
                    code="needs_approval")
            if self.ctx.db.is_postgres and not approval_genuine(s, approval.id):
                # A decision row the server's four-eyes trigger did not seal: written around it.
                raise ErasureRefused(
                    "This erasure's approval was not made through the database's four-eyes check, so it is "
                    "not carried out. Tell the data protection officer; a supervisor must decide it again.",
                    "Godkjenningen av denne slettingen ble ikke gitt gjennom databasens fireøyekontroll, så "
                    "den gjennomføres ikke. Si fra til personvernombudet; en leder må avgjøre den på nytt.",
                    code="forged_approval")
            now = self.clock()
            if approval.executes_after is not None and now < approval.executes_after:
                raise ErasureRefused(
                    f"The approval can be withdrawn until {approval.executes_after:%Y-%m-%d %H:%M} UTC; "
                    "the erasure runs after that.",
                    f"Godkjenningen kan trekkes tilbake til {approval.executes_after:%d.%m.%Y %H:%M} UTC; "
                    "slettingen kjøres etter det.", code="grace")
            customer = self.requests._customer(s, req.customer_id)
            lang = self.requests._person_lang(customer)
            purpose = self._plan_purpose(s, approval)
            plan, people = self._compute(s, customer.id, purpose)
            if plan.fingerprint != approval.plan_fingerprint:
                raise ErasureRefused(
                    "The data changed since the plan was approved; withdraw the approval and make the plan again.",
                    "Opplysningene er endret siden planen ble godkjent; trekk godkjenningen tilbake og lag planen "
                    "på nytt.", code="plan_changed")
            _crash_point("erasure:planned")
            gone, stay = erased_values(people, plan.items)
            markers = scan_markers(gone, stay)
            request_ids = list(s.execute(select(DsrRequest.id).where(DsrRequest.customer_id == customer.id)).scalars())
            customer_number, full_name = customer.customer_number, customer.full_name
            s.expunge(customer)
            applied = apply_items(s, plan.items, people.order_links, now=now,
                                  drop_desk_rows=[customer.id] if purpose is None else [])
            _crash_point("erasure:applied")
            scrub_texts(s, request_ids, set(gone) - stay, lang)
            notices = self._notify(s, req, customer_number, full_name, plan)
            self._finish_request(s, actor, req, plan=plan, applied=applied, notices=notices, lang=lang)
            sqlite = self.ctx.db.is_sqlite and self.ctx.db.sqlite_path is not None
            counts = applied.as_dict() | {"notifications": len(notices)}
            run = ErasureRun(
                request_id=req.id, approval_id=approval.id, plan_fingerprint=plan.fingerprint,
                state="pending" if sqlite else "done", started_at=now, finished_at=None if sqlite else now,
                counts=json.dumps(counts, sort_keys=True),
                residue=None if sqlite else ResidueScan(applicable=False).to_json(),
                purge_attempts=0, purge_markers=seal_markers(self.ctx, markers) if sqlite else None,
            )
            s.add(run)
            self.requests._flush(s, req)
            self._audit(s, actor, req, "erasure_execute",
                        f"plan={plan.fingerprint[:12]}; {applied.short()}; notices={len(notices)}; "
                        f"markers={len(markers)}")
            _crash_point("erasure:before_commit")
            run_id = run.id
        _crash_point("erasure:committed")
        if sqlite:
            self._purge(run_id, actor)
        return self.result(request_id)

    def _notify(self, s: Session, req: DsrRequest, customer_number: str, full_name: str,
                plan: ErasurePlan) -> list[RecipientNotification]:
        """Art. 19 notices: one per recipient of the kinds erased or restricted. The name is given only
        while a hold keeps it; otherwise the customer number alone identifies the person."""
        erased: Counter[str] = Counter()
        restricted: dict[str, Counter[date]] = defaultdict(Counter)
        for i in plan.items:
            if i.decision is PlanDecision.ERASE:
                erased[i.kind] += 1
            elif i.decision is PlanDecision.RESTRICT and i.until is not None:
                restricted[i.kind][i.until] += 1
        kinds = sorted(set(erased) | set(restricted))
        notices: list[RecipientNotification] = []
        if not kinds:
            return notices
        change = {
            "nb": "Opplysningene er slettet (personvernforordningen artikkel 17). Det loven krever at vi beholder, "
                  "er begrenset (artikkel 18) til lagringsplikten opphører, og slettes da. Dette gjelder:",
            "en": "The data has been erased (GDPR Article 17). What the law requires us to keep is restricted "
                  "(Article 18) until that obligation ends, and is erased then. This concerns:",
        }
        person = plan.item(PERSON_KIND, req.customer_id) if req.customer_id is not None else None
        name_kept = person is not None and person.decision is not PlanDecision.ERASE and \
            "identity" not in person.erase_parts
        erased_name = {"nb": full_name if name_kept else "[navnet er slettet]",
                       "en": full_name if name_kept else "[name erased]"}
        for recipient in self.ctx.policy.recipients_for(record_kinds=kinds):
            theirs = [k for k in kinds if k in recipient.record_kinds]
            if not theirs:
                continue
            texts = {}
            for lang in ("nb", "en"):
                lines: list[str] = []
                for k in theirs:
                    label = self._kind_label(k, lang)
                    if erased[k]:
                        lines.append(f"- {label}: {erased[k]} {'slettet' if lang == 'nb' else 'erased'}")
                    for until, n in sorted(restricted.get(k, Counter()).items()):
                        when = until.strftime("%d.%m.%Y") if lang == "nb" else until.isoformat()
                        lines.append(f"- {label}: {n} {'begrenset til' if lang == 'nb' else 'restricted until'} "
                                     f"{when}")
                texts[lang] = render_letter(
                    "recipient_notification", lang, policy=self.ctx.policy, recipient_name=recipient.name.get(lang),
                    reference=reference(req.id), person_name=erased_name[lang], customer_number=customer_number,
                    change=change[lang], details="\n".join(lines))
            notice = RecipientNotification(
                request_id=req.id, recipient_key=recipient.key, kind="erasure", record_kinds=",".join(theirs),
                subject_nb=texts["nb"].subject, body_nb=texts["nb"].body, subject_en=texts["en"].subject,
                body_en=texts["en"].body, created_at=self.clock())
            s.add(notice)
            notices.append(notice)
        return notices

    def _finish_request(self, s: Session, actor: Actor, req: DsrRequest, *, plan: ErasurePlan, applied: Applied,
                        notices: Sequence[RecipientNotification], lang: str) -> None:
        erased = sum(applied.erased.values())
        held = [i for i in plan.items if i.decision is PlanDecision.RESTRICT]
        suppressed = any(i.keep_reason is KeepReason.SUPPRESSION for i in plan.items)
        texts: dict[str, str] = {}
        for lg, words in _COMPLETION.items():
            names = ", ".join(dict.fromkeys(self.ctx.policy.recipient(n.recipient_key).name.get(lg)
                                            for n in notices)) or "-"
            text = words["erased"].format(count=erased)
            if held:
                reasons = sorted({f"{self._kind_label(i.kind, lg)}: {i.reason(lg)}" for i in held})
                text += words["held"] + "\n" + "\n".join(f"- {r}" for r in reasons)
            if suppressed:
                text += words["suppressed"]
            text += words["notified"].format(names=names)
            texts[lg] = text
        self.requests._move(actor, req, Action.COMPLETE, note=f"erased={erased}; restricted={len(held)}")
        req.completed_at = self.clock()
        req.completion_summary = texts["nb"]
        req.completion_channel = req.channel
        # `lang` is a letter language, and _COMPLETION has every one (tests/unit/test_swedish_texts.py).
        self.requests._letter(s, req, None, "completion", lang=lang, outcome=texts[lang])

    # === the purge ================================================================================

    def _purge(self, run_id: int, actor: Actor | None = None) -> ResidueScan:
        """Checkpoint, scan, record; idempotent, so a crash or a busy reader only means "try again"."""
        who = actor if actor is not None else system_actor(self.ctx.workstation, "erasure-purge")
        with self.ctx.db.transaction() as s:
            run = s.get(ErasureRun, run_id)
            if run is None or run.state == "done":
                return ResidueScan.from_json(run.residue if run else None) or ResidueScan(applicable=False)
            markers = open_markers(self.ctx, run.purge_markers) if run.purge_markers else []
        path = self.ctx.db.sqlite_path
        if path is None:
            scan = ResidueScan(applicable=False)
        else:
            busy, wal_bytes = checkpoint_truncate(self.ctx, self.checkpoint_timeout_ms)
            _crash_point("erasure:checkpointed")
            files = [path, path.with_name(path.name + "-wal")]
            found, total = scan_files(files, [m for m, _ in markers])
            if found:
                with self.ctx.db.transaction() as s:
                    found = {i for i in found if not _still_live(s, *markers[i])}
            scan = ResidueScan(applicable=True, checkpoint_busy=busy, wal_bytes=wal_bytes,
                               db_bytes=total, markers=len(markers), found=len(found))
        _crash_point("erasure:scanned")
        with self.ctx.db.transaction() as s:
            run = s.get(ErasureRun, run_id)
            if run is None or run.state == "done":
                return scan
            run.purge_attempts += 1
            run.residue = scan.to_json()
            run.state = "done" if scan.clean else "purge_pending"
            if scan.clean:
                run.purge_markers = None
                run.finished_at = self.clock()
            req = s.get(DsrRequest, run.request_id)
            if req is not None:
                self._audit(s, who, req, "erasure_purge", f"run={run.id}; state={run.state}; "
                            f"busy={scan.checkpoint_busy}; wal={scan.wal_bytes}; markers={scan.markers}; "
                            f"found={scan.found}")
        if scan.clean and path is not None:
            # The markers' ciphertext just left the row; move that page out of the WAL as well.
            checkpoint_truncate(self.ctx, self.checkpoint_timeout_ms)
        return scan

    def complete_pending_purges(self, actor: Actor | None = None) -> list[ErasureResult]:
        """Finish every erasure whose purge is pending (a reader held the WAL, or a crash)."""
        with self.ctx.db.transaction() as s:
            runs = list(s.execute(select(ErasureRun.id, ErasureRun.request_id).where(
                ErasureRun.state.in_(("pending", "purge_pending"))).order_by(ErasureRun.id)).all())
        results: list[ErasureResult] = []
        for run_id, request_id in runs:
            self._purge(run_id, actor)
            results.append(self.result(request_id))
        return results

    def execute_due(self, actor: Actor) -> tuple[list[ErasureResult], list[tuple[int, str]]]:
        """Run every approved erasure whose grace period is over (the scheduled job's part).

        Returns the results and, for each one that could not run, its request id and the reason.
        """
        now = self.clock()
        with self.ctx.db.transaction() as s:
            due = list(s.execute(select(ErasureApproval.request_id).join(
                DsrRequest, DsrRequest.id == ErasureApproval.request_id).where(
                ErasureApproval.decision == "approved", ErasureApproval.withdrawn_at.is_(None),
                DsrRequest.state == RequestState.IN_PROGRESS.value,
                or_(ErasureApproval.executes_after.is_(None), ErasureApproval.executes_after <= now),
            ).order_by(ErasureApproval.request_id)).scalars())
        done: list[ErasureResult] = []
        failed: list[tuple[int, str]] = []
        for request_id in due:
            try:
                done.append(self.execute(actor, request_id))
            except (InvalidInput, NotFound, PermissionDenied) as exc:
                failed.append((request_id, exc.message))
        return done, failed

    def result(self, request_id: int) -> ErasureResult:
        """The latest execution of this request, as it stands now (no personal data: not logged)."""
        with self.ctx.db.transaction() as s:
            run = s.execute(select(ErasureRun).where(ErasureRun.request_id == request_id)
                            .order_by(ErasureRun.id.desc()).limit(1)).scalar_one_or_none()
            if run is None:
                raise NotFound(f"Request {reference(request_id)} has not been carried out.",
                               f"Henvendelse {reference(request_id)} er ikke gjennomført.")
            counts = json.loads(run.counts)
            restricted = counts.get("restricted", {})
            until = None
            if restricted:
                plan = s.execute(select(ErasurePlanRecord.plan).where(
                    ErasurePlanRecord.fingerprint == run.plan_fingerprint,
                    ErasurePlanRecord.request_id == request_id).limit(1)).scalar_one_or_none()
                if plan is not None:
                    dates = [i["u"] for i in json.loads(plan)["items"] if i["u"]]
                    until = date.fromisoformat(max(dates)) if dates else None
            return ErasureResult(
                request_id=request_id, reference=reference(request_id), run_id=run.id, run_state=run.state,
                erased=dict(counts.get("erased", {})), restricted=dict(restricted),
                blanked_parts=dict(counts.get("blanked", {})), notifications=int(counts.get("notifications", 0)),
                restrict_until=until, residue=ResidueScan.from_json(run.residue))

    # === holds ====================================================================================

    def release_expired_holds(self, today: date | None = None, *, actor: Actor | None = None) -> Applied:
        """Erase held records whose hold has ended (and whatever only they kept), for every person.

        The retention job's sweep does the same for everyone it visits; this finds the held records
        through their partial index and visits only their owners.
        """
        who = actor if actor is not None else system_actor(self.ctx.workstation, "hold-release")
        if not who.can(Permission.RUN_RETENTION):
            raise PermissionDenied("Only an administrator or the scheduled job may release legal holds.",
                                   "Bare en administrator eller den planlagte jobben kan frigi lagringsplikt.")
        day = today or self.today()
        total = Applied()
        with self.ctx.db.transaction() as s:
            owners: set[int] = set()
            for kind, t in _T.items():
                cond = (t.c.legal_hold_until.is_not(None)) & (t.c.legal_hold_until < day)
                if kind == PERSON_KIND:
                    owners.update(s.execute(select(t.c.id).where(cond)).scalars())
                elif kind == "order_line":
                    o = _T["order"]
                    owners.update(s.execute(select(o.c.customer_id).join(o, o.c.id == t.c.order_id)
                                            .where(cond)).scalars())
                elif kind != "marketing_suppression":
                    owners.update(x for x in s.execute(select(t.c.customer_id).where(cond)).scalars()
                                  if x is not None)
        for chunk in _chunks(sorted(owners)):
            with self.ctx.db.transaction() as s:
                applied = process_people(self.ctx, s, chunk, today=day, calculator=DueCalculator(self.rules),
                                         now=self.clock(), dry_run=False, scope="held")
                if sum(applied.erased.values()) or sum(applied.blanked.values()):
                    self.ctx.audit.append(s, who, action="hold_release", data="retention",
                                          detail=f"people={len(chunk)}; {applied.short()}")
                total.add(applied)
        return total

    # === status and the approval queue ============================================================

    def status(self, actor: Actor, request_id: int) -> ErasureStatus:
        """Plan, decision and run of one request, for the request screen (ids and states only)."""
        with self.ctx.db.transaction() as s:
            self.requests._begin(s, actor)
            req = s.get(DsrRequest, request_id)
            if req is None:
                raise NotFound(f"Request {reference(request_id)} does not exist.",
                               f"Henvendelse {reference(request_id)} finnes ikke.")
            plan = self._latest_plan(s, request_id)
            approval = s.execute(select(ErasureApproval).where(ErasureApproval.request_id == request_id)
                                 .order_by(ErasureApproval.id.desc()).limit(1)).scalar_one_or_none()
            run = s.execute(select(ErasureRun).where(ErasureRun.request_id == request_id)
                            .order_by(ErasureRun.id.desc()).limit(1)).scalar_one_or_none()
            now = self.clock()
            can_withdraw = (approval is not None and approval.decision == "approved" and approval.withdrawn_at is None
                            and req.state == RequestState.IN_PROGRESS.value and approval.executes_after is not None
                            and now < approval.executes_after)
            return ErasureStatus(
                request_id=request_id, state=RequestState(req.state),
                plan_fingerprint=plan.fingerprint if plan else None, plan_created_at=plan.created_at if plan else None,
                approval=self._approval_view(s, approval) if approval is not None else None,
                run_id=run.id if run else None, run_state=run.state if run else None,
                residue=ResidueScan.from_json(run.residue) if run else None, can_withdraw_approval=can_withdraw)

    def approval_queue(self, actor: Actor) -> list[ApprovalQueueRow]:
        """Erasures waiting for a decision, approved ones not yet run, and runs whose purge is pending;
        `can_decide` is False where the actor filed the request or may not approve (logged)."""
        with self.ctx.db.transaction() as s:
            self.requests._begin(s, actor)
            rows = s.execute(
                select(DsrRequest, Customer.customer_number, Customer.first_name, Customer.last_name,
                       Customer.erased_at)
                .outerjoin(Customer, Customer.id == DsrRequest.customer_id)
                .where(DsrRequest.type == RequestType.ERASURE.value,
                       DsrRequest.state.in_((RequestState.AWAITING_APPROVAL.value, RequestState.IN_PROGRESS.value,
                                             RequestState.DONE.value)))
                .order_by(DsrRequest.due_on, DsrRequest.id)
            ).all()
            out: list[ApprovalQueueRow] = []
            for req, number, first, last, erased_at in rows:
                approval = self._decision(s, req.id)
                run = s.execute(select(ErasureRun.state).where(ErasureRun.request_id == req.id)
                                .order_by(ErasureRun.id.desc()).limit(1)).scalar_one_or_none()
                state = RequestState(req.state)
                if state is RequestState.DONE and run not in ("pending", "purge_pending"):
                    continue
                if state is RequestState.IN_PROGRESS and (approval is None or approval.decision != "approved"):
                    continue
                plan = self._latest_plan(s, req.id)
                counts: Counter[str] = Counter()
                until: date | None = None
                if plan is not None:
                    items = json.loads(plan.plan)["items"]
                    counts.update(i["d"] for i in items)
                    dates = [i["u"] for i in items if i["u"]]
                    until = date.fromisoformat(max(dates)) if dates else None
                out.append(ApprovalQueueRow(
                    request_id=req.id, reference=reference(req.id), state=state, customer_id=req.customer_id,
                    customer_number=number or "",
                    customer_name=f"{first} {last}".strip() if first is not None and erased_at is None else "",
                    filed_by=self._staff(s, req.filed_by_id), filed_by_id=req.filed_by_id, filed_at=req.filed_at,
                    due_on=req.extended_until or req.due_on, plan_fingerprint=plan.fingerprint if plan else None,
                    plan_created_at=plan.created_at if plan else None, erase_count=counts["erase"],
                    restrict_count=counts["restrict"], keep_count=counts["keep"], restrict_until=until,
                    approval=self._approval_view(s, approval) if approval is not None else None, run_state=run,
                    can_decide=(state is RequestState.AWAITING_APPROVAL and actor.can(Permission.APPROVE_ERASURE)
                                and actor.account_id is not None and actor.account_id != req.filed_by_id),
                ))
            self.ctx.audit.append(s, actor, action="queue", data="erasure_queue", detail=f"rows={len(out)}")
            return out


# --- shared with the retention job --------------------------------------------------------------


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
        t = _T["address"]
        values.update(v for v in s.execute(select(t.c.street).where(t.c.customer_id == cid)).scalars() if v)
        request_ids = list(s.execute(select(DsrRequest.id).where(DsrRequest.customer_id == cid)).scalars())
        scrub_texts(s, request_ids, values)
