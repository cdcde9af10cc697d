"""Desks for tests: a migrated SQLite desk, its staff, the five named people, and access-log counts.

Tests may read the database with SQL (the UI never does); these helpers keep those reads in one place.
"""

from __future__ import annotations

import random
import sqlite3
from collections.abc import Iterable
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import func, select

from desktop.domain.national_id import synthetic_no, synthetic_se
from desktop.domain.roles import Actor
from desktop.models import AccessLogEntry
from desktop.services.accounts import AccountService
from desktop.services.context import DeskContext, open_desk
from desktop.services.registry import add_customer

#: Every staff account a test desk has; the role is the name without digits; the password is "demo".
STAFF = ("agent", "agent2", "supervisor", "supervisor2", "admin")
PASSWORD = "demo"

#: (first, last, e-mail, phone, country, street, postcode, city): names with æ ø å ä ö on purpose.
PEOPLE = [
    ("Kari", "Ødegård", "kari.odegard@example.com", "+47 912 34 567", "NO", "Storgata 1", "0150", "Oslo"),
    ("Per", "Sæther", "per.saether@example.net", "48 12 34 56", "NO", "Bryggen 3", "5003", "Bergen"),
    ("Bjørn", "Åsen", "bjorn.asen@example.org", "0047 93 45 67 89", "NO", "Munkegata 10", "7010", "Trondheim"),
    ("Ola", "Nordmann", "ola.nordmann@example.com", "40000001", "NO", "Kirkegata 5", "4006", "Stavanger"),
    ("Åsa", "Lindström", "asa.lindstrom@example.com", "070-123 45 67", "SE", "Drottninggatan 7", "114 55",
     "Stockholm"),
]


def open_sqlite_desk(path: Path, *, workstation: str = "test-ws") -> DeskContext:
    """A migrated, demo-flagged SQLite desk with fresh keys (in the test's keyring)."""
    return open_desk(f"sqlite:///{path}", migrate=True, demo=True, create_keys=True, workstation=workstation)


def add_staff(ctx: DeskContext, names: Iterable[str] = STAFF, *, display_names: bool = True) -> None:
    """One account per name, role from the name ("supervisor2" is a supervisor), password "demo".

    With `display_names` each gets a full name ("Agent Test"); without, the account shows its user name.
    """
    accounts = AccountService(ctx)
    for name in names:
        role = "".join(c for c in name if c.isalpha())
        accounts.add(name, role, PASSWORD, f"{name.title()} Test" if display_names else None)


def login(ctx: DeskContext, name: str) -> Actor:
    """Sign a staff account in, as the login dialog does."""
    return AccountService(ctx).login(name, PASSWORD)


def add_people(ctx: DeskContext) -> dict[str, int]:
    """The five PEOPLE with synthetic identity numbers; returns {last name: customer id}."""
    rng = random.Random(5)
    ids: dict[str, int] = {}
    with ctx.db.transaction() as s:
        for i, (first, last, email, phone, country, street, postcode, city) in enumerate(PEOPLE):
            birth = date(1970 + i, 1 + i, 10 + i)
            nid = synthetic_no(rng, birth) if country == "NO" else synthetic_se(rng, birth)
            c = add_customer(s, ctx.keys, ctx.policy, customer_number=f"K{1000000 + i}", first_name=first,
                             last_name=last, created_at=datetime(2024, 1, 1 + i), email=email, phone=phone,
                             national_id=nid, country=country, language="sv" if country == "SE" else "nb",
                             street=street, postcode=postcode, city=city)
            ids[last] = c.id
    return ids


def log_count(ctx: DeskContext, action: str | None = None) -> int:
    """Entries in the access log, of one action or of all."""
    stmt = select(func.count()).select_from(AccessLogEntry)
    if action is not None:
        stmt = stmt.where(AccessLogEntry.action == action)
    with ctx.db.transaction() as s:
        return int(s.execute(stmt).scalar_one())


def log_entries(ctx: DeskContext, action: str) -> list[AccessLogEntry]:
    """The access log's entries of one action, read directly."""
    with ctx.db.transaction() as s:
        return list(s.execute(select(AccessLogEntry).where(AccessLogEntry.action == action)).scalars())


def sqlite_file(ctx: DeskContext) -> Path:
    """The desk's database file (tests that read or tamper with the raw bytes need it)."""
    path = ctx.db.sqlite_path
    assert path is not None, "not a SQLite desk"
    return path


def tamper_with_log(path: str | Path, *statements: str) -> None:
    """Change the file behind the application's back (as someone with file access could)."""
    conn = sqlite3.connect(path)
    conn.execute("DROP TRIGGER access_log_no_update")
    conn.execute("DROP TRIGGER access_log_no_delete")
    conn.execute("DROP TRIGGER audit_head_forward_only")
    for stmt in statements:
        conn.execute(stmt)
    conn.commit()
    conn.close()
