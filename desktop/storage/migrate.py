"""Schema migrations through Alembic, driven from code (`gdpr-desk db upgrade`), not an ini file."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from desktop.errors import SchemaOutdated
from desktop.storage.database import Database

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def alembic_config(db: Database) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.set_main_option("sqlalchemy.url", db.url.render_as_string(hide_password=False).replace("%", "%%"))
    return cfg


def head_revision() -> str:
    script = ScriptDirectory(str(MIGRATIONS))
    head = script.get_current_head()
    assert head is not None
    return head


def current_revision(db: Database) -> str | None:
    with db.engine.connect() as conn:
        rev = MigrationContext.configure(conn).get_current_revision()
        conn.rollback()
        return rev


def upgrade(db: Database, revision: str = "head") -> None:
    cfg = alembic_config(db)
    with db.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)


def ensure_current(db: Database) -> None:
    """Refuse to run on a database whose schema this program does not know."""
    current = current_revision(db)
    head = head_revision()
    if current == head:
        return
    if current is None:
        raise SchemaOutdated(
            f"The database {db.display_name()} has no GDPR Desk schema. "
            "Run 'gdpr-desk db upgrade' (or 'gdpr-desk db init-team' for a team server).",
            f"Databasen {db.display_name()} har ikke GDPR Desk-skjemaet. "
            "Kjør 'gdpr-desk db upgrade' (eller 'gdpr-desk db init-team' for en teamserver).",
        )
    script = ScriptDirectory(str(MIGRATIONS))
    known = {rev.revision for rev in script.walk_revisions()}
    if current not in known:
        raise SchemaOutdated(
            f"The database {db.display_name()} was upgraded by a newer GDPR Desk ({current}). "
            "Install the newer version.",
            f"Databasen {db.display_name()} er oppgradert av en nyere GDPR Desk ({current}). "
            "Installer den nyere versjonen.",
        )
    raise SchemaOutdated(
        f"The database {db.display_name()} needs an upgrade ({current} -> {head}). "
        "Run 'gdpr-desk db upgrade'.",
        f"Databasen {db.display_name()} må oppgraderes ({current} -> {head}). Kjør 'gdpr-desk db upgrade'.",
    )
