"""Migration 0011 matches the models exactly and goes down and up again."""

from __future__ import annotations

import re
from pathlib import Path

from sqlalchemy import inspect

NEW = {"source_record", "source_cursor", "source_sync_run", "source_conflict"}


def test_0011_up_down_up_on_sqlite(tmp_path: Path) -> None:
    from alembic import command
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from desktop.models import Base
    from desktop.storage.database import Database
    from desktop.storage.migrate import alembic_config, upgrade

    db = Database(f"sqlite:///{tmp_path / 'm.sqlite3'}")
    try:
        upgrade(db)
        assert set(inspect(db.engine).get_table_names()) >= NEW
        with db.engine.connect() as conn:
            diffs = compare_metadata(MigrationContext.configure(conn), Base.metadata)
        assert [d for d in diffs if NEW & set(re.findall(r"'(\w+)'", repr(d)))] == []
        cfg = alembic_config(db)
        with db.engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, "0005")
        assert not NEW & set(inspect(db.engine).get_table_names())
        upgrade(db)
        assert set(inspect(db.engine).get_table_names()) >= NEW
    finally:
        db.dispose()
