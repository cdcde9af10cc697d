"""A team's PostgreSQL server: the schema, an application role that cannot rewrite history, the keys.

`gdpr-desk db init-team` runs as the database owner. The owner runs migrations and owns every
table, trigger and function; the workstations connect as a separate application role that owns
nothing. PostgreSQL lets only an owner (or a superuser) drop or disable a trigger, so the access
log's append-only triggers hold against the application role, and its privileges leave it no
UPDATE, DELETE or TRUNCATE on the log to begin with: protection twice over.

The application role's privileges are computed from the models rather than listed by hand:
DELETE only where erasure and retention remove rows (the policy's record kinds, search tokens and
the desk's own verification rows), SELECT/INSERT/UPDATE on the other working tables, SELECT and
INSERT on the access log, SELECT and UPDATE on its head row (the append moves it forward), SELECT
on the metadata and on Alembic's version table. The role names are recorded in the metadata, and
`gdpr-desk db upgrade` run by the owner grants them again, so a table a later migration adds is
covered (chosen over ALTER DEFAULT PRIVILEGES, which would give every new table the same
privileges whatever it holds).

Keys: the first init-team makes the database's keys in the keyring of the machine running it and
records their check value; `keys export` carries them, encrypted under a passphrase, to each
workstation's `keys import`, which refuses a file for another database and keys that fail the check.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, cast

from sqlalchemy import Connection, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError

from desktop.domain.roles import DEFAULT_APP_ROLE
from desktop.errors import DatabaseUnavailable, InvalidInput, KeyringUnavailable, SchemaOutdated
from desktop.models import (
    RECORD_MODELS,
    AccessReason,
    Base,
    Contact,
    IdentityVerification,
    OneTimeCode,
    SearchToken,
    VerificationLockout,
)
from desktop.security.key_transfer import (
    KEY_CHECK_META,
    check_passphrase,
    header_of,
    open_sealed,
    read_export,
    refuse_existing,
    seal,
    write_export,
)
from desktop.security.keys import (
    HOW_TO_GET_A_KEYRING,
    SERVICE,
    DeskKeys,
    export_keys,
    import_keys,
    keyring_available,
    keyring_entry,
    load_keys,
)
from desktop.services.context import check_keys, init_meta, open_desk, read_meta, verify_keys
from desktop.storage.database import Database, describe_db_error
from desktop.storage.migrate import current_revision, ensure_current, head_revision, known_revisions, upgrade

#: db_meta entry: the application roles init-team set up (a JSON list), granted again on upgrade.
APP_ROLES_META = "team_app_roles"

_READ = ("SELECT",)
_APPEND = ("SELECT", "INSERT")
_WORK = ("SELECT", "INSERT", "UPDATE")
_ERASE = ("SELECT", "INSERT", "UPDATE", "DELETE")
_FIXED: dict[str, tuple[str, ...]] = {
    "access_log": _APPEND,
    "audit_head": ("SELECT", "UPDATE"),  # the append advances the head row (SELECT ... FOR UPDATE)
    "db_meta": _READ,  # instance id, demo flag and key check: written by the owner only
    "alembic_version": _READ,  # the desk checks the schema version; only the owner migrates
}
#: Tables whose rows the desk deletes: erasure and retention (services/erasure.apply_items) and
#: re-indexing a person's search tokens (services/registry). Every other table keeps its rows.
_DELETED_BY_THE_DESK = (
    frozenset(cast(Any, m).__tablename__ for m in RECORD_MODELS.values())
    | {cast(Any, m).__tablename__ for m in (SearchToken, AccessReason, OneTimeCode, VerificationLockout,
                                            IdentityVerification, Contact)}
)
_ROLE_NAME = re.compile(r"[a-z_][a-z0-9_]{0,62}")


def table_privileges() -> dict[str, tuple[str, ...]]:
    """What the application role may do, table by table: no more than the desk's code does."""
    out: dict[str, tuple[str, ...]] = {}
    for name in sorted(Base.metadata.tables):
        out[name] = _FIXED.get(name) or (_ERASE if name in _DELETED_BY_THE_DESK else _WORK)
    out["alembic_version"] = _FIXED["alembic_version"]
    return out


def _q(identifier: str) -> str:
    """Quote an identifier for DDL (which takes no bind parameters)."""
    return '"' + identifier.replace('"', '""') + '"'


def check_role_name(name: str) -> str:
    name = name.strip()
    if not _ROLE_NAME.fullmatch(name) or name.startswith("pg_") or name in {"public", "none", "current_user",
                                                                        "session_user", "current_role"}:
        raise InvalidInput(
            f"'{name}' cannot be the application role: use lower-case letters, digits and _ "
            f"(at most 63, not starting with pg_), e.g. {DEFAULT_APP_ROLE}.",
            f"'{name}' kan ikke være applikasjonsrollen: bruk små bokstaver, sifre og _ "
            f"(høyst 63, ikke med pg_ først), f.eks. {DEFAULT_APP_ROLE}.",
        )
    return name


# --- init-team ----------------------------------------------------------------------------------


@dataclass
class TeamSetupReport:
    database: str
    owner: str
    schema: str
    app_role: str
    app_url: str
    owner_url: str
    revision_before: str | None
    revision_after: str
    instance_id: str
    keys: str
    role: str
    database_connect: str
    tables: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def describe(self) -> str:
        by_privs: dict[tuple[str, ...], list[str]] = {}
        for table, privs in self.tables.items():
            by_privs.setdefault(privs, []).append(table)
        grants = [f"  {', '.join(p)} on {len(t)} table{'s' if len(t) != 1 else ''}"
                  + (f": {', '.join(sorted(t))}" if len(t) <= 4 else "")
                  for p, t in sorted(by_privs.items(), key=lambda kv: (-len(kv[0]), kv[0]))]
        return "\n".join([
            f"database {self.database} (owner role {self.owner}, schema {self.schema})",
            f"schema: {self.revision_before or 'empty'} -> {self.revision_after}",
            f"instance {self.instance_id}; keys: {self.keys}",
            f"application role {self.app_role}: {self.role}",
            f"PUBLIC: all privileges revoked on schema {self.schema} and its tables, sequences and functions",
            f"database: {self.database_connect}",
            f"{self.app_role} may (and nothing more; it owns nothing, so it cannot drop or disable the log's "
            "triggers):",
            *grants,
            f"  USAGE on schema {self.schema}; USAGE, SELECT on its sequences",
            "",
            "Next steps:",
            "  (the URLs carry no password: psql's ~/.pgpass file or PGPASSWORD supplies it)",
            "  1. Export the keys and keep the file and its passphrase apart, with the backups:",
            f"       gdpr-desk keys export --db '{self.owner_url}' --out gdpr-desk-keys.json",
            "  2. On each workstation (its own keyring), import them once:",
            f"       gdpr-desk keys import --db '{self.app_url}' --in gdpr-desk-keys.json",
            "  3. Workstations connect as the application role (GDPR_DESK_DB or --db); keep the password in",
            "     the user's ~/.pgpass (pgpass.conf on Windows), not in the URL:",
            f"       {self.app_url}",
            "  4. The first start of the desk asks for the first administrator's account.",
            f"  5. After installing a newer GDPR Desk, run as the owner: gdpr-desk db upgrade --db '{self.owner_url}'",
            "     (it grants the application role the new tables as well).",
        ])


@dataclass
class _Preflight:
    owner: str
    database: str
    schema: str
    superuser: bool
    can_create_roles: bool
    owns_database: bool
    revision: str | None
    meta: dict[str, str]
    role_exists: bool
    role_needs_alter: bool


def _scalar(conn: Connection, sql: str, **params: object) -> Any:
    return conn.execute(text(sql), params).scalar()


def _preflight(db: Database, app_role: str, with_password: bool) -> _Preflight:
    """Everything that can be refused is refused here, before anything is changed."""
    if not keyring_available():
        raise KeyringUnavailable(
            "init-team makes the database's keys in this machine's keyring, and none is available. "
            "Run it on a machine with a keyring (Windows, macOS, or Linux with GNOME Keyring or KWallet).",
            "init-team lager databasens nøkler i nøkkelringen på denne maskinen, og ingen er tilgjengelig. "
            "Kjør den på en maskin med nøkkelring (Windows, macOS eller Linux med GNOME Keyring eller KWallet).",
        )
    with db.engine.connect() as conn:
        row = conn.execute(text(
            "SELECT current_user, current_database(), current_schema(), r.rolsuper, r.rolcreaterole, "
            "pg_has_role(current_user, d.datdba, 'USAGE') "
            "FROM pg_roles r, pg_database d WHERE r.rolname = current_user AND d.datname = current_database()"
        )).one()
        owner, database, schema, superuser, createrole, owns_db = row
        if schema is None:
            raise DatabaseUnavailable(
                f"The database {database} has no schema on {owner}'s search_path to create the tables in.",
                f"Databasen {database} har ikke noe skjema i {owner}s search_path å lage tabellene i.",
            )
        if app_role == owner:
            raise InvalidInput(
                f"The application role must not be the owner ({owner}): the owner can disable the access "
                "log's triggers. Choose another --app-role.",
                f"Applikasjonsrollen kan ikke være eieren ({owner}): eieren kan slå av tilgangsloggens "
                "triggere. Velg en annen --app-role.",
            )
        names = [*table_privileges()]
        owners = [r[0] for r in conn.execute(text(
            "SELECT DISTINCT tableowner FROM pg_tables WHERE schemaname = :s AND tablename = ANY(:names)"
        ), {"s": schema, "names": names})]
        for table_owner in owners:
            if not superuser and not _scalar(conn, "SELECT pg_has_role(current_user, :o, 'USAGE')", o=table_owner):
                raise DatabaseUnavailable(
                    f"The GDPR Desk tables in {database} belong to the role {table_owner}; run init-team as "
                    f"{table_owner}.",
                    f"GDPR Desk-tabellene i {database} tilhører rollen {table_owner}; kjør init-team som "
                    f"{table_owner}.",
                )
        app = conn.execute(text(
            "SELECT oid, rolsuper, rolcanlogin, rolcreatedb, rolcreaterole, rolreplication, rolbypassrls "
            "FROM pg_roles WHERE rolname = :r"), {"r": app_role}).first()
        needs_alter = False
        if app is not None:
            if app.rolsuper:
                raise InvalidInput(
                    f"The role {app_role} is a superuser: it could change the access log. Choose another "
                    "--app-role, or have the database administrator make it NOSUPERUSER.",
                    f"Rollen {app_role} er superbruker: den kan endre tilgangsloggen. Velg en annen --app-role, "
                    "eller be databaseadministratoren gjøre den NOSUPERUSER.",
                )
            for table_owner in {owner, *owners}:
                if _scalar(conn, "SELECT pg_has_role(:a, :o, 'MEMBER')", a=app_role, o=table_owner):
                    raise InvalidInput(
                        f"The role {app_role} is a member of {table_owner}, which owns the tables, so it could "
                        f"drop the access log's triggers. Run 'REVOKE {_q(table_owner)} FROM {_q(app_role)}' first.",
                        f"Rollen {app_role} er medlem av {table_owner}, som eier tabellene, og kan derfor fjerne "
                        f"tilgangsloggens triggere. Kjør 'REVOKE {_q(table_owner)} FROM {_q(app_role)}' først.",
                    )
            owned = _scalar(conn, "SELECT (SELECT count(*) FROM pg_class c JOIN pg_namespace n "
                            "ON n.oid = c.relnamespace WHERE c.relowner = :oid AND n.nspname = :s) "
                            "+ (SELECT count(*) FROM pg_namespace WHERE nspowner = :oid AND nspname = :s) "
                            "+ (SELECT count(*) FROM pg_database WHERE datdba = :oid "
                            "AND datname = current_database())", oid=app.oid, s=schema)
            if owned:
                raise InvalidInput(
                    f"The role {app_role} owns objects in {database} (tables, the schema or the database), so "
                    "it could disable the access log's triggers. Choose another --app-role.",
                    f"Rollen {app_role} eier objekter i {database} (tabeller, skjemaet eller databasen), og kan "
                    "derfor slå av tilgangsloggens triggere. Velg en annen --app-role.",
                )
            needs_alter = with_password or not app.rolcanlogin or any(
                (app.rolcreatedb, app.rolcreaterole, app.rolreplication, app.rolbypassrls))
        # Outside "public" the role needs its search_path set to find the tables (ALTER ROLE too).
        if (app is None or needs_alter or schema != "public") and not (superuser or createrole):
            raise DatabaseUnavailable(
                f"The role {owner} may not create or change roles. Give it CREATEROLE, or have the database "
                f"administrator run: CREATE ROLE {_q(app_role)} LOGIN PASSWORD '...';",
                f"Rollen {owner} har ikke lov til å opprette eller endre roller. Gi den CREATEROLE, eller be "
                f"databaseadministratoren kjøre: CREATE ROLE {_q(app_role)} LOGIN PASSWORD '...';",
            )
        conn.rollback()
    revision = current_revision(db)
    if revision is not None and revision not in known_revisions():
        ensure_current(db)  # raises: upgraded by a newer GDPR Desk
    meta: dict[str, str] = {}
    if revision is not None:
        meta = read_meta(db)
    if "instance_id" in meta:
        instance_id = meta["instance_id"]
        keys = load_keys(instance_id, demo=False, key_file=None, create=False)  # raises: import them first
        with db.transaction() as s:
            verify_keys(s, meta, keys)
    return _Preflight(owner, database, schema, bool(superuser), bool(createrole), bool(owns_db), revision, meta,
                      app is not None, needs_alter)


def _grant(conn: Connection, schema: str, app_role: str) -> dict[str, tuple[str, ...]]:
    """Give the role exactly its privileges: revoke everything first, so a rerun changes nothing."""
    s, r = _q(schema), _q(app_role)
    existing = {row[0] for row in conn.execute(
        text("SELECT tablename FROM pg_tables WHERE schemaname = :s"), {"s": schema})}
    for kind in ("TABLES", "SEQUENCES", "FUNCTIONS"):
        conn.exec_driver_sql(f"REVOKE ALL ON ALL {kind} IN SCHEMA {s} FROM PUBLIC")
        conn.exec_driver_sql(f"REVOKE ALL ON ALL {kind} IN SCHEMA {s} FROM {r}")
    conn.exec_driver_sql(f"REVOKE ALL ON SCHEMA {s} FROM PUBLIC")
    conn.exec_driver_sql(f"REVOKE ALL ON SCHEMA {s} FROM {r}")
    conn.exec_driver_sql(f"GRANT USAGE ON SCHEMA {s} TO {r}")
    granted: dict[str, tuple[str, ...]] = {}
    for table, privs in table_privileges().items():
        if table in existing:
            conn.exec_driver_sql(f"GRANT {', '.join(privs)} ON TABLE {s}.{_q(table)} TO {r}")
            granted[table] = privs
    conn.exec_driver_sql(f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {s} TO {r}")
    return granted


def _record_roles(conn: Connection, roles: Iterable[str]) -> None:
    conn.execute(text(
        "INSERT INTO db_meta (key, value) VALUES (:k, :v) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value"
    ), {"k": APP_ROLES_META, "v": json.dumps(sorted(set(roles)))})


def _recorded_roles(meta: dict[str, str]) -> list[str]:
    try:
        roles = json.loads(meta.get(APP_ROLES_META, "[]"))
    except ValueError:
        return []
    return [r for r in roles if isinstance(r, str) and _ROLE_NAME.fullmatch(r)] if isinstance(roles, list) else []


def init_team(url: str, *, app_role: str = DEFAULT_APP_ROLE, app_password: str | None = None) -> TeamSetupReport:
    """Set up (or check and repair) a team database; safe to run again."""
    app_role = check_role_name(app_role)
    if app_password is not None and not app_password:
        raise InvalidInput("The application role's password is empty.", "Passordet til applikasjonsrollen er tomt.")
    parsed = make_url(url)
    if parsed.get_backend_name() != "postgresql":
        raise InvalidInput(
            "init-team sets up a PostgreSQL server: give --db postgresql+psycopg://OWNER@HOST/DATABASE.",
            "init-team setter opp en PostgreSQL-server: oppgi --db postgresql+psycopg://EIER@VERT/DATABASE.",
        )
    db = Database(parsed)  # refuses an unreachable server, a missing database, fsync/full_page_writes off
    try:
        pre = _preflight(db, app_role, app_password is not None)
        upgrade(db)
        meta = init_meta(db, demo=False)
        instance_id = meta["instance_id"]
        new_instance = "instance_id" not in pre.meta
        keys = load_keys(instance_id, demo=False, key_file=None, create=new_instance)
        had_check = KEY_CHECK_META in meta
        check_keys(db, meta, keys, store=True)
        keys_note = (f"made in this machine's keyring ({SERVICE} / {keyring_entry(instance_id)})" if new_instance
                     else "found in this machine's keyring and verified")
        if not had_check:
            keys_note += "; key check value recorded"
        try:
            with db.engine.begin() as conn:
                role_note = _ensure_role(conn, app_role, app_password, pre)
                if pre.superuser or pre.owns_database:
                    d = _q(pre.database)
                    conn.exec_driver_sql(f"REVOKE ALL ON DATABASE {d} FROM PUBLIC")
                    conn.exec_driver_sql(f"GRANT CONNECT ON DATABASE {d} TO {_q(app_role)}")
                    connect_note = (f"CONNECT revoked from PUBLIC on {pre.database}; granted to {app_role} "
                                    "(other roles that connect need GRANT CONNECT)")
                else:
                    connect_note = (f"{pre.owner} does not own {pre.database}, so PUBLIC keeps CONNECT on it "
                                    "(the tables are closed to PUBLIC all the same)")
                tables = _grant(conn, pre.schema, app_role)
                _record_roles(conn, [*_recorded_roles(meta), app_role])
        except DBAPIError as exc:
            # Not chained: the failed statement can be CREATE/ALTER ROLE with the password's verifier.
            raise describe_db_error(exc, db.url) from None
        # Printed without a password: the commands take it from ~/.pgpass or PGPASSWORD.
        owner_url = db.url.set(password=None).render_as_string(hide_password=False)
        return TeamSetupReport(
            database=db.display_name(), owner=pre.owner, schema=pre.schema, app_role=app_role,
            app_url=db.url.set(username=app_role, password=None).render_as_string(hide_password=False),
            owner_url=owner_url, revision_before=pre.revision, revision_after=head_revision(),
            instance_id=instance_id, keys=keys_note, role=role_note, database_connect=connect_note, tables=tables,
        )
    finally:
        db.dispose()


def _ensure_role(conn: Connection, app_role: str, password: str | None, pre: _Preflight) -> str:
    r = _q(app_role)
    attrs = "LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS INHERIT"
    verifier = ""
    if password is not None:
        # The server gets a SCRAM verifier made here by libpq, never the password itself, so the
        # password does not appear in a statement log.
        raw = conn.connection.dbapi_connection
        pgconn = getattr(raw, "pgconn", None)
        if pgconn is None:
            raise DatabaseUnavailable("The database driver cannot set a password; use psycopg 3.",
                                      "Databasedriveren kan ikke sette passord; bruk psycopg 3.")
        hashed = pgconn.encrypt_password(password.encode("utf-8"), app_role.encode("utf-8"), b"scram-sha-256")
        verifier = bytes(hashed).decode("ascii")
        if "'" in verifier or "\\" in verifier:
            raise DatabaseUnavailable("The password could not be encoded.", "Passordet kunne ikke kodes.")
        verifier = f" PASSWORD '{verifier}'"
    where = ""
    if pre.schema != "public":
        where = f"; search_path {pre.schema} in {pre.database}"
    if not pre.role_exists:
        conn.exec_driver_sql(f"CREATE ROLE {r} {attrs}{verifier}")
        note = "created (LOGIN" + (", password set)" if password is not None else ", no password: use another "
                                   "authentication method in pg_hba.conf, or rerun with --app-password-stdin)")
    elif pre.role_needs_alter:
        conn.exec_driver_sql(f"ALTER ROLE {r} WITH {attrs.replace(' INHERIT', '')}{verifier}")
        note = "existed; set to LOGIN with no special rights" + ("; password changed" if password is not None else "")
    else:
        note = "existed; unchanged (password not changed)"
    if where:
        conn.exec_driver_sql(f"ALTER ROLE {r} IN DATABASE {_q(pre.database)} SET search_path = {_q(pre.schema)}")
    return note + where


def reapply_grants(db: Database) -> list[str]:
    """After an upgrade by the owner: grant the recorded application roles again (new tables too)."""
    if not db.is_postgres:
        return []
    meta = read_meta(db)
    roles = _recorded_roles(meta)
    if not roles:
        return []
    notes: list[str] = []
    try:
        with db.engine.begin() as conn:
            schema = _scalar(conn, "SELECT current_schema()")
            if schema is None:
                raise DatabaseUnavailable(
                    f"The database {db.display_name()} has no schema on this role's search_path: the grants "
                    "for the application roles were not renewed. Run 'gdpr-desk db upgrade' as the owner "
                    "with the search_path init-team used.",
                    f"Databasen {db.display_name()} har ikke noe skjema i rollens search_path: tilgangene til "
                    "applikasjonsrollene ble ikke fornyet. Kjør 'gdpr-desk db upgrade' som eieren med den "
                    "search_path init-team brukte.",
                )
            owners = [r[0] for r in conn.execute(text(
                "SELECT DISTINCT tableowner FROM pg_tables WHERE schemaname = :s AND tablename = 'access_log'"),
                {"s": schema})]
            if not all(_scalar(conn, "SELECT pg_has_role(current_user, :o, 'USAGE')", o=o) for o in owners):
                return [f"grants for {', '.join(roles)} not renewed: run 'gdpr-desk db upgrade' as the owner"]
            for role in roles:
                if not _scalar(conn, "SELECT count(*) FROM pg_roles WHERE rolname = :r", r=role):
                    notes.append(f"application role {role} no longer exists: skipped")
                    continue
                tables = _grant(conn, schema, role)
                notes.append(f"application role {role}: privileges renewed on {len(tables)} tables")
    except DBAPIError as exc:
        raise describe_db_error(exc, db.url) from exc
    return notes


# --- key export and import ----------------------------------------------------------------------


@dataclass(frozen=True)
class KeyExport:
    path: Path
    instance_id: str
    database: str


def export_keys_file(url: str, out: Path, passphrase: str) -> KeyExport:
    """Write the database's keys, encrypted under the passphrase, to a new private file."""
    check_passphrase(passphrase)
    refuse_existing(out)
    ctx = open_desk(url)  # checks the schema and that this machine's keys belong to the database
    try:
        data = seal(ctx.keys, ctx.instance_id, ctx.db.display_name(),
                    datetime.now(UTC).isoformat(timespec="seconds"), passphrase)
        write_export(out, data)
        return KeyExport(out, ctx.instance_id, ctx.db.display_name())
    finally:
        ctx.close()


@dataclass(frozen=True)
class KeyImport:
    instance_id: str
    database: str
    checked_against: str
    #: "added", "replaced" (this workstation had other keys for the database) or "unchanged".
    outcome: str

    def describe(self) -> str:
        proof = (f"verified against {self.checked_against}" if self.checked_against else
                 "not verified: the database holds nothing yet to check them against")
        what = {"added": "imported into this workstation's keyring",
                "replaced": "imported; they replace other keys this workstation had for it",
                "unchanged": "already in this workstation's keyring"}[self.outcome]
        return f"keys for database {self.database} (instance {self.instance_id}): {what}; {proof}"


def import_keys_file(url: str, path: Path, passphrase: Callable[[], str]) -> KeyImport:
    """Check the file is for this database, decrypt, verify the keys, then write them to the keyring.

    The passphrase is asked for only once the file has been found to belong to the database.
    """
    import keyring
    from keyring.errors import KeyringError

    raw = read_export(path)
    if not keyring_available():
        raise KeyringUnavailable(
            "No OS keyring is available to import the keys into. " + HOW_TO_GET_A_KEYRING,
            "Ingen nøkkelring er tilgjengelig å importere nøklene til. Windows og macOS har nøkkelring innebygd; "
            "på Linux installer og lås opp GNOME Keyring eller KWallet (f.eks. 'sudo apt-get install gnome-keyring').",
        )
    header = header_of(raw)
    db = Database(url, create=False)
    try:
        if current_revision(db) is None:
            ensure_current(db)  # raises: this database has no GDPR Desk schema
        meta = read_meta(db)
        instance_id = meta.get("instance_id")
        if instance_id is None:
            raise SchemaOutdated(
                f"The database {db.display_name()} has no instance id yet; run 'gdpr-desk db upgrade' first.",
                f"Databasen {db.display_name()} har ikke noe instans-id ennå; kjør 'gdpr-desk db upgrade' først.",
            )
        if header.instance_id != instance_id:
            raise InvalidInput(
                f"{path} holds the keys of another database (instance {header.instance_id}, exported from "
                f"{header.database}), not of {db.display_name()} (instance {instance_id}). Nothing was imported.",
                f"{path} har nøklene til en annen database (instans {header.instance_id}, eksportert fra "
                f"{header.database}), ikke til {db.display_name()} (instans {instance_id}). Ingenting ble importert.",
            )
        keys = open_sealed(raw, passphrase(), path)
        with db.transaction() as s:
            checked = verify_keys(s, meta, keys)
        database = db.display_name()
    finally:
        db.dispose()
    blob = export_keys(keys)
    try:
        before = keyring.get_password(SERVICE, keyring_entry(instance_id))
        if before is not None and _same_keys(before, keys):
            outcome = "unchanged"
        else:
            import_keys(instance_id, blob)
            outcome = "added" if before is None else "replaced"
    except KeyringError as exc:
        raise KeyringUnavailable(f"The OS keyring failed ({exc}); nothing was imported.",
                                 f"Nøkkelringen i operativsystemet feilet ({exc}); ingenting ble importert.") from exc
    return KeyImport(instance_id, database, checked, outcome)


def _same_keys(blob: str, keys: DeskKeys) -> bool:
    """Whether a keyring entry holds these keys (a damaged entry does not, and is replaced)."""
    try:
        return bool(json.loads(blob) == json.loads(export_keys(keys)))
    except ValueError:
        return False
