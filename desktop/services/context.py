"""The composition of one open database: storage, keys, policy and the access log.

Built once at start (GUI or CLI) and handed to every service, so no service reaches for globals.
"""

from __future__ import annotations

import platform
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime

from cryptography.exceptions import InvalidTag
from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.audit.log import GENESIS, AuditLog, chain_hash
from desktop.audit.server_chain import server_chain_from
from desktop.errors import KeyringUnavailable
from desktop.models import AccessLogEntry, Customer, DbMeta
from desktop.policy import Policy, load_policy
from desktop.security.crypto import decrypt, keyed_hash
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


def verify_keys(session: Session, meta: dict[str, str], keys: DeskKeys) -> str:
    """Say what proved the keys right; raise if anything proves them wrong.

    The key check value decides when the database has one. An older database without it is checked
    against what the keys made: the first access-log entry (chain key) and one stored identity
    number (encryption and hash keys). A database with none of these cannot tell: "" is returned.
    """
    instance_id = meta["instance_id"]
    wrong = KeyringUnavailable(
        f"These keys do not belong to database {instance_id}; nothing was changed.",
        f"Disse nøklene hører ikke til database {instance_id}; ingenting ble endret.",
    )
    stored = meta.get(KEY_CHECK_META)
    if stored is not None:
        if not key_check_matches(keys, instance_id, stored):
            raise wrong
        return "the database's key check value"
    checked: list[str] = []
    first = session.execute(select(AccessLogEntry).where(AccessLogEntry.seq == 1)).scalar_one_or_none()
    server_from = server_chain_from(meta)
    if first is not None and (server_from is None or server_from > 1):  # not chained by the server
        if chain_hash(keys.audit, GENESIS, first) != first.entry_hash:
            raise wrong
        checked.append("the first access-log entry")
    row = session.execute(
        select(Customer.nid_encrypted, Customer.nid_hash, Customer.nid_country)
        .where(Customer.nid_encrypted.is_not(None), Customer.nid_hash.is_not(None)).limit(1)
    ).first()
    if row is not None:
        try:
            number = decrypt(keys.nid_enc, bytes(row[0] or b""))
        except (InvalidTag, ValueError) as exc:
            raise wrong from exc
        if keyed_hash(keys.nid_hash, f"{row[2]}:{number}") != row[1]:
            raise wrong
        checked.append("a stored identity number")
    return " and ".join(checked)


def check_keys(db: Database, meta: dict[str, str], keys: DeskKeys, *, store: bool) -> None:
    """Refuse keys that are not this database's; record the check value once (when `store`).

    Wrong keys would chain access-log entries nobody can verify and make identity numbers
    unreadable, so a workstation with another database's keys must stop before writing anything.
    Before the check value is recorded the keys are tried against what the database already holds:
    keys made afresh for an older database whose keyring entry was lost must not become its record.
    """
    instance_id = meta["instance_id"]
    stored = meta.get(KEY_CHECK_META)
    if stored is None:
        if store:
            with db.transaction() as session:
                if session.get(DbMeta, KEY_CHECK_META) is None:
                    verify_keys(session, meta, keys)
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
        # A database with a key check value has keys somewhere: new ones made here would be wrong,
        # and the person is told to import the right ones instead.
        create = (create_keys or migrate) and KEY_CHECK_META not in meta
        keys = load_keys(meta["instance_id"], demo=is_demo, key_file=key_file, create=create)
        check_keys(db, meta, keys, store=migrate)
        return DeskContext(
            db=db, keys=keys, policy=load_policy(),
            audit=AuditLog(keys.audit, server_from=server_chain_from(meta) if db.is_postgres else None),
            instance_id=meta["instance_id"], demo=is_demo, workstation=workstation or workstation_name(),
        )
    except BaseException:
        db.dispose()
        raise
