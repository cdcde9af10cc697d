"""Migration 0010 on the real PostgreSQL server: it downgrades cleanly and upgrades again, with every
"which staff member" stamp trigger in place. Each test has its own scratch database."""

from __future__ import annotations

from alembic import command
from sqlalchemy import text

from desktop.storage.database import Database
from desktop.storage.migrate import alembic_config, current_revision, head_revision, upgrade

_STAMPED = {"access_reason", "contact", "fraud_weighing", "identity_verification", "one_time_code", "org_setting",
            "recipient_notification", "rectification_change", "register_copy_redaction", "written_file"}


def _stamp_triggers(db: Database) -> set[str]:
    with db.transaction() as s:
        return set(s.execute(text("SELECT c.relname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
                                  "WHERE t.tgname LIKE '%\\_stamp\\_actor'")).scalars())


def test_0010_downgrades_and_upgrades_again(pg_url: str) -> None:
    db = Database(pg_url)
    try:
        upgrade(db, "0010")
        assert _stamp_triggers(db) == _STAMPED
        command.downgrade(alembic_config(db), "0009")
        assert current_revision(db) == "0009"
        assert _stamp_triggers(db) == set()
        with db.transaction() as s:
            left = s.execute(text("SELECT count(*) FROM pg_proc WHERE proname LIKE 'gdpr\\_desk\\_audit\\_%'")).scalar()
            tables = set(s.execute(text("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()"))
                         .scalars())
        assert left == 0 and not tables & {"access_log_pending", "audit_server_key"}
        upgrade(db)
        assert current_revision(db) == head_revision() and _stamp_triggers(db) == _STAMPED
    finally:
        db.dispose()
