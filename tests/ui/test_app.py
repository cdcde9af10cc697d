"""Start-up as a person meets it: the login dialog first, the database behind it, clear errors."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

import desktop.app as app_module
from desktop.app import OpenRequest, Startup, describe_url, open_request, run_gui
from desktop.paths import default_database_path
from desktop.services.context import open_desk
from desktop.ui.login import FirstAdminDialog
from tests.helpers.dialogs import RecordingDialogs
from tests.helpers.memory_keyring import lose_keyring


class AutoFirstAdmin(FirstAdminDialog):
    """Fills in the first-admin dialog the way a person would, instead of waiting modally."""

    def exec(self) -> int:
        self.username_edit.setText("ingrid")
        self.display_name_edit.setText("Ingrid Ås")
        self.password_edit.setText("hemmelig-1")
        self.repeat_edit.setText("hemmelig-1")
        self.submit()
        return self.result()


@pytest.fixture
def started() -> Iterator[list[Startup]]:
    """Startups made by a test are finished (desk closed) even when the test fails."""
    made: list[Startup] = []
    yield made
    for startup in made:
        if startup.window is not None:
            startup.window.close()
        startup.login.close()
        startup.finish()


def test_describe_url_matches_the_database_display_name(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'a.sqlite3'}"
    ctx = open_desk(url, migrate=True, create_keys=True)
    try:
        assert describe_url(url) == ctx.db.display_name()
    finally:
        ctx.close()
    assert describe_url("postgresql+psycopg://desk:secret@db.example:5433/gdpr") == "db.example:5433/gdpr"
    assert "secret" not in describe_url("postgresql://desk:secret@db/gdpr")


def test_open_request_creates_only_a_brand_new_default_database() -> None:
    fresh = open_request(None)
    assert fresh.create and fresh.url.endswith("gdpr-desk.sqlite3")
    assert default_database_path() in fresh.created_files
    assert not open_request("sqlite:////somewhere/else.sqlite3").create


def test_first_start_walks_from_first_admin_to_main_window(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, started: list[Startup]
) -> None:
    monkeypatch.setattr(app_module, "FirstAdminDialog", AutoFirstAdmin)
    dialogs = RecordingDialogs()
    startup = Startup(open_request(None), dialogs=dialogs)
    started.append(startup)
    startup.begin()
    # The login dialog is on screen before the database is open.
    assert startup.login.isVisible() and startup.login.ctx is None

    qtbot.waitUntil(lambda: startup.login.ctx is not None, timeout=20000)
    assert default_database_path().exists()
    assert startup.login.isVisible()
    assert startup.login.username_edit.text() == "ingrid"
    assert startup.login.demo_notice.isHidden()
    startup.login.password_edit.setText("hemmelig-1")
    startup.login.submit()
    qtbot.waitUntil(lambda: startup.window is not None, timeout=5000)

    window = startup.window
    assert window is not None and window.isVisible()
    assert window.user_label.text() == "Ingrid Ås (Administrator)"
    assert dialogs.shown == []
    with qtbot.waitSignal(startup.finished, timeout=5000) as blocker:
        window.close()
    assert blocker.args == [0]


def test_cancelling_the_first_admin_ends_quietly(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch,
                                                 started: list[Startup]) -> None:
    class Cancelled(FirstAdminDialog):
        def exec(self) -> int:
            return 0

    monkeypatch.setattr(app_module, "FirstAdminDialog", Cancelled)
    startup = Startup(open_request(None), dialogs=RecordingDialogs())
    started.append(startup)
    with qtbot.waitSignal(startup.finished, timeout=20000) as blocker:
        startup.begin()
    assert blocker.args == [0] and startup.window is None


def _start_and_fail(qtbot: QtBot, url: str, started: list[Startup]) -> tuple[Startup, RecordingDialogs]:
    dialogs = RecordingDialogs()
    startup = Startup(OpenRequest(url, create=False), dialogs=dialogs)
    started.append(startup)
    with qtbot.waitSignal(startup.finished, timeout=20000) as blocker:
        startup.begin()
    assert blocker.args == [1] and startup.exit_code == 1
    assert not startup.login.isVisible()
    assert len(dialogs.of_kind("error")) == 1
    return startup, dialogs


def test_a_damaged_file_is_a_clear_message(qtbot: QtBot, tmp_path: Path, started: list[Startup]) -> None:
    path = tmp_path / "broken.sqlite3"
    path.write_bytes(b"this is not a database at all " * 200)
    _, dialogs = _start_and_fail(qtbot, f"sqlite:///{path}", started)
    _, title, text = dialogs.shown[0]
    assert title == "GDPR Desk kan ikke starte"
    assert text.startswith("Databasefilen er skadet") and "Traceback" not in text


def test_a_database_without_the_schema_is_a_clear_message(qtbot: QtBot, tmp_path: Path,
                                                          started: list[Startup]) -> None:
    path = tmp_path / "empty.sqlite3"
    path.touch()
    _, dialogs = _start_and_fail(qtbot, f"sqlite:///{path}", started)
    assert "har ikke GDPR Desk-skjemaet" in dialogs.shown[0][2]


def test_a_missing_file_is_a_clear_message(qtbot: QtBot, tmp_path: Path, started: list[Startup]) -> None:
    _, dialogs = _start_and_fail(qtbot, f"sqlite:///{tmp_path / 'nowhere.sqlite3'}", started)
    assert dialogs.shown[0][2].startswith("Ingen databasefil på")


def test_a_missing_keyring_is_a_clear_message(qtbot: QtBot, tmp_path: Path, started: list[Startup]) -> None:
    url = f"sqlite:///{tmp_path / 'team.sqlite3'}"
    open_desk(url, migrate=True, create_keys=True).close()
    lose_keyring()
    _, dialogs = _start_and_fail(qtbot, url, started)
    assert dialogs.shown[0][2].startswith("Ingen nøkkelring er tilgjengelig")


def test_a_failed_first_start_leaves_no_half_made_database(
    qtbot: QtBot, started: list[Startup]
) -> None:
    lose_keyring()  # a new real database needs a keyring
    request = open_request(None)
    assert request.create
    _start_and_fail(qtbot, request.url, started)
    assert not default_database_path().exists()


def test_run_gui_returns_1_and_shows_the_message(qapp: QApplication, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    dialogs = RecordingDialogs()
    monkeypatch.setattr(app_module, "DialogService", lambda *_a: dialogs)
    path = tmp_path / "broken.sqlite3"
    path.write_bytes(b"garbage " * 1000)
    guard = QTimer()
    guard.setSingleShot(True)
    guard.timeout.connect(lambda: qapp.exit(99))  # never hang the suite
    guard.start(20000)
    try:
        assert run_gui(f"sqlite:///{path}") == 1
    finally:
        guard.stop()
        qapp.setQuitOnLastWindowClosed(True)
    assert dialogs.of_kind("error") and dialogs.shown[0][2].startswith("Databasefilen er skadet")


def test_startup_does_not_import_the_database_layer_before_the_login_dialog(tmp_path: Path) -> None:
    """Measured in a fresh interpreter: what the first window costs to import."""
    import subprocess
    import sys

    code = (
        "import sys, desktop.app\n"
        "heavy = [m for m in ('sqlalchemy', 'alembic', 'keyring', 'reportlab', 'argon2') if m in sys.modules]\n"
        "print(','.join(heavy))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=Path(__file__).resolve().parents[2], env={"QT_QPA_PLATFORM": "offscreen",
                                                                     "PATH": "/usr/bin:/bin"})
    assert out.stdout.strip() == ""


def test_a_failed_open_offers_settings_and_tries_again(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, started: list[Startup]
) -> None:
    """A database chosen in Settings that cannot open is corrected in Settings, not by editing files."""
    from desktop.services.accounts import AccountService
    from desktop.ui.settings_dialog import SettingsDialog

    good = tmp_path / "good.sqlite3"
    ctx = open_desk(f"sqlite:///{good}", migrate=True, create_keys=True, demo=True)
    AccountService(ctx).add("kari", "agent", "hemmelig")
    ctx.close()
    broken = tmp_path / "broken.sqlite3"
    broken.write_bytes(b"not a database " * 500)
    settings = app_module.desk_settings()
    settings.setValue("database/kind", "sqlite")
    settings.setValue("database/sqlite_path", str(broken))

    def save_good_path(self: SettingsDialog) -> int:
        settings.setValue("database/sqlite_path", str(good))
        return SettingsDialog.DialogCode.Accepted.value

    monkeypatch.setattr(SettingsDialog, "exec", save_good_path)
    dialogs = RecordingDialogs(confirm_answer=True)
    startup = Startup(open_request(None), dialogs=dialogs, configurable=True)
    started.append(startup)
    startup.begin()
    qtbot.waitUntil(lambda: startup.login.ctx is not None, timeout=20000)
    kind, _title, text = dialogs.shown[0]
    assert kind == "confirm" and text.startswith("Databasefilen er skadet")
    assert startup.login.isVisible() and startup.exit_code == 0
    assert str(good) in startup.login.database_label.toolTip()


def test_declining_settings_after_a_failed_open_quits(
    qtbot: QtBot, tmp_path: Path, started: list[Startup]
) -> None:
    broken = tmp_path / "broken.sqlite3"
    broken.write_bytes(b"not a database " * 500)
    dialogs = RecordingDialogs(confirm_answer=False)
    startup = Startup(OpenRequest(f"sqlite:///{broken}", create=False), dialogs=dialogs, configurable=True)
    started.append(startup)
    with qtbot.waitSignal(startup.finished, timeout=20000) as blocker:
        startup.begin()
    assert blocker.args == [1] and not startup.login.isVisible()
    assert [d[0] for d in dialogs.shown] == ["confirm"]
