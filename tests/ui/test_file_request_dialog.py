"""Filing requests through the dialog: every type, the live due date, future dates and duplicates."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any

import pytest
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from desktop.domain.deadlines import response_due
from desktop.domain.requests import Channel, IdentityState, RequestState, RequestType
from desktop.services.requests import RequestService
from desktop.ui.file_request_dialog import FileRequestDialog
from desktop.ui.request_queue import RequestQueueModel, RequestQueueWidget
from tests.helpers.dialogs import RecordingDialogs

TODAY = date.today()


@pytest.fixture
def service(desk: Any) -> RequestService:
    return RequestService(desk)


def make_dialog(qtbot: QtBot, desk: Any, agent: Any, dialogs: RecordingDialogs, service: RequestService,
                customer_id: int, name: str = "Kari Ødegård") -> FileRequestDialog:
    dialog = FileRequestDialog(desk, agent, dialogs, customer_id, name, service=service)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


@pytest.fixture
def dialog(qtbot: QtBot, desk: Any, agent: Any, dialogs: RecordingDialogs, service: RequestService,
           people: dict[str, int]) -> Iterator[FileRequestDialog]:
    d = make_dialog(qtbot, desk, agent, dialogs, service, people["Ødegård"])
    yield d
    d.worker.wait()


def choose(dialog: FileRequestDialog, rtype: RequestType, channel: Channel = Channel.LETTER) -> None:
    dialog.type_combo.setCurrentIndex(dialog.type_combo.findData(rtype.value))
    dialog.channel_combo.setCurrentIndex(dialog.channel_combo.findData(channel.value))


def test_every_type_can_be_filed_and_the_queue_shows_them(qtbot: QtBot, desk: Any, agent: Any,
                                                          dialogs: RecordingDialogs, service: RequestService,
                                                          people: dict[str, int]) -> None:
    postmark = TODAY - timedelta(days=3)
    filed: dict[RequestType, int] = {}
    for rtype in RequestType:
        d = make_dialog(qtbot, desk, agent, dialogs, service, people["Ødegård"])
        choose(d, rtype)
        d.set_received(postmark)
        if rtype is RequestType.OBJECTION_DIRECT_MARKETING:
            d.marketing_combo.setCurrentIndex(d.marketing_combo.findData("sms"))
        d.notes_edit.setPlainText(f"Letter asks for {rtype.value}")
        with qtbot.waitSignal(d.request_filed, timeout=10000) as signal:
            d.file_button.click()
        assert d.result() == QDialog.DialogCode.Accepted
        assert d.filed is not None and d.filed.type is rtype
        assert d.filed.channel is Channel.LETTER and d.filed.received_on == postmark
        assert d.filed.due_on == response_due(postmark) and d.filed.notes == f"Letter asks for {rtype.value}"
        assert signal.args == [d.filed.id, people["Ødegård"]]
        filed[rtype] = d.filed.id
    marketing = service.get(agent, filed[RequestType.OBJECTION_DIRECT_MARKETING])
    # Art. 21(3): in effect when filed, without waiting for identity.
    assert marketing.state is RequestState.DONE and marketing.marketing_channel == "sms"
    assert marketing.identity_state is IdentityState.NOT_REQUIRED

    queue = RequestQueueWidget(desk, agent, dialogs, service=service)
    qtbot.addWidget(queue)
    qtbot.waitUntil(lambda: queue.model.rowCount() == 7 and not queue.is_busy(), timeout=10000)
    days = str((response_due(postmark) - TODAY).days)
    assert {queue.model.index(r, RequestQueueModel.COL_DAYS_LEFT).data() for r in range(7)} == {days}
    shown = {queue.model.index(r, RequestQueueModel.COL_TYPE).data() for r in range(7)}
    assert shown == {"Innsyn", "Retting", "Sletting", "Begrensning", "Innsigelse (berettiget interesse)",
                     "Dataportabilitet", "Tilbaketrekking av samtykke"}
    queue.shutdown()


def test_the_due_date_follows_the_received_date(dialog: FileRequestDialog) -> None:
    assert dialog.received_edit.displayFormat() == "dd.MM.yyyy"
    assert dialog.received_on == TODAY
    due = response_due(TODAY)
    assert dialog.due_label.text() == f"{due.strftime('%d.%m.%Y')} ({(due - TODAY).days} dager igjen)"
    dialog.set_received(date(2026, 1, 31))
    assert dialog.due_label.text().startswith("28.02.2026")  # the rulebook's month-end example
    dialog.set_received(TODAY - timedelta(days=45))
    assert "overskredet" in dialog.due_label.text()
    assert "standardinnstillingen" in dialog.roll_label.text()


def test_a_future_received_date_is_refused_with_the_services_message(qtbot: QtBot, dialog: FileRequestDialog,
                                                                     desk: Any, agent: Any,
                                                                     service: RequestService) -> None:
    tomorrow = TODAY + timedelta(days=1)
    dialog.set_received(tomorrow)
    assert "ligger i fremtiden" in dialog.due_label.text()
    dialog.file_button.click()
    qtbot.waitUntil(dialog.error_label.isVisible, timeout=10000)
    assert dialog.error_label.text().startswith(f"Mottatt-datoen {tomorrow.strftime('%d.%m.%Y')} ligger i fremtiden")
    assert dialog.isVisible() and dialog.filed is None
    assert service.queue(agent) == []


def test_marketing_channel_only_for_marketing_types(dialog: FileRequestDialog) -> None:
    choose(dialog, RequestType.ACCESS)
    assert dialog.marketing_combo.isHidden() and dialog.marketing_channel is None
    choose(dialog, RequestType.OBJECTION_DIRECT_MARKETING)
    assert not dialog.marketing_combo.isHidden()
    labels = [dialog.marketing_combo.itemText(i) for i in range(dialog.marketing_combo.count())]
    assert labels == ["Alle kanaler", "E-post (nyhetsbrev)", "SMS", "Post"]
    assert dialog.marketing_channel is None  # all channels
    choose(dialog, RequestType.WITHDRAW_CONSENT)
    assert not dialog.marketing_combo.isHidden()


def test_a_duplicate_is_shown_and_filed_only_when_confirmed(qtbot: QtBot, desk: Any, agent: Any,
                                                            service: RequestService, people: dict[str, int]) -> None:
    first = service.file(agent, "access", people["Åsen"], channel="email").id

    refusing = RecordingDialogs(confirm_answer=False)
    d = make_dialog(qtbot, desk, agent, refusing, service, people["Åsen"], "Bjørn Åsen")
    choose(d, RequestType.ACCESS)
    d.file_button.click()
    qtbot.waitUntil(d.duplicate_label.isVisible, timeout=10000)
    assert f"GDPR-{first:06d}" in d.duplicate_label.text() and "allerede åpen" in d.duplicate_label.text()
    assert refusing.of_kind("confirm")[0][1] == "Forespørselen er allerede åpen"
    assert d.isVisible() and d.filed is None and d.existing_id == first
    with qtbot.waitSignal(d.existing_opened, timeout=2000) as existing:
        d.open_existing_button.click()
    assert existing.args == [first] and not d.isVisible()
    assert [r.request_id for r in service.queue(agent)] == [first]

    agreeing = RecordingDialogs(confirm_answer=True)
    d2 = make_dialog(qtbot, desk, agent, agreeing, service, people["Åsen"], "Bjørn Åsen")
    choose(d2, RequestType.ACCESS)
    with qtbot.waitSignal(d2.request_filed, timeout=10000):
        d2.file_button.click()
    assert d2.filed is not None and d2.filed.is_duplicate and d2.filed.duplicate_of_id == first
    assert len(service.queue(agent)) == 2
