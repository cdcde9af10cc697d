"""The shared PostgreSQL server for tests: an admin connection, scratch databases and scratch roles.

Everyone on the machine shares the server, so every database and every role (roles are cluster-wide)
gets a unique name and is dropped afterwards. Override the server with GDPR_DESK_TEST_PG.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

import psycopg

#: libpq URL of a superuser connection to the maintenance database.
ADMIN_URL = os.environ.get("GDPR_DESK_TEST_PG", "postgresql://postgres@127.0.0.1:5432/postgres")


def libpq(url: str) -> str:
    """A SQLAlchemy URL (postgresql+psycopg://) as psycopg takes it."""
    return url.replace("postgresql+psycopg://", "postgresql://", 1)


def admin_connect() -> psycopg.Connection[tuple[object, ...]]:
    """An autocommit superuser connection (CREATE DATABASE and roles cannot run in a transaction)."""
    return psycopg.connect(ADMIN_URL, connect_timeout=3, autocommit=True)


def unreachable_reason() -> str | None:
    """Why the server cannot be used, or None when it answers."""
    try:
        with admin_connect() as conn:
            conn.execute("SELECT 1")
        return None
    except Exception as exc:  # any failure to connect means: skip, and say why
        return f"PostgreSQL not reachable at {ADMIN_URL}: {str(exc).strip().splitlines()[0]}"


@contextmanager
def scratch_database() -> Iterator[str]:
    """A new empty database with a unique name; yields its SQLAlchemy URL and drops it afterwards."""
    name = f"gdpr_desk_test_{uuid.uuid4().hex[:12]}"
    with admin_connect() as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    base = ADMIN_URL.rsplit("/", 1)[0].replace("postgresql://", "postgresql+psycopg://", 1)
    try:
        yield f"{base}/{name}"
    finally:
        with admin_connect() as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def unique_role(prefix: str) -> str:
    """A role name nobody else on the server uses."""
    return f"{prefix}_{uuid.uuid4().hex[:10]}"


def drop_role(role: str, *, database_url: str | None = None) -> None:
    """Drop a role; with `database_url`, first what it owns or was granted in that database."""
    if database_url is not None:
        with psycopg.connect(libpq(database_url), autocommit=True) as conn:
            if conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (role,)).fetchone():
                conn.execute(f'DROP OWNED BY "{role}"')
    with admin_connect() as conn:
        conn.execute(f'DROP ROLE IF EXISTS "{role}"')
