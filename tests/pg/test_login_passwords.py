"""Passwords really guard the personal logins: a private PostgreSQL cluster with scram-sha-256.

The shared test server trusts local connections, so it cannot show that a password is needed.
This test starts its own cluster (initdb as an unprivileged user, scram-sha-256 for every
connection, a free port, stopped and removed at the end) and shows: the old shared role cannot
log in at all, a person's login needs that person's password, an administrator's password reset
changes the login's verifier, and a disabled account's login is refused.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from sqlalchemy import text

from desktop.services.accounts import AccountService
from desktop.services.context import open_desk
from desktop.services.team_setup import init_team

SUPER_PASSWORD = "cluster-Super-1"  # synthetic


def _bin(name: str) -> str | None:
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    return found[-1] if found else shutil.which(name)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def cluster() -> Iterator[str]:
    """A superuser URL (with its password) of a fresh scram-sha-256 cluster; stopped at the end."""
    initdb, pg_ctl = _bin("initdb"), _bin("pg_ctl")
    if initdb is None or pg_ctl is None:
        pytest.skip("initdb/pg_ctl not installed: cannot start a private PostgreSQL cluster")
    prefix: list[str] = []
    owner: pwd.struct_passwd | None = None
    if os.geteuid() == 0:  # initdb refuses root: run the cluster as the unprivileged postgres user
        try:
            owner = pwd.getpwnam("postgres")
        except KeyError:
            pytest.skip("running as root without a 'postgres' user to own a private cluster")
        prefix = ["runuser", "-u", "postgres", "--"]
    root = Path(tempfile.mkdtemp(prefix="gdpr_desk_cluster_"))
    data, pwfile, log = root / "data", root / "pw", root / "log"
    pwfile.write_text(SUPER_PASSWORD + "\n")
    if owner is not None:
        os.chown(root, owner.pw_uid, owner.pw_gid)
        os.chown(pwfile, owner.pw_uid, owner.pw_gid)
    port = _free_port()
    started = False
    try:
        subprocess.run([*prefix, initdb, "-D", str(data), "-U", "boss", "--auth=scram-sha-256",
                        f"--pwfile={pwfile}", "-E", "UTF8", "--locale=C"], check=True, capture_output=True,
                       timeout=120)
        subprocess.run([*prefix, pg_ctl, "-D", str(data), "-l", str(log), "-w", "-t", "60", "-o",
                        f"-p {port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=on", "start"],
                       check=True, capture_output=True, timeout=120)
        started = True
        yield f"postgresql+psycopg://boss:{SUPER_PASSWORD}@127.0.0.1:{port}"
    finally:
        if started:
            subprocess.run([*prefix, pg_ctl, "-D", str(data), "-m", "fast", "-w", "stop"], check=False,
                           capture_output=True,
                           timeout=120)
        shutil.rmtree(root, ignore_errors=True)


def _connect(base_url: str, user: str, password: str) -> psycopg.Connection[tuple[object, ...]]:
    host = base_url.split("@", 1)[1]
    return psycopg.connect(f"postgresql://{user}:{password}@{host}/desk", connect_timeout=10)


def test_personal_logins_need_their_own_password(cluster: str) -> None:
    with psycopg.connect(cluster.replace("postgresql+psycopg://", "postgresql://", 1) + "/postgres",
                         autocommit=True) as conn:
        conn.execute("CREATE DATABASE desk")
    owner_url = f"{cluster}/desk"
    init_team(owner_url, app_role="gdpr_desk_app")
    owner = open_desk(owner_url)
    try:
        AccountService(owner).add("kari", "admin", "kari-Secret-1")
        AccountService(owner).add("ola", "agent", "ola-Secret-1")
    finally:
        owner.close()

    # The shared role of earlier versions opens nothing, whatever password a workstation holds.
    with pytest.raises(psycopg.OperationalError, match="password authentication failed"):
        _connect(cluster, "gdpr_desk_app", "shared-Secret-1")
    with pytest.raises(psycopg.OperationalError, match="password authentication failed"):
        _connect(cluster, "gdpr_desk_app.ola", "kari-Secret-1")  # a colleague's password
    with _connect(cluster, "gdpr_desk_app.ola", "ola-Secret-1") as conn:
        assert conn.execute("SELECT session_user").fetchone() == ("gdpr_desk_app.ola",)
        assert conn.execute("SELECT count(*) FROM staff_account").fetchone() == (2,)

    # Kari, signed in to the server and the desk as herself, resets Ola's password.
    host = cluster.split("@", 1)[1]
    kari_ctx = open_desk(f"postgresql+psycopg://gdpr_desk_app.kari:kari-Secret-1@{host}/desk")
    try:
        kari = AccountService(kari_ctx).login("kari", "kari-Secret-1")
        AccountService(kari_ctx).set_password(kari, "ola", "ola-New-2")
    finally:
        kari_ctx.close()
    with pytest.raises(psycopg.OperationalError, match="password authentication failed"):
        _connect(cluster, "gdpr_desk_app.ola", "ola-Secret-1")
    ola_ctx = open_desk(f"postgresql+psycopg://gdpr_desk_app.ola:ola-New-2@{host}/desk")
    try:
        AccountService(ola_ctx).login("ola", "ola-New-2")
    finally:
        ola_ctx.close()

    owner = open_desk(owner_url)
    try:
        AccountService(owner).set_disabled("ola")
        with owner.db.transaction() as s:
            stored = s.execute(text("SELECT rolpassword FROM pg_authid WHERE rolname = 'gdpr_desk_app.ola'")).scalar()
    finally:
        owner.close()
    assert str(stored).startswith("SCRAM-SHA-256$")  # a verifier, never the password
    with pytest.raises(psycopg.OperationalError, match="not permitted to log in"):
        _connect(cluster, "gdpr_desk_app.ola", "ola-New-2")
