"""A team database with personal logins: init-team, then one account (and database login) per person.

The test server trusts local connections, so a person's URL needs no password here; what each
login may do is what these tests show. Every role made (the groups and the logins) is dropped at
teardown: roles are cluster-wide.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field

import psycopg
from sqlalchemy import text

from desktop.domain.roles import Actor
from desktop.services.accounts import AccountService
from desktop.services.context import DeskContext, open_desk
from desktop.services.team_setup import TeamSetupReport, init_team
from tests.helpers.pg import ADMIN_URL

PEOPLE = (("boss", "admin"), ("sup", "supervisor"), ("sup2", "supervisor"), ("agent", "agent"),
          ("colleague", "agent"))


def libpq(url: str) -> str:
    return url.replace("postgresql+psycopg://", "postgresql://", 1)


@dataclass
class Team:
    url: str
    report: TeamSetupReport
    owner: DeskContext
    logins: dict[str, str] = field(default_factory=dict)
    ids: dict[str, int] = field(default_factory=dict)
    desks: list[DeskContext] = field(default_factory=list)

    def login_url(self, username: str) -> str:
        return self.url.replace("://postgres@", f"://{self.logins[username]}@", 1)

    def desk(self, username: str) -> tuple[DeskContext, Actor]:
        """The desk as this person runs it: connected as their own login, signed in as themselves."""
        ctx = open_desk(self.login_url(username), workstation=f"ws-{username}")
        self.desks.append(ctx)
        return ctx, AccountService(ctx).login(username, "demo")

    def connect(self, username: str) -> psycopg.Connection[tuple[object, ...]]:
        """A raw connection as the person's login: what an attacker at their workstation has."""
        return psycopg.connect(libpq(self.login_url(username)), autocommit=True)


def make_team(pg_url: str, *, customers: int = 12) -> Team:
    from desktop.demo.generator import generate_demo_data

    base = f"gdpr_t_{uuid.uuid4().hex[:10]}"
    report = init_team(pg_url, app_role=base)
    owner = open_desk(pg_url, workstation="it")
    team = Team(pg_url, report, owner)
    accounts = AccountService(owner)
    for name, role in PEOPLE:
        team.ids[name] = accounts.add(name, role, "demo")
    with owner.db.transaction() as s:
        team.logins = {u: str(login) for u, login in s.execute(text("SELECT username, db_login FROM staff_account"))}
    if customers:
        generate_demo_data(owner, customers=customers, seed=4)
    return team


def drop_team(team: Team) -> None:
    for ctx in team.desks:
        ctx.close()
    team.owner.close()
    base = team.report.app_role
    roles = [*team.logins.values(), f"{base}_admin", f"{base}_supervisor", f"{base}_agent", base]
    with psycopg.connect(libpq(team.url), autocommit=True) as conn:
        for role in roles:
            if conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (role,)).fetchone():
                conn.execute(f'DROP OWNED BY "{role}"')
    with psycopg.connect(ADMIN_URL, autocommit=True) as conn:
        for role in roles:
            conn.execute(f'DROP ROLE IF EXISTS "{role}"')


def team_fixture(pg_url: str) -> Iterator[Team]:
    team = make_team(pg_url)
    try:
        yield team
    finally:
        drop_team(team)
