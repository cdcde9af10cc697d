"""Shared fixtures: headless Qt, an in-memory keyring, and a fresh SQLite desk per test."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import keyring
import pytest

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
def desk(tmp_path: Path):  # type: ignore[no-untyped-def]
    """A migrated demo-flagged SQLite desk with the demo accounts agent, supervisor and admin."""
    from desktop.services.accounts import AccountService
    from desktop.services.context import open_desk

    ctx = open_desk(f"sqlite:///{tmp_path / 'desk.sqlite3'}", migrate=True, demo=True, create_keys=True,
                    workstation="test-ws")
    accounts = AccountService(ctx)
    for name in ("agent", "agent2", "supervisor", "supervisor2", "admin"):
        role = "".join(c for c in name if c.isalpha())
        accounts.add(name, role, "demo", f"{name.title()} Test")
    yield ctx
    ctx.close()


PEOPLE = [
    ("Kari", "Ødegård", "kari.odegard@example.com", "+47 912 34 567", "NO", "Storgata 1", "0150", "Oslo"),
    ("Per", "Sæther", "per.saether@example.net", "48 12 34 56", "NO", "Bryggen 3", "5003", "Bergen"),
    ("Bjørn", "Åsen", "bjorn.asen@example.org", "0047 93 45 67 89", "NO", "Munkegata 10", "7010", "Trondheim"),
    ("Ola", "Nordmann", "ola.nordmann@example.com", "40000001", "NO", "Kirkegata 5", "4006", "Stavanger"),
    ("Åsa", "Lindström", "asa.lindstrom@example.com", "070-123 45 67", "SE", "Drottninggatan 7", "114 55",
     "Stockholm"),
]


@pytest.fixture
def people(desk):  # type: ignore[no-untyped-def]
    """Five named people with synthetic identity numbers; returns {last name: customer id}."""
    import random
    from datetime import date

    from desktop.domain.national_id import synthetic_no, synthetic_se
    from desktop.services.registry import add_customer

    rng = random.Random(5)
    ids: dict[str, int] = {}
    with desk.db.transaction() as s:
        for i, (first, last, email, phone, country, street, postcode, city) in enumerate(PEOPLE):
            birth = date(1970 + i, 1 + i, 10 + i)
            nid = synthetic_no(rng, birth) if country == "NO" else synthetic_se(rng, birth)
            c = add_customer(s, desk.keys, desk.policy, customer_number=f"K{1000000 + i}", first_name=first,
                             last_name=last, created_at=datetime(2024, 1, 1 + i), email=email, phone=phone,
                             national_id=nid, test_numbers=desk.demo, country=country,
                             language="sv" if country == "SE" else "nb",
                             street=street, postcode=postcode, city=city)
            ids[last] = c.id
    return ids


@pytest.fixture
def agent(desk):  # type: ignore[no-untyped-def]
    from desktop.services.accounts import AccountService

    return AccountService(desk).login("agent", "demo")


@pytest.fixture
def supervisor(desk):  # type: ignore[no-untyped-def]
    from desktop.services.accounts import AccountService

    return AccountService(desk).login("supervisor", "demo")


@pytest.fixture
def smtp() -> Iterator[tuple[Inbox, int]]:
    """A real SMTP server on a free local port: (what it received, its port)."""
    with local_smtp() as server:
        yield server
