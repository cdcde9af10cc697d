"""The verification dialog walked per method, as an agent on the phone (or at the counter) would.

Codes go through a real local SMTP server (aiosmtpd) and the SMS file adapter; the settings and
the keyring are the test's own (tests/ui/conftest.py, tests/helpers/fixtures.py).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import keyring
import pytest
from PySide6.QtWidgets import QLabel, QLineEdit
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from desktop.adapters.mail import MailConfig
from desktop.bootstrap import (
    SettingsMailer,
    UnconfiguredMailer,
    build_verification,
    mailer_from_settings,
    sms_outbox_path,
)
from desktop.models import IdentityVerification, OneTimeCode
from desktop.services.verification import DeliveryFailed, FileSmsGateway, VerificationService
from desktop.settings import KEYRING_SERVICE as SMTP_KEYRING_SERVICE
from desktop.settings import SMTP_KEYRING_ENTRY, MailSettings
from desktop.ui.profile_view import ProfileView
from desktop.ui.settings_store import desk_settings
from desktop.ui.verify_dialog import TAB_CODE, TAB_DOCUMENT, TAB_EID, VerifyDialog
from tests.helpers.desks import log_entries
from tests.helpers.dialogs import RecordingDialogs
from tests.helpers.memory_keyring import lose_keyring
from tests.helpers.records import add_orders
from tests.helpers.smtp import Inbox, free_port

# --- helpers shared with the profile tests ---------------------------------------------------------


def make_view(qtbot: QtBot, desk: Any, actor: Any, verification: VerificationService,
              dialogs: RecordingDialogs) -> ProfileView:
    view = ProfileView(desk, actor, verification, dialogs=dialogs)
    qtbot.addWidget(view)
    view.resize(960, 760)
    view.show()
    qtbot.waitExposed(view)
    return view


def open_customer(qtbot: QtBot, view: ProfileView, customer_id: int) -> None:
    view.open_customer(customer_id)
    qtbot.waitUntil(lambda: view.customer_id == customer_id and not view.is_busy(), timeout=5000)


def open_dialog(qtbot: QtBot, view: ProfileView) -> VerifyDialog:
    view.verify_button.click()
    dialog = view.verify_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.hints is not None and not view.is_busy(), timeout=5000)
    return dialog


def wait_idle(qtbot: QtBot, view: ProfileView) -> None:
    qtbot.waitUntil(lambda: not view.is_busy(), timeout=10000)


def wait_verified(qtbot: QtBot, view: ProfileView) -> None:
    qtbot.waitUntil(lambda: view.verify_dialog is None and view.may_see_more() and not view.is_busy(),
                    timeout=10000)


def verifications(desk: Any) -> list[IdentityVerification]:
    with desk.db.transaction() as s:
        return list(s.execute(select(IdentityVerification).order_by(IdentityVerification.id)).scalars())


@pytest.fixture
def sms_file(tmp_path: Path) -> Path:
    return tmp_path / "sms.jsonl"


@pytest.fixture
def verification(desk: Any, sms_file: Path) -> VerificationService:
    return VerificationService(desk, mailer=UnconfiguredMailer(), sms=FileSmsGateway(sms_file))


@pytest.fixture
def view(qtbot: QtBot, desk: Any, agent: Any, dialogs: RecordingDialogs,
         verification: VerificationService) -> Iterator[ProfileView]:
    v = make_view(qtbot, desk, agent, verification, dialogs)
    yield v
    v.shutdown()


def configure_smtp(port: int) -> None:
    settings = desk_settings()
    settings.setValue("smtp/host", "127.0.0.1")
    settings.setValue("smtp/port", port)
    settings.setValue("smtp/tls", "none")
    settings.setValue("smtp/sender", "kundeservice@example.com")
    settings.sync()


# --- a) questions ----------------------------------------------------------------------------------


def test_questions_verify_and_unlock_the_profile(qtbot: QtBot, view: ProfileView, desk: Any,
                                                 people: dict[str, int]) -> None:
    kari = people["Ødegård"]
    numbers = add_orders(desk, kari)
    open_customer(qtbot, view, kari)
    assert not view.may_see_more()
    dialog = open_dialog(qtbot, view)

    assert dialog.windowTitle() == "Bekreft identitet – Kari Ødegård"
    assert dialog.hints_label.text() == (
        "Kunderegisteret kan svare på: Ordrenummer, Leveringsadresse (gate eller postnummer), "
        "Dato for en nylig bestilling, Beløp for en nylig bestilling."
    )
    assert dialog.attempts_label.text() == "3 forsøk igjen før verifiseringen låses."
    assert dialog.lock_label.isHidden()

    # One answer is not enough: said at once, nothing is tried or logged.
    dialog.answer_edits["order_number"].setText(numbers[-1])
    dialog.answers_button.click()
    assert dialog.error_label.text() == "Fyll inn minst to svar."
    assert log_entries(desk, "verify_failed") == []

    dialog.answer_edits["delivery_address"].setText("0150")
    dialog.answers_button.click()
    wait_verified(qtbot, view)
    assert re.fullmatch(r"Identitet bekreftet \(Kontrollspørsmål fra kunderegisteret\), gyldig til kl\. \d\d:\d\d\.",
                        view.state_label.text()), view.state_label.text()
    assert all(section.toggle_button.isEnabled() for section in view.sections.values())
    assert view.lock_label.isHidden()
    assert not view.verify_button.isEnabled()

    assert len(log_entries(desk, "verify_hints")) == 1
    assert len(log_entries(desk, "verified")) == 1
    assert [v.method for v in verifications(desk)] == ["questions"]


def test_wrong_answers_say_so_without_saying_which(qtbot: QtBot, view: ProfileView, desk: Any,
                                                   people: dict[str, int]) -> None:
    kari = people["Ødegård"]
    numbers = add_orders(desk, kari)
    open_customer(qtbot, view, kari)
    dialog = open_dialog(qtbot, view)
    dialog.answer_edits["order_number"].setText(numbers[0])
    dialog.answer_edits["order_amount"].setText("99,00")
    dialog.answers_button.click()
    wait_idle(qtbot, view)
    assert dialog.isVisible()
    assert dialog.error_label.isVisible()
    assert dialog.error_label.text() == (
        "Svarene stemmer ikke med kunderegisteret. Ingenting er verifisert. 2 forsøk igjen før verifisering låses."
    )
    assert dialog.attempts_label.text() == "2 forsøk igjen før verifiseringen låses."
    assert not view.may_see_more()
    assert len(log_entries(desk, "verify_failed")) == 1


def test_a_record_without_orders_has_no_questions(qtbot: QtBot, view: ProfileView, people: dict[str, int]) -> None:
    open_customer(qtbot, view, people["Nordmann"])
    dialog = open_dialog(qtbot, view)
    assert dialog.hints_label.text() == (
        "Kunderegisteret har ingen bestillinger eller leveranser å spørre om: velg en annen metode."
    )
    assert not any(edit.isEnabled() for edit in dialog.answer_edits.values())


# --- b) one-time codes -----------------------------------------------------------------------------


def test_email_code_through_a_real_smtp_server(qtbot: QtBot, desk: Any, agent: Any, dialogs: RecordingDialogs,
                                               smtp: tuple[Inbox, int], people: dict[str, int]) -> None:
    inbox, port = smtp
    configure_smtp(port)
    view = make_view(qtbot, desk, agent, build_verification(desk, desk_settings()), dialogs)
    try:
        open_customer(qtbot, view, people["Ødegård"])
        dialog = open_dialog(qtbot, view)
        dialog.tabs.setCurrentIndex(TAB_CODE)
        assert dialog.email_radio.text() == "E-post til k***@e***.com"
        assert dialog.email_radio.isChecked()
        assert not dialog.code_button.isEnabled()  # nothing sent yet
        dialog.send_button.click()
        qtbot.waitUntil(lambda: dialog.sent_label.isVisible() and not view.is_busy(), timeout=10000)
        assert dialog.sent_label.text().startswith("En kode er sendt på e-post til k***@e***.com. Den gjelder til kl.")
        assert inbox.recipients == [["kari.odegard@example.com"]]
        assert inbox.messages[-1]["From"] == "kundeservice@example.com"

        dialog.code_edit.setText(inbox.last_code())
        dialog.code_button.click()
        wait_verified(qtbot, view)
        assert view.state_label.text().startswith("Identitet bekreftet (Engangskode på e-post), gyldig til kl.")
        assert len(log_entries(desk, "code_sent")) == 1
        assert len(log_entries(desk, "verified")) == 1
    finally:
        view.shutdown()


def test_smtp_down_shows_the_services_message_and_writes_no_code(qtbot: QtBot, desk: Any, agent: Any,
                                                                 dialogs: RecordingDialogs,
                                                                 people: dict[str, int]) -> None:
    port = free_port()  # nobody listens here
    configure_smtp(port)
    view = make_view(qtbot, desk, agent, build_verification(desk, desk_settings()), dialogs)
    try:
        open_customer(qtbot, view, people["Ødegård"])
        dialog = open_dialog(qtbot, view)
        dialog.send_button.click()
        qtbot.waitUntil(lambda: dialog.error_label.isVisible() and not view.is_busy(), timeout=15000)
        assert dialog.error_label.text() == (
            f"Koden kunne ikke sendes: e-posttjeneren 127.0.0.1:{port} avviste tilkoblingen (kjører den?). "
            "Ingenting er verifisert."
        )
        assert dialog.sent_label.isHidden() and not dialog.code_button.isEnabled()
        assert dialog.send_button.isEnabled()  # the agent may try again or choose SMS
        assert len(log_entries(desk, "code_not_sent")) == 1
        with desk.db.transaction() as s:
            assert s.execute(select(OneTimeCode)).first() is None
    finally:
        view.shutdown()


def test_email_not_set_up_says_where_to_set_it_up(qtbot: QtBot, desk: Any, agent: Any, dialogs: RecordingDialogs,
                                                  people: dict[str, int]) -> None:
    view = make_view(qtbot, desk, agent, build_verification(desk, desk_settings()), dialogs)
    try:
        open_customer(qtbot, view, people["Ødegård"])
        dialog = open_dialog(qtbot, view)
        dialog.send_button.click()
        qtbot.waitUntil(lambda: dialog.error_label.isVisible() and not view.is_busy(), timeout=5000)
        assert dialog.error_label.text() == (
            "Koden kunne ikke sendes: E-post er ikke satt opp (Innstillinger). Ingenting er verifisert."
        )
    finally:
        view.shutdown()


def test_sms_code_through_the_file_gateway(qtbot: QtBot, desk: Any, agent: Any, dialogs: RecordingDialogs,
                                           people: dict[str, int]) -> None:
    view = make_view(qtbot, desk, agent, build_verification(desk, desk_settings()), dialogs)
    try:
        open_customer(qtbot, view, people["Ødegård"])
        dialog = open_dialog(qtbot, view)
        outbox = sms_outbox_path()
        dialog.tabs.setCurrentIndex(TAB_CODE)
        assert dialog.outbox_label.isVisible()
        assert dialog.outbox_label.text() == f"Testoppsett: SMS-er skrives til filen {outbox}"
        assert dialog.sms_radio.text() == "SMS til +47 *** ** 567"
        dialog.sms_radio.setChecked(True)
        dialog.send_button.click()
        qtbot.waitUntil(lambda: dialog.sent_label.isVisible() and not view.is_busy(), timeout=5000)
        assert dialog.sent_label.text().startswith("En kode er sendt på SMS til +47 *** ** 567.")

        message = json.loads(outbox.read_text(encoding="utf-8").splitlines()[-1])
        assert message["to"] == "+4791234567"
        code = re.search(r"\b(\d{6})\b", message["text"])
        assert code is not None
        dialog.code_edit.setText(f"{code.group(1)[:3]} {code.group(1)[3:]}")  # read out in two halves
        dialog.code_button.click()
        wait_verified(qtbot, view)
        assert [v.method for v in verifications(desk)] == ["sms_code"]
    finally:
        view.shutdown()


def test_a_code_sent_to_another_customer_is_refused(qtbot: QtBot, view: ProfileView, desk: Any, agent: Any,
                                                    verification: VerificationService, sms_file: Path,
                                                    people: dict[str, int]) -> None:
    other = verification.start_contact(agent, people["Sæther"], "phone")
    verification.send_code(agent, other.contact_id, "sms")
    foreign = re.search(r"\b(\d{6})\b", json.loads(sms_file.read_text().splitlines()[-1])["text"])
    assert foreign is not None

    open_customer(qtbot, view, people["Ødegård"])
    dialog = open_dialog(qtbot, view)
    dialog.sms_radio.setChecked(True)
    dialog.send_button.click()
    qtbot.waitUntil(dialog.code_button.isEnabled, timeout=5000)
    dialog.code_edit.setText(foreign.group(1))
    dialog.code_button.click()
    qtbot.waitUntil(lambda: dialog.error_label.isVisible() and not view.is_busy(), timeout=5000)
    assert dialog.error_label.text().startswith(
        "Denne koden ble sendt til en annen kunde, ikke til denne. Ingenting er verifisert."
    )
    assert not view.may_see_more()


# --- c) ID document at the counter -----------------------------------------------------------------


def test_id_document_needs_the_counter_and_stores_no_image(qtbot: QtBot, view: ProfileView, desk: Any,
                                                           people: dict[str, int]) -> None:
    open_customer(qtbot, view, people["Ødegård"])
    dialog = open_dialog(qtbot, view)
    dialog.tabs.setCurrentIndex(TAB_DOCUMENT)
    assert dialog.counter_label.isVisible()
    assert dialog.counter_label.text() == (
        "Denne kontakten er registrert som telefon. Velg kanalen «Skranke» i profilen for å bruke denne metoden."
    )
    assert not dialog.document_button.isEnabled() and not dialog.digits_edit.isEnabled()
    dialog.reject()
    qtbot.waitUntil(lambda: view.verify_dialog is None, timeout=2000)

    # The customer is at the counter: a new contact, at the counter.
    view.set_channel("counter")
    qtbot.waitUntil(lambda: view.contact is not None and view.contact.channel == "counter" and not view.is_busy(),
                    timeout=5000)
    dialog = open_dialog(qtbot, view)
    dialog.tabs.setCurrentIndex(TAB_DOCUMENT)
    assert dialog.counter_label.isHidden() and dialog.document_button.isEnabled()
    notes = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert "ingen kopi eller bilde lagres" in notes
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("driving_licence"))
    assert dialog.kind_combo.currentText() == "Førerkort"
    dialog.digits_edit.setText("4711")
    dialog.document_button.click()
    wait_verified(qtbot, view)

    [row] = verifications(desk)
    assert (row.method, row.evidence) == ("id_document", "driving licence, last digits 4711")
    assert len(log_entries(desk, "contact_start")) == 2
    assert len(log_entries(desk, "contact_end")) == 1


def test_a_document_that_does_not_match_is_a_failure(qtbot: QtBot, view: ProfileView, desk: Any,
                                                     people: dict[str, int]) -> None:
    view.set_channel("counter")
    open_customer(qtbot, view, people["Ødegård"])
    assert view.contact is not None and view.contact.channel == "counter"
    dialog = open_dialog(qtbot, view)
    dialog.digits_edit.setText("12")
    dialog.mismatch_button.click()
    qtbot.waitUntil(lambda: dialog.error_label.isVisible() and not view.is_busy(), timeout=5000)
    assert dialog.error_label.text().startswith("Legitimasjonen stemmer ikke med personen. Ingenting er verifisert.")
    assert [v.outcome for v in verifications(desk)] == ["failed"]


# --- d) electronic ID ------------------------------------------------------------------------------


def test_electronic_id_reference_and_never_the_identity_number(qtbot: QtBot, view: ProfileView, desk: Any,
                                                               people: dict[str, int]) -> None:
    open_customer(qtbot, view, people["Ødegård"])
    dialog = open_dialog(qtbot, view)
    dialog.tabs.setCurrentIndex(TAB_EID)
    assert dialog.provider_combo.currentText() == "BankID"
    dialog.reference_edit.setText("15108695088")
    dialog.eid_button.click()
    qtbot.waitUntil(lambda: dialog.error_label.isVisible() and not view.is_busy(), timeout=5000)
    assert dialog.error_label.text() == "Skriv inn transaksjonsreferansen fra BankID, ikke fødselsnummeret."
    assert log_entries(desk, "verify_failed") == []  # bad input is not an attempt

    dialog.reference_edit.setText("BID-8F2C-1193")
    dialog.eid_button.click()
    wait_verified(qtbot, view)
    [row] = verifications(desk)
    assert (row.method, row.evidence) == ("electronic_id", "BankID ref …1193")


def test_the_dialog_never_asks_for_the_identity_number(qtbot: QtBot, view: ProfileView,
                                                       people: dict[str, int]) -> None:
    open_customer(qtbot, view, people["Ødegård"])
    dialog = open_dialog(qtbot, view)
    for edit in dialog.findChildren(QLineEdit):
        text = f"{edit.accessibleName()} {edit.placeholderText()}".lower()
        assert "fødselsnummer" not in text and "identity number" not in text
    form_labels = [label.text() for label in dialog.findChildren(QLabel) if label.text().endswith(":")]
    assert form_labels and not any("Fødselsnummer" in text for text in form_labels)


# --- the lockout -----------------------------------------------------------------------------------


def test_three_failures_lock_verification_for_fifteen_minutes(qtbot: QtBot, view: ProfileView, desk: Any,
                                                              people: dict[str, int]) -> None:
    kari = people["Ødegård"]
    add_orders(desk, kari)
    open_customer(qtbot, view, kari)
    dialog = open_dialog(qtbot, view)
    for attempt in range(3):
        dialog.answer_edits["order_number"].setText("TP-9999999")
        dialog.answer_edits["delivery_address"].setText("9999")
        dialog.answers_button.click()
        qtbot.waitUntil(lambda: dialog.error_label.isVisible() and not view.is_busy(), timeout=5000)
        if attempt < 2:
            assert dialog.attempts_label.text() == f"{2 - attempt} forsøk igjen før verifiseringen låses."

    assert dialog.error_label.text().endswith(
        "Etter 3 mislykkede forsøk er verifisering av denne kunden låst i 15 minutter."
    )
    assert dialog.lock_label.isVisible()
    assert re.fullmatch(r"Verifiseringen er låst etter tre mislykkede forsøk: 15 min igjen \(til kl\. \d\d:\d\d\)\.",
                        dialog.lock_label.text()), dialog.lock_label.text()
    assert dialog.attempts_label.text() == "Ingen forsøk igjen."
    for button in (dialog.answers_button, dialog.send_button, dialog.eid_button):
        assert not button.isEnabled()
    # The profile header says so too, and the groups stay locked.
    assert view.state_label.text().startswith("Ikke bekreftet; verifisering er låst til kl.")
    assert not view.may_see_more()
    assert len(log_entries(desk, "verify_failed")) == 3
    assert len(log_entries(desk, "verify_locked")) == 1

    # Closing and ringing again does not help: the lock is the customer's, not the dialog's.
    dialog.reject()
    view.close_contact()
    open_customer(qtbot, view, kari)
    again = open_dialog(qtbot, view)
    assert again.lock_label.isVisible() and not again.eid_button.isEnabled()


# --- the settings behind the services --------------------------------------------------------------


def test_mailer_from_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    assert isinstance(mailer_from_settings(desk_settings()), UnconfiguredMailer)
    with pytest.raises(DeliveryFailed, match="E-mail is not set up"):
        UnconfiguredMailer().send_mail("a@example.com", "s", "b")
    settings = desk_settings()
    settings.setValue("smtp/host", "smtp.example.com")
    settings.setValue("smtp/tls", "ssl")
    settings.setValue("smtp/user", "desk@example.com")
    mailer = mailer_from_settings(settings)
    assert isinstance(mailer, SettingsMailer)
    assert mailer.config == MailSettings(host="smtp.example.com", port=465, security="ssl",
                                       username="desk@example.com", sender="desk@example.com")
    settings.setValue("smtp/tls", "starttls")
    settings.setValue("smtp/port", "2525")
    settings.setValue("smtp/sender", "kundeservice@example.com")
    mailer = mailer_from_settings(settings)
    assert isinstance(mailer, SettingsMailer)
    assert (mailer.config.port, mailer.config.security, mailer.config.sender) == (
        2525, "starttls", "kundeservice@example.com")

    sent: list[dict[str, Any]] = []

    class FakeSmtp:
        def __init__(self, config: MailConfig) -> None:
            sent.append({"config": config})

        def send_mail(self, to: str, subject: str, body: str) -> None:
            sent[-1]["to"] = to

    monkeypatch.setattr("desktop.adapters.mail.SmtpMail", FakeSmtp)
    keyring.set_password(SMTP_KEYRING_SERVICE, SMTP_KEYRING_ENTRY, "s3cret")
    mailer.send_mail("kari@example.com", "Kode", "123456")
    assert sent == [{"config": MailConfig(host="smtp.example.com", port=2525, starttls=True, ssl=False,
                                          username="desk@example.com", password="s3cret",
                                          sender="kundeservice@example.com"),
                     "to": "kari@example.com"}]

    lose_keyring()
    with pytest.raises(DeliveryFailed, match="no keyring"):
        mailer.send_mail("kari@example.com", "Kode", "123456")
