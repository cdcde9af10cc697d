"""The catalogues (Bokmål, Swedish, English): complete, compiled on demand, chosen by the setting, and shown.

The completeness tests run PySide6's lupdate over the same modules scripts/update_translations.py
reads, so a new `self.tr(...)` without a Bokmål or Swedish translation fails here, naming it.
"""

from __future__ import annotations

import html
import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QTabBar,
    QWidget,
)
from pytestqt.qtbot import QtBot

from desktop.app import desk_settings
from desktop.bootstrap import build_services
from desktop.paths import data_dir
from desktop.ui import i18n
from desktop.ui.common import count_text, local_date
from desktop.ui.formatting import date_hint, format_date, format_datetime, parse_date, ui_sort_key
from desktop.ui.request_queue import format_day
from tests.helpers.dialogs import RecordingDialogs

ROOT = Path(__file__).resolve().parents[2]
TRANSLATIONS = ROOT / "resources" / "translations"
TS = TRANSLATIONS / "gdpr_desk_nb.ts"
TRANSLATED = ("nb", "sv")
PLACEHOLDER = re.compile(r"\{\w*\}")


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("update_translations", ROOT / "scripts" / "update_translations.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look themselves up there
    spec.loader.exec_module(module)
    return module


SCRIPT = _script()


def _lupdate() -> Path | None:
    try:
        return Path(SCRIPT.find_lupdate())
    except SCRIPT.SetupError:
        return None


def _messages(ts: Path) -> Iterator[tuple[str, ET.Element]]:
    for context in ET.parse(ts).getroot().iter("context"):
        for message in context.iter("message"):
            yield context.findtext("name") or "", message


def _translations(lang: str) -> dict[str, set[str]]:
    """English source -> every finished translation of it in the `lang` catalogue."""
    found: dict[str, set[str]] = {}
    for _, message in _messages(TRANSLATIONS / f"gdpr_desk_{lang}.ts"):
        translation = message.find("translation")
        if translation is not None and translation.get("type") is None and translation.text:
            found.setdefault(message.findtext("source") or "", set()).add(translation.text)
    return found


@pytest.fixture
def restore_bokmal(qapp: QApplication) -> Iterator[None]:
    """Every UI test expects the Bokmål the session fixture installed; a test that switches puts it back."""
    yield
    assert i18n.install_translator(qapp, "nb")
    assert QLocale().name() == "nb_NO"


# --- the catalogues --------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", TRANSLATED)
def test_every_interface_string_has_a_translation(tmp_path: Path, lang: str) -> None:
    lupdate = _lupdate()
    if lupdate is None:
        pytest.skip("PySide6's lupdate is not installed")
    copy = tmp_path / f"check_{lang}.ts"
    shutil.copy(TRANSLATIONS / f"gdpr_desk_{lang}.ts", copy)
    sources = [str(p.relative_to(ROOT)) for p in SCRIPT.translatable_sources(ROOT)]
    subprocess.run([str(lupdate), "-silent", "-locations", "none", *sources, "-ts", str(copy)],
                   cwd=ROOT, check=True, capture_output=True)
    missing = []
    for context, message in _messages(copy):
        translation = message.find("translation")
        if translation is None or translation.get("type") == "unfinished" or not (translation.text or "").strip():
            missing.append(f"{context}: {message.findtext('source')!r}")
    assert missing == [], (f"add these to resources/translations/gdpr_desk_{lang}.ts (or to a fragment and run "
                           "scripts/update_translations.py):\n" + "\n".join(missing))


def test_the_english_catalogue_holds_plural_forms_only() -> None:
    """English is the source language (lupdate -pluralonly): every other message shows its source text."""
    english = TRANSLATIONS / "gdpr_desk_en.ts"
    assert ET.parse(english).getroot().get("sourcelanguage") == "en"
    assert all(message.get("numerus") == "yes" for _, message in _messages(english))


@pytest.mark.parametrize("lang", TRANSLATED)
def test_placeholders_and_shortcut_letters_survive_translation(lang: str) -> None:
    wrong = []
    for context, message in _messages(TRANSLATIONS / f"gdpr_desk_{lang}.ts"):
        source, translation = message.findtext("source") or "", message.findtext("translation") or ""
        if not translation:
            continue
        if set(PLACEHOLDER.findall(source)) != set(PLACEHOLDER.findall(translation)):
            wrong.append(f"{context}: {source!r} -> {translation!r} (placeholders)")
        if source.replace("&&", "").count("&") != translation.replace("&&", "").count("&"):
            wrong.append(f"{context}: {source!r} -> {translation!r} (the & of the shortcut letter)")
    assert wrong == []


def test_the_catalogues_are_what_the_update_script_writes(tmp_path: Path) -> None:
    """Running scripts/update_translations.py on the committed catalogues changes nothing: it is idempotent."""
    if _lupdate() is None:
        pytest.skip("PySide6's lupdate is not installed")
    copy = tmp_path / "translations"
    shutil.copytree(TRANSLATIONS, copy, ignore=shutil.ignore_patterns("*.qm"))
    first = SCRIPT.update(tmp_path / "no-fragments", translations=copy)
    second = SCRIPT.update(tmp_path / "no-fragments", translations=copy)
    assert second.changed == []
    assert first.missing == second.missing


def test_the_script_fills_from_fragments_and_refuses_broken_placeholders(tmp_path: Path) -> None:
    ts = tmp_path / "gdpr_desk_sv.ts"
    ts.write_text("""<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="sv_SE" sourcelanguage="en">
<context>
    <name>Demo</name>
    <message><source>Open {name}</source><translation type="unfinished"></translation></message>
    <message><source>Close {name}</source><translation type="unfinished"></translation></message>
    <message><source>Save</source><translation>Spara</translation></message>
    <message><source>Quit</source><translation type="unfinished"></translation></message>
</context>
</TS>
""", encoding="utf-8")
    fragments = tmp_path / "fragments"
    fragments.mkdir()
    (fragments / "a.json").write_text(json.dumps({"Demo": {
        "Open {name}": {"nb": "Åpne {name}", "sv": "Öppna {name}"},
        "Close {name}": {"sv": "Stäng {namn}"},
        "Save": {"sv": "Lagra"},
        "Gone": {"sv": "Borta"},
    }}), encoding="utf-8")
    (fragments / "broken.json").write_text("{not json", encoding="utf-8")
    (fragments / "odd.json").write_text(json.dumps({"Demo": ["not", "an", "object"]}), encoding="utf-8")
    report = SCRIPT.Report()
    loaded, _ = SCRIPT.load_fragments(fragments, report)
    SCRIPT.fill(ts, "sv", loaded, report)
    found = {m.findtext("source"): m.find("translation") for _, m in _messages(ts)}
    texts = {source: t for source, t in found.items() if t is not None}
    assert texts.keys() == found.keys()  # every message has its translation element
    assert texts["Open {name}"].text == "Öppna {name}" and texts["Open {name}"].get("type") is None
    assert texts["Close {name}"].get("type") == "unfinished"  # {namn} would break .format(name=...)
    assert texts["Save"].text == "Spara"  # a finished translation is the reviewed one: never overwritten
    assert report.filled["sv"] == 1
    assert report.missing["sv"] == ["Demo: 'Close {name}'", "Demo: 'Quit'"]
    assert any("broken.json" in p for p in report.problems) and any("odd.json" in p for p in report.problems)
    assert any("placeholders" in p for p in report.problems)


# --- compiling and installing ----------------------------------------------------------------------


def test_catalogue_is_compiled_once_into_the_cache() -> None:
    qm = i18n.compiled_catalog("nb")
    assert qm is not None and qm.parent == data_dir() / "cache" and qm.stat().st_size > 0
    stamp = qm.stat().st_mtime_ns
    assert i18n.compiled_catalog("nb") == qm
    assert qm.stat().st_mtime_ns == stamp  # fresh: not rebuilt


def test_a_newer_ts_is_recompiled(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    resources = tmp_path / "resources"
    (resources / "translations").mkdir(parents=True)
    ts = resources / "translations" / "gdpr_desk_nb.ts"
    shutil.copy(TS, ts)
    monkeypatch.setenv("GDPR_DESK_RESOURCES", str(resources))
    qm = i18n.compiled_catalog("nb")
    assert qm is not None
    old = qm.stat().st_mtime
    os.utime(qm, (old - 100, old - 100))
    assert i18n.compiled_catalog("nb") == qm
    assert qm.stat().st_mtime > old - 100


def test_without_lrelease_a_shipped_catalogue_is_used_or_english_stays(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    resources = tmp_path / "resources"
    (resources / "translations").mkdir(parents=True)
    shutil.copy(TS, resources / "translations" / "gdpr_desk_nb.ts")
    monkeypatch.setenv("GDPR_DESK_RESOURCES", str(resources))
    monkeypatch.setattr(i18n, "find_lrelease", lambda: None)
    assert i18n.compiled_catalog("nb") is None
    shipped = resources / "translations" / "gdpr_desk_nb.qm"
    shipped.write_bytes(b"qm")
    assert i18n.compiled_catalog("nb") == shipped


def test_a_catalogue_that_cannot_load_leaves_english_throughout(
    qapp: QApplication, restore_bokmal: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    with monkeypatch.context() as patch:
        patch.setattr(i18n, "compiled_catalog", lambda lang: None)
        assert not i18n.install_translator(qapp, "sv")
    assert i18n.current_lang() == "en" and QLocale().name() == "en_GB"
    assert qapp.translate("MainWindow", "&File") == "&File"


def test_switching_to_english_and_back(qapp: QApplication) -> None:
    try:
        assert i18n.install_translator(qapp, "en")
        assert i18n.current_lang() == "en"
        assert qapp.translate("MainWindow", "&File") == "&File"
    finally:
        assert i18n.install_translator(qapp, "nb")
    assert i18n.current_lang() == "nb"
    assert qapp.translate("MainWindow", "&File") == "&Fil"


def test_qt_own_line_edit_menu_is_norwegian(qapp: QApplication) -> None:
    edit = QLineEdit()  # owns the menu: keep it alive
    menu = edit.createStandardContextMenu()
    texts = [a.text().split("\t")[0] for a in menu.actions() if a.text()]
    assert "&Kopier" in texts and "&Lim inn" in texts and "Merk alt" in texts


def test_qt_own_texts_are_swedish_in_swedish(qapp: QApplication, restore_bokmal: None) -> None:
    assert i18n.install_translator(qapp, "sv")
    edit = QLineEdit()
    texts = [a.text().split("\t")[0] for a in edit.createStandardContextMenu().actions() if a.text()]
    assert "&Kopiera" in texts and "Klistra &in" in texts
    # A button text only Qt's own Swedish catalogue (qtbase_sv) has: it is installed beside ours.
    assert qapp.translate("QPlatformTheme", "&Yes") == "&Ja"


# --- the language setting --------------------------------------------------------------------------


class _System:
    """Stands in for QLocale inside desktop.ui.i18n with a chosen system locale."""

    @staticmethod
    def patch(monkeypatch: pytest.MonkeyPatch, name: str) -> None:
        class Fake(QLocale):
            @staticmethod
            def system() -> QLocale:
                return QLocale(name)

        monkeypatch.setattr(i18n, "QLocale", Fake)


@pytest.mark.parametrize(("system", "expected"), [
    ("nb_NO", "nb"), ("nn_NO", "nb"), ("no", "nb"), ("sv_SE", "sv"), ("sv_FI", "sv"),
    ("en_US", "en"), ("en_GB", "en"), ("de_DE", "nb"), ("da_DK", "nb"), ("C", "nb"),
])
def test_system_follows_the_computer_and_bokmal_is_the_rest(monkeypatch: pytest.MonkeyPatch, system: str,
                                                            expected: str) -> None:
    _System.patch(monkeypatch, system)
    assert i18n.configured_language() == expected  # nothing set: "system"
    desk_settings().setValue(i18n.LANGUAGE_KEY, "system")
    assert i18n.configured_language() == expected


@pytest.mark.parametrize(("value", "expected"), [("nb", "nb"), ("sv", "sv"), ("en", "en"), ("SV", "sv"),
                                                 ("nb-NO", "nb"), ("klingon", "sv"), ("", "sv")])
def test_a_chosen_language_wins_and_nonsense_means_system(monkeypatch: pytest.MonkeyPatch, value: str,
                                                          expected: str) -> None:
    _System.patch(monkeypatch, "sv_SE")
    desk_settings().setValue(i18n.LANGUAGE_KEY, value)
    assert i18n.configured_language() == expected


def test_the_setting_installs_its_language_and_locale(qapp: QApplication, restore_bokmal: None,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    _System.patch(monkeypatch, "en_US")
    desk_settings().setValue(i18n.LANGUAGE_KEY, "system")
    assert i18n.install_translator(qapp)
    assert i18n.current_lang() == "en" and QLocale().name() == "en_GB"
    desk_settings().setValue(i18n.LANGUAGE_KEY, "sv")
    assert i18n.install_translator(qapp)
    assert i18n.current_lang() == "sv" and QLocale().name() == "sv_SE"
    assert qapp.translate("MainWindow", "&File") == "&Arkiv"
    _System.patch(monkeypatch, "sv_SE")
    assert i18n.install_translator(qapp, "system") and i18n.current_lang() == "sv"
    with pytest.raises(ValueError, match="klingon"):
        i18n.install_translator(qapp, "klingon")


# --- dates, numbers and order follow the language --------------------------------------------------


@pytest.mark.parametrize(("lang", "day", "stamp", "number", "hint"), [
    ("nb", "25.11.2026", "25.11.2026 09:05:07", "19\u00a0686", "dd.mm.åååå"),
    ("sv", "2026-11-25", "2026-11-25 09:05:07", "19\u00a0686", "åååå-mm-dd"),
    ("en", "25/11/2026", "25/11/2026 09:05:07", "19,686", "dd/mm/yyyy"),
])
def test_dates_and_numbers_follow_the_language(qapp: QApplication, restore_bokmal: None, lang: str, day: str,
                                               stamp: str, number: str, hint: str) -> None:
    assert i18n.install_translator(qapp, lang)
    assert format_date(date(2026, 11, 25)) == day == format_day(date(2026, 11, 25))
    assert format_datetime(datetime(2026, 11, 25, 9, 5, 7), seconds=True) == stamp
    assert count_text(19686) == number
    assert date_hint() == hint
    assert parse_date(day) == date(2026, 11, 25) and parse_date("2026-11-25") == date(2026, 11, 25)
    assert parse_date("i går") is None and parse_date("") is None
    assert local_date(datetime(2026, 11, 25, 12, 0)) == day  # noon UTC is the same day in every Nordic zone


def test_names_sort_in_the_interface_language(qapp: QApplication, restore_bokmal: None) -> None:
    names = ["Åsen", "Ødegård", "Zahl", "Ähr"]
    assert sorted(names, key=ui_sort_key()) == ["Zahl", "Ähr", "Ødegård", "Åsen"]
    assert i18n.install_translator(qapp, "sv")
    assert sorted(names, key=ui_sort_key()) == ["Zahl", "Åsen", "Ähr", "Ødegård"]
    assert i18n.install_translator(qapp, "en")
    assert sorted(names, key=ui_sort_key()) == ["Ähr", "Åsen", "Ødegård", "Zahl"]


# --- what the agent sees -----------------------------------------------------------------------------


def _menu_texts(menu: QMenu) -> Iterator[str]:
    yield menu.title()
    for action in menu.actions():
        if action.menu() is not None:
            yield from _menu_texts(action.menu())  # type: ignore[arg-type]
        elif action.text():
            yield action.text()
            if action.toolTip() and action.toolTip() != action.text().replace("&", ""):
                yield action.toolTip()


def visible_texts(window: QWidget) -> list[str]:
    """What an agent reads: menus, labels, buttons, field hints, tabs, group titles, tooltips, table headers."""
    texts: list[str] = []
    for action in window.actions() + (window.menuBar().actions() if hasattr(window, "menuBar") else []):
        if action.menu() is not None:
            texts.extend(_menu_texts(action.menu()))
    for widget in window.findChildren(QWidget):
        if not widget.isVisibleTo(window):
            continue
        if isinstance(widget, QLabel):
            texts.append(html.unescape(re.sub(r"<[^>]+>", "", widget.text())))
        elif isinstance(widget, QAbstractButton):
            texts.append(widget.text())
        elif isinstance(widget, QLineEdit):
            texts.append(widget.placeholderText())
        elif isinstance(widget, QComboBox):
            texts.extend(widget.itemText(i) for i in range(widget.count()))
        elif isinstance(widget, QTabBar):
            texts.extend(widget.tabText(i) for i in range(widget.count()))
        elif isinstance(widget, QGroupBox):
            texts.append(widget.title())
        elif isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model = widget.model()
            texts.extend(str(model.headerData(c, Qt.Orientation.Horizontal) or "") for c in range(model.columnCount()))
            texts.extend(str(model.index(r, c).data() or "") for r in range(min(model.rowCount(), 5))
                         for c in range(model.columnCount()))
        texts.append(widget.toolTip())
    return [t.strip() for t in texts if t and t.strip()]


def _build_screens(qtbot: QtBot, desk: Any, agent: Any, people: dict[str, int]) -> list[QWidget]:
    """The main window with a customer open, and the request queue with one request in it."""
    from desktop.services.requests import RequestService
    from desktop.ui.main_window import MainWindow
    from desktop.ui.request_queue import RequestQueueWidget

    dialogs = RecordingDialogs()
    win = MainWindow(desk, agent, build_services(desk, desk_settings), dialogs=dialogs)
    qtbot.addWidget(win)
    win.resize(1400, 900)
    win.show()
    qtbot.waitExposed(win)
    win.open_customer(people["Lindström"])
    qtbot.waitUntil(lambda: win.profile.header is not None and not win.profile.is_busy(), timeout=10000)
    queue = RequestQueueWidget(desk, agent, dialogs, service=RequestService(desk))
    qtbot.addWidget(queue)
    queue.resize(1200, 500)
    queue.show()
    qtbot.waitUntil(lambda: not queue.is_busy() and not queue.model.is_loading() and queue.model.rowCount() > 0,
                    timeout=10000)
    return [win, queue]


@pytest.mark.parametrize("lang", ["nb", "sv", "en"])
def test_the_main_screens_show_the_chosen_language(qapp: QApplication, qtbot: QtBot, desk: Any, agent: Any,
                                                   people: dict[str, int], restore_bokmal: None,
                                                   lang: str) -> None:
    from desktop.services.requests import RequestService

    RequestService(desk).file(agent, "access", people["Lindström"], channel="letter", received_on=date(2025, 11, 25))
    assert i18n.install_translator(qapp, lang)
    screens = _build_screens(qtbot, desk, agent, people)
    try:
        texts = [t for screen in screens for t in visible_texts(screen)]
    finally:
        for screen in screens:
            screen.close()
    assert len(texts) > 40
    assert [t for t in texts if PLACEHOLDER.search(t)] == []  # every {placeholder} was filled
    received = {"nb": "25.11.2025", "sv": "2025-11-25", "en": "25/11/2025"}[lang]
    assert received in texts
    if lang == "en":
        assert "&File" in texts and "Reference" in texts
        return
    catalogue = _translations(lang)
    english_left = sorted({t for t in texts if t in catalogue and t not in catalogue[t]})
    assert english_left == [], f"shown in English in the {lang} interface: {english_left}"
    expected = {"nb": ["&Fil", "&Hjelp", "Navn", "Kundenummer:", "Referanse", "Innsyn"],
                "sv": ["&Arkiv", "&Hjälp", "Namn", "Kundnummer:", "Referens", "Tillgång"]}[lang]
    assert [t for t in expected if t not in texts] == []
