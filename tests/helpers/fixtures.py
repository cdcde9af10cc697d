"""The fixtures every test may ask for, typed (registered by tests/conftest.py as a plugin).

Folder-specific fixtures stay in that folder's conftest.py (UI: tests/ui/conftest.py; the PostgreSQL
server: tests/pg/conftest.py), built from the helpers beside this file.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest

from desktop.domain.roles import Actor
from desktop.services.context import DeskContext
from tests.helpers.desks import add_people, add_staff, login, open_sqlite_desk
from tests.helpers.memory_keyring import MemoryKeyring
from tests.helpers.smtp import Inbox, local_smtp


@pytest.fixture(autouse=True, scope="session")
def cheap_password_hashing() -> Iterator[None]:
    """Tests hash hundreds of passwords; production cost (~0.4 s each) would dominate the suite.

    Stored hashes carry their own parameters, so verification is unchanged; only new hashes in
    tests are cheaper. tests/unit/test_accounts.py checks the production parameters separately.
    """
    from argon2 import PasswordHasher

    import desktop.services.accounts as accounts

    production = accounts._HASHER
    accounts._HASHER = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
    yield
    accounts._HASHER = production


@pytest.fixture
def cheap_scrypt(monkeypatch: pytest.MonkeyPatch) -> None:
    """Production key exports cost 128 MiB of scrypt; the files carry their parameters either way."""
    from desktop.security import key_transfer

    monkeypatch.setattr(key_transfer, "SCRYPT_N", 2**14)


@pytest.fixture(autouse=True)
def memory_keyring(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[MemoryKeyring]:
    """Every test gets its own keyring and data folder: nothing leaks between tests or to $HOME."""
    backend = MemoryKeyring()
    previous = keyring.get_keyring()
    keyring.set_keyring(backend)
    monkeypatch.setenv("GDPR_DESK_DATA_DIR", str(tmp_path / "data"))
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture
def desk(tmp_path: Path) -> Iterator[DeskContext]:
    """A migrated demo-flagged SQLite desk with the accounts agent, agent2, supervisor, supervisor2, admin."""
    ctx = open_sqlite_desk(tmp_path / "desk.sqlite3")
    add_staff(ctx)
    yield ctx
    ctx.close()


@pytest.fixture
def people(desk: DeskContext) -> dict[str, int]:
    """Five named people with synthetic identity numbers; returns {last name: customer id}."""
    return add_people(desk)


@pytest.fixture
def agent(desk: DeskContext) -> Actor:
    return login(desk, "agent")


@pytest.fixture
def supervisor(desk: DeskContext) -> Actor:
    return login(desk, "supervisor")


@pytest.fixture
def smtp() -> Iterator[tuple[Inbox, int]]:
    """A real SMTP server on a free local port: (what it received, its port)."""
    with local_smtp() as server:
        yield server
