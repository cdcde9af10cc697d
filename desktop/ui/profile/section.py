"""One purpose in the profile: what the policy says about it, and its records once unlocked and opened."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QKeySequence
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QSizePolicy,
    QTableView,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.common import busy_bar, count_text, field_line, local_date
from desktop.ui.profile.model import RecordTableModel, record_view
from desktop.ui.qt_compat import emit
from desktop.ui.styles import ERROR_STYLE, INFO_STYLE, notice
from desktop.ui.theme import set_tone

if TYPE_CHECKING:

    from desktop.services.profile import PurposeGroup, PurposeSummary


@dataclass(frozen=True)
class _BodyParts:
    busy: QProgressBar
    error_label: QLabel
    purpose_label: QLabel
    empty_label: QLabel
    tabs: QTabWidget
    record_label: QLabel


class PurposeSection(QFrame):
    """A purpose of the policy as a collapsible group: what the policy says, then the records."""

    #: The agent expanded (True) or collapsed (False) the group; the key names the purpose.
    toggled = Signal(str, bool)

    def __init__(self, summary: PurposeSummary, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary = summary
        self.key = summary.key
        self.group: PurposeGroup | None = None
        self.models: list[RecordTableModel] = []
        self.loading = False
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName(self.tr("Purpose {number}: {title}").format(number=summary.number,
                                                                          title=summary.title))

        self.toggle_button = QToolButton()
        self.toggle_button.setCheckable(True)
        self.toggle_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toggle_button.setArrowType(Qt.ArrowType.RightArrow)
        self.toggle_button.setText(f"{summary.number}. {summary.title.replace('&', '&&')}")
        if 0 < summary.number < 10:
            # Alt and the purpose's number opens or closes it (listed under Help, Keyboard shortcuts).
            self.toggle_button.setShortcut(QKeySequence(f"Alt+{summary.number}"))
        self.toggle_button.setAutoRaise(True)
        font = QFont(self.toggle_button.font())
        font.setBold(True)
        self.toggle_button.setFont(font)
        self.toggle_button.setAccessibleName(f"{summary.number}. {summary.title}")
        self.toggle_button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.toggle_button.toggled.connect(self._toggled)

        self.count_label = QLabel()
        self.count_label.setAccessibleName(self.tr("Number of records"))
        self.set_count(summary.record_count)

        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.toggle_button, 1)
        top.addWidget(self.count_label)

        basis = self.tr("{basis} (GDPR Art. {article})").format(basis=summary.legal_basis,
                                                              article=summary.legal_basis_article)
        recipients = ", ".join(summary.recipients) or self.tr("none")
        self.meta_label = QLabel("<br>".join(field_line(name, value) for name, value in (
            (self.tr("Legal basis:"), basis),
            (self.tr("Retention:"), summary.retention),
            (self.tr("Recipients:"), recipients),
        )))
        self.meta_label.setTextFormat(Qt.TextFormat.RichText)
        self.meta_label.setWordWrap(True)
        self.meta_label.setAccessibleName(self.tr("What the policy says"))
        self.meta_label.setContentsMargins(22, 0, 0, 0)

        self._box = QVBoxLayout(self)
        self._box.setContentsMargins(6, 4, 6, 6)
        self._box.setSpacing(2)
        self._box.addLayout(top)
        self._box.addWidget(self.meta_label)
        # The body (tabs, tables, notices) is built when the group is first expanded: most calls
        # open one or two purposes, and eight unused tab widgets would slow the first paint.
        self._body: QWidget | None = None
        self._parts: _BodyParts | None = None

    def _build_body(self) -> _BodyParts:
        body = QWidget()
        box = QVBoxLayout(body)
        box.setContentsMargins(22, 4, 0, 0)
        busy = busy_bar(self.tr("Loading the records"))
        error_label = notice(ERROR_STYLE, self.tr("Error"))
        purpose_label = QLabel()
        purpose_label.setWordWrap(True)
        purpose_label.setTextFormat(Qt.TextFormat.RichText)
        purpose_label.hide()
        empty_label = QLabel(self.tr("No records are kept for this purpose."))
        set_tone(empty_label, "muted")
        empty_label.hide()
        tabs = QTabWidget()
        tabs.setAccessibleName(self.tr("Record tables"))
        tabs.setUsesScrollButtons(True)
        tabs.setDocumentMode(True)
        tabs.hide()
        tabs.currentChanged.connect(lambda _index: self._describe_current())
        # The table is wide; what the policy says of the chosen row is repeated here, always in view.
        record_label = QLabel()
        record_label.setWordWrap(True)
        record_label.setAccessibleName(self.tr("Selected record"))
        record_label.setStyleSheet(INFO_STYLE)
        record_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        record_label.hide()
        for widget in (busy, error_label, purpose_label, empty_label, tabs, record_label):
            box.addWidget(widget)
        # Into the section first: shown while it had no parent, the body flashed up as a window of its
        # own and took the focus away from the agent's window.
        self._box.addWidget(body)
        body.setVisible(self.expanded)
        self._body = body
        self._parts = _BodyParts(busy, error_label, purpose_label, empty_label, tabs, record_label)
        return self._parts

    @property
    def parts(self) -> _BodyParts:
        return self._parts if self._parts is not None else self._build_body()

    @property
    def busy(self) -> QProgressBar:
        return self.parts.busy

    @property
    def error_label(self) -> QLabel:
        return self.parts.error_label

    @property
    def purpose_label(self) -> QLabel:
        return self.parts.purpose_label

    @property
    def empty_label(self) -> QLabel:
        return self.parts.empty_label

    @property
    def tabs(self) -> QTabWidget:
        return self.parts.tabs

    @property
    def record_label(self) -> QLabel:
        return self.parts.record_label

    @staticmethod
    def policy_text(summary: PurposeSummary) -> tuple[object, ...]:
        """What the section shows that comes from the policy, not from the customer."""
        return (summary.key, summary.number, summary.title, summary.legal_basis, summary.legal_basis_article,
                summary.retention, summary.recipients)

    def set_count(self, n: int) -> None:
        self.count_label.setText(self.tr("1 record") if n == 1 else self.tr("{count} records").format(
            count=count_text(n)))

    def reuse_for(self, summary: PurposeSummary) -> None:
        """The next customer: same purpose and policy text, their own count, nothing read yet."""
        self.summary = summary
        self.set_count(summary.record_count)

    @property
    def expanded(self) -> bool:
        return self.toggle_button.isChecked()

    def set_locked(self, locked: bool) -> None:
        if locked:
            self.collapse()
            self.unload()
        self.toggle_button.setEnabled(not locked)
        self.toggle_button.setToolTip(self.tr("Verify the identity to see more") if locked else "")

    def collapse(self) -> None:
        self.toggle_button.setChecked(False)

    def expand(self) -> None:
        self.toggle_button.setChecked(True)

    def _toggled(self, on: bool) -> None:
        self.toggle_button.setArrowType(Qt.ArrowType.DownArrow if on else Qt.ArrowType.RightArrow)
        if on and self._parts is None:
            self._build_body()
        if self._body is not None:
            self._body.setVisible(on)
        emit(self.toggled, self.key, on)

    def set_loading(self, on: bool) -> None:
        self.loading = on
        self.busy.setVisible(on)
        if on:
            self.error_label.hide()

    def show_error(self, text: str) -> None:
        self.set_loading(False)
        self.error_label.setText(text)
        self.error_label.show()

    def show_group(self, group: PurposeGroup, models: list[RecordTableModel]) -> None:
        self.set_loading(False)
        self.group = group
        self.models = models
        lines = [field_line(self.tr("Purpose:"), group.purpose)]
        if group.sources:
            lines.append(field_line(self.tr("Sources:"), ", ".join(group.sources)))
        self.purpose_label.setText("<br>".join(lines))
        self.purpose_label.show()
        self.empty_label.setVisible(not models)
        for model in models:
            view = record_view(model)
            model.setParent(view)
            model.fetch_failed.connect(self.show_error)
            if model.rowCount():
                view.setCurrentIndex(model.index(0, 0))
            view.selectionModel().currentRowChanged.connect(lambda _now, _before: self._describe_current())
            self.tabs.addTab(view, self.tr("{title} ({count})").format(title=model.title,
                                                                       count=count_text(model.total)))
        self.tabs.setVisible(bool(models))
        # Built after the window, the tabs and tables would come after every other purpose on Tab;
        # they belong right after this purpose's own button.
        chain: list[QWidget] = [self.toggle_button, self.tabs]  # the tab widget stands for its tab bar
        chain += [w for w in (self.tabs.widget(i) for i in range(self.tabs.count())) if w is not None]
        for i in range(1, len(chain)):
            QWidget.setTabOrder(chain[i - 1], chain[i])
        self._describe_current()

    def current_view(self) -> QTableView | None:
        if self._parts is None:
            return None
        view = self.tabs.currentWidget()
        return view if isinstance(view, QTableView) else None

    def _describe_current(self) -> None:
        """When the chosen record was collected, from where, until when it is kept, and any hold."""
        view = self.current_view()
        model = view.model() if view is not None else None
        record = model.row(view.currentIndex().row()) if view is not None and isinstance(model, RecordTableModel) \
            else None
        if record is None or not isinstance(model, RecordTableModel):
            self.record_label.hide()
            return
        text = self.tr("Selected record: collected {date} from {source}; {retention}.").format(
            date=local_date(record.collected_at), source=record.source, retention=record.retention)
        markers = model.markers(record)
        self.record_label.setText(f"{text} {markers}." if markers else text)
        self.record_label.show()

    def unload(self) -> None:
        """Forget the records read (the contact changed): reading again needs a new look."""
        for model in self.models:
            model.close()
        self.models = []
        self.group = None
        self.loading = False
        if self._parts is None:
            return
        while self.tabs.count():
            page = self.tabs.widget(0)
            self.tabs.removeTab(0)
            if page is not None:
                page.deleteLater()
        self.tabs.hide()
        self.record_label.hide()
        self.purpose_label.hide()
        self.empty_label.hide()
        self.error_label.hide()
        self.busy.hide()
