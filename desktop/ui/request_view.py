"""One request on screen: where it stands, what may be done next, and the record of what was done.

Why it is shaped like this:
- The buttons come from `RequestView.allowed_actions`, which the domain's transition table
  computes for the signed-in role: the screen never decides on its own what is allowed, and the
  service refuses anything else all the same.
- Every action sends the version the screen was showing. If a colleague changed the request in
  the meantime the service says so (`ConcurrentChange`); the screen then reloads and tells the
  agent to look again, instead of acting on a state nobody sees any more.
- Each right has its own fulfilment panel, because each is carried out differently (a correction,
  a restriction that needs a notice before it is lifted, a supervisor's Art. 21(1) decision, an
  export file). Erasure is planned and executed in its own screen; here it only shows its state.
- Every question (a reason, a confirmation, where to save) goes through the dialog seam, and
  every service call runs on the worker thread; widgets are touched only in the callbacks.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTableWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.deadlines import DeadlineState
from desktop.domain.requests import Action, Channel, IdentityState, RequestState, RequestType
from desktop.ui.common import busy_bar
from desktop.ui.formatting import format_time, to_local
from desktop.ui.i18n import current_lang
from desktop.ui.icons import icon
from desktop.ui.operations import Operations, error_text
from desktop.ui.qt_compat import emit
from desktop.ui.request_panels.access import AccessPanel
from desktop.ui.request_panels.base import Panel, fill, hint, table, translated, when
from desktop.ui.request_panels.consent import ConsentPanel
from desktop.ui.request_panels.decision import DecisionPanel
from desktop.ui.request_panels.erasure import ErasurePanel
from desktop.ui.request_panels.marketing import MarketingPanel
from desktop.ui.request_panels.portability import PortabilityPanel
from desktop.ui.request_panels.rectification import RectificationPanel
from desktop.ui.request_panels.restriction import RestrictionPanel
from desktop.ui.request_queue import channel_label, days_left_text, format_day, state_text, type_label
from desktop.ui.styles import ERROR_STYLE, INFO_STYLE, NOTICE_STYLE, OK_STYLE, notice
from desktop.ui.theme import set_tone

if TYPE_CHECKING:
    from desktop.domain.roles import Actor
    from desktop.services.context import DeskContext
    from desktop.services.customers import CustomerSummary
    from desktop.services.letters import Letter
    from desktop.services.register_copy import AttachmentMailer
    from desktop.services.requests import ExtensionResult, NotificationView, RequestService, RequestView
    from desktop.ui.dialogs import DialogService

T = TypeVar("T")
#: Steps of an erasure that belong to its erasure plan (issue 5), not to this screen.
_ERASURE_PLAN_ACTIONS = frozenset({Action.APPROVE, Action.REJECT, Action.COMPLETE})
#: Types whose fulfilment panel completes the request itself: a bare "Complete" could only be refused.
_PANEL_COMPLETES = frozenset({
    RequestType.RECTIFICATION, RequestType.RESTRICTION, RequestType.OBJECTION_DIRECT_MARKETING,
    RequestType.WITHDRAW_CONSENT, RequestType.OBJECTION_LEGITIMATE_INTEREST,
})


# --- labels ---------------------------------------------------------------------------------------

_ACTION_BUTTONS: dict[Action, object] = {
    Action.VERIFY_IDENTITY: QT_TRANSLATE_NOOP("RequestViewWidget", "Verify identity…"),
    Action.START: QT_TRANSLATE_NOOP("RequestViewWidget", "Start work"),
    Action.SUBMIT_FOR_APPROVAL: QT_TRANSLATE_NOOP("RequestViewWidget", "Submit for approval"),
    Action.APPROVE: QT_TRANSLATE_NOOP("RequestViewWidget", "Approve…"),
    Action.REJECT: QT_TRANSLATE_NOOP("RequestViewWidget", "Reject…"),
    Action.COMPLETE: QT_TRANSLATE_NOOP("RequestViewWidget", "Complete…"),
    Action.REFUSE: QT_TRANSLATE_NOOP("RequestViewWidget", "Refuse…"),
    Action.WITHDRAW: QT_TRANSLATE_NOOP("RequestViewWidget", "Withdrawn…"),
    Action.EXTEND: QT_TRANSLATE_NOOP("RequestViewWidget", "Extend the deadline…"),
}
_EVENT_LABELS: dict[str, object] = {
    "file": QT_TRANSLATE_NOOP("RequestHistory", "filed"),
    "verify_identity": QT_TRANSLATE_NOOP("RequestHistory", "identity verified"),
    "start": QT_TRANSLATE_NOOP("RequestHistory", "work started"),
    "submit_for_approval": QT_TRANSLATE_NOOP("RequestHistory", "submitted for approval"),
    "approve": QT_TRANSLATE_NOOP("RequestHistory", "approved"),
    "reject": QT_TRANSLATE_NOOP("RequestHistory", "rejected"),
    "complete": QT_TRANSLATE_NOOP("RequestHistory", "completed"),
    "refuse": QT_TRANSLATE_NOOP("RequestHistory", "refused"),
    "withdraw": QT_TRANSLATE_NOOP("RequestHistory", "withdrawn"),
    "extend": QT_TRANSLATE_NOOP("RequestHistory", "deadline extended"),
    "assign": QT_TRANSLATE_NOOP("RequestHistory", "assigned"),
    "rectify": QT_TRANSLATE_NOOP("RequestHistory", "data rectified"),
    "restrict": QT_TRANSLATE_NOOP("RequestHistory", "processing restricted"),
    "lift_notice": QT_TRANSLATE_NOOP("RequestHistory", "lift notice recorded"),
    "lift_restriction": QT_TRANSLATE_NOOP("RequestHistory", "restriction lifted"),
    "object_marketing": QT_TRANSLATE_NOOP("RequestHistory", "marketing stopped"),
    "decide": QT_TRANSLATE_NOOP("RequestHistory", "decision recorded"),
    "withdraw_consent": QT_TRANSLATE_NOOP("RequestHistory", "consent withdrawn"),
    "export": QT_TRANSLATE_NOOP("RequestHistory", "export made"),
    "letter_sent": QT_TRANSLATE_NOOP("RequestHistory", "letter sent"),
    "notice_sent": QT_TRANSLATE_NOOP("RequestHistory", "recipient notified"),
}
_LETTER_KINDS: dict[str, object] = {
    "acknowledgement": QT_TRANSLATE_NOOP("RequestHistory", "Acknowledgement"),
    "extension": QT_TRANSLATE_NOOP("RequestHistory", "Extension notice"),
    "refusal": QT_TRANSLATE_NOOP("RequestHistory", "Refusal"),
    "completion": QT_TRANSLATE_NOOP("RequestHistory", "Answer"),
    "restriction_lift_notice": QT_TRANSLATE_NOOP("RequestHistory", "Notice before lifting"),
}
_NOTICE_KINDS: dict[str, object] = {
    "rectification": QT_TRANSLATE_NOOP("RequestHistory", "rectification"),
    "restriction": QT_TRANSLATE_NOOP("RequestHistory", "restriction"),
    "objection_upheld": QT_TRANSLATE_NOOP("RequestHistory", "objection upheld"),
    "restriction_lifted": QT_TRANSLATE_NOOP("RequestHistory", "restriction lifted"),
}


# --- fulfilment panels ------------------------------------------------------------------------------


# --- the request view -------------------------------------------------------------------------------


#: The key of the calls about the request on screen (`Operations`).
_REQUEST = "request"


class RequestViewWidget(QWidget):
    """Header, restriction banner, the allowed actions, the type's panel, history, notices and letters."""

    #: A request was changed from this screen (request id): the queue should refresh.
    changed = Signal(int)
    #: A request is on screen (request id).
    loaded = Signal(int)
    #: The agent asked to open the request's customer (customer id).
    customer_requested = Signal(int)

    def __init__(self, ctx: DeskContext, actor: Actor, dialogs: DialogService, *,
                 service: RequestService | None = None, mailer: AttachmentMailer | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from desktop.services.requests import RequestService  # lazy: startup time

        self.ctx = ctx
        #: Mail with an attachment (the register copy); None: the dialog explains e-mail is not set up.
        self.mailer = mailer
        self.actor = actor
        self.dialogs = dialogs
        self.service = service or RequestService(ctx)
        self.worker = Operations(self)
        self.view: RequestView | None = None
        self.setAccessibleName(self.tr("Request"))

        self.stack = QStackedWidget()
        self.empty_label = QLabel(self.tr("No request is open.\n\nDouble-click a request in the queue."))
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        set_tone(self.empty_label, "muted")
        self.stack.addWidget(self.empty_label)
        self.stack.addWidget(self._build_page())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)

        reload_key = QShortcut(QKeySequence(Qt.Key.Key_F5), self, self.reload)
        reload_key.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        reload_key.setWhatsThis(self.tr("Read the open request again"))
        self.worker.busy_changed.connect(self._busy_changed)

    # --- building ----------------------------------------------------------------------------

    def _build_page(self) -> QWidget:
        page = QWidget()
        self.title_label = QLabel()
        self.title_label.setAccessibleName(self.tr("Request title"))
        self.title_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.title_label.setWordWrap(True)
        font = QFont(self.title_label.font())
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.title_label.setFont(font)
        self.state_badge = QLabel()
        self.state_badge.setAccessibleName(self.tr("State"))
        title_row = QHBoxLayout()
        title_row.addWidget(self.title_label, 1)
        title_row.addWidget(self.state_badge, 0, Qt.AlignmentFlag.AlignTop)

        self.values: dict[str, QLabel] = {}
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(2)
        fields = [
            ("customer", self.tr("Customer:")), ("channel", self.tr("Channel:")),
            ("received", self.tr("Received:")), ("due", self.tr("Due:")),
            ("days_left", self.tr("Days left:")), ("agent", self.tr("Agent:")),
            ("identity", self.tr("Identity:")), ("filed", self.tr("Filed:")),
        ]
        for i, (key, title) in enumerate(fields):
            value = QLabel()
            value.setAccessibleName(title.rstrip(":"))
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setWordWrap(True)
            self.values[key] = value
            row, col = divmod(i, 2)
            grid.addWidget(QLabel(title), row, col * 2)
            grid.addWidget(value, row, col * 2 + 1)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        self.open_customer_button = QPushButton(icon("customer"), self.tr("Open the customer"))
        self.open_customer_button.setAutoDefault(False)
        self.open_customer_button.clicked.connect(self._open_customer)

        self.restriction_banner = notice(ERROR_STYLE, self.tr("Restriction notice"))
        self.restriction_banner.setText(self.tr(
            "Processing is restricted for this customer: the data may only be stored. No marketing, no exports "
            "to third parties; other use needs consent or legal claims."))
        self.duplicate_label = notice(NOTICE_STYLE, self.tr("Duplicate notice"))
        self.outcome_label = notice(OK_STYLE, self.tr("Outcome"))
        self.error_label = notice(ERROR_STYLE, self.tr("Error"))
        self.message_label = notice(OK_STYLE, self.tr("Message"))
        self.busy = busy_bar(self.tr("Working"))

        self.action_buttons: dict[Action, QPushButton] = {}
        actions = QHBoxLayout()
        actions.setContentsMargins(0, 0, 0, 0)
        for action in Action:
            button = QPushButton(QCoreApplication.translate("RequestViewWidget", str(_ACTION_BUTTONS[action])))
            button.setAutoDefault(False)
            button.setObjectName(f"action_{action.value}")
            button.clicked.connect(lambda _=False, a=action: self.trigger(a))
            button.hide()
            self.action_buttons[action] = button
            actions.addWidget(button)
        self.action_buttons[Action.WITHDRAW].setToolTip(self.tr("Record that the person withdrew the request"))
        self.assign_button = QPushButton(self.tr("Assign to me"))
        self.assign_button.setAutoDefault(False)
        self.assign_button.clicked.connect(self.assign_to_me)
        actions.addWidget(self.assign_button)
        self.no_actions_label = hint(self.tr("The request is closed; file a new request if the person asks again."))
        self.no_actions_label.setWordWrap(False)
        self.no_actions_label.hide()
        actions.addWidget(self.no_actions_label)
        actions.addStretch(1)

        self.panels: dict[RequestType, Panel] = {
            RequestType.ACCESS: AccessPanel(self),
            RequestType.RECTIFICATION: RectificationPanel(self),
            RequestType.ERASURE: ErasurePanel(self),
            RequestType.RESTRICTION: RestrictionPanel(self),
            RequestType.OBJECTION_LEGITIMATE_INTEREST: DecisionPanel(self),
            RequestType.OBJECTION_DIRECT_MARKETING: MarketingPanel(self),
            RequestType.PORTABILITY: PortabilityPanel(self),
            RequestType.WITHDRAW_CONSENT: ConsentPanel(self),
        }
        self.panel_stack = QStackedWidget()
        for panel in self.panels.values():
            self.panel_stack.addWidget(panel)
        panel_scroll = QScrollArea()
        panel_scroll.setAccessibleName(self.tr("Fulfilment"))
        panel_scroll.setWidgetResizable(True)
        panel_scroll.setWidget(self.panel_stack)

        self.history_table = table(self.tr("History"), [self.tr("When"), self.tr("Who"), self.tr("Step"),
                                                         self.tr("State"), self.tr("Note")])
        self.notices_table = table(self.tr("Notices to recipients"),
                                    [self.tr("Recipient"), self.tr("Change"), self.tr("Made"), self.tr("Sent")])
        self.notices_table.itemSelectionChanged.connect(self._notice_selected)
        self.notice_text = QPlainTextEdit()
        self.notice_text.setReadOnly(True)
        self.notice_text.setAccessibleName(self.tr("Notice text"))
        self.notice_sent_button = QPushButton(self.tr("Mark as sent"))
        self.notice_sent_button.setAutoDefault(False)
        self.notice_sent_button.clicked.connect(self.mark_notice_sent)
        self.letters_table = table(self.tr("Letters"), [self.tr("Letter"), self.tr("Language"), self.tr("Made"),
                                                         self.tr("Sent")])
        self.letters_table.itemSelectionChanged.connect(self._letter_selected)
        self.letter_text = QPlainTextEdit()
        self.letter_text.setReadOnly(True)
        self.letter_text.setAccessibleName(self.tr("Letter text"))
        self.letter_sent_button = QPushButton(self.tr("Mark as sent"))
        self.letter_sent_button.setAutoDefault(False)
        self.letter_sent_button.clicked.connect(self.mark_letter_sent)
        self.acknowledgement_button = QPushButton(self.tr("Show the acknowledgement"))
        self.acknowledgement_button.setToolTip(self.tr("The receipt to send the person: reference and answer date"))
        self.acknowledgement_button.setAutoDefault(False)
        self.acknowledgement_button.clicked.connect(self.show_acknowledgement)

        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("Request details"))
        self.tabs.addTab(panel_scroll, self.tr("Fulfilment"))
        self.tabs.addTab(self.history_table, self.tr("History"))
        self.tabs.addTab(self._text_split(self.notices_table, self.notice_text, [self.notice_sent_button]),
                         self.tr("Recipients (Art. 19)"))
        self.tabs.addTab(self._text_split(self.letters_table, self.letter_text,
                                          [self.letter_sent_button, self.acknowledgement_button]),
                         self.tr("Letters"))

        box = QVBoxLayout(page)
        box.setContentsMargins(6, 4, 6, 4)
        box.setSpacing(6)
        box.addLayout(title_row)
        box.addLayout(grid)
        box.addWidget(self.open_customer_button, 0, Qt.AlignmentFlag.AlignLeft)
        box.addWidget(self.restriction_banner)
        box.addWidget(self.duplicate_label)
        box.addWidget(self.outcome_label)
        box.addLayout(actions)
        box.addWidget(self.busy)
        box.addWidget(self.error_label)
        box.addWidget(self.message_label)
        box.addWidget(self.tabs, 1)
        return page

    @staticmethod
    def _text_split(table: QTableWidget, text: QPlainTextEdit, buttons: Sequence[QPushButton]) -> QWidget:
        holder = QWidget()
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(table)
        split.addWidget(text)
        split.setSizes([120, 220])
        row = QHBoxLayout()
        for button in buttons:
            row.addWidget(button)
        row.addStretch(1)
        box = QVBoxLayout(holder)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(split, 1)
        box.addLayout(row)
        return holder

    # --- loading -----------------------------------------------------------------------------

    def is_busy(self) -> bool:
        return self.worker.is_busy()

    def _busy_changed(self, on: bool) -> None:
        self.busy.setVisible(on)
        for button in (*self.action_buttons.values(), self.assign_button):
            button.setEnabled(not on)

    def load(self, request_id: int) -> None:
        """Open a request (a logged look at the person's data), off the GUI thread."""
        self.clear_messages()
        if self.view is None or self.view.id != request_id:
            self.empty_label.setText(self.tr("Opening the request…"))
        service, actor = self.service, self.actor

        def failed(exc: BaseException) -> None:
            if self.view is None:
                self.empty_label.setText(error_text(exc))
            self.show_error(error_text(exc))

        # Opening another request (or clearing) supersedes this one: its answer is dropped.
        self.worker.run(lambda: service.get(actor, request_id), self.show_request, on_error=failed, key=_REQUEST)

    def reload(self) -> None:
        if self.view is not None:
            self.load(self.view.id)

    def clear(self) -> None:
        self.worker.invalidate(_REQUEST)
        self.view = None
        self.empty_label.setText(self.tr("No request is open.\n\nDouble-click a request in the queue."))
        self.stack.setCurrentIndex(0)

    def shutdown(self) -> None:
        """Before the desk closes: let a running call finish so it never outlives the database."""
        self.worker.wait()

    # --- showing -----------------------------------------------------------------------------

    def show_request(self, view: RequestView) -> None:
        fresh = self.view is None or self.view.id != view.id
        self.view = view
        self.stack.setCurrentIndex(1)
        self.title_label.setText(f"{view.reference} · {type_label(view.type)}")
        self.title_label.setToolTip(self.tr("GDPR Art. {article}").format(article=view.article))
        self.state_badge.setText(state_text(view.state))
        set_tone(self.state_badge, self._state_tone(view), badge=True)
        self._show_header(view)
        self._show_actions(view)
        panel = self.panels[view.type]
        self.panel_stack.setCurrentWidget(panel)
        panel.show_view(view, fresh=fresh)
        self._show_history(view)
        self._show_notices(view)
        self._show_letters(view)
        if fresh:
            self.tabs.setCurrentIndex(self._first_tab(view))
        emit(self.loaded, view.id)

    @staticmethod
    def _first_tab(view: RequestView) -> int:
        """A closed request opens on what is left to read: its history, unless its panel still has work.

        A done restriction can still be lifted, and a done rectification shows its before and after.
        """
        if view.is_open or (view.state is RequestState.DONE
                            and view.type not in (RequestType.ACCESS, RequestType.ERASURE)):
            return 0
        return 1

    @staticmethod
    def _state_tone(view: RequestView) -> str:
        if view.state is RequestState.DONE:
            return "ok"
        if view.state in (RequestState.REFUSED, RequestState.WITHDRAWN):
            return "neutral"
        return "info"

    def _show_header(self, view: RequestView) -> None:
        v = self.values
        customer = view.customer_name or self.tr("(erased)")
        v["customer"].setText(f"{customer} ({view.customer_number})" if view.customer_number else customer)
        v["channel"].setText(channel_label(view.channel))
        received = format_day(view.received_on)
        if view.received_at is not None:
            received += " " + format_time(to_local(view.received_at))
        v["received"].setText(received)
        due = format_day(view.due_on)
        if view.extended_until is not None:
            due = self.tr("{due}, extended to {extended}").format(due=due, extended=format_day(view.extended_until))
            v["due"].setToolTip(self.tr("Reason for the extension: {reason}").format(
                reason=view.extension_reason or "–"))
        else:
            v["due"].setToolTip("")
        v["due"].setText(due)
        v["days_left"].setText(days_left_text(view.days_left))
        tones: dict[DeadlineState | None, str] = {DeadlineState.OVERDUE: "danger", DeadlineState.DUE_SOON: "warning"}
        deadline_tone = tones.get(view.deadline_state)
        set_tone(v["days_left"], deadline_tone, bold=True)
        v["agent"].setText(view.assigned_agent or self.tr("nobody"))
        v["identity"].setText({
            IdentityState.VERIFIED: self.tr("verified"),
            IdentityState.UNVERIFIED: self.tr("not verified yet"),
            IdentityState.NOT_REQUIRED: self.tr("not needed for this request"),
        }[view.identity_state])
        v["filed"].setText(self.tr("{when} by {who}").format(when=when(view.filed_at), who=view.filed_by or "–"))
        self.open_customer_button.setEnabled(view.customer_id is not None and bool(view.customer_name))
        self.restriction_banner.setVisible(view.customer_restricted)
        if view.is_duplicate:
            from desktop.services.requests import reference  # lazy: startup time

            original = reference(view.duplicate_of_id) if view.duplicate_of_id is not None else "?"
            self.duplicate_label.setText(self.tr(
                "Filed as a duplicate: {reference} of the same type was open for this customer at the time."
            ).format(reference=original))
        self.duplicate_label.setVisible(view.is_duplicate)
        outcome = self._outcome(view)
        self.outcome_label.setText(outcome)
        self.outcome_label.setStyleSheet({RequestState.REFUSED: NOTICE_STYLE, RequestState.WITHDRAWN: INFO_STYLE}.get(
            view.state, OK_STYLE))
        self.outcome_label.setVisible(bool(outcome))

    def _outcome(self, view: RequestView) -> str:
        if view.state is RequestState.REFUSED:
            return self.tr("Refused: {reason}").format(reason=view.refusal_reason or "–")
        if view.state is RequestState.WITHDRAWN:
            return self.tr("Withdrawn by the person on {date}.").format(
                date=when(view.completed_at) if view.completed_at else "–")
        if view.state is RequestState.DONE:
            sent = ""
            if view.completion_sent_on is not None:
                via = channel_label(view.completion_channel) if view.completion_channel in set(Channel) else (
                    view.completion_channel or "")
                sent = " " + self.tr("(sent {date} via {via})").format(date=format_day(view.completion_sent_on),
                                                                       via=via)
            return self.tr("Done: {summary}").format(summary=view.completion_summary or "–") + sent
        return ""

    def _show_actions(self, view: RequestView) -> None:
        allowed = set(view.allowed_actions)
        if view.type is RequestType.ERASURE:
            allowed -= _ERASURE_PLAN_ACTIONS
        if view.type in _PANEL_COMPLETES:
            allowed.discard(Action.COMPLETE)
        if view.extended_until is not None:
            allowed.discard(Action.EXTEND)  # one extension only (Art. 12(3)); the service refuses a second
        # The note goes first and comes back last: shown beside the buttons for a moment, it would widen the
        # window for good.
        self.no_actions_label.hide()
        for action, button in self.action_buttons.items():
            button.setVisible(action in allowed)
        self.assign_button.setVisible(view.is_open and self.actor.account_id is not None
                                      and view.assigned_agent_id != self.actor.account_id)
        self.no_actions_label.setVisible(not view.is_open)

    def _show_history(self, view: RequestView) -> None:
        rows = []
        for e in view.history:
            change = state_text(e.to_state) if e.from_state in (None, e.to_state) else (
                f"{state_text(e.from_state)} → {state_text(e.to_state)}")
            rows.append([when(e.at), e.actor, translated("RequestHistory", _EVENT_LABELS, e.action), change,
                         e.note or ""])
        fill(self.history_table, rows)
        self.tabs.setTabText(1, self.tr("History ({count})").format(count=len(rows)))

    def _show_notices(self, view: RequestView) -> None:
        lang = current_lang()
        rows = [[self._recipient_name(n, lang),
                 translated("RequestHistory", _NOTICE_KINDS, n.kind), when(n.created_at),
                 when(n.sent_at) if n.sent_at else self.tr("not sent")] for n in view.notifications]
        keep = self.notices_table.currentRow()
        fill(self.notices_table, rows)
        waiting = sum(1 for n in view.notifications if n.sent_at is None)
        self.tabs.setTabText(2, self.tr("Recipients (Art. 19): {waiting} to send").format(waiting=waiting)
                             if waiting else self.tr("Recipients (Art. 19) ({count})").format(count=len(rows)))
        self.notices_table.setCurrentCell(keep if 0 <= keep < len(rows) else (0 if rows else -1), 0)
        self._notice_selected()

    def _recipient_name(self, n: NotificationView, lang: str) -> str:
        """The recipient in the agent's language: the policy names it in Swedish too, while the stored
        notice (and so the view) is Bokmål and English only; a key the policy lost keeps those."""
        try:
            return self.ctx.policy.recipient(n.recipient_key).name.get(lang)
        except KeyError:
            return n.recipient_name if lang == "nb" else n.recipient_name_en

    def _show_letters(self, view: RequestView) -> None:
        rows = [[translated("RequestHistory", _LETTER_KINDS, x.kind), x.lang, when(x.created_at),
                 self.tr("{date} via {via}").format(date=format_day(x.sent_on), via=channel_label(x.sent_via)
                                                    if x.sent_via in set(Channel) else (x.sent_via or "–"))
                 if x.sent_on else self.tr("not sent")] for x in view.letters]
        keep = self.letters_table.currentRow()
        fill(self.letters_table, rows)
        waiting = sum(1 for x in view.letters if x.sent_on is None)
        self.tabs.setTabText(3, self.tr("Letters: {waiting} to send").format(waiting=waiting)
                             if waiting else self.tr("Letters ({count})").format(count=len(rows)))
        self.letters_table.setCurrentCell(keep if 0 <= keep < len(rows) else (len(rows) - 1 if rows else -1), 0)
        self._letter_selected()

    def _notice_selected(self) -> None:
        view, row = self.view, self.notices_table.currentRow()
        if view is None or not 0 <= row < len(view.notifications):
            self.notice_text.clear()
            self.notice_sent_button.setEnabled(False)
            return
        n = view.notifications[row]
        subject, body = (n.subject_nb, n.body_nb) if current_lang() == "nb" else (n.subject_en, n.body_en)
        self.notice_text.setPlainText(f"{subject}\n\n{body}")
        self.notice_sent_button.setEnabled(n.sent_at is None)

    def _letter_selected(self) -> None:
        view, row = self.view, self.letters_table.currentRow()
        if view is None or not 0 <= row < len(view.letters):
            self.letter_text.clear()
            self.letter_sent_button.setEnabled(False)
            return
        letter = view.letters[row]
        self.letter_text.setPlainText(f"{letter.subject}\n\n{letter.body}")
        self.letter_sent_button.setEnabled(letter.sent_on is None)

    # --- messages ----------------------------------------------------------------------------

    def clear_messages(self) -> None:
        self.error_label.hide()
        self.message_label.hide()

    def show_error(self, text: str) -> None:
        self.message_label.hide()
        self.error_label.setText(text)
        self.error_label.show()

    def show_message(self, text: str, *, style: str = OK_STYLE) -> None:
        self.message_label.setStyleSheet(style)
        self.message_label.setText(text)
        self.message_label.show()

    # --- running actions ---------------------------------------------------------------------

    def act(self, call: Callable[[int, int], T], on_done: Callable[[T], None] | None = None) -> None:
        """Run `call(request_id, version)` on the worker; show the new state, or the reason it failed.

        A call that returns something other than the request (a letter, an export) is followed by a
        reload, so history and letters on screen include what it wrote.
        """
        view = self.view
        if view is None or self.worker.is_busy():
            return
        from desktop.services.requests import ExtensionResult, RequestView  # lazy: startup time

        request_id, version = view.id, view.version
        self.clear_messages()

        def done(result: T) -> None:
            if isinstance(result, RequestView):
                self.show_request(result)
            elif isinstance(result, ExtensionResult):
                self.show_request(result.request)
            else:
                self.load(request_id)
            if on_done is not None:
                on_done(result)

        # The queue hears of every change, even one whose request is no longer on screen.
        self.worker.change(lambda: call(request_id, version), done, on_error=self._action_failed, key=_REQUEST,
                           on_changed=lambda _result: emit(self.changed, request_id))

    def _action_failed(self, exc: BaseException) -> None:
        from desktop.services.requests import ConcurrentChange  # lazy: startup time

        if isinstance(exc, ConcurrentChange):
            self.reload()
            self.show_message(self.tr("{message} The request has been reloaded: check it and try again.").format(
                message=error_text(exc)), style=NOTICE_STYLE)
            return
        self.show_error(error_text(exc))

    def trigger(self, action: Action) -> None:
        """What a button does: ask what the action needs through the seam, then run it."""
        view = self.view
        if view is None:
            return
        handlers: dict[Action, Callable[[RequestView], None]] = {
            Action.VERIFY_IDENTITY: self._verify, Action.START: self._simple(Action.START),
            Action.SUBMIT_FOR_APPROVAL: self._simple(Action.SUBMIT_FOR_APPROVAL),
            Action.APPROVE: self._decide(Action.APPROVE), Action.REJECT: self._decide(Action.REJECT),
            Action.COMPLETE: self._complete, Action.REFUSE: self._refuse, Action.WITHDRAW: self._withdraw,
            Action.EXTEND: self._extend,
        }
        handlers[action](view)

    def _simple(self, action: Action) -> Callable[[RequestView], None]:
        service, actor = self.service, self.actor

        def run(_: RequestView) -> None:
            self.act(lambda rid, v: service.transition(actor, rid, action, version=v))

        return run

    def _verify(self, _: RequestView) -> None:
        note = self.dialogs.ask_text(self, self.tr("Verify identity"), self.tr(
            "How was the identity verified? For example: one-time code to the registered e-mail, or ID card seen "
            "at the counter (never write the ID number)."))
        if note is None:
            return
        service, actor = self.service, self.actor
        self.act(lambda rid, v: service.verify_identity(actor, rid, note=note, version=v))

    def _decide(self, action: Action) -> Callable[[RequestView], None]:
        service, actor = self.service, self.actor

        def run(_: RequestView) -> None:
            title = self.tr("Approve") if action is Action.APPROVE else self.tr("Reject")
            grounds = self.dialogs.ask_text(self, title, self.tr(
                "Write the grounds for the decision; they are recorded and given to the person."))
            if grounds is None:
                return
            self.act(lambda rid, v: service.transition(actor, rid, action, reason=grounds, version=v))

        return run

    def _complete(self, view: RequestView) -> None:
        service, actor = self.service, self.actor
        if view.type is RequestType.ACCESS:
            access = self.panels[RequestType.ACCESS]
            assert isinstance(access, AccessPanel)
            access.complete()
            return
        summary = self.dialogs.ask_text(self, self.tr("Complete the request"),
                                        self.tr("What was sent to the person, and how?"))
        if summary is None:
            return
        self.act(lambda rid, v: service.complete(actor, rid, summary, version=v))

    def _refuse(self, _: RequestView) -> None:
        reason = self.dialogs.ask_text(self, self.tr("Refuse the request"), self.tr(
            "Write the reason for the refusal. It goes to the person in the refusal letter, with their right to "
            "complain to Datatilsynet."))
        if reason is None:
            return
        service, actor = self.service, self.actor
        self.act(lambda rid, v: service.refuse(actor, rid, reason, version=v))

    def _withdraw(self, view: RequestView) -> None:
        if not self.dialogs.confirm(self, self.tr("Withdrawn by the person"), self.tr(
                "Record that the person withdrew {reference}? The request closes and cannot be reopened.").format(
                reference=view.reference)):
            return
        service, actor = self.service, self.actor
        self.act(lambda rid, v: service.withdraw(actor, rid, note="withdrawn by the person", version=v))

    def _extend(self, _: RequestView) -> None:
        reason = self.dialogs.ask_text(self, self.tr("Extend the deadline"), self.tr(
            "Why does the request need up to two more months? The reason is sent to the person in the extension "
            "notice (GDPR Art. 12(3))."))
        if reason is None:
            return
        service, actor = self.service, self.actor

        def done(result: ExtensionResult) -> None:
            self.show_message(self.tr("The deadline is extended to {date}. Send the extension notice to the person "
                                      "now; it is under Letters.").format(
                date=format_day(result.request.effective_due)))
            self.dialogs.info(self, self.tr("Extension notice"), result.notice.text)

        self.act(lambda rid, v: service.extend(actor, rid, reason, version=v), done)

    def assign_to_me(self) -> None:
        if self.actor.account_id is None:
            return
        service, actor, me = self.service, self.actor, self.actor.account_id
        self.act(lambda rid, v: service.assign(actor, rid, me, version=v))

    def _open_customer(self) -> None:
        if self.view is not None and self.view.customer_id is not None:
            emit(self.customer_requested, self.view.customer_id)

    # --- letters and notices -----------------------------------------------------------------

    def mark_letter_sent(self) -> None:
        view, row = self.view, self.letters_table.currentRow()
        if view is None or not 0 <= row < len(view.letters):
            return
        letter_id = view.letters[row].id
        service, actor = self.service, self.actor
        self.act(lambda _rid, _v: service.mark_letter_sent(actor, letter_id))

    def mark_notice_sent(self) -> None:
        view, row = self.view, self.notices_table.currentRow()
        if view is None or not 0 <= row < len(view.notifications):
            return
        notice_id = view.notifications[row].id
        service, actor = self.service, self.actor
        self.act(lambda _rid, _v: service.mark_notification_sent(actor, notice_id))

    def show_acknowledgement(self) -> None:
        """The receipt is made from the request on demand (the service keeps no copy to mark as sent)."""
        view = self.view
        if view is None:
            return
        service, actor, rid = self.service, self.actor, view.id

        def done(letter: Letter) -> None:
            self.letters_table.clearSelection()
            self.letter_sent_button.setEnabled(False)
            self.letter_text.setPlainText(letter.text)
            self.tabs.setCurrentIndex(3)

        self.worker.run(lambda: service.acknowledgement(actor, rid), done,
                        on_error=lambda exc: self.show_error(error_text(exc)))

    # --- the customer's current values (rectification) ----------------------------------------

    def load_summary(self, view: RequestView, on_done: Callable[[CustomerSummary], None]) -> None:
        """The customer's stored values, masked, for the rectification form; logged against the request."""
        customer_id, request_id, actor, ctx = view.customer_id, view.id, self.actor, self.ctx
        if customer_id is None:
            return
        def job() -> CustomerSummary:
            from desktop.services.customers import CustomerService  # lazy: startup time

            return CustomerService(ctx).open_summary(actor, customer_id, request_id=request_id)

        # Part of the request on screen: dropped with it if another is opened meanwhile.
        self.worker.run(job, on_done, on_error=lambda exc: self.show_error(error_text(exc)), key=_REQUEST,
                        supersede=False)

    def description(self) -> str:
        """The request in one line, for the window title."""
        view = self.view
        if view is None:
            return ""
        return f"{view.reference} – {type_label(view.type)} – {state_text(view.state)}"

