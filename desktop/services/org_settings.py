"""Rules of the organisation, stored in its database: one database, one answer on every workstation.

The first such rule is whether a deadline that falls on a Saturday, Sunday or Norwegian public
holiday moves to the next working day (Regulation 1182/71 Art. 3(4); docs/rules.md#r-deadline). It
used to be a workstation preference, so the same request got different legal deadlines depending
on who filed it. Now every reader (GUI, CLI, the request service) asks the database, and only an
administrator may change it, which the access log records with the old and the new value.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session

from desktop.audit.log import utcnow
from desktop.domain.roles import Actor, Role
from desktop.errors import PermissionDenied
from desktop.models import OrgSetting, StaffAccount
from desktop.services.accounts import AccountService
from desktop.services.context import DeskContext

__all__ = ["ROLL_FORWARD", "OrgSettingsService", "SettingChange", "deadline_roll_forward"]

#: The key of the roll-forward rule in `org_setting`; off unless an administrator turns it on.
ROLL_FORWARD = "deadline_roll_forward"
_ON, _OFF = "on", "off"


def deadline_roll_forward(s: Session) -> bool:
    """The organisation's roll-forward rule, read in the caller's transaction (default off)."""
    row = s.get(OrgSetting, ROLL_FORWARD)
    return row is not None and row.value == _ON


@dataclass(frozen=True)
class SettingChange:
    key: str
    before: bool
    after: bool
    changed_at: datetime


class OrgSettingsService:
    """`clock` returns naive UTC."""

    def __init__(self, ctx: DeskContext, *, clock: Callable[[], datetime] = utcnow) -> None:
        self.ctx = ctx
        self.clock = clock
        self.accounts = AccountService(ctx)

    def roll_forward(self) -> bool:
        """Whether due dates move off weekends and holidays in this organisation (no personal data)."""
        with self.ctx.db.transaction() as s:
            return deadline_roll_forward(s)

    def set_roll_forward(self, actor: Actor, on: bool) -> SettingChange:
        """Change the rule; administrators only, checked against the database, and logged."""
        with self.ctx.db.transaction() as s:
            self.accounts.require_active(s, actor)
            account = s.get(StaffAccount, actor.account_id) if actor.account_id is not None else None
            if actor.role is not Role.ADMIN or account is None or Role(account.role) is not Role.ADMIN:
                raise PermissionDenied(
                    "Only an administrator may change the organisation's deadline rule.",
                    "Bare en administrator kan endre organisasjonens fristregel.")
            before = deadline_roll_forward(s)
            now = self.clock()
            row = s.get(OrgSetting, ROLL_FORWARD)
            if row is None:
                s.add(OrgSetting(key=ROLL_FORWARD, value=_ON if on else _OFF, changed_at=now,
                                 changed_by_id=account.id))
            else:
                row.value, row.changed_at, row.changed_by_id = (_ON if on else _OFF), now, account.id
            self.ctx.audit.append(s, actor, action="setting_changed", data=f"org_setting:{ROLL_FORWARD}",
                                  detail=f"{_ON if before else _OFF} -> {_ON if on else _OFF}")
            return SettingChange(key=ROLL_FORWARD, before=before, after=on, changed_at=now)
