"""After an erasure: the files the desk saved for the person, and removing them on the agent's word.

The list is read (and logged) on the worker thread together with the erasure; the question and the
removal happen here, in the GUI thread, through the dialog seam so tests can answer.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from desktop.domain.roles import Actor
from desktop.services.written_files import FileState, OpenFile, WrittenFileService
from desktop.ui.dialogs import DialogService
from desktop.ui.i18n import current_lang

__all__ = ["offer_removal"]


def offer_removal(parent: QWidget | None, dialogs: DialogService, service: WrittenFileService, actor: Actor,
                  files: list[OpenFile]) -> str | None:
    """Ask to remove the files still where they were saved; returns what was done (None: nothing to ask)."""
    if not files:
        return None
    lang = current_lang()
    listing = "\n".join(f"• {f.describe(lang)}" for f in files)
    removable = [f.id for f in files if f.state in (FileState.PRESENT, FileState.MISSING)]
    title = QCoreApplication.translate("WrittenFiles", "Files saved for this person")
    if not removable:
        dialogs.info(parent, title, QCoreApplication.translate(
            "WrittenFiles", "The desk saved these files for the person. Remove them by hand:\n\n{files}")
            .format(files=listing))
        return None
    if not dialogs.confirm(parent, title, QCoreApplication.translate(
            "WrittenFiles", "The desk saved these files for the person:\n\n{files}\n\nRemove those still where they "
            "were saved? Files that were changed or are on another workstation are left alone.").format(files=listing)):
        return None
    summary = service.remove(actor, removable).describe(lang)
    dialogs.info(parent, title, summary)
    return summary
