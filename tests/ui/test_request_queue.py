"""The request queue as a supervisor reads it each morning, and the menu that opens it."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QMainWindow
from pytestqt.qtbot import QtBot

from desktop.domain.deadlines import response_due
from desktop.domain.requests import RequestState, RequestType
from desktop.errors import InvalidInput
from desktop.services.requests import RequestService
from desktop.ui.request_queue import (
    QueueFilter,
    RequestQueueModel,
    RequestQueueWidget,
)
from desktop.ui.requests_ui import RequestsUi, install_requests_ui
from desktop.ui.theme import tone
from tests.helpers.desks import log_entries
from tests.helpers.dialogs import RecordingDialogs

TODAY = date.today()


def settle(qtbot: QtBot, queue: RequestQueueWidget) -> None:
    qtbot.waitUntil(lambda: not queue.is_busy() and not queue.model.is_loading(), timeout=10000)


def column(queue: RequestQueueWidget, col: int) -> list[str]:
    return [queue.model.index(r, col).data() for r in range(queue.model.rowCount())]


@pytest.fixture
def service(desk: Any) -> RequestService:
    return RequestService(desk)


@pytest.fixture
def queue(qtbot: QtBot, desk: Any, agent: Any, dialogs: RecordingDialogs, service: RequestService,
          people: dict[str, int]) -> Iterator[RequestQueueWidget]:
    widget = RequestQueueWidget(desk, agent, dialogs, service=service)
    qtbot.addWidget(widget)
    widget.resize(1200, 500)
    widget.show()
    settle(qtbot, widget)
    yield widget
    widget.shutdown()


def test_a_letter_filed_today_shows_with_thirty_days_left(qtbot: QtBot, queue: RequestQueueWidget, agent: Any,
                                                          service: RequestService, people: dict[str, int]) -> None:
    postmark = TODAY - timedelta(days=2)
    view = service.file(agent, "access", people["Ødegård"], channel="letter", received_on=postmark)
    queue.refresh()
    settle(qtbot, queue)
    assert queue.model.rowCount() == 1
    row = [queue.model.index(0, c).data() for c in range(RequestQueueModel.COLUMN_COUNT)]
    due = response_due(postmark)
    assert row == [view.reference, "Innsyn", "Kari Ødegård", "mottatt", postmark.strftime("%d.%m.%Y"),
                   due.strftime("%d.%m.%Y"), str((due - TODAY).days), "Agent Test"]
    assert queue.model.index(0, 0).data(RequestQueueModel.RequestIdRole) == view.id
    assert queue.model.index(0, 0).data(RequestQueueModel.CustomerIdRole) == people["Ødegård"]
    headers = [queue.model.headerData(c, Qt.Orientation.Horizontal) for c in range(RequestQueueModel.COLUMN_COUNT)]
    assert headers == ["Referanse", "Type", "Kunde", "Status", "Mottatt", "Frist", "Dager igjen", "Saksbehandler"]


def test_overdue_is_red_due_soon_amber_and_sorted_by_due(qtbot: QtBot, queue: RequestQueueWidget, agent: Any,
                                                         service: RequestService, people: dict[str, int]) -> None:
    fresh = service.file(agent, "access", people["Sæther"], channel="email").id
    overdue = service.file(agent, "access", people["Ødegård"], channel="letter",
                           received_on=TODAY - timedelta(days=40)).id
    soon = service.file(agent, "rectification", people["Åsen"], channel="phone",
                        received_on=TODAY - timedelta(days=26)).id
    queue.refresh()
    settle(qtbot, queue)
    ids = [queue.model.index(r, 0).data(RequestQueueModel.RequestIdRole) for r in range(3)]
    assert ids == [overdue, soon, fresh]  # soonest deadline first
    late = queue.model.index(0, RequestQueueModel.COL_DAYS_LEFT)
    days_over = (TODAY - response_due(TODAY - timedelta(days=40))).days
    assert late.data() == f"{days_over} over fristen"  # not colour alone
    background = late.data(Qt.ItemDataRole.BackgroundRole)
    assert isinstance(background, QBrush) and background.color() == tone("danger", dark=False).background
    assert late.data(Qt.ItemDataRole.ForegroundRole).color() == tone("danger", dark=False).text
    assert late.data(RequestQueueModel.DeadlineStateRole) == "overdue"
    assert "overskredet" in queue.model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    soon_background = queue.model.index(1, 0).data(Qt.ItemDataRole.BackgroundRole)
    assert soon_background.color() == tone("warning", dark=False).background
    assert queue.model.index(2, 0).data(Qt.ItemDataRole.BackgroundRole) is None
    assert "forfalt: 1 · forfaller snart: 1" in queue.counts_label.text()

    queue.table.sortByColumn(RequestQueueModel.COL_DUE, Qt.SortOrder.DescendingOrder)
    assert [queue.model.index(r, 0).data(RequestQueueModel.RequestIdRole) for r in range(3)] == [fresh, soon, overdue]
    queue.table.sortByColumn(RequestQueueModel.COL_CUSTOMER, Qt.SortOrder.AscendingOrder)
    assert column(queue, RequestQueueModel.COL_CUSTOMER) == ["Bjørn Åsen", "Kari Ødegård", "Per Sæther"]
    queue.table.sortByColumn(RequestQueueModel.COL_DAYS_LEFT, Qt.SortOrder.AscendingOrder)
    assert column(queue, RequestQueueModel.COL_REFERENCE)[0].startswith(f"GDPR-{overdue:06d}")


def test_filters_by_type_state_and_overdue_with_counts(qtbot: QtBot, queue: RequestQueueWidget, agent: Any,
                                                       service: RequestService, people: dict[str, int]) -> None:
    access = service.file(agent, "access", people["Ødegård"], channel="letter",
                          received_on=TODAY - timedelta(days=40)).id
    rect = service.file(agent, "rectification", people["Sæther"], channel="email").id
    service.verify_identity(agent, rect, note="one-time code")
    refused = service.file(agent, "portability", people["Åsen"], channel="web").id
    service.refuse(agent, refused, "Not the person's own data.")
    queue.refresh()
    settle(qtbot, queue)
    assert sorted(r.request_id for r in queue.model.rows()) == [access, rect]
    text = queue.counts_label.text()
    assert "Åpne: 2 · forfalt: 1" in text and "mottatt 1" in text and "identitet bekreftet 1" in text
    assert "Avsluttet: avslått 1" in text

    queue.type_combo.setCurrentIndex(queue.type_combo.findData(RequestType.RECTIFICATION.value))
    settle(qtbot, queue)
    assert [r.request_id for r in queue.model.rows()] == [rect]
    assert queue.counts_label.text().startswith("Åpne: 1 · forfalt: 0")
    queue.type_combo.setCurrentIndex(0)

    queue.state_combo.setCurrentIndex(queue.state_combo.findData(RequestState.REFUSED.value))
    settle(qtbot, queue)
    assert [r.request_id for r in queue.model.rows()] == [refused]
    assert column(queue, RequestQueueModel.COL_DAYS_LEFT) == ["–"]  # closed: no clock
    queue.state_combo.setCurrentIndex(queue.state_combo.findData("*"))
    settle(qtbot, queue)
    assert queue.model.rowCount() == 3
    queue.state_combo.setCurrentIndex(0)

    queue.overdue_check.setChecked(True)
    settle(qtbot, queue)
    assert [r.request_id for r in queue.model.rows()] == [access]
    assert queue.current_filter() == QueueFilter(overdue_only=True)


def test_only_mine_and_the_agent_filter(qtbot: QtBot, queue: RequestQueueWidget, desk: Any, agent: Any,
                                        supervisor: Any, service: RequestService, people: dict[str, int]) -> None:
    mine = service.file(agent, "access", people["Ødegård"], channel="phone").id
    theirs = service.file(supervisor, "access", people["Sæther"], channel="phone").id
    queue.refresh()
    settle(qtbot, queue)
    assert queue.model.rowCount() == 2
    assert "mine: 1" in queue.counts_label.text()
    agents = [queue.agent_combo.itemText(i) for i in range(queue.agent_combo.count())]
    assert agents == ["Alle saksbehandlere", "Agent Test", "Supervisor Test"]

    queue.mine_check.setChecked(True)
    settle(qtbot, queue)
    assert [r.request_id for r in queue.model.rows()] == [mine]
    assert not queue.agent_combo.isEnabled()
    queue.mine_check.setChecked(False)
    settle(qtbot, queue)

    queue.agent_combo.setCurrentIndex(queue.agent_combo.findText("Supervisor Test"))
    settle(qtbot, queue)
    assert [r.request_id for r in queue.model.rows()] == [theirs]
    assert queue.counts_label.text().startswith("Åpne: 1")
    # One access-log entry per load, never per row.
    assert len(log_entries(desk, "queue")) >= 4


def test_double_click_and_enter_open_the_request_with_its_customer(qtbot: QtBot, queue: RequestQueueWidget,
                                                                   agent: Any, service: RequestService,
                                                                   people: dict[str, int]) -> None:
    rid = service.file(agent, "access", people["Nordmann"], channel="counter").id
    queue.refresh()
    settle(qtbot, queue)
    rect = queue.table.visualRect(queue.model.index(0, 1))
    # A real double click starts with a press: Qt's item views only open what was pressed.
    qtbot.mouseClick(queue.table.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(rect.center()))
    with qtbot.waitSignal(queue.request_opened, timeout=2000) as opened:
        qtbot.mouseDClick(queue.table.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(rect.center()))
    assert opened.args == [rid, people["Nordmann"]]
    queue.table.setCurrentIndex(queue.model.index(0, 0))
    with qtbot.waitSignal(queue.request_opened, timeout=2000) as entered:
        qtbot.keyClick(queue.table, Qt.Key.Key_Return)
    assert entered.args == [rid, people["Nordmann"]]


def test_f5_reads_again_and_keeps_the_selection(qtbot: QtBot, queue: RequestQueueWidget, agent: Any,
                                                service: RequestService, people: dict[str, int]) -> None:
    first = service.file(agent, "access", people["Ødegård"], channel="phone").id
    queue.refresh()
    settle(qtbot, queue)
    queue.table.selectRow(0)
    service.file(agent, "access", people["Sæther"], channel="phone", received_on=TODAY - timedelta(days=10))
    queue.table.setFocus()
    qtbot.keyClick(queue.table, Qt.Key.Key_F5)
    settle(qtbot, queue)
    assert queue.model.rowCount() == 2
    assert queue.selected_request_id() == first


def test_a_failed_load_shows_the_service_message(qtbot: QtBot, desk: Any, agent: Any,
                                                 dialogs: RecordingDialogs) -> None:
    class Broken(RequestService):
        def queue(self, *args: Any, **kwargs: Any) -> Any:
            raise InvalidInput("The queue is closed.", "Køen er stengt.")

    widget = RequestQueueWidget(desk, agent, dialogs, service=Broken(desk))
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitUntil(widget.error_label.isVisible, timeout=5000)
    assert widget.error_label.text() == "Køen er stengt."
    widget.shutdown()


def test_the_queue_model_passes_the_model_tester(qtbot: QtBot, qtmodeltester: Any, queue: RequestQueueWidget,
                                                 agent: Any, service: RequestService,
                                                 people: dict[str, int]) -> None:
    for i, name in enumerate(("Ødegård", "Sæther", "Åsen", "Nordmann")):
        service.file(agent, "access", people[name], channel="email", received_on=TODAY - timedelta(days=12 * i))
    queue.refresh()
    settle(qtbot, queue)
    assert queue.model.rowCount() == 4
    qtmodeltester.check(queue.model, force_py=True)
    queue.model.sort(RequestQueueModel.COL_RECEIVED, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(queue.model, force_py=True)


# --- the menu and window, installed on a plain main window ---------------------------------------


@pytest.fixture
def main(qtbot: QtBot) -> QMainWindow:
    window = QMainWindow()
    window.menuBar().addMenu("&Fil")
    window.menuBar().addMenu("&Hjelp")
    qtbot.addWidget(window)
    window.show()
    return window


@pytest.fixture
def installed(main: QMainWindow, desk: Any, agent: Any, dialogs: RecordingDialogs,
              people: dict[str, int]) -> Iterator[tuple[RequestsUi, list[int]]]:
    opened: list[int] = []
    ui = install_requests_ui(main, desk, agent, dialogs, current_customer=lambda: (people["Ødegård"], "Kari Ødegård"),
                             open_customer=opened.append)
    yield ui, opened
    ui.shutdown()


def test_menu_sits_before_help_with_its_shortcuts(installed: tuple[RequestsUi, list[int]],
                                                  main: QMainWindow) -> None:
    ui, _ = installed
    assert [a.text() for a in main.menuBar().actions()] == ["&Fil", "F&orespørsler", "&Hjelp"]
    assert [a.text() for a in ui.menu.actions()] == ["&Ny forespørsel…", "Forespørsels&kø"]
    assert ui.new_request_action.shortcut().toString() == "Ctrl+N"
    assert ui.queue_action.shortcut().toString() == "Ctrl+Shift+Q"


def test_ctrl_n_files_for_the_open_customer_and_opens_the_request(
        qtbot: QtBot, installed: tuple[RequestsUi, list[int]], main: QMainWindow, people: dict[str, int]) -> None:
    ui, _ = installed
    qtbot.keyClick(main, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = ui.file_dialog
    assert dialog is not None and dialog.customer_id == people["Ødegård"]
    assert "Kari Ødegård" in dialog.customer_label.text()
    with qtbot.waitSignal(ui.request_filed, timeout=10000) as filed:
        dialog.file_button.click()
    window = ui.requests_window
    assert window is not None and window.isVisible()
    qtbot.waitUntil(lambda: window.request.view is not None and window.request.view.id == filed.args[0],
                    timeout=10000)
    qtbot.waitUntil(lambda: window.queue.model.rowCount() == 1 and not window.queue.is_busy(), timeout=10000)
    assert "Registrerte GDPR-" in main.statusBar().currentMessage()


def test_ctrl_n_without_a_customer_says_what_to_do(qtbot: QtBot, main: QMainWindow, desk: Any, agent: Any,
                                                   dialogs: RecordingDialogs) -> None:
    ui = install_requests_ui(main, desk, agent, dialogs, current_customer=lambda: None)
    assert ui.new_request() is None
    assert dialogs.of_kind("info")[-1][2].startswith("Åpne kunden først")


def test_the_queue_window_opens_a_request_and_its_customer(
        qtbot: QtBot, installed: tuple[RequestsUi, list[int]], main: QMainWindow, agent: Any, desk: Any,
        people: dict[str, int]) -> None:
    ui, opened = installed
    rid = RequestService(desk).file(agent, "rectification", people["Åsen"], channel="email").id
    qtbot.keyClick(main, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    window = ui.requests_window
    assert window is not None and window.isVisible()
    qtbot.waitUntil(lambda: window.queue.model.rowCount() == 1 and not window.queue.is_busy(), timeout=10000)
    window.queue.table.setCurrentIndex(window.queue.model.index(0, 0))
    qtbot.keyClick(window.queue.table, Qt.Key.Key_Return)
    assert opened == [people["Åsen"]]
    qtbot.waitUntil(lambda: window.request.view is not None and not window.request.is_busy(), timeout=10000)
    assert window.request.view is not None and window.request.view.id == rid
    assert window.windowTitle().startswith(f"GDPR-{rid:06d} – Retting – mottatt")
    window.request.open_customer_button.click()
    assert opened == [people["Åsen"], people["Åsen"]]
    main.close()
    assert not window.isVisible()
