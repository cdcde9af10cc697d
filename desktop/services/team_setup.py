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

Personal logins (migration 0010): the application role is no longer a login. It becomes the
team's base group, holding the working privileges, with one group per desk role under it
(`<base>_agent`, `<base>_supervisor`, `<base>_admin`, the admin group inside the supervisor
group). Each person signs in to the server as their own login (`<base>.<user name>`, SCRAM),
created by `accounts add` through the owner's `gdpr_desk_account_add` function. The base group may
read the access log but not insert into it (the server's append function does), may not write
staff accounts except its own sign-in bookkeeping, and only the supervisor group may insert
erasure decisions. init-team and `db upgrade` turn an existing shared application role into this
shape and make a login (without a password, until an admin sets one) for every existing account.

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
    "fraud_weighing": _APPEND,  # a supervisor's weighing is history: a new one adds a row
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
#: db_meta entry: the team's groups as JSON {"base", "agent", "supervisor", "admin"} (read by the server).
TEAM_GROUPS_META = "team_groups"
_GROUP_KINDS = ("agent", "supervisor", "admin")
#: What the base group may no longer do itself once the server stamps and chains (migration 0010).
_TEAM_REVOKED: dict[str, tuple[str, ...]] = {
    "access_log": ("INSERT",),  # gdpr_desk_audit_append writes the entry, with the server's key
    "audit_head": ("UPDATE",),  # ... and moves the head
    "staff_account": ("INSERT", "UPDATE", "DELETE"),  # accounts change through the admin functions
    "erasure_approval": ("INSERT", "UPDATE", "DELETE"),  # decisions: the supervisor group only
    "fraud_weighing": ("INSERT",),  # weighing fraud records: the supervisor group only
    "org_setting": ("INSERT", "UPDATE", "DELETE"),  # the organisation's rules: the admin group only
}
#: Column grants for the base group: a person's own sign-in bookkeeping (a trigger keeps it to
#: their own row), and withdrawing an approval (the trigger stamps who withdrew).
_TEAM_COLUMNS: dict[str, tuple[str, ...]] = {
    "staff_account": ("failed_attempts", "locked_until", "last_login_at"),
    "erasure_approval": ("withdrawn_at", "withdrawn_by_id"),
}
#: The supervisor group's own privileges on top of the base group's.
_SUPERVISOR_EXTRA: dict[str, tuple[str, ...]] = {"erasure_approval": ("INSERT",), "fraud_weighing": ("INSERT",)}
#: The admin group's own privileges on top of the supervisor group's.
_ADMIN_EXTRA: dict[str, tuple[str, ...]] = {"org_setting": ("INSERT", "UPDATE")}
#: Functions the staff call; the rest (the keyed hash and MAC, the trigger functions) stay closed.
_STAFF_FUNCTIONS = (
    "gdpr_desk_me()", "gdpr_desk_group(text)", "gdpr_desk_in_group(text)", "gdpr_desk_account_login(text)",
    "gdpr_desk_audit_append(integer, text, text, text, text, integer, text, text, text, integer)",
    "gdpr_desk_audit_mismatches(integer, integer)", "gdpr_desk_forged_approvals()",
    "gdpr_desk_approval_genuine(integer)",
    "gdpr_desk_account_add(text, text, text, text, text, text, text)",
    "gdpr_desk_account_change(text, text, boolean, text, text, text, text)",
)


@dataclass(frozen=True)
class TeamGroups:
    """The base group (the old application role) and one group per desk role."""

    base: str

    @property
    def agent(self) -> str:
        return f"{self.base}_agent"

    @property
    def supervisor(self) -> str:
        return f"{self.base}_supervisor"

    @property
    def admin(self) -> str:
        return f"{self.base}_admin"

    def for_role(self, role: str) -> str:
        return {"agent": self.agent, "supervisor": self.supervisor, "admin": self.admin}[role]

    def as_json(self) -> str:
        return json.dumps({"base": self.base, "agent": self.agent, "supervisor": self.supervisor,
                           "admin": self.admin}, sort_keys=True)


def team_table_privileges() -> dict[str, tuple[str, ...]]:
    """The base group's table privileges in team mode (column grants in `_TEAM_COLUMNS` come on top)."""
    out: dict[str, tuple[str, ...]] = {}
    for table, privs in table_privileges().items():
        out[table] = tuple(p for p in privs if p not in _TEAM_REVOKED.get(table, ()))
    return out


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
    reserved = {"public", "none", "current_user", "session_user", "current_role"}
    if len(name) > 52 or not _ROLE_NAME.fullmatch(name) or name.startswith("pg_") or name in reserved:
        raise InvalidInput(
            f"'{name}' cannot be the application role: use lower-case letters, digits and _ "
            f"(at most 52, not starting with pg_), e.g. {DEFAULT_APP_ROLE}.",
            f"'{name}' kan ikke være applikasjonsrollen: bruk små bokstaver, sifre og _ "
            f"(høyst 52, ikke med pg_ først), f.eks. {DEFAULT_APP_ROLE}.",
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
            f"team base group {self.app_role}: {self.role}",
            f"PUBLIC: all privileges revoked on schema {self.schema} and its tables, sequences and functions",
            f"database: {self.database_connect}",
            f"{self.app_role} may (and nothing more; it owns nothing, so it cannot drop or disable the log's "
            "triggers):",
            *grants,
            f"  UPDATE of its own sign-in columns on staff_account; USAGE on schema {self.schema}; USAGE, SELECT "
            "on its sequences",
            "  the access log, accounts and who acts: only through the owner's functions (session_user decides)",
            f"{self.app_role}_supervisor may also: INSERT on erasure_approval",
            "",
            "Next steps:",
            "  (the URLs carry no password: psql's ~/.pgpass file or PGPASSWORD supplies it)",
            "  1. Export the keys and keep the file and its passphrase apart, with the backups:",
            f"       gdpr-desk keys export --db '{self.owner_url}' --out gdpr-desk-keys.json",
            "  2. Add the first administrator as the owner (it makes their own database login):",
            f"       gdpr-desk accounts add --db '{self.owner_url}' NAME --role admin",
            "     then admins add everyone else with their own login, the same way.",
            "  3. On each workstation (its own keyring), import the keys once:",
            f"       gdpr-desk keys import --db '{self.app_url}' --in gdpr-desk-keys.json",
            "  4. Each person connects as their own login (NAME is their user name in the desk); no shared",
            "     password exists. Use scram-sha-256 for these logins in pg_hba.conf:",
            f"       {self.app_url}",
            f"  5. After installing a newer GDPR Desk, run as the owner: gdpr-desk db upgrade --db '{self.owner_url}'",
            "     (it renews the groups' privileges on new tables as well).",
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
            # The shared login stops being one: the role becomes the team's base group.
            needs_alter = with_password or bool(app.rolcanlogin) or any(
                (app.rolcreatedb, app.rolcreaterole, app.rolreplication, app.rolbypassrls))
        # The owner makes the groups, and later each person's login (through gdpr_desk_account_add).
        if not (superuser or createrole):
            raise DatabaseUnavailable(
                f"The role {owner} may not create or change roles, and a team needs that: every person gets "
                f"their own database login. Give it CREATEROLE (ALTER ROLE {_q(owner)} CREATEROLE) and run "
                "init-team again.",
                f"Rollen {owner} har ikke lov til å opprette eller endre roller, og et team trenger det: hver "
                f"person får sin egen databasepålogging. Gi den CREATEROLE (ALTER ROLE {_q(owner)} CREATEROLE) "
                "og kjør init-team på nytt.",
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
    """Set up (or check and repair) a team database; safe to run again.

    `app_role` names the team's base group (the shared application role of earlier versions).
    `app_password` is refused: no workstation holds a shared password any more.
    """
    app_role = check_role_name(app_role)
    if app_password is not None:
        raise InvalidInput(
            "There is no shared application password any more: every person signs in to the database as "
            "their own login. Run init-team without --app-password-stdin, then add the people with "
            "'gdpr-desk accounts add' (see the README, 'Team mode').",
            "Det finnes ikke lenger et felles applikasjonspassord: hver person logger på databasen med sin "
            "egen pålogging. Kjør init-team uten --app-password-stdin, og legg så til personene med "
            "'gdpr-desk accounts add' (se README, «Team mode»).",
        )
    parsed = make_url(url)
    if parsed.get_backend_name() != "postgresql":
        raise InvalidInput(
            "init-team sets up a PostgreSQL server: give --db postgresql+psycopg://OWNER@HOST/DATABASE.",
            "init-team setter opp en PostgreSQL-server: oppgi --db postgresql+psycopg://EIER@VERT/DATABASE.",
        )
    db = Database(parsed)  # refuses an unreachable server, a missing database, fsync/full_page_writes off
    try:
        pre = _preflight(db, app_role, False)
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
        groups = TeamGroups(app_role)
        try:
            with db.engine.begin() as conn:
                role_note = _ensure_role(conn, app_role, None, pre)
                role_note += "; " + _ensure_groups(conn, groups)
                if pre.superuser or pre.owns_database:
                    d = _q(pre.database)
                    conn.exec_driver_sql(f"REVOKE ALL ON DATABASE {d} FROM PUBLIC")
                    conn.exec_driver_sql(f"GRANT CONNECT ON DATABASE {d} TO {_q(app_role)}")
                    connect_note = (f"CONNECT revoked from PUBLIC on {pre.database}; granted to {app_role} "
                                    "(and so to every person's login in its groups)")
                else:
                    connect_note = (f"{pre.owner} does not own {pre.database}, so PUBLIC keeps CONNECT on it "
                                    "(the tables are closed to PUBLIC all the same)")
                _record_groups(conn, groups)
                tables = _grant_team(conn, pre.schema, groups)
                _record_roles(conn, [*_recorded_roles(meta), app_role])
                made = _login_existing_accounts(conn, groups)
                if made:
                    role_note += (f"; a login (no password yet) made for {len(made)} existing account"
                                  f"{'s' if len(made) != 1 else ''}: {', '.join(made)}")
        except DBAPIError as exc:
            # Not chained: the failed statement can be CREATE/ALTER ROLE with the password's verifier.
            raise describe_db_error(exc, db.url) from None
        # Printed without a password: the commands take it from ~/.pgpass or PGPASSWORD.
        owner_url = db.url.set(password=None).render_as_string(hide_password=False)
        return TeamSetupReport(
            database=db.display_name(), owner=pre.owner, schema=pre.schema, app_role=app_role,
            app_url=db.url.set(username=f"{app_role}.NAME", password=None, query={}).render_as_string(
                hide_password=False),
            owner_url=owner_url, revision_before=pre.revision, revision_after=head_revision(),
            instance_id=instance_id, keys=keys_note, role=role_note, database_connect=connect_note, tables=tables,
        )
    finally:
        db.dispose()


def _ensure_role(conn: Connection, app_role: str, password: str | None, pre: _Preflight) -> str:
    """The base group: the old shared application role, now NOLOGIN and without a password."""
    r = _q(app_role)
    attrs = "NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS"
    where = f"; search_path {pre.schema} in {pre.database} for every login" if pre.schema != "public" else ""
    if not pre.role_exists:
        conn.exec_driver_sql(f"CREATE ROLE {r} {attrs} INHERIT")
        return "created as the team's base group (NOLOGIN)" + where
    if pre.role_needs_alter:
        conn.exec_driver_sql(f"ALTER ROLE {r} WITH {attrs} PASSWORD NULL")
        return ("existed; made the team's base group: it can no longer log in and its shared password is "
                "removed") + where
    return "existed; unchanged (the team's base group, NOLOGIN)" + where


def _ensure_groups(conn: Connection, groups: TeamGroups) -> str:
    """One NOLOGIN group per desk role; admins are supervisors too (they may approve, as in the desk)."""
    made = []
    for kind in _GROUP_KINDS:
        name = groups.for_role(kind)
        if _scalar(conn, "SELECT count(*) FROM pg_roles WHERE rolname = :r", r=name):
            conn.exec_driver_sql(f"ALTER ROLE {_q(name)} WITH NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE "
                                 "NOREPLICATION NOBYPASSRLS")
        else:
            conn.exec_driver_sql(f"CREATE ROLE {_q(name)} NOLOGIN INHERIT")
            made.append(name)
    for member, group in ((groups.agent, groups.base), (groups.supervisor, groups.base),
                          (groups.admin, groups.supervisor)):
        if not _scalar(conn, "SELECT pg_has_role(:m, :g, 'MEMBER')", m=member, g=group):
            conn.exec_driver_sql(f"GRANT {_q(group)} TO {_q(member)}")
    # Nobody gets into a group by another way than the admin functions: no stray members.
    return (f"groups {groups.agent}, {groups.supervisor}, {groups.admin}"
            + (f" (created {', '.join(made)})" if made else " (existed)"))


def _record_groups(conn: Connection, groups: TeamGroups) -> None:
    conn.execute(text(
        "INSERT INTO db_meta (key, value) VALUES (:k, :v) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value"
    ), {"k": TEAM_GROUPS_META, "v": groups.as_json()})


def _grant_team(conn: Connection, schema: str, groups: TeamGroups) -> dict[str, tuple[str, ...]]:
    """The base group's privileges minus what the server now does, then the groups' own."""
    s, base = _q(schema), _q(groups.base)
    _grant(conn, schema, groups.base)
    existing = {row[0] for row in conn.execute(
        text("SELECT tablename FROM pg_tables WHERE schemaname = :s"), {"s": schema})}
    for kind in _GROUP_KINDS:
        g = _q(groups.for_role(kind))
        conn.exec_driver_sql(f"REVOKE ALL ON ALL TABLES IN SCHEMA {s} FROM {g}")
        conn.exec_driver_sql(f"REVOKE ALL ON ALL FUNCTIONS IN SCHEMA {s} FROM {g}")
    for table, privs in _TEAM_REVOKED.items():
        if table in existing:
            conn.exec_driver_sql(f"REVOKE {', '.join(privs)} ON TABLE {s}.{_q(table)} FROM {base}")
    for table, columns in _TEAM_COLUMNS.items():
        if table in existing:
            conn.exec_driver_sql(f"GRANT UPDATE ({', '.join(_q(c) for c in columns)}) ON TABLE {s}.{_q(table)} "
                                 f"TO {base}")
    if "access_log_pending" in existing:  # the desk's queued entries, chained by the server at COMMIT
        conn.exec_driver_sql(f"GRANT INSERT ON TABLE {s}.access_log_pending TO {base}")
    for extra, group in ((_SUPERVISOR_EXTRA, groups.supervisor), (_ADMIN_EXTRA, groups.admin)):
        for table, privs in extra.items():
            if table in existing:
                conn.exec_driver_sql(f"GRANT {', '.join(privs)} ON TABLE {s}.{_q(table)} TO {_q(group)}")
    functions = {row[0] for row in conn.execute(text(
        "SELECT p.oid::regprocedure::text FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace "
        "WHERE n.nspname = :s AND p.proname LIKE 'gdpr\\_desk\\_%'"), {"s": schema})}
    present = {f.rsplit(".", 1)[-1].replace(" ", "") for f in functions}
    for signature in _STAFF_FUNCTIONS:
        if signature.replace(" ", "") in present:
            conn.exec_driver_sql(f"GRANT EXECUTE ON FUNCTION {s}.{signature} TO {base}")
    return {t: p for t, p in team_table_privileges().items() if t in existing}


def _login_existing_accounts(conn: Connection, groups: TeamGroups) -> list[str]:
    """Accounts made before personal logins get one, in their role's group, without a password.

    An administrator sets each person's password ('gdpr-desk accounts password'); until then the
    login cannot authenticate with scram-sha-256. A disabled account's login is NOLOGIN.
    """
    made: list[str] = []
    rows = conn.execute(text(
        "SELECT id, username, role, disabled FROM staff_account WHERE db_login IS NULL ORDER BY id")).all()
    for account_id, username, role, disabled in rows:
        login = str(_scalar(conn, "SELECT gdpr_desk_account_login(:u)", u=username))
        if not _scalar(conn, "SELECT count(*) FROM pg_roles WHERE rolname = :r", r=login):
            conn.exec_driver_sql(
                f"CREATE ROLE {_q(login)} {'NOLOGIN' if disabled else 'LOGIN'} NOSUPERUSER NOCREATEDB "
                f"NOCREATEROLE NOREPLICATION NOBYPASSRLS INHERIT IN ROLE {_q(groups.for_role(role))}")
        schema = _scalar(conn, "SELECT current_schema()")
        if schema != "public":
            conn.exec_driver_sql(f"ALTER ROLE {_q(login)} IN DATABASE {_q(_scalar(conn, 'SELECT current_database()'))} "
                                 f"SET search_path = {_q(schema)}")
        conn.execute(text("UPDATE staff_account SET db_login = :l WHERE id = :i"), {"l": login, "i": account_id})
        made.append(login)
    return made


def team_groups_of(meta: dict[str, str]) -> TeamGroups | None:
    """The team's groups recorded by init-team, or None for a database without personal logins."""
    try:
        raw = json.loads(meta.get(TEAM_GROUPS_META, "null"))
    except ValueError:
        return None
    base = raw.get("base") if isinstance(raw, dict) else None
    return TeamGroups(base) if isinstance(base, str) and _ROLE_NAME.fullmatch(base) else None


def reapply_grants(db: Database) -> list[str]:
    """After an upgrade by the owner: the team's groups and grants again (new tables too).

    A database still set up with a shared application role (before personal logins) is turned
    into the group shape here, as init-team would: `db upgrade` alone migrates a team.
    """
    if not db.is_postgres:
        return []
    meta = read_meta(db)
    roles = _recorded_roles(meta)
    groups = team_groups_of(meta)
    if not roles and groups is None:
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
            if groups is None:
                may = _scalar(conn, "SELECT rolsuper OR rolcreaterole FROM pg_roles WHERE rolname = current_user")
                if not may:
                    return [f"the application role {roles[0]} is still a shared login: give this role CREATEROLE "
                            "and run 'gdpr-desk db init-team' to move the team to personal logins"]
                groups = TeamGroups(roles[0])
                role = conn.execute(text("SELECT rolcanlogin FROM pg_roles WHERE rolname = :r"),
                                    {"r": groups.base}).first()
                if role is None:
                    conn.exec_driver_sql(f"CREATE ROLE {_q(groups.base)} NOLOGIN INHERIT")
                elif role[0]:
                    conn.exec_driver_sql(f"ALTER ROLE {_q(groups.base)} WITH NOLOGIN PASSWORD NULL")
                    notes.append(f"application role {groups.base}: can no longer log in (shared password removed); "
                                 "it is now the team's base group")
                _record_groups(conn, groups)
            notes.append(_ensure_groups(conn, groups))
            tables = _grant_team(conn, schema, groups)
            notes.append(f"team group {groups.base}: privileges renewed on {len(tables)} tables")
            made = _login_existing_accounts(conn, groups)
            if made:
                notes.append(f"logins made (no password yet: set one with 'gdpr-desk accounts password'): "
                             f"{', '.join(made)}")
            for other in roles:
                if other != groups.base and _scalar(conn, "SELECT count(*) FROM pg_roles WHERE rolname = :r", r=other):
                    for kind in ("TABLES", "SEQUENCES", "FUNCTIONS"):
                        conn.exec_driver_sql(f"REVOKE ALL ON ALL {kind} IN SCHEMA {_q(schema)} FROM {_q(other)}")
                    conn.exec_driver_sql(f"ALTER ROLE {_q(other)} WITH NOLOGIN PASSWORD NULL")
                    notes.append(f"former application role {other}: no privileges and no login any more")
    except DBAPIError as exc:
        raise describe_db_error(exc, db.url) from None
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
