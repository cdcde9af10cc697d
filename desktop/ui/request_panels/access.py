"""The access request (Art. 15): the register copy is made elsewhere; here its sending is recorded."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QComboBox, QFormLayout, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from desktop.domain.requests import Action, Channel
from desktop.ui.request_panels.base import Panel, PanelHost, date_edit, day, hint, left
from desktop.ui.request_queue import channel_label

if TYPE_CHECKING:
    from desktop.services.requests import RequestView


class AccessPanel(Panel):
    """The register copy itself is produced elsewhere; here the agent records that it went out."""

    def __init__(self, host: PanelHost) -> None:
        super().__init__(host)
        self.summary_edit = QPlainTextEdit()
        self.summary_edit.setAccessibleName(self.tr("Summary of the answer"))
        self.summary_edit.setPlaceholderText(self.tr(
            "What was sent: for example the register copy (PDF) and the cover letter, encrypted e-mail"))
        self.summary_edit.setTabChangesFocus(True)
        self.summary_edit.setFixedHeight(self.fontMetrics().height() * 4)
        self.via_combo = QComboBox()
        self.via_combo.setAccessibleName(self.tr("Sent via"))
        for channel in Channel:
            self.via_combo.addItem(channel_label(channel), channel.value)
        self.sent_edit = date_edit(date.today(), self.tr("Sent on"))
        self.complete_button = QPushButton(self.tr("Complete: the copy has been sent"))
        self.complete_button.setAutoDefault(False)
        self.complete_button.clicked.connect(self.complete)
        self.copy_button = QPushButton(self.tr("Make the register copy…"))
        self.copy_button.setAccessibleName(self.tr("Make the register copy"))
        self.copy_button.setAutoDefault(False)
        self.copy_button.clicked.connect(self.open_register_copy)
        self.form = QWidget()
        form = QFormLayout(self.form)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow("", left(self.copy_button))
        form.addRow(self.tr("Summary:"), self.summary_edit)
        form.addRow(self.tr("Sent via:"), self.via_combo)
        form.addRow(self.tr("Sent on:"), self.sent_edit)
        form.addRow("", left(self.complete_button))
        box = QVBoxLayout(self)
        box.addWidget(hint(self.tr(
            "Make the register copy here: review it, then print, post or e-mail it encrypted. An electronic "
            "request gets an electronic answer unless the person asked otherwise; the first copy is free.")))
        box.addWidget(self.form)
        box.addStretch(1)

    def show_view(self, view: RequestView, *, fresh: bool) -> None:
        if fresh:
            self.summary_edit.clear()
            self.via_combo.setCurrentIndex(max(0, self.via_combo.findData(view.channel.value)))
            self.sent_edit.setDate(QDate.currentDate())
        self.complete_button.setEnabled(Action.COMPLETE in view.allowed_actions)
        self.copy_button.setEnabled(Action.COMPLETE in view.allowed_actions and bool(view.customer_id))
        self.form.setVisible(view.is_open)

    def summary(self) -> str:
        return self.summary_edit.toPlainText().strip()

    def open_register_copy(self) -> None:
        """The Art. 15 letter for this request; sending or posting it completes the request."""
        view = self.host.view
        if view is None or not view.customer_id:
            return
        from desktop.ui.register_copy_dialog import RegisterCopyDialog  # lazy: startup time

        dialog = RegisterCopyDialog(self.host.ctx, self.host.actor, view.customer_id, view.id, self.host.dialogs,
                                    parent=self, mailer=self.host.mailer)
        dialog.completed.connect(lambda _view: self.host.reload())
        dialog.exec()

    def complete(self) -> None:
        summary = self.summary()
        if not summary:
            text = self.host.dialogs.ask_text(self, self.tr("Complete the access request"),
                                              self.tr("What was sent to the person?"))
            if text is None:
                return
            summary = text
        via, sent = str(self.via_combo.currentData()), day(self.sent_edit)
        service, actor = self.host.service, self.host.actor
        self.host.act(lambda rid, v: service.complete_access(actor, rid, summary, sent_via=via, sent_on=sent,
                                                             version=v))
