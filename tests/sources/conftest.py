"""A real django-oscar shop per test, on the local PostgreSQL and on the local MariaDB.

Oscar's own migrations build the schema once per test session and backend (a template: about 20 s on
PostgreSQL, a minute or more on MariaDB on a busy machine); each test gets a fresh copy with a unique
name, dropped afterwards. Customers, addresses and orders are made through Oscar's own code in a
subprocess (tests/helpers/oscar_shop.py), so Django never runs inside pytest. A backend whose server
does not answer is skipped with the reason.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import psycopg
import pytest

REPO = Path(__file__).resolve().parents[2]
PG_ADMIN = os.environ.get("GDPR_DESK_TEST_PG", "postgresql://postgres@127.0.0.1:5432/postgres")
MARIA = {"host": os.environ.get("GDPR_DESK_TEST_MARIADB_HOST", "127.0.0.1"),
         "port": int(os.environ.get("GDPR_DESK_TEST_MARIADB_PORT", "3306")), "user": "root"}
PG_BASE = PG_ADMIN.rsplit("/", 1)[0].replace("postgresql://", "postgresql+psycopg://", 1)


def _pg() -> psycopg.Connection[Any]:

    return psycopg.connect(PG_ADMIN, connect_timeout=3, autocommit=True)


def _maria(database: str | None = None):  # type: ignore[no-untyped-def]
    import pymysql

    return pymysql.connect(**MARIA, database=database, connect_timeout=3, autocommit=True, charset="utf8mb4")


def _skip_reason(backend: str) -> str | None:
    try:
        if backend == "postgresql":
            with _pg() as conn:
                conn.execute("SELECT 1")
        else:
            _maria().close()
        return None
    except Exception as exc:  # any failure to connect means: skip, and say why
        where = PG_ADMIN if backend == "postgresql" else f"{MARIA['host']}:{MARIA['port']}"
        return f"{backend} not reachable at {where}: {str(exc).strip().splitlines()[0] if str(exc) else exc}"


def oscar(url: str, *args: str, stdin: str | None = None) -> str:
    """Run the scratch shop's command (Oscar's own code) against `url`; its stdout."""
    env = dict(os.environ, OSCAR_DB_URL=url, PYTHONPATH=str(REPO), PYTHONWARNINGS="ignore")
    proc = subprocess.run([sys.executable, "-m", "tests.helpers.oscar_shop", *args], input=stdin,
                          capture_output=True, text=True, env=env, cwd=REPO, timeout=900, check=False)
    if proc.returncode != 0:
        raise AssertionError(f"oscar_shop {' '.join(args)} failed:\n{proc.stderr[-3000:]}")
    return proc.stdout


class _Templates:
    def __init__(self) -> None:
        self.made: dict[str, str] = {}

    def get(self, backend: str) -> str:
        if backend not in self.made:
            name = f"oscar_tmpl_{uuid.uuid4().hex[:10]}"
            if backend == "postgresql":
                with _pg() as conn:
                    conn.execute(f'CREATE DATABASE "{name}"')
                oscar(f"{PG_BASE}/{name}", "migrate")
            else:
                conn = _maria()
                conn.cursor().execute(f"CREATE DATABASE `{name}` CHARACTER SET utf8mb4")
                conn.close()
                oscar(f"mysql+pymysql://root@{MARIA['host']}:{MARIA['port']}/{name}", "migrate")
            self.made[backend] = name
        return self.made[backend]

    def drop_all(self) -> None:
        for backend, name in self.made.items():
            if backend == "postgresql":
                with _pg() as conn:
                    conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            else:
                conn = _maria()
                conn.cursor().execute(f"DROP DATABASE IF EXISTS `{name}`")
                conn.close()


@pytest.fixture(scope="session")
def oscar_templates() -> Iterator[_Templates]:
    templates = _Templates()
    yield templates
    templates.drop_all()


def _clone_maria(template: str, name: str) -> None:
    conn = _maria()
    cur = conn.cursor()
    cur.execute(f"CREATE DATABASE `{name}` CHARACTER SET utf8mb4")
    cur.execute("SET FOREIGN_KEY_CHECKS = 0")
    cur.execute(f"USE `{name}`")
    cur.execute(f"SHOW FULL TABLES FROM `{template}` WHERE Table_type = 'BASE TABLE'")
    tables = [row[0] for row in cur.fetchall()]
    for table in tables:
        cur.execute(f"SHOW CREATE TABLE `{template}`.`{table}`")
        cur.execute(cur.fetchone()[1])  # FOREIGN KEYs name tables without a schema: they land here
    for table in tables:
        cur.execute(f"INSERT INTO `{name}`.`{table}` SELECT * FROM `{template}`.`{table}`")
    cur.execute("SET FOREIGN_KEY_CHECKS = 1")
    conn.close()


@dataclass
class Shop:
    """One scratch Oscar shop: its admin URL, a read-only login, and Oscar's own code to change it."""

    backend: str
    name: str
    admin_url: str
    reader_url: str = ""
    reader_password: str | None = None
    made: list[str] = field(default_factory=list)

    def apply(self, ops: list[dict[str, Any]]) -> list[dict[str, Any]]:
        out: list[dict[str, Any]] = json.loads(oscar(self.admin_url, "apply", stdin=json.dumps(ops)))
        return out

    def execute(self, sql: str) -> None:
        """Run one statement as the admin (to break the schema on purpose in fault tests)."""
        if self.backend == "postgresql":
            import psycopg

            with psycopg.connect(self.admin_url.replace("+psycopg", ""), autocommit=True) as conn:
                conn.execute(sql)  # type: ignore[arg-type]
        else:
            conn = _maria(self.name)
            conn.cursor().execute(sql)
            conn.close()


@pytest.fixture(params=["postgresql", "mariadb"])
def oscar_shop(request: pytest.FixtureRequest, oscar_templates: _Templates) -> Iterator[Shop]:
    backend: str = request.param
    reason = _skip_reason(backend)
    if reason:
        pytest.skip(reason)
    template = oscar_templates.get(backend)
    name = f"oscar_{uuid.uuid4().hex[:12]}"
    role = f"gdpr_reader_{uuid.uuid4().hex[:10]}"
    if backend == "postgresql":
        with _pg() as conn:
            conn.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
            conn.execute(f'CREATE ROLE "{role}" LOGIN')
        import psycopg

        with psycopg.connect(f"{PG_ADMIN.rsplit('/', 1)[0]}/{name}", autocommit=True) as conn:
            # The GRANTs the README gives a shop for the desk's reading login.
            conn.execute(f'GRANT CONNECT ON DATABASE "{name}" TO "{role}"')  # type: ignore[arg-type]
            conn.execute(f'GRANT USAGE ON SCHEMA public TO "{role}"')  # type: ignore[arg-type]
            conn.execute(f'GRANT SELECT ON ALL TABLES IN SCHEMA public TO "{role}"')  # type: ignore[arg-type]
        shop = Shop(backend, name, f"{PG_BASE}/{name}", reader_url=f"{PG_BASE.replace('postgres@', role + '@')}/{name}")
    else:
        _clone_maria(template, name)
        password = uuid.uuid4().hex
        conn = _maria()
        cur = conn.cursor()
        cur.execute(f"CREATE USER '{role}'@'%' IDENTIFIED BY '{password}'")
        cur.execute(f"GRANT SELECT ON `{name}`.* TO '{role}'@'%'")
        conn.close()
        base = f"mysql+pymysql://{{user}}@{MARIA['host']}:{MARIA['port']}/{name}"
        shop = Shop(backend, name, base.format(user="root"), reader_url=base.format(user=role),
                    reader_password=password)
    try:
        yield shop
    finally:
        if backend == "postgresql":
            with _pg() as conn:
                conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
                conn.execute(f'DROP ROLE IF EXISTS "{role}"')
        else:
            conn = _maria()
            cur = conn.cursor()
            cur.execute(f"DROP DATABASE IF EXISTS `{name}`")
            cur.execute(f"DROP USER IF EXISTS '{role}'@'%'")
            conn.close()


@pytest.fixture
def oscar_system(memory_keyring):  # type: ignore[no-untyped-def]
    """The shipped example mapping, pointed at a shop's reading login (its password in the keyring)."""
    import dataclasses

    from desktop.policy import load_policy
    from desktop.security.keys import SERVICE
    from desktop.services.sync import load_systems

    base = load_systems(None, load_policy()).systems[0]

    def make(shop: Shop, *, writer: bool = False, admin: bool = False) -> Any:
        url = shop.admin_url if admin else shop.reader_url
        if shop.reader_password and not admin:
            memory_keyring.set_password(SERVICE, base.keyring_user(), shop.reader_password)
            return dataclasses.replace(base, url=url, password="keyring", writer_account=writer)
        return dataclasses.replace(base, url=url, password=None, writer_account=writer)

    made: Callable[..., Any] = make
    return made
