"""Objection to direct marketing (Art. 21(2)): marketing stops, no balancing."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout

from desktop.domain.requests import RequestState
from desktop.ui.i18n import current_lang
from desktop.ui.request_panels.base import Panel, PanelHost, hint

if TYPE_CHECKING:
    from desktop.services.requests import RequestView


class MarketingPanel(Panel):
    """Art. 21(3): absolute and at once; normally done the moment the objection is filed."""

    def __init__(self, host: PanelHost) -> None:
        super().__init__(host)
        lang = current_lang()
        self.channel_checks: dict[str, QCheckBox] = {}
        self.status_label = QLabel()
        self.status_label.setAccessibleName(self.tr("Marketing status"))
        self.status_label.setWordWrap(True)
        row = QHBoxLayout()
        for mc in host.ctx.policy.marketing_channels:
            check = QCheckBox(mc.label.get(lang))
            self.channel_checks[mc.key] = check
            row.addWidget(check)
        row.addStretch(1)
        self.stop_button = QPushButton(self.tr("Stop marketing on these channels now"))
        self.stop_button.setAutoDefault(False)
        self.stop_button.clicked.connect(self.stop)
        box = QVBoxLayout(self)
        box.addWidget(self.status_label)
        box.addWidget(hint(self.tr(
            "An objection to direct marketing needs no reasons and takes effect at once. Only a block is kept so "
            "the person is not contacted again; order confirmations are not marketing.")))
        box.addLayout(row)
        box.addWidget(self.stop_button, 0, Qt.AlignmentFlag.AlignLeft)
        box.addStretch(1)

    def show_view(self, view: RequestView, *, fresh: bool) -> None:
        chosen = set(self.channel_checks) if view.marketing_channel in (None, "all") else set(
            (view.marketing_channel or "").split(","))
        if fresh:
            for key, check in self.channel_checks.items():
                check.setChecked(key in chosen)
        for check in self.channel_checks.values():
            check.setEnabled(view.is_open)
        self.stop_button.setEnabled(view.is_open)
        if view.state is RequestState.DONE:
            names = ", ".join(c.text() for k, c in self.channel_checks.items() if k in chosen)
            self.status_label.setText(self.tr("Marketing stopped on: {channels}.").format(channels=names))
        else:
            self.status_label.setText(self.tr("Marketing has not been stopped under this request."))

    def stop(self) -> None:
        channels = [k for k, c in self.channel_checks.items() if c.isChecked()]
        if not channels:
            self.host.show_error(self.tr("Tick at least one channel."))
            return
        service, actor = self.host.service, self.host.actor
        self.host.act(lambda rid, v: service.object_to_marketing(actor, rid, channels, version=v))
