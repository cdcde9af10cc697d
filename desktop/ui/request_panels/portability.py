"""Portability (Art. 20): the export, written to a file only its owner can read."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout

from desktop.ui.log_viewer import ask_save_path
from desktop.ui.request_panels.base import Panel, PanelHost, hint, when

if TYPE_CHECKING:
    from desktop.services.requests import RequestView


def write_private(path: Path, data: bytes) -> None:
    """The export holds personal data: created readable by its owner only."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as out:
        out.write(data)


class PortabilityPanel(Panel):
    """The export is saved where the agent chooses, private to them; then the request is completed."""

    def __init__(self, host: PanelHost) -> None:
        super().__init__(host)
        self.save_button = QPushButton(self.tr("Save export…"))
        self.save_button.setAutoDefault(False)
        self.save_button.clicked.connect(self.save_export)
        self.saved_label = QLabel()
        self.saved_label.setAccessibleName(self.tr("Export status"))
        self.saved_label.setWordWrap(True)
        self.saved_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.last_path: Path | None = None
        box = QVBoxLayout(self)
        box.addWidget(hint(self.tr(
            "A zip with JSON and CSV of what the person gave on consent or contract, with its schema. Send it to the "
            "person securely, then complete the request with what was sent.")))
        box.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignLeft)
        box.addWidget(self.saved_label)
        box.addStretch(1)

    def show_view(self, view: RequestView, *, fresh: bool) -> None:
        if fresh:
            self.last_path = None
        self.save_button.setEnabled(view.is_open)
        exports = [e for e in view.history if e.action == "export"]
        if exports:
            self.saved_label.setText(self.tr("Last export: {when} by {who}.").format(
                when=when(exports[-1].at), who=exports[-1].actor))
        else:
            self.saved_label.setText(self.tr("No export made yet."))

    def save_export(self) -> None:
        view = self.host.view
        if view is None:
            return
        stem = self.tr("data-export")
        suggested = f"{stem}-{view.reference}.zip"
        path = ask_save_path(self.host.dialogs, self, self.tr("Save the portability export"), suggested,
                             self.tr("Zip files (*.zip)"))
        if path is None:
            return
        if path.suffix.lower() != ".zip":
            path = path.with_name(path.name + ".zip")
        service, actor = self.host.service, self.host.actor

        def export(rid: int, v: int) -> int:
            data = service.export_portability(actor, rid, version=v)
            write_private(path, data)
            return len(data)

        def done(size: int) -> None:
            self.last_path = path
            self.host.show_message(self.tr("Saved {path} ({size} kB). Send it to the person securely, then "
                                           "complete the request.").format(path=path, size=max(1, size // 1024)))

        self.host.act(export, done)
