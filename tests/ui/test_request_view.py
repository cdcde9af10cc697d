"""One request worked through its states with the buttons, and each right's fulfilment panel."""

from __future__ import annotations

import stat
import zipfile
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QTableWidget
from pytestqt.qtbot import QtBot

from desktop.domain.requests import Action, RequestState, RequestType
from desktop.models import MarketingConsent
from desktop.services.registry import purposes_for
from desktop.services.requests import RequestService
from desktop.ui.request_panels.access import AccessPanel
from desktop.ui.request_panels.base import checked_keys
from desktop.ui.request_panels.consent import ConsentPanel
from desktop.ui.request_panels.decision import DecisionPanel
from desktop.ui.request_panels.marketing import MarketingPanel
from desktop.ui.request_panels.portability import PortabilityPanel
from desktop.ui.request_panels.rectification import RectificationPanel
from desktop.ui.request_panels.restriction import RestrictionPanel
from desktop.ui.request_view import RequestViewWidget
from tests.helpers.dialogs import RecordingDialogs

TODAY = date.today()


@pytest.fixture
def scripted() -> RecordingDialogs:
    return RecordingDialogs()


@pytest.fixture
def service(desk: Any) -> RequestService:
    return RequestService(desk)


def make_view(qtbot: QtBot, desk: Any, actor: Any, dialogs: RecordingDialogs,
              service: RequestService) -> RequestViewWidget:
    widget = RequestViewWidget(desk, actor, dialogs, service=service)
    qtbot.addWidget(widget)
    widget.resize(900, 800)
    widget.show()
    return widget


@pytest.fixture
def view(qtbot: QtBot, desk: Any, agent: Any, scripted: RecordingDialogs,
         service: RequestService) -> Iterator[RequestViewWidget]:
    widget = make_view(qtbot, desk, agent, scripted, service)
    yield widget
    widget.shutdown()


def settle(qtbot: QtBot, widget: RequestViewWidget) -> None:
    qtbot.waitUntil(lambda: widget.view is not None and not widget.is_busy(), timeout=10000)


def open_request(qtbot: QtBot, widget: RequestViewWidget, request_id: int) -> None:
    widget.load(request_id)
    qtbot.waitUntil(lambda: widget.view is not None and widget.view.id == request_id and not widget.is_busy(),
                    timeout=10000)


def visible_actions(widget: RequestViewWidget) -> list[Action]:
    return [a for a, b in widget.action_buttons.items() if not b.isHidden()]


def click(qtbot: QtBot, widget: RequestViewWidget, button: QPushButton) -> None:
    assert button.isEnabled() and not button.isHidden(), button.text()
    button.click()
    settle(qtbot, widget)


def cell(table: QTableWidget, row: int, col: int) -> str:
    item = table.item(row, col)
    assert item is not None
    return item.text()


def state(widget: RequestViewWidget) -> RequestState:
    assert widget.view is not None
    return widget.view.state


# --- the walk -------------------------------------------------------------------------------------


def test_access_request_walked_received_verified_started_done(qtbot: QtBot, view: RequestViewWidget, agent: Any,
                                                               scripted: RecordingDialogs, service: RequestService,
                                                               people: dict[str, int]) -> None:
    rid = service.file(agent, "access", people["Ødegård"], channel="letter",
                       received_on=TODAY - timedelta(days=3)).id
    open_request(qtbot, view, rid)
    assert view.title_label.text() == f"GDPR-{rid:06d} · Innsyn"
    assert view.state_badge.text() == "mottatt"
    assert view.values["customer"].text() == "Kari Ødegård (K1000000)"
    assert view.values["channel"].text() == "Brev"
    assert view.values["identity"].text() == "ikke bekreftet ennå"
    assert visible_actions(view) == [Action.VERIFY_IDENTITY, Action.REFUSE, Action.WITHDRAW, Action.EXTEND]
    assert view.restriction_banner.isHidden() and view.duplicate_label.isHidden()

    scripted.answers = ["Called back on the registered number; answered order questions"]
    click(qtbot, view, view.action_buttons[Action.VERIFY_IDENTITY])
    assert state(view) is RequestState.IDENTITY_VERIFIED and view.values["identity"].text() == "bekreftet"
    assert Action.START in visible_actions(view)

    click(qtbot, view, view.action_buttons[Action.START])
    assert state(view) is RequestState.IN_PROGRESS
    assert Action.COMPLETE in visible_actions(view)

    panel = view.panels[RequestType.ACCESS]
    assert isinstance(panel, AccessPanel) and view.panel_stack.currentWidget() is panel
    panel.summary_edit.setPlainText("Register copy (PDF) and cover letter sent by post")
    with qtbot.waitSignal(view.changed, timeout=10000):
        click(qtbot, view, view.action_buttons[Action.COMPLETE])
    assert state(view) is RequestState.DONE and view.state_badge.text() == "ferdig"
    assert view.outcome_label.text().startswith("Ferdig: Register copy (PDF)")
    assert visible_actions(view) == [] and not view.no_actions_label.isHidden()
    steps = [cell(view.history_table, r, 2) for r in range(view.history_table.rowCount())]
    assert steps == ["registrert", "identitet bekreftet", "arbeid startet", "fullført"]
    assert view.tabs.tabText(1) == "Historikk (4)"
    assert [cell(view.letters_table, r, 0) for r in range(view.letters_table.rowCount())] == ["Svar"]


def test_refusal_needs_a_written_reason(qtbot: QtBot, view: RequestViewWidget, agent: Any, scripted: RecordingDialogs,
                                        service: RequestService, people: dict[str, int]) -> None:
    rid = service.file(agent, "portability", people["Sæther"], channel="email").id
    open_request(qtbot, view, rid)
    scripted.answers = [None]  # cancelled: nothing happens
    view.action_buttons[Action.REFUSE].click()
    assert state(view) is RequestState.RECEIVED and view.error_label.isHidden()

    scripted.answers = ["   "]
    click(qtbot, view, view.action_buttons[Action.REFUSE])
    assert view.error_label.isVisible()
    assert "må du skrive begrunnelsen" in view.error_label.text()
    assert service.get(agent, rid).state is RequestState.RECEIVED

    scripted.answers = ["The person asked for data held by the carrier, not by us."]
    click(qtbot, view, view.action_buttons[Action.REFUSE])
    assert state(view) is RequestState.REFUSED and view.error_label.isHidden()
    assert "Avslått: The person asked for data held by the carrier" in view.outcome_label.text()
    assert cell(view.letters_table, 0, 0) == "Avslag"
    assert "Datatilsynet" in view.letter_text.toPlainText()


def test_extension_refused_after_the_first_month_with_the_message(qtbot: QtBot, view: RequestViewWidget, agent: Any,
                                                                  scripted: RecordingDialogs, service: RequestService,
                                                                  people: dict[str, int]) -> None:
    rid = service.file(agent, "access", people["Åsen"], channel="letter", received_on=TODAY - timedelta(days=40)).id
    open_request(qtbot, view, rid)
    assert "over fristen" in view.values["days_left"].text()
    scripted.answers = ["Twelve years of orders in two shops"]
    click(qtbot, view, view.action_buttons[Action.EXTEND])
    assert view.error_label.isVisible()
    assert view.error_label.text().startswith("Forlengelse avvist: den første måneden gikk ut")
    assert service.get(agent, rid).extended_until is None


def test_extension_inside_the_first_month_shows_the_notice(qtbot: QtBot, view: RequestViewWidget, agent: Any,
                                                           scripted: RecordingDialogs, service: RequestService,
                                                           people: dict[str, int]) -> None:
    rid = service.file(agent, "access", people["Åsen"], channel="email", received_on=TODAY - timedelta(days=5)).id
    open_request(qtbot, view, rid)
    scripted.answers = ["Twelve years of orders in two shops"]
    click(qtbot, view, view.action_buttons[Action.EXTEND])
    assert view.view is not None and view.view.extended_until is not None
    assert "forlenget til" in view.values["due"].text()
    assert view.message_label.isVisible() and "Fristen er forlenget" in view.message_label.text()
    notice = scripted.of_kind("info")[-1]
    assert notice[1] == "Melding om forlenget frist" and "Twelve years" in notice[2]
    assert Action.EXTEND not in visible_actions(view)  # one extension only
    assert cell(view.letters_table, 0, 0) == "Melding om forlenget frist"


def test_withdrawal_is_confirmed_first(qtbot: QtBot, desk: Any, agent: Any, service: RequestService,
                                       people: dict[str, int]) -> None:
    dialogs = RecordingDialogs(confirm_answer=False)
    widget = make_view(qtbot, desk, agent, dialogs, service)
    rid = service.file(agent, "access", people["Nordmann"], channel="phone").id
    open_request(qtbot, widget, rid)
    widget.action_buttons[Action.WITHDRAW].click()
    assert state(widget) is RequestState.RECEIVED and dialogs.of_kind("confirm")
    dialogs.confirm_answer = True
    click(qtbot, widget, widget.action_buttons[Action.WITHDRAW])
    assert state(widget) is RequestState.WITHDRAWN
    assert widget.outcome_label.text().startswith("Trukket tilbake av personen")
    widget.shutdown()


def test_a_change_by_someone_else_reloads_with_a_message(qtbot: QtBot, view: RequestViewWidget, agent: Any,
                                                         supervisor: Any, scripted: RecordingDialogs,
                                                         service: RequestService, people: dict[str, int]) -> None:
    rid = service.file(agent, "access", people["Ødegård"], channel="email").id
    open_request(qtbot, view, rid)
    service.verify_identity(supervisor, rid, note="at the counter, ID card seen")
    scripted.answers = ["one-time code"]
    view.action_buttons[Action.VERIFY_IDENTITY].click()
    qtbot.waitUntil(lambda: state(view) is RequestState.IDENTITY_VERIFIED and not view.is_busy(), timeout=10000)
    assert view.message_label.isVisible()
    assert "endret av noen andre" in view.message_label.text() and "lastet inn på nytt" in view.message_label.text()
    assert [e.action for e in service.get(agent, rid).history].count("verify_identity") == 1


def test_supervisor_approves_an_objection_agent_cannot(qtbot: QtBot, desk: Any, agent: Any, supervisor: Any,
                                                       service: RequestService, people: dict[str, int]) -> None:
    rid = service.file(agent, "objection_legitimate_interest", people["Ødegård"], channel="email").id
    service.verify_identity(agent, rid, note="code")
    service.transition(agent, rid, Action.START)
    service.transition(agent, rid, Action.SUBMIT_FOR_APPROVAL)

    agent_dialogs = RecordingDialogs()
    as_agent = make_view(qtbot, desk, agent, agent_dialogs, service)
    open_request(qtbot, as_agent, rid)
    assert Action.APPROVE not in visible_actions(as_agent)
    panel = as_agent.panels[RequestType.OBJECTION_LEGITIMATE_INTEREST]
    assert isinstance(panel, DecisionPanel) and not panel.decide_button.isEnabled()
    assert panel.who_label.text().startswith("En leder avgjør")
    as_agent.shutdown()

    sup_dialogs = RecordingDialogs()
    as_supervisor = make_view(qtbot, desk, supervisor, sup_dialogs, service)
    open_request(qtbot, as_supervisor, rid)
    assert {Action.APPROVE, Action.REJECT} <= set(visible_actions(as_supervisor))
    sup_dialogs.answers = ["An open warranty claim needs the case history."]
    click(qtbot, as_supervisor, as_supervisor.action_buttons[Action.REJECT])
    assert state(as_supervisor) is RequestState.DONE
    decision = as_supervisor.panels[RequestType.OBJECTION_LEGITIMATE_INTEREST]
    assert isinstance(decision, DecisionPanel)
    assert decision.decision_label.text().startswith("Avgjørelse: ikke tatt til følge, av Supervisor Test")
    as_supervisor.shutdown()


def test_decision_panel_upholds_with_grounds(qtbot: QtBot, desk: Any, agent: Any, supervisor: Any,
                                             service: RequestService, people: dict[str, int]) -> None:
    rid = service.file(agent, "objection_legitimate_interest", people["Ødegård"], channel="email").id
    service.verify_identity(agent, rid, note="code")
    service.transition(agent, rid, Action.START)
    widget = make_view(qtbot, desk, supervisor, RecordingDialogs(), service)
    open_request(qtbot, widget, rid)
    panel = widget.panels[RequestType.OBJECTION_LEGITIMATE_INTEREST]
    assert isinstance(panel, DecisionPanel) and panel.decide_button.isEnabled()
    panel.upheld_radio.setChecked(True)
    panel.grounds_edit.setPlainText("No overriding interest in keeping her case notes.")
    click(qtbot, widget, panel.decide_button)
    assert state(widget) is RequestState.DONE
    assert widget.view is not None and widget.view.decision == "upheld"
    assert "tatt til følge" in panel.decision_label.text()
    widget.shutdown()


def test_erasure_leaves_approval_and_completion_to_its_plan(qtbot: QtBot, view: RequestViewWidget, agent: Any,
                                                            service: RequestService, people: dict[str, int]) -> None:
    rid = service.file(agent, "erasure", people["Nordmann"], channel="web").id
    service.verify_identity(agent, rid, note="code")
    service.transition(agent, rid, Action.START)
    open_request(qtbot, view, rid)
    assert visible_actions(view) == [Action.SUBMIT_FOR_APPROVAL, Action.REFUSE, Action.WITHDRAW, Action.EXTEND]


# --- fulfilment panels ----------------------------------------------------------------------------


def verified(service: RequestService, actor: Any, rtype: str, customer_id: int, **kw: Any) -> int:
    rid = service.file(actor, rtype, customer_id, channel="email", **kw).id
    service.verify_identity(actor, rid, note="one-time code to the registered e-mail")
    return rid


def test_rectification_shows_before_and_after(qtbot: QtBot, view: RequestViewWidget, agent: Any,
                                              service: RequestService, people: dict[str, int]) -> None:
    rid = verified(service, agent, "rectification", people["Ødegård"])
    service.transition(agent, rid, Action.START)
    open_request(qtbot, view, rid)
    panel = view.panels[RequestType.RECTIFICATION]
    assert isinstance(panel, RectificationPanel)
    assert Action.COMPLETE not in visible_actions(view)  # saving the correction completes it
    qtbot.waitUntil(lambda: panel.edits["email"].placeholderText().startswith("nå: "), timeout=10000)
    assert "kari.odegard@example.com" not in panel.edits["email"].placeholderText()  # masked
    assert panel.changes_table.isHidden()

    panel.save_button.click()
    assert view.error_label.text() == "Skriv inn ny verdi i minst ett felt."

    panel.edits["email"].setText("kari.o@example.no")
    panel.edits["city"].setText("Bergen")
    click(qtbot, view, panel.save_button)
    assert state(view) is RequestState.DONE, view.error_label.text()
    assert not panel.changes_table.isHidden() and panel.changes_table.rowCount() == 2
    rows = {cell(panel.changes_table, r, 0): (cell(panel.changes_table, r, 1),
                                                    cell(panel.changes_table, r, 2))
            for r in range(2)}
    assert rows["E-post"][0] != rows["E-post"][1] and "@" in rows["E-post"][1]
    assert "example.no" not in rows["E-post"][1]  # masked, as kept
    assert rows["Poststed"] == ("O***", "B***")
    assert all(not e.text() for e in panel.edits.values())
    assert view.notices_table.rowCount() > 0 and "å sende" in view.tabs.tabText(2)


def test_recipient_notice_and_letter_are_marked_sent(qtbot: QtBot, view: RequestViewWidget, agent: Any,
                                                     service: RequestService, people: dict[str, int]) -> None:
    rid = verified(service, agent, "rectification", people["Ødegård"])
    service.rectify(agent, rid, {"city": "Bergen"})
    open_request(qtbot, view, rid)
    waiting = view.notices_table.rowCount()
    view.notices_table.setCurrentCell(0, 0)
    assert "Bergen" in view.notice_text.toPlainText()
    click(qtbot, view, view.notice_sent_button)
    assert view.view is not None and view.view.notifications[0].sent_at is not None
    assert cell(view.notices_table, 0, 3) != "ikke sendt"
    if waiting == 1:
        assert view.tabs.tabText(2) == "Mottakere (art. 19) (1)"
    view.letters_table.setCurrentCell(0, 0)
    assert view.letter_sent_button.isEnabled()
    click(qtbot, view, view.letter_sent_button)
    assert view.view is not None and view.view.letters[0].sent_on == TODAY
    assert cell(view.letters_table, 0, 3).startswith(TODAY.strftime("%d.%m.%Y"))


def test_restriction_banner_and_lift_needing_a_notice(qtbot: QtBot, view: RequestViewWidget, agent: Any,
                                                      scripted: RecordingDialogs, service: RequestService,
                                                      people: dict[str, int]) -> None:
    rid = verified(service, agent, "restriction", people["Sæther"])
    open_request(qtbot, view, rid)
    panel = view.panels[RequestType.RESTRICTION]
    assert isinstance(panel, RestrictionPanel)
    assert not panel.lift_button.isEnabled() and checked_keys(panel.purposes_list) == []
    click(qtbot, view, panel.restrict_button)
    assert state(view) is RequestState.DONE, view.error_label.text()
    assert view.restriction_banner.isVisible()
    assert "registreringer er begrenset" in panel.status_label.text()
    assert panel.lift_button.isEnabled()

    click(qtbot, view, panel.lift_button)  # no notice recorded yet
    assert view.error_label.isVisible() and "artikkel 18 nr. 3" in view.error_label.text()

    panel.reason_edit.setText("The accuracy check is finished.")
    click(qtbot, view, panel.notice_button)
    notice = scripted.of_kind("info")[-1]
    assert notice[1] == "Varsel til personen" and "accuracy check" in notice[2]
    assert "Varsel før opphevelse" in [cell(view.letters_table, r, 0)
                                       for r in range(view.letters_table.rowCount())]

    click(qtbot, view, panel.lift_button)
    assert view.error_label.isHidden(), view.error_label.text()
    assert view.view is not None and view.view.active_restrictions == 0
    assert view.restriction_banner.isHidden()
    assert panel.status_label.text() == "Begrensningen er opphevet."


def test_restriction_of_one_purpose_keeps_the_customer_usable(qtbot: QtBot, view: RequestViewWidget, agent: Any,
                                                              service: RequestService, desk: Any,
                                                              people: dict[str, int]) -> None:
    rid = verified(service, agent, "restriction", people["Sæther"])
    open_request(qtbot, view, rid)
    panel = view.panels[RequestType.RESTRICTION]
    assert isinstance(panel, RestrictionPanel)
    for i in range(panel.purposes_list.count()):
        item = panel.purposes_list.item(i)
        if item.data(Qt.ItemDataRole.UserRole) == "job_application":
            item.setCheckState(Qt.CheckState.Checked)
    assert checked_keys(panel.purposes_list) == ["job_application"]
    click(qtbot, view, panel.restrict_button)
    # Per's records serve other purposes too: nothing serves only job applications.
    assert view.error_label.isVisible() and "ingenting ble begrenset" in view.error_label.text()
    assert state(view) is RequestState.IDENTITY_VERIFIED


def test_marketing_objection_is_done_when_filed(qtbot: QtBot, view: RequestViewWidget, agent: Any, desk: Any,
                                                service: RequestService, people: dict[str, int]) -> None:
    with desk.db.transaction() as s:
        s.add(MarketingConsent(customer_id=people["Ødegård"], channel="email", granted=True, how="checkout",
                               changed_at=datetime(2025, 3, 1),
                               purposes=purposes_for(desk.policy, "marketing_consent")))
    assert service.is_marketable(people["Ødegård"], "email")
    rid = service.file(agent, "objection_direct_marketing", people["Ødegård"], channel="phone",
                       marketing_channel="email").id
    open_request(qtbot, view, rid)
    assert state(view) is RequestState.DONE
    assert view.values["identity"].text() == "ikke nødvendig for denne forespørselen"
    panel = view.panels[RequestType.OBJECTION_DIRECT_MARKETING]
    assert isinstance(panel, MarketingPanel)
    assert panel.status_label.text() == "Markedsføring stanset for: E-post (nyhetsbrev)."
    assert not panel.stop_button.isEnabled() and visible_actions(view) == []
    assert not service.is_marketable(people["Ødegård"], "email")


def test_consent_withdrawal_panel(qtbot: QtBot, view: RequestViewWidget, agent: Any, service: RequestService,
                                  people: dict[str, int]) -> None:
    rid = verified(service, agent, "withdraw_consent", people["Åsen"])
    open_request(qtbot, view, rid)
    panel = view.panels[RequestType.WITHDRAW_CONSENT]
    assert isinstance(panel, ConsentPanel)
    assert [panel.purposes_list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(panel.purposes_list.count())] == [
        "job_application", "contact"]
    assert all(c.isChecked() for c in panel.channel_checks.values())
    click(qtbot, view, panel.withdraw_button)
    assert state(view) is RequestState.DONE, view.error_label.text()
    assert "artikkel 7 nr. 3" in view.outcome_label.text()


def test_portability_saves_a_private_zip_then_completes(qtbot: QtBot, view: RequestViewWidget, agent: Any,
                                                        scripted: RecordingDialogs, service: RequestService,
                                                        desk: Any, tmp_path: Path, people: dict[str, int]) -> None:
    rid = verified(service, agent, "portability", people["Nordmann"])
    open_request(qtbot, view, rid)
    panel = view.panels[RequestType.PORTABILITY]
    assert isinstance(panel, PortabilityPanel)
    assert panel.saved_label.text() == "Ingen eksport laget ennå."

    scripted.save_to = None  # cancelled: nothing exported
    panel.save_button.click()
    assert not view.is_busy() and service.get(agent, rid).state is RequestState.IDENTITY_VERIFIED

    scripted.save_to = tmp_path / "export"
    click(qtbot, view, panel.save_button)
    qtbot.waitUntil(lambda: not view.is_busy() and panel.saved_label.text().startswith("Siste eksport"),
                    timeout=10000)
    target = tmp_path / "export.zip"
    assert panel.last_path == target and target.exists()
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert scripted.of_kind("ask_save_path")[-1][2] == f"dataeksport-GDPR-{rid:06d}.zip"
    with zipfile.ZipFile(target) as archive:
        assert {"README.txt", "schema.json", "data.json", "customer.csv"} <= set(archive.namelist())
        assert "Nordmann" in archive.read("data.json").decode()
    assert str(target) in view.message_label.text()
    assert state(view) is RequestState.IN_PROGRESS

    scripted.answers = ["Zip sent as an encrypted e-mail attachment"]
    click(qtbot, view, view.action_buttons[Action.COMPLETE])
    assert state(view) is RequestState.DONE, view.error_label.text()


def test_acknowledgement_text_is_shown_on_demand(qtbot: QtBot, view: RequestViewWidget, agent: Any,
                                                 service: RequestService, people: dict[str, int]) -> None:
    rid = service.file(agent, "access", people["Ødegård"], channel="email").id
    open_request(qtbot, view, rid)
    view.acknowledgement_button.click()
    qtbot.waitUntil(lambda: f"GDPR-{rid:06d}" in view.letter_text.toPlainText(), timeout=10000)
    assert view.tabs.currentIndex() == 3 and not view.letter_sent_button.isEnabled()
