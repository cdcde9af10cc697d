"""The CLI's side of checkpoints: reading and writing the auditor's files, printing verdicts.

Kept apart from cli.py so the parser stays cheap to build and the file handling is tested alone.
"""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.errors import DeskError

if TYPE_CHECKING:
    from desktop.audit.checkpoint import Checkpoint
    from desktop.services.context import DeskContext

__all__ = ["make_checkpoint", "read_checkpoint", "verify_with_checkpoint"]


def read_checkpoint(path_text: str) -> Checkpoint:
    """Read a checkpoint file; every way it can be wrong is one line, never a traceback."""
    from desktop.audit.checkpoint import MAX_FILE_BYTES, Checkpoint, MalformedCheckpoint

    path = Path(path_text)
    try:
        with path.open("rb") as fh:
            if not stat.S_ISREG(os.fstat(fh.fileno()).st_mode):
                raise DeskError(f"{path} is not a regular file.", f"{path} er ikke en vanlig fil.")
            raw = fh.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise DeskError(f"The checkpoint {path} cannot be read: {exc.strerror or exc}.",
                        f"Kontrollpunktet {path} kan ikke leses: {exc.strerror or exc}.") from exc
    try:
        return Checkpoint.from_text(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise DeskError(f"{path} is not a checkpoint (not UTF-8 text).",
                        f"{path} er ikke et kontrollpunkt (ikke UTF-8-tekst).") from exc
    except MalformedCheckpoint as exc:
        raise DeskError(f"{path}: {exc}.", f"{path} er ikke et gyldig kontrollpunkt ({exc}).") from exc


def verify_with_checkpoint(ctx: DeskContext, checkpoint: Checkpoint, lang: str) -> int:
    """Print the verdict; 0 when the log extends the checkpoint, 3 when it does not."""
    from desktop.services.log_anchor import LogAnchorService

    verdict = LogAnchorService(ctx).verify_checkpoint(checkpoint)
    print(("kontrollpunkt: " if lang == "nb" else "checkpoint: ") + checkpoint.describe())
    print(verdict.text(lang))
    return 0 if verdict.ok else 3


def make_checkpoint(ctx: DeskContext, out: str | None, *, new_key: bool, lang: str) -> int:
    """Sign the log's end; write it to a new file (mode 0600, never over another) or print it."""
    from desktop.services.log_anchor import LogAnchorService

    target = Path(out) if out else None
    if target is not None and (target.exists() or target.is_symlink()):
        raise DeskError(f"{target} already exists; a checkpoint is written to a new file only.",
                        f"{target} finnes allerede; et kontrollpunkt skrives bare til en ny fil.")
    checkpoint = LogAnchorService(ctx).make_checkpoint(new_key=new_key)
    text = checkpoint.to_text()
    if target is None:
        sys.stdout.write(text)
    else:
        try:
            fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o600)
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write(text)
        except OSError as exc:
            print(text, end="")
            raise DeskError(
                f"The checkpoint was made (printed above) but {target} could not be written: "
                f"{exc.strerror or exc}.",
                f"Kontrollpunktet ble laget (skrevet ut over) men {target} kunne ikke skrives: "
                f"{exc.strerror or exc}.",
            ) from exc
        print(f"checkpoint written to {target}" if lang != "nb" else f"kontrollpunkt skrevet til {target}",
              file=sys.stderr)
    print(("kontrollpunkt: " if lang == "nb" else "checkpoint: ") + checkpoint.describe(), file=sys.stderr)
    return 0
