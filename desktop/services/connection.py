"""A "Test connection" that tells a person what is wrong with a database setting, and changes nothing.

The settings dialog runs this before anything is saved, so it must never create a file, a
database or a table: SQLite is opened with `mode=rw` (no file is made) and only read, and the
PostgreSQL session is read-only by server setting. The answer is a verdict with facts rather than
a sentence, so the dialog words it in the interface language (Bokmål, English or Swedish).

Connection failures carry no SQLSTATE in psycopg (the session never started), so they are told
apart by libpq's own flags (a password was asked for, one was sent) and by the server's message.
"""

from __future__ import annotations

import os
import re
import sqlite3
from dataclasses import dataclass, replace
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote

if TYPE_CHECKING:
    import psycopg

#: libpq's connect_timeout is per address tried; 2 s is its minimum.
DEFAULT_TIMEOUT_S = 5
_SQLITE_TIMEOUT_S = 2.0


class Verdict(StrEnum):
    OK = "ok"
    #: SQLite: no file (or an empty one) yet; the desk creates its database there at the next start.
    NEW_DATABASE = "new_database"
    FILE_NOT_WRITABLE = "file_not_writable"
    NOT_A_DATABASE = "not_a_database"
    UNREACHABLE = "unreachable"
    WRONG_PASSWORD = "wrong_password"  # noqa: S105 (a verdict's name, not a password)
    PASSWORD_REQUIRED = "password_required"  # noqa: S105
    #: The server refused this user (unknown role, or no pg_hba.conf entry for this computer).
    ACCESS_DENIED = "access_denied"
    DATABASE_MISSING = "database_missing"
    SCHEMA_MISSING = "schema_missing"
    SCHEMA_OUTDATED = "schema_outdated"
    #: Written by a newer GDPR Desk than this one.
    SCHEMA_NEWER = "schema_newer"
    #: fsync or full_page_writes is off: a crash could lose access-log entries.
    UNSAFE_SERVER = "unsafe_server"
    FAILED = "failed"


@dataclass(frozen=True)
class ConnectionReport:
    verdict: Verdict
    #: What was tested, never with a password: a file path, or host:port/database.
    target: str
    server_version: str | None = None
    schema_version: str | None = None
    expected_schema: str | None = None
    #: None for SQLite, which has no such server setting.
    fsync_ok: bool | None = None
    #: The first unsafe server setting, e.g. "fsync = off".
    unsafe_setting: str | None = None
    #: The driver's first line, for failures no verdict names more precisely.
    detail: str = ""
    #: "sqlite" or "postgresql": the advice differs (choose another file, or ask the administrator).
    backend: str = "sqlite"

    @property
    def usable(self) -> bool:
        """The desk can start on this setting (a new SQLite file counts: it is created at start)."""
        return self.verdict in (Verdict.OK, Verdict.NEW_DATABASE)


def check_connection(url: str, password: str | None = None, *, timeout_s: int = DEFAULT_TIMEOUT_S) -> ConnectionReport:
    """Try the database at `url` (the password apart, so it never sits in a URL string) and judge it."""
    if url.startswith("sqlite:"):
        return _check_sqlite(url)
    if url.startswith("postgresql"):
        return replace(_check_postgres(url, password, timeout_s), backend="postgresql")
    return ConnectionReport(Verdict.FAILED, url.split("://", 1)[0], detail="unsupported database type")


# --- schema ----------------------------------------------------------------------------------------


def _schema_verdict(current: str | None) -> tuple[Verdict, str]:
    from desktop.storage.migrate import head_revision, known_revisions

    head = head_revision()
    if current is None:
        return Verdict.SCHEMA_MISSING, head
    if current == head:
        return Verdict.OK, head
    return (Verdict.SCHEMA_OUTDATED if current in known_revisions() else Verdict.SCHEMA_NEWER), head


# --- SQLite ----------------------------------------------------------------------------------------


def _sqlite_path(url: str) -> Path | None:
    rest = url.split("://", 1)[1] if "://" in url else ""
    if not rest.startswith("/") or rest in ("/", "/:memory:"):
        return None
    return Path(unquote(rest[1:].split("?", 1)[0]))


def _nearest_existing(path: Path) -> Path:
    for candidate in (path, *path.parents):
        if candidate.exists():
            return candidate
    return Path(path.anchor or ".")


def _check_sqlite(url: str) -> ConnectionReport:
    path = _sqlite_path(url)
    if path is None:
        return ConnectionReport(Verdict.FAILED, url, detail="not a database file path")
    target = str(path)
    version = sqlite3.sqlite_version
    if path.is_dir():
        return ConnectionReport(Verdict.NOT_A_DATABASE, target, server_version=version, detail="a folder")
    if not path.exists():
        # The desk creates missing folders too; what matters is that it may write where it would.
        folder = _nearest_existing(path.parent)
        ok = folder.is_dir() and os.access(folder, os.W_OK | os.X_OK)
        return ConnectionReport(Verdict.NEW_DATABASE if ok else Verdict.FILE_NOT_WRITABLE, target,
                                server_version=version)
    # SQLite in WAL mode writes -wal and -shm files beside the database: the folder must be writable too.
    if not os.access(path, os.R_OK | os.W_OK) or not os.access(path.parent, os.W_OK | os.X_OK):
        return ConnectionReport(Verdict.FILE_NOT_WRITABLE, target, server_version=version)
    if path.stat().st_size == 0:
        return ConnectionReport(Verdict.NEW_DATABASE, target, server_version=version)
    try:
        # mode=rw: open an existing file for writing, never create one.
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=rw", uri=True, timeout=_SQLITE_TIMEOUT_S)
    except sqlite3.Error as exc:
        return ConnectionReport(Verdict.FAILED, target, server_version=version, detail=_first_line(exc))
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        has_table = conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'"
        ).fetchone() is not None
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone() if has_table else None
    except sqlite3.DatabaseError as exc:
        text = _first_line(exc)
        low = text.lower()
        if "not a database" in low or "malformed" in low or "encrypted" in low:
            return ConnectionReport(Verdict.NOT_A_DATABASE, target, server_version=version, detail=text)
        return ConnectionReport(Verdict.FAILED, target, server_version=version, detail=text)
    finally:
        conn.close()
    current = str(row[0]) if row else None
    verdict, head = _schema_verdict(current)
    return ConnectionReport(verdict, target, server_version=version, schema_version=current, expected_schema=head)


# --- PostgreSQL ------------------------------------------------------------------------------------


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0].strip() if text else type(exc).__name__


def _pg_target(host: str, port: int, database: str) -> str:
    return f"{host}:{port}/{database}"


_UNREACHABLE_SIGNS = (
    "connection refused", "timeout expired", "timed out", "could not translate host name",
    "failed to resolve host", "name or service not known", "no route to host", "network is unreachable",
    "host is down", "nodename nor servname", "no such host", "server closed the connection unexpectedly",
)


_DATABASE_MISSING = re.compile(r'\bdatabase "[^"]*" does not exist')
_ROLE_MISSING = re.compile(r'\brole "[^"]*" does not exist')


def classify_pg_connect_error(message: str, *, needs_password: bool = False,
                              used_password: bool = False) -> Verdict:
    """Which verdict a failed PostgreSQL connection deserves, from libpq's message and flags.

    A public function so the mapping can be tested on messages a trust-auth test server never gives.
    """
    low = message.lower()
    if "password authentication failed" in low or (used_password and "authentication failed" in low):
        return Verdict.WRONG_PASSWORD
    if needs_password or "no password supplied" in low:
        return Verdict.PASSWORD_REQUIRED
    if _DATABASE_MISSING.search(low):
        return Verdict.DATABASE_MISSING
    if _ROLE_MISSING.search(low) or "no pg_hba.conf entry" in low \
            or "authentication failed" in low or "permission denied" in low:
        return Verdict.ACCESS_DENIED
    if any(sign in low for sign in _UNREACHABLE_SIGNS):
        return Verdict.UNREACHABLE
    return Verdict.FAILED


def _check_postgres(url: str, password: str | None, timeout_s: int) -> ConnectionReport:
    import psycopg
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        # A port that is not a number ("host:54x2") is a ValueError, not an ArgumentError.
        parsed = make_url(url)
    except (ArgumentError, ValueError) as exc:
        return ConnectionReport(Verdict.FAILED, "PostgreSQL", detail=_first_line(exc))
    host, port, database = parsed.host or "localhost", parsed.port or 5432, parsed.database or ""
    if not 0 < port < 65536:
        return ConnectionReport(Verdict.FAILED, "PostgreSQL", detail=f"port {port} is not between 1 and 65535")
    target = _pg_target(host, port, database)
    params: dict[str, str | int] = {
        "host": host, "port": port, "dbname": database,
        "connect_timeout": max(2, timeout_s),
        "application_name": "gdpr-desk (connection test)",
        # The test must change nothing: the server refuses every write in this session.
        "options": "-c default_transaction_read_only=on",
    }
    if parsed.username:
        params["user"] = parsed.username
    secret = password if password else parsed.password
    if secret:
        params["password"] = secret
    try:
        conn = psycopg.connect(autocommit=True, **params)  # type: ignore[arg-type]
    except psycopg.OperationalError as exc:
        pgconn = getattr(exc, "pgconn", None)
        verdict = classify_pg_connect_error(
            str(exc),
            needs_password=bool(getattr(pgconn, "needs_password", False)),
            used_password=bool(getattr(pgconn, "used_password", False)),
        )
        return ConnectionReport(verdict, target, detail=_strip_prefix(_first_line(exc)))
    except psycopg.Error as exc:
        return ConnectionReport(Verdict.FAILED, target, detail=_first_line(exc))
    try:
        return _inspect_postgres(conn, target)
    except psycopg.errors.InsufficientPrivilege as exc:
        # A team server's application role that may not read the schema table.
        return ConnectionReport(Verdict.ACCESS_DENIED, target, detail=_first_line(exc))
    except psycopg.Error as exc:
        return ConnectionReport(Verdict.FAILED, target, detail=_first_line(exc))
    finally:
        conn.close()


def _strip_prefix(line: str) -> str:
    """psycopg's "connection failed: " adds nothing a person needs."""
    return line.removeprefix("connection failed: ")


def _inspect_postgres(conn: psycopg.Connection[Any], target: str) -> ConnectionReport:
    from desktop.storage.database import unsafe_setting

    version = _show(conn, "server_version")
    unsafe = unsafe_setting(lambda name: _show(conn, name))
    if unsafe is not None:
        return ConnectionReport(Verdict.UNSAFE_SERVER, target, server_version=version, fsync_ok=False,
                                unsafe_setting=unsafe)
    row = conn.execute("SELECT to_regclass('alembic_version') IS NOT NULL").fetchone()
    current: str | None = None
    if row is not None and row[0]:
        found = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        current = str(found[0]) if found else None
    verdict, head = _schema_verdict(current)
    return ConnectionReport(verdict, target, server_version=version, schema_version=current,
                            expected_schema=head, fsync_ok=True)


def _show(conn: psycopg.Connection[Any], setting: str) -> str:
    # A fixed list of names from this module, never user input.
    row = conn.execute(f"SHOW {setting}").fetchone()
    return "" if row is None else str(row[0])
