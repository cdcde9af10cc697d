"""Sync: the desk's register as a traced mirror of the shop's own systems.

The first sync of a mapping entry loads everything; later ones read only rows whose change column
moved, or, for tables without one (most of django-oscar), read every row and write only those whose
desk form changed (a hash per record). ``full`` compares every key and mirrors what the source
removed. Each batch of rows, its provenance and the cursor commit in one transaction, so a kill -9
resumes from the last committed key and never duplicates a record. Values are normalised by the
desk's own code (registry): folded name keys, e-mail and phone keys, identity numbers hashed,
encrypted and masked, never stored in clear.

People: a person row (a shop account) is matched to the desk's people by its identity keys (e-mail,
phone, identity number). One match links it; none creates a person; more than one, or a match that
is already another account of the same system, is never merged: a separate person is made and the
question is listed for an agent (``source_conflict``), whose decision is logged.
"""

from __future__ import annotations

import contextlib
import csv
import hashlib
import json
import time
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    Integer,
    String,
    Table,
    bindparam,
    delete,
    func,
    insert,
    select,
    update,
)
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from desktop.domain.contact import normalize_email, normalize_phone
from desktop.domain.national_id import InvalidNationalId
from desktop.domain.roles import Actor, system_actor
from desktop.domain.sorting import name_sort_key
from desktop.errors import DeskError
from desktop.models import RECORD_MODELS, Customer, DsrRequest, SearchToken
from desktop.models.sources import SourceConflict, SourceCursor, SourceRecord, SourceSyncRun
from desktop.paths import resources_dir
from desktop.policy import Policy
from desktop.services.context import DeskContext
from desktop.services.registry import name_key, protect_national_id, search_tokens
from desktop.sources.files import PARENT_KINDS, Reject, file_system, read_rows
from desktop.sources.loader import load_sources
from desktop.sources.model import SourcesFile, System, TableMap
from desktop.sources.scan import ScanFinding
from desktop.sources.scan import scan as scan_source
from desktop.sources.sql import (
    FieldType,
    SourceProblem,
    SourceRow,
    SqlSource,
    decode_position,
    encode_position,
)

__all__ = [
    "ImportReport",
    "RefreshReport",
    "SyncProgress",
    "SyncReport",
    "SyncService",
    "check_system",
    "default_sources_path",
    "desk_field_types",
    "load_systems",
    "scan_system",
]

#: Fields the desk computes itself: a mapping may not fill them.
_MANAGED = {"id", "customer_id", "purposes", "sort_name", "email_norm", "phone_e164", "nid_hash", "nid_masked",
            "nid_encrypted", "nid_country", "erased_at", "restricted", "legal_hold_until", "source"}
_CUSTOMER: Table = Customer.__table__  # type: ignore[assignment]
_TOKENS: Table = SearchToken.__table__  # type: ignore[assignment]
_PROV: Table = SourceRecord.__table__  # type: ignore[assignment]
#: Fields a mapping may fill that are not columns: an identity number becomes hash, mask and ciphertext.
_VIRTUAL = {"customer": {"national_id": FieldType("text", 40)}}


def default_sources_path() -> Path:
    return resources_dir() / "sources" / "django-oscar.example.toml"


def _field_type(col: Any) -> FieldType:
    t = col.type
    required = not col.nullable and col.default is None and col.server_default is None and not col.primary_key
    if isinstance(t, Boolean):
        return FieldType("bool", required=required)
    if isinstance(t, DateTime):
        return FieldType("datetime", required=required)
    if isinstance(t, Date):
        return FieldType("date", required=required)
    if isinstance(t, Integer):
        return FieldType("int", required=required)
    if isinstance(t, String):
        return FieldType("text", t.length, required=required)
    return FieldType("text", required=required)


def desk_field_types() -> dict[str, dict[str, FieldType]]:
    """Every record kind's fillable fields with their types: what a mapping may name."""
    out: dict[str, dict[str, FieldType]] = {}
    for kind, model in RECORD_MODELS.items():
        table: Table = model.__table__  # type: ignore[attr-defined]
        fields = {c.name: _field_type(c) for c in table.columns if c.name not in _MANAGED}
        fields.update(_VIRTUAL.get(kind, {}))
        out[kind] = fields
    return out


def load_systems(path: Path | None, policy: Policy) -> SourcesFile:
    fields: Mapping[str, Collection[str]] = {k: set(v) for k, v in desk_field_types().items()}
    return load_sources(path or default_sources_path(), policy=policy, desk_fields=fields)


@dataclass(frozen=True)
class SyncProgress:
    system: str
    table: str
    done: int
    total: int
    rate: float

    @property
    def seconds_left(self) -> float | None:
        if self.rate <= 0 or self.total <= self.done:
            return None
        return (self.total - self.done) / self.rate


@dataclass
class SyncReport:
    system: str
    mode: str
    read: int = 0
    written: int = 0
    removed: int = 0
    conflicts: int = 0
    skipped_erased: int = 0
    seconds: float = 0.0
    per_table: dict[str, int] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    refused: int = 0
    #: The first refused rows, each naming system, table, column and row key (never the value).
    problems: list[str] = field(default_factory=list)

    #: The refused rows' problems themselves (for a file import's reject file), up to 100,000.
    refused_problems: list[SourceProblem] = field(default_factory=list)

    def refuse(self, problem: SourceProblem) -> None:
        self.refused += 1
        if len(self.problems) < 50:
            self.problems.append(problem.text("en"))
        if len(self.refused_problems) < 100_000:
            self.refused_problems.append(problem)


class _AllOrNothing(DeskError):
    """A file import with a rejected row: the whole batch is rolled back."""

    def __init__(self) -> None:
        super().__init__("rows were rejected; nothing was loaded", "rader ble avvist; ingenting ble lastet inn")


@dataclass
class ImportReport:
    file: str
    kind: str
    rows: int
    written: int = 0
    loaded: bool = False
    rejects: list[Reject] = field(default_factory=list)
    reject_file: Path | None = None


@dataclass(frozen=True)
class RefreshReport:
    """One system's answer while a person's profile opens: as of when, or why it did not answer."""

    system: str
    ok: bool
    as_of: datetime | None
    error: str = ""
    read: int = 0
    written: int = 0
    refused: int = 0
    seconds: float = 0.0


def _write_rejects(path: Path, rejects: list[Reject]) -> None:
    """file, line, field and reason per rejected row; never the rejected value (it may be personal)."""
    import os

    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(["file", "line", "field", "reason"])
        for r in rejects:
            writer.writerow([r.file, r.line, r.field, r.reason])


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def _row_hash(values: Mapping[str, Any], links: tuple[Any, ...]) -> str:
    payload = json.dumps([sorted(values.items()), links], default=str, ensure_ascii=False)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


@dataclass
class _Linked:
    record_id: int
    customer_id: int | None


@dataclass
class _Prov:
    """A provenance row as the batch needs it (plain values, no ORM object per row)."""

    id: int
    record_id: int
    customer_id: int | None
    row_hash: str
    source_hash: str | None


@dataclass
class _Batch:
    """Everything one batch reads up front and writes at the end, so a row costs no round trip of its own."""

    known: dict[str, _Prov]
    parents: dict[str, _Linked]
    erased: set[int]
    missing: set[int]
    by_key: dict[str, dict[str, set[int]]]
    taken: dict[int, set[str]]
    inserts: list[tuple[SourceRow, dict[str, Any], _Prov | None]] = field(default_factory=list)
    updates: list[dict[str, Any]] = field(default_factory=list)
    fill_completed: list[int] = field(default_factory=list)
    new_prov: list[dict[str, Any]] = field(default_factory=list)
    changed_prov: list[dict[str, Any]] = field(default_factory=list)
    confirmed: list[int] = field(default_factory=list)
    still_there: list[int] = field(default_factory=list)
    reindex: dict[int, tuple[str, str, str]] = field(default_factory=dict)
    #: New people, inserted together at the end; until then known by a negative stand-in id.
    people: list[dict[str, Any]] = field(default_factory=list)
    conflicts: list[SourceConflict] = field(default_factory=list)


_IDENTITY_COLUMNS = {"email": "email_norm", "phone": "phone_e164", "national_id": "nid_hash"}


class _TableSync:
    """Writes one mapping entry's rows into the desk, a batch at a time with a handful of statements."""

    def __init__(self, svc: SyncService, system: System, tm: TableMap, *, run_id: int, now: datetime,
                 report: SyncReport) -> None:
        self.svc = svc
        self.ctx = svc.ctx
        self.system = system
        self.tm = tm
        self.run_id = run_id
        self.now = now
        self.report = report
        self.model = RECORD_MODELS[tm.record_kind]
        self.table: Table = self.model.__table__  # type: ignore[attr-defined]
        self.fields = svc.field_types[tm.record_kind]
        self.purposes = svc.purposes(system, tm.record_kind, tm.table)
        self.parent_kind = system.table(tm.person.via).record_kind if tm.person.via else None
        self.parent_field = tm.person.parent_field or (
            f"{self.parent_kind}_id" if self.parent_kind and self.parent_kind != "customer"
            and f"{self.parent_kind}_id" in self.table.c else None)
        self.required = [name for name, ft in self.fields.items() if ft.required and name != self.parent_field]
        self.is_person = tm.record_kind == "customer"
        #: Skip rows the source returns exactly as last time, untyped; a full pass compares everything.
        self.shortcut = False

    # --- reading up front ------------------------------------------------------------------------
    def _prefetch(self, s: Session, rows: list[SourceRow]) -> _Batch:
        keys = [r.key_text for r in rows]
        known = {key: _Prov(pid, rid, cid, digest, raw) for pid, key, rid, cid, digest, raw in s.execute(
            select(SourceRecord.id, SourceRecord.source_key, SourceRecord.record_id, SourceRecord.customer_id,
                   SourceRecord.row_hash, SourceRecord.source_hash)
            .where(SourceRecord.system == self.system.name, SourceRecord.mapping == self.tm.name,
                   SourceRecord.source_key.in_(keys)))}
        parents: dict[str, _Linked] = {}
        if self.tm.person.via:
            wanted = sorted({r.parent_key for r in rows if r.parent_key is not None})
            for key, rid, cid in s.execute(
                    select(SourceRecord.source_key, SourceRecord.record_id, SourceRecord.customer_id)
                    .where(SourceRecord.system == self.system.name, SourceRecord.mapping == self.tm.person.via,
                           SourceRecord.source_key.in_(wanted))):
                parents[key] = _Linked(rid, cid)
        people = {p.customer_id for p in known.values() if p.customer_id is not None}
        for parent in parents.values():
            person = parent.record_id if self.parent_kind == "customer" else parent.customer_id
            if person is not None:
                people.add(person)
        erased = set(s.execute(select(_CUSTOMER.c.id).where(_CUSTOMER.c.id.in_(people),
                                                            _CUSTOMER.c.erased_at.is_not(None))).scalars())
        record_ids = [p.record_id for p in known.values()]
        present = set(s.execute(select(self.table.c.id).where(self.table.c.id.in_(record_ids))).scalars())
        missing = {rid for rid in record_ids if rid not in present}
        by_key: dict[str, dict[str, set[int]]] = {name: {} for name in _IDENTITY_COLUMNS}
        taken: dict[int, set[str]] = {}
        idents = [self.identity_of(r) for r in rows if r.identity]
        for name, column in _IDENTITY_COLUMNS.items():
            values = sorted({k[name] for k in idents if name in k})
            if values:
                col = _CUSTOMER.c[column]
                for cid, value in s.execute(select(_CUSTOMER.c.id, col).where(col.in_(values),
                                                                              _CUSTOMER.c.erased_at.is_(None))):
                    by_key[name].setdefault(value, set()).add(cid)
        candidates = {cid for found in by_key.values() for ids in found.values() for cid in ids}
        if candidates and self.is_person:
            for cid, key in s.execute(select(SourceRecord.customer_id, SourceRecord.source_key).where(
                    SourceRecord.system == self.system.name, SourceRecord.mapping == self.tm.name,
                    SourceRecord.customer_id.in_(candidates))):
                if cid is not None:
                    taken.setdefault(cid, set()).add(key)
        return _Batch(known=known, parents=parents, erased=erased, missing=missing, by_key=by_key, taken=taken)

    # --- one batch -----------------------------------------------------------------------------
    def apply(self, s: Session, rows: list[SourceRow]) -> int:
        if self.shortcut:
            same = self._unchanged(s, rows)
            rows = [r.typed() for r in rows if r.key_text not in same]
            if not rows:
                return 0
        else:
            rows = [r.typed() for r in rows]
        b = self._prefetch(s, rows)
        written = 0
        for row in rows:
            prov = b.known.get(row.key_text)
            if row.problem is not None:
                self.report.refuse(row.problem)
                if prov is not None:
                    b.still_there.append(prov.id)
                continue
            try:
                outcome = self.apply_row(s, b, row, prov)
            except SourceProblem as problem:  # raised before the row wrote anything
                self.report.refuse(problem)
                if prov is not None:
                    b.still_there.append(prov.id)
                continue
            if outcome == "written":
                written += 1
            elif outcome == "same" and prov is not None:
                b.confirmed.append(prov.id)
            elif prov is not None:
                b.still_there.append(prov.id)
        self._flush(s, b)
        return written

    def _insert_people(self, s: Session, b: _Batch) -> None:
        """Insert the batch's new people in one statement and put their real ids where the stand-ins were."""
        if not b.people:
            return
        real: dict[int, int] = {}
        groups: dict[tuple[str, ...], list[dict[str, Any]]] = {}
        for values in b.people:
            groups.setdefault(tuple(sorted(values)), []).append(values)
        for names, group in groups.items():
            rows = [{n: v for n, v in g.items() if n != "_temp"} for g in group]
            ids = s.execute(insert(_CUSTOMER).returning(_CUSTOMER.c.id, sort_by_parameter_order=True),
                            rows).scalars().all()
            for values, cid in zip(group, ids, strict=True):
                real[values["_temp"]] = int(cid)
            del names

        def fix(value: Any) -> Any:
            return real.get(value, value) if isinstance(value, int) and value < 0 else value

        for _, values, _prov in b.inserts:
            if "customer_id" in values:
                values["customer_id"] = fix(values["customer_id"])
        for values in b.updates:
            values["_rid"] = fix(values["_rid"])
            if "customer_id" in values:
                values["customer_id"] = fix(values["customer_id"])
        for prov in (*b.new_prov, *b.changed_prov):
            prov["record_id"], prov["customer_id"] = fix(prov["record_id"]), fix(prov["customer_id"])
        b.reindex = {fix(cid): names for cid, names in b.reindex.items()}
        for conflict in b.conflicts:
            conflict.customer_id = fix(conflict.customer_id)
            conflict.candidate_ids = ",".join(str(fix(int(i))) for i in conflict.candidate_ids.split(",") if i)

    def _unchanged(self, s: Session, rows: list[SourceRow]) -> set[str]:
        """Keys of rows the source returns exactly as when the desk last wrote them."""
        hashes = {r.key_text: r.raw_hash for r in rows if r.raw_hash}
        if not hashes:
            return set()
        return {key for key, raw in s.execute(
            select(SourceRecord.source_key, SourceRecord.source_hash)
            .where(SourceRecord.system == self.system.name, SourceRecord.mapping == self.tm.name,
                   SourceRecord.source_key.in_(list(hashes)))) if raw is not None and raw == hashes[key]}

    def _flush(self, s: Session, b: _Batch) -> None:
        t = self.table
        self._insert_people(s, b)
        for conflict in b.conflicts:
            self.add_conflict(s, conflict)
        if b.inserts:
            ids = s.execute(insert(t).returning(t.c.id, sort_by_parameter_order=True),
                            [values for _, values, _p in b.inserts]).scalars().all()
            for (row, values, prov), rid in zip(b.inserts, ids, strict=True):
                # A record the desk lost (removed by hand) is made again and keeps its provenance row.
                self._save_prov(b, row, prov, int(rid), values.get("customer_id"))
        groups: dict[tuple[str, ...], list[dict[str, Any]]] = {}
        for values in b.updates:
            groups.setdefault(tuple(sorted(values)), []).append(values)
        for names, group in groups.items():
            stmt = update(t).where(t.c.id == bindparam("_rid")).values(
                {n: bindparam(n) for n in names if n != "_rid"})
            s.connection().execute(stmt, group)
        if b.fill_completed:
            s.execute(update(t).where(t.c.id.in_(b.fill_completed), t.c.completed_at.is_(None))
                      .values(completed_at=self.now))
        if b.reindex:
            s.execute(delete(_TOKENS).where(_TOKENS.c.customer_id.in_(list(b.reindex))))
            tokens = [{"token": tok, "sort_name": sort_name, "customer_id": cid, "name_key": name_key(first, last)}
                      for cid, (first, last, sort_name) in b.reindex.items() for tok in search_tokens(first, last)]
            if tokens:
                s.execute(insert(_TOKENS), tokens)
        if b.new_prov:
            s.execute(insert(_PROV), b.new_prov)
        if b.changed_prov:
            s.connection().execute(
                update(_PROV).where(_PROV.c.id == bindparam("_pid")).values(
                    record_id=bindparam("record_id"), customer_id=bindparam("customer_id"),
                    row_hash=bindparam("row_hash"), source_hash=bindparam("source_hash"),
                    last_synced=bindparam("last_synced"),
                    seen_run=bindparam("seen_run")), b.changed_prov)
        if b.confirmed:
            # Typed and found the same (a full pass, or the raw row changed but not what the desk keeps).
            s.execute(update(_PROV).where(_PROV.c.id.in_(b.confirmed))
                      .values(last_synced=self.now, seen_run=self.run_id))
        if b.still_there:
            s.execute(update(_PROV).where(_PROV.c.id.in_(b.still_there)).values(seen_run=self.run_id))

    def _prov_values(self, row: SourceRow, record_id: int, customer_id: int | None) -> dict[str, Any]:
        return {"system": self.system.name, "mapping": self.tm.name, "source_table": self.tm.table,
                "source_key": row.key_text, "record_kind": self.tm.record_kind, "record_id": record_id,
                "customer_id": customer_id, "row_hash": row.digest, "source_hash": row.raw_hash,
                "first_seen": self.now, "last_synced": self.now, "seen_run": self.run_id}

    def _save_prov(self, b: _Batch, row: SourceRow, prov: _Prov | None, record_id: int,
                   customer_id: int | None) -> None:
        if prov is None:
            b.new_prov.append(self._prov_values(row, record_id, customer_id))
        else:
            b.changed_prov.append({"_pid": prov.id, "record_id": record_id, "customer_id": customer_id,
                                   "row_hash": row.digest, "source_hash": row.raw_hash, "last_synced": self.now,
                                   "seen_run": self.run_id})

    def _problem(self, row: SourceRow, problem: str, problem_nb: str, column: str | None = None) -> SourceProblem:
        return SourceProblem(self.system.name, problem, problem_nb, table=self.tm.table, column=column,
                             key=row.key_text)

    def _column_for(self, field_name: str) -> str:
        """The source column that fills a desk field (a file's columns are the fields themselves)."""
        return next((c.column for c in self.tm.columns if c.field == field_name), field_name)

    def apply_row(self, s: Session, b: _Batch, row: SourceRow, prov: _Prov | None) -> str:
        values = dict(row.values)
        for name, value in self.tm.constants:
            values[name] = value
        customer_id: int | None = None
        if self.is_person:
            values = self.customer_values(row, values)
        elif self.tm.person.via and row.parent_key is not None:
            parent = b.parents.get(row.parent_key)
            if parent is None:
                raise self._problem(row, f"its {self.tm.person.via} row {row.parent_key} is not in the desk "
                                    "(not synced, or refused)", f"raden {row.parent_key} i {self.tm.person.via} "
                                    "er ikke i desken (ikke synkronisert, eller avvist)", self.tm.person.column)
            customer_id = parent.customer_id if self.parent_kind != "customer" else parent.record_id
            if self.parent_field:
                values[self.parent_field] = parent.record_id
        if self.tm.completion is not None:
            values["completed_at"] = row.completed_at if row.complete else None
        values["purposes"] = self.purposes
        # The identity number's ciphertext differs on every encryption: its hash stands for it.
        row.digest = _row_hash({k: v for k, v in values.items() if k != "__nid_encrypted"},
                               ((customer_id, row.parent_key), row.complete))
        if prov is not None and prov.row_hash == row.digest and prov.record_id not in b.missing:
            return "same"
        for name in self.required:
            if values.get(name) is None and name not in ("created_at", "customer_number", "first_name",
                                                         "last_name", "collected_at"):
                raise self._problem(row, f"no value for the desk's required field {name}",
                                    f"ingen verdi for deskens påkrevde felt {name}", self._column_for(name))
        if self.is_person:
            return self.write_customer(s, b, row, prov, values)
        if customer_id is None:
            if prov is None and not row.identity:
                raise self._problem(row, "names no person: no parent row and no e-mail, phone or identity number",
                                    "peker ikke på noen person: ingen overordnet rad og ingen e-post, telefon "
                                    "eller fødselsnummer", self.tm.person.column)
            customer_id = self.person_for(s, b, row, prov)
        if customer_id in b.erased:
            self.report.skipped_erased += 1
            return "erased"
        if "customer_id" in self.table.c:
            values["customer_id"] = customer_id
        if prov is not None and prov.record_id not in b.missing:
            changes = dict(values)
            if self.tm.completion is not None and row.complete and row.completed_at is None:
                changes.pop("completed_at")  # first seen complete: filled below only where still empty
                b.fill_completed.append(prov.record_id)
            changes["_rid"] = prov.record_id
            b.updates.append(changes)
            self._save_prov(b, row, prov, prov.record_id, customer_id)
        else:
            fresh = dict(values)
            if self.tm.completion is not None and row.complete and row.completed_at is None:
                fresh["completed_at"] = self.now
            fresh.setdefault("collected_at", self.now)
            b.inserts.append((row, fresh, prov))
        return "written"

    # --- people ----------------------------------------------------------------------------------
    def customer_values(self, row: SourceRow, values: dict[str, Any]) -> dict[str, Any]:
        out = dict(values)
        first = (out.get("first_name") or "").strip()
        last = (out.get("last_name") or "").strip()
        out["first_name"], out["last_name"] = first, last
        out["sort_name"] = name_sort_key(first, last)
        email = out.get("email") or None
        out["email"] = email
        out["email_norm"] = normalize_email(email) if email else None
        phone = out.get("phone") or None
        out["phone"] = phone
        out["phone_e164"] = normalize_phone(phone, self.system.phone_region) if phone else None
        nid_text = out.pop("national_id", None)
        if nid_text:
            try:
                protected = protect_national_id(self.ctx.keys, str(nid_text), today=self.now.date(),
                                                test_numbers=self.ctx.demo)
            except InvalidNationalId as exc:
                raise self._problem(row, f"not a valid identity number ({exc})", f"ikke et gyldig fødselsnummer "
                                    f"({getattr(exc, 'message_nb', exc)})", self._column_for("national_id")) from None
            out.update(nid_hash=protected.hash, nid_masked=protected.masked, nid_country=protected.country,
                       birth_date=protected.birth_date)
            out["__nid_encrypted"] = protected.encrypted
        return out

    def identity_of(self, row: SourceRow) -> dict[str, str]:
        """The desk's keys for a row's identity columns: e-mail key, E.164 phone, identity-number hash."""
        if row.identity_keys is not None:
            return row.identity_keys
        keys: dict[str, str] = {}
        email = row.identity.get("email")
        if email and (norm := normalize_email(email)):
            keys["email"] = norm
        phone = row.identity.get("phone")
        if phone and (e164 := normalize_phone(phone, self.system.phone_region)):
            keys["phone"] = e164
        nid = row.identity.get("national_id")
        if nid:
            with contextlib.suppress(InvalidNationalId):  # an invalid number is no identity at all
                keys["national_id"] = protect_national_id(self.ctx.keys, nid, today=self.now.date(),
                                                               test_numbers=self.ctx.demo).hash
        row.identity_keys = keys
        return keys

    def match_person(self, b: _Batch, row: SourceRow) -> tuple[int | None, SourceConflict | None]:
        """The one desk person these identity keys mean, or a conflict to list when they mean several."""
        keys = self.identity_of(row)
        found = {name: b.by_key[name][value] for name, value in keys.items() if b.by_key[name].get(value)}
        everyone: set[int] = set().union(*found.values()) if found else set()
        if not everyone:
            return None, None
        # A person already linked to another row of this same table is another account, not this one.
        taken = {cid for cid in everyone if b.taken.get(cid, set()) - {row.key_text}}
        if len(everyone) == 1 and not (taken and self.is_person):
            return next(iter(everyone)), None
        reason = "keys_disagree" if len(everyone) > 1 else "shared_key"
        conflict = SourceConflict(
            system=self.system.name, mapping=self.tm.name, source_key=row.key_text, reason=reason,
            matched_by=",".join(sorted(found)), candidate_ids=",".join(str(i) for i in sorted(everyone)),
            created_at=self.now)
        return None, conflict

    def _remember(self, b: _Batch, row: SourceRow, cid: int) -> None:
        """Later rows of the same batch see this person by their keys (two accounts, one e-mail)."""
        for name, value in self.identity_of(row).items():
            b.by_key[name].setdefault(value, set()).add(cid)
        if self.is_person:
            b.taken.setdefault(cid, set()).add(row.key_text)

    def person_for(self, s: Session, b: _Batch, row: SourceRow, prov: _Prov | None) -> int:
        """The person of a row that has no parent (a guest order): by identity, or a new person."""
        if prov is not None and prov.customer_id is not None:
            return prov.customer_id
        match, conflict = self.match_person(b, row)
        if match is not None:
            return match
        number = f"{self.system.number_prefix}{self.tm.name[:1].upper()}{row.key_text}"[:20]
        values = {"first_name": "", "last_name": "", "email": row.identity.get("email"),
                  "phone": row.identity.get("phone"), "customer_number": number}
        cid = self.insert_customer(b, self.customer_values(row, values), row)
        self._remember(b, row, cid)
        if conflict is not None:
            conflict.customer_id = cid
            b.conflicts.append(conflict)
        return cid

    def add_conflict(self, s: Session, conflict: SourceConflict) -> None:
        exists = s.execute(select(SourceConflict.id).where(
            SourceConflict.system == conflict.system, SourceConflict.mapping == conflict.mapping,
            SourceConflict.source_key == conflict.source_key)).scalar()
        if exists is None:
            s.add(conflict)
            s.flush()
            self.report.conflicts += 1

    def insert_customer(self, b: _Batch, values: dict[str, Any], row: SourceRow) -> int:
        """Queue a new person for the batch's insert; returns the stand-in id the batch knows them by."""
        encrypted = values.pop("__nid_encrypted", None)
        created = values.get("created_at") or self.now
        values = {**values, "created_at": created, "collected_at": values.get("collected_at") or created,
                  "purposes": self.svc.purposes(self.system, "customer"), "nid_encrypted": encrypted}
        values["customer_number"] = values.get("customer_number") or f"{self.system.number_prefix}{row.key_text}"[:20]
        values["language"] = values.get("language") or (self.system.languages[0] if self.system.languages else "nb")
        values["country"] = values.get("country") or self.system.phone_region
        temp = -(len(b.people) + 1)
        values["_temp"] = temp
        b.people.append(values)
        b.reindex[temp] = (values["first_name"], values["last_name"], values["sort_name"])
        return temp

    def write_customer(self, s: Session, b: _Batch, row: SourceRow, prov: _Prov | None,
                       values: dict[str, Any]) -> str:
        cid: int | None = prov.record_id if prov is not None and prov.record_id not in b.missing else None
        if cid is not None and cid in b.erased:
            self.report.skipped_erased += 1
            return "erased"
        conflict = None
        if cid is None:
            cid, conflict = self.match_person(b, row)
        encrypted = values.pop("__nid_encrypted", None)
        if cid is None:
            values["__nid_encrypted"] = encrypted
            cid = self.insert_customer(b, values, row)
            if conflict is not None:
                conflict.customer_id = cid
                b.conflicts.append(conflict)
        else:
            changes = {k: v for k, v in values.items() if k not in ("created_at", "customer_number")}
            if encrypted is not None:
                changes["nid_encrypted"] = encrypted
            changes["_rid"] = cid
            b.updates.append(changes)
            b.reindex[cid] = (values["first_name"], values["last_name"], values["sort_name"])
        self._remember(b, row, cid)
        self._save_prov(b, row, prov, cid, cid)
        return "written"


    # --- removals ------------------------------------------------------------------------------
    def mirror_removals(self, s: Session, run_id: int) -> int:
        """After a full pass: remove from the desk what the source no longer has."""
        gone = list(s.execute(select(SourceRecord).where(
            SourceRecord.system == self.system.name, SourceRecord.mapping == self.tm.name,
            SourceRecord.seen_run != run_id)).scalars())
        removed = 0
        for prov in gone:
            if self.tm.record_kind == "customer":
                # Still held elsewhere (an order the shop keeps after the account is deleted, another
                # system), or the subject of a request: the person stays; only this link goes.
                others = s.execute(select(func.count()).select_from(SourceRecord).where(
                    SourceRecord.customer_id == prov.record_id, SourceRecord.id != prov.id)).scalar()
                requests = s.execute(select(func.count()).select_from(DsrRequest).where(
                    DsrRequest.customer_id == prov.record_id)).scalar()
                if others or requests:
                    self.report.notes.append(
                        f"{self.tm.table} {prov.source_key}: gone at the source; person {prov.record_id} kept "
                        f"({'other records still hold them' if others else 'they have requests'})")
                    s.execute(delete(SourceRecord).where(SourceRecord.id == prov.id))
                    continue
            s.execute(delete(self.table).where(self.table.c.id == prov.record_id))
            s.execute(delete(SourceRecord).where(SourceRecord.id == prov.id))
            removed += 1
        return removed


class SyncService:
    """Sync the shop's systems into the desk; check their connection and read-only login."""

    def __init__(self, ctx: DeskContext) -> None:
        self.ctx = ctx
        self.field_types = desk_field_types()

    def purposes(self, system: System, kind: str, table: str | None = None) -> str:
        """The policy's purposes for a record kind that this system feeds (all of them if it names none)."""
        allowed = [p.key for p in self.ctx.policy.purposes_for_record_kind(kind)]
        chosen = [p for p in allowed if not system.purposes or p in system.purposes]
        if not chosen:
            raise SourceProblem(system.name, f"feeds no purpose the policy gives {kind} records",
                                f"gir ingen formål som personvernerklæringen gir {kind}-poster", table=table)
        return ",".join(chosen)

    def open_source(self, system: System, url: str | None = None) -> SqlSource:
        return open_source(system, url)

    def sync(self, system: System, *, url: str | None = None, full: bool = False, batch: int = 2000,
             progress: Callable[[SyncProgress], None] | None = None) -> SyncReport:
        source = self.open_source(system, url)
        started = time.perf_counter()
        mode = "full" if full else ("first" if not self._has_cursor(system) else "incremental")
        report = SyncReport(system=system.name, mode=mode)
        # The run is recorded before connecting: a source that did not answer shows as a failed run.
        run_id = self._start_run(system, mode)
        try:
            with source.connect() as conn:
                require_read_only(system, source, conn)
                source.reflect(conn)
                full_passes = [tm for tm in system.tables
                               if self._sync_table(source, conn, system, tm, run_id=run_id, full=full, batch=batch,
                                                   report=report, progress=progress)]
                # Children first, so a person whose orders the source still keeps is kept with them.
                for tm in reversed(full_passes):
                    self._finish_full_pass(system, tm, report)
        except BaseException as exc:
            self._finish_run(run_id, report, error=exc)
            raise
        finally:
            source.close()
        report.seconds = time.perf_counter() - started
        self._finish_run(run_id, report)
        return report

    def import_file(self, path: Path, kind: str, *, system: str = "file-import",
                    reject_path: Path | None = None) -> ImportReport:
        """Load one export file (docs/import-format.md) all or nothing; write rejected rows to a file.

        Importing the same file again writes nothing: each row's provenance and hash are already there.
        """
        if kind not in RECORD_MODELS:
            raise DeskError(f"'{kind}' is not a record kind the desk stores ({', '.join(sorted(RECORD_MODELS))}).",
                            f"'{kind}' er ikke en registertype desken lagrer ({', '.join(sorted(RECORD_MODELS))}).")
        try:
            parsed = read_rows(path, kind, self.field_types[kind])
        except FileNotFoundError:
            raise DeskError(f"{path}: the file does not exist.", f"{path}: filen finnes ikke.") from None
        except (OSError, UnicodeDecodeError, ValueError, csv.Error) as exc:
            raise DeskError(f"{path}: cannot be read ({exc}).", f"{path}: kan ikke leses ({exc}).") from None
        report = ImportReport(file=str(path), kind=kind, rows=len(parsed.rows) + len(parsed.rejects))
        rejects = list(parsed.rejects)
        if not rejects:
            source = file_system(system, tuple(RECORD_MODELS))
            sync_report = SyncReport(system=system, mode="import")
            run_id = self._start_run(source, "import")
            try:
                with self.ctx.db.transaction() as s:
                    sync = _TableSync(self, source, source.table(kind), run_id=run_id, now=_now(),
                                      report=sync_report)
                    report.written = sync.apply(s, parsed.rows)
                    sync_report.read, sync_report.written = len(parsed.rows), report.written
                    if sync_report.refused:
                        raise _AllOrNothing
            except _AllOrNothing:
                report.written = 0
                for problem in sync_report.refused_problems:
                    line = parsed.lines.get(problem.key or "", 0)
                    field_name = "parent_key" if problem.column == "person_key" and kind in PARENT_KINDS else (
                        problem.column or "source_key")
                    reason = problem.text("en").split(": ", 1)[-1]
                    rejects.append(Reject(path.name, line, field_name, reason))
            except BaseException as exc:
                self._finish_run(run_id, sync_report, error=exc)
                raise
            self._finish_run(run_id, sync_report, error=_AllOrNothing() if rejects else None)
        report.rejects = sorted(rejects, key=lambda r: r.line)
        if report.rejects:
            target = reject_path or path.with_name(path.name + ".rejects.csv")
            _write_rejects(target, report.rejects)
            report.reject_file = target
        report.loaded = not report.rejects
        return report

    def refresh_person(self, actor: Actor, system: System, customer_id: int, *, url: str | None = None,
                       timeout: float = 5.0) -> RefreshReport:
        """Re-read one person from a live system now, and write what changed; logged like any look.

        Reads the rows the desk already links to the person and every row under their parents (the
        order placed a minute ago); gives up after `timeout` seconds per statement and says so
        instead of failing the profile. Removals wait for the next full sync.
        """
        started = time.perf_counter()
        report = SyncReport(system=system.name, mode="refresh")
        try:
            source = SqlSource(system, url=url, connect_timeout=max(1, int(timeout)))
        except DeskError as exc:
            return RefreshReport(system.name, ok=False, as_of=None, error=exc.text("en"))
        try:
            with source.connect() as conn:
                require_read_only(system, source, conn)
                source.limit_statements(conn, timeout)
                source.reflect(conn)
                with self.ctx.db.transaction() as s:
                    linked: dict[str, list[str]] = {}
                    for mapping, key in s.execute(select(SourceRecord.mapping, SourceRecord.source_key).where(
                            SourceRecord.system == system.name, SourceRecord.customer_id == customer_id)):
                        linked.setdefault(mapping, []).append(key)
                    read: dict[str, list[str]] = {}
                    for tm in system.tables:
                        parents = read.get(tm.person.via, []) if tm.person.via else []
                        rows = source.rows_of(conn, tm, self.field_types[tm.record_kind],
                                              keys=linked.get(tm.name, []), parent_keys=parents)
                        read[tm.name] = [r.key_text for r in rows]
                        if rows:
                            # The pass in progress keeps its own marks: a full pass must still see these rows.
                            cursor = s.get(SourceCursor, (system.name, tm.name))
                            sync = _TableSync(self, system, tm, run_id=cursor.run_id if cursor else 0, now=_now(),
                                              report=report)
                            report.written += sync.apply(s, rows)
                            report.read += len(rows)
                    self.ctx.audit.append(s, actor, action="refresh", data=f"source:{system.name}",
                                          customer_id=customer_id,
                                          detail=f"re-read {report.read} rows, {report.written} changed")
        except DeskError as exc:
            return RefreshReport(system.name, ok=False, as_of=None, error=exc.text("en"),
                                 seconds=time.perf_counter() - started)
        finally:
            source.close()
        return RefreshReport(system.name, ok=True, as_of=_now(), read=report.read, written=report.written,
                             refused=report.refused, seconds=time.perf_counter() - started)

    def _has_cursor(self, system: System) -> bool:
        with self.ctx.db.transaction() as s:
            return s.execute(select(func.count()).select_from(SourceCursor)
                             .where(SourceCursor.system == system.name)).scalar_one() > 0

    def _start_run(self, system: System, mode: str) -> int:
        with self.ctx.db.transaction() as s:
            run = SourceSyncRun(system=system.name, mode=mode, started_at=_now(), rows_read=0, rows_written=0,
                                rows_removed=0, outcome="running")
            s.add(run)
            s.flush()
            return int(run.id)

    def _finish_run(self, run_id: int, report: SyncReport, error: BaseException | None = None) -> None:
        with self.ctx.db.transaction() as s:
            run = s.get(SourceSyncRun, run_id)
            assert run is not None
            run.finished_at = _now()
            run.rows_read, run.rows_written, run.rows_removed = report.read, report.written, report.removed
            run.outcome = "failed" if error is not None else "done"
            if error is not None:
                run.error = error.text("en") if isinstance(error, DeskError) else type(error).__name__
            self.ctx.audit.append(
                s, system_actor(self.ctx.workstation, "sync"), action="sync", data=f"source:{report.system}",
                detail=f"{report.mode}: read {report.read}, written {report.written}, removed {report.removed}, "
                       f"refused {report.refused}, questions {report.conflicts}"
                       + (f"; failed: {run.error}" if error is not None else ""))

    def _cursor(self, s: Session, system: System, tm: TableMap, run_id: int) -> SourceCursor:
        cur = s.get(SourceCursor, (system.name, tm.name))
        if cur is None:
            cur = SourceCursor(system=system.name, mapping=tm.name, run_id=run_id, pass_open=False, full=False,
                               updated_at=_now())
            s.add(cur)
            s.flush()
        return cur

    def _sync_table(self, source: SqlSource, conn: Connection, system: System, tm: TableMap, *, run_id: int,
                    full: bool, batch: int, report: SyncReport,
                    progress: Callable[[SyncProgress], None] | None) -> bool:
        """Read one mapping entry's rows into the desk; True when it was a full pass (removals pending)."""
        with self.ctx.db.transaction() as s:
            cur = self._cursor(s, system, tm, run_id)
            if not cur.pass_open or (full and not cur.full):
                # A new pass: a full one compares every key; an incremental one reads from the change cursor.
                cur.pass_open, cur.full, cur.run_id = True, full, run_id
                if full or not tm.changed:
                    cur.after_key = None  # a key-order pass starts at the first key
                cur.pass_changed = cur.after_changed
            by_change = bool(tm.changed) and not cur.full
            pass_run, after_key = cur.run_id, decode_position(cur.after_key)
            after_changed = (decode_position(cur.after_changed) or (None,))[0]
            is_full = cur.full
        total = source.count(conn, tm, after_changed if by_change else None)
        done, started = 0, time.perf_counter()
        sync = _TableSync(self, system, tm, run_id=pass_run, now=_now(), report=report)
        sync.shortcut = not is_full
        max_changed = after_changed
        while True:
            rows = source.batch(conn, tm, self.field_types[tm.record_kind], by_change=by_change,
                                after_key=after_key, after_changed=after_changed, limit=batch)
            if not rows:
                break
            with self.ctx.db.transaction() as s:
                written = sync.apply(s, rows)
                pos = s.get(SourceCursor, (system.name, tm.name))
                assert pos is not None
                cur = pos
                last = rows[-1]
                after_key = last.key
                cur.after_key = encode_position(last.key)
                if tm.changed:
                    changed_values = [r.changed for r in rows if r.changed is not None]
                    if by_change:
                        after_changed = last.changed
                        cur.after_changed = encode_position([last.changed])
                    elif changed_values:
                        top = max(changed_values)
                        max_changed = top if max_changed is None or top > max_changed else max_changed
                        cur.pass_changed = encode_position([max_changed])
                cur.updated_at = _now()
            report.read += len(rows)
            report.written += written
            report.per_table[tm.table] = report.per_table.get(tm.table, 0) + len(rows)
            done += len(rows)
            if progress is not None:
                elapsed = max(time.perf_counter() - started, 1e-6)
                progress(SyncProgress(system.name, tm.table, done, max(total, done), done / elapsed))
            if len(rows) < batch:
                break
        if is_full:
            return True  # closed by _finish_full_pass once every table of the system has been read
        with self.ctx.db.transaction() as s:
            done_pos = s.get(SourceCursor, (system.name, tm.name))
            assert done_pos is not None
            cur = done_pos
            if not by_change:
                cur.after_key = None
            cur.pass_open, cur.full = False, False
            cur.last_complete_at = _now()
            cur.updated_at = _now()
        return False

    def _finish_full_pass(self, system: System, tm: TableMap, report: SyncReport) -> None:
        """Mirror what the source removed, then close the pass; one transaction, so a kill redoes it whole."""
        with self.ctx.db.transaction() as s:
            cur = s.get(SourceCursor, (system.name, tm.name))
            assert cur is not None
            sync = _TableSync(self, system, tm, run_id=cur.run_id, now=_now(), report=report)
            report.removed += sync.mirror_removals(s, cur.run_id)
            if tm.changed and cur.pass_changed is not None:
                cur.after_changed = cur.pass_changed  # incremental syncs carry on from the newest change seen
            cur.after_key = None
            cur.pass_open, cur.full = False, False
            cur.last_complete_at = _now()
            cur.updated_at = _now()


def open_source(system: System, url: str | None = None) -> SqlSource:
    if system.kind != "sql":
        raise DeskError(f"System '{system.name}' is a {system.kind} system: it has no database to read.",
                        f"System '{system.name}' er et {system.kind}-system: det har ingen database å lese.")
    return SqlSource(system, url=url)


def check_system(system: System, url: str | None = None) -> list[str]:
    """Connect, reflect every mapped column, count rows, check the login: lines to print."""
    source = open_source(system, url)
    try:
        with source.connect() as conn:
            source.reflect(conn)
            lines = [f"{system.name}: connected to {source.display()}"]
            for tm in system.tables:
                lines.append(f"  {tm.table} -> {tm.record_kind}: {source.count(conn, tm)} rows")
            lines.append(_read_only_line(system, source.write_privileges(conn)))
            return lines
    finally:
        source.close()


def scan_system(system: System, url: str | None = None) -> list[ScanFinding]:
    """Columns in the source that look personal and that the mapping does not read."""
    source = open_source(system, url)
    try:
        with source.connect() as conn:
            return scan_source(conn, system)
    finally:
        source.close()


def _read_only_line(system: System, writes: list[str]) -> str:
    if not writes:
        return "  reading login: read-only (good)"
    if system.writer_account:
        return f"  reading login can write ({', '.join(writes[:3])}...); allowed: writer_account = true"
    return f"  reading login can WRITE ({', '.join(writes[:3])}...): sync refuses; see README 'Connect your shop'"


def require_read_only(system: System, source: SqlSource, conn: Connection) -> None:
    writes = source.write_privileges(conn)
    if writes and not system.writer_account:
        shown = ", ".join(writes[:4]) + (", ..." if len(writes) > 4 else "")
        raise SourceProblem(
            system.name,
            f"the reading login can write ({shown}). Give the desk a read-only login (README: 'Connect your "
            "shop'), or set writer_account = true if this account is also the one that carries out requests.",
            f"lese-innloggingen kan skrive ({shown}). Gi desken en innlogging som bare kan lese (README: "
            "'Connect your shop'), eller sett writer_account = true om kontoen også skal utføre forespørsler.")
