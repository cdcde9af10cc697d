"""Every screen walked as a keyboard-only agent would, and read as a screen reader would.

- Every interactive control has a name a screen reader can say: its accessible name, its text, or
  the label that is its buddy (`unnamed_controls`, applied to every screen).
- Tab walks the main screens in the order they read, and comes back round: no focus traps.
- Enter presses the focused button, Esc closes a dialog, Alt and the underlined letter reach a
  control, and no two visible controls of a window share a letter.
- Help → Keyboard shortcuts lists every shortcut the main window has installed, and no two of
  them are the same key.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QAction, QKeySequence, QShortcut
from PySide6.QtPdf import QPdfDocument
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPlainTextEdit,
    QPushButton,
    QScrollBar,
    QTabBar,
    QTableView,
    QTabWidget,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from desktop.bootstrap import DeskServices, LiveMailer, UnconfiguredMailer
from desktop.domain.requests import RequestType
from desktop.services.erasure import ErasureService
from desktop.services.requests import RequestService
from desktop.services.verification import FileSmsGateway, VerificationService
from desktop.ui.common import install_enter_activates_buttons
from desktop.ui.erasure_ui import ApprovalQueueWidget, ErasurePlanDialog
from desktop.ui.file_request_dialog import FileRequestDialog
from desktop.ui.i18n import install_translator
from desktop.ui.log_viewer import LogViewer
from desktop.ui.login import FirstAdminDialog, LoginDialog
from desktop.ui.main_window import MainWindow
from desktop.ui.profile.reveal import RevealDialog
from desktop.ui.profile_view import ProfileView
from desktop.ui.register_copy_dialog import RegisterCopyDialog
from desktop.ui.requests_ui import RequestsWindow
from desktop.ui.settings_store import desk_settings
from desktop.ui.shortcuts_dialog import ShortcutsDialog, collect_shortcuts, key_text, plain
from desktop.ui.verify_dialog import VerifyDialog
from tests.helpers.dialogs import RecordingDialogs
from tests.helpers.records import add_orders
from tests.helpers.widgets import focused

# --- the helpers ------------------------------------------------------------------------------------

#: Kinds of control a person operates; anything else that takes Tab focus counts as well.
INTERACTIVE = (QAbstractButton, QLineEdit, QComboBox, QAbstractSpinBox, QAbstractItemView, QPlainTextEdit, QTextEdit,
               QTabWidget, QAbstractSlider)


def _is_internal(widget: QWidget, root: QWidget) -> bool:
    """Qt's own parts of a control (a combo box's editor, a line edit's clear button, scroll bars)."""
    if widget.objectName().startswith("qt_") or isinstance(widget, QHeaderView | QScrollBar | QTabBar):
        return True
    parent = widget.parentWidget()
    while parent is not None and parent is not root:
        if isinstance(parent, QComboBox | QAbstractSpinBox | QLineEdit) or parent.objectName().startswith("qt_"):
            return True
        parent = parent.parentWidget()
    return False


def interactive_widgets(root: QWidget) -> list[QWidget]:
    """The controls under `root` a person can operate, shown now or not (a hidden page still counts)."""
    found = []
    for widget in root.findChildren(QWidget):
        if _is_internal(widget, root):
            continue
        if isinstance(widget, INTERACTIVE) or widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            found.append(widget)
    return found


def accessible_name(widget: QWidget) -> str:
    """What a screen reader says for the control: its accessible name, text or buddy label."""
    interface = QAccessible.queryAccessibleInterface(widget)
    return interface.text(QAccessible.Text.Name).strip() if interface is not None else ""


def describe(widget: QWidget | None) -> str:
    if widget is None:
        return "nothing"
    text = plain(widget.text()) if isinstance(widget, QAbstractButton) else ""
    return f"{type(widget).__name__}({widget.objectName() or text or widget.toolTip()!r} in " \
           f"{type(widget.parentWidget()).__name__})"


def unnamed_controls(root: QWidget) -> list[str]:
    """Interactive controls a screen reader could only call "button" or "edit": the test's failure list."""
    missing = [describe(w) for w in interactive_widgets(root) if not accessible_name(w)]
    if isinstance(root, QDialog | QMainWindow) and not root.windowTitle():
        missing.append(f"{type(root).__name__} has no window title")
    for tabs in root.findChildren(QTabWidget):
        missing += [f"tab {i} of {accessible_name(tabs)!r}" for i in range(tabs.count()) if not tabs.tabText(i)]
    return missing


def activate(qtbot: QtBot, window: QWidget) -> None:
    window.show()
    window.raise_()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window and QApplication.focusWidget() is not None,
                    timeout=3000)


def tab_stops(qtbot: QtBot, window: QWidget, start: QWidget | None = None, limit: int = 120) -> list[QWidget]:
    """Press Tab from `start` (or where focus is) until focus comes back; fails on a trap or a dead end.

    A date edit takes one Tab per section (day, month, year); those stops count once.
    """
    activate(qtbot, window)
    if start is not None:
        start.setFocus(Qt.FocusReason.TabFocusReason)
        qtbot.waitUntil(lambda: QApplication.focusWidget() is start, timeout=2000)
    first = QApplication.focusWidget()
    assert first is not None
    stops = [first]
    for _ in range(limit):
        current = QApplication.focusWidget()
        assert current is not None, f"focus was lost after {describe(stops[-1])}"
        QTest.keyClick(current, Qt.Key.Key_Tab)
        now = QApplication.focusWidget()
        if now is first:
            return stops
        if now is not None and now is not stops[-1]:
            assert now not in stops, f"Tab went round without coming back to the start: {describe(now)} again"
            stops.append(now)
    raise AssertionError(f"Tab never came back to the start (a trap?): {[describe(w) for w in stops[-5:]]}")


def mnemonic_owners(window: QWidget) -> dict[str, list[str]]:
    """Alt+letter -> the visible controls that claim it (buttons, labels with a buddy, tabs, menus)."""
    owners: dict[str, list[str]] = {}

    def claim(text: str, who: str) -> None:
        key = QKeySequence.mnemonic(text).toString()
        if key:
            owners.setdefault(key, []).append(who)

    for button in window.findChildren(QAbstractButton):
        if button.isVisibleTo(window):
            claim(button.text(), plain(button.text()))
    for label in window.findChildren(QLabel):
        if label.buddy() is not None and label.isVisibleTo(window) and label.buddy().isVisibleTo(window):
            claim(label.text(), plain(label.text()))
    for bar in window.findChildren(QTabBar):
        if bar.isVisibleTo(window):
            for i in range(bar.count()):
                claim(bar.tabText(i), plain(bar.tabText(i)))
    if isinstance(window, QMainWindow):
        for action in window.menuBar().actions():
            claim(action.text(), plain(action.text()))
    return owners


def duplicate_mnemonics(window: QWidget) -> dict[str, list[str]]:
    return {key: who for key, who in mnemonic_owners(window).items() if len(who) > 1}


@pytest.fixture
def english(qapp: QApplication) -> Iterator[None]:
    """Mnemonics are checked on the source text, which does not wait for a translator's release."""
    assert install_translator(qapp, "en")
    try:
        yield
    finally:
        assert install_translator(qapp, "nb")


@pytest.fixture
def enter_presses_buttons(qapp: QApplication) -> Iterator[None]:
    keys = install_enter_activates_buttons(qapp)
    yield
    qapp.removeEventFilter(keys)
    keys.setObjectName("")  # found no more by the next test's install, which makes its own
    keys.setParent(None)


@pytest.fixture
def verification(desk: Any, tmp_path: Path) -> VerificationService:
    return VerificationService(desk, mailer=UnconfiguredMailer(), sms=FileSmsGateway(tmp_path / "sms.jsonl"))


def open_customer(qtbot: QtBot, window: MainWindow, customer_id: int) -> None:
    window.open_customer(customer_id)
    qtbot.waitUntil(lambda: window.profile.customer_id == customer_id and not window.profile.is_busy(), timeout=5000)


def unlock_with_a_reason(qtbot: QtBot, window: MainWindow, dialogs: RecordingDialogs) -> None:
    dialogs.text_answer = "internal check of order TP-0000001 (test)"
    window.profile.ask_reason()
    qtbot.waitUntil(lambda: window.profile.may_see_more() and not window.profile.is_busy(), timeout=5000)


def expand_purchases(qtbot: QtBot, profile: ProfileView) -> None:
    section = profile.sections["purchase"]
    section.expand()
    qtbot.waitUntil(lambda: section.group is not None and not profile.is_busy(), timeout=5000)


def verify_dialog(qtbot: QtBot, profile: ProfileView) -> VerifyDialog:
    profile.verify_button.click()
    dialog = profile.verify_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.hints is not None and not profile.is_busy(), timeout=5000)
    return dialog


@pytest.fixture
def main_window(qtbot: QtBot, desk: Any, agent: Any, dialogs: RecordingDialogs,
                verification: VerificationService) -> Iterator[MainWindow]:
    win = MainWindow(desk, agent, DeskServices(verification, LiveMailer(desk_settings)), dialogs=dialogs)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()


# --- the helper itself ------------------------------------------------------------------------------


def test_the_helper_names_what_a_screen_reader_cannot(qtbot: QtBot) -> None:
    root = QWidget()
    qtbot.addWidget(root)
    form = QFormLayout(root)
    by_label = QLineEdit()
    form.addRow("&Name:", by_label)  # the form's label is its buddy
    named = QComboBox()
    named.setAccessibleName("Channel")
    nameless = QLineEdit()
    nameless.setObjectName("nameless")
    icon_only = QPushButton()
    icon_only.setObjectName("icon_only")
    for widget in (named, nameless, icon_only, QPushButton("Save")):
        form.addRow(widget)
    assert accessible_name(by_label) == "Name:"
    assert unnamed_controls(root) == ["QLineEdit('nameless' in QWidget)", "QPushButton('icon_only' in QWidget)"]


# --- names on every screen --------------------------------------------------------------------------


def test_sign_in_screens_name_every_control(qtbot: QtBot, desk: Any) -> None:
    login, first = LoginDialog(desk), FirstAdminDialog(desk)
    for dialog in (login, first):
        qtbot.addWidget(dialog)
        assert unnamed_controls(dialog) == []


def test_main_window_and_profile_name_every_control(qtbot: QtBot, desk: Any, main_window: MainWindow,
                                                     dialogs: RecordingDialogs, people: dict[str, int]) -> None:
    add_orders(desk, people["Ødegård"])
    assert unnamed_controls(main_window) == []
    open_customer(qtbot, main_window, people["Ødegård"])
    unlock_with_a_reason(qtbot, main_window, dialogs)
    expand_purchases(qtbot, main_window.profile)
    assert main_window.profile.sections["purchase"].tabs.count() > 0  # record tables are there to be checked
    assert unnamed_controls(main_window) == []


def test_dialogs_of_the_profile_name_every_control(qtbot: QtBot, desk: Any, main_window: MainWindow,
                                                    people: dict[str, int]) -> None:
    open_customer(qtbot, main_window, people["Ødegård"])
    verify = verify_dialog(qtbot, main_window.profile)
    assert unnamed_controls(verify) == []
    verify.reject()
    reveal = RevealDialog(lambda reason, password: None, main_window.profile.worker,  # type: ignore[arg-type,return-value]
                          seconds=30, parent=main_window)
    assert unnamed_controls(reveal) == []
    reveal.reject()


def test_request_screens_name_every_control(qtbot: QtBot, desk: Any, agent: Any, supervisor: Any,
                                            dialogs: RecordingDialogs, people: dict[str, int]) -> None:
    service = RequestService(desk)
    filing = FileRequestDialog(desk, agent, dialogs, people["Ødegård"], "Kari Ødegård", service=service)
    qtbot.addWidget(filing)
    assert unnamed_controls(filing) == []
    request_id = service.file(agent, RequestType.RESTRICTION, people["Ødegård"], channel="email").id
    window = RequestsWindow(desk, agent, dialogs, service)
    qtbot.addWidget(window)
    window.show()
    window.request.load(request_id)
    qtbot.waitUntil(lambda: window.request.view is not None and not window.request.is_busy()
                    and not window.queue.is_busy(), timeout=5000)
    assert unnamed_controls(window) == []  # the queue, the request and every type's panel
    window.close()
    approval = ApprovalQueueWidget(desk, supervisor, dialogs)
    qtbot.addWidget(approval)
    qtbot.waitUntil(lambda: not approval.is_busy(), timeout=5000)
    assert unnamed_controls(approval) == []
    approval.close()


def test_erasure_plan_names_every_control(qtbot: QtBot, desk: Any, agent: Any, dialogs: RecordingDialogs,
                                          people: dict[str, int]) -> None:
    requests = RequestService(desk)
    rid = requests.file(agent, "erasure", people["Ødegård"], channel="email").id
    requests.verify_identity(agent, rid, note="one-time code to the registered e-mail")
    dialog = ErasurePlanDialog(desk, agent, rid, dialogs, service=ErasureService(desk))
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.loaded is not None and not dialog.is_busy(), timeout=10000)
    assert unnamed_controls(dialog) == []
    dialog.close()


def test_register_copy_and_log_viewer_name_every_control(qtbot: QtBot, desk: Any, agent: Any, supervisor: Any,
                                                         dialogs: RecordingDialogs) -> None:
    from tests.unit.test_register_copy import access_request, add_person

    person = add_person(desk, orders=3)
    copy = RegisterCopyDialog(desk, agent, person, access_request(desk, agent, person), dialogs)
    qtbot.addWidget(copy)
    assert unnamed_controls(copy) == []
    copy.worker.wait(60_000)
    viewer = LogViewer(desk, supervisor, dialogs=dialogs)
    qtbot.addWidget(viewer)
    assert unnamed_controls(viewer) == []
    viewer.close()


def test_help_dialogs_name_every_control(qtbot: QtBot, desk: Any, main_window: MainWindow) -> None:
    from desktop.ui.about_dialog import AboutDialog

    for dialog in (AboutDialog(desk, main_window), ShortcutsDialog(main_window)):
        assert unnamed_controls(dialog) == []
        dialog.close()


# --- Tab order --------------------------------------------------------------------------------------


def test_login_tab_order(qtbot: QtBot, desk: Any) -> None:
    dialog = LoginDialog(desk)
    qtbot.addWidget(dialog)
    stops = tab_stops(qtbot, dialog)
    assert stops[:2] == [dialog.username_edit, dialog.password_edit]  # focus starts on the user name
    assert stops[-2:] == [dialog.cancel_button, dialog.login_button]  # the buttons in the order they read
    assert set(stops) <= set(interactive_widgets(dialog))
    with_name = LoginDialog(desk, username="agent")
    qtbot.addWidget(with_name)
    assert tab_stops(qtbot, with_name)[0] is with_name.password_edit  # a known user types the password


def test_main_window_tab_order(qtbot: QtBot, desk: Any, main_window: MainWindow, dialogs: RecordingDialogs,
                               people: dict[str, int]) -> None:
    win, profile = main_window, main_window.profile
    assert tab_stops(qtbot, win) == [win.search_edit, win.table]  # nobody open: the search and its hits
    add_orders(desk, people["Ødegård"])
    open_customer(qtbot, win, people["Ødegård"])
    assert tab_stops(qtbot, win, win.search_edit) == [
        win.search_edit, win.table, profile.reveal_button, profile.verify_button, profile.reason_button,
        profile.channel_combo, profile.end_button, profile.groups_scroll,
    ]
    unlock_with_a_reason(qtbot, win, dialogs)
    expand_purchases(qtbot, profile)
    stops = tab_stops(qtbot, win, win.search_edit)
    toggles = [section.toggle_button for section in profile.sections.values()]
    purchase = profile.sections["purchase"]
    assert [w for w in stops if w in toggles] == toggles  # the purposes in their policy order
    after_first = stops[stops.index(toggles[0]) + 1:stops.index(toggles[1])]
    assert after_first[0] is purchase.tabs.tabBar() and after_first[1] is purchase.current_view()


def test_file_request_tab_order(qtbot: QtBot, desk: Any, agent: Any, dialogs: RecordingDialogs,
                                people: dict[str, int]) -> None:
    dialog = FileRequestDialog(desk, agent, dialogs, people["Ødegård"], "Kari Ødegård")
    qtbot.addWidget(dialog)
    expected = [dialog.type_combo, dialog.channel_combo, dialog.received_edit, dialog.notes_edit,
                dialog.cancel_button, dialog.file_button]
    assert tab_stops(qtbot, dialog) == expected
    dialog.type_combo.setCurrentIndex(dialog.type_combo.findData(RequestType.WITHDRAW_CONSENT.value))
    assert tab_stops(qtbot, dialog) == [*expected[:3], dialog.marketing_combo, *expected[3:]]
    dialog.reject()


def test_verify_dialog_tab_order_per_method(qtbot: QtBot, desk: Any, main_window: MainWindow,
                                            people: dict[str, int]) -> None:
    add_orders(desk, people["Ødegård"])
    open_customer(qtbot, main_window, people["Ødegård"])
    dialog = verify_dialog(qtbot, main_window.profile)
    bar = dialog.tabs.tabBar()
    answers = list(dialog.answer_edits.values())
    assert tab_stops(qtbot, dialog) == [*answers, dialog.answers_button, dialog.close_button, bar]
    dialog.tabs.setCurrentIndex(1)
    assert tab_stops(qtbot, dialog, bar) == [bar, dialog.email_radio, dialog.send_button, dialog.code_edit,
                                             dialog.close_button]
    dialog.tabs.setCurrentIndex(3)
    assert tab_stops(qtbot, dialog, bar) == [bar, dialog.provider_combo, dialog.reference_edit, dialog.eid_button,
                                             dialog.close_button]
    dialog.reject()


def test_register_copy_tab_order(qtbot: QtBot, desk: Any, agent: Any, dialogs: RecordingDialogs) -> None:
    from tests.unit.test_register_copy import access_request, add_person

    person = add_person(desk, orders=3)
    dialog = RegisterCopyDialog(desk, agent, person, access_request(desk, agent, person), dialogs)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.document.status() == QPdfDocument.Status.Ready and not dialog.worker.is_busy(),
                    timeout=60_000)
    close = next(b for b in dialog.findChildren(QPushButton) if b.text() == "Lukk")
    assert tab_stops(qtbot, dialog) == [
        dialog.review_list, dialog.text_view, dialog.redact_button, dialog.view, dialog.print_button,
        dialog.save_button, dialog.posted_button, dialog.channel, dialog.email_button, close, dialog.language,
    ]


def test_no_focus_trap_in_the_other_windows(qtbot: QtBot, desk: Any, agent: Any, supervisor: Any,
                                            dialogs: RecordingDialogs, people: dict[str, int]) -> None:
    service = RequestService(desk)
    for person in ("Ødegård", "Sæther", "Åsen"):
        service.file(agent, "access", people[person], channel="email")
    window = RequestsWindow(desk, agent, dialogs, service)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.queue.model.rowCount() == 3 and not window.queue.is_busy(), timeout=5000)
    window.request.load(window.queue.model.row_at(0).request_id)  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: window.request.view is not None and not window.request.is_busy(), timeout=5000)
    stops = tab_stops(qtbot, window, window.queue.type_combo)
    assert stops.count(window.queue.table) == 1 and window.request.history_table not in stops  # behind its tab
    window.close()
    viewer = LogViewer(desk, supervisor, dialogs=dialogs)
    qtbot.addWidget(viewer)
    qtbot.waitUntil(lambda: viewer.model.rowCount() > 1 and not viewer.worker.is_busy(), timeout=5000)
    assert viewer.table in tab_stops(qtbot, viewer)
    viewer.close()


def test_tables_leave_on_tab_and_the_arrows_walk_them(qtbot: QtBot, main_window: MainWindow,
                                                      hansens: list[int]) -> None:
    for table in main_window.findChildren(QTableView):
        assert not table.tabKeyNavigation(), table.accessibleName()
    main_window.search_edit.setText("hansen")
    qtbot.waitUntil(lambda: main_window.model.rowCount() > 3 and not main_window.model.is_busy(), timeout=5000)
    activate(qtbot, main_window)
    main_window.search_edit.setFocus()
    QTest.keyClick(main_window.search_edit, Qt.Key.Key_Down)
    QTest.keyClick(main_window.table, Qt.Key.Key_Down)
    assert main_window.table.currentIndex().row() == 1
    QTest.keyClick(main_window.table, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is not main_window.table


# --- Enter, Esc and the underlined letters -----------------------------------------------------------


def test_enter_on_a_focused_cancel_cancels_and_files_nothing(qtbot: QtBot, desk: Any, agent: Any,
                                                             dialogs: RecordingDialogs, people: dict[str, int],
                                                             enter_presses_buttons: None) -> None:
    service = RequestService(desk)
    dialog = FileRequestDialog(desk, agent, dialogs, people["Ødegård"], "Kari Ødegård", service=service)
    qtbot.addWidget(dialog)
    activate(qtbot, dialog)
    dialog.cancel_button.setFocus(Qt.FocusReason.TabFocusReason)
    QTest.keyClick(dialog.cancel_button, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Rejected and not dialog.isVisible()
    assert service.queue(agent) == []  # without the filter, Enter pressed the default "File request"


def test_enter_presses_a_focused_button_outside_dialogs(qtbot: QtBot, main_window: MainWindow,
                                                        people: dict[str, int], enter_presses_buttons: None) -> None:
    open_customer(qtbot, main_window, people["Ødegård"])
    activate(qtbot, main_window)
    main_window.profile.verify_button.setFocus(Qt.FocusReason.TabFocusReason)
    QTest.keyClick(main_window.profile.verify_button, Qt.Key.Key_Enter, Qt.KeyboardModifier.KeypadModifier)
    qtbot.waitUntil(lambda: main_window.profile.verify_dialog is not None, timeout=3000)
    main_window.profile.verify_dialog.reject()  # type: ignore[union-attr]


def test_esc_closes_the_dialogs_without_doing_anything(qtbot: QtBot, desk: Any, agent: Any,
                                                       main_window: MainWindow, dialogs: RecordingDialogs,
                                                       people: dict[str, int]) -> None:
    open_customer(qtbot, main_window, people["Ødegård"])
    verify = verify_dialog(qtbot, main_window.profile)
    activate(qtbot, verify)
    QTest.keyClick(focused(), Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: main_window.profile.verify_dialog is None, timeout=3000)
    assert main_window.profile.customer_id == people["Ødegård"]  # Esc in the dialog did not end the call
    window = RequestsWindow(desk, agent, dialogs, RequestService(desk))
    qtbot.addWidget(window)
    activate(qtbot, window)
    QTest.keyClick(focused(), Qt.Key.Key_Escape)
    assert not window.isVisible()


def test_enter_opens_from_the_queues(qtbot: QtBot, desk: Any, agent: Any, supervisor: Any,
                                     dialogs: RecordingDialogs, people: dict[str, int]) -> None:
    service = RequestService(desk)
    rid = service.file(agent, "erasure", people["Ødegård"], channel="email").id
    service.verify_identity(agent, rid, note="one-time code")
    ErasureService(desk).make_plan(agent, rid)
    approval = ApprovalQueueWidget(desk, supervisor, dialogs)
    qtbot.addWidget(approval)
    qtbot.waitUntil(lambda: approval.table.rowCount() == 1 and not approval.is_busy(), timeout=5000)
    activate(qtbot, approval)
    approval.table.setFocus()
    approval.table.setCurrentCell(0, 0)
    QTest.keyClick(approval.table, Qt.Key.Key_Enter, Qt.KeyboardModifier.KeypadModifier)
    assert rid in approval.plan_dialogs
    for dialog in list(approval.plan_dialogs.values()):
        dialog.close()
    approval.shutdown()


def test_alt_letters_reach_the_profile(qtbot: QtBot, desk: Any, main_window: MainWindow, dialogs: RecordingDialogs,
                                       people: dict[str, int], english: None) -> None:
    win = MainWindow(desk, main_window.actor, DeskServices(main_window.verification, LiveMailer(desk_settings)),
                     dialogs=dialogs)
    qtbot.addWidget(win)
    add_orders(desk, people["Ødegård"])
    open_customer(qtbot, win, people["Ødegård"])
    activate(qtbot, win)
    QTest.keyClick(win, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)  # Cha&nnel
    assert QApplication.focusWidget() is win.profile.channel_combo
    unlock_with_a_reason(qtbot, win, dialogs)
    QTest.keyClick(win, Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)  # purpose 1
    first = next(iter(win.profile.sections.values()))
    qtbot.waitUntil(lambda: first.expanded and first.group is not None and not win.profile.is_busy(), timeout=5000)
    assert QApplication.activeWindow() is win  # opening a purpose the first time keeps the window active
    QTest.keyClick(win, Qt.Key.Key_V, Qt.KeyboardModifier.AltModifier)  # &Verify identity
    qtbot.waitUntil(lambda: win.profile.verify_dialog is not None, timeout=3000)
    dialog = win.profile.verify_dialog
    assert dialog is not None
    activate(qtbot, dialog)
    QTest.keyClick(dialog, Qt.Key.Key_E, Qt.KeyboardModifier.AltModifier)  # &Electronic ID
    assert dialog.tabs.currentIndex() == 3
    QTest.keyClick(dialog, Qt.Key.Key_R, Qt.KeyboardModifier.AltModifier)  # &Reference:
    assert QApplication.focusWidget() is dialog.reference_edit
    dialog.reject()
    win.close()


def test_no_two_visible_controls_share_a_letter(qtbot: QtBot, desk: Any, agent: Any, supervisor: Any,
                                               dialogs: RecordingDialogs, people: dict[str, int],
                                               verification: VerificationService, english: None) -> None:
    from tests.unit.test_register_copy import access_request, add_person

    win = MainWindow(desk, agent, DeskServices(verification, LiveMailer(desk_settings)), dialogs=dialogs)
    qtbot.addWidget(win)
    win.show()
    add_orders(desk, people["Ødegård"])
    open_customer(qtbot, win, people["Ødegård"])
    assert mnemonic_owners(win)  # the check sees the menus and the profile's letters
    assert duplicate_mnemonics(win) == {}
    dialog = verify_dialog(qtbot, win.profile)
    for page in range(dialog.tabs.count()):
        dialog.tabs.setCurrentIndex(page)
        assert duplicate_mnemonics(dialog) == {}, dialog.tabs.tabText(page)
    dialog.reject()
    win.close()
    screens: list[QWidget] = [LoginDialog(desk), FirstAdminDialog(desk), LogViewer(desk, supervisor, dialogs=dialogs),
                              FileRequestDialog(desk, agent, dialogs, people["Ødegård"], "Kari Ødegård"),
                              RequestsWindow(desk, agent, dialogs, RequestService(desk))]
    person = add_person(desk, orders=2)
    screens.append(RegisterCopyDialog(desk, agent, person, access_request(desk, agent, person), dialogs))
    for screen in screens:
        qtbot.addWidget(screen)
        screen.show()
        assert duplicate_mnemonics(screen) == {}, type(screen).__name__
    for screen in screens:
        worker = getattr(screen, "worker", None)
        if worker is not None:
            worker.wait(60_000)
        screen.close()


# --- Help → Keyboard shortcuts ----------------------------------------------------------------------


def installed_shortcuts(window: QWidget) -> list[tuple[str, QWidget | QAction | QShortcut]]:
    """Every key sequence installed in the window, the way Qt knows them (not the way the list does)."""
    found: list[tuple[str, QWidget | QAction | QShortcut]] = []
    for action in window.findChildren(QAction):
        found += [(key_text(s), action) for s in action.shortcuts()]
    for shortcut in window.findChildren(QShortcut):
        sequences: list[QKeySequence] = shortcut.keys()
        found += [(key_text(s), shortcut) for s in sequences if not s.isEmpty()]
    for button in window.findChildren(QAbstractButton):
        if not button.shortcut().isEmpty() and button.shortcut() != QKeySequence.mnemonic(button.text()):
            found.append((key_text(button.shortcut()), button))
    return found


def test_the_shortcut_list_holds_every_installed_shortcut(qtbot: QtBot, desk: Any, main_window: MainWindow,
                                                         dialogs: RecordingDialogs, people: dict[str, int]) -> None:
    open_customer(qtbot, main_window, people["Ødegård"])
    main_window.requests_ui.show_queue()  # a secondary window's keys (F5, Esc) are listed once it is open
    installed = installed_shortcuts(main_window)
    expected = {key_text(QKeySequence(k)) for k in ("Ctrl+F", "Esc", "Ctrl+W", "Ctrl+N", "Ctrl+Shift+Q", "F1",
                                                     "Ctrl+Q", "F5", "Alt+1")}
    assert expected <= {keys for keys, _ in installed}
    main_window.shortcuts_action.trigger()
    dialog = main_window.shortcuts_dialog
    assert isinstance(dialog, ShortcutsDialog) and dialog.isVisible()
    rows = dialog.rows()
    listed = {keys for keys, _ in rows}
    # Keyboard media keys that standard shortcuts also bind (the Find key) are left out on purpose.
    media = {key_text(QKeySequence(k)) for k in (Qt.Key.Key_Find, Qt.Key.Key_Search, Qt.Key.Key_Help)}
    missing = [f"{keys} ({type(owner).__name__})" for keys, owner in installed if keys not in listed | media]
    assert missing == []
    assert not listed & media
    assert all(action for _, action in rows), "every row says what its key does"
    by_key = dict(rows)
    assert by_key["Ctrl+N"] == "Forespørsler › Ny forespørsel"  # menu › action, as the menus read
    assert by_key["Ctrl+W"] == "Avslutt samtale" and by_key["Alt+1"].startswith("1. ")
    for keys, owner in installed:  # a QShortcut's row says what its whatsThis says
        if isinstance(owner, QShortcut) and keys not in media:
            assert owner.whatsThis() and (keys, owner.whatsThis()) in rows, keys
    QTest.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    main_window.requests_ui.shutdown()


def test_no_two_shortcuts_of_the_main_window_are_the_same_key(qtbot: QtBot, main_window: MainWindow,
                                                             people: dict[str, int]) -> None:
    open_customer(qtbot, main_window, people["Ødegård"])
    keys = [entry.keys for entry in collect_shortcuts(main_window)]
    assert keys and len(keys) == len(set(keys)), sorted(k for k in keys if keys.count(k) > 1)


def test_f1_and_about_open_real_dialogs(qtbot: QtBot, main_window: MainWindow) -> None:
    activate(qtbot, main_window)
    QTest.keyClick(main_window, Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is main_window.shortcuts_dialog, timeout=3000)
    main_window.shortcuts_dialog.close()
    main_window.about_action.trigger()
    about = main_window.about_dialog
    assert about.isVisible() and about.windowTitle().endswith("GDPR Desk")
    about.close()
    assert main_window.dialogs.shown == []  # type: ignore[attr-defined]  # no plain message boxes any more
