"""The main window warns at once, in the interface's language, when the access log was cut or rewritten."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pytestqt.qtbot import QtBot

from tests.helpers.log_attacks import add_entries, cut_tail, rewrite_with_key


def test_banner_hidden_while_the_log_is_whole(qtbot: QtBot, window: Any) -> None:
    qtbot.waitUntil(lambda: window.log_watch.status is not None)  # the opening check runs in the background
    assert window.log_watch.status.ok
    assert not window.log_watch.isVisible()


def test_banner_shows_a_cut_and_stays(qtbot: QtBot, window: Any, desk: Any, tmp_path: Path) -> None:
    add_entries(desk, 5)
    assert window.log_watch.check() is not None and not window.log_watch.isVisible()
    cut_tail(desk, keep=2)
    window.log_watch.check()
    assert window.log_watch.isVisible()
    assert "kortere" in window.log_watch.text() or "shorter" in window.log_watch.text()
    window.grab().save(str(tmp_path / "log_watch.png"))
    window.log_watch.check()
    assert window.log_watch.isVisible()


def test_banner_shows_a_rewrite(qtbot: QtBot, window: Any, desk: Any) -> None:
    add_entries(desk, 4)
    window.log_watch.check()
    rewrite_with_key(desk, drop_seq=1)
    add_entries(desk, 3)
    window.log_watch.check()
    assert window.log_watch.isVisible() and window.log_watch.status is not None
    assert window.log_watch.status.problem is not None and window.log_watch.status.problem.value == "different"
