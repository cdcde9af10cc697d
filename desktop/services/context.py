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
from desktop.errors import KeyringUnavailable
from desktop.models import DbMeta
from desktop.policy import Policy, load_policy
from desktop.security.key_transfer import KEY_CHECK_META, key_check_matches, key_check_value
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

    def schema_revision(self) -> str:
        """The open database's schema: `open_desk` refuses any other than the newest this program knows."""
        from desktop.storage.migrate import head_revision

        return head_revision()


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


def check_keys(db: Database, meta: dict[str, str], keys: DeskKeys, *, store: bool) -> None:
    """Refuse keys that are not this database's; record the check value once (when `store`).

    Wrong keys would chain access-log entries nobody can verify and make identity numbers
    unreadable, so a workstation with another database's keys must stop before writing anything.
    """
    instance_id = meta["instance_id"]
    stored = meta.get(KEY_CHECK_META)
    if stored is None:
        if store:
            with db.transaction() as session:
                if session.get(DbMeta, KEY_CHECK_META) is None:
                    session.add(DbMeta(key=KEY_CHECK_META, value=key_check_value(keys, instance_id)))
                    meta[KEY_CHECK_META] = key_check_value(keys, instance_id)
        return
    if not key_check_matches(keys, instance_id, stored):
        raise KeyringUnavailable(
            f"The keys on this workstation do not belong to database {instance_id}. Import the right "
            "ones with 'gdpr-desk keys import --db URL --in FILE' (IT has the export).",
            f"Nøklene på denne maskinen hører ikke til database {instance_id}. Importer de riktige med "
            "'gdpr-desk keys import --db URL --in FIL' (IT har eksporten).",
        )


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
        check_keys(db, meta, keys, store=migrate)
        return DeskContext(
            db=db, keys=keys, audit=AuditLog(keys.audit), policy=load_policy(),
            instance_id=meta["instance_id"], demo=is_demo, workstation=workstation or workstation_name(),
        )
    except BaseException:
        db.dispose()
        raise
