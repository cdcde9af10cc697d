"""The retention job: erase everything whose retention under the policy has ended, for everyone.

Each record's end of retention comes from the policy's rules and anchors (`domain.retention`
via `domain.erasure.plan_retention`); a record a law still keeps is restricted until that hold
ends instead, and erased by a later run. People are visited in keyset batches of their ids; each
batch is one transaction that reads the facts with one query per record kind, decides in
Python, changes the rows with set-based UPDATEs and DELETEs, advances the run's cursor and
writes one access-log entry with counts. A crash loses at most the batch in flight: the next run
finds the unfinished run and resumes at its cursor. Deciding is idempotent, so a second run over
the same day changes nothing.

A dry run decides the same way and changes nothing but its own run record and log entries.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime

from sqlalchemy import func, select

from desktop.audit.log import utcnow
from desktop.domain.erasure import DueCalculator
from desktop.domain.roles import Actor, Permission
from desktop.errors import PermissionDenied
from desktop.models import Customer, RetentionRun
from desktop.services.accounts import AccountService
from desktop.services.context import DeskContext
from desktop.services.erasure import Applied, checkpoint_truncate, process_people, retention_rules

__all__ = ["RetentionProgress", "RetentionReport", "RetentionService"]


@dataclass(frozen=True)
class RetentionProgress:
    """After each committed batch: for a progress bar, and for tests that interrupt a run."""

    run_id: int
    batch: int
    cursor: int
    people: int


@dataclass(frozen=True)
class RetentionReport:
    """What a run did (or, dry, would do): counts per record kind and per purpose, no names."""

    run_id: int
    run_date: date
    dry_run: bool
    resumed: bool
    people_visited: int
    batches: int
    erased: dict[str, int]
    restricted: dict[str, int]
    blanked_parts: dict[str, int]
    erased_by_purpose: dict[str, int]
    restricted_by_purpose: dict[str, int]
    persons_erased: int
    seconds: float
    checkpoint: str = ""
    extra: dict[str, int] = field(default_factory=dict)

    @property
    def total_erased(self) -> int:
        return sum(self.erased.values())

    def describe(self, lang: str = "en") -> str:
        nb = lang == "nb"

        def fmt(counts: dict[str, int]) -> str:
            return ", ".join(f"{k} {n}" for k, n in sorted(counts.items()) if n) or "-"

        mode = ("prøvekjøring, ingenting endret" if nb else "dry run, nothing changed") if self.dry_run else (
            "gjenopptatt" if nb else "resumed") if self.resumed else ("fullført" if nb else "complete")
        lines = [
            f"{'Lagringstid' if nb else 'Retention'} {self.run_date.isoformat()} (run {self.run_id}, {mode}): "
            f"{self.people_visited} {'personer' if nb else 'people'}, {self.batches} "
            f"{'bolker' if nb else 'batches'}, {self.seconds:.1f} s",
            f"{'slettet' if nb else 'erased'}: {fmt(self.erased)}",
            f"{'begrenset (lagringsplikt)' if nb else 'restricted (legal hold)'}: {fmt(self.restricted)}",
            f"{'blanket på personraden' if nb else 'blanked on the person row'}: {fmt(self.blanked_parts)}",
            f"{'slettet per formål' if nb else 'erased per purpose'}: {fmt(self.erased_by_purpose)}",
            f"{'begrenset per formål' if nb else 'restricted per purpose'}: {fmt(self.restricted_by_purpose)}",
            f"{'personer slettet helt' if nb else 'people erased entirely'}: {self.persons_erased}",
        ]
        if self.checkpoint:
            lines.append(f"checkpoint: {self.checkpoint}")
        return "\n".join(lines)


class RetentionService:
    """Runs the retention job; `clock` returns naive UTC."""

    def __init__(self, ctx: DeskContext, *, clock: Callable[[], datetime] = utcnow) -> None:
        self.ctx = ctx
        self.clock = clock
        self.accounts = AccountService(ctx)

    def today(self) -> date:
        return self.clock().replace(tzinfo=UTC).astimezone().date()

    def run(
        self,
        actor: Actor,
        *,
        dry_run: bool,
        today: date | None = None,
        batch: int = 5000,
        on_batch: Callable[[RetentionProgress], None] | None = None,
    ) -> RetentionReport:
        """One pass over every person. A real run resumes an unfinished one, with that run's date and
        cursor (`today` then does not apply): decisions within one run never mix two dates."""
        if not actor.can(Permission.RUN_RETENTION):
            raise PermissionDenied("Only an administrator or the scheduled job may run retention.",
                                   "Bare en administrator eller den planlagte jobben kan kjøre lagringstidsjobben.")
        batch = max(1, int(batch))
        started = datetime.now(UTC)
        calc = DueCalculator(retention_rules(self.ctx))
        resumed = False
        with self.ctx.db.transaction() as s:
            self.accounts.require_active(s, actor)
            run: RetentionRun | None = None
            if not dry_run:
                run = s.execute(select(RetentionRun).where(RetentionRun.finished_at.is_(None),
                                                           RetentionRun.dry_run.is_(False))
                                .order_by(RetentionRun.id.desc()).limit(1)).scalar_one_or_none()
                resumed = run is not None
            if run is None:
                run = RetentionRun(started_at=self.clock(), dry_run=dry_run, run_date=today or self.today(),
                                   actor=actor.username, cursor=0, batches=0, counts="{}")
                s.add(run)
                s.flush()
            run_id, run_date = run.id, run.run_date
            total = _from_json(run.counts)
            people = int(json.loads(run.counts or "{}").get("people", 0))
            self.ctx.audit.append(s, actor, action="retention_start", data="retention",
                                  detail=f"run={run_id}; date={run_date.isoformat()}; dry_run={dry_run}; "
                                         f"resume_from={run.cursor}")
        batches = 0
        while True:
            progress: RetentionProgress | None = None
            with self.ctx.db.transaction() as s:
                run = s.execute(select(RetentionRun).where(RetentionRun.id == run_id).with_for_update()).scalar_one()
                if run.finished_at is not None:
                    break
                ids = list(s.execute(select(Customer.id).where(Customer.id > run.cursor).order_by(Customer.id)
                                     .limit(batch)).scalars())
                if not ids:
                    run.finished_at = self.clock()
                    run.counts = _to_json(total, people)
                    self.ctx.audit.append(s, actor, action="retention_finish", data="retention",
                                          detail=f"run={run_id}; people={people}; {total.short()}")
                    break
                lo, hi = run.cursor, ids[-1]
                applied = process_people(self.ctx, s, ids, today=run_date, calculator=calc, now=self.clock(),
                                         dry_run=dry_run, lo=lo, hi=hi)
                total.add(applied)
                people += len(ids)
                batches += 1
                run.cursor = hi
                run.batches += 1
                run.counts = _to_json(total, people)
                self.ctx.audit.append(s, actor, action="retention_batch", data="retention",
                                      detail=f"run={run_id}; batch={run.batches}; people={len(ids)}; "
                                             f"ids={lo + 1}..{hi}; dry_run={dry_run}; {applied.short()}")
                progress = RetentionProgress(run_id=run_id, batch=run.batches, cursor=hi, people=people)
            if progress is None:
                break
            if on_batch is not None:
                on_batch(progress)
        checkpoint = ""
        if not dry_run and self.ctx.db.sqlite_path is not None:
            busy, wal = checkpoint_truncate(self.ctx)
            checkpoint = f"busy (another reader), wal {wal} bytes" if busy else f"truncated, wal {wal} bytes"
        with self.ctx.db.transaction() as s:
            row_batches = s.execute(select(RetentionRun.batches).where(RetentionRun.id == run_id)).scalar_one()
        return RetentionReport(
            run_id=run_id, run_date=run_date, dry_run=dry_run, resumed=resumed, people_visited=people,
            batches=int(row_batches), erased=dict(total.erased), restricted=dict(total.restricted),
            blanked_parts=dict(total.blanked), erased_by_purpose=dict(total.erased_by_purpose),
            restricted_by_purpose=dict(total.restricted_by_purpose), persons_erased=total.persons_erased,
            seconds=(datetime.now(UTC) - started).total_seconds(), checkpoint=checkpoint,
            extra={"batches_this_call": batches},
        )

    def last_runs(self, limit: int = 20) -> list[RetentionRun]:
        """Recent runs for the admin screen (counts only, no personal data)."""
        with self.ctx.db.transaction() as s:
            rows = list(s.execute(select(RetentionRun).order_by(RetentionRun.id.desc()).limit(limit)).scalars())
            s.expunge_all()
            return rows

    def pending_count(self) -> int:
        """Unfinished real runs (a crash left one): the next run resumes it."""
        with self.ctx.db.transaction() as s:
            return int(s.execute(select(func.count()).select_from(RetentionRun).where(
                RetentionRun.finished_at.is_(None), RetentionRun.dry_run.is_(False))).scalar_one())


def _to_json(applied: Applied, people: int) -> str:
    return json.dumps(applied.as_dict() | {"people": people}, sort_keys=True)


def _from_json(text: str | None) -> Applied:
    raw = json.loads(text or "{}")
    out = Applied()
    out.erased.update(raw.get("erased", {}))
    out.restricted.update(raw.get("restricted", {}))
    out.blanked.update(raw.get("blanked", {}))
    out.erased_by_purpose.update(raw.get("erased_by_purpose", {}))
    out.restricted_by_purpose.update(raw.get("restricted_by_purpose", {}))
    out.detached = int(raw.get("detached", 0))
    out.persons_erased = int(raw.get("persons_erased", 0))
    return out

