"""The Twilio SMS adapter against a local server that follows Twilio's Messages API, errors included;
the demo-only file outbox, its expiry, and its purge when a person is erased."""

from __future__ import annotations

import json
import os
import re
import socket
import stat
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from desktop.adapters.sms_http import TwilioConfig, TwilioSmsGateway
from desktop.adapters.sms_outbox import DemoSmsOutbox, SmsChoice, UnconfiguredSms, choose_sms_gateway
from desktop.errors import DeliveryFailed, InvalidInput
from tests.helpers.fake_twilio import (
    ACCOUNT_SID,
    AUTH_TOKEN,
    INVALID_TO,
    LANDLINE_TO,
    UNSUBSCRIBED_TO,
    FakeTwilio,
    fake_twilio,
)


@pytest.fixture
def twilio() -> Any:
    with fake_twilio() as server:
        yield server


def gateway(server: FakeTwilio, *, sender: str = "+4759440000", token: str | None = AUTH_TOKEN,
            sid: str = ACCOUNT_SID, timeout: float = 5.0) -> TwilioSmsGateway:
    return TwilioSmsGateway(TwilioConfig(sid, sender, server.base_url, timeout), lambda: token)


def test_a_message_is_posted_as_twilio_documents(twilio: FakeTwilio) -> None:
    gw = gateway(twilio)
    gw.send_sms("+4791234567", "Koden din er 123 456. Æ ø å.")
    assert twilio.received == [{"To": "+4791234567", "From": "+4759440000", "Body": "Koden din er 123 456. Æ ø å."}]
    assert gw.last_sid is not None and gw.last_sid.startswith("SM")
    service = gateway(twilio, sender="MG" + "ab" * 16)
    service.send_sms("+4791234567", "x")
    assert twilio.received[-1]["MessagingServiceSid"] == "MG" + "ab" * 16 and "From" not in twilio.received[-1]
    gateway(twilio, sender="Teknikprof").send_sms("+46701234567", "y")
    assert twilio.received[-1]["From"] == "Teknikprof"


@pytest.mark.parametrize(("to", "mode", "token", "sid", "expected"), [
    (INVALID_TO, "", AUTH_TOKEN, ACCOUNT_SID, "not a valid number for SMS (Twilio 21211)"),
    (UNSUBSCRIBED_TO, "", AUTH_TOKEN, ACCOUNT_SID, "replied STOP) (Twilio 21610)"),
    (LANDLINE_TO, "", AUTH_TOKEN, ACCOUNT_SID, "not a mobile number) (Twilio 21614)"),
    ("+4791234567", "", "wrong-token", ACCOUNT_SID, "refused the account SID or auth token (check Settings) "
                                                    "(Twilio 20003)"),
    ("+4791234567", "", AUTH_TOKEN, "AC" + "f" * 32, "does not know this account"),
    ("+4791234567", "rate_limit", AUTH_TOKEN, ACCOUNT_SID, "try again in a minute (Twilio 20429)"),
    ("+4791234567", "server_error", AUTH_TOKEN, ACCOUNT_SID, "not available right now (HTTP 500)"),
    ("+4791234567", "garbage", AUTH_TOKEN, ACCOUNT_SID, "answer was not understood"),
])
def test_provider_errors_become_clear_messages_without_the_number(
        twilio: FakeTwilio, to: str, mode: str, token: str, sid: str, expected: str) -> None:
    twilio.mode = mode
    with pytest.raises(DeliveryFailed) as caught:
        gateway(twilio, token=token, sid=sid).send_sms(to, "code")
    assert expected in caught.value.message, caught.value.message
    assert caught.value.message_nb != caught.value.message
    digits = re.sub(r"\D", "", to)
    assert digits not in re.sub(r"\D", "", caught.value.message)  # never the recipient's number
    assert twilio.received == []


def test_unreachable_stalled_and_unconfigured(twilio: FakeTwilio) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        free = s.getsockname()[1]
    closed = TwilioSmsGateway(TwilioConfig(ACCOUNT_SID, "+4759440000", f"http://127.0.0.1:{free}"), lambda: AUTH_TOKEN)
    with pytest.raises(DeliveryFailed, match="could not be reached"):
        closed.send_sms("+4791234567", "x")
    twilio.mode = "stall"
    with pytest.raises(DeliveryFailed, match="could not be reached"):
        gateway(twilio, timeout=1).send_sms("+4791234567", "x")
    with pytest.raises(DeliveryFailed, match="no SMS auth token"):
        gateway(twilio, token=None).send_sms("+4791234567", "x")
    with pytest.raises(DeliveryFailed, match="international form"):
        gateway(twilio).send_sms("91234567", "x")


@pytest.mark.parametrize(("sid", "sender", "base", "match"), [
    ("AC123", "+4759440000", "https://api.twilio.com", "account SID"),
    (ACCOUNT_SID, "Teknikproffset AS", "https://api.twilio.com", "SMS sender"),
    (ACCOUNT_SID, "12345", "https://api.twilio.com", "SMS sender"),
    (ACCOUNT_SID, "+4759440000", "http://api.twilio.com", "https://"),
    (ACCOUNT_SID, "+4759440000", "file:///etc/passwd", "https://"),
])
def test_settings_that_cannot_work_are_refused(sid: str, sender: str, base: str, match: str) -> None:
    with pytest.raises(InvalidInput, match=match):
        TwilioSmsGateway(TwilioConfig(sid, sender, base), lambda: AUTH_TOKEN)


def test_which_gateway_a_desk_gets(tmp_path: Path) -> None:
    outbox = tmp_path / "sms-outbox.jsonl"
    args: dict[str, Any] = {"outbox": outbox, "keep_for": timedelta(minutes=10), "auth_token": lambda: AUTH_TOKEN}
    real = choose_sms_gateway(SmsChoice(), demo=False, **args)
    assert isinstance(real, UnconfiguredSms)
    with pytest.raises(DeliveryFailed, match="SMS is not set up"):
        real.send_sms("+4791234567", "x")
    assert not outbox.exists()  # a real database never writes numbers and codes to a file
    assert isinstance(choose_sms_gateway(SmsChoice(), demo=True, **args), DemoSmsOutbox)
    twilio = choose_sms_gateway(SmsChoice("twilio", ACCOUNT_SID, "+4759440000"), demo=True, **args)
    assert isinstance(twilio, TwilioSmsGateway) and twilio.endpoint.startswith("https://api.twilio.com/2010-04-01/")


def test_the_demo_outbox_keeps_a_message_only_while_its_code_is_valid(tmp_path: Path) -> None:
    now = [datetime(2026, 12, 7, 12, 0, tzinfo=UTC)]
    box = DemoSmsOutbox(tmp_path / "out.jsonl", keep_for=timedelta(minutes=10), clock=lambda: now[0])
    box.send_sms("+4791234567", "kode 111111")
    now[0] += timedelta(minutes=5)
    box.send_sms("+4748123456", "kode 222222")
    assert [ln["to"] for ln in box.lines()] == ["+4791234567", "+4748123456"]
    if os.name == "posix":
        assert stat.S_IMODE(box.path.stat().st_mode) == 0o600
    now[0] += timedelta(minutes=6)
    assert [ln["to"] for ln in box.lines()] == ["+4748123456"]
    assert box.purge_expired() == 1
    assert "111111" not in box.path.read_text(encoding="utf-8")
    assert box.purge_numbers(["+4748123456"]) == 1
    assert box.path.read_text(encoding="utf-8") == ""
    box.path.write_text('{"at": "old line without expiry", "to": "+4791234567", "text": "kode 333333"}\nnot json\n',
                        encoding="utf-8")
    box.send_sms("+4791234567", "kode 444444")
    assert [json.loads(x)["text"] for x in box.path.read_text(encoding="utf-8").splitlines()] == ["kode 444444"]


def test_a_code_by_sms_through_twilio_verifies_the_caller(desk, people, agent, twilio: FakeTwilio) -> None:  # type: ignore[no-untyped-def]
    from desktop.bootstrap import UnconfiguredMailer
    from desktop.services.verification import CodeNotSent, VerificationService

    svc = VerificationService(desk, mailer=UnconfiguredMailer(), sms=gateway(twilio))
    contact = svc.start_contact(agent, people["Ødegård"], "phone")
    sent = svc.send_code(agent, contact.contact_id, "sms")
    assert sent.sent_to == "+47 *** ** 567"
    message = twilio.received[-1]
    assert message["To"] == "+4791234567"
    code = re.search(r"\b(\d{6})\b", message["Body"])
    assert code is not None
    assert svc.verify_code(agent, contact.contact_id, code.group(1)).verified
    twilio.mode = "rate_limit"
    again = svc.start_contact(agent, people["Ødegård"], "phone")
    with pytest.raises(CodeNotSent, match="try again in a minute"):
        svc.send_code(agent, again.contact_id, "sms")


def test_the_demo_outbox_is_cleaned_of_an_erased_person(desk, people, tmp_path: Path, capsys,  # type: ignore[no-untyped-def]
                                                        monkeypatch) -> None:
    from desktop.adapters.sms_outbox import default_outbox
    from desktop.audit.log import utcnow
    from desktop.cli import main
    from tests.helpers.desks import login
    from tests.unit.test_erasure import filed, services

    monkeypatch.setenv("GDPR_DESK_PASSWORD", "demo")
    box = DemoSmsOutbox(default_outbox(), keep_for=timedelta(minutes=10))
    box.send_sms("+4791234567", "kode 111111")  # Kari Ødegård's phone
    box.send_sms("+4748123456", "kode 222222")  # Per Sæther's
    agent = login(desk, "agent")
    rid = filed(desk, agent, people["Ødegård"], now=utcnow())
    _, erasure = services(desk, utcnow())
    erasure.approve(login(desk, "supervisor"), rid, "demo", erasure.get_plan(agent, rid).fingerprint)
    rc = main(["--db", str(desk.db.sqlite_path), "erasure", "execute", str(rid), "--agent", "agent"])
    assert rc == 0, capsys.readouterr().err
    assert [ln["to"] for ln in box.lines()] == ["+4748123456"]
    assert "111111" not in box.path.read_text(encoding="utf-8")


def test_cli_stores_the_token_in_the_keyring(monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    import io

    import keyring

    from desktop.cli import main

    monkeypatch.setattr("sys.stdin", io.StringIO(AUTH_TOKEN + "\n"))
    assert main(["sms", "token"]) == 0
    assert keyring.get_password("gdpr-desk", "sms") == AUTH_TOKEN
    assert AUTH_TOKEN not in capsys.readouterr().out
    assert main(["sms", "token", "--clear"]) == 0
    assert keyring.get_password("gdpr-desk", "sms") is None
