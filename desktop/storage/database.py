"""Engine and unit of work for the embedded SQLite file and the team's PostgreSQL server.

Every user action runs in one transaction (`Database.transaction()`): the read of personal data
and its access-log entry commit together or not at all.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from desktop.errors import AuditWriteFailed, DatabaseUnavailable

SQLITE_BUSY_TIMEOUT_MS = 5000
_T = TypeVar("_T")


def _sqlite_on_connect(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
    # The driver's own transaction handling is switched off so that `begin` below decides:
    # every unit of work takes the write lock at once (BEGIN IMMEDIATE). All our units of work
    # write the access log, and a deferred transaction that later upgrades to a writer can fail
    # with SQLITE_BUSY that no timeout resolves.
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    try:
        cur.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")
        cur.execute("PRAGMA foreign_keys = ON")
        # Erased values must not linger in free pages (docs/rules.md#r-erasure; docs/architecture.md, SQLite).
        cur.execute("PRAGMA secure_delete = ON")
        # INSERT OR REPLACE must fire the access log's delete trigger too.
        cur.execute("PRAGMA recursive_triggers = ON")
        cur.execute("PRAGMA journal_mode = WAL")
        # The access log is evidence: a commit is on disk when it returns.
        cur.execute("PRAGMA synchronous = FULL")
    finally:
        cur.close()


def _sqlite_on_begin(conn: Any) -> None:
    conn.exec_driver_sql("BEGIN IMMEDIATE")


def _create_private_file(path: Path) -> None:
    """A new database file is readable by its owner only (it will hold personal data)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.exists():
        fd = os.open(path, os.O_CREAT | os.O_WRONLY, 0o600)
        os.close(fd)


def describe_db_error(exc: BaseException, url: URL | None = None) -> DatabaseUnavailable:
    """Turn a driver error into a message a person can act on."""
    raw = str(getattr(exc, "orig", exc) or exc).strip().splitlines()[0] if str(exc) else repr(exc)
    low = raw.lower()
    where = url.render_as_string(hide_password=True) if url is not None else "the database"
    if "readonly" in low or "read-only" in low:
        if url is not None and url.get_backend_name() == "postgresql":
            return read_only_server(where)
        return DatabaseUnavailable(
            f"The database file is read-only: {where}. Ask IT to give you write access.",
            f"Databasefilen er skrivebeskyttet: {where}. Be IT om skrivetilgang.",
            f"Databasfilen är skrivskyddad: {where}. Be IT om skrivrättighet.",
        )
    if "locked" in low or "busy" in low:
        return DatabaseUnavailable(
            f"The database is locked by another program: {where}. Try again in a moment.",
            f"Databasen er låst av et annet program: {where}. Prøv igjen om litt.",
        )
    if "not a database" in low or "malformed" in low or "corrupt" in low:
        return DatabaseUnavailable(
            f"The database file is damaged or is not a GDPR Desk database: {where}. "
            "Restore it from the latest backup; nothing has been written to it.",
            f"Databasefilen er skadet eller er ikke en GDPR Desk-database: {where}. "
            "Hent den inn fra siste sikkerhetskopi; ingenting er skrevet til den.",
        )
    if "unable to open" in low:
        return DatabaseUnavailable(
            f"The database file cannot be opened: {where}. Check that the folder exists and is writable.",
            f"Databasefilen kan ikke åpnes: {where}. Sjekk at mappen finnes og er skrivbar.",
        )
    # The server answered and said no: checked before "connection", which its messages also contain.
    if "password authentication failed" in low:
        return DatabaseUnavailable(
            f"The database server refused the password for {where}.",
            f"Databaseserveren avviste passordet for {where}.",
        )
    if "does not exist" in low and ('database "' in low or 'role "' in low):
        what, what_nb = ("database", "databasen") if 'database "' in low else ("user (role)", "brukeren (rollen)")
        return DatabaseUnavailable(
            f"The database server has no such {what}: {where}. Check the name in the settings, "
            "or ask IT to create it.",
            f"Databaseserveren kjenner ikke {what_nb}: {where}. Sjekk navnet i innstillingene, "
            "eller be IT opprette den.",
        )
    if "connection" in low or "could not connect" in low or "timeout" in low or "refused" in low:
        return DatabaseUnavailable(
            f"The database server cannot be reached: {where} ({raw}). Check the network and the settings.",
            f"Databaseserveren svarer ikke: {where} ({raw}). Sjekk nettverket og innstillingene.",
        )
    return DatabaseUnavailable(
        f"The database could not be used: {where} ({raw}).",
        f"Databasen kunne ikke brukes: {where} ({raw}).",
    )


def read_only_server(where: str) -> DatabaseUnavailable:
    """A PostgreSQL server that only lets this login read: a standby, or `default_transaction_read_only`."""
    return DatabaseUnavailable(
        f"The database is read-only: the server {where} lets this login read but not write (a standby server, "
        "or default_transaction_read_only is on). Nothing can be looked up, because every look must be "
        "logged. Ask IT to point the desk at the primary server or turn writing on.",
        f"Databasen er skrivebeskyttet: tjeneren {where} lar denne påloggingen lese, men ikke skrive (en "
        "reservetjener, eller default_transaction_read_only er på). Ingenting kan slås opp, fordi hvert oppslag "
        "må logges. Be IT peke desken mot hovedtjeneren eller slå på skriving.",
        f"Databasen är skrivskyddad: servern {where} låter den här inloggningen läsa men inte skriva (en "
        "reservserver, eller default_transaction_read_only är på). Inget kan slås upp, eftersom varje uppslag "
        "måste loggas. Be IT peka desken mot huvudservern eller slå på skrivning.",
    )


def read_only_cause(exc: BaseException) -> BaseException | None:
    """The driver error in `exc`'s chain that says the database refuses writes, if any.

    The access log wraps a failed write in AuditWriteFailed, so the cause is looked for down the chain.
    """
    seen: BaseException | None = exc
    for _ in range(6):
        if seen is None:
            return None
        text = str(getattr(seen, "orig", None) or seen).lower()
        if "read-only" in text or "readonly" in text:
            return seen
        seen = seen.__cause__
    return None


#: PostgreSQL settings that must be on: with either off, a crash can lose committed access-log entries.
_DURABILITY_SETTINGS = ("fsync", "full_page_writes")


def unsafe_setting(show: Callable[[str], str]) -> str | None:
    """The first durability setting that is off, as "fsync = off", or None when the server is safe.

    `show(name)` returns the server's value for SHOW name; the caller runs it on its own
    connection (the desk's engine, or the settings dialog's read-only test session).
    """
    for name in _DURABILITY_SETTINGS:
        value = show(name)
        if value.lower() != "on":
            return f"{name} = {value}"
    return None


class ConnectionLost(DatabaseUnavailable):
    """The connection to the database dropped in the middle of one unit of work.

    The server rolls back an unfinished transaction when its connection goes, so nothing of the
    action is kept. `while_saving` marks a drop during COMMIT: then the server kept all of it or
    none of it and only a fresh look tells which, so the person must check before doing it again.
    """

    def __init__(self, message: str, message_nb: str, message_sv: str, *, while_saving: bool) -> None:
        super().__init__(message, message_nb, message_sv)
        self.while_saving = while_saving


def connection_dropped(exc: BaseException) -> bool:
    """Whether `exc`, or an error it was raised from, is the driver reporting a dead connection.

    Services translate some driver errors into their own messages (the access log, a unique
    index); the cause chain still says when the real reason was a lost connection.
    """
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, ConnectionLost):
            return True
        if isinstance(current, DBAPIError) and current.connection_invalidated:
            return True
        if current.__cause__ is not None:
            current = current.__cause__
        elif isinstance(current.__context__, ConnectionLost):
            # Raised while an earlier unit of work's lost connection was being handled, not
            # caused by it: that loss is over and this error is this unit of work's own.
            return False
        else:
            current = current.__context__
    return False


def connection_lost(url: URL, *, while_saving: bool) -> ConnectionLost:
    where = url.render_as_string(hide_password=True)
    if while_saving:
        return ConnectionLost(
            f"The connection to the database was lost while saving ({where}). The database kept either "
            "all of the change or none of it: reload to see which before you try again.",
            f"Forbindelsen til databasen ble brutt under lagringen ({where}). Databasen har enten hele "
            "endringen eller ingenting av den: last inn på nytt og se etter før du prøver igjen.",
            f"Anslutningen till databasen bröts medan ändringen sparades ({where}). Databasen har antingen "
            "hela ändringen eller ingenting av den: läs in på nytt och kontrollera innan du försöker igen.",
            while_saving=True,
        )
    return ConnectionLost(
        f"The connection to the database was lost ({where}); nothing was saved. Try again.",
        f"Forbindelsen til databasen ble brutt ({where}); ingenting ble lagret. Prøv igjen.",
        f"Anslutningen till databasen bröts ({where}); ingenting sparades. Försök igen.",
        while_saving=False,
    )


class Database:
    """One database (SQLite file or PostgreSQL server) and its session factory."""

    def __init__(self, url: str | URL, *, create: bool = True, pool_size: int = 5) -> None:
        self.url = make_url(url) if isinstance(url, str) else url
        if self.is_sqlite:
            path = self.sqlite_path
            if path is not None:
                if create:
                    _create_private_file(path)
                elif not path.exists():
                    raise DatabaseUnavailable(
                        f"No database file at {path}.", f"Ingen databasefil på {path}."
                    )
            # hide_parameters: a driver error's text must never carry a searched name or an
            # e-mail into a log line or a message box.
            self.engine: Engine = create_engine(self.url, future=True, hide_parameters=True)
            event.listen(self.engine, "connect", _sqlite_on_connect)
            event.listen(self.engine, "begin", _sqlite_on_begin)
        else:
            self.engine = create_engine(
                self.url, pool_pre_ping=True, pool_size=pool_size, future=True, hide_parameters=True,
                connect_args={"connect_timeout": 5, "application_name": "gdpr-desk"},
            )
        self._sessions = sessionmaker(self.engine, expire_on_commit=False, autoflush=True)
        self._probe()

    @property
    def is_sqlite(self) -> bool:
        return self.url.get_backend_name() == "sqlite"

    @property
    def is_postgres(self) -> bool:
        return self.url.get_backend_name() == "postgresql"

    @property
    def sqlite_path(self) -> Path | None:
        if not self.is_sqlite or not self.url.database or self.url.database == ":memory:":
            return None
        return Path(self.url.database)

    def display_name(self) -> str:
        """For the status bar: the file name, or server/database without the password."""
        if self.is_sqlite:
            return str(self.sqlite_path or ":memory:")
        return f"{self.url.host}:{self.url.port or 5432}/{self.url.database}"

    def _probe(self) -> None:
        """Fail early, with a readable message, on a locked, read-only, corrupt or unsafe database."""
        try:
            with self.engine.connect() as conn:
                if self.is_sqlite:
                    # Reading the schema proves the file is a database and readable; a full
                    # integrity check is O(file size) (8 s at a million customers), so it is the
                    # explicit `gdpr-desk db check`, not part of every start.
                    conn.exec_driver_sql("SELECT count(*) FROM sqlite_master").scalar()
                    conn.rollback()
                else:
                    if str(conn.execute(text("SHOW transaction_read_only")).scalar()) == "on":
                        raise read_only_server(self.url.render_as_string(hide_password=True))
                    unsafe = unsafe_setting(lambda name: str(conn.execute(text(f"SHOW {name}")).scalar()))
                    if unsafe is not None:
                        raise DatabaseUnavailable(
                            f"The PostgreSQL server runs with {unsafe}; a crash could lose "
                            "access-log entries. Ask the database administrator to turn it on.",
                            f"PostgreSQL-serveren kjører med {unsafe}; et krasj kan miste "
                            "tilgangslogg-oppføringer. Be databaseadministratoren slå det på.",
                        )
                    conn.rollback()
        except DatabaseUnavailable:
            self.engine.dispose()
            raise
        except (OperationalError, DBAPIError, sqlite3.Error) as exc:
            self.engine.dispose()
            raise describe_db_error(exc, self.url) from exc

    def integrity_check(self) -> str:
        """SQLite's full integrity check ("ok" or the first problems); PostgreSQL checks itself."""
        if not self.is_sqlite:
            return "ok"
        try:
            with self.engine.connect() as conn:
                rows = [str(r[0]) for r in conn.exec_driver_sql("PRAGMA integrity_check(20)")]
                conn.rollback()
        except (OperationalError, DBAPIError, sqlite3.Error) as exc:
            raise describe_db_error(exc, self.url) from exc
        return "ok" if rows == ["ok"] else "; ".join(rows)

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One unit of work: commits when the block ends normally, rolls back on any error."""
        session = self._sessions()
        saving = False
        try:
            yield session
            saving = True
            session.commit()
        except Exception as exc:
            session.rollback()
            if connection_dropped(exc):
                # The pool has already discarded the dead connection: the next action gets a new one.
                raise connection_lost(self.url, while_saving=saving) from exc
            if isinstance(exc, OperationalError) or (
                    isinstance(exc, DBAPIError | AuditWriteFailed) and read_only_cause(exc) is not None):
                raise describe_db_error(read_only_cause(exc) or exc, self.url) from exc
            raise
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    def retry_read(self, action: Callable[[], _T]) -> _T:
        """Run a look-up, and once more on a fresh connection if the first connection dropped.

        Only for reads whose one write is their own access-log entry: a unit of work that lost its
        connection before COMMIT left nothing behind, so running it again writes nothing twice.
        Changes are never retried here; the person sees ConnectionLost and decides.
        """
        try:
            return action()
        except ConnectionLost as exc:
            if exc.while_saving:
                raise
        # The second attempt runs outside the handler, so its own errors (not found, no access)
        # are not chained to the first attempt's lost connection and mistaken for another one.
        return action()

    def dispose(self) -> None:
        self.engine.dispose()
