"""Rectification (Art. 16): new values typed over the masked current ones."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from desktop.ui.request_panels.base import Panel, PanelHost, bold, fill, hint, left, table, translated, when

if TYPE_CHECKING:
    from desktop.services.customers import CustomerSummary
    from desktop.services.requests import RequestView


_FIELDS: dict[str, object] = {
    "first_name": QT_TRANSLATE_NOOP("RectificationPanel", "First name"),
    "last_name": QT_TRANSLATE_NOOP("RectificationPanel", "Last name"),
    "email": QT_TRANSLATE_NOOP("RectificationPanel", "E-mail"),
    "phone": QT_TRANSLATE_NOOP("RectificationPanel", "Phone"),
    "street": QT_TRANSLATE_NOOP("RectificationPanel", "Street address"),
    "postcode": QT_TRANSLATE_NOOP("RectificationPanel", "Postcode"),
    "city": QT_TRANSLATE_NOOP("RectificationPanel", "Town"),
}


class RectificationPanel(Panel):
    """New values typed over the current ones (masked); before and after kept, masked, once saved."""

    def __init__(self, host: PanelHost) -> None:
        super().__init__(host)
        self.edits: dict[str, QLineEdit] = {}
        self._summary_for: int | None = None
        self.form = QWidget()
        form = QFormLayout(self.form)
        form.setContentsMargins(0, 0, 0, 0)
        for key in _FIELDS:
            edit = QLineEdit()
            edit.setAccessibleName(self.field_label(key))
            edit.setMaxLength(200)
            self.edits[key] = edit
            form.addRow(self.field_label(key) + ":", edit)
        self.save_button = QPushButton(self.tr("Save the correction"))
        self.save_button.setAutoDefault(False)
        self.save_button.clicked.connect(self.save)
        self.changes_title = bold(QLabel(self.tr("Before and after (masked, as kept in the log)")))
        self.changes_table = table(self.tr("Changes"), [self.tr("Field"), self.tr("Before"), self.tr("After"),
                                                         self.tr("When")])
        form.addRow("", left(self.save_button))
        self.intro = hint(self.tr(
            "Fill in only what is to change; the grey text is what is stored now. Recipients who received the "
            "data are told (Art. 19) and the request is completed."))
        self.box = QVBoxLayout(self)
        self.box.addWidget(self.intro)
        self.box.addWidget(self.form)
        self.box.addWidget(self.changes_title)
        self.box.addWidget(self.changes_table, 1)
        self.box.addStretch(1)

    def field_label(self, key: str) -> str:
        return translated("RectificationPanel", _FIELDS, key)

    def show_view(self, view: RequestView, *, fresh: bool) -> None:
        if fresh:
            for edit in self.edits.values():
                edit.clear()
                edit.setPlaceholderText("")
        self.intro.setVisible(view.is_open)
        self.form.setVisible(view.is_open)
        rows = [[self.field_label(c.field), c.before_masked, c.after_masked, when(c.at)] for c in view.changes]
        fill(self.changes_table, rows)
        self.changes_title.setVisible(bool(rows))
        self.changes_table.setVisible(bool(rows))
        # The table takes the room when there is one; otherwise the form stays at the top.
        self.box.setStretch(self.box.count() - 1, 0 if rows else 1)
        if view.is_open and view.customer_id is not None and self._summary_for != view.id:
            self._summary_for = view.id
            self.host.load_summary(view, self.show_current)

    def show_current(self, summary: CustomerSummary) -> None:
        """The stored values as placeholders: masked as the profile shows them, never in full."""
        now, whole_name = self.tr("now: {value}"), self.tr("now (full name): {value}")
        values = {"email": summary.masked_email, "phone": summary.masked_phone, "city": summary.city}
        for key, edit in self.edits.items():
            if key in ("first_name", "last_name") and summary.name:
                edit.setPlaceholderText(whole_name.format(value=summary.name))
                continue
            value = values.get(key)
            edit.setPlaceholderText(now.format(value=value) if value else self.tr("unchanged"))

    def changes(self) -> dict[str, str]:
        return {key: edit.text().strip() for key, edit in self.edits.items() if edit.text().strip()}

    def save(self) -> None:
        changes = self.changes()
        if not changes:
            self.host.show_error(self.tr("Type the new value of at least one field."))
            return
        service, actor = self.host.service, self.host.actor

        def done(_: object) -> None:
            for edit in self.edits.values():
                edit.clear()

        self.host.act(lambda rid, v: service.rectify(actor, rid, changes, version=v), done)
