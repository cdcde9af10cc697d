"""UI fixtures: Norwegian interface, private settings, a recording dialog seam, open windows.

The desk, the five named people and the signed-in agent come from tests/helpers/fixtures.py.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.bootstrap import build_services
from desktop.domain.roles import Actor
from desktop.services.context import DeskContext
from desktop.services.registry import add_customer
from desktop.ui.i18n import install_translator
from desktop.ui.main_window import MainWindow
from desktop.ui.settings_store import desk_settings
from tests.helpers.dialogs import RecordingDialogs


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


@pytest.fixture
def dialogs() -> RecordingDialogs:
    return RecordingDialogs()


@pytest.fixture
def hansens(desk: DeskContext) -> list[int]:
    """120 people called Hansen: more than two pages of search results."""
    ids: list[int] = []
    with desk.db.transaction() as s:
        for i in range(120):
            c = add_customer(s, desk.keys, desk.policy, customer_number=f"H{2000000 + i}",
                             first_name=f"Person{i:03d}", last_name="Hansen", created_at=datetime(2024, 2, 1),
                             email=f"hansen{i}@example.com", street="Havnegata 1", postcode="9008",
                             city="Tromsø")
            ids.append(c.id)
    return ids


@pytest.fixture
def window(qtbot: QtBot, desk: DeskContext, agent: Actor, dialogs: RecordingDialogs) -> Iterator[MainWindow]:
    win = MainWindow(desk, agent, build_services(desk, desk_settings), dialogs=dialogs)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    # Closed here, before the desk fixture disposes of the database under a running search.
    win.close()
