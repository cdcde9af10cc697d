"""The organisation's rules in the menu: shown to everyone, changed by an administrator only.

The roll-forward rule decides legal deadlines, so it lives in the database (`services.org_settings`)
and is the same on every workstation; this action only shows it and, for an administrator, asks the
service to change it (which logs the change). See docs/rules.md#r-deadline.
"""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from desktop.domain.roles import Actor, Role
from desktop.errors import DeskError
from desktop.services.org_settings import OrgSettingsService
from desktop.ui.dialogs import DialogService
from desktop.ui.operations import error_text

__all__ = ["RollForwardAction"]


class RollForwardAction(QAction):
    """A checkable menu entry mirroring the organisation's roll-forward rule."""

    def __init__(self, service: OrgSettingsService, actor: Actor, dialogs: DialogService, parent: QWidget) -> None:
        super().__init__(parent)
        self.service = service
        self.actor, self.dialogs, self.window = actor, dialogs, parent
        self.setText(self.tr("Move deadlines off &weekends and holidays"))
        self.setStatusTip(self.tr("A rule of the organisation, the same on every workstation; "
                                  "only an administrator may change it"))
        self.setCheckable(True)
        self.setChecked(self.service.roll_forward())
        # Only a convenience: the service refuses anyone but an administrator all the same.
        self.setEnabled(actor.role is Role.ADMIN)
        self.triggered.connect(self._change)

    def _change(self, on: bool) -> None:
        question = (self.tr("Due dates on a Saturday, Sunday or public holiday will move to the next working "
                            "day for every request filed from now on, on every workstation. Turn this on?")
                    if on else
                    self.tr("Due dates will stay on the day one month after receipt, even on a weekend or "
                            "holiday, for every request filed from now on. Turn this off?"))
        if not self.dialogs.confirm(self.window, self.tr("Deadline rule"), question):
            self.setChecked(not on)
            return
        try:
            self.service.set_roll_forward(self.actor, on)
        except DeskError as exc:
            self.setChecked(not on)
            self.dialogs.error(self.window, self.tr("Deadline rule"), error_text(exc))
