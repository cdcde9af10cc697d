"""Moving an existing team database to personal logins with `gdpr-desk db upgrade` (migration 0010).

The database is built as an older GDPR Desk left it: schema 0005, a shared application role that
logs in with a password and holds the old grants, staff accounts without logins, and an access log
chained on the workstations. After the owner's `db upgrade` the shared login is gone, every
account has its own login in its role's group, the old entries still verify with the workstation
key and the new ones with the server's.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator

import psycopg
import pytest
from sqlalchemy import text

from desktop.audit.log import AuditLog
from desktop.cli import main
from desktop.domain.roles import Actor, Role
from desktop.security.keys import load_keys
from desktop.services.accounts import AccountService, hash_password
from desktop.services.context import init_meta, open_desk
from desktop.services.team_setup import APP_ROLES_META
from desktop.storage.database import Database
from desktop.storage.migrate import upgrade
from tests.helpers.pg import ADMIN_URL
from tests.pg._logins import libpq


@pytest.fixture
def base(pg_url: str) -> Iterator[str]:
    name = f"gdpr_old_{uuid.uuid4().hex[:10]}"
    yield name
    with psycopg.connect(ADMIN_URL, autocommit=True) as conn:
        roles = [r[0] for r in conn.execute("SELECT rolname FROM pg_roles WHERE starts_with(rolname, %s)", (name,))]
    with psycopg.connect(libpq(pg_url), autocommit=True) as conn:
        for role in roles:
            conn.execute(f'DROP OWNED BY "{role}"')
    with psycopg.connect(ADMIN_URL, autocommit=True) as conn:
        for role in sorted(roles, key=len, reverse=True):
            conn.execute(f'DROP ROLE IF EXISTS "{role}"')


def _old_team(pg_url: str, base: str) -> None:
    """Schema 0005 with a shared login, two accounts and three log entries chained on a workstation."""
    db = Database(pg_url)
    try:
        upgrade(db, "0005")
        meta = init_meta(db, demo=False)
        keys = load_keys(meta["instance_id"], demo=False, key_file=None, create=True)
        log = AuditLog(keys.audit)
        with db.transaction() as s:
            for name, role in (("kari", "admin"), ("ola", "agent")):
                s.execute(text("INSERT INTO staff_account (username, display_name, role, password_hash, disabled, "
                               "failed_attempts, created_at) VALUES (:u, :u, :r, :h, false, 0, now())"),
                          {"u": name, "r": role, "h": hash_password("demo")})
            actor = Actor(account_id=1, username="kari", role=Role.ADMIN, workstation="old-ws")
            for n in range(3):
                log.append(s, actor, action="search", data="search", detail=f"old {n}")
            s.execute(text("INSERT INTO db_meta (key, value) VALUES (:k, :v)"),
                      {"k": APP_ROLES_META, "v": json.dumps([base])})
    finally:
        db.dispose()
    with psycopg.connect(libpq(pg_url), autocommit=True) as conn:
        conn.execute(f"CREATE ROLE \"{base}\" LOGIN PASSWORD 'shared-Secret-1'")
        conn.execute(f'GRANT SELECT, INSERT ON access_log TO "{base}"')
        conn.execute(f'GRANT SELECT, UPDATE ON audit_head, staff_account TO "{base}"')


def test_db_upgrade_moves_a_shared_login_team_to_personal_logins(pg_url: str, base: str, capsys) -> None:  # type: ignore[no-untyped-def]
    _old_team(pg_url, base)
    assert main(["db", "upgrade", "--db", pg_url]) == 0
    out = capsys.readouterr().out
    assert f"application role {base}: can no longer log in" in out and f"{base}.kari" in out
    with psycopg.connect(libpq(pg_url)) as conn:
        shared = conn.execute("SELECT rolcanlogin, rolpassword FROM pg_authid WHERE rolname = %s", (base,)).fetchone()
        logins = {str(u): str(lg) for u, lg in conn.execute("SELECT username, db_login FROM staff_account")}
        ola_in_agents = conn.execute("SELECT pg_has_role(%s, %s, 'MEMBER')",
                                     (f"{base}.ola", f"{base}_agent")).fetchone()
        grants = conn.execute("SELECT has_table_privilege(%s, 'access_log', 'INSERT')", (base,)).fetchone()
    assert shared == (False, None)  # the password on every workstation opens nothing any more
    assert logins == {"kari": f"{base}.kari", "ola": f"{base}.ola"}
    assert ola_in_agents == (True,) and grants == (False,)

    # The admin sets Ola's password (their login had none), then Ola works as Ola.
    kari_url = pg_url.replace("://postgres@", f"://{base}.kari@")
    admin_ctx = open_desk(kari_url)
    try:
        kari = AccountService(admin_ctx).login("kari", "demo")
        AccountService(admin_ctx).set_password(kari, "ola", "new-Secret-2")
    finally:
        admin_ctx.close()
    with psycopg.connect(libpq(pg_url)) as conn:
        verifier = conn.execute("SELECT rolpassword FROM pg_authid WHERE rolname = %s", (f"{base}.ola",)).fetchone()
    assert verifier is not None and verifier[0].startswith("SCRAM-SHA-256$")
    ola_ctx = open_desk(pg_url.replace("://postgres@", f"://{base}.ola@"))
    try:
        ola = AccountService(ola_ctx).login("ola", "new-Secret-2")
        with ola_ctx.db.transaction() as s:
            ola_ctx.audit.append(s, ola, action="search", data="search", detail="after the move")
        with ola_ctx.db.transaction() as s:
            last = s.execute(text("SELECT seq, actor FROM access_log ORDER BY seq DESC LIMIT 1")).one()
            result = ola_ctx.audit.verify(s)
        assert last.actor == "ola" and last.seq > 3
        assert result.ok and result.checked >= 6, result.describe()  # 3 old + account change + sign-ins + this
    finally:
        ola_ctx.close()
