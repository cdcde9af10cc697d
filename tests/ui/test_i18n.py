"""The Bokmål catalogue: complete, compiled on demand into the cache, and what the agent sees."""

from __future__ import annotations

import os
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QLineEdit

from desktop.paths import data_dir
from desktop.ui import i18n

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "gdpr_desk_nb.ts"


def _ui_sources() -> list[str]:
    files = [ROOT / "desktop" / "app.py", *sorted((ROOT / "desktop" / "ui").glob("*.py"))]
    return [str(f.relative_to(ROOT)) for f in files]


def _lupdate() -> Path | None:
    lrelease = i18n.find_lrelease()
    if lrelease is None:
        return None
    candidate = lrelease.with_name(lrelease.name.replace("lrelease", "lupdate"))
    return candidate if candidate.exists() else None


def test_every_interface_string_has_a_bokmal_translation(tmp_path: Path) -> None:
    lupdate = _lupdate()
    if lupdate is None:
        pytest.skip("PySide6's lupdate is not installed")
    copy = tmp_path / "check_nb.ts"
    shutil.copy(TS, copy)
    subprocess.run([str(lupdate), "-silent", "-locations", "none", *_ui_sources(), "-ts", str(copy)],
                   cwd=ROOT, check=True, capture_output=True)
    missing = []
    for context in ET.parse(copy).getroot().iter("context"):
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type") == "unfinished" or not (translation.text or "").strip():
                missing.append(f"{context.findtext('name')}: {message.findtext('source')!r}")
    assert missing == [], "add these to resources/translations/gdpr_desk_nb.ts:\n" + "\n".join(missing)


def test_placeholders_survive_translation() -> None:
    import re

    for message in ET.parse(TS).getroot().iter("message"):
        source, translation = message.findtext("source") or "", message.findtext("translation") or ""
        assert sorted(re.findall(r"\{\w+\}", source)) == sorted(re.findall(r"\{\w+\}", translation)), source


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
