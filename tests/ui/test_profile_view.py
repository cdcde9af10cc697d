"""The customer profile during a call: need to know, the groups by purpose, paging, the reveal.

Every view is checked against the access log it should write (counted with SQL here; the UI
never builds SQL).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot
from sqlalchemy import select, update

import desktop.ui.profile_view as profile_view
from desktop.bootstrap import UnconfiguredMailer
from desktop.models import AccessLogEntry, Order
from desktop.services.verification import FileSmsGateway, VerificationService
from desktop.ui.profile.model import RecordTableModel
from desktop.ui.profile_view import ProfileView
from tests.helpers.desks import log_entries
from tests.helpers.dialogs import RecordingDialogs
from tests.helpers.records import add_orders

from .test_verify_dialog import make_view, open_customer, open_dialog, wait_idle, wait_verified

FRAUD_CHECK = "Intern kontroll av bedrageri for ordre TP-1234567"


@pytest.fixture
def verification(desk: Any, tmp_path: Path) -> VerificationService:
    return VerificationService(desk, mailer=UnconfiguredMailer(), sms=FileSmsGateway(tmp_path / "sms.jsonl"))


@pytest.fixture
def view(qtbot: QtBot, desk: Any, agent: Any, dialogs: RecordingDialogs,
         verification: VerificationService) -> Iterator[ProfileView]:
    v = make_view(qtbot, desk, agent, verification, dialogs)
    yield v
    v.shutdown()


def actions(desk: Any) -> Counter[str]:
    with desk.db.transaction() as s:
        return Counter(s.execute(select(AccessLogEntry.action)).scalars())


def verify_by_questions(qtbot: QtBot, view: ProfileView, numbers: list[str]) -> None:
    dialog = open_dialog(qtbot, view)
    dialog.answer_edits["order_number"].setText(numbers[-1])
    dialog.answer_edits["delivery_address"].setText("Storgata 1")
    dialog.answers_button.click()
    wait_verified(qtbot, view)


def expand(qtbot: QtBot, view: ProfileView, key: str) -> None:
    section = view.sections[key]
    section.expand()
    qtbot.waitUntil(lambda: section.group is not None and not view.is_busy(), timeout=10000)


# --- need to know ----------------------------------------------------------------------------------


def test_groups_are_locked_until_the_caller_is_verified(qtbot: QtBot, view: ProfileView, desk: Any,
                                                        people: dict[str, int]) -> None:
    kari = people["Ødegård"]
    numbers = add_orders(desk, kari)
    baseline = actions(desk)  # the agent's sign-in
    open_customer(qtbot, view, kari)

    assert view.name_label.text() == "Kari Ødegård"
    assert view.state_label.text() == "Identiteten er ikke bekreftet."
    assert view.lock_label.isVisible()
    assert view.lock_label.text().startswith("Bekreft identiteten for å se mer.")
    assert len(view.sections) == 8
    first = view.sections["purchase"]
    assert first.toggle_button.text() == "1. Bestilling / kjøp"
    meta = first.meta_label.text()
    assert "Rettslig grunnlag:</b> Oppfyllelse av avtale (GDPR art. 6(1)(b))" in meta
    assert "Lagring:</b> Til kjøpet er fullført" in meta
    assert "Mottakere:</b> " in meta and "Qliro" in meta
    assert re.fullmatch(r"\d+ poster", first.count_label.text())
    assert [s.toggle_button.text().split(".")[0] for s in view.sections.values()] == [str(n) for n in range(1, 9)]
    for section in view.sections.values():
        assert not section.toggle_button.isEnabled()
        assert section.toggle_button.toolTip() == "Bekreft identiteten for å se mer"

    # The lock holds below the buttons too: asking to load a group reads nothing, logs nothing.
    view.load_group("purchase")
    wait_idle(qtbot, view)
    assert first.group is None
    assert actions(desk) - baseline == Counter({"contact_start": 1, "open": 1})

    verify_by_questions(qtbot, view, numbers)
    assert view.lock_label.isHidden()
    assert all(s.toggle_button.isEnabled() for s in view.sections.values())


def test_a_recorded_reason_opens_the_groups_and_is_logged(qtbot: QtBot, view: ProfileView, desk: Any,
                                                          dialogs: RecordingDialogs,
                                                          people: dict[str, int]) -> None:
    kari = people["Ødegård"]
    add_orders(desk, kari)
    open_customer(qtbot, view, kari)
    dialogs.text_answer = "   "  # nothing written: nothing recorded
    view.reason_button.click()
    wait_idle(qtbot, view)
    assert not view.may_see_more() and log_entries(desk, "access_reason") == []

    dialogs.text_answer = FRAUD_CHECK
    view.reason_button.click()
    qtbot.waitUntil(lambda: view.may_see_more() and not view.is_busy(), timeout=5000)
    assert dialogs.of_kind("ask_text")[-1][1] == "Registrer grunn"
    assert view.state_label.text() == f"Ikke bekreftet; grunn registrert: {FRAUD_CHECK}"
    assert not view.reason_button.isEnabled()
    [entry] = log_entries(desk, "access_reason")
    assert entry.reason == FRAUD_CHECK and entry.customer_id == kari

    expand(qtbot, view, "fraud")
    expand(qtbot, view, "purchase")
    assert actions(desk)["view"] == 2


def test_each_opened_group_writes_one_entry_and_shows_its_records(qtbot: QtBot, view: ProfileView, desk: Any,
                                                                  people: dict[str, int]) -> None:
    kari = people["Ødegård"]
    numbers = add_orders(desk, kari)
    with desk.db.transaction() as s:  # one order restricted and under a legal hold
        s.execute(update(Order).where(Order.order_number == numbers[0])
                  .values(restricted=True, legal_hold_until=date(2030, 12, 31)))
    open_customer(qtbot, view, kari)
    verify_by_questions(qtbot, view, numbers)
    before = actions(desk)

    section = view.sections["purchase"]
    section.expand()
    assert section.loading and section.busy.isVisibleTo(section)  # the read runs off the GUI thread
    qtbot.waitUntil(lambda: section.group is not None and not view.is_busy(), timeout=10000)
    assert not section.busy.isVisibleTo(section)
    titles = [section.tabs.tabText(i) for i in range(section.tabs.count())]
    assert "Bestilling (3)" in titles and "Levering (3)" in titles and "Kunde (1)" in titles

    orders = next(m for m in section.models if m.record_kind == "order")
    headers = [orders.headerData(c, Qt.Orientation.Horizontal) for c in range(orders.columnCount())]
    assert headers[0] == "Ordrenummer"
    assert headers[-4:] == ["Innsamlet", "Kilde", "Lagres til", "Begrensning / rettslig hold"]
    rows = {orders.index(r, 0).data(): r for r in range(orders.rowCount())}
    newest = rows[numbers[-1]]
    assert orders.index(newest, orders.COL_COLLECTED).data() == "04.01.2026"
    assert orders.index(newest, orders.COL_SOURCE).data() == "Deg selv"
    retention = orders.index(newest, orders.COL_RETENTION).data()
    assert re.fullmatch(r"lagres til \d\d\.\d\d\.\d{4}: 36 måneder etter at kjøpet ble fullført", retention), retention
    assert orders.index(newest, orders.COL_MARKERS).data() == ""
    held = rows[numbers[0]]
    assert orders.index(held, orders.COL_MARKERS).data() == "Begrenset; Rettslig hold til 31.12.2030"
    assert orders.index(held, 0).data(RecordTableModel.MarkedRole) is True
    assert orders.index(held, 0).data(Qt.ItemDataRole.BackgroundRole) is not None

    # What the policy says of the chosen record stays in view under the wide table.
    section.tabs.setCurrentIndex(titles.index("Bestilling (3)"))
    view_widget = section.current_view()
    assert view_widget is not None
    view_widget.setCurrentIndex(orders.index(held, 0))
    assert section.record_label.text().startswith("Valgt post: samlet inn ")
    assert section.record_label.text().endswith("Begrenset; Rettslig hold til 31.12.2030.")

    # Collapsing and expanding again shows what was read: no second look, no second entry.
    section.collapse()
    section.expand()
    wait_idle(qtbot, view)
    expand(qtbot, view, "customer_service")
    after = actions(desk)
    assert after - before == Counter({"view": 2})
    views = log_entries(desk, "view")
    assert [(v.purpose, v.customer_id) for v in views] == [("purchase", kari), ("customer_service", kari)]


def test_record_models_pass_the_model_tester(qtbot: QtBot, qtmodeltester: Any, view: ProfileView, desk: Any,
                                             people: dict[str, int]) -> None:
    kari = people["Ødegård"]
    numbers = add_orders(desk, kari)
    open_customer(qtbot, view, kari)
    verify_by_questions(qtbot, view, numbers)
    expand(qtbot, view, "purchase")
    for model in view.sections["purchase"].models:
        qtmodeltester.check(model, force_py=True)


def test_long_tables_page_on_as_they_scroll(qtbot: QtBot, view: ProfileView, desk: Any,
                                            people: dict[str, int]) -> None:
    kari = people["Ødegård"]
    numbers = add_orders(desk, kari, n=120)
    open_customer(qtbot, view, kari)
    verify_by_questions(qtbot, view, numbers)
    expand(qtbot, view, "purchase")
    section = view.sections["purchase"]
    orders = next(m for m in section.models if m.record_kind == "order")
    assert (orders.rowCount(), orders.total) == (50, 120)
    assert orders.canFetchMore()
    views_before = len(log_entries(desk, "view"))

    index = next(i for i in range(section.tabs.count()) if section.models[i] is orders)
    section.tabs.setCurrentIndex(index)
    table = section.current_view()
    assert table is not None
    table.scrollToBottom()
    qtbot.waitUntil(lambda: orders.rowCount() == 100 and not view.is_busy(), timeout=10000)
    orders.fetchMore()
    qtbot.waitUntil(lambda: orders.rowCount() == 120 and not view.is_busy(), timeout=10000)
    assert not orders.canFetchMore()
    assert len({orders.index(r, 0).data() for r in range(120)}) == 120

    pages = log_entries(desk, "view")[views_before:]
    assert [str(p.detail).split("; ", 1)[1] for p in pages] == ["order rows 51-100 (page)", "order rows 101-120 (page)"]


def test_a_heavy_customer_opens_and_a_group_loads_off_the_gui_thread(qtbot: QtBot, view: ProfileView,
                                                                     desk: Any, agent: Any,
                                                                     verification: VerificationService) -> None:
    from desktop.demo.generator import add_heavy_customer

    heavy = add_heavy_customer(desk, orders=300, service_cases=60, it_records=1500)
    open_customer(qtbot, view, heavy)
    header = view.header
    assert header is not None and header.total_records > 1500
    assert view.contact is not None
    verification.record_access_reason(agent, view.contact.contact_id, FRAUD_CHECK)
    view.refresh_state()
    qtbot.waitUntil(lambda: view.may_see_more() and not view.is_busy(), timeout=5000)
    section = view.sections["fraud"]
    section.expand()
    assert view.busy.isVisibleTo(view) and section.loading
    qtbot.waitUntil(lambda: section.group is not None and not view.is_busy(), timeout=20000)
    it = next(m for m in section.models if m.record_kind == "it_environment")
    assert (it.rowCount(), it.total) == (50, 1500)


# --- the contact -----------------------------------------------------------------------------------


def test_the_contact_ends_with_the_call_and_verification_does_not_carry_over(
    qtbot: QtBot, view: ProfileView, desk: Any, people: dict[str, int]
) -> None:
    kari, per = people["Ødegård"], people["Sæther"]
    numbers = add_orders(desk, kari)
    open_customer(qtbot, view, kari)
    verify_by_questions(qtbot, view, numbers)
    assert view.may_see_more()

    open_customer(qtbot, view, per)  # the next caller
    assert not view.may_see_more() and view.lock_label.isVisible()
    ends = log_entries(desk, "contact_end")
    assert [e.customer_id for e in ends] == [kari]

    open_customer(qtbot, view, kari)  # Kari rings again: a new contact, verified afresh
    assert not view.may_see_more()

    view.end_button.click()
    wait_idle(qtbot, view)
    assert view.header is None and view.stack.currentIndex() == 0
    assert [e.customer_id for e in log_entries(desk, "contact_end")] == [kari, per, kari]
    assert actions(desk)["contact_start"] == 3


def test_a_slow_open_superseded_by_another_leaves_no_open_contact(qtbot: QtBot, view: ProfileView, desk: Any,
                                                                  people: dict[str, int]) -> None:
    view.open_customer(people["Ødegård"])
    view.open_customer(people["Sæther"])  # before the first answer arrives
    qtbot.waitUntil(lambda: view.customer_id == people["Sæther"] and not view.is_busy(), timeout=5000)
    starts = log_entries(desk, "contact_start")
    ends = log_entries(desk, "contact_end")
    # The first was either never started (skipped while queued) or started and ended again.
    assert len(starts) - len(ends) == 1
    assert starts[-1].customer_id == people["Sæther"]


def test_a_lapsed_contact_is_refused_by_the_service_and_locks_again(qtbot: QtBot, view: ProfileView, desk: Any,
                                                                    agent: Any, verification: VerificationService,
                                                                    people: dict[str, int]) -> None:
    kari = people["Ødegård"]
    numbers = add_orders(desk, kari)
    open_customer(qtbot, view, kari)
    verify_by_questions(qtbot, view, numbers)
    assert view.contact is not None
    verification.end_contact(agent, view.contact.contact_id)  # behind the view's back

    section = view.sections["purchase"]
    section.expand()
    qtbot.waitUntil(lambda: not view.is_busy() and not view.may_see_more(), timeout=5000)
    assert view.state_label.text() == "Kontakten er avsluttet."
    assert all(not s.toggle_button.isEnabled() for s in view.sections.values())
    [refused] = log_entries(desk, "refused")
    assert refused.purpose == "purchase"
    assert log_entries(desk, "view") == []


# --- the identity number in full -------------------------------------------------------------------


def test_reveal_takes_a_reason_and_the_password_and_hides_itself(qtbot: QtBot, view: ProfileView, desk: Any,
                                                                 people: dict[str, int],
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(profile_view, "REVEAL_TICK_MS", 20)  # 30 ticks of 20 ms instead of 30 s
    kari = people["Ødegård"]
    open_customer(qtbot, view, kari)
    masked = view.nid_value.text()
    assert "*" in masked and view.reveal_button.text() == "Vis"

    view.reveal_button.click()
    dialog = view.reveal_dialog
    assert dialog is not None
    assert any("vises i 30 sekunder" in label.text() for label in dialog.findChildren(QLabel))
    dialog.show_button.click()  # no reason
    assert dialog.error_label.text() == "Skriv hvorfor hele nummeret trengs."
    assert log_entries(desk, "reveal") == []

    dialog.reason_edit.setText("Kunden ber oss bekrefte nummeret")
    dialog.password_edit.setText("wrong")
    dialog.show_button.click()
    qtbot.waitUntil(lambda: dialog.error_label.isVisible() and not view.is_busy(), timeout=5000)
    assert view.nid_value.text() == masked
    assert [e.data for e in log_entries(desk, "refused")] == ["national_id"]

    dialog.password_edit.setText("demo")
    dialog.show_button.click()
    qtbot.waitUntil(lambda: view.revealed is not None, timeout=5000)
    full = view.nid_value.text()
    assert re.fullmatch(r"\d{6} \d{5}", full) and full[:6] == masked[:6]
    # A slow machine may already have ticked once between the click and this line.
    assert view.countdown_label.isVisible() and view.countdown_label.text() in ("Skjules om 30 s", "Skjules om 29 s")
    assert view.reveal_button.text() == "Skjul"
    [entry] = log_entries(desk, "reveal")
    assert entry.reason == "Kunden ber oss bekrefte nummeret"
    assert full.replace(" ", "") not in (entry.detail or "")  # the log keeps the masked form

    qtbot.waitUntil(lambda: view.countdown_label.text() == "Skjules om 10 s", timeout=5000)
    qtbot.waitUntil(lambda: view.revealed is None, timeout=5000)
    assert view.nid_value.text() == masked
    assert view.countdown_label.isHidden() and view.reveal_button.text() == "Vis"


def test_a_revealed_number_hides_at_once_when_the_call_ends(qtbot: QtBot, view: ProfileView,
                                                            people: dict[str, int]) -> None:
    open_customer(qtbot, view, people["Ødegård"])
    view.reveal_button.click()
    dialog = view.reveal_dialog
    assert dialog is not None
    dialog.reason_edit.setText("Bekrefte nummeret")
    dialog.password_edit.setText("demo")
    dialog.show_button.click()
    qtbot.waitUntil(lambda: view.revealed is not None, timeout=5000)
    view.close_contact()
    assert view.revealed is None and view.nid_value.text() == "" and view.countdown_label.isHidden()


def test_the_profile_is_read_with_exactly_the_entries_of_a_call(qtbot: QtBot, view: ProfileView, desk: Any,
                                                                people: dict[str, int]) -> None:
    """A whole call: open, verify by questions, open two purposes, end the call."""
    kari = people["Ødegård"]
    numbers = add_orders(desk, kari)
    baseline = actions(desk)
    open_customer(qtbot, view, kari)
    verify_by_questions(qtbot, view, numbers)
    expand(qtbot, view, "purchase")
    expand(qtbot, view, "membership")
    view.close_contact()
    wait_idle(qtbot, view)
    assert actions(desk) - baseline == Counter({"contact_start": 1, "open": 1, "verify_hints": 1, "verified": 1,
                                                "view": 2, "contact_end": 1})


@pytest.fixture
def restricted(desk: Any, people: dict[str, int]) -> int:
    from desktop.models import Customer

    with desk.db.transaction() as s:
        s.execute(update(Customer).where(Customer.id == people["Nordmann"]).values(restricted=True))
    return people["Nordmann"]


def test_a_restricted_customer_shows_the_banner(qtbot: QtBot, view: ProfileView, restricted: int) -> None:
    open_customer(qtbot, view, restricted)
    assert view.restricted_label.isVisible()
    assert view.restricted_label.text().startswith("Behandlingen er begrenset for denne kunden")


def test_open_failure_is_reported(qtbot: QtBot, desk: Any, agent: Any, dialogs: RecordingDialogs,
                                  verification: VerificationService) -> None:
    view = make_view(qtbot, desk, agent, verification, dialogs)
    try:
        with qtbot.waitSignal(view.open_failed, timeout=5000) as blocker:
            view.open_customer(999_999)
        assert blocker.args == ["Kunde 999999 finnes ikke."]
        assert view.header is None and view.stack.currentIndex() == 0
        assert log_entries(desk, "contact_start") == []
    finally:
        view.shutdown()
