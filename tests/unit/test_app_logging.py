"""The application log: one line per record, private files, and no personal data in it."""

from __future__ import annotations

import logging
import re
import socket
import stat
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from desktop import app_logging
from desktop.app_logging import LOG_FILE_NAME, SafeFormatter, configure_logging, escape_controls, mask_personal_data
from desktop.paths import log_dir
from tests.helpers.desks import login

FORGED = "Ola\nINFO forged entry"


def record(msg: str, *args: object, exc: BaseException | None = None) -> logging.LogRecord:
    info = (type(exc), exc, exc.__traceback__) if exc is not None else None
    return logging.LogRecord("desktop.test", logging.INFO, __file__, 1, msg, args or None, info)


@pytest.fixture
def log_file(tmp_path: Path) -> Iterator[Path]:
    """The desk's own log set up as the GUI does, in the test's private data folder."""
    setup = configure_logging()
    assert setup.path is not None
    try:
        yield setup.path
    finally:
        setup.close()


def lines(path: Path) -> list[str]:
    for handler in logging.getLogger().handlers:
        handler.flush()
    return path.read_text(encoding="utf-8").splitlines()


# --- one record, one line ------------------------------------------------------------------------


def test_a_name_with_a_line_break_logs_as_one_line(log_file: Path) -> None:
    logging.getLogger("desktop.test").warning("customer name was %s", FORGED)
    [line] = lines(log_file)
    assert line.endswith("WARNING desktop.test: customer name was Ola\\nINFO forged entry")


@pytest.mark.parametrize("char", ["\n", "\r", "\x1b", "\x00", "\x0b", "\x0c", "\x85", "\u2028", "\u2029",
                                  "\u202e", "\x1e"])
def test_every_line_breaking_or_disguising_character_is_escaped(char: str) -> None:
    text = SafeFormatter().format(record("before%safter", char))
    assert char not in text
    assert len(text.splitlines()) == 1
    assert "before\\" in text and "after" in text


def test_escapes_read_back_as_what_was_written() -> None:
    assert escape_controls("a\nb\rc\td\x1be\x00f\u2028g") == "a\\nb\\rc\\td\\x1be\\x00f\\u2028g"
    assert escape_controls("Ødegård – “ok”") == "Ødegård – “ok”"  # ordinary letters and punctuation untouched


def test_a_traceback_stays_in_the_record_line(log_file: Path) -> None:
    try:
        raise RuntimeError(FORGED)
    except RuntimeError:
        logging.getLogger("desktop.test").exception("the call failed")
    [line] = lines(log_file)
    assert " | Traceback (most recent call last):\\n" in line
    assert "RuntimeError: Ola\\nINFO forged entry" in line


def test_the_terminal_gets_one_sentence_and_the_file_the_traceback(tmp_path: Path,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    with configure_logging(directory=tmp_path / "logs", stderr_level=logging.WARNING, stream=sys.stderr) as setup:
        try:
            raise KeyError("purchase")
        except KeyError:
            logging.getLogger("desktop.test").exception("the call failed")
        assert setup.path is not None
        [line] = lines(setup.path)
    err = capsys.readouterr().err
    assert err == "gdpr-desk: ERROR desktop.test: the call failed (KeyError)\n"
    assert "Traceback" in line and "KeyError: 'purchase'" in line


def test_unformattable_arguments_are_not_written() -> None:
    text = SafeFormatter().format(record("%d customers", "ola.nordmann@example.com"))
    assert "example.com" not in text and "%d customers" in text


# --- personal data that slipped in ---------------------------------------------------------------


@pytest.mark.parametrize(("raw", "hidden", "shown"), [
    ("mail to kari.odegard@example.com failed", "kari.odegard@example.com", "k***@e***.com"),
    ("phone +47 912 34 567 busy", "912 34", "+47 *** ** 567"),
    ("phone 91234567 busy", "91234567", "+47 *** ** 567"),
    ("ring 070-123 45 67", "123 45", "+46"),
])
def test_contact_details_are_masked(raw: str, hidden: str, shown: str) -> None:
    masked = mask_personal_data(raw)
    assert hidden not in masked and shown in masked


def test_identity_numbers_are_masked() -> None:
    import random
    from datetime import date

    from desktop.domain.national_id import synthetic_no, synthetic_se

    rng = random.Random(3)
    norwegian, swedish = synthetic_no(rng, date(1980, 5, 17)), synthetic_se(rng, date(1975, 2, 3))
    for number in (norwegian, swedish, f"{norwegian[:6]} {norwegian[6:]}"):
        masked = mask_personal_data(f"lookup {number} failed")
        assert number not in masked and number[-4:] not in masked and "*" in masked, masked


def test_other_long_digit_runs_are_masked_but_dates_and_ids_stay() -> None:
    assert mask_personal_data("order 123456789012345") == "order ***************"
    kept = "contact 4711 ended at 2024-05-01 12:30:05; request GDPR-000123"
    assert mask_personal_data(kept) == kept


def test_masking_happens_in_the_final_line_message_and_traceback(log_file: Path) -> None:
    log = logging.getLogger("desktop.test")
    log.info("sent to %s", "ola.nordmann@example.com")
    try:
        raise ValueError("no such address: per.saether@example.net, 48123456")
    except ValueError:
        log.exception("delivery failed")
    text = "\n".join(lines(log_file))
    for value in ("ola.nordmann@example.com", "per.saether@example.net", "48123456"):
        assert value not in text
    assert "o***@e***.com" in text and "p***@e***.net" in text


def test_digits_hidden_by_a_control_character_are_still_masked() -> None:
    text = SafeFormatter().format(record("number %s", "9123\x004567"))
    assert "9123" not in text and "4567" not in text


# --- the file ----------------------------------------------------------------------------------------


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_the_file_is_private_in_a_private_folder(log_file: Path) -> None:
    logging.getLogger("desktop.test").info("started")
    assert log_file == log_dir() / LOG_FILE_NAME
    assert stat.S_IMODE(log_file.stat().st_mode) == 0o600
    assert stat.S_IMODE(log_file.parent.stat().st_mode) == 0o700
    assert len(lines(log_file)) == 1


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_a_wider_old_file_is_made_private_and_rotation_keeps_it_private(tmp_path: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "logs"
    folder.mkdir(mode=0o755)
    (folder / LOG_FILE_NAME).write_text("old\n")
    (folder / LOG_FILE_NAME).chmod(0o644)
    monkeypatch.setattr(app_logging, "MAX_BYTES", 200)
    with configure_logging(directory=folder) as setup:
        assert setup.path is not None
        for i in range(20):
            logging.getLogger("desktop.test").info("line %s of the rotation test", i)
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    files = sorted(folder.iterdir())
    assert len(files) > 1
    assert all(stat.S_IMODE(f.stat().st_mode) == 0o600 for f in files), [oct(f.stat().st_mode) for f in files]


def test_a_second_configuration_is_inert_and_close_restores(tmp_path: Path) -> None:
    root = logging.getLogger()
    before_handlers, before_level = list(root.handlers), root.level
    with configure_logging() as outer:
        assert root.level == logging.INFO
        assert logging.getLogger("sqlalchemy").level == logging.WARNING
        inner = configure_logging(stderr_level=logging.WARNING)
        assert inner.handlers == () and len(root.handlers) == len(before_handlers) + len(outer.handlers)
        inner.close()
        assert all(h in root.handlers for h in outer.handlers)
    assert root.handlers == before_handlers and root.level == before_level


def test_an_unwritable_folder_falls_back_to_stderr(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    with configure_logging(directory=blocker / "logs", stream=sys.stderr) as setup:
        assert setup.path is None
        logging.getLogger("desktop.test").warning("mail to %s failed", "kari.odegard@example.com")
    err = capsys.readouterr().err
    assert "the application log cannot be written" in err
    assert "k***@e***.com" in err and "kari.odegard" not in err


# --- real work on a demo database logs no personal data --------------------------------------------


class _Everything(logging.Handler):
    """Every record at every level, formatted plainly: what any handler could have been given."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.texts: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        text = record.getMessage()
        if record.exc_info:
            text += "\n" + logging.Formatter().formatException(record.exc_info)
        self.texts.append(text)


@pytest.fixture
def everything() -> Iterator[_Everything]:
    root = logging.getLogger()
    catcher = _Everything()
    setup = configure_logging()
    level = root.level
    root.addHandler(catcher)
    root.setLevel(logging.DEBUG)
    try:
        yield catcher
    finally:
        root.removeHandler(catcher)
        root.setLevel(level)
        setup.close()


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
    return port


def test_a_day_at_the_desk_logs_no_personal_data(desk: Any, tmp_path: Path, everything: _Everything) -> None:
    from desktop.demo.generator import generate_demo_data
    from desktop.models import Address, Customer
    from desktop.services.profile import ProfileService
    from desktop.services.requests import RequestService
    from desktop.services.search import SearchService
    from desktop.services.verification import (
        CodeNotSent,
        FileSmsGateway,
        SmtpMailer,
        VerificationService,
    )

    generate_demo_data(desk, customers=12, seed=4)
    with desk.db.transaction() as s:
        person = s.execute(select(Customer).where(Customer.email.is_not(None), Customer.phone.is_not(None),
                                                  Customer.nid_encrypted.is_not(None)).limit(1)).scalar_one()
        address = s.execute(select(Address).where(Address.customer_id == person.id).limit(1)).scalar_one_or_none()
        first, last, mail, phone, customer_id = (person.first_name, person.last_name, person.email, person.phone,
                                                 person.id)
        street = address.street if address is not None else None

    agent = login(desk, "agent")
    search = SearchService(desk)
    assert any(h.customer_id == customer_id for h in search.search(agent, f"{first} {last}").hits)
    search.search(agent, mail or "")
    search.search(agent, phone or "")
    mailer = SmtpMailer("127.0.0.1", _closed_port(), starttls=False, ssl=False, username=None, password=None,
                        sender="desk@example.com", timeout=2)
    verification = VerificationService(desk, mailer=mailer, sms=FileSmsGateway(tmp_path / "sms.jsonl"))
    contact = verification.start_contact(agent, customer_id, "counter")
    profiles = ProfileService(desk)
    profiles.open_profile(agent, customer_id, contact.contact_id)
    with pytest.raises(CodeNotSent):
        verification.send_code(agent, contact.contact_id, "email")
    verification.verify_id_document(agent, contact.contact_id, "passport", "1234")
    for summary in profiles.open_profile(agent, customer_id, contact.contact_id).purposes:
        profiles.open_group(agent, customer_id, summary.key, contact.contact_id)
    full = profiles.reveal_national_id(agent, customer_id, contact.contact_id, "confirm the number", "demo")
    search.search(agent, full.formatted)
    RequestService(desk).file(agent, "access", customer_id, channel="phone", notes=f"Called from {phone}")
    verification.end_contact(agent, contact.contact_id)

    logging.getLogger("desktop.test").debug("probe %s", customer_id)  # the capture does see DEBUG
    assert f"probe {customer_id}" in everything.texts
    written = "\n".join(everything.texts) + "\n" + "\n".join(lines(log_dir() / LOG_FILE_NAME))
    digits = "".join(ch for ch in full.formatted if ch.isdigit())
    for value in (f"{first} {last}", mail, phone, full.formatted, digits, street):
        assert not value or value not in written, f"{value!r} reached the log"
    assert not re.search(rf"\b{re.escape(last)}\b", written), "the surname reached the log"
    # SQLAlchemy writes statements, parameters and rows below WARNING; the desk holds it there.
    assert not any(t.startswith(("SELECT", "INSERT", "UPDATE", "Row ")) for t in everything.texts)
