"""Schema migrations through Alembic, driven from code (`gdpr-desk db upgrade`), not an ini file."""

from __future__ import annotations

import functools
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.exc import DBAPIError

from desktop.errors import DatabaseUnavailable, SchemaOutdated
from desktop.storage.database import Database, describe_db_error

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def alembic_config(db: Database) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.set_main_option("sqlalchemy.url", db.url.render_as_string(hide_password=False).replace("%", "%%"))
    return cfg


@functools.cache
def known_revisions() -> frozenset[str]:
    """Every schema revision this program can migrate from: any other was written by a newer GDPR Desk.

    Cached: the migration scripts ship with the program and do not change while it runs.
    """
    return frozenset(rev.revision for rev in ScriptDirectory(str(MIGRATIONS)).walk_revisions())


def head_revision() -> str:
    script = ScriptDirectory(str(MIGRATIONS))
    head = script.get_current_head()
    assert head is not None
    return head


def _permission_denied(exc: DBAPIError) -> bool:
    return getattr(exc.orig, "sqlstate", None) == "42501" or "permission denied" in str(exc.orig).lower()


def current_revision(db: Database) -> str | None:
    try:
        with db.engine.connect() as conn:
            rev = MigrationContext.configure(conn).get_current_revision()
            conn.rollback()
            return rev
    except DBAPIError as exc:
        if not _permission_denied(exc):
            raise describe_db_error(exc, db.url) from exc
        user = db.url.username or "this user"
        raise DatabaseUnavailable(
            f"The database user {user} may not read the GDPR Desk tables in {db.display_name()}. "
            f"Ask IT to run 'gdpr-desk db init-team --app-role {user}' as the database owner.",
            f"Databasebrukeren {user} har ikke lov til å lese GDPR Desk-tabellene i {db.display_name()}. "
            f"Be IT kjøre 'gdpr-desk db init-team --app-role {user}' som eier av databasen.",
        ) from exc


def upgrade(db: Database, revision: str = "head") -> None:
    """Migrate in one transaction; the application role of a team server is refused with a message."""
    cfg = alembic_config(db)
    try:
        with db.engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, revision)
    except DBAPIError as exc:
        if not _permission_denied(exc):
            raise describe_db_error(exc, db.url) from exc
        user = db.url.username or "this user"
        raise DatabaseUnavailable(
            f"The database user {user} may not change the schema of {db.display_name()}; nothing was changed. "
            "Run 'gdpr-desk db upgrade' as the database owner.",
            f"Databasebrukeren {user} har ikke lov til å endre skjemaet i {db.display_name()}; ingenting ble "
            "endret. Kjør 'gdpr-desk db upgrade' som eier av databasen.",
        ) from exc


def ensure_current(db: Database) -> None:
    """Refuse to run on a database whose schema this program does not know."""
    current = current_revision(db)
    head = head_revision()
    if current == head:
        return
    if current is None and db.is_postgres:
        raise SchemaOutdated(
            f"The database {db.display_name()} has no GDPR Desk schema. "
            "Ask IT to run 'gdpr-desk db init-team' on it as the database owner.",
            f"Databasen {db.display_name()} har ikke GDPR Desk-skjemaet. "
            "Be IT kjøre 'gdpr-desk db init-team' på den som eier av databasen.",
        )
    if current is None:
        raise SchemaOutdated(
            f"The database {db.display_name()} has no GDPR Desk schema. "
            "Run 'gdpr-desk db upgrade' (or 'gdpr-desk db init-team' for a team server).",
            f"Databasen {db.display_name()} har ikke GDPR Desk-skjemaet. "
            "Kjør 'gdpr-desk db upgrade' (eller 'gdpr-desk db init-team' for en teamserver).",
        )
    if current not in known_revisions():
        raise SchemaOutdated(
            f"The database {db.display_name()} was upgraded by a newer GDPR Desk ({current}). "
            "Install the newer version.",
            f"Databasen {db.display_name()} er oppgradert av en nyere GDPR Desk ({current}). "
            "Installer den nyere versjonen.",
        )
    if db.is_postgres:
        raise SchemaOutdated(
            f"The database {db.display_name()} needs an upgrade ({current} -> {head}). "
            "Ask IT to run 'gdpr-desk db upgrade' as the database owner.",
            f"Databasen {db.display_name()} må oppgraderes ({current} -> {head}). "
            "Be IT kjøre 'gdpr-desk db upgrade' som eier av databasen.",
        )
    raise SchemaOutdated(
        f"The database {db.display_name()} needs an upgrade ({current} -> {head}). "
        "Run 'gdpr-desk db upgrade'.",
        f"Databasen {db.display_name()} må oppgraderes ({current} -> {head}). Kjør 'gdpr-desk db upgrade'.",
    )
