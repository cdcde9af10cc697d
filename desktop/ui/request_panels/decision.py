"""An objection on legitimate interest (Art. 21(1)): a supervisor records the decision."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QPushButton, QRadioButton, QVBoxLayout

from desktop.domain.requests import RequestState
from desktop.domain.roles import Role
from desktop.ui.request_panels.base import Panel, PanelHost, hint, when

if TYPE_CHECKING:
    from desktop.services.requests import RequestView


_DECIDERS = frozenset({Role.SUPERVISOR, Role.ADMIN})


class DecisionPanel(Panel):
    """Art. 21(1): a supervisor weighs the objection and records the grounds either way."""

    def __init__(self, host: PanelHost) -> None:
        super().__init__(host)
        self.upheld_radio = QRadioButton(self.tr("Upheld: stop the processing"))
        self.not_upheld_radio = QRadioButton(self.tr("Not upheld: compelling legitimate grounds override"))
        self.upheld_radio.setChecked(True)
        self.grounds_edit = QPlainTextEdit()
        self.grounds_edit.setAccessibleName(self.tr("Grounds"))
        self.grounds_edit.setPlaceholderText(self.tr("The grounds are recorded and given to the person"))
        self.grounds_edit.setTabChangesFocus(True)
        self.grounds_edit.setFixedHeight(self.fontMetrics().height() * 4)
        self.decide_button = QPushButton(self.tr("Record the decision"))
        self.decide_button.setAutoDefault(False)
        self.decide_button.clicked.connect(self.decide)
        self.who_label = hint("")
        self.decision_label = QLabel()
        self.decision_label.setAccessibleName(self.tr("Decision"))
        self.decision_label.setWordWrap(True)
        self.decision_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box = QVBoxLayout(self)
        box.addWidget(self.decision_label)
        box.addWidget(self.who_label)
        box.addWidget(self.upheld_radio)
        box.addWidget(self.not_upheld_radio)
        box.addWidget(self.grounds_edit)
        box.addWidget(self.decide_button, 0, Qt.AlignmentFlag.AlignLeft)
        box.addStretch(1)

    def may_decide(self, view: RequestView) -> bool:
        return self.host.actor.role in _DECIDERS and view.state in (RequestState.IN_PROGRESS,
                                                                    RequestState.AWAITING_APPROVAL)

    def show_view(self, view: RequestView, *, fresh: bool) -> None:
        if fresh:
            self.grounds_edit.clear()
            self.upheld_radio.setChecked(True)
        allowed = self.may_decide(view)
        for widget in (self.upheld_radio, self.not_upheld_radio, self.grounds_edit, self.decide_button):
            widget.setEnabled(allowed)
        if self.host.actor.role not in _DECIDERS:
            self.who_label.setText(self.tr(
                "A supervisor decides. Gather the facts, start the work and submit the request for approval."))
        elif view.state not in (RequestState.IN_PROGRESS, RequestState.AWAITING_APPROVAL) and view.is_open:
            self.who_label.setText(self.tr("The decision can be recorded once the work has started."))
        else:
            self.who_label.setText("")
        self.who_label.setVisible(bool(self.who_label.text()))
        if view.decision is not None:
            verdict = self.tr("upheld") if view.decision == "upheld" else self.tr("not upheld")
            self.decision_label.setText(self.tr("Decision: {verdict}, by {who} on {date}. Grounds: {grounds}").format(
                verdict=verdict, who=view.decided_by or "–",
                date=when(view.decided_at) if view.decided_at else "–", grounds=view.decision_grounds or "–"))
        else:
            self.decision_label.setText(self.tr("No decision yet."))

    def decide(self) -> None:
        upheld, grounds = self.upheld_radio.isChecked(), self.grounds_edit.toPlainText()
        service, actor = self.host.service, self.host.actor
        self.host.act(lambda rid, v: service.decide_objection(actor, rid, upheld, grounds, version=v))
