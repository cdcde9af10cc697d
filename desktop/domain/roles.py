"""Who is acting, and what each role may do. Checked in the services, not only in the UI."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

#: The PostgreSQL role a team's workstations connect as, unless IT names another (`db init-team`).
DEFAULT_APP_ROLE = "gdpr_desk_app"


class Role(StrEnum):
    AGENT = "agent"
    SUPERVISOR = "supervisor"
    ADMIN = "admin"


class Permission(StrEnum):
    SEARCH = "search"
    OPEN_CUSTOMER = "open_customer"
    REVEAL_NATIONAL_ID = "reveal_national_id"
    VIEW_ACCESS_LOG = "view_access_log"
    VERIFY_ACCESS_LOG = "verify_access_log"
    MANAGE_ACCOUNTS = "manage_accounts"
    APPROVE_ERASURE = "approve_erasure"
    RUN_RETENTION = "run_retention"


_GRANTS: dict[Role, frozenset[Permission]] = {
    Role.AGENT: frozenset({Permission.SEARCH, Permission.OPEN_CUSTOMER, Permission.REVEAL_NATIONAL_ID}),
    Role.SUPERVISOR: frozenset(
        {
            Permission.SEARCH, Permission.OPEN_CUSTOMER, Permission.REVEAL_NATIONAL_ID,
            Permission.VIEW_ACCESS_LOG, Permission.VERIFY_ACCESS_LOG, Permission.APPROVE_ERASURE,
        }
    ),
    Role.ADMIN: frozenset(Permission),
}


def allows(role: Role | str, permission: Permission) -> bool:
    return permission in _GRANTS[Role(role)]


@dataclass(frozen=True)
class Actor:
    """The signed-in person (or the system, for scheduled jobs) on whose behalf a service acts."""

    account_id: int | None
    username: str
    role: Role
    workstation: str
    display_name: str = ""

    def can(self, permission: Permission) -> bool:
        return allows(self.role, permission)


def system_actor(workstation: str, job: str = "system") -> Actor:
    return Actor(account_id=None, username=job, role=Role.ADMIN, workstation=workstation, display_name=job)
