"""Erasure (Art. 17): the plan and the four-eyes approval live in erasure_ui; this opens them."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QVBoxLayout

from desktop.ui.erasure_ui import ErasurePlanDialog
from desktop.ui.qt_compat import emit
from desktop.ui.request_panels.base import Panel, PanelHost, hint


class ErasurePanel(Panel):
    """Erasure's plan, four-eyes approval and execution live in their own screen."""

    def __init__(self, host: PanelHost) -> None:
        super().__init__(host)
        box = QVBoxLayout(self)
        box.addWidget(hint(self.tr(
            "An erasure is planned, approved by a supervisor and carried out in the erasure screen. Here you can "
            "verify the identity, start the work, submit it for approval, extend, refuse or record a withdrawal.")))
        self.plan_button = QPushButton(self.tr("Erasure plan…"))
        self.plan_button.setToolTip(self.tr("What goes, what stays and why; submit, approve and carry out"))
        self.plan_button.setAutoDefault(False)
        self.plan_button.clicked.connect(self.open_plan)
        box.addWidget(self.plan_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.plan_dialog: ErasurePlanDialog | None = None
        box.addStretch(1)

    def open_plan(self) -> ErasurePlanDialog | None:
        """The erasure plan of the request on screen, in a dialog beside it."""
        view = self.host.view
        if view is None:
            return None
        if self.plan_dialog is not None:
            self.plan_dialog.close()
        host = self.host
        dialog = ErasurePlanDialog(host.ctx, host.actor, view.id, host.dialogs, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        dialog.changed.connect(self._plan_changed)
        dialog.finished.connect(lambda _result: self._plan_closed(dialog))
        self.plan_dialog = dialog
        dialog.show()
        return dialog

    def _plan_closed(self, dialog: ErasurePlanDialog) -> None:
        if self.plan_dialog is dialog:
            self.plan_dialog = None

    def _plan_changed(self, request_id: int) -> None:
        self.host.reload()
        emit(self.host.changed, request_id)
