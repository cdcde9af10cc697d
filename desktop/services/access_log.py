"""The access-log viewer for supervisors and admins, and the look-up history for register copies.

Roles are enforced here, below the UI: an agent calling `query`, `count`, `export_csv` or
`verify_chain` gets `PermissionDenied` (and the attempt is logged), never rows. Looking at the log
is itself a look at personal data (who was looked at, and why), so every page viewed, every
export and every chain check writes its own entry in the same transaction.

`lookup_history` serves the register copy (docs/rules.md#r-lookups): the dates and purposes of look-ups at
one person's data, without staff names, workstations or reasons (a reason such as an internal
fraud check must not reach the person it concerns). It takes no actor because only services call
it, inside a use case that checks its own permission and logs its own access; the UI must never
call it directly.
"""

from __future__ import annotations

import csv
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from pathlib import Path
from typing import TextIO

from sqlalchemy import ColumnElement, Select, and_, func, or_, select
from sqlalchemy.orm import Session

from desktop.audit.log import VerifyResult
from desktop.domain.roles import Actor, Permission
from desktop.errors import InvalidInput, PermissionDenied
from desktop.models import AccessLogEntry
from desktop.services.accounts import AccountService
from desktop.services.context import DeskContext

__all__ = [
    "CSV_COLUMNS",
    "LOOKUP_ACTIONS",
    "SHOWN_MAX",
    "AccessLogService",
    "LogRow",
    "LookupEvent",
    "VerifyResult",
    "shown_detail",
    "shown_ids",
]

MAX_PAGE = 1000
_EXPORT_BATCH = 2000
#: Entries that are looks at the person's own data and belong in their register copy: searches
#: that showed them (C-579/21), profiles and groups opened, the number revealed, copies made and printed.
LOOKUP_ACTIONS: tuple[str, ...] = ("search", "open", "view", "reveal", "register_copy_collect",
                                   "register_copy_print")
#: A search entry names at most this many of the people its page showed (a page holds at most 500).
SHOWN_MAX = 500
_SHOWN = "; shown=,"
CSV_COLUMNS: tuple[str, ...] = (
    "seq", "at_utc", "actor", "workstation", "action", "customer_id", "data", "purpose", "detail", "reason",
    "request_id",
)
# A cell starting with one of these is a formula in Excel and LibreOffice (CSV injection).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class LogRow:
    seq: int
    #: Naive UTC, as stored; `local_at` for display.
    at: datetime
    actor: str
    workstation: str
    action: str
    customer_id: int | None
    data: str
    purpose: str | None
    detail: str | None
    reason: str | None
    request_id: int | None

    def local_at(self, tz: tzinfo | None = None) -> datetime:
        return self.at.replace(tzinfo=UTC).astimezone(tz)


@dataclass(frozen=True)
class LookupEvent:
    """Looks of one kind on one day: what the register copy lists (no staff, no reasons)."""

    date: date
    action: str
    data: str
    purpose: str | None
    description: str
    count: int


def shown_detail(customer_ids: Iterable[int]) -> str:
    """The end of a search entry's detail naming whom the page showed, by internal id only:
    "; shown=,12,45,". Last in the detail, so a masked query before it can never fake one."""
    ids = list(dict.fromkeys(customer_ids))
    if not ids:
        return ""
    extra = f"; shown_not_listed={len(ids) - SHOWN_MAX}" if len(ids) > SHOWN_MAX else ""
    return extra + _SHOWN + ",".join(str(i) for i in ids[:SHOWN_MAX]) + ","


def shown_ids(detail: str | None) -> tuple[int, ...]:
    """The ids a search entry's detail says its page showed."""
    if not detail or _SHOWN not in detail:
        return ()
    tail = detail.rsplit(_SHOWN, 1)[1]
    return tuple(int(x) for x in tail.split(",") if x.isdigit())


def _row(e: AccessLogEntry) -> LogRow:
    return LogRow(seq=e.seq, at=e.at, actor=e.actor, workstation=e.workstation, action=e.action,
                  customer_id=e.customer_id, data=e.data, purpose=e.purpose, detail=e.detail, reason=e.reason,
                  request_id=e.request_id)


def _defuse(value: object) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


class AccessLogService:
    def __init__(self, ctx: DeskContext, *, tz: tzinfo | None = None) -> None:
        """`tz` is the zone date filters and look-up dates are read in (None: the workstation's)."""
        self.ctx = ctx
        self.tz = tz
        self.accounts = AccountService(ctx)

    # --- the viewer (supervisors and admins) -----------------------------------------------------

    def query(
        self,
        actor: Actor,
        *,
        agent: str | None = None,
        customer_id: int | None = None,
        action: str | None = None,
        date_from: date | None = None,
        date_to: date | None = None,
        offset: int = 0,
        limit: int = 100,
    ) -> list[LogRow]:
        """Newest first; dates are whole local days, both ends included."""
        if offset < 0 or not 1 <= limit <= MAX_PAGE:
            raise InvalidInput(f"A page starts at 0 or later and holds 1-{MAX_PAGE} rows.",
                               f"En side starter på 0 eller senere og har 1-{MAX_PAGE} rader.")
        where = self._where(agent, customer_id, action, date_from, date_to)
        with self.ctx.db.transaction() as s:
            self._allow(s, actor, Permission.VIEW_ACCESS_LOG)
            rows = [_row(e) for e in s.execute(
                select(AccessLogEntry).where(*where).order_by(AccessLogEntry.seq.desc()).offset(offset).limit(limit)
            ).scalars()]
            self.ctx.audit.append(
                s, actor, action="log_view", data="access_log", customer_id=customer_id,
                detail=f"{self._describe(agent, customer_id, action, date_from, date_to)}; offset={offset}; "
                       f"rows={len(rows)}",
            )
            return rows

    def count(
        self,
        actor: Actor,
        *,
        agent: str | None = None,
        customer_id: int | None = None,
        action: str | None = None,
        date_from: date | None = None,
        date_to: date | None = None,
    ) -> int:
        """How many entries match; a number, not entries, so it writes no entry of its own."""
        where = self._where(agent, customer_id, action, date_from, date_to)
        with self.ctx.db.transaction() as s:
            self._allow(s, actor, Permission.VIEW_ACCESS_LOG)
            return int(s.execute(select(func.count()).select_from(AccessLogEntry).where(*where)).scalar_one())

    def export_csv(
        self,
        actor: Actor,
        target: Path | str | TextIO,
        *,
        agent: str | None = None,
        customer_id: int | None = None,
        action: str | None = None,
        date_from: date | None = None,
        date_to: date | None = None,
        delimiter: str = ",",
    ) -> int:
        """Write the matching entries oldest first; returns how many.

        A file is created private (it holds who looked at whom, and why) with a UTF-8 BOM so
        spreadsheet programs read æ, ø and å; text that would run as a formula is prefixed with '.
        The export is logged in the transaction that reads it; if the log write fails, a file
        target is removed again.
        """
        where = self._where(agent, customer_id, action, date_from, date_to)
        description = self._describe(agent, customer_id, action, date_from, date_to)
        created: Path | None = None
        try:
            with self.ctx.db.transaction() as s:
                self._allow(s, actor, Permission.VIEW_ACCESS_LOG)
                if isinstance(target, (str, Path)):
                    created = Path(target)
                    fd = os.open(created, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
                    with os.fdopen(fd, "w", encoding="utf-8-sig", newline="") as fh:
                        written = self._write(s, fh, where, delimiter)
                else:
                    written = self._write(s, target, where, delimiter)
                self.ctx.audit.append(s, actor, action="log_export", data="access_log", customer_id=customer_id,
                                      detail=f"{description}; rows={written}")
                return written
        except BaseException:
            if created is not None:
                created.unlink(missing_ok=True)
            raise

    def verify_chain(self, actor: Actor) -> VerifyResult:
        """Check every entry's keyed hash and the head; the check is logged after it ran."""
        with self.ctx.db.transaction() as s:
            self._allow(s, actor, Permission.VERIFY_ACCESS_LOG)
            result = self.ctx.audit.verify(s)
            self.ctx.audit.append(s, actor, action="log_verify", data="access_log", detail=result.describe())
            return result

    # --- the register copy's look-up history -----------------------------------------------------

    def lookup_history(self, customer_id: int, *, lang: str = "nb") -> list[LookupEvent]:
        """Dates and purposes of looks at one person's data, oldest first, without staff names.

        Service-layer only: the calling use case checks the permission and logs its own access.
        """
        nb = lang == "nb"
        titles = {p.key: p.title.get(lang) for p in self.ctx.policy.purposes}
        grouped: dict[tuple[date, str, str, str | None], int] = {}
        with self.ctx.db.transaction() as s:
            own = and_(AccessLogEntry.customer_id == customer_id, AccessLogEntry.action.in_(LOOKUP_ACTIONS))
            # A search names no one in customer_id; its detail lists whom the page showed.
            searched = and_(AccessLogEntry.action == "search",
                            AccessLogEntry.detail.like(f"%{_SHOWN.rstrip(',')}%,{int(customer_id)},%"))
            stmt = (
                select(AccessLogEntry.at, AccessLogEntry.action, AccessLogEntry.data, AccessLogEntry.purpose,
                       AccessLogEntry.detail)
                .where(or_(own, searched))
                .order_by(AccessLogEntry.seq)
            )
            for at, act, data, purpose, detail in s.execute(stmt):
                if act == "search" and customer_id not in shown_ids(detail):
                    continue
                key = (at.replace(tzinfo=UTC).astimezone(self.tz).date(), act, data, purpose)
                grouped[key] = grouped.get(key, 0) + 1
        return [
            LookupEvent(date=day, action=act, data=data, purpose=purpose,
                        description=_describe_lookup(act, data, purpose, titles, nb=nb), count=n)
            for (day, act, data, purpose), n in grouped.items()
        ]

    # --- helpers ---------------------------------------------------------------------------------

    def _allow(self, s: Session, actor: Actor, permission: Permission) -> None:
        """Refuse below the UI, and leave a trace of the refusal for the supervisors."""
        self.accounts.require_active(s, actor)
        if actor.can(permission):
            return
        self.ctx.audit.append(s, actor, action="refused", data="access_log", detail=f"needs {permission.value}")
        s.commit()
        raise PermissionDenied("Only supervisors and administrators may see the access log.",
                               "Bare veiledere og administratorer kan se tilgangsloggen.")

    def _bounds(self, day: date) -> datetime:
        """Local midnight starting `day`, as the naive UTC the log stores."""
        local = datetime.combine(day, time.min, tzinfo=self.tz) if self.tz is not None else \
            datetime.combine(day, time.min).astimezone()
        return local.astimezone(UTC).replace(tzinfo=None)

    def _where(
        self, agent: str | None, customer_id: int | None, action: str | None, date_from: date | None,
        date_to: date | None,
    ) -> list[ColumnElement[bool]]:
        if date_from is not None and date_to is not None and date_to < date_from:
            raise InvalidInput("The end date is before the start date.", "Sluttdatoen er før startdatoen.")
        where: list[ColumnElement[bool]] = []
        if agent:
            where.append(AccessLogEntry.actor == agent.strip())
        if customer_id is not None:
            where.append(AccessLogEntry.customer_id == customer_id)
        if action:
            where.append(AccessLogEntry.action == action.strip())
        if date_from is not None:
            where.append(AccessLogEntry.at >= self._bounds(date_from))
        if date_to is not None:
            where.append(AccessLogEntry.at < self._bounds(date_to + timedelta(days=1)))
        return where

    @staticmethod
    def _describe(agent: str | None, customer_id: int | None, action: str | None, date_from: date | None,
                  date_to: date | None) -> str:
        parts = [f"agent={agent}" if agent else "", f"customer={customer_id}" if customer_id is not None else "",
                 f"action={action}" if action else "", f"from={date_from}" if date_from else "",
                 f"to={date_to}" if date_to else ""]
        return "filter: " + (" ".join(p for p in parts if p) or "none")

    def _write(self, s: Session, out: TextIO, where: list[ColumnElement[bool]], delimiter: str) -> int:
        writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
        writer.writerow(CSV_COLUMNS)
        written = 0
        for e in _batches(s, select(AccessLogEntry).where(*where)):
            writer.writerow([
                e.seq, e.at.isoformat(timespec="milliseconds"), _defuse(e.actor), _defuse(e.workstation),
                e.action, "" if e.customer_id is None else e.customer_id, _defuse(e.data), _defuse(e.purpose),
                _defuse(e.detail), _defuse(e.reason), "" if e.request_id is None else e.request_id,
            ])
            written += 1
        return written


def _batches(s: Session, stmt: Select[AccessLogEntry]) -> Iterator[AccessLogEntry]:
    """Keyset pages in sequence order, so a long log exports in constant memory."""
    last = 0
    while True:
        rows = s.execute(stmt.where(AccessLogEntry.seq > last).order_by(AccessLogEntry.seq)
                         .limit(_EXPORT_BATCH)).scalars().all()
        if not rows:
            return
        yield from rows
        last = rows[-1].seq
        s.expunge_all()


def _describe_lookup(action: str, data: str, purpose: str | None, titles: dict[str, str], *, nb: bool) -> str:
    if action == "reveal":
        return "Fødselsnummeret ble vist i sin helhet" if nb else "National identity number shown in full"
    if action == "view" and purpose:
        title = titles.get(purpose, purpose)
        return f"Opplysninger for formålet «{title}» ble vist" if nb else f"Data for the purpose “{title}” viewed"
    if action == "search":
        return "Et søk viste deg blant treffene" if nb else "A search listed you among its results"
    if action == "register_copy_collect":
        return "En registerutskrift ble laget" if nb else "A copy of your data was prepared"
    if action == "register_copy_print":
        return "En registerutskrift ble skrevet ut" if nb else "A copy of your data was printed"
    if data == "profile":
        return "Kundeprofilen ble åpnet" if nb else "Customer profile opened"
    if data == "summary":
        return "Kundeoversikten ble åpnet" if nb else "Customer summary opened"
    return f"{action}: {data}"

