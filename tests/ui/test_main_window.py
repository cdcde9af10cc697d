"""The main window walked as an agent on the phone would: Ctrl+F, type, arrow down, Enter, Esc."""

from __future__ import annotations

import random
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from desktop.bootstrap import build_services
from desktop.domain.national_id import synthetic_no
from desktop.errors import InvalidInput
from desktop.services.accounts import AccountService
from desktop.services.context import open_desk
from desktop.ui.main_window import MainWindow
from desktop.ui.settings_store import desk_settings
from tests.helpers.desks import log_entries, login
from tests.helpers.dialogs import RecordingDialogs
from tests.helpers.memory_keyring import lose_keyring


def type_query(qtbot: QtBot, win: MainWindow, text: str) -> None:
    win.search_edit.clear()
    qtbot.keyClicks(win.search_edit, text)
    qtbot.waitUntil(lambda: not win.model.is_busy(), timeout=5000)


def names(win: MainWindow) -> list[str]:
    return [win.model.index(r, 0).data() for r in range(win.model.rowCount())]


def status_text(win: MainWindow) -> str:
    return win.statusBar().currentMessage()


def wait_opened(qtbot: QtBot, win: MainWindow, name: str) -> None:
    """Opening runs off the GUI thread: wait for the profile (and the worker) to settle."""
    qtbot.waitUntil(lambda: win.profile.header is not None and win.profile.header.name == name
                    and not win.profile.is_busy(), timeout=5000)


def test_typing_a_folded_name_finds_the_person(qtbot: QtBot, window: MainWindow, people: dict[str, int]) -> None:
    qtbot.keyClicks(window.search_edit, "odegard")
    qtbot.waitUntil(lambda: names(window) == ["Kari Ødegård"], timeout=5000)
    qtbot.waitUntil(lambda: status_text(window) == "Fant én kunde", timeout=5000)


@pytest.mark.parametrize(("query", "expected"), [
    ("ola nordm", "Ola Nordmann"),
    ("nordmann ola", "Ola Nordmann"),
    ("SÆTHER", "Per Sæther"),
    ("asen", "Bjørn Åsen"),
    ("lindstrom", "Åsa Lindström"),
    ("kari.odegard@example.com", "Kari Ødegård"),
    ("91234567", "Kari Ødegård"),
    ("+47 912 34 567", "Kari Ødegård"),
    ("0047 91 23 45 67", "Kari Ødegård"),
])
def test_every_kind_of_search(qtbot: QtBot, window: MainWindow, people: dict[str, int], query: str,
                              expected: str) -> None:
    type_query(qtbot, window, query)
    assert names(window) == [expected]


def test_identity_number_and_order_number(qtbot: QtBot, window: MainWindow, desk: Any,
                                          people: dict[str, int]) -> None:
    from desktop.models import Order
    from desktop.services.registry import purposes_for

    # The conftest draws Kari's synthetic number first from Random(5).
    kari_nid = synthetic_no(random.Random(5), date(1970, 1, 10))
    type_query(qtbot, window, kari_nid)
    assert names(window) == ["Kari Ødegård"]
    assert window.notes_label.isHidden()

    with desk.db.transaction() as s:
        s.add(Order(customer_id=people["Åsen"], order_number="TP-1234567", ordered_at=datetime(2025, 1, 1),
                    status="completed", total_minor=100, purposes=purposes_for(desk.policy, "order"),
                    collected_at=datetime(2025, 1, 1)))
    type_query(qtbot, window, "TP-1234567")
    assert names(window) == ["Bjørn Åsen"]


def test_an_invalid_identity_number_shows_the_note(qtbot: QtBot, window: MainWindow,
                                                   people: dict[str, int]) -> None:
    type_query(qtbot, window, "15108695087")
    qtbot.waitUntil(window.notes_label.isVisible, timeout=5000)
    assert window.notes_label.text() == (
        "Ikke et gyldig fødselsnummer: kontrollsifferet stemmer ikke. Søkte som fritekst i stedet."
    )
    type_query(qtbot, window, "odegard")
    assert window.notes_label.isHidden()


@pytest.mark.parametrize("query", ["%", "_", "%%", "'; DROP TABLE customer; --", "' OR 1=1 --", "\\"])
def test_sql_characters_find_nothing_and_break_nothing(qtbot: QtBot, window: MainWindow,
                                                       people: dict[str, int], query: str) -> None:
    type_query(qtbot, window, query)
    assert names(window) == []
    assert window.dialogs.of_kind("error") == []  # type: ignore[attr-defined]
    type_query(qtbot, window, "nordmann")
    assert names(window) == ["Ola Nordmann"]


def test_arrow_down_and_enter_open_the_profile_with_one_log_entry(
    qtbot: QtBot, window: MainWindow, desk: Any, people: dict[str, int]
) -> None:
    before = len(log_entries(desk, "open"))
    type_query(qtbot, window, "odegard")
    qtbot.waitUntil(lambda: window.model.rowCount() == 1, timeout=5000)
    qtbot.keyClick(window.search_edit, Qt.Key.Key_Down)
    assert window.table.currentIndex().row() == 0
    qtbot.keyClick(window.table, Qt.Key.Key_Return)
    wait_opened(qtbot, window, "Kari Ødegård")

    pane = window.profile
    assert pane.stack.currentIndex() == 1
    assert pane.name_label.text() == "Kari Ødegård"
    assert pane.number_value.text() == "K1000000"
    assert pane.email_value.text() and "kari.odegard@" not in pane.email_value.text()
    assert pane.phone_value.text() and "912 34 567" not in pane.phone_value.text()
    assert "*" in pane.nid_value.text() or "•" in pane.nid_value.text()
    assert pane.state_label.text() == "Identiteten er ikke bekreftet."
    assert pane.restricted_label.isHidden()
    assert status_text(window) == "Åpnet K1000000"

    entries = log_entries(desk, "open")
    assert len(entries) == before + 1
    assert entries[-1].customer_id == people["Ødegård"] and entries[-1].actor == "agent"
    assert entries[-1].data == "profile"
    assert len(log_entries(desk, "contact_start")) == 1
    # Enter again on the person already shown reads nothing and logs nothing.
    qtbot.keyClick(window.table, Qt.Key.Key_Enter)
    qtbot.keyClick(window.search_edit, Qt.Key.Key_Return)
    qtbot.wait(50)
    assert not window.profile.is_busy()
    assert len(log_entries(desk, "open")) == before + 1
    assert len(log_entries(desk, "contact_start")) == 1


def test_enter_in_the_search_box_opens_the_first_hit(qtbot: QtBot, window: MainWindow, desk: Any,
                                                     people: dict[str, int]) -> None:
    type_query(qtbot, window, "sæther")
    qtbot.keyClick(window.search_edit, Qt.Key.Key_Return)
    wait_opened(qtbot, window, "Per Sæther")
    assert window.profile.name_label.text() == "Per Sæther"
    assert len(log_entries(desk, "open")) == 1


def test_enter_before_the_results_arrive_opens_nothing(qtbot: QtBot, window: MainWindow, desk: Any,
                                                       people: dict[str, int]) -> None:
    type_query(qtbot, window, "odegard")
    qtbot.keyClicks(window.search_edit, "x")  # the rows on screen no longer answer the text
    qtbot.keyClick(window.search_edit, Qt.Key.Key_Return)
    assert window.profile.header is None and not window.profile.is_opening()
    assert log_entries(desk, "open") == []


def test_double_click_opens(qtbot: QtBot, window: MainWindow, desk: Any, people: dict[str, int]) -> None:
    type_query(qtbot, window, "nordmann")
    centre = window.table.visualRect(window.model.index(0, 0)).center()
    # A real double-click is a click followed by the double-click event; the click alone opens nothing.
    qtbot.mouseClick(window.table.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    assert window.profile.header is None and not window.profile.is_opening()
    qtbot.mouseDClick(window.table.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    wait_opened(qtbot, window, "Ola Nordmann")
    assert len(log_entries(desk, "open")) == 1


def test_escape_ends_the_call_and_clears_search_and_profile(qtbot: QtBot, window: MainWindow, desk: Any,
                                                            people: dict[str, int]) -> None:
    type_query(qtbot, window, "nordmann")
    qtbot.keyClick(window.search_edit, Qt.Key.Key_Return)
    wait_opened(qtbot, window, "Ola Nordmann")
    qtbot.keyClick(window.search_edit, Qt.Key.Key_Escape)
    assert window.search_edit.text() == ""
    assert window.model.rowCount() == 0
    assert window.profile.header is None and window.profile.stack.currentIndex() == 0
    qtbot.waitUntil(lambda: not window.profile.is_busy(), timeout=5000)
    ended = log_entries(desk, "contact_end")
    assert [e.customer_id for e in ended] == [people["Nordmann"]]
    assert status_text(window) == "Samtalen er avsluttet"


def test_closing_the_window_ends_the_open_contact(qtbot: QtBot, window: MainWindow, desk: Any,
                                                 people: dict[str, int]) -> None:
    type_query(qtbot, window, "sæther")
    qtbot.keyClick(window.search_edit, Qt.Key.Key_Return)
    wait_opened(qtbot, window, "Per Sæther")
    window.close()
    assert [e.customer_id for e in log_entries(desk, "contact_end")] == [people["Sæther"]]


def test_ctrl_f_focuses_and_selects_the_search_text(qtbot: QtBot, window: MainWindow,
                                                   people: dict[str, int]) -> None:
    window.activateWindow()
    qtbot.waitActive(window)
    type_query(qtbot, window, "nordmann")
    window.table.setFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(window.search_edit.hasFocus, timeout=2000)
    assert window.search_edit.selectedText() == "nordmann"


def test_up_from_the_first_row_returns_to_the_search_box(qtbot: QtBot, window: MainWindow,
                                                        people: dict[str, int]) -> None:
    window.activateWindow()
    qtbot.waitActive(window)
    type_query(qtbot, window, "a")
    assert window.model.rowCount() > 1
    qtbot.keyClick(window.search_edit, Qt.Key.Key_Down)
    qtbot.waitUntil(window.table.hasFocus, timeout=2000)
    qtbot.keyClick(window.table, Qt.Key.Key_Down)
    assert window.table.currentIndex().row() == 1
    qtbot.keyClick(window.table, Qt.Key.Key_Up)
    qtbot.keyClick(window.table, Qt.Key.Key_Up)
    qtbot.waitUntil(window.search_edit.hasFocus, timeout=2000)


def test_scrolling_to_the_end_fetches_the_next_page(qtbot: QtBot, window: MainWindow, hansens: list[int]) -> None:
    type_query(qtbot, window, "hansen")
    qtbot.waitUntil(lambda: window.model.rowCount() == 50, timeout=5000)
    assert status_text(window) == "50 kunder vises; bla ned for flere"
    window.table.scrollToBottom()
    qtbot.waitUntil(lambda: window.model.rowCount() == 100, timeout=5000)
    assert len(set(names(window))) == 100


def test_search_failures_show_in_the_notes_and_status_bar(qtbot: QtBot, desk: Any, agent: Any,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    class Broken:
        def __init__(self, _ctx: Any) -> None:
            pass

        def search(self, *_a: Any, **_k: Any) -> Any:
            raise InvalidInput("Broken.", "Databasen svarer ikke.")

    monkeypatch.setattr("desktop.ui.main_window.SearchService", Broken)
    win = MainWindow(desk, agent, build_services(desk, desk_settings), dialogs=RecordingDialogs())
    qtbot.addWidget(win)
    win.show()
    try:
        qtbot.keyClicks(win.search_edit, "kari")
        qtbot.waitUntil(lambda: status_text(win) == "Søket mislyktes", timeout=5000)
        assert win.notes_label.isVisible() and win.notes_label.text() == "Databasen svarer ikke."
    finally:
        win.close()


def test_status_bar_menus_and_accessible_names(qtbot: QtBot, window: MainWindow, desk: Any) -> None:
    assert window.user_label.text() == "Agent Test (Kundebehandler)"
    assert window.database_label.text() == desk.db.display_name()
    assert window.demo_label is None  # the keys are in the (test) keyring
    menus = [a.text() for a in window.menuBar().actions()]
    assert menus == ["&Fil", "&Logg", "F&orespørsler", "&Hjelp"]
    # Alt+letter opens one menu each: no two menus share their mnemonic.
    letters = [m[m.index("&") + 1].lower() for m in menus]
    assert len(set(letters)) == len(letters)
    assert window.log_action.text() == "&Tilgangslogg …"
    assert not window.log_action.isEnabled()  # an agent; the service refuses agents all the same
    assert window.quit_action.text() == "&Avslutt"
    assert window.quit_action.shortcut().toString() == "Ctrl+Q"
    assert window.shortcuts_action.text() == "&Hurtigtaster"
    assert window.about_action.text() == "&Om GDPR Desk"
    assert window.search_edit.placeholderText() == (
        "Søk etter navn, e-post, telefon, fødselsnummer eller ordrenummer"
    )
    for widget in (window.search_edit, window.table, window.profile, window.notes_label):
        assert widget.accessibleName()
    assert window.table.alternatingRowColors() and not window.table.isSortingEnabled()


def test_help_opens_the_shortcut_list_and_about(qtbot: QtBot, window: MainWindow) -> None:
    # Real dialogs now (tests/ui/test_accessibility.py, test_about.py), opened without blocking.
    window.shortcuts_action.trigger()
    assert window.shortcuts_dialog.isVisible() and window.shortcuts_dialog.rows()
    window.shortcuts_dialog.close()
    window.about_action.trigger()
    assert window.about_dialog.isVisible() and window.about_dialog.windowTitle().endswith("GDPR Desk")
    window.about_dialog.close()
    assert window.dialogs.shown == []  # type: ignore[attr-defined]


def test_ctrl_q_closes_the_window(qtbot: QtBot, window: MainWindow) -> None:
    with qtbot.waitSignal(window.closed, timeout=2000):
        window.quit_action.trigger()
    assert not window.isVisible()


def test_geometry_and_splitter_are_restored(qtbot: QtBot, desk: Any, agent: Any, private_settings: Path) -> None:
    first = MainWindow(desk, agent, build_services(desk, desk_settings), dialogs=RecordingDialogs())
    qtbot.addWidget(first)
    first.show()
    qtbot.waitExposed(first)
    first.resize(720, 520)  # inside the 800x600 offscreen screen
    first.splitter.setSizes([450, 240])
    qtbot.waitUntil(lambda: first.size().width() == 720, timeout=2000)
    sizes = first.splitter.sizes()
    first.close()
    assert any(p.is_file() for p in private_settings.rglob("*"))  # the test's folder, not $HOME
    assert desk_settings().value("main_window/geometry")

    second = MainWindow(desk, agent, build_services(desk, desk_settings), dialogs=RecordingDialogs())
    qtbot.addWidget(second)
    second.show()
    qtbot.waitExposed(second)
    try:
        assert (second.width(), second.height()) == (720, 520)
        assert second.splitter.sizes() == sizes
    finally:
        second.close()


def test_demo_keys_are_shown_in_the_status_bar(qtbot: QtBot, tmp_path: Path) -> None:
    lose_keyring()
    ctx = open_desk(f"sqlite:///{tmp_path / 'demo.sqlite3'}", migrate=True, demo=True, create_keys=True)
    try:
        AccountService(ctx).add("sup", "supervisor", "demo", "Siri Veileder")
        actor = login(ctx, "sup")
        win = MainWindow(ctx, actor, build_services(ctx, desk_settings), dialogs=RecordingDialogs())
        qtbot.addWidget(win)
        win.show()
        assert win.demo_label is not None and win.demo_label.text() == "Demo-nøkler (kun demo)"
        assert win.user_label.text() == "Siri Veileder (Teamleder)"
        labels = [w.text() for w in win.statusBar().findChildren(QLabel)]
        assert "Demo-nøkler (kun demo)" in labels
        win.close()
    finally:
        ctx.close()


def test_the_window_never_waits_for_a_search(qtbot: QtBot, window: MainWindow, hansens: list[int]) -> None:
    """Typing returns at once: the search runs after the pause, on another thread."""
    qtbot.keyClicks(window.search_edit, "hansen")
    assert window.model.rowCount() == 0 and window.model.is_busy()
    QApplication.processEvents()
    qtbot.waitUntil(lambda: window.model.rowCount() == 50, timeout=5000)


def test_saved_column_widths_never_cut_a_title(qtbot: QtBot, desk: Any, agent: Any, private_settings: Path) -> None:
    """Widths saved in one language are restored in another, whose titles may be longer."""
    from desktop.ui.search_model import SearchResultModel

    first = MainWindow(desk, agent, build_services(desk, desk_settings), dialogs=RecordingDialogs())
    qtbot.addWidget(first)
    first.table.horizontalHeader().resizeSection(SearchResultModel.COL_CUSTOMER_NUMBER, 20)
    first.close()
    second = MainWindow(desk, agent, build_services(desk, desk_settings), dialogs=RecordingDialogs())
    qtbot.addWidget(second)
    try:
        header = second.table.horizontalHeader()
        title = str(second.model.headerData(SearchResultModel.COL_CUSTOMER_NUMBER, Qt.Orientation.Horizontal))
        assert header.sectionSize(SearchResultModel.COL_CUSTOMER_NUMBER) > header.fontMetrics().horizontalAdvance(title)
    finally:
        second.close()
