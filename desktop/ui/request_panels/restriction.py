"""Restriction (Art. 18): what is restricted, and the notice before the restriction is lifted."""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QLineEdit, QPushButton, QVBoxLayout

from desktop.ui.i18n import current_lang
from desktop.ui.request_panels.base import (
    Panel,
    PanelHost,
    checked_keys,
    checklist,
    date_edit,
    day,
    hint,
    left,
    set_checked,
)
from desktop.ui.request_queue import format_day

if TYPE_CHECKING:
    from desktop.services.letters import Letter
    from desktop.services.requests import RequestView


#: A lift notice gives the person this many days' warning unless the agent picks another date.
LIFT_NOTICE_DAYS = 14


class RestrictionPanel(Panel):
    """Restrict (all purposes, or records serving only the ticked ones); tell the person; then lift."""

    def __init__(self, host: PanelHost) -> None:
        super().__init__(host)
        lang = current_lang()
        purposes = [(p.key, f"§{p.number} {p.title.get(lang)}") for p in host.ctx.policy.purposes]
        self.purposes_list = checklist(self.tr("Purposes to restrict"), purposes)
        self.restrict_button = QPushButton(self.tr("Restrict processing"))
        self.restrict_button.setAutoDefault(False)
        self.restrict_button.clicked.connect(self.restrict)
        self.status_label = QLabel()
        self.status_label.setAccessibleName(self.tr("Restriction status"))
        self.status_label.setWordWrap(True)

        restrict_box = QGroupBox(self.tr("Restrict (Art. 18)"))
        restrict_layout = QVBoxLayout(restrict_box)
        restrict_layout.addWidget(hint(self.tr(
            "Tick the purposes the person contests, or none for all their data. Records that also serve another "
            "purpose stay usable for that purpose.")))
        restrict_layout.addWidget(self.purposes_list)
        restrict_layout.addWidget(self.restrict_button, 0, Qt.AlignmentFlag.AlignLeft)

        self.reason_edit = QLineEdit()
        self.reason_edit.setAccessibleName(self.tr("Why the restriction ends"))
        self.reason_edit.setPlaceholderText(self.tr("for example: the accuracy check is finished"))
        self.lift_on_edit = date_edit(date.today() + timedelta(days=LIFT_NOTICE_DAYS), self.tr("Lift on"))
        self.notice_button = QPushButton(self.tr("Record the notice to the person"))
        self.notice_button.setAutoDefault(False)
        self.notice_button.clicked.connect(self.record_notice)
        self.notice_sent_edit = date_edit(date.today(), self.tr("Notice sent on"))
        self.lift_button = QPushButton(self.tr("Lift the restriction"))
        self.lift_button.setAutoDefault(False)
        self.lift_button.clicked.connect(self.lift)

        lift_box = QGroupBox(self.tr("Lift (the person is told first, Art. 18(3))"))
        lift_form = QFormLayout(lift_box)
        lift_form.addRow(self.tr("Reason:"), self.reason_edit)
        lift_form.addRow(self.tr("Lift on:"), self.lift_on_edit)
        lift_form.addRow("", left(self.notice_button))
        lift_form.addRow(self.tr("Notice sent on:"), self.notice_sent_edit)
        lift_form.addRow("", left(self.lift_button))

        box = QVBoxLayout(self)
        box.addWidget(self.status_label)
        box.addWidget(restrict_box)
        box.addWidget(lift_box)
        box.addStretch(1)

    def show_view(self, view: RequestView, *, fresh: bool) -> None:
        if fresh:
            set_checked(self.purposes_list, view.scope_purposes)
            self.reason_edit.clear()
            self.lift_on_edit.setDate(QDate.currentDate().addDays(LIFT_NOTICE_DAYS))
            self.notice_sent_edit.setDate(QDate.currentDate())
        self.purposes_list.setEnabled(view.is_open)
        self.restrict_button.setEnabled(view.is_open)
        active = view.active_restrictions > 0
        for widget in (self.reason_edit, self.lift_on_edit, self.notice_button, self.notice_sent_edit,
                       self.lift_button):
            widget.setEnabled(active)
        if active:
            self.status_label.setText(self.tr("{count} records are restricted under this request.").format(
                count=view.active_restrictions))
        elif any(e.action == "lift_restriction" for e in view.history):
            self.status_label.setText(self.tr("The restriction has been lifted."))
        else:
            self.status_label.setText(self.tr("Nothing is restricted under this request yet."))

    def restrict(self) -> None:
        purposes = checked_keys(self.purposes_list) or None
        service, actor = self.host.service, self.host.actor
        self.host.act(lambda rid, v: service.restrict(actor, rid, purposes, version=v))

    def record_notice(self) -> None:
        reason, lift_on = self.reason_edit.text(), day(self.lift_on_edit)
        service, actor = self.host.service, self.host.actor

        def done(letter: Letter) -> None:
            self.notice_sent_edit.setDate(QDate.currentDate())
            self.host.show_message(self.tr("The notice is recorded as sent today. Send this text to the person; "
                                           "lift the restriction on or after {date}.").format(date=format_day(lift_on)))
            self.host.dialogs.info(self, self.tr("Notice to the person"), letter.text)

        self.host.act(lambda rid, v: service.record_lift_notice(actor, rid, reason=reason, lift_on=lift_on, version=v),
                      done)

    def lift(self) -> None:
        sent_on = day(self.notice_sent_edit)
        service, actor = self.host.service, self.host.actor
        self.host.act(lambda rid, v: service.lift_restriction(actor, rid, sent_on, version=v))
