"""UI fixtures: Norwegian interface, private settings, a recording dialog seam, open windows.

The desk, the five named people and the signed-in agent come from tests/conftest.py.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from desktop.bootstrap import build_services
from desktop.ui.dialogs import DialogService
from desktop.ui.i18n import install_translator
from desktop.ui.settings_store import desk_settings


@pytest.fixture(scope="session", autouse=True)
def norwegian(qapp: QApplication, tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Every UI test sees the Bokmål the agents see (compiled once, into a private cache)."""
    cache_home = tmp_path_factory.mktemp("translations")
    previous = os.environ.get("GDPR_DESK_DATA_DIR")
    os.environ["GDPR_DESK_DATA_DIR"] = str(cache_home)
    try:
        assert install_translator(qapp, "nb")
    finally:
        if previous is None:
            os.environ.pop("GDPR_DESK_DATA_DIR", None)
        else:
            os.environ["GDPR_DESK_DATA_DIR"] = previous
    yield


@pytest.fixture(autouse=True)
def private_settings(tmp_path: Path) -> Iterator[Path]:
    """QSettings go to a fresh folder per test, never to the developer's own configuration."""
    folder = tmp_path / "settings"
    folder.mkdir()
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    for fmt in (QSettings.Format.IniFormat, QSettings.Format.NativeFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(folder))
    yield folder


class RecordingDialogs(DialogService):
    """Answers every modal question at once and remembers what was asked."""

    def __init__(self, confirm_answer: bool = True, text_answer: str | None = None) -> None:
        super().__init__()
        self.confirm_answer = confirm_answer
        self.text_answer = text_answer
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
        return self.text_answer

    def of_kind(self, kind: str) -> list[tuple[str, str, str]]:
        return [d for d in self.shown if d[0] == kind]


@pytest.fixture
def dialogs() -> RecordingDialogs:
    return RecordingDialogs()


@pytest.fixture
def hansens(desk: Any) -> list[int]:
    """120 people called Hansen: more than two pages of search results."""
    from desktop.services.registry import add_customer

    ids = []
    with desk.db.transaction() as s:
        for i in range(120):
            c = add_customer(s, desk.keys, desk.policy, customer_number=f"H{2000000 + i}",
                             first_name=f"Person{i:03d}", last_name="Hansen", created_at=datetime(2024, 2, 1),
                             email=f"hansen{i}@example.com", street="Havnegata 1", postcode="9008",
                             city="Tromsø")
            ids.append(c.id)
    return ids


@pytest.fixture
def window(qtbot: QtBot, desk: Any, agent: Any, dialogs: RecordingDialogs) -> Iterator[Any]:
    from desktop.ui.main_window import MainWindow

    win = MainWindow(desk, agent, build_services(desk, desk_settings), dialogs=dialogs)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    # Closed here, before the desk fixture disposes of the database under a running search.
    win.close()


def access_log_actions(desk: Any, action: str) -> list[Any]:
    """Read the access log directly: tests may use SQL, the UI never does."""
    from sqlalchemy import select

    from desktop.models import AccessLogEntry

    with desk.db.transaction() as s:
        return list(s.execute(select(AccessLogEntry).where(AccessLogEntry.action == action)).scalars())
