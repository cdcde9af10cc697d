"""The one seam every modal message and question goes through.

Widgets take a `DialogService` instead of calling QMessageBox directly, so a test hands in a
recording fake that answers instantly (pytest-qt's "note_dialogs" advice) and no test ever hangs
on an invisible modal box. Buttons are made with translated text because Qt ships no Bokmål
translation for its standard buttons.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox, QWidget


class DialogService(QObject):
    """Real modal dialogs; subclass or replace it in tests."""

    def error(self, parent: QWidget | None, title: str, text: str) -> None:
        self._message(parent, QMessageBox.Icon.Critical, title, text)

    def info(self, parent: QWidget | None, title: str, text: str) -> None:
        self._message(parent, QMessageBox.Icon.Information, title, text)

    def confirm(self, parent: QWidget | None, title: str, text: str) -> bool:
        box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton, parent)
        yes = box.addButton(self.tr("Yes"), QMessageBox.ButtonRole.YesRole)
        no = box.addButton(self.tr("No"), QMessageBox.ButtonRole.NoRole)
        # A slip of the Enter key must not say yes to something that cannot be undone.
        box.setDefaultButton(no)
        box.setEscapeButton(no)
        box.exec()
        return box.clickedButton() is yes

    def ask_text(
        self, parent: QWidget | None, title: str, label: str, *, text: str = "", password: bool = False
    ) -> str | None:
        dialog = QInputDialog(parent)
        dialog.setWindowTitle(title)
        dialog.setLabelText(label)
        dialog.setTextValue(text)
        dialog.setTextEchoMode(QLineEdit.EchoMode.Password if password else QLineEdit.EchoMode.Normal)
        dialog.setOkButtonText(self.tr("OK"))
        dialog.setCancelButtonText(self.tr("Cancel"))
        if dialog.exec() != QInputDialog.DialogCode.Accepted:
            return None
        return dialog.textValue()

    def _message(self, parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str) -> None:
        box = QMessageBox(icon, title, text, QMessageBox.StandardButton.NoButton, parent)
        ok = box.addButton(self.tr("OK"), QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(ok)
        box.setEscapeButton(ok)
        box.exec()
