"""The erasure plan and the supervisors' approval queue (GDPR Art. 17, four eyes).

Why it is shaped like this:
- The plan is shown grouped by purpose, as the service groups it: per purpose what goes, what
  stays restricted (until when, under which law) and what stays, so agent and supervisor read
  the same thing the approval binds to (its fingerprint).
- Who may decide is the service's answer (`approval_queue(...).can_decide`): the filer never sees
  "Approve", and the service refuses them all the same.
- Every service call runs on the worker thread; erasure in particular can take a while (the
  residue scan reads the database files). Every refusal is shown in the red label, in the
  service's own words.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QBrush, QCloseEvent, QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.erasure import PlanDecision
from desktop.domain.requests import RequestState
from desktop.domain.roles import Permission
from desktop.errors import DeskError
from desktop.ui.common import busy_bar, local_date
from desktop.ui.i18n import current_lang
from desktop.ui.icons import icon
from desktop.ui.operations import Operations, error_text
from desktop.ui.qt_compat import emit
from desktop.ui.request_queue import format_day, state_text
from desktop.ui.styles import ERROR_STYLE, INFO_STYLE, NOTICE_STYLE, OK_STYLE, notice
from desktop.ui.theme import theme_manager, tone

if TYPE_CHECKING:
    from desktop.domain.roles import Actor
    from desktop.services.context import DeskContext
    from desktop.services.erasure import (
        ApprovalQueueRow,
        ApprovalView,
        ErasureResult,
        ErasureService,
        ErasureStatus,
        PlanLineView,
        PlanView,
    )
    from desktop.ui.dialogs import DialogService

T = TypeVar("T")
#: Colour is never the only cue (the column says it in words); the tone fits the light or dark palette.
_DECISION_TONES = {PlanDecision.ERASE: "danger", PlanDecision.RESTRICT: "warning", PlanDecision.KEEP: "ok"}


def _service(ctx: DeskContext, service: ErasureService | None) -> ErasureService:
    if service is not None:
        return service
    from desktop.services.erasure import ErasureService  # lazy: startup time

    return ErasureService(ctx)


def decision_text(decision: PlanDecision) -> str:
    texts = {
        PlanDecision.ERASE: QCoreApplication.translate("ErasurePlanDialog", "Erased"),
        PlanDecision.RESTRICT: QCoreApplication.translate("ErasurePlanDialog", "Restricted"),
        PlanDecision.KEEP: QCoreApplication.translate("ErasurePlanDialog", "Kept"),
    }
    return texts[decision]


class _Loaded:
    """What the dialog shows, read in one go on the worker thread."""

    def __init__(self, status: ErasureStatus, plan: PlanView | None, plan_error: str | None,
                 result: ErasureResult | None, can_decide: bool) -> None:
        self.status, self.plan, self.plan_error = status, plan, plan_error
        self.result, self.can_decide = result, can_decide


class ErasurePlanDialog(QDialog):
    """One erasure's plan: preview, submit, approve or reject (four eyes), withdraw, execute."""

    #: The request changed from this dialog (request id): queues and request screens reload.
    changed = Signal(int)

    def __init__(self, ctx: DeskContext, actor: Actor, request_id: int, dialogs: DialogService,
                 parent: QWidget | None = None, *, service: ErasureService | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.actor, self.request_id, self.dialogs = ctx, actor, request_id, dialogs
        self.service = _service(ctx, service)
        self.loaded: _Loaded | None = None
        self.last_result: ErasureResult | None = None
        self.setWindowTitle(self.tr("Erasure plan"))
        self.setAccessibleName(self.tr("Erasure plan"))

        self.title_label = QLabel()
        font = QFont(self.title_label.font())
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title_label.setFont(font)
        self.title_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.state_label = QLabel()
        self.state_label.setWordWrap(True)
        self.state_label.setAccessibleName(self.tr("State"))
        self.totals_label = notice(INFO_STYLE, self.tr("Totals"))
        self.warning_label = notice(NOTICE_STYLE, self.tr("Warning"))
        self.result_label = notice(OK_STYLE, self.tr("Result"))
        self.error_label = notice(ERROR_STYLE, self.tr("Error"))
        self.busy = busy_bar(self.tr("Working"))
        self.worker = Operations(self, errors=self.error_label)

        self.tree = QTreeWidget()
        self.tree.setAccessibleName(self.tr("Plan by purpose"))
        # The reason names each law in words (and its hold's date); the policy's law keys are in its tooltip.
        self.tree.setHeaderLabels([self.tr("Purpose / data"), self.tr("Decision"), self.tr("Count"),
                                   self.tr("Until"), self.tr("Why")])
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setUniformRowHeights(False)
        self.tree.setWordWrap(True)
        self.tree.setAlternatingRowColors(True)

        self.submit_button = QPushButton(self.tr("Submit for approval"))
        self.submit_button.setToolTip(self.tr("Store this plan and send it to a supervisor for approval"))
        self.submit_button.clicked.connect(self.submit)
        self.approve_button = QPushButton(icon("approve"), self.tr("Approve…"))
        self.approve_button.setToolTip(self.tr("Approve exactly the plan shown; asks for your password"))
        self.approve_button.clicked.connect(self.approve)
        self.reject_button = QPushButton(icon("reject"), self.tr("Reject…"))
        self.reject_button.setToolTip(self.tr("Send the plan back with a written reason; asks for your password"))
        self.reject_button.clicked.connect(self.reject_plan)
        self.withdraw_button = QPushButton(self.tr("Withdraw the approval"))
        self.withdraw_button.clicked.connect(self.withdraw)
        self.execute_button = QPushButton(icon("erasure"), self.tr("Carry out the erasure"))
        self.execute_button.setToolTip(self.tr("Erase and restrict as approved; this cannot be undone"))
        self.execute_button.clicked.connect(self.execute)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.clicked.connect(self.close)
        self.action_buttons = (self.submit_button, self.approve_button, self.reject_button, self.withdraw_button,
                               self.execute_button)
        row = QHBoxLayout()
        for button in self.action_buttons:
            button.setAutoDefault(False)
            button.hide()
            row.addWidget(button)
        row.addStretch(1)
        self.close_button.setAutoDefault(False)
        row.addWidget(self.close_button)

        box = QVBoxLayout(self)
        box.addWidget(self.title_label)
        box.addWidget(self.state_label)
        box.addWidget(self.totals_label)
        box.addWidget(self.warning_label)
        box.addWidget(self.tree, 1)
        box.addWidget(self.busy)
        box.addWidget(self.error_label)
        box.addWidget(self.result_label)
        box.addLayout(row)
        self.resize(1200, 700)

        reload_key = QShortcut(QKeySequence(Qt.Key.Key_F5), self, self.load)
        reload_key.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        reload_key.setWhatsThis(self.tr("Read the erasure plan again"))
        self.worker.busy_changed.connect(self._busy_changed)
        self.title_label.setText(self.tr("Erasure plan {reference}").format(reference=self._reference()))
        manager = theme_manager()
        if manager is not None:  # the decision colours are the palette's: drawn again on a switch
            manager.changed.connect(self._palette_changed)
        self.load()

    def _palette_changed(self, _dark: bool) -> None:
        if self.loaded is not None:
            self._show_plan(self.loaded.plan)

    def _reference(self) -> str:
        from desktop.services.requests import reference  # lazy: startup time

        return reference(self.request_id)

    # --- loading -----------------------------------------------------------------------------

    def is_busy(self) -> bool:
        return self.worker.is_busy()

    def _busy_changed(self, on: bool) -> None:
        self.busy.setVisible(on)
        for button in self.action_buttons:
            button.setEnabled(not on)

    def load(self) -> None:
        """Read status, plan (stored, or a preview when none is stored yet) and any result."""
        service, actor, rid = self.service, self.actor, self.request_id

        def job() -> _Loaded:
            status = service.status(actor, rid)
            plan: PlanView | None = None
            plan_error: str | None = None
            try:
                plan = service.get_plan(actor, rid) if status.plan_fingerprint else service.preview_plan(actor, rid)
            except DeskError as exc:
                plan_error = exc.text(current_lang())
            result = service.result(rid) if status.run_id is not None else None
            can_decide = False
            if status.state is RequestState.AWAITING_APPROVAL and actor.can(Permission.APPROVE_ERASURE):
                can_decide = any(r.request_id == rid and r.can_decide for r in service.approval_queue(actor))
            return _Loaded(status, plan, plan_error, result, can_decide)

        self.worker.run(job, self._show, on_error=self._failed)

    def _failed(self, exc: BaseException) -> None:
        self.show_error(error_text(exc))

    def show_error(self, text: str) -> None:
        self.worker.show_error(text)

    def clear_error(self) -> None:
        self.error_label.clear()
        self.worker.clear_error()

    def _show(self, loaded: _Loaded) -> None:
        self.loaded = loaded
        status, plan = loaded.status, loaded.plan
        customer = plan.customer_number if plan is not None and plan.customer_number else ""
        title = self.tr("Erasure plan {reference}").format(reference=self._reference())
        if customer:
            title = self.tr("{title} · customer {number}").format(title=title, number=customer)
        self.title_label.setText(title)
        self.state_label.setText(self._state_line(status, plan))
        self._show_plan(plan)
        if loaded.plan_error is not None and loaded.result is None:
            self.show_error(loaded.plan_error)
        if loaded.result is not None:
            self._show_result(loaded.result)
        self._show_buttons(loaded)

    def _state_line(self, status: ErasureStatus, plan: PlanView | None) -> str:
        parts = [self.tr("State: {state}").format(state=state_text(status.state))]
        if plan is not None and plan.created_at is not None:
            parts.append(self.tr("Plan made {date} by {who}").format(date=local_date(plan.created_at),
                                                                      who=plan.created_by or "–"))
        elif plan is not None:
            parts.append(self.tr("Preview: not submitted yet"))
        approval = status.approval
        if approval is not None:
            parts.append(self._approval_text(approval))
        return " · ".join(parts)

    def _approval_text(self, approval: ApprovalView) -> str:
        when = local_date(approval.decided_at)
        if approval.withdrawn_at is not None:
            return self.tr("Approval by {who} withdrawn").format(who=approval.approver)
        if approval.decision == "rejected":
            return self.tr("Rejected by {who} on {date}: {reason}").format(who=approval.approver, date=when,
                                                                           reason=approval.reason or "")
        return self.tr("Approved by {who} on {date}").format(who=approval.approver, date=when)

    def _show_plan(self, plan: PlanView | None) -> None:
        self.tree.clear()
        self.warning_label.hide()
        if plan is None:
            self.totals_label.hide()
            return
        totals = self.tr("Erased: {erase}. Restricted: {restrict}. Kept: {keep}.").format(
            erase=plan.erase_count, restrict=plan.restrict_count, keep=plan.keep_count)
        if plan.restrict_until is not None:
            totals += " " + self.tr("Restricted data is erased when its hold ends, at the latest {date}.").format(
                date=format_day(plan.restrict_until))
        if plan.purpose:
            totals += " " + self.tr("Purpose: {purpose}.").format(purpose=plan.purpose)
        self.totals_label.setText(totals)
        self.totals_label.show()
        warnings = []
        if plan.stale:
            warnings.append(self.tr("The data changed since the plan was made; make the plan again before it can "
                                    "be approved."))
        if plan.nothing_erasable:
            warnings.append(self.tr("Nothing can be erased now: a legal hold covers every record. Refuse the "
                                    "request with that reason (GDPR Art. 17(3))."))
        if warnings:
            self.warning_label.setText(" ".join(warnings))
            self.warning_label.show()
        lang = current_lang()
        bold = QFont(self.tree.font())
        bold.setBold(True)
        for section in plan.sections:
            number = f"§{section.number} " if section.number is not None else ""
            head = QTreeWidgetItem([f"{number}{section.title(lang)}"])
            head.setFont(0, bold)
            head.setFirstColumnSpanned(True)
            self.tree.addTopLevelItem(head)
            head.setFirstColumnSpanned(True)
            for line in (*section.erase, *section.restrict, *section.keep):
                head.addChild(self._line_item(line, lang))
        self.tree.expandAll()
        header = self.tree.header()
        header.setStretchLastSection(False)
        for col in (0, 1, 2, 3):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)

    @staticmethod
    def _line_item(line: PlanLineView, lang: str) -> QTreeWidgetItem:
        why = line.reason(lang)
        item = QTreeWidgetItem([
            line.kind_label(lang), decision_text(line.decision), str(line.count),
            format_day(line.until) if line.until is not None else "–", why])
        item.setForeground(1, QBrush(tone(_DECISION_TONES[line.decision]).text))
        item.setTextAlignment(2, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        item.setToolTip(4, f"{why}\n{', '.join(line.laws)}" if line.laws else why)
        return item

    def _show_buttons(self, loaded: _Loaded) -> None:
        status, plan = loaded.status, loaded.plan
        approval = status.approval
        active = approval is not None and approval.withdrawn_at is None
        approved = active and approval is not None and approval.decision == "approved"
        state = status.state
        can_plan = plan is not None and not plan.nothing_erasable
        self.submit_button.setVisible(can_plan and (
            (state in (RequestState.IDENTITY_VERIFIED, RequestState.IN_PROGRESS) and not active)
            or (state is RequestState.AWAITING_APPROVAL and plan is not None and plan.stale)))
        self.submit_button.setText(self.tr("Make the plan again") if state is RequestState.AWAITING_APPROVAL
                                   else self.tr("Submit for approval"))
        self.approve_button.setVisible(loaded.can_decide and plan is not None and not plan.stale)
        self.reject_button.setVisible(loaded.can_decide)
        self.withdraw_button.setVisible(approved and status.can_withdraw_approval)
        self.execute_button.setVisible(approved and state is RequestState.IN_PROGRESS and status.run_id is None)

    def _show_result(self, result: ErasureResult) -> None:
        self.last_result = result
        erased = sum(result.erased.values()) + sum(result.blanked_parts.values())
        restricted = sum(result.restricted.values())
        until = format_day(result.restrict_until) if result.restrict_until is not None else "–"
        if result.status == "erased":
            text = self.tr("Erased: {erased} records are gone, and the scan of the database files found none of "
                           "the erased values. Restricted until their hold ends: {restricted} (at the latest "
                           "{until}). Notices to recipients: {notices}.")
            style = OK_STYLE
        elif result.status == "purge_pending":
            text = self.tr("Purge pending: {erased} records are deleted, but another program still holds the "
                           "database file, so the erased values cannot yet be proven gone. The desk finishes the "
                           "purge later; this erasure is not complete until then. Restricted: {restricted} (until "
                           "{until}). Notices to recipients: {notices}.")
            style = NOTICE_STYLE
        else:
            text = self.tr("Restricted: nothing could be erased; {restricted} records are restricted until their "
                           "hold ends (at the latest {until}) and erased then. Erased: {erased}. Notices to "
                           "recipients: {notices}.")
            style = INFO_STYLE
        self.result_label.setStyleSheet(style)
        self.result_label.setText(text.format(erased=erased, restricted=restricted, until=until,
                                              notices=result.notifications))
        self.result_label.show()

    # --- actions -----------------------------------------------------------------------------

    def _run(self, call: Callable[[], T], on_done: Callable[[T], None] | None = None) -> None:
        """Run a service call, then show its outcome (or refusal) and reload."""
        self.clear_error()

        def done(value: T) -> None:
            if on_done is not None:
                on_done(value)
            emit(self.changed, self.request_id)
            self.load()

        def failed(exc: BaseException) -> None:
            self.show_error(error_text(exc))
            self.load()

        self.worker.run(call, done, on_error=failed)

    def _message(self, text: str) -> None:
        self.result_label.setStyleSheet(OK_STYLE)
        self.result_label.setText(text)
        self.result_label.show()

    def submit(self) -> None:
        service, actor, rid = self.service, self.actor, self.request_id
        self._run(lambda: service.make_plan(actor, rid), lambda _v: self._message(
            self.tr("The plan is stored and waits for a supervisor's approval.")))

    def approve(self) -> None:
        loaded = self.loaded
        if loaded is None or loaded.plan is None:
            return
        fingerprint = loaded.plan.fingerprint
        password = self.dialogs.ask_text(self, self.tr("Approve the erasure"), self.tr(
            "You approve the plan shown ({erase} erased, {restrict} restricted). Enter your password:").format(
            erase=loaded.plan.erase_count, restrict=loaded.plan.restrict_count), password=True)
        if password is None:
            return
        service, actor, rid = self.service, self.actor, self.request_id
        self._run(lambda: service.approve(actor, rid, password, fingerprint), lambda _v: self._message(
            self.tr("Approved. The erasure can now be carried out.")))

    def reject_plan(self) -> None:
        reason = self.dialogs.ask_text(self, self.tr("Reject the erasure plan"),
                                       self.tr("Why is the plan rejected? The agent reads this:"))
        if reason is None:
            return
        if not reason.strip():
            self.show_error(self.tr("Write why the plan is rejected; nothing was changed."))
            return
        password = self.dialogs.ask_text(self, self.tr("Reject the erasure plan"),
                                         self.tr("Enter your password to reject the plan:"), password=True)
        if password is None:
            return
        service, actor, rid = self.service, self.actor, self.request_id
        self._run(lambda: service.reject(actor, rid, password, reason), lambda _v: self._message(
            self.tr("Rejected. The request goes back to its agent with your reason.")))

    def withdraw(self) -> None:
        if not self.dialogs.confirm(self, self.tr("Withdraw the approval"),
                                    self.tr("Withdraw the approval? The plan waits for approval again.")):
            return
        service, actor, rid = self.service, self.actor, self.request_id
        self._run(lambda: service.withdraw_approval(actor, rid), lambda _v: self._message(
            self.tr("The approval is withdrawn.")))

    def execute(self) -> None:
        if not self.dialogs.confirm(self, self.tr("Carry out the erasure"), self.tr(
                "Erase and restrict the data as approved? This cannot be undone.")):
            return
        service, actor, rid = self.service, self.actor, self.request_id

        self._run(lambda: service.execute(actor, rid), self._show_result)

    # --- closing -----------------------------------------------------------------------------

    def shutdown(self) -> None:
        self.worker.wait()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.shutdown()
        super().closeEvent(event)

    def done(self, result: int) -> None:
        self.shutdown()
        super().done(result)


# --- the approval queue -------------------------------------------------------------------------------


class ApprovalQueueWidget(QWidget):
    """Erasures waiting for a supervisor, approved ones not yet run, and pending purges."""

    COLUMNS = 8

    def __init__(self, ctx: DeskContext, actor: Actor, dialogs: DialogService, *,
                 service: ErasureService | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.actor, self.dialogs = ctx, actor, dialogs
        self.service = _service(ctx, service)
        self.rows: list[ApprovalQueueRow] = []
        self.plan_dialogs: dict[int, ErasurePlanDialog] = {}
        self.setAccessibleName(self.tr("Erasure approval queue"))

        title = QLabel(self.tr("Erasures waiting for approval"))
        font = QFont(title.font())
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        title.setFont(font)
        self.count_label = QLabel()
        self.refresh_button = QPushButton(icon("refresh"), self.tr("Refresh"))
        self.refresh_button.setAutoDefault(False)
        self.refresh_button.clicked.connect(self.refresh)
        head = QHBoxLayout()
        head.addWidget(title)
        head.addWidget(self.count_label, 1)
        head.addWidget(self.refresh_button)
        hint = QLabel(self.tr("Double-click an erasure to see its plan. You cannot decide on requests you filed "
                              "yourself: another supervisor must (four eyes)."))
        hint.setWordWrap(True)

        self.table = QTableWidget(0, self.COLUMNS)
        self.table.setAccessibleName(self.tr("Erasures"))
        self.table.setHorizontalHeaderLabels([
            self.tr("Reference"), self.tr("Customer"), self.tr("Filed by"), self.tr("Due"), self.tr("Erase"),
            self.tr("Restrict"), self.tr("Keep"), self.tr("State")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(False)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; the arrows walk it
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.cellDoubleClicked.connect(lambda row, _col: self.open_row(row))
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):  # the keypad's Enter too
            open_key = QShortcut(QKeySequence(key), self.table, self.open_current)
            open_key.setContext(Qt.ShortcutContext.WidgetShortcut)
            open_key.setWhatsThis(self.tr("Open the selected erasure's plan"))
        self.error_label = notice(ERROR_STYLE, self.tr("Error"))
        self.busy = busy_bar(self.tr("Working"))
        self.worker = Operations(self, busy=self.busy, errors=self.error_label)

        box = QVBoxLayout(self)
        box.addLayout(head)
        box.addWidget(hint)
        box.addWidget(self.busy)
        box.addWidget(self.error_label)
        box.addWidget(self.table, 1)
        self.refresh()

    def is_busy(self) -> bool:
        return self.worker.is_busy()

    def refresh(self) -> None:
        service, actor = self.service, self.actor

        def done(rows: list[ApprovalQueueRow]) -> None:
            self.worker.clear_error()
            self.show_rows(rows)

        def failed(exc: BaseException) -> None:
            self.worker.show_error(exc)

        self.worker.run(lambda: service.approval_queue(actor), done, on_error=failed)

    def state_text(self, row: ApprovalQueueRow) -> str:
        if row.state is RequestState.AWAITING_APPROVAL:
            if row.can_decide:
                return self.tr("Waiting for your decision")
            if row.filed_by_id is not None and row.filed_by_id == self.actor.account_id:
                return self.tr("You filed it: another supervisor decides")
            return self.tr("Waiting for a supervisor")
        if row.run_state in ("pending", "purge_pending"):
            return self.tr("Carried out; purge pending")
        approver = row.approval.approver if row.approval is not None else ""
        return self.tr("Approved by {who}; ready to carry out").format(who=approver)

    def show_rows(self, rows: list[ApprovalQueueRow]) -> None:
        self.rows = list(rows)
        self.table.setRowCount(len(rows))
        waiting = sum(1 for r in rows if r.can_decide)
        self.count_label.setText(self.tr("{count} in the queue, {mine} waiting for you").format(
            count=len(rows), mine=waiting))
        bold = QFont(self.table.font())
        bold.setBold(True)
        for r, row in enumerate(rows):
            customer = f"{row.customer_name} ({row.customer_number})" if row.customer_name else row.customer_number
            values = [row.reference, customer or "–", row.filed_by or "–", format_day(row.due_on),
                      str(row.erase_count), str(row.restrict_count), str(row.keep_count), self.state_text(row)]
            for c, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                if c in (4, 5, 6):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if row.can_decide:
                    item.setFont(bold)
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(self.COLUMNS - 1, QHeaderView.ResizeMode.Stretch)

    def open_current(self) -> None:
        if self.table.currentRow() >= 0:
            self.open_row(self.table.currentRow())

    def open_row(self, row: int) -> ErasurePlanDialog | None:
        if not 0 <= row < len(self.rows):
            return None
        return self.open_plan(self.rows[row].request_id)

    def open_plan(self, request_id: int) -> ErasurePlanDialog:
        dialog = self.plan_dialogs.get(request_id)
        if dialog is None:
            dialog = ErasurePlanDialog(self.ctx, self.actor, request_id, self.dialogs, self, service=self.service)
            dialog.changed.connect(lambda _rid: self.refresh())
            dialog.finished.connect(lambda _result, rid=request_id: self.plan_dialogs.pop(rid, None))
            self.plan_dialogs[request_id] = dialog
        dialog.show()
        dialog.raise_()
        return dialog

    def shutdown(self) -> None:
        for dialog in list(self.plan_dialogs.values()):
            dialog.shutdown()
        self.worker.wait()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.shutdown()
        super().closeEvent(event)
