"""The full identity number: asked for with a reason and the password, shown on a countdown."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from desktop.ui.common import busy_bar
from desktop.ui.operations import Operations, error_text
from desktop.ui.qt_compat import emit
from desktop.ui.styles import ERROR_STYLE, notice

if TYPE_CHECKING:

    from desktop.services.profile import RevealedId


class RevealDialog(QDialog):
    """The reason and the password again: showing the full number is a deliberate, logged act."""

    revealed = Signal(object)  # RevealedId

    def __init__(self, reveal: Callable[[str, str], RevealedId], worker: Operations, *, seconds: int,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._reveal = reveal
        self._worker = worker
        self.setWindowTitle(self.tr("Show the identity number"))
        self.setMinimumWidth(460)
        intro = QLabel(self.tr(
            "The full identity number is shown for {seconds} seconds and then hidden again. "
            "It is written to the access log with your reason."
        ).format(seconds=seconds))
        intro.setWordWrap(True)
        self.reason_edit = QLineEdit()
        self.reason_edit.setAccessibleName(self.tr("Reason"))
        self.reason_edit.setPlaceholderText(self.tr("For example: the customer asks us to confirm the number"))
        self.reason_edit.setMaxLength(500)
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setAccessibleName(self.tr("Your password"))
        form = QFormLayout()
        form.addRow(self.tr("&Reason:"), self.reason_edit)
        form.addRow(self.tr("Your &password:"), self.password_edit)
        self.error_label = notice(ERROR_STYLE, self.tr("Error"))
        self.busy = busy_bar(self.tr("Working"))
        self.show_button = QPushButton(self.tr("Show"))
        self.show_button.setDefault(True)
        self.show_button.clicked.connect(self.submit)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.show_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.busy)
        layout.addLayout(buttons)
        self.reason_edit.setFocus()

    def submit(self) -> None:
        reason, password = self.reason_edit.text().strip(), self.password_edit.text()
        if not reason:
            self._fail(self.tr("Write why the full number is needed."))
            self.reason_edit.setFocus()
            return
        self.show_button.setEnabled(False)
        self.busy.show()
        self._worker.run(lambda: self._reveal(reason, password), self._done, on_error=self._failed)

    def _done(self, revealed: RevealedId) -> None:
        self.password_edit.clear()
        self.busy.hide()
        emit(self.revealed, revealed)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.busy.hide()
        self.show_button.setEnabled(True)
        self.password_edit.clear()
        self.password_edit.setFocus()
        self._fail(error_text(exc))

    def _fail(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.show()
