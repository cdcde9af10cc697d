"""The CLI's part of an erasure's files: list what the desk saved for the person, remove on confirmation."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from desktop.domain.roles import Actor
    from desktop.services.context import DeskContext

__all__ = ["handle_written_files"]


def handle_written_files(ctx: DeskContext, actor: Actor, customer_id: int | None, *, remove: bool,
                         assume_yes: bool, lang: str) -> None:
    from desktop.services.written_files import FileState, WrittenFileService

    service = WrittenFileService(ctx)
    files = service.open_files(actor, customer_id)
    if not files:
        return
    nb = lang == "nb"
    print(f"# {len(files)} fil(er) desken lagret for personen:" if nb
          else f"# {len(files)} file(s) the desk saved for this person:", file=sys.stderr)
    for f in files:
        print(f"#   {f.describe(lang)}", file=sys.stderr)
    removable = [f.id for f in files if f.state in (FileState.PRESENT, FileState.MISSING)]
    if not remove:
        print("# fjern dem med --remove-files" if nb else "# remove them with --remove-files", file=sys.stderr)
        return
    if not removable:
        return
    if not assume_yes:
        if not sys.stdin.isatty():
            print("# ingen bekreftelse (ikke en terminal): bruk --yes" if nb
                  else "# no confirmation (not a terminal): use --yes", file=sys.stderr)
            return
        answer = input("Fjerne filene som fortsatt ligger der de ble lagret? [j/N] " if nb
                       else "Remove the files still where they were saved? [y/N] ")
        if answer.strip().lower() not in ("y", "yes", "j", "ja"):
            return
    report = service.remove(actor, removable)
    print(f"# {report.describe(lang)}", file=sys.stderr)
