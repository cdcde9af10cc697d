"""The red line at the top of the main window when the access log is shorter or other than seen.

The check (`LogAnchorService.check_workstation`) is two primary-key reads, so it runs on the GUI
thread: when the window opens, every minute, and once more as the desk closes (which moves this
workstation's mark onto what it wrote). The banner cannot be dismissed: it goes away only when an
administrator has accepted the log as it is (`gdpr-desk audit anchor --accept`).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from desktop.errors import DeskError
from desktop.services.context import DeskContext
from desktop.services.log_anchor import LogAnchorService, LogAnchorStatus
from desktop.ui.i18n import current_lang
from desktop.ui.styles import ERROR_STYLE

__all__ = ["CHECK_EVERY_MS", "LogWatchBanner"]

CHECK_EVERY_MS = 60_000
_log = logging.getLogger(__name__)


class LogWatchBanner(QLabel):
    def __init__(self, ctx: DeskContext, parent: QWidget | None = None, *, interval_ms: int = CHECK_EVERY_MS) -> None:
        super().__init__(parent)
        self.service = LogAnchorService(ctx)
        self.status: LogAnchorStatus | None = None
        self.setWordWrap(True)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.setStyleSheet(ERROR_STYLE)
        self.setAccessibleName(self.tr("Access log warning"))
        self.hide()
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.check)
        self.timer.start()
        self.check()

    def check(self) -> LogAnchorStatus | None:
        """Compare now; show or hide the banner. A failed check (connection lost) waits for the next."""
        try:
            self.status = self.service.check_workstation()
        except (DeskError, OSError) as exc:
            _log.warning("access-log anchor check failed: %s", exc)
            return None
        if self.status.ok:
            self.hide()
        else:
            self.setText(self.status.text(current_lang()))
            self.show()
        return self.status

    def stop(self) -> None:
        self.timer.stop()
        self.check()
