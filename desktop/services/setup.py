"""First start of a fresh database: is there anyone who can sign in, and if not, the first admin.

Creating the first administrator needs no sign-in (there is nobody to sign in as), so it must be
impossible once any account exists: the check and the insert share one transaction, serialised
against a second workstation doing the same (SQLite: the unit of work's BEGIN IMMEDIATE;
PostgreSQL: a transaction-scoped advisory lock). The creation is written to the access log.
"""

from __future__ import annotations

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from desktop.domain.roles import Role, system_actor
from desktop.errors import PermissionDenied
from desktop.models import StaffAccount
from desktop.services.accounts import AccountService
from desktop.services.context import DeskContext

# Any fixed number works: it names the lock only this code path takes.
_FIRST_ADMIN_LOCK = 0x6744_6573_6B01


class SetupService:
    def __init__(self, ctx: DeskContext) -> None:
        self.ctx = ctx

    def has_accounts(self) -> bool:
        with self.ctx.db.transaction() as s:
            return _count(s) > 0

    def create_first_admin(self, username: str, password: str, display_name: str) -> None:
        """Add the first administrator; refused once any account exists, enabled or not."""
        with self.ctx.db.transaction() as s:
            if self.ctx.db.is_postgres:
                s.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _FIRST_ADMIN_LOCK})
            if _count(s) > 0:
                raise PermissionDenied(
                    "This database has staff accounts already; an administrator adds new ones.",
                    "Databasen har allerede brukerkontoer; en administrator legger til nye.",
                )
            username = username.strip()
            AccountService(self.ctx).add(username, Role.ADMIN.value, password,
                                         display_name.strip() or None, session=s)
            self.ctx.audit.append(s, system_actor(self.ctx.workstation, "setup"), action="account_create",
                                  data="staff_account", detail=f"first admin: {username}")


def _count(s: Session) -> int:
    return int(s.execute(select(func.count()).select_from(StaffAccount)).scalar_one())
