"""The connection check: the right verdict for each way a database setting can be wrong, and no side effects.

PostgreSQL on this machine trusts every local connection, so it never refuses a password. The
wrong-password and password-needed cases run libpq for real against a tiny stand-in server that
speaks just enough of the PostgreSQL wire protocol to ask for a password and refuse it, which
produces exactly the error and flags a real server's refusal does. The server itself is tested in
tests/pg/test_connection_pg.py.
"""

from __future__ import annotations

import os
import socket
import sqlite3
import struct
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.services.connection import Verdict, check_connection, classify_pg_connect_error
from desktop.services.context import DeskContext
from desktop.storage.migrate import head_revision

_SSL_REQUEST, _GSS_REQUEST = 80877103, 80877104


def _sqlite(path: Path) -> str:
    return f"sqlite:///{path}"


def _tables(path: Path) -> set[str]:
    with sqlite3.connect(path) as conn:
        return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


# --- SQLite ----------------------------------------------------------------------------------------


def test_a_current_desk_is_ok(desk: DeskContext) -> None:
    assert desk.db.sqlite_path is not None
    report = check_connection(_sqlite(desk.db.sqlite_path))
    assert report.verdict is Verdict.OK and report.usable
    assert report.schema_version == report.expected_schema == head_revision()
    assert report.server_version == sqlite3.sqlite_version
    assert report.target == str(desk.db.sqlite_path)
    assert report.backend == "sqlite" and report.fsync_ok is None


def test_a_missing_file_will_be_created_at_start_but_not_by_the_check(tmp_path: Path) -> None:
    path = tmp_path / "new" / "deeper" / "desk.sqlite3"
    report = check_connection(_sqlite(path))
    assert report.verdict is Verdict.NEW_DATABASE and report.usable
    assert not (tmp_path / "new").exists()


def test_an_empty_file_is_a_new_database_and_stays_empty(tmp_path: Path) -> None:
    path = tmp_path / "empty.sqlite3"
    path.touch()
    assert check_connection(_sqlite(path)).verdict is Verdict.NEW_DATABASE
    assert path.stat().st_size == 0


def test_a_file_that_is_not_a_database_is_named_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("not a database, just some text that is long enough to have a header\n" * 20)
    before = path.read_bytes()
    report = check_connection(_sqlite(path))
    assert report.verdict is Verdict.NOT_A_DATABASE and not report.usable
    assert "not a database" in report.detail
    assert path.read_bytes() == before


def test_a_folder_is_not_a_database(tmp_path: Path) -> None:
    assert check_connection(_sqlite(tmp_path)).verdict is Verdict.NOT_A_DATABASE


def test_another_programs_database_has_no_schema_and_gets_none(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite3"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE recipes (name TEXT)")
    report = check_connection(_sqlite(path))
    assert report.verdict is Verdict.SCHEMA_MISSING and report.schema_version is None
    assert _tables(path) == {"recipes"}


def _desk_file(tmp_path: Path, version: str) -> Path:
    from desktop.services.context import open_desk

    path = tmp_path / "old.sqlite3"
    ctx = open_desk(_sqlite(path), migrate=True, create_keys=True)
    ctx.close()
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = ?", (version,))
    return path


def test_an_older_schema_asks_for_an_upgrade(tmp_path: Path) -> None:
    report = check_connection(_sqlite(_desk_file(tmp_path, "0001")))
    assert report.verdict is Verdict.SCHEMA_OUTDATED and not report.usable
    assert (report.schema_version, report.expected_schema) == ("0001", head_revision())


def test_a_schema_from_a_newer_program_says_so(tmp_path: Path) -> None:
    report = check_connection(_sqlite(_desk_file(tmp_path, "9999_from_the_future")))
    assert report.verdict is Verdict.SCHEMA_NEWER
    assert report.schema_version == "9999_from_the_future"


def test_a_file_the_desk_may_not_write_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Tests may run as root, whom file modes do not stop: the check's question to the OS is answered "no".
    path = tmp_path / "desk.sqlite3"
    path.write_bytes(b"")
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda p, mode: False if mode & os.W_OK else real_access(p, mode))
    assert check_connection(_sqlite(path)).verdict is Verdict.FILE_NOT_WRITABLE
    assert check_connection(_sqlite(tmp_path / "missing.sqlite3")).verdict is Verdict.FILE_NOT_WRITABLE


# --- PostgreSQL without a server -------------------------------------------------------------------


def test_a_closed_port_is_unreachable() -> None:
    report = check_connection("postgresql+psycopg://desk@127.0.0.1:1/gdpr", "synthetic-secret", timeout_s=2)
    assert report.verdict is Verdict.UNREACHABLE and report.backend == "postgresql"
    assert report.target == "127.0.0.1:1/gdpr"
    assert "refused" in report.detail.lower()
    assert "synthetic-secret" not in repr(report)


@pytest.mark.parametrize(("url", "detail"), [
    ("postgresql+psycopg://desk@127.0.0.1:54x2/gdpr", "54x2"),
    ("postgresql+psycopg://desk@127.0.0.1:99999/gdpr", "port 99999 is not between 1 and 65535"),
])
def test_a_port_that_is_no_port_is_a_settings_error_not_a_crash(url: str, detail: str) -> None:
    report = check_connection(url, "synthetic-secret", timeout_s=2)
    assert report.verdict is Verdict.FAILED and report.backend == "postgresql" and not report.usable
    assert detail in report.detail
    assert "synthetic-secret" not in repr(report)


def test_an_unknown_host_is_unreachable() -> None:
    report = check_connection("postgresql+psycopg://desk@no-such-host.invalid:5432/gdpr", timeout_s=2)
    assert report.verdict is Verdict.UNREACHABLE


@pytest.mark.parametrize(("message", "flags", "verdict"), [
    ('connection to server at "db", port 5432 failed: FATAL:  password authentication failed for user "desk"',
     {"used_password": True}, Verdict.WRONG_PASSWORD),
    ("connection to server at \"db\", port 5432 failed: fe_sendauth: no password supplied",
     {"needs_password": True}, Verdict.PASSWORD_REQUIRED),
    ('connection to server at "db", port 5432 failed: FATAL:  database "gdpr" does not exist', {},
     Verdict.DATABASE_MISSING),
    ('connection to server at "db", port 5432 failed: FATAL:  role "database_admin" does not exist', {},
     Verdict.ACCESS_DENIED),
    ('connection to server at "db", port 5432 failed: FATAL:  no pg_hba.conf entry for host "10.0.0.7", '
     'user "desk", database "gdpr", no encryption', {}, Verdict.ACCESS_DENIED),
    ('connection to server at "db", port 5432 failed: FATAL:  permission denied for database "gdpr"', {},
     Verdict.ACCESS_DENIED),
    ('connection to server at "db" (10.0.0.5), port 5432 failed: timeout expired', {}, Verdict.UNREACHABLE),
    ("failed to resolve host 'db': [Errno -2] Name or service not known", {}, Verdict.UNREACHABLE),
    ("something nobody has seen before", {}, Verdict.FAILED),
])
def test_driver_messages_map_to_verdicts(message: str, flags: dict[str, bool], verdict: Verdict) -> None:
    assert classify_pg_connect_error(message, **flags) is verdict


class _PasswordRefusingServer:
    """Speaks the PostgreSQL protocol as far as a refused password: asks for one, then says FATAL 28P01."""

    def __init__(self) -> None:
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.sock.settimeout(10)
        self.port = self.sock.getsockname()[1]
        self.passwords: list[bytes] = []
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _read(self, conn: socket.socket, n: int) -> bytes:
        data = b""
        while len(data) < n:
            chunk = conn.recv(n - len(data))
            if not chunk:
                raise ConnectionError("client went away")
            data += chunk
        return data

    def _serve(self) -> None:
        try:
            conn, _addr = self.sock.accept()
        except OSError:
            return
        with conn:
            try:
                while True:
                    length, code = struct.unpack("!ii", self._read(conn, 8))
                    self._read(conn, length - 8)
                    if code in (_SSL_REQUEST, _GSS_REQUEST):
                        conn.sendall(b"N")
                        continue
                    break
                conn.sendall(b"R" + struct.pack("!ii", 8, 3))  # AuthenticationCleartextPassword
                kind = self._read(conn, 1)
                (length,) = struct.unpack("!i", self._read(conn, 4))
                payload = self._read(conn, length - 4)
                if kind == b"p":
                    self.passwords.append(payload.rstrip(b"\0"))
                fields = b"".join(key + value + b"\0" for key, value in (
                    (b"S", b"FATAL"), (b"V", b"FATAL"), (b"C", b"28P01"),
                    (b"M", b'password authentication failed for user "desk"'),
                )) + b"\0"
                conn.sendall(b"E" + struct.pack("!i", len(fields) + 4) + fields)
            except (ConnectionError, OSError):
                return

    def close(self) -> None:
        self.sock.close()
        self.thread.join(5)


@pytest.fixture
def refusing_server(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[_PasswordRefusingServer]:
    # No password from the environment or a ~/.pgpass may sneak in.
    monkeypatch.delenv("PGPASSWORD", raising=False)
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "no-pgpass"))
    server = _PasswordRefusingServer()
    yield server
    server.close()


def test_a_refused_password_is_a_wrong_password(refusing_server: _PasswordRefusingServer) -> None:
    url = f"postgresql+psycopg://desk@127.0.0.1:{refusing_server.port}/gdpr"
    report = check_connection(url, "synthetic-wrong-secret", timeout_s=3)
    assert report.verdict is Verdict.WRONG_PASSWORD, report
    # The password went to the server, not into the report.
    assert refusing_server.passwords == [b"synthetic-wrong-secret"]
    assert "synthetic-wrong-secret" not in repr(report)


def test_no_password_for_a_server_that_wants_one_says_so(refusing_server: _PasswordRefusingServer) -> None:
    url = f"postgresql+psycopg://desk@127.0.0.1:{refusing_server.port}/gdpr"
    report = check_connection(url, None, timeout_s=3)
    assert report.verdict is Verdict.PASSWORD_REQUIRED, report
    assert refusing_server.passwords == []
