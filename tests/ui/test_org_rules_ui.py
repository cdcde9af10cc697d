"""The roll-forward rule in the menu: everyone sees the organisation's rule, only an administrator changes it."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from desktop.bootstrap import build_services
from desktop.services.accounts import AccountService
from desktop.services.org_settings import OrgSettingsService
from desktop.ui.main_window import MainWindow
from desktop.ui.settings_store import desk_settings
from tests.helpers.dialogs import RecordingDialogs


def test_agents_see_the_rule_and_cannot_change_it(qtbot: QtBot, desk, agent) -> None:  # type: ignore[no-untyped-def]
    OrgSettingsService(desk).set_roll_forward(AccountService(desk).login("admin", "demo"), True)
    win = MainWindow(desk, agent, build_services(desk, desk_settings, lang="nb"), dialogs=RecordingDialogs())
    qtbot.addWidget(win)
    assert win.roll_forward_action.isChecked() and not win.roll_forward_action.isEnabled()


def test_an_admin_changes_it_for_everyone_after_confirming(qtbot: QtBot, desk) -> None:  # type: ignore[no-untyped-def]
    admin = AccountService(desk).login("admin", "demo")
    declined = RecordingDialogs(confirm_answer=False)
    win = MainWindow(desk, admin, build_services(desk, desk_settings, lang="nb"), dialogs=declined)
    qtbot.addWidget(win)
    action = win.roll_forward_action
    assert action.isEnabled() and not action.isChecked()
    action.trigger()  # asked, said no: nothing changes
    assert not action.isChecked() and OrgSettingsService(desk).roll_forward() is False
    assert declined.of_kind("confirm")
    win.dialogs = RecordingDialogs()
    action.dialogs = win.dialogs
    action.trigger()
    assert action.isChecked() and OrgSettingsService(desk).roll_forward() is True
