"""The composition of one open database: storage, keys, policy and the access log.

Built once at start (GUI or CLI) and handed to every service, so no service reaches for globals.
"""

from __future__ import annotations

import platform
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import select

from desktop.audit.log import AuditLog
from desktop.models import DbMeta
from desktop.policy import Policy, load_policy
from desktop.security.keys import DeskKeys, key_file_for, load_keys
from desktop.storage.database import Database
from desktop.storage.migrate import ensure_current, upgrade


@dataclass
class DeskContext:
    db: Database
    keys: DeskKeys
    audit: AuditLog
    policy: Policy
    instance_id: str
    demo: bool
    workstation: str

    def close(self) -> None:
        self.db.dispose()


def workstation_name() -> str:
    return platform.node() or "workstation"


def read_meta(db: Database) -> dict[str, str]:
    with db.transaction() as session:
        return {m.key: m.value for m in session.execute(select(DbMeta)).scalars()}


def init_meta(db: Database, *, demo: bool) -> dict[str, str]:
    """Give a fresh database its instance id (which names its keys) and its demo flag, once."""
    with db.transaction() as session:
        existing = {m.key: m.value for m in session.execute(select(DbMeta)).scalars()}
        if "instance_id" not in existing:
            values = {
                "instance_id": str(uuid.uuid4()),
                "demo": "1" if demo else "0",
                "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
            }
            session.add_all(DbMeta(key=k, value=v) for k, v in values.items())
            existing.update(values)
    return existing


def open_desk(
    url: str,
    *,
    migrate: bool = False,
    demo: bool = False,
    create_keys: bool = False,
    workstation: str | None = None,
) -> DeskContext:
    """Open a database for work; raises DeskError subclasses with messages, never tracebacks."""
    db = Database(url, create=migrate)
    try:
        if migrate:
            upgrade(db)
        ensure_current(db)
        meta = init_meta(db, demo=demo) if migrate else read_meta(db)
        if "instance_id" not in meta:
            meta = init_meta(db, demo=demo)
        is_demo = meta.get("demo") == "1"
        key_file = key_file_for(db.sqlite_path) if db.sqlite_path is not None else None
        keys = load_keys(meta["instance_id"], demo=is_demo, key_file=key_file, create=create_keys or migrate)
        return DeskContext(
            db=db, keys=keys, audit=AuditLog(keys.audit), policy=load_policy(),
            instance_id=meta["instance_id"], demo=is_demo, workstation=workstation or workstation_name(),
        )
    except BaseException:
        db.dispose()
        raise
