"""Identity verification: each method, codes over a real SMTP server, lockout, expiry, the migration."""

from __future__ import annotations

import io
import json
import os
import re
import stat
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, inspect, select

from desktop.domain.roles import Actor
from desktop.errors import InvalidInput, NotFound
from desktop.models import (
    AccessLogEntry,
    AccessReason,
    Contact,
    Customer,
    Delivery,
    IdentityVerification,
    OneTimeCode,
    Order,
    VerificationLockout,
)
from desktop.services.context import DeskContext
from desktop.services.registry import purposes_for
from desktop.services.verification import (
    CodeNotSent,
    ConsoleSmsGateway,
    FileSmsGateway,
    SmtpMailer,
    VerificationFailed,
    VerificationLocked,
    VerificationService,
    parse_amount,
    parse_order_date,
)
from tests.helpers.clock import Clock
from tests.helpers.smtp import Inbox, free_port

T0 = datetime(2026, 3, 10, 12, 0)


def mailer(port: int) -> SmtpMailer:
    return SmtpMailer("127.0.0.1", port, starttls=False, ssl=False, username=None, password=None,
                      sender="kundeservice@example.com", timeout=5)


@pytest.fixture
def clock() -> Clock:
    return Clock(T0)


@pytest.fixture
def sms_file(tmp_path: Path) -> Path:
    return tmp_path / "sms.jsonl"


@pytest.fixture
def svc(desk: DeskContext, clock: Clock, sms_file: Path) -> VerificationService:
    """The service with a mail server nobody listens on; tests that mail use `smtp`."""
    return VerificationService(desk, mailer=mailer(free_port()), sms=FileSmsGateway(sms_file), clock=clock)


def add_orders(desk: DeskContext, customer_id: int, *, n: int = 3, street: str = "Storgata 1", postcode: str = "0150",
               city: str = "Oslo", total: int = 129900) -> list[str]:
    """Orders with deliveries, newest last; returns the order numbers."""
    numbers = []
    with desk.db.transaction() as s:
        for i in range(n):
            at = datetime(2026, 1, 5 + i, 22, 30)  # 23:30 in Oslo: the customer's date is the same day
            number = f"TP-{1000000 + customer_id * 1000 + i}"
            order = Order(customer_id=customer_id, order_number=number, ordered_at=at, completed_at=at + timedelta(
                days=3), status="completed", channel="web", total_minor=total + i * 100, currency="NOK",
                purposes=purposes_for(desk.policy, "order"), collected_at=at, source="data_subject")
            s.add(order)
            s.flush()
            s.add(Delivery(order_id=order.id, customer_id=customer_id, carrier="Posten", tracking_number=f"70{i}",
                           recipient_name="X", street=street, postcode=postcode, city=city, country="NO",
                           shipped_at=at + timedelta(days=1), delivered_at=at + timedelta(days=2),
                           purposes=purposes_for(desk.policy, "delivery"), collected_at=at, source="data_subject"))
            numbers.append(number)
    return numbers


def log_count(desk: DeskContext, action: str | None = None) -> int:
    with desk.db.transaction() as s:
        q = select(func.count()).select_from(AccessLogEntry)
        if action:
            q = q.where(AccessLogEntry.action == action)
        return int(s.execute(q).scalar_one())


def rows(desk: DeskContext, model: type[Any]) -> list[Any]:
    with desk.db.transaction() as s:
        return list(s.execute(select(model)).scalars())


# --- the migration ---------------------------------------------------------------------------------


def test_migration_up_down_up_on_sqlite(tmp_path: Path) -> None:
    from alembic import command
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from desktop.models import Base
    from desktop.storage.database import Database
    from desktop.storage.migrate import alembic_config, current_revision, head_revision, upgrade

    new = {"contact", "identity_verification", "verification_lockout", "one_time_code", "access_reason"}
    db = Database(f"sqlite:///{tmp_path / 'm.sqlite3'}")
    try:
        upgrade(db)
        assert current_revision(db) == head_revision()
        assert new <= set(inspect(db.engine).get_table_names())
        with db.engine.connect() as conn:  # the hand-written migration matches the models exactly
            diffs = compare_metadata(MigrationContext.configure(conn), Base.metadata)
        assert [d for d in diffs if new & set(re.findall(r"'(\w+)'", repr(d)))] == []
        cfg = alembic_config(db)
        with db.engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, "0001")
        assert current_revision(db) == "0001"
        assert not new & set(inspect(db.engine).get_table_names())
        assert "customer" in inspect(db.engine).get_table_names()
        upgrade(db, "0002")
        assert current_revision(db) == "0002" and new <= set(inspect(db.engine).get_table_names())
        upgrade(db)
        assert current_revision(db) == head_revision()
    finally:
        db.dispose()


# --- contacts --------------------------------------------------------------------------------------


def test_contact_start_and_end_are_logged(desk: DeskContext, people: dict[str, int], agent: Actor,
                                          svc: VerificationService) -> None:
    ref = svc.start_contact(agent, people["Nordmann"], "phone")
    assert (ref.customer_id, ref.channel, ref.started_at) == (people["Nordmann"], "phone", T0)
    assert log_count(desk, "contact_start") == 1
    ended = svc.end_contact(agent, ref.contact_id)
    assert ended.ended_at == T0
    svc.end_contact(agent, ref.contact_id)  # twice: no second entry
    assert log_count(desk, "contact_end") == 1
    with pytest.raises(InvalidInput, match="ended"):
        svc.verify_electronic_id(agent, ref.contact_id, "BankID", "ref-123456")
    with pytest.raises(InvalidInput):
        svc.start_contact(agent, people["Nordmann"], "pigeon")
    with pytest.raises(NotFound):
        svc.start_contact(agent, 99999, "phone")


# --- a) questions ----------------------------------------------------------------------------------


def test_hints_list_kinds_never_answers(desk: DeskContext, people: dict[str, int], agent: Actor,
                                        svc: VerificationService) -> None:
    numbers = add_orders(desk, people["Nordmann"])
    c = svc.start_contact(agent, people["Nordmann"], "phone")
    hints = svc.question_hints(agent, c.contact_id)
    assert hints == ["order_number", "delivery_address", "order_date", "order_amount"]
    assert not any(n in " ".join(hints) for n in numbers)
    empty = svc.start_contact(agent, people["Åsen"], "phone")
    assert svc.question_hints(agent, empty.contact_id) == []
    assert log_count(desk, "verify_hints") == 2


def test_questions_verify_with_masked_evidence(desk: DeskContext, people: dict[str, int], agent: Actor,
                                               svc: VerificationService) -> None:
    numbers = add_orders(desk, people["Nordmann"])
    c = svc.start_contact(agent, people["Nordmann"], "phone")
    before = log_count(desk)
    state = svc.verify_by_questions(agent, c.contact_id, {"order_number": numbers[0].lower(),
                                                          "delivery_address": "0150"})
    assert state.verified and state.may_see_more and state.method == "questions"
    assert state.evidence == f"order TP-…{numbers[0][-3:]} + delivery postcode"
    assert state.verified_by == "agent" and state.expires_at == T0 + timedelta(minutes=30)
    assert log_count(desk) == before + 1 and log_count(desk, "verified") == 1
    [row] = rows(desk, IdentityVerification)
    assert (row.outcome, row.customer_id, row.agent_id) == ("verified", people["Nordmann"], agent.account_id)
    assert numbers[0] not in row.evidence


@pytest.mark.parametrize(
    "answers",
    [
        {"order_date": "05.01.2026", "order_amount": "kr 1 299"},
        {"order_date": "2026-01-06", "order_amount": "1 300,00"},
        {"delivery_address": "STORGATA 1", "order_amount": "1299"},
        {"delivery_address": "storgata 1, 0150 oslo", "order_number": "1004001"},
        {"order_number": "tp 1004002", "order_amount": "1 301,-"},
    ],
)
def test_questions_are_tolerant_of_how_people_say_things(desk: DeskContext, people: dict[str, int], agent: Actor,
                                                         svc: VerificationService, answers: dict[str, str]) -> None:
    add_orders(desk, people["Nordmann"])
    c = svc.start_contact(agent, people["Nordmann"], "phone")
    assert svc.verify_by_questions(agent, c.contact_id, answers).verified


def test_questions_fold_nordic_letters(desk: DeskContext, people: dict[str, int], agent: Actor,
                                       svc: VerificationService) -> None:
    add_orders(desk, people["Ødegård"], street="Øvre Slottsgate 5", postcode="0157")
    c = svc.start_contact(agent, people["Ødegård"], "phone")
    assert svc.verify_by_questions(agent, c.contact_id, {"delivery_address": "ovre slottsgate 5",
                                                          "order_amount": "1299,00"}).verified


def test_too_few_or_malformed_answers_write_nothing(desk: DeskContext, people: dict[str, int], agent: Actor,
                                                    svc: VerificationService) -> None:
    add_orders(desk, people["Nordmann"])
    c = svc.start_contact(agent, people["Nordmann"], "phone")
    before = log_count(desk)
    for answers in ({"order_number": "TP-1004000"}, {"order_number": "TP-1004000", "delivery_address": "  "},
                    {"order_date": "yesterday", "order_amount": "1299"}, {"pet_name": "Fido", "order_amount": "1"},
                    {"order_date": "05.01.2026", "order_amount": "lots"}):
        with pytest.raises(InvalidInput):
            svc.verify_by_questions(agent, c.contact_id, answers)
    assert log_count(desk) == before
    assert rows(desk, IdentityVerification) == []


def test_wrong_answer_fails_clearly_and_is_logged(desk: DeskContext, people: dict[str, int], agent: Actor,
                                                  svc: VerificationService) -> None:
    numbers = add_orders(desk, people["Nordmann"])
    c = svc.start_contact(agent, people["Nordmann"], "phone")
    with pytest.raises(VerificationFailed) as exc:
        svc.verify_by_questions(agent, c.contact_id, {"order_number": numbers[1], "delivery_address": "9999"})
    assert "do not match" in exc.value.message and "2 attempts left" in exc.value.message
    assert "stemmer ikke" in exc.value.message_nb and exc.value.failures == 1
    [row] = rows(desk, IdentityVerification)
    assert row.outcome == "failed" and "9999" not in row.evidence and numbers[1] not in row.evidence
    assert log_count(desk, "verify_failed") == 1
    assert not svc.is_verified(c.contact_id).verified


@pytest.mark.parametrize(
    ("text", "expected"),
    [("1 299,00", (129900, True)), ("1299", (129900, False)), ("kr 1 299", (129900, False)),
     ("1.299,50", (129950, True)), ("1299.5", (129950, True)), ("NOK 1 299,-", (129900, False)),
     ("1\u00a0299 kr", (129900, False)), ("1,299", (129900, False)), ("abc", None), ("", None)],
)
def test_parse_amount(text: str, expected: tuple[int, bool] | None) -> None:
    assert parse_amount(text) == expected


def test_parse_order_date() -> None:
    assert parse_order_date("2026-01-05") == parse_order_date("05.01.2026") == parse_order_date("5.1.2026")
    assert parse_order_date("31.02.2026") is None and parse_order_date("i går") is None


# --- lockout ---------------------------------------------------------------------------------------


def _fail(svc: VerificationService, agent: Actor, contact_id: int) -> VerificationFailed:
    with pytest.raises(VerificationFailed) as exc:
        svc.verify_by_questions(agent, contact_id, {"order_number": "TP-0000000", "delivery_address": "9999"})
    return exc.value


def test_three_failures_lock_for_fifteen_minutes(desk: DeskContext, people: dict[str, int], agent: Actor,
                                                 svc: VerificationService, clock: Clock) -> None:
    numbers = add_orders(desk, people["Nordmann"])
    c = svc.start_contact(agent, people["Nordmann"], "phone")
    _fail(svc, agent, c.contact_id)
    clock.advance(minutes=1)
    _fail(svc, agent, c.contact_id)
    clock.advance(minutes=1)
    third = _fail(svc, agent, c.contact_id)
    assert third.locked_until == clock.now + timedelta(minutes=15)
    assert "locked for 15 minutes" in third.message and "låst i 15 minutter" in third.message_nb
    assert log_count(desk, "verify_failed") == 3 and log_count(desk, "verify_locked") == 1
    assert len(rows(desk, VerificationLockout)) == 1

    # Every method is refused, for every contact with this customer, with the minutes left.
    clock.advance(minutes=5)
    again = svc.start_contact(agent, people["Nordmann"], "phone")
    good = {"order_number": numbers[0], "delivery_address": "0150"}
    with pytest.raises(VerificationLocked) as exc:
        svc.verify_by_questions(agent, again.contact_id, good)
    assert exc.value.minutes_left == 10 and "10 minutes" in exc.value.message
    assert "Prøv igjen om 10 minutter" in exc.value.message_nb
    with pytest.raises(VerificationLocked):
        svc.send_code(agent, again.contact_id, "sms")
    with pytest.raises(VerificationLocked):
        svc.verify_electronic_id(agent, again.contact_id, "BankID", "abc-9876")
    assert log_count(desk, "verify_locked") == 4  # the lock, then each refused attempt
    assert log_count(desk, "verify_failed") == 3  # refusals are not new failures
    state = svc.is_verified(again.contact_id)
    assert state.locked and state.attempts_left == 0 and not state.verified
    assert state.describe("nb", UTC) == "Ikke bekreftet; verifisering er låst til kl. 12:17."

    # The lock expires after 15 minutes, and the count starts afresh.
    clock.advance(minutes=10)
    assert svc.verify_by_questions(agent, again.contact_id, good).verified


def test_failures_outside_the_window_do_not_lock(desk: DeskContext, people: dict[str, int], agent: Actor,
                                                 svc: VerificationService, clock: Clock) -> None:
    add_orders(desk, people["Nordmann"])
    c = svc.start_contact(agent, people["Nordmann"], "phone")
    _fail(svc, agent, c.contact_id)
    _fail(svc, agent, c.contact_id)
    clock.advance(minutes=16)
    third = _fail(svc, agent, c.contact_id)
    assert third.locked_until is None and third.failures == 1
    assert rows(desk, VerificationLockout) == []


def test_a_success_clears_earlier_failures(desk: DeskContext, people: dict[str, int], agent: Actor,
                                           svc: VerificationService, clock: Clock) -> None:
    numbers = add_orders(desk, people["Nordmann"])
    c = svc.start_contact(agent, people["Nordmann"], "phone")
    _fail(svc, agent, c.contact_id)
    _fail(svc, agent, c.contact_id)
    svc.verify_by_questions(agent, c.contact_id, {"order_number": numbers[0], "delivery_address": "0150"})
    assert _fail(svc, agent, c.contact_id).locked_until is None


def test_lock_is_per_customer(desk: DeskContext, people: dict[str, int], agent: Actor,
                              svc: VerificationService) -> None:
    add_orders(desk, people["Nordmann"])
    c = svc.start_contact(agent, people["Nordmann"], "phone")
    for _ in range(3):
        _fail(svc, agent, c.contact_id)
    other = svc.start_contact(agent, people["Sæther"], "phone")
    assert svc.verify_electronic_id(agent, other.contact_id, "Buypass", "tx-55551234").verified


# --- b) one-time codes -----------------------------------------------------------------------------


def test_email_code_through_a_real_smtp_server(desk: DeskContext, people: dict[str, int], agent: Actor, clock: Clock,
                                               sms_file: Path, smtp: tuple[Inbox, int]) -> None:
    inbox, port = smtp
    svc = VerificationService(desk, mailer=mailer(port), sms=FileSmsGateway(sms_file), clock=clock)
    c = svc.start_contact(agent, people["Ødegård"], "phone")
    sent = svc.send_code(agent, c.contact_id, "email")
    assert sent.sent_to == "k***@e***.com" and sent.expires_at == T0 + timedelta(minutes=10)
    assert inbox.recipients == [["kari.odegard@example.com"]]  # the registered address, nothing else
    msg = inbox.messages[0]
    assert "Engangskode" in msg["Subject"] and msg["From"] == "kundeservice@example.com"
    code = inbox.last_code()
    [row] = rows(desk, OneTimeCode)
    assert code not in " ".join(str(v) for v in vars(row).values())  # only the keyed hash is stored
    assert (row.customer_id, row.contact_id, row.channel, row.sent_to) == (people["Ødegård"], c.contact_id, "email",
                                                                           "k***@e***.com")
    assert log_count(desk, "code_sent") == 1

    clock.advance(minutes=3)
    state = svc.verify_code(agent, c.contact_id, f"{code[:3]} {code[3:]}")
    assert state.verified and state.method == "email_code"
    assert state.evidence == "one-time code by e-mail to k***@e***.com"
    with pytest.raises(VerificationFailed, match="already been used"):
        svc.verify_code(agent, c.contact_id, code)


def test_smtp_down_gives_a_clear_message_and_writes_no_code(desk: DeskContext, people: dict[str, int], agent: Actor,
                                                            svc: VerificationService) -> None:
    c = svc.start_contact(agent, people["Ødegård"], "phone")
    with pytest.raises(CodeNotSent) as exc:
        svc.send_code(agent, c.contact_id, "email")
    message = exc.value.message
    assert message.startswith("The code could not be sent: the mail server 127.0.0.1:")
    assert "refused the connection" in message and message.endswith("Nothing was verified.")
    assert "Ingenting er verifisert" in exc.value.message_nb
    assert rows(desk, OneTimeCode) == [] and rows(desk, IdentityVerification) == []
    assert log_count(desk, "code_not_sent") == 1 and log_count(desk, "code_sent") == 0


def test_expired_wrong_and_foreign_codes_fail_and_count(desk: DeskContext, people: dict[str, int], agent: Actor,
                                                        clock: Clock, sms_file: Path, smtp: tuple[Inbox, int]) -> None:
    inbox, port = smtp
    svc = VerificationService(desk, mailer=mailer(port), sms=FileSmsGateway(sms_file), clock=clock)
    kari = svc.start_contact(agent, people["Ødegård"], "phone")
    per = svc.start_contact(agent, people["Sæther"], "phone")

    with pytest.raises(InvalidInput, match="No code has been sent"):
        svc.verify_code(agent, kari.contact_id, "123456")

    svc.send_code(agent, per.contact_id, "email")
    pers_code = inbox.last_code()
    svc.send_code(agent, kari.contact_id, "email")
    karis_code = inbox.last_code()
    wrong = f"{(int(karis_code) + 1) % 1_000_000:06d}"
    if wrong == pers_code:
        wrong = f"{(int(karis_code) + 2) % 1_000_000:06d}"

    with pytest.raises(VerificationFailed) as exc:
        svc.verify_code(agent, kari.contact_id, pers_code)
    assert "issued for another customer" in exc.value.message and exc.value.failures == 1

    with pytest.raises(VerificationFailed, match="The code is wrong") as exc:
        svc.verify_code(agent, kari.contact_id, wrong)
    assert exc.value.failures == 2

    clock.advance(minutes=11)
    with pytest.raises(VerificationFailed, match="expired") as exc:
        svc.verify_code(agent, kari.contact_id, karis_code)
    assert exc.value.locked_until is not None  # the third failure locks
    assert log_count(desk, "verify_failed") == 3 and log_count(desk, "verify_locked") == 1
    assert not svc.is_verified(kari.contact_id).verified


def test_a_newer_code_replaces_the_older_one(desk: DeskContext, people: dict[str, int], agent: Actor, clock: Clock,
                                             sms_file: Path, smtp: tuple[Inbox, int]) -> None:
    inbox, port = smtp
    svc = VerificationService(desk, mailer=mailer(port), sms=FileSmsGateway(sms_file), clock=clock)
    c = svc.start_contact(agent, people["Ødegård"], "phone")
    svc.send_code(agent, c.contact_id, "email")
    first = inbox.last_code()
    clock.advance(minutes=1)
    svc.send_code(agent, c.contact_id, "email")
    second = inbox.last_code()
    if first != second:
        with pytest.raises(VerificationFailed, match="expired"):
            svc.verify_code(agent, c.contact_id, first)
    assert svc.verify_code(agent, c.contact_id, second).verified


def test_sms_code_through_the_file_gateway(desk: DeskContext, people: dict[str, int], agent: Actor,
                                           svc: VerificationService, sms_file: Path) -> None:
    c = svc.start_contact(agent, people["Ødegård"], "phone")
    sent = svc.send_code(agent, c.contact_id, "sms")
    assert sent.sent_to == "+47 *** ** 567"
    [line] = sms_file.read_text(encoding="utf-8").splitlines()
    record = json.loads(line)
    assert record["to"] == "+4791234567"  # the registered number, in E.164
    assert stat.S_IMODE(os.stat(sms_file).st_mode) == 0o600
    code = re.search(r"\b(\d{6})\b", record["text"]).group(1)  # type: ignore[union-attr]
    state = svc.verify_code(agent, c.contact_id, code)
    assert state.verified and state.method == "sms_code" and "+47 *** ** 567" in (state.evidence or "")


def test_sms_gateway_failure_and_missing_destination(desk: DeskContext, people: dict[str, int], agent: Actor,
                                                     clock: Clock, tmp_path: Path) -> None:
    svc = VerificationService(desk, mailer=mailer(free_port()), sms=FileSmsGateway(tmp_path / "no" / "dir.jsonl"),
                              clock=clock)
    c = svc.start_contact(agent, people["Ødegård"], "phone")
    with pytest.raises(CodeNotSent, match=r"the SMS file .* could not be written") as exc:
        svc.send_code(agent, c.contact_id, "sms")
    assert exc.value.message.endswith("Nothing was verified.")
    assert rows(desk, OneTimeCode) == []
    with desk.db.transaction() as s:
        s.get_one(Customer, people["Ødegård"]).email = None
    with pytest.raises(InvalidInput, match="No e-mail address is registered"):
        svc.send_code(agent, c.contact_id, "email")
    with pytest.raises(InvalidInput):
        svc.send_code(agent, c.contact_id, "pigeon")


def test_console_sms_gateway_prints() -> None:
    out = io.StringIO()
    ConsoleSmsGateway(out).send_sms("+4791234567", "Koden din er 123456")
    assert out.getvalue() == "SMS to +4791234567: Koden din er 123456\n"


def test_smtp_mailer_refuses_two_kinds_of_tls() -> None:
    with pytest.raises(ValueError, match="not both"):
        SmtpMailer("h", 1, starttls=True, ssl=True, username=None, password=None, sender="a@b.no")


# --- c) ID document, d) electronic ID --------------------------------------------------------------


def test_id_document_at_the_counter(desk: DeskContext, people: dict[str, int], agent: Actor,
                                    svc: VerificationService) -> None:
    phone = svc.start_contact(agent, people["Sæther"], "phone")
    with pytest.raises(InvalidInput, match="counter"):
        svc.verify_id_document(agent, phone.contact_id, "passport", "4821")
    counter = svc.start_contact(agent, people["Sæther"], "counter")
    for bad in ("12345", "1", "48 21 9", ""):
        with pytest.raises(InvalidInput):
            svc.verify_id_document(agent, counter.contact_id, "passport", bad)
    with pytest.raises(InvalidInput):
        svc.verify_id_document(agent, counter.contact_id, "library_card", "4821")
    with pytest.raises(VerificationFailed, match="does not match"):
        svc.verify_id_document(agent, counter.contact_id, "driving_licence", "77", matched=False)
    state = svc.verify_id_document(agent, counter.contact_id, "passport", " 48 21 ")
    assert state.verified and state.method == "id_document" and state.evidence == "passport, last digits 4821"
    assert [r.outcome for r in rows(desk, IdentityVerification)] == ["failed", "verified"]


def test_electronic_id(desk: DeskContext, people: dict[str, int], agent: Actor, svc: VerificationService) -> None:
    c = svc.start_contact(agent, people["Lindström"], "web")
    with pytest.raises(InvalidInput, match="Unknown electronic ID"):
        svc.verify_electronic_id(agent, c.contact_id, "MinID", "abcdef")
    with pytest.raises(InvalidInput, match="not the identity number"):
        svc.verify_electronic_id(agent, c.contact_id, "BankID", "15108695088")
    with pytest.raises(InvalidInput):
        svc.verify_electronic_id(agent, c.contact_id, "BankID", "ab")
    state = svc.verify_electronic_id(agent, c.contact_id, "BankID (SE)", "7c1e9a42-5d0b-4f7e-9a1d-2b2e7f30a9c3")
    assert state.verified and state.evidence == "BankID (SE) ref …a9c3"
    assert log_count(desk, "verified") == 1


# --- lifetime, reasons ------------------------------------------------------------------------------


def test_verification_lasts_for_the_contact_and_expires(desk: DeskContext, people: dict[str, int], agent: Actor,
                                                        clock: Clock, sms_file: Path) -> None:
    svc = VerificationService(desk, mailer=mailer(free_port()), sms=FileSmsGateway(sms_file), clock=clock,
                              valid_for=timedelta(minutes=5))
    c = svc.start_contact(agent, people["Sæther"], "phone")
    svc.verify_electronic_id(agent, c.contact_id, "BankID", "tx-1234")
    clock.advance(minutes=4, seconds=59)
    state = svc.is_verified(c.contact_id)
    assert state.verified
    assert state.describe("nb", UTC) == "Identitet bekreftet (Elektronisk ID: BankID ref …1234), gyldig til kl. 12:05."
    clock.advance(seconds=1)
    state = svc.is_verified(c.contact_id)
    assert not state.verified and state.method == "electronic_id"  # what it was, for "expired at ..."
    assert state.describe("en", UTC) == "The verification expired at 12:05; verify the identity again."
    svc.verify_electronic_id(agent, c.contact_id, "BankID", "tx-5678")
    assert svc.is_verified(c.contact_id).verified
    svc.end_contact(agent, c.contact_id)
    assert not svc.is_verified(c.contact_id).verified
    other = svc.start_contact(agent, people["Sæther"], "phone")
    assert not svc.is_verified(other.contact_id).verified  # a verification never carries to a new contact
    with pytest.raises(ValueError):
        VerificationService(desk, mailer=mailer(1), sms=FileSmsGateway(sms_file), valid_for=timedelta(0))


def test_access_reason(desk: DeskContext, people: dict[str, int], agent: Actor, svc: VerificationService,
                       clock: Clock) -> None:
    c = svc.start_contact(agent, people["Sæther"], "phone")
    for blank in ("", "   \n "):
        with pytest.raises(InvalidInput):
            svc.record_access_reason(agent, c.contact_id, blank)
    with pytest.raises(InvalidInput):
        svc.record_access_reason(agent, c.contact_id, "x" * 501)
    assert log_count(desk, "access_reason") == 0
    state = svc.record_access_reason(agent, c.contact_id, "  Intern   bedrageri-kontroll ")
    assert state.may_see_more and not state.verified and state.access_reason == "Intern bedrageri-kontroll"
    with desk.db.transaction() as s:
        entry = s.execute(select(AccessLogEntry).where(AccessLogEntry.action == "access_reason")).scalar_one()
    assert (entry.reason, entry.customer_id) == ("Intern bedrageri-kontroll", people["Sæther"])
    assert len(rows(desk, AccessReason)) == 1
    clock.advance(minutes=31)
    assert not svc.is_verified(c.contact_id).may_see_more


def test_contacts_and_verifications_go_with_the_customer(desk: DeskContext, people: dict[str, int], agent: Actor,
                                                         svc: VerificationService) -> None:
    c = svc.start_contact(agent, people["Sæther"], "phone")
    svc.verify_electronic_id(agent, c.contact_id, "BankID", "tx-1234")
    with desk.db.transaction() as s:
        s.delete(s.get(Customer, people["Sæther"]))
    assert rows(desk, Contact) == [] and rows(desk, IdentityVerification) == []
