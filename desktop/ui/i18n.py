"""Loading the interface language: English source strings, Bokmål by default.

The repository keeps only the human-editable .ts files; the binary .qm is built on the user's
machine with the lrelease that ships inside PySide6 and cached in the data folder, rebuilt when
the .ts is newer. A bundle may ship a ready .qm next to the .ts, which is used when lrelease is not
there. A missing translation leaves the English text: never a failed start.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QTranslator

from desktop.paths import data_dir, make_private_dir, resources_dir

if TYPE_CHECKING:
    import logging


def _log() -> logging.Logger:
    """Imported on first use: `logging` costs ~15 ms before the first window otherwise."""
    import logging

    return logging.getLogger(__name__)


CATALOG = "gdpr_desk"
DEFAULT_LANG = "nb"
_LRELEASE_TIMEOUT_S = 30


class _Installed:
    """Which language is installed; services' messages are picked in the same language."""

    lang = "en"


def current_lang() -> str:
    return _Installed.lang


def ts_path(lang: str) -> Path:
    return resources_dir() / "translations" / f"{CATALOG}_{lang}.ts"


def find_lrelease() -> Path | None:
    import PySide6

    exe = "lrelease.exe" if sys.platform == "win32" else "lrelease"
    beside = Path(PySide6.__file__).resolve().parent / exe
    if beside.exists():
        return beside
    import shutil

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
    import subprocess
    import tempfile

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


def install_translator(app: QCoreApplication, lang: str = DEFAULT_LANG) -> bool:
    """Install the catalog for `lang`; returns False (English stays) when it cannot be loaded."""
    for old in app.findChildren(QTranslator, f"{CATALOG}-translator"):
        app.removeTranslator(old)
        old.deleteLater()
    if lang == "en":
        _Installed.lang = "en"
        return True
    qm = compiled_catalog(lang)
    if qm is None:
        return False
    # Parented to the application, so it lives exactly as long as the strings it translates.
    translator = QTranslator(app)
    translator.setObjectName(f"{CATALOG}-translator")
    if not translator.load(str(qm)):
        _log().warning("could not load %s", qm)
        translator.deleteLater()
        return False
    app.installTranslator(translator)
    _Installed.lang = lang
    return True
