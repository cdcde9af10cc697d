"""The dialog seam for tests: every modal question answered at once, and remembered."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QWidget

from desktop.ui.dialogs import DialogService


class RecordingDialogs(DialogService):
    """Answers every modal question at once and remembers what was asked, in `shown`.

    Text questions take `answers` in order, then `text_answer`; `passwords` records whether each
    asked for a password. The save-file question answers `save_to` (None: the person cancels).
    """

    def __init__(self, confirm_answer: bool = True, text_answer: str | None = None,
                 save_to: Path | None = None) -> None:
        super().__init__()
        self.confirm_answer = confirm_answer
        self.text_answer = text_answer
        self.answers: list[str | None] = []
        self.passwords: list[bool] = []
        self.save_to = save_to
        self.shown: list[tuple[str, str, str]] = []

    def error(self, parent: QWidget | None, title: str, text: str) -> None:
        self.shown.append(("error", title, text))

    def info(self, parent: QWidget | None, title: str, text: str) -> None:
        self.shown.append(("info", title, text))

    def confirm(self, parent: QWidget | None, title: str, text: str) -> bool:
        self.shown.append(("confirm", title, text))
        return self.confirm_answer

    def ask_text(self, parent: QWidget | None, title: str, label: str, *, text: str = "",
                 password: bool = False) -> str | None:
        self.shown.append(("ask_text", title, label))
        self.passwords.append(password)
        return self.answers.pop(0) if self.answers else self.text_answer

    def ask_save_path(self, parent: QWidget | None, title: str, suggested: str, file_filter: str) -> str | None:
        self.shown.append(("ask_save_path", title, suggested))
        return str(self.save_to) if self.save_to is not None else None

    def of_kind(self, kind: str) -> list[tuple[str, str, str]]:
        return [d for d in self.shown if d[0] == kind]
