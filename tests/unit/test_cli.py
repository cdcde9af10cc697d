"""The admin commands: clear one-line messages and exit codes, never a traceback."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.services.context import DeskContext
from tests.helpers.cli import run_cli


@pytest.fixture
def db_arg(desk: DeskContext, people: dict[str, int]) -> str:
    return str(desk.db.sqlite_path)


def test_deadline(capsys: pytest.CaptureFixture[str]) -> None:
    rc, out, _ = run_cli(capsys, "deadline", "2026-01-31")
    assert rc == 0 and "due 2026-02-28" in out and "extended 2026-04-28" in out
    rc, _, err = run_cli(capsys, "deadline", "2026-02-30")
    assert rc == 1 and "is not a date" in err


def test_search_prints_id_name_and_masked_contact(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
                                                  db_arg: str, people: dict[str, int]) -> None:
    monkeypatch.setenv("GDPR_DESK_PASSWORD", "demo")
    rc, out, _ = run_cli(capsys, "--db", db_arg, "search", "odegard", "--agent", "agent")
    assert rc == 0
    line = out.strip()
    assert line.startswith(f"{people['Ødegård']}\tKari Ødegård\t")
    assert "k***@e***.com" in line and "+47 *** ** 567" in line
    assert "kari.odegard" not in line and "912" not in line


def test_search_wrong_password(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
                               db_arg: str) -> None:
    monkeypatch.setenv("GDPR_DESK_PASSWORD", "wrong")
    monkeypatch.setenv("LANG", "nb_NO.UTF-8")
    rc, out, err = run_cli(capsys, "--db", db_arg, "search", "odegard", "--agent", "agent")
    assert rc == 1 and out == "" and "Feil brukernavn eller passord" in err


def test_accounts_add_and_disable(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
                                  db_arg: str) -> None:
    monkeypatch.setenv("GDPR_DESK_PASSWORD", "s3cret!")
    assert run_cli(capsys, "--db", db_arg, "accounts", "add", "nina", "--role", "supervisor")[0] == 0
    rc, _, err = run_cli(capsys, "--db", db_arg, "accounts", "add", "nina", "--role", "agent")
    assert rc == 1 and "exists" in err
    assert run_cli(capsys, "--db", db_arg, "search", "hansen", "--agent", "nina")[0] == 0
    assert run_cli(capsys, "--db", db_arg, "accounts", "disable", "nina")[0] == 0
    rc, _, err = run_cli(capsys, "--db", db_arg, "search", "hansen", "--agent", "nina")
    assert rc == 1 and "disabled" in err


def test_audit_verify_exit_codes(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, desk: DeskContext,
                                 db_arg: str) -> None:
    monkeypatch.setenv("GDPR_DESK_PASSWORD", "demo")
    for q in ("hansen", "sæther"):
        assert run_cli(capsys, "--db", db_arg, "search", q, "--agent", "agent")[0] == 0
    rc, out, _ = run_cli(capsys, "--db", db_arg, "audit", "verify")
    assert rc == 0 and "intact: 4 entries" in out  # a login and a search each
    desk.db.dispose()
    conn = sqlite3.connect(db_arg)
    conn.execute("DROP TRIGGER access_log_no_update")
    conn.execute("UPDATE access_log SET workstation = 'elsewhere' WHERE seq = 2")
    conn.commit()
    conn.close()
    rc, out, _ = run_cli(capsys, "--db", db_arg, "audit", "verify")
    assert rc == 3 and "broken at entry 2" in out


def test_db_upgrade_creates_the_schema(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    target = tmp_path / "new.sqlite3"
    rc, out, _ = run_cli(capsys, "--db", str(target), "db", "upgrade")
    assert rc == 0 and "empty ->" in out
    rc, out, _ = run_cli(capsys, "--db", str(target), "db", "upgrade")
    assert rc == 0


def test_missing_database_is_a_message_not_a_new_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    target = tmp_path / "typo.sqlite3"
    rc, _, err = run_cli(capsys, "--db", str(target), "audit", "verify")
    assert rc == 1 and "No database file" in err and not target.exists()


def test_no_traceback_from_a_subprocess(tmp_path: Path) -> None:
    bad = tmp_path / "garbage.sqlite3"
    bad.write_bytes(b"\x00garbage" * 500)
    proc = subprocess.run([sys.executable, "-m", "desktop", "--db", str(bad), "audit", "verify"],
                          capture_output=True, text=True, timeout=60, check=False)
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr and "damaged" in proc.stderr


def test_demo_data_refuses_a_real_database(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    target = tmp_path / "real.sqlite3"
    assert run_cli(capsys, "--db", str(target), "db", "upgrade")[0] == 0
    rc, _, err = run_cli(capsys, "--db", str(target), "demo-data", "--customers", "5")
    assert rc == 1 and "not a demo database" in err


@pytest.mark.parametrize(("env", "expected"), [("nb_NO.UTF-8", "Feil brukernavn eller passord."),
                                               ("sv_SE.UTF-8", "Fel användarnamn eller lösenord."),
                                               ("en_GB.UTF-8", "Wrong user name or password.")])
def test_messages_follow_the_terminal_language(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
                                                db_arg: str, env: str, expected: str) -> None:
    monkeypatch.delenv("GDPR_DESK_LANG", raising=False)
    monkeypatch.setenv("LANG", env)
    monkeypatch.setenv("GDPR_DESK_PASSWORD", "wrong")
    rc, _out, err = run_cli(capsys, "--db", db_arg, "search", "hansen", "--agent", "agent")
    assert rc == 1 and expected in err
