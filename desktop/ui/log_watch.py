"""The red line at the top of the main window when the access log is shorter or other than seen.

The check (`LogAnchorService.check_workstation`) runs off the GUI thread through the desk's one
operation helper when the window opens and every minute (a team server may be slow to answer), and
once more, waited for, as the desk closes (which moves this workstation's mark onto what it wrote).
The banner cannot be dismissed: it goes away only when an administrator has accepted the log as
it is (`gdpr-desk audit anchor --accept`).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from desktop.errors import DeskError
from desktop.services.log_anchor import LogAnchorService, LogAnchorStatus
from desktop.ui.i18n import current_lang
from desktop.ui.operations import Operations
from desktop.ui.styles import ERROR_STYLE

__all__ = ["CHECK_EVERY_MS", "LogWatchBanner"]

CHECK_EVERY_MS = 60_000
_log = logging.getLogger(__name__)


class LogWatchBanner(QLabel):
    def __init__(self, service: LogAnchorService, parent: QWidget | None = None, *,
                 interval_ms: int = CHECK_EVERY_MS) -> None:
        super().__init__(parent)
        self.service = service
        self.ops = Operations(self)
        self.status: LogAnchorStatus | None = None
        self.setWordWrap(True)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.setStyleSheet(ERROR_STYLE)
        self.setAccessibleName(self.tr("Access log warning"))
        self.hide()
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.schedule)
        self.timer.start()
        self.schedule()

    def schedule(self) -> None:
        """Compare in the background; a newer check supersedes one still waiting."""
        self.ops.run(self.service.check_workstation, self._show, on_error=self._failed, key="anchor")

    def check(self) -> LogAnchorStatus | None:
        """Compare now and wait for the answer (at close, and where the caller needs it at once)."""
        self.ops.invalidate("anchor")  # an older background answer must not overwrite this one
        try:
            status = self.service.check_workstation()
        except (DeskError, OSError) as exc:
            self._failed(exc)
            return None
        self._show(status)
        return status

    @staticmethod
    def _failed(exc: BaseException) -> None:
        """A failed check (connection lost) waits for the next; the desk's own error lines say why."""
        _log.warning("access-log anchor check failed: %s", exc)

    def _show(self, status: LogAnchorStatus) -> None:
        self.status = status
        if status.ok:
            self.hide()
        else:
            self.setText(status.text(current_lang()))
            self.show()

    def stop(self) -> None:
        self.timer.stop()
        self.check()
