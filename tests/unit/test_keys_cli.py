"""`gdpr-desk keys export` / `keys import` on SQLite, and the key check every open makes."""

from __future__ import annotations

import io
import json
import sqlite3
import stat
from pathlib import Path

import keyring
import pytest

from desktop.cli import main
from desktop.errors import KeyringUnavailable
from desktop.security import key_transfer
from desktop.security.keys import SERVICE, DeskKeys, export_keys
from desktop.services.context import DeskContext, open_desk
from desktop.services.search import SearchService
from desktop.services.team_setup import import_keys_file
from tests.helpers.desks import login, sqlite_file
from tests.helpers.memory_keyring import MemoryKeyring

pytestmark = pytest.mark.usefixtures("cheap_scrypt")

PASSPHRASE = "a long enough passphrase"


@pytest.fixture(autouse=True)
def english(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GDPR_DESK_LANG", "en")


def _stdin(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(text))


def _export(desk: DeskContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    out = tmp_path / "keys.json"
    _stdin(monkeypatch, PASSPHRASE + "\n")
    assert main(["keys", "export", "--db", str(desk.db.sqlite_path), "--out", str(out), "--passphrase-stdin"]) == 0
    return out


def _logged_search(desk: DeskContext, people: dict[str, int]) -> None:

    agent = login(desk, "agent")
    SearchService(desk).search(agent, "nordmann")


def test_export_then_import_into_another_keyring(desk: DeskContext, people: dict[str, int], tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    _logged_search(desk, people)
    out = _export(desk, tmp_path, monkeypatch)
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    header = json.loads(out.read_text())
    assert header["instance_id"] == desk.instance_id and header["kdf"]["name"] == "scrypt"
    assert export_keys(desk.keys).split('"')[3] not in out.read_text()  # the keys are not in the clear
    desk.close()

    workstation = MemoryKeyring()
    keyring.set_keyring(workstation)
    _stdin(monkeypatch, PASSPHRASE + "\n")
    assert main(["keys", "import", "--db", str(desk.db.sqlite_path), "--in", str(out), "--passphrase-stdin"]) == 0
    assert "verified against the database's key check value" in capsys.readouterr().out
    ctx = open_desk(f"sqlite:///{desk.db.sqlite_path}")
    try:
        assert (ctx.keys.nid_hash, ctx.keys.nid_enc, ctx.keys.audit) == (desk.keys.nid_hash, desk.keys.nid_enc,
                                                                         desk.keys.audit)
        with ctx.db.transaction() as s:
            assert ctx.audit.verify(s).ok
    finally:
        ctx.close()


def test_export_refuses_an_existing_file_a_short_passphrase_and_no_terminal(
        desk: DeskContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(desk.db.sqlite_path)
    existing = tmp_path / "there.json"
    existing.write_text("keep me")
    _stdin(monkeypatch, PASSPHRASE + "\n")
    assert main(["keys", "export", "--db", db, "--out", str(existing), "--passphrase-stdin"]) == 1
    assert "exists already" in capsys.readouterr().err and existing.read_text() == "keep me"

    _stdin(monkeypatch, "short\n")
    assert main(["keys", "export", "--db", db, "--out", str(tmp_path / "k.json"), "--passphrase-stdin"]) == 1
    assert "at least 12 characters" in capsys.readouterr().err and not (tmp_path / "k.json").exists()

    _stdin(monkeypatch, "")  # not a terminal, and no --passphrase-stdin
    assert main(["keys", "export", "--db", db, "--out", str(tmp_path / "k.json")]) == 1
    assert "--passphrase-stdin" in capsys.readouterr().err and not (tmp_path / "k.json").exists()


def test_export_asks_twice_in_a_terminal(desk: DeskContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    answers = iter([PASSPHRASE, PASSPHRASE + "!"])
    monkeypatch.setattr("sys.stdin.isatty", lambda: True, raising=False)
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(answers))
    out = tmp_path / "k.json"
    assert main(["keys", "export", "--db", str(desk.db.sqlite_path), "--out", str(out)]) == 1
    assert "differ" in capsys.readouterr().err and not out.exists()


def test_import_refuses_a_wrong_passphrase_and_keeps_the_keyring(desk: DeskContext, tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    out = _export(desk, tmp_path, monkeypatch)
    workstation = MemoryKeyring()
    keyring.set_keyring(workstation)
    _stdin(monkeypatch, "this is not the passphrase\n")
    assert main(["keys", "import", "--db", str(desk.db.sqlite_path), "--in", str(out), "--passphrase-stdin"]) == 1
    assert "Wrong passphrase" in capsys.readouterr().err and workstation.store == {}


def test_import_refuses_what_is_not_an_export(desk: DeskContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    junk = tmp_path / "junk.json"
    junk.write_text('{"format": "something else"}')
    assert main(["keys", "import", "--db", str(desk.db.sqlite_path), "--in", str(junk), "--passphrase-stdin"]) == 1
    assert "is not a GDPR Desk key export" in capsys.readouterr().err
    assert main(["keys", "import", "--db", str(desk.db.sqlite_path), "--in", str(tmp_path / "none.json")]) == 1
    assert "cannot be read" in capsys.readouterr().err


def test_open_refuses_keys_of_another_database(desk: DeskContext, memory_keyring: MemoryKeyring) -> None:
    path = desk.db.sqlite_path
    desk.close()
    other = DeskKeys(b"\x07" * 32, b"\x08" * 32, b"\x09" * 32, "keyring")
    memory_keyring.store[(SERVICE, f"db:{desk.instance_id}")] = export_keys(other)
    with pytest.raises(KeyringUnavailable) as exc:
        open_desk(f"sqlite:///{path}")
    assert "do not belong to database" in exc.value.message and "gdpr-desk keys import" in exc.value.message


def test_an_older_database_without_a_key_check_is_verified_against_its_data(
        desk: DeskContext, people: dict[str, int], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _logged_search(desk, people)
    out = _export(desk, tmp_path, monkeypatch)
    desk.close()
    with sqlite3.connect(sqlite_file(desk)) as conn:
        conn.execute("DELETE FROM db_meta WHERE key = 'key_check'")
    keyring.set_keyring(MemoryKeyring())
    url = f"sqlite:///{desk.db.sqlite_path}"
    done = import_keys_file(url, out, lambda: PASSPHRASE)
    assert done.outcome == "added"
    assert done.checked_against == "the first access-log entry and a stored identity number"

    forged = tmp_path / "forged.json"
    wrong = DeskKeys(desk.keys.nid_hash, b"\x05" * 32, desk.keys.audit, "keyring")  # one key wrong
    forged.write_bytes(key_transfer.seal(wrong, desk.instance_id, "x", "2026-01-01", PASSPHRASE))
    with pytest.raises(KeyringUnavailable) as exc:
        import_keys_file(url, forged, lambda: PASSPHRASE)
    assert "do not belong to database" in exc.value.message


def _meta_keys(path: Path) -> set[str]:
    with sqlite3.connect(path) as conn:
        return {r[0] for r in conn.execute("SELECT key FROM db_meta")}


def test_a_workstation_without_the_keys_is_told_to_import_them_not_given_new_ones(
        desk: DeskContext, memory_keyring: MemoryKeyring) -> None:
    path = desk.db.sqlite_path
    desk.close()
    memory_keyring.store.clear()  # the keyring entry vanished (another workstation, a new profile)
    with pytest.raises(KeyringUnavailable) as exc:
        open_desk(f"sqlite:///{path}", migrate=True, create_keys=True)
    assert "has no keys for database" in exc.value.message and "gdpr-desk keys import" in exc.value.message
    assert memory_keyring.store == {}  # no wrong keys were made to be found next time


def test_new_keys_for_an_older_database_with_data_are_refused_not_recorded(
        desk: DeskContext, people: dict[str, int], memory_keyring: MemoryKeyring) -> None:
    """No key check value yet, but an access log and identity numbers that other keys made."""
    _logged_search(desk, people)
    path = sqlite_file(desk)
    desk.close()
    with sqlite3.connect(path) as conn:
        conn.execute("DELETE FROM db_meta WHERE key = 'key_check'")
    memory_keyring.store.clear()
    with pytest.raises(KeyringUnavailable) as exc:
        open_desk(f"sqlite:///{path}", migrate=True, create_keys=True)
    assert "do not belong to database" in exc.value.message and "nothing was changed" in exc.value.message
    assert "key_check" not in _meta_keys(path)


def test_the_keys_of_an_older_database_with_nothing_to_check_are_recorded(tmp_path: Path) -> None:
    """Nothing to check them against yet: the keys are recorded, and every later open checks them."""
    path = tmp_path / "older.sqlite3"
    open_desk(f"sqlite:///{path}", migrate=True).close()
    with sqlite3.connect(path) as conn:
        conn.execute("DELETE FROM db_meta WHERE key = 'key_check'")
    again = open_desk(f"sqlite:///{path}", migrate=True)
    again.close()
    assert "key_check" in _meta_keys(path)
