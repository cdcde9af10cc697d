"""Opening databases: bad files give clear messages, never tracebacks, and lose nothing."""

from __future__ import annotations

import os
import sqlite3
import stat
from pathlib import Path

import pytest

from desktop.errors import DatabaseUnavailable, KeyringUnavailable, SchemaOutdated
from desktop.services.context import DeskContext, open_desk
from desktop.storage.database import Database
from tests.helpers.memory_keyring import MemoryKeyring, lose_keyring


def test_new_database_file_is_private(tmp_path: Path) -> None:
    ctx = open_desk(f"sqlite:///{tmp_path / 'p.sqlite3'}", migrate=True, demo=True, create_keys=True)
    ctx.close()
    mode = stat.S_IMODE(os.stat(tmp_path / "p.sqlite3").st_mode)
    assert mode & 0o077 == 0


def test_sqlite_pragmas(desk: DeskContext) -> None:
    with desk.db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA secure_delete").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA recursive_triggers").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2


def test_corrupt_file(tmp_path: Path) -> None:
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(b"this is not a database at all" * 200)
    before = bad.read_bytes()
    with pytest.raises(DatabaseUnavailable) as exc:
        Database(f"sqlite:///{bad}")
    assert "damaged" in exc.value.message and "skadet" in exc.value.message_nb
    assert bad.read_bytes() == before


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores file permissions")
def test_read_only_file(tmp_path: Path) -> None:
    path = tmp_path / "ro.sqlite3"
    open_desk(f"sqlite:///{path}", migrate=True, demo=True, create_keys=True).close()
    path.chmod(0o400)
    with pytest.raises(DatabaseUnavailable) as exc:
        Database(f"sqlite:///{path}")
    assert "read-only" in exc.value.message


def test_read_only_folder_message(tmp_path: Path) -> None:
    """A database whose folder cannot hold its journal reports a readable message."""
    with pytest.raises(DatabaseUnavailable) as exc:
        Database(f"sqlite:///{tmp_path / 'missing-dir' / 'x.sqlite3'}", create=False)
    assert "No database file" in exc.value.message


def test_locked_database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "l.sqlite3"
    ctx = open_desk(f"sqlite:///{path}", migrate=True, demo=True, create_keys=True)
    monkeypatch.setattr("desktop.storage.database.SQLITE_BUSY_TIMEOUT_MS", 100)
    other = sqlite3.connect(path)
    other.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(DatabaseUnavailable) as exc:
            open_desk(f"sqlite:///{path}")
        assert "locked" in exc.value.message and "låst" in exc.value.message_nb
        # An already open desk gets the same message from its next unit of work.
        with pytest.raises(DatabaseUnavailable) as exc, ctx.db.transaction() as s:
            from sqlalchemy import text

            s.execute(text("SELECT 1"))
        assert "locked" in exc.value.message
    finally:
        other.rollback()
        other.close()
    with ctx.db.transaction() as s:  # and works again once the other program lets go
        assert ctx.audit.verify(s).ok
    ctx.close()


def test_database_without_schema(tmp_path: Path) -> None:
    empty = tmp_path / "empty.sqlite3"
    sqlite3.connect(empty).close()
    with pytest.raises(SchemaOutdated) as exc:
        open_desk(f"sqlite:///{empty}")
    assert "gdpr-desk db upgrade" in exc.value.message


def test_missing_keyring_for_a_real_database(tmp_path: Path) -> None:
    lose_keyring()
    with pytest.raises(KeyringUnavailable) as exc:
        open_desk(f"sqlite:///{tmp_path / 'real.sqlite3'}", migrate=True, demo=False, create_keys=True)
    assert "keyring" in exc.value.message.lower() and "gnome-keyring" in exc.value.message


def test_demo_database_falls_back_to_a_private_key_file(tmp_path: Path) -> None:
    lose_keyring()
    path = tmp_path / "demo.sqlite3"
    ctx = open_desk(f"sqlite:///{path}", migrate=True, demo=True, create_keys=True)
    assert ctx.keys.demo_only
    key_file = tmp_path / "demo.sqlite3.keys"
    assert stat.S_IMODE(os.stat(key_file).st_mode) == 0o600
    ctx.close()
    again = open_desk(f"sqlite:///{path}")
    assert again.keys == ctx.keys
    again.close()


def test_keys_come_from_the_keyring_when_there_is_one(desk: DeskContext, memory_keyring: MemoryKeyring) -> None:
    assert desk.keys.storage == "keyring" and not desk.keys.demo_only
    assert any(k[1] == f"db:{desk.instance_id}" for k in memory_keyring.store)


def test_driver_errors_never_carry_parameter_values(desk: DeskContext) -> None:
    """Error text reaches log lines and message boxes; a searched name must not ride along."""
    from sqlalchemy import text
    from sqlalchemy.exc import IntegrityError

    with pytest.raises(IntegrityError) as exc, desk.db.transaction() as s:
        s.execute(text("INSERT INTO staff_account (id, username, display_name, role, password_hash, disabled, "
                       "failed_attempts, created_at) VALUES (:i, :u, :d, 'agent', 'x', 0, 0, '2026-01-01')"),
                  [{"i": 900, "u": "kari.odegard", "d": "Kari Ødegård"}, {"i": 901, "u": "kari.odegard", "d": "x"}])
    assert "Ødegård" not in str(exc.value) and "kari.odegard" not in str(exc.value)


# --- a look-up run again after a lost connection --------------------------------------------------


def _dropped() -> Exception:
    from sqlalchemy.exc import DBAPIError

    return DBAPIError("SELECT 1", None, Exception("server closed the connection unexpectedly"),
                      connection_invalidated=True)


def test_a_retried_look_up_reports_its_own_error_not_the_lost_connection(desk: DeskContext) -> None:
    """The second attempt's "not found" (or "no access") is what the person must read."""
    from desktop.errors import NotFound

    attempts: list[int] = []

    def look_up() -> None:
        attempts.append(1)
        with desk.db.transaction():
            if len(attempts) == 1:
                raise _dropped()
            raise NotFound("No customer K9000001.", "Ingen kunde K9000001.")

    with pytest.raises(NotFound, match="No customer K9000001"):
        desk.db.retry_read(look_up)
    assert len(attempts) == 2


def test_a_look_up_that_loses_its_connection_twice_says_so(desk: DeskContext) -> None:
    from desktop.storage.database import ConnectionLost

    attempts: list[int] = []

    def look_up() -> None:
        attempts.append(1)
        with desk.db.transaction():
            raise _dropped()

    with pytest.raises(ConnectionLost, match="nothing was saved") as caught:
        desk.db.retry_read(look_up)
    assert len(attempts) == 2 and not caught.value.while_saving


def test_an_error_raised_while_handling_a_lost_connection_is_not_one() -> None:
    from desktop.errors import NotFound
    from desktop.storage.database import connection_dropped, connection_lost

    lost = connection_lost(Database("sqlite://").url, while_saving=False)
    try:
        try:
            raise lost from _dropped()
        except DatabaseUnavailable:
            raise NotFound("No customer K9000001.")  # noqa: B904 (implicitly chained, as a retry's was)
    except NotFound as exc:
        assert exc.__context__ is lost and not connection_dropped(exc)
    try:
        try:
            raise lost
        except DatabaseUnavailable:
            raise _dropped()  # noqa: B904 (the point: a fresh drop while handling the first)
    except Exception as exc:
        assert connection_dropped(exc)
    # Raised *from* a lost connection (a service's own wording for it): still a lost connection.
    wrapped = NotFound("another supervisor decided")
    wrapped.__cause__ = lost
    assert connection_dropped(wrapped) and connection_dropped(lost)


def test_unsafe_setting_names_the_first_durability_setting_that_is_off() -> None:
    from desktop.storage.database import unsafe_setting

    assert unsafe_setting({"fsync": "on", "full_page_writes": "on"}.__getitem__) is None
    assert unsafe_setting({"fsync": "on", "full_page_writes": "off"}.__getitem__) == "full_page_writes = off"
    assert unsafe_setting({"fsync": "OFF", "full_page_writes": "off"}.__getitem__) == "fsync = OFF"


def test_known_revisions_are_every_migration_up_to_the_head() -> None:
    from desktop.storage.migrate import head_revision, known_revisions

    known = known_revisions()
    assert {"0001", head_revision()} <= known and "9999_from_the_future" not in known
    assert known_revisions() is known  # read from the scripts once
