"""Withdrawn consent (Art. 7(3)): which consents end."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout

from desktop.ui.i18n import current_lang
from desktop.ui.request_panels.base import Panel, PanelHost, checked_keys, checklist, hint, set_checked

if TYPE_CHECKING:
    from desktop.services.requests import RequestView


class ConsentPanel(Panel):
    """Withdrawal stops consent-based processing; the records are kept only until erased."""

    def __init__(self, host: PanelHost) -> None:
        super().__init__(host)
        lang = current_lang()
        consent = [(p.key, f"§{p.number} {p.title.get(lang)}") for p in host.ctx.policy.purposes
                   if p.legal_basis == "consent"]
        self.purposes_list = checklist(self.tr("Consent-based purposes"), consent)
        self.channel_checks: dict[str, QCheckBox] = {}
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Marketing:")))
        for mc in host.ctx.policy.marketing_channels:
            check = QCheckBox(mc.label.get(lang))
            self.channel_checks[mc.key] = check
            row.addWidget(check)
        row.addStretch(1)
        self.withdraw_button = QPushButton(self.tr("Withdraw the consent"))
        self.withdraw_button.setAutoDefault(False)
        self.withdraw_button.clicked.connect(self.withdraw)
        box = QVBoxLayout(self)
        box.addWidget(hint(self.tr(
            "Tick the purposes the consent is withdrawn for, or none for every consent-based purpose. Processing "
            "before the withdrawal stays lawful.")))
        box.addWidget(self.purposes_list)
        box.addLayout(row)
        box.addWidget(self.withdraw_button, 0, Qt.AlignmentFlag.AlignLeft)
        box.addStretch(1)

    def show_view(self, view: RequestView, *, fresh: bool) -> None:
        if fresh:
            set_checked(self.purposes_list, view.scope_purposes)
            chosen = set(self.channel_checks) if view.marketing_channel in (None, "all") else set(
                (view.marketing_channel or "").split(","))
            for key, check in self.channel_checks.items():
                check.setChecked(key in chosen)
        for widget in (self.purposes_list, self.withdraw_button, *self.channel_checks.values()):
            widget.setEnabled(view.is_open)

    def withdraw(self) -> None:
        purposes = checked_keys(self.purposes_list) or None
        channels = [k for k, c in self.channel_checks.items() if c.isChecked()]
        service, actor = self.host.service, self.host.actor
        self.host.act(lambda rid, v: service.withdraw_consent(actor, rid, purposes=purposes,
                                                              marketing_channels=channels, version=v))
