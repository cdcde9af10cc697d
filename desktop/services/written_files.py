"""Files the desk wrote that hold a person's data, and removing them when the person is erased.

Saving a register copy or a portability export records the file (path, workstation, SHA-256) in
the same unit of work as its access-log entry. An erasure cannot reach into folders, so it lists
these files for the agent: `open_files` says for each whether it is still where it was saved and
unchanged, and `remove` deletes those (after the agent confirmed), records the rest as missing,
changed or on another workstation, and blanks every path it handled, since a file name can carry
a name too.

Writing goes through `write_new_file`: a new regular file only, created private and complete or not
at all, never through a symlink, onto a device or into a FIFO; an existing regular file only when
the caller says to replace it.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import stat
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.audit.log import utcnow
from desktop.domain.roles import Actor
from desktop.errors import DeskError, InvalidInput
from desktop.models import DsrRequest, WrittenFile
from desktop.services.context import DeskContext

__all__ = ["FileState", "OpenFile", "RemovalReport", "WrittenFileService", "check_target", "write_new_file"]


class FileState:
    PRESENT = "present"      # where it was saved, unchanged: can be removed
    CHANGED = "changed"      # something else is at that path now: left alone
    MISSING = "missing"      # nothing at that path any more
    ELSEWHERE = "elsewhere"  # saved on another workstation: remove it there, then mark it handled


@dataclass(frozen=True)
class OpenFile:
    id: int
    kind: str
    path: str
    workstation: str
    written_at_utc: str
    state: str

    def describe(self, lang: str = "nb") -> str:
        i = {"nb": 0, "sv": 2}.get(lang, 1)
        what = {"register_copy": ("registerutskrift", "register copy", "registerutdrag"),
                "portability_export": ("dataeksport", "data export", "dataexport")}.get(
            self.kind, (self.kind, self.kind, self.kind))
        where = {
            FileState.PRESENT: ("finnes der den ble lagret", "still where it was saved", "finns där den sparades"),
            FileState.CHANGED: ("en annen fil ligger der nå; ikke rørt", "another file is there now; left alone",
                                "en annan fil ligger där nu; orörd"),
            FileState.MISSING: ("finnes ikke lenger der", "no longer there", "finns inte längre där"),
            FileState.ELSEWHERE: (f"lagret på {self.workstation}: fjern den der",
                                  f"saved on {self.workstation}: remove it there",
                                  f"sparad på {self.workstation}: ta bort den där"),
        }[self.state]
        return f"{what[i]} {self.path} ({where[i]})"


@dataclass(frozen=True)
class RemovalReport:
    removed: tuple[str, ...]
    missing: tuple[str, ...]
    left: tuple[OpenFile, ...]

    def describe(self, lang: str = "nb") -> str:
        if lang == "nb":
            return (f"{len(self.removed)} fil(er) fjernet, {len(self.missing)} fantes ikke lenger, "
                    f"{len(self.left)} må fjernes for hånd")
        if lang == "sv":
            return (f"{len(self.removed)} fil(er) borttagna, {len(self.missing)} fanns inte längre, "
                    f"{len(self.left)} måste tas bort för hand")
        return (f"{len(self.removed)} file(s) removed, {len(self.missing)} no longer there, "
                f"{len(self.left)} to remove by hand")


def check_target(path: Path, *, replace: bool) -> None:
    """Refuse a target that is not a new regular file (or, with `replace`, an existing regular one)."""
    try:
        st = os.lstat(path)
    except FileNotFoundError:
        return
    except OSError as exc:
        raise DeskError(f"{path} cannot be checked: {exc.strerror or exc}.",
                        f"{path} kan ikke kontrolleres: {exc.strerror or exc}.") from exc
    if stat.S_ISLNK(st.st_mode):
        raise InvalidInput(f"{path} is a symbolic link; the desk writes only to a new regular file.",
                           f"{path} er en symbolsk lenke; desken skriver bare til en ny vanlig fil.")
    if not stat.S_ISREG(st.st_mode):
        raise InvalidInput(f"{path} is not a regular file (a folder, device or pipe); nothing was written.",
                           f"{path} er ikke en vanlig fil (en mappe, enhet eller rør); ingenting ble skrevet.")
    if not replace:
        raise InvalidInput(f"{path} already exists; choose a new name, or say it may be replaced (--replace).",
                           f"{path} finnes allerede; velg et nytt navn, eller si at den kan erstattes (--replace).")


def write_new_file(path: Path, data: bytes, *, replace: bool = False, prefix: str = ".gdpr-desk-") -> None:
    """Write `data` private (0600) and complete or not at all; see `check_target` for what is refused.

    The temporary file is linked to its name without replacing (so a file that appears meanwhile is
    not overwritten), or renamed over an existing regular file when `replace` is given.
    """
    check_target(path, replace=replace)
    folder = path.parent if str(path.parent) else Path()
    fd, tmp_name = tempfile.mkstemp(prefix=prefix, suffix=".tmp", dir=folder)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o600)
        if replace and path.exists():
            check_target(path, replace=True)
            os.replace(tmp, path)
        else:
            try:
                os.link(tmp, path)
            except FileExistsError as exc:
                raise InvalidInput(f"{path} appeared while it was being written; nothing was replaced.",
                                   f"{path} dukket opp mens den ble skrevet; ingenting ble erstattet.") from exc
            tmp.unlink()
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()


def _sha256_of(path: Path) -> str | None:
    """The file's SHA-256, or None when it is not a regular file we can read."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return None
    with os.fdopen(fd, "rb") as fh:
        if not stat.S_ISREG(os.fstat(fh.fileno()).st_mode):
            return None
        digest = hashlib.sha256()
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


class WrittenFileService:
    def __init__(self, ctx: DeskContext) -> None:
        self.ctx = ctx

    def record(self, s: Session, actor: Actor, *, kind: str, path: Path, data: bytes, customer_id: int | None,
               request_id: int | None) -> None:
        """In the caller's unit of work (the one that logs the save)."""
        if customer_id is None and request_id is not None:
            customer_id = s.execute(select(DsrRequest.customer_id).where(DsrRequest.id == request_id)).scalar()
        s.add(WrittenFile(customer_id=customer_id, request_id=request_id, kind=kind, path=str(path.absolute()),
                          workstation=self.ctx.workstation, sha256=hashlib.sha256(data).hexdigest(), size=len(data),
                          written_by=actor.account_id, written_at=utcnow()))

    def save(self, actor: Actor, *, kind: str, path: Path, data: bytes, request_id: int | None,
             customer_id: int | None = None, replace: bool = False) -> Path:
        """Write a file for a person (an export) and record it, with its own access-log entry.

        The file is removed again if the record or the entry cannot be written.
        """
        written = False
        try:
            with self.ctx.db.transaction() as s:
                write_new_file(path, data, replace=replace)
                written = True
                self.record(s, actor, kind=kind, path=path, data=data, customer_id=customer_id,
                            request_id=request_id)
                self.ctx.audit.append(s, actor, action="file_saved", data=kind, customer_id=customer_id,
                                      request_id=request_id, detail=f"bytes={len(data)}")
        except OSError as exc:
            raise DeskError(f"{path} could not be written: {exc.strerror or exc}.",
                            f"{path} kunne ikke skrives: {exc.strerror or exc}.") from exc
        except BaseException:
            if written:
                with contextlib.suppress(OSError):
                    path.unlink()
            raise
        return path

    def outbox_numbers(self, actor: Actor, customer_id: int | None, outbox: Path | None = None) -> list[str]:
        """Before an erasure: the person's phone, if the demo outbox exists to be cleaned of it afterwards.

        Read while the number still exists, and logged like any other read.
        """
        from desktop.adapters.sms_outbox import default_outbox
        from desktop.models import Customer

        if customer_id is None or not (outbox or default_outbox()).exists():
            return []
        with self.ctx.db.transaction() as s:
            phone = s.execute(select(Customer.phone_e164).where(Customer.id == customer_id)).scalar()
            if not phone:
                return []
            self.ctx.audit.append(s, actor, action="sms_outbox_purge", data="sms_outbox", customer_id=customer_id,
                                  detail="phone read to clean the demo outbox after the erasure")
        return [phone]

    @staticmethod
    def purge_sms_outbox(numbers: list[str], outbox: Path | None = None) -> int:
        """After an erasure: drop the demo outbox's messages to these numbers; returns how many went."""
        from desktop.adapters.sms_outbox import DemoSmsOutbox, default_outbox
        from desktop.errors import DeliveryFailed

        if not numbers:
            return 0
        try:
            return DemoSmsOutbox(outbox or default_outbox(), keep_for=timedelta(0)).purge_numbers(numbers)
        except DeliveryFailed as exc:
            raise DeskError(f"The SMS outbox could not be cleaned: {exc.message}.",
                            f"SMS-utboksen kunne ikke ryddes: {exc.message_nb}.") from exc

    def customer_of(self, request_id: int) -> int | None:
        """The request's customer, read before an erasure drops the link."""
        with self.ctx.db.transaction() as s:
            return s.execute(select(DsrRequest.customer_id).where(DsrRequest.id == request_id)).scalar()

    def open_files(self, actor: Actor, customer_id: int | None) -> list[OpenFile]:
        """The person's files not yet handled, each with where it stands on this workstation."""
        if customer_id is None:
            return []
        with self.ctx.db.transaction() as s:
            rows = s.execute(select(WrittenFile).where(WrittenFile.customer_id == customer_id,
                                                       WrittenFile.handled_at.is_(None))
                             .order_by(WrittenFile.id)).scalars().all()
            files = [self._state(r) for r in rows]
            if files:
                self.ctx.audit.append(s, actor, action="files_listed", data="written_files", customer_id=customer_id,
                                      detail=f"files={len(files)}")
        return files

    def _state(self, row: WrittenFile) -> OpenFile:
        if row.workstation != self.ctx.workstation:
            state = FileState.ELSEWHERE
        else:
            path = Path(row.path)
            if not os.path.lexists(path):
                state = FileState.MISSING
            else:
                state = FileState.PRESENT if _sha256_of(path) == row.sha256 else FileState.CHANGED
        return OpenFile(row.id, row.kind, row.path, row.workstation,
                        row.written_at.isoformat(sep=" ", timespec="minutes"), state)

    def remove(self, actor: Actor, file_ids: Sequence[int], *, handled_elsewhere: bool = False) -> RemovalReport:
        """Remove the listed files still where they were saved and unchanged; record what became of each.

        A changed file is never deleted. A file on another workstation is only marked handled when
        `handled_elsewhere` says the agent removed it there. Every handled row loses its path.
        """
        removed: list[str] = []
        missing: list[str] = []
        left: list[OpenFile] = []
        now = utcnow()
        with self.ctx.db.transaction() as s:
            rows = s.execute(select(WrittenFile).where(WrittenFile.id.in_(list(file_ids)),
                                                       WrittenFile.handled_at.is_(None))).scalars().all()
            for row in rows:
                current = self._state(row)
                outcome: str | None = None
                if current.state == FileState.PRESENT:
                    try:
                        Path(row.path).unlink()
                        outcome = "removed"
                        removed.append(row.path)
                    except OSError:
                        left.append(current)
                elif current.state == FileState.MISSING:
                    outcome = "missing"
                    missing.append(row.path)
                elif current.state == FileState.ELSEWHERE and handled_elsewhere:
                    outcome = "elsewhere"
                else:
                    left.append(current)
                if outcome is not None:
                    row.handled_at, row.handled_by, row.outcome, row.path = now, actor.account_id, outcome, ""
            customers = {r.customer_id for r in rows}
            self.ctx.audit.append(
                s, actor, action="files_removed", data="written_files",
                customer_id=next(iter(customers)) if len(customers) == 1 else None,
                detail=f"removed={len(removed)}; missing={len(missing)}; left={len(left)}",
            )
        return RemovalReport(tuple(removed), tuple(missing), tuple(left))
