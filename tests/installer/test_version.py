"""One version: `desktop.__version__`. Everything that shows or stamps a version reads it from there."""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from desktop import __version__
from desktop.services.context import DeskContext
from tests.installer.helpers import ROOT

#: Folders that are not the project's own text: tools' caches, build output, the virtualenv.
_SKIP = {".git", ".venv", "venv", "build", "dist", "__pycache__", ".mypy_cache", ".ruff_cache", ".pytest_cache",
         ".hypothesis", "node_modules", "demo-data"}
_TEXT = {".py", ".pyi", ".toml", ".cfg", ".ini", ".md", ".rst", ".txt", ".iss", ".spec", ".desktop", ".sh", ".bat",
         ".ps1", ".json", ".yml", ".yaml", ".ts", ".svg", ".xml", ".mako", ""}


def project_text_files() -> Iterator[Path]:
    for folder, dirs, files in os.walk(ROOT):
        dirs[:] = [d for d in dirs if d not in _SKIP and not d.endswith(".egg-info")]
        for name in files:
            path = Path(folder) / name
            if path.suffix in _TEXT:
                yield path


def test_the_version_is_written_in_one_place_only() -> None:
    literal = re.compile(rf"(?<![\w.]){re.escape(__version__)}(?![\w.])")
    holders = sorted(str(path.relative_to(ROOT)) for path in project_text_files()
                     if literal.search(path.read_text(encoding="utf-8", errors="replace")))
    assert holders == [os.path.join("desktop", "__init__.py")]


def test_the_package_version_is_read_from_desktop() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "version" not in project["project"]
    assert "version" in project["project"]["dynamic"]
    assert project["tool"]["setuptools"]["dynamic"]["version"] == {"attr": "desktop.__version__"}


def test_version_option_prints_desktop_version(capsys: pytest.CaptureFixture[str]) -> None:
    from desktop.cli import main

    with pytest.raises(SystemExit) as stop:
        main(["--version"])
    assert stop.value.code == 0
    assert capsys.readouterr().out == f"gdpr-desk {__version__}\n"


def test_the_application_and_about_box_carry_the_version(qtbot: QtBot, desk: DeskContext) -> None:
    from PySide6.QtWidgets import QLabel

    from desktop.app import make_application
    from desktop.ui.about_dialog import AboutDialog

    assert make_application().applicationVersion() == __version__
    about = AboutDialog(desk)
    qtbot.addWidget(about)
    assert any(__version__ in label.text() for label in about.findChildren(QLabel))


def test_the_build_stamps_desktop_version(build: ModuleType) -> None:
    assert build.app_version() == __version__
    numbers = build.version_tuple(__version__)
    text = build.version_info_text(__version__, "gdpr-desk", "GDPR Desk")
    assert f"filevers={numbers}" in text and f"prodvers={numbers}" in text
    assert f"StringStruct('ProductVersion', '{__version__}')" in text
    command = build.iscc_command("iscc", Path("bundle"), Path("out"), __version__)
    assert f"/DAppVersion={__version__}" in command
    assert "/DAppVersionNumeric=" + ".".join(map(str, numbers)) in command


def test_the_installer_script_takes_the_version_from_the_build() -> None:
    iss = (ROOT / "installer" / "windows" / "gdpr-desk.iss").read_text(encoding="utf-8-sig")
    # Without /DAppVersion the compile stops instead of inventing a version.
    assert re.search(r"#ifndef AppVersion\s*\n\s*#error", iss)
    assert "AppVersion={#AppVersion}" in iss
    assert "OutputBaseFilename=gdpr-desk-{#AppVersion}-setup" in iss
    assert not re.search(r"#define\s+AppVersion\b", iss)


def test_the_windows_version_resource_is_well_formed(build: ModuleType) -> None:
    """PyInstaller eval()s the file with its versioninfo classes (Windows only); here, with recorders."""

    def recorder(kind: str) -> Callable[..., tuple[str, tuple[Any, ...], dict[str, Any]]]:
        return lambda *args, **kwargs: (kind, args, kwargs)

    names = ("VSVersionInfo", "FixedFileInfo", "StringFileInfo", "StringTable", "StringStruct", "VarFileInfo",
             "VarStruct")
    text = build.version_info_text(__version__, "gdpr-desk-cli", "GDPR Desk command line")
    info = eval(text, {"__builtins__": {}, **{name: recorder(name) for name in names}})
    kind, _, parts = info
    assert kind == "VSVersionInfo"
    fixed = parts["ffi"][2]
    assert fixed["filevers"] == fixed["prodvers"] == build.version_tuple(__version__)
    _, (tables,), _ = parts["kids"][0]  # StringFileInfo([StringTable(lang, [StringStruct(key, value), ...])])
    _, (_lang, structs), _ = tables[0]
    strings = dict(struct[1] for struct in structs)
    assert strings["FileVersion"] == strings["ProductVersion"] == __version__
    assert strings["OriginalFilename"] == "gdpr-desk-cli.exe"
