"""The erasure plan dialog and the approval queue: file, submit, four eyes, execute, refusals."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtWidgets import QMainWindow, QPushButton
from pytestqt.qtbot import QtBot

from desktop.domain.requests import RequestState, RequestType
from desktop.services.erasure import ErasureService
from desktop.services.requests import RequestService
from desktop.ui.erasure_ui import ApprovalQueueWidget, ErasurePlanDialog
from desktop.ui.qt_compat import emit
from desktop.ui.request_panels.erasure import ErasurePanel
from desktop.ui.request_view import RequestViewWidget
from desktop.ui.requests_ui import install_requests_ui
from tests.helpers.desks import login
from tests.helpers.dialogs import RecordingDialogs


@pytest.fixture
def scripted() -> RecordingDialogs:
    return RecordingDialogs()


def file_erasure(desk: Any, who: Any, customer_id: int) -> int:
    requests = RequestService(desk)
    view = requests.file(who, "erasure", customer_id, channel="email")
    requests.verify_identity(who, view.id, note="one-time code to the registered e-mail")
    return int(view.id)


def state_of(desk: Any, who: Any, rid: int) -> RequestState:
    return RequestService(desk).get(who, rid).state


def open_dialog(qtbot: QtBot, desk: Any, actor: Any, rid: int, dialogs: RecordingDialogs) -> ErasurePlanDialog:
    dialog = ErasurePlanDialog(desk, actor, rid, dialogs, service=ErasureService(desk))
    qtbot.addWidget(dialog)
    dialog.show()
    settle(qtbot, dialog)
    return dialog


def settle(qtbot: QtBot, dialog: ErasurePlanDialog | ApprovalQueueWidget) -> None:
    if isinstance(dialog, ErasurePlanDialog):
        qtbot.waitUntil(lambda: dialog.loaded is not None and not dialog.is_busy(), timeout=15000)
    else:
        qtbot.waitUntil(lambda: not dialog.is_busy(), timeout=15000)


def click(qtbot: QtBot, dialog: ErasurePlanDialog, button: QPushButton) -> None:
    assert button.isVisible() and button.isEnabled(), button.text()
    button.click()
    settle(qtbot, dialog)


@pytest.fixture
def submitted(qtbot: QtBot, desk: Any, people: dict[str, int], agent: Any,
              dialogs: RecordingDialogs) -> Iterator[int]:
    """An agent files an erasure and sends its plan for approval from the dialog."""
    rid = file_erasure(desk, agent, people["Nordmann"])
    dialog = open_dialog(qtbot, desk, agent, rid, dialogs)
    assert dialog.tree.topLevelItemCount() > 0  # the preview, grouped by purpose
    assert dialog.approve_button.isHidden() and dialog.reject_button.isHidden()
    click(qtbot, dialog, dialog.submit_button)
    assert state_of(desk, agent, rid) is RequestState.AWAITING_APPROVAL
    assert dialog.error_label.isHidden()
    assert dialog.submit_button.isHidden() and dialog.approve_button.isHidden()  # an agent cannot approve
    dialog.close()
    yield rid


def test_agent_submits_and_a_second_supervisor_approves_and_executes(
        qtbot: QtBot, desk: Any, submitted: int, scripted: RecordingDialogs) -> None:
    boss = login(desk, "supervisor2")
    dialog = open_dialog(qtbot, desk, boss, submitted, scripted)
    assert "Slettes:" in dialog.totals_label.text()
    assert dialog.approve_button.isVisible() and dialog.reject_button.isVisible()
    assert dialog.execute_button.isHidden()

    scripted.answers = ["demo"]
    click(qtbot, dialog, dialog.approve_button)
    assert scripted.passwords == [True]
    assert dialog.error_label.isHidden(), dialog.error_label.text()
    assert state_of(desk, boss, submitted) is RequestState.IN_PROGRESS
    assert dialog.approve_button.isHidden() and dialog.execute_button.isVisible()
    assert "Godkjent av" in dialog.state_label.text()

    click(qtbot, dialog, dialog.execute_button)
    assert dialogs_confirmed(scripted) == 1
    assert dialog.error_label.isHidden(), dialog.error_label.text()
    assert dialog.last_result is not None and dialog.last_result.status == "erased"
    assert dialog.result_label.isVisible() and dialog.result_label.text().startswith("Slettet:")
    assert dialog.execute_button.isHidden()
    assert state_of(desk, boss, submitted) is RequestState.DONE


def dialogs_confirmed(dialogs: RecordingDialogs) -> int:
    return len(dialogs.of_kind("confirm"))


def test_the_filer_sees_no_approve_button(qtbot: QtBot, desk: Any, people: dict[str, int],
                                          supervisor: Any, scripted: RecordingDialogs) -> None:
    rid = file_erasure(desk, supervisor, people["Åsen"])
    ErasureService(desk).make_plan(supervisor, rid)
    dialog = open_dialog(qtbot, desk, supervisor, rid, scripted)
    assert dialog.loaded is not None and dialog.loaded.status.state is RequestState.AWAITING_APPROVAL
    assert dialog.approve_button.isHidden() and dialog.reject_button.isHidden()
    queue = ApprovalQueueWidget(desk, supervisor, scripted, service=ErasureService(desk))
    qtbot.addWidget(queue)
    settle(qtbot, queue)
    assert [r.request_id for r in queue.rows] == [rid]
    assert queue.table.item(0, 7) is not None
    assert queue.table.item(0, 7).text() == "Du registrerte den: en annen leder avgjør"  # type: ignore[union-attr]


def test_wrong_password_is_refused_in_red_and_nothing_changes(qtbot: QtBot, desk: Any, submitted: int,
                                                              scripted: RecordingDialogs) -> None:
    boss = login(desk, "supervisor")
    dialog = open_dialog(qtbot, desk, boss, submitted, scripted)
    scripted.answers = ["not-the-password"]
    click(qtbot, dialog, dialog.approve_button)
    assert dialog.error_label.isVisible()
    assert "passord" in dialog.error_label.text().lower()
    assert state_of(desk, boss, submitted) is RequestState.AWAITING_APPROVAL
    assert dialog.approve_button.isVisible()  # may try again


def test_reject_needs_a_reason(qtbot: QtBot, desk: Any, submitted: int, scripted: RecordingDialogs) -> None:
    boss = login(desk, "supervisor")
    dialog = open_dialog(qtbot, desk, boss, submitted, scripted)
    scripted.answers = ["   "]
    click(qtbot, dialog, dialog.reject_button)
    assert dialog.error_label.isVisible() and "hvorfor" in dialog.error_label.text()
    assert scripted.passwords == [False]  # no password asked for an empty reason
    assert state_of(desk, boss, submitted) is RequestState.AWAITING_APPROVAL

    scripted.answers = ["Kunden har en åpen reklamasjon.", "demo"]
    click(qtbot, dialog, dialog.reject_button)
    assert scripted.passwords == [False, False, True]
    assert dialog.error_label.isHidden(), dialog.error_label.text()
    assert "Avvist av" in dialog.state_label.text() and "reklamasjon" in dialog.state_label.text()
    assert dialog.approve_button.isHidden() and dialog.reject_button.isHidden()


def test_queue_double_click_opens_the_plan(qtbot: QtBot, desk: Any, submitted: int,
                                           scripted: RecordingDialogs) -> None:
    boss = login(desk, "supervisor")
    queue = ApprovalQueueWidget(desk, boss, scripted, service=ErasureService(desk))
    qtbot.addWidget(queue)
    settle(qtbot, queue)
    assert queue.table.rowCount() == 1
    assert queue.table.item(0, 7).text() == "Venter på din avgjørelse"  # type: ignore[union-attr]
    assert "Ødegård" not in queue.table.item(0, 1).text()  # type: ignore[union-attr]
    emit(queue.table.cellDoubleClicked, 0, 0)  # as a double-click on the first row would
    dialog = queue.plan_dialogs[submitted]
    settle(qtbot, dialog)
    assert dialog.approve_button.isVisible()
    scripted.answers = ["demo"]
    click(qtbot, dialog, dialog.approve_button)
    settle(qtbot, queue)
    assert queue.rows[0].approval is not None and queue.rows[0].approval.decision == "approved"
    queue.shutdown()


@pytest.mark.parametrize("who", ["agent", "supervisor"])
def test_menu_item_for_supervisors_only(qtbot: QtBot, desk: Any, who: str, scripted: RecordingDialogs) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    ui = install_requests_ui(window, desk, login(desk, who), scripted)
    assert (ui.approval_action is not None) is (who == "supervisor")
    if ui.approval_action is not None:
        assert ui.approval_action.text() == "&Godkjenning av sletting"
        assert ui.approval_action in ui.menu.actions()
        queue = ui.show_approval_queue()
        settle(qtbot, queue)
        assert queue.isVisible() and queue.windowTitle().startswith("Godkjenning av sletting")
    ui.shutdown()


def test_request_view_opens_the_erasure_plan(qtbot: QtBot, desk: Any, people: dict[str, int], agent: Any,
                                             scripted: RecordingDialogs) -> None:
    rid = file_erasure(desk, agent, people["Sæther"])
    view = RequestViewWidget(desk, agent, scripted, service=RequestService(desk))
    qtbot.addWidget(view)
    view.show()
    view.load(rid)
    qtbot.waitUntil(lambda: view.view is not None and not view.is_busy(), timeout=10000)
    panel = view.panels[RequestType.ERASURE]
    assert isinstance(panel, ErasurePanel) and panel.plan_button.text() == "Slettingsplan…"
    dialog = panel.open_plan()
    assert dialog is not None
    settle(qtbot, dialog)
    click(qtbot, dialog, dialog.submit_button)
    qtbot.waitUntil(lambda: view.view is not None and view.view.state is RequestState.AWAITING_APPROVAL
                    and not view.is_busy(), timeout=10000)
    dialog.close()
    view.shutdown()
