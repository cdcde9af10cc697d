"""Loading the interface language: English source strings; Bokmål, Swedish or English shown.

The language is the setting `ui/language` ("system", "nb", "en" or "sv"; see `configured_language`).
"system", the default, follows the computer: Norwegian -> Bokmål, Swedish -> Swedish, English ->
English, and any other language -> Bokmål, the product's first language: the desk serves a
Norwegian shop whose policy, letters and customers are Norwegian first, so an agent on a Danish or
German machine reads Bokmål more surely than they can be assumed to read English, and Bokmål is
the catalogue a test keeps complete.

The repository keeps only the human-editable .ts files; the binary .qm is built on the user's
machine with the lrelease that ships inside PySide6 and cached in the data folder, rebuilt when
the .ts is newer. A bundle may ship a ready .qm next to the .ts (scripts/update_translations.py
--release), which is used when lrelease is not there. A missing translation leaves the English
text: never a failed start. Installing a language also sets the default QLocale, so dates,
numbers and sorting in the interface follow it (desktop/ui/formatting.py).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLibraryInfo, QLocale, QTranslator

from desktop import settings as options
from desktop.paths import data_dir, make_private_dir, resources_dir
from desktop.settings import LANGUAGES, language_choice
from desktop.ui.settings_store import desk_settings

if TYPE_CHECKING:
    import logging


def _log() -> logging.Logger:
    """Imported on first use: `logging` costs ~15 ms before the first window otherwise."""
    import logging  # lazy: startup time

    return logging.getLogger(__name__)


CATALOG = "gdpr_desk"
__all__ = ["LANGUAGES", "LANGUAGE_KEY", "language_choice"]

DEFAULT_LANG = "nb"
SYSTEM = options.SYSTEM_LANGUAGE
#: The key the settings dialog writes (declared in desktop.settings): "system" or one of LANGUAGES.
LANGUAGE_KEY = options.LANGUAGE.key
#: The locale each language's dates and numbers follow. British English: day before month and a
#: 24-hour clock, as the shop's Nordic readers expect, never the US 11/25/2026.
LOCALE_NAMES: dict[str, str] = {"nb": "nb_NO", "en": "en_GB", "sv": "sv_SE"}
_LRELEASE_TIMEOUT_S = 30
_TRANSLATOR_NAME = f"{CATALOG}-translator"
_QT_TRANSLATOR_NAME = f"{CATALOG}-qt-translator"
#: Qt's own catalogue to install per language. PySide6 ships no Bokmål one (qtbase_nn is Nynorsk):
#: Bokmål gets Nynorsk for Qt's rarer texts (file dialog, calendar) under our own Bokmål for the
#: ones agents meet every day (QT_OWN_STRINGS), which every Bokmål reader takes over English.
_QT_CATALOGS: dict[str, str] = {"nb": "qtbase_nn", "en": "qtbase_en", "sv": "qtbase_sv"}

#: Texts of Qt's own widgets that agents see every day (the context menus of text and date fields),
#: translated in our catalogue because Qt has no Bokmål of its own. Listed here so lupdate keeps them.
QT_OWN_STRINGS: tuple[object, ...] = (
    QT_TRANSLATE_NOOP("QLineEdit", "&Undo"),
    QT_TRANSLATE_NOOP("QLineEdit", "&Redo"),
    QT_TRANSLATE_NOOP("QLineEdit", "Cu&t"),
    QT_TRANSLATE_NOOP("QLineEdit", "&Copy"),
    QT_TRANSLATE_NOOP("QLineEdit", "&Paste"),
    QT_TRANSLATE_NOOP("QLineEdit", "Delete"),
    QT_TRANSLATE_NOOP("QLineEdit", "Select All"),
    QT_TRANSLATE_NOOP("QWidgetTextControl", "&Undo"),
    QT_TRANSLATE_NOOP("QWidgetTextControl", "&Redo"),
    QT_TRANSLATE_NOOP("QWidgetTextControl", "Cu&t"),
    QT_TRANSLATE_NOOP("QWidgetTextControl", "&Copy"),
    QT_TRANSLATE_NOOP("QWidgetTextControl", "Copy &Link Location"),
    QT_TRANSLATE_NOOP("QWidgetTextControl", "&Paste"),
    QT_TRANSLATE_NOOP("QWidgetTextControl", "Delete"),
    QT_TRANSLATE_NOOP("QWidgetTextControl", "Select All"),
    QT_TRANSLATE_NOOP("QAbstractSpinBox", "&Select All"),
    QT_TRANSLATE_NOOP("QAbstractSpinBox", "&Step up"),
    QT_TRANSLATE_NOOP("QAbstractSpinBox", "Step &down"),
)


class _Installed:
    """Which language is installed; services' messages are picked in the same language."""

    lang = "en"


def current_lang() -> str:
    """"nb", "en" or "sv": the language the interface shows now."""
    return _Installed.lang


def language_for_locale(locale: QLocale) -> str:
    """The interface language for a computer's locale; see the module docstring for why Bokmål is the rest."""
    language = locale.language()
    if language in (QLocale.Language.NorwegianBokmal, QLocale.Language.NorwegianNynorsk):
        return "nb"
    if language == QLocale.Language.Swedish:
        return "sv"
    if language == QLocale.Language.English:
        return "en"
    return DEFAULT_LANG


def configured_language(settings: options.SettingsBackend | None = None) -> str:
    """The setting `ui/language` as one of LANGUAGES: "system" (or nothing) follows QLocale.system().

    A value written by hand that names no language is logged and treated as "system", so a typo in
    the settings file never leaves the desk without a language.
    """
    settings = settings if settings is not None else desk_settings()
    value = settings.value(LANGUAGE_KEY)
    choice = language_choice(value)
    if choice is None:
        _log().warning("unknown %s %r; following the system language", LANGUAGE_KEY, value)
    elif choice != SYSTEM:
        return choice
    return language_for_locale(QLocale.system())


def locale_for(lang: str) -> QLocale:
    return QLocale(LOCALE_NAMES.get(lang, LOCALE_NAMES[DEFAULT_LANG]))


def ts_path(lang: str) -> Path:
    return resources_dir() / "translations" / f"{CATALOG}_{lang}.ts"


def find_lrelease() -> Path | None:
    import PySide6  # lazy: startup time

    exe = "lrelease.exe" if sys.platform == "win32" else "lrelease"
    beside = Path(PySide6.__file__).resolve().parent / exe
    if beside.exists():
        return beside
    import shutil  # lazy: startup time

    script = shutil.which("pyside6-lrelease")
    return Path(script) if script else None


def compiled_catalog(lang: str) -> Path | None:
    """The .qm for `lang`, compiled into the cache when missing or older than its .ts."""
    ts = ts_path(lang)
    shipped = ts.with_suffix(".qm")
    if not ts.exists():
        return shipped if shipped.exists() else None
    cache = data_dir() / "cache"
    make_private_dir(cache)
    qm = cache / f"{CATALOG}_{lang}.qm"
    if qm.exists() and qm.stat().st_mtime >= ts.stat().st_mtime:
        return qm
    lrelease = find_lrelease()
    if lrelease is None:
        _log().warning("lrelease not found; using %s", shipped if shipped.exists() else "English")
        return shipped if shipped.exists() else None
    import subprocess  # lazy: startup time
    import tempfile  # lazy: startup time

    # Compile to a temporary name and rename, so two instances starting at once never read half a file.
    fd, tmp_name = tempfile.mkstemp(prefix=qm.name, suffix=".tmp", dir=cache)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        # Our own fixed paths, no shell: the program is the lrelease shipped inside PySide6.
        subprocess.run([str(lrelease), "-silent", str(ts), "-qm", str(tmp)], check=True,  # noqa: S603
                       capture_output=True, timeout=_LRELEASE_TIMEOUT_S)
        os.replace(tmp, qm)
    except (OSError, subprocess.SubprocessError) as exc:
        _log().warning("could not compile %s: %s", ts, exc)
        tmp.unlink(missing_ok=True)
        return shipped if shipped.exists() else None
    return qm


def _remove_translators(app: QCoreApplication) -> None:
    for name in (_TRANSLATOR_NAME, _QT_TRANSLATOR_NAME):
        for old in app.findChildren(QTranslator, name):
            app.removeTranslator(old)
            old.deleteLater()


def _install(app: QCoreApplication, name: str, path: str, directory: str = "") -> bool:
    # Parented to the application, so it lives exactly as long as the strings it translates.
    translator = QTranslator(app)
    translator.setObjectName(name)
    if not translator.load(path, directory):
        translator.deleteLater()
        return False
    app.installTranslator(translator)
    return True


def _set_language(lang: str) -> None:
    _Installed.lang = lang
    QLocale.setDefault(locale_for(lang))


def install_translator(app: QCoreApplication, lang: str | None = None) -> bool:
    """Install `lang` (None: the setting; "system": the computer's) with Qt's own texts and locale.

    Returns False when the catalogue cannot be loaded: the interface is then English throughout,
    services' messages and dates included, rather than half one language and half another.
    """
    if lang is None:
        lang = configured_language()
    elif lang == SYSTEM:
        lang = language_for_locale(QLocale.system())
    if lang not in LANGUAGES:
        raise ValueError(f"unknown interface language {lang!r}; expected {SYSTEM} or one of {', '.join(LANGUAGES)}")
    _remove_translators(app)
    # Qt asks the translator installed last first: Qt's catalogue goes in before ours, so ours wins.
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if not _install(app, _QT_TRANSLATOR_NAME, _QT_CATALOGS[lang], qt_dir):
        _log().info("Qt's own %s catalogue is not installed; its dialogs stay English", _QT_CATALOGS[lang])
    qm = compiled_catalog(lang)
    if lang == "en":
        # English is the source language: its catalogue holds plural forms only and may be absent.
        if qm is not None:
            _install(app, _TRANSLATOR_NAME, str(qm))
        _set_language("en")
        return True
    if qm is None or not _install(app, _TRANSLATOR_NAME, str(qm)):
        _log().warning("could not load the %s catalogue (%s); the interface stays English", lang, qm)
        _remove_translators(app)
        _set_language("en")
        return False
    _set_language(lang)
    return True
