"""`gdpr-desk request new|list`: for scripts and the mailroom; one-line messages, exit 1 on bad input."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from desktop.domain.deadlines import response_due
from desktop.domain.requests import RequestType
from desktop.services.context import DeskContext
from tests.helpers.cli import run_cli


@pytest.fixture
def db_arg(desk: DeskContext, people: dict[str, int], monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("GDPR_DESK_PASSWORD", "demo")
    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    monkeypatch.delenv("GDPR_DESK_LANG", raising=False)
    return str(desk.db.sqlite_path)


def test_new_prints_id_reference_and_due_date(capsys: pytest.CaptureFixture[str], db_arg: str,
                                              people: dict[str, int]) -> None:
    rc, out, err = run_cli(capsys, "--db", db_arg, "request", "new", "access", str(people["Åsen"]), "--agent", "agent")
    assert rc == 0, err
    rid, ref, state, due = out.strip().split("\t")
    assert ref == f"GDPR-{int(rid):06d}" and state == "received"
    assert due == f"due {response_due(date.today()).isoformat()}"


def test_new_with_received_date_and_channel(capsys: pytest.CaptureFixture[str], db_arg: str,
                                            people: dict[str, int]) -> None:
    received = date.today() - timedelta(days=3)
    rc, out, _ = run_cli(capsys, "--db", db_arg, "request", "new", "portability", str(people["Sæther"]), "--agent",
                     "agent", "--channel", "web", "--received", received.isoformat())
    assert rc == 0 and out.strip().endswith(f"due {response_due(received).isoformat()}")


def test_marketing_objection_from_the_mailroom_is_done_at_once(capsys: pytest.CaptureFixture[str], db_arg: str,
                                                               people: dict[str, int]) -> None:
    rc, out, _ = run_cli(capsys, "--db", db_arg, "request", "new", "objection_direct_marketing", str(people["Åsen"]),
                     "--agent", "agent", "--marketing-channel", "sms")
    assert rc == 0 and "\tdone\t" in out


def test_unknown_type_lists_the_valid_ones(capsys: pytest.CaptureFixture[str], db_arg: str,
                                           people: dict[str, int]) -> None:
    rc, out, err = run_cli(capsys, "--db", db_arg, "request", "new", "forget_me", str(people["Åsen"]),
                           "--agent", "agent")
    assert rc == 1 and out == ""
    assert err.startswith("gdpr-desk: Unknown request type 'forget_me'")
    assert all(t.value in err for t in RequestType) and err.count("\n") == 1


@pytest.mark.parametrize(("args", "message"), [
    (("access", "999999"), "Customer 999999 does not exist"),
    (("access", "abc"), "is not a customer id"),
    (("access", "{cid}", "--received", "2999-01-01"), "is in the future"),
    (("access", "{cid}", "--received", "31.01.2026"), "is not a date"),
    (("access", "{cid}", "--channel", "pigeon"), "Unknown channel 'pigeon'"),
])
def test_bad_input_is_one_line_and_exit_1(capsys: pytest.CaptureFixture[str], db_arg: str, people: dict[str, int],
                                          args: tuple[str, ...], message: str) -> None:
    argv = [a.format(cid=people["Åsen"]) for a in args]
    rc, out, err = run_cli(capsys, "--db", db_arg, "request", "new", *argv, "--agent", "agent")
    assert rc == 1 and out == "" and message in err and err.count("\n") == 1


def test_duplicate_is_refused_unless_allowed(capsys: pytest.CaptureFixture[str], db_arg: str,
                                             people: dict[str, int]) -> None:
    cid = str(people["Åsen"])
    assert run_cli(capsys, "--db", db_arg, "request", "new", "erasure", cid, "--agent", "agent")[0] == 0
    rc, _, err = run_cli(capsys, "--db", db_arg, "request", "new", "erasure", cid, "--agent", "agent")
    assert rc == 1 and "already open" in err
    rc, _, err = run_cli(capsys, "--db", db_arg, "request", "new", "erasure", cid, "--agent", "agent",
                       "--allow-duplicate")
    assert rc == 0 and "duplicate of request" in err


def test_list_overdue_and_mine(capsys: pytest.CaptureFixture[str], db_arg: str, people: dict[str, int]) -> None:
    old = date.today() - timedelta(days=90)
    new = run_cli(capsys, "--db", db_arg, "request", "new", "access", str(people["Åsen"]), "--agent", "agent")[1]
    late = run_cli(capsys, "--db", db_arg, "request", "new", "rectification", str(people["Sæther"]), "--agent",
               "supervisor", "--received", old.isoformat())[1]
    new_id, late_id = new.split("\t")[0], late.split("\t")[0]

    rc, out, _ = run_cli(capsys, "--db", db_arg, "request", "list", "--agent", "agent")
    lines = [line.split("\t") for line in out.strip().splitlines()]
    assert rc == 0 and [line[0] for line in lines] == [late_id, new_id]
    assert lines[0] == [late_id, "rectification", "received", str(people["Sæther"]),
                        response_due(old).isoformat(), str((response_due(old) - date.today()).days)]
    assert int(lines[0][5]) < 0 and lines[1][5] == str((response_due(date.today()) - date.today()).days)

    rc, out, _ = run_cli(capsys, "--db", db_arg, "request", "list", "--overdue", "--agent", "agent")
    assert rc == 0 and [line.split("\t")[0] for line in out.strip().splitlines()] == [late_id]
    rc, out, _ = run_cli(capsys, "--db", db_arg, "request", "list", "--mine", "--agent", "agent")
    assert [line.split("\t")[0] for line in out.strip().splitlines()] == [new_id]
    rc, out, _ = run_cli(capsys, "--db", db_arg, "request", "list", "--type", "rectification", "--agent", "agent")
    assert [line.split("\t")[0] for line in out.strip().splitlines()] == [late_id]


def test_list_needs_a_valid_login(capsys: pytest.CaptureFixture[str], db_arg: str,
                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GDPR_DESK_PASSWORD", "wrong")
    rc, out, err = run_cli(capsys, "--db", db_arg, "request", "list", "--agent", "agent")
    assert rc == 1 and out == "" and "Wrong user name or password" in err


def test_norwegian_messages(capsys: pytest.CaptureFixture[str], db_arg: str, people: dict[str, int],
                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GDPR_DESK_LANG", "nb")
    rc, _, err = run_cli(capsys, "--db", db_arg, "request", "new", "glem_meg", str(people["Åsen"]), "--agent", "agent")
    assert rc == 1 and "Ukjent henvendelsestype" in err
