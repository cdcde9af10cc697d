"""A Swedish-speaking agent sees the erasure plan and the Art. 19 recipients in Swedish.

Every other UI test runs in Bokmål; these switch to Swedish and put Bokmål back afterwards.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.services.requests import RequestService
from desktop.ui import i18n
from tests.helpers.dialogs import RecordingDialogs
from tests.helpers.records import add_history
from tests.helpers.widgets import children

from .test_erasure_ui import file_erasure, open_dialog
from .test_request_view import cell, make_view, open_request


@pytest.fixture
def swedish(qapp: QApplication) -> Iterator[None]:
    assert i18n.install_translator(qapp, "sv")
    assert i18n.current_lang() == "sv"
    try:
        yield
    finally:
        assert i18n.install_translator(qapp, "nb")


def test_the_erasure_plan_reads_in_swedish_with_the_same_fingerprint(
        qtbot: QtBot, qapp: QApplication, desk: Any, people: dict[str, int], agent: Any,
        dialogs: RecordingDialogs) -> None:
    cid = people["Ødegård"]
    add_history(desk, cid)
    rid = file_erasure(desk, agent, cid)
    bokmal = open_dialog(qtbot, desk, agent, rid, dialogs)
    assert bokmal.loaded is not None and bokmal.loaded.plan is not None
    fingerprint = bokmal.loaded.plan.fingerprint
    first = bokmal.tree.topLevelItem(0)
    assert first is not None and first.text(0) == "§1 Bestilling / kjøp"
    bokmal.close()

    assert i18n.install_translator(qapp, "sv")
    try:
        dialog = open_dialog(qtbot, desk, agent, rid, dialogs)
        assert dialog.loaded is not None and dialog.loaded.plan is not None
        # The same plan: what a supervisor approves from this screen is what the Bokmål one showed.
        assert dialog.loaded.plan.fingerprint == fingerprint
        heads = children(dialog.tree.invisibleRootItem())
        assert heads[0].text(0) == "§1 Beställning / köp"
        lines = [(c.text(0), c.text(4)) for h in heads for c in children(h)]
        order = [why for kind, why in lines if kind == "Beställning"]
        assert any(why.startswith("begränsas och sparas till 2030-12-31 på grund av ") for why in order), order
        assert ("Orderrad", "raderas nu") in lines
        assert not [why for _, why in lines if why.startswith(("erased", "restricted", "kept", "slettes",
                                                                "begrenses", "beholdes"))]
        dialog.close()
    finally:
        assert i18n.install_translator(qapp, "nb")


def test_recipients_are_named_in_swedish_while_the_notice_stays_as_stored(
        qtbot: QtBot, desk: Any, people: dict[str, int], agent: Any, dialogs: RecordingDialogs,
        swedish: None) -> None:
    service = RequestService(desk)
    rid = service.file(agent, "rectification", people["Ødegård"], channel="email").id
    service.verify_identity(agent, rid, note="one-time code to the registered e-mail")
    service.rectify(agent, rid, {"city": "Bergen"})
    view = make_view(qtbot, desk, agent, dialogs, service)
    try:
        open_request(qtbot, view, rid)
        assert view.view is not None and view.view.notifications
        shown = [cell(view.notices_table, r, 0) for r in range(view.notices_table.rowCount())]
        expected = [desk.policy.recipient(n.recipient_key).name["sv"] for n in view.view.notifications]
        assert shown == expected
        # At least one name reads differently in Swedish, so the column cannot be Bokmål or English.
        assert any(name not in (n.recipient_name, n.recipient_name_en)
                   for name, n in zip(shown, view.view.notifications, strict=True)), shown
        # The notice itself goes to a Norwegian shop's recipient: stored in Bokmål and English only.
        view.notices_table.setCurrentCell(0, 0)
        n = view.view.notifications[0]
        assert view.notice_text.toPlainText() == f"{n.subject_en}\n\n{n.body_en}"
    finally:
        view.shutdown()
