"""Fraud records in the erasure plan dialog: a supervisor keeps or erases them, with reasons, before the plan goes."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from pytestqt.qtbot import QtBot

from desktop.models import FraudSignal, FraudWeighingRecord
from desktop.services.fraud_weighing import FraudWeighingService
from desktop.services.registry import purposes_for
from tests.helpers.desks import login
from tests.helpers.dialogs import RecordingDialogs as ScriptedDialogs

from .test_erasure_ui import click, file_erasure, open_dialog


def _fraud(desk: Any, cid: int) -> None:
    at = datetime.now() - timedelta(days=90)
    with desk.db.transaction() as s:
        s.add(FraudSignal(customer_id=cid, detected_at=at, kind="card_testing", description="Card testing",
                          severity="high", purposes=purposes_for(desk.policy, "fraud_signal"), collected_at=at))


def test_agent_cannot_submit_and_a_supervisor_weighs(qtbot: QtBot, desk: Any, people: Any) -> None:
    cid = people["Nordmann"]
    _fraud(desk, cid)
    agent, boss = login(desk, "agent"), login(desk, "supervisor")
    rid = file_erasure(desk, agent, cid)

    agent_dialogs = ScriptedDialogs()
    dialog = open_dialog(qtbot, desk, agent, rid, agent_dialogs)
    assert not dialog.keep_fraud_button.isVisible() and not dialog.erase_fraud_button.isVisible()
    click(qtbot, dialog, dialog.submit_button)
    assert "supervisor must weigh" in dialog.error_label.text() or "leder må veie" in dialog.error_label.text()

    dialogs = ScriptedDialogs()
    boss_dialog = open_dialog(qtbot, desk, boss, rid, dialogs)
    assert boss_dialog.keep_fraud_button.isVisible() and boss_dialog.erase_fraud_button.isVisible()
    dialogs.answers = ["Card testing three months ago; the card issuer's case is open.", "demo"]
    click(qtbot, boss_dialog, boss_dialog.keep_fraud_button)
    assert dialogs.passwords == [False, True]
    assert FraudWeighingService(desk).current(boss, rid) is not None
    with desk.db.transaction() as s:
        assert [r.decision for r in s.query(FraudWeighingRecord).all()] == ["keep"]
    assert not boss_dialog.keep_fraud_button.isVisible()

    click(qtbot, dialog, dialog.submit_button)  # the agent's plan now goes to approval
    assert dialog.error_label.isHidden()
