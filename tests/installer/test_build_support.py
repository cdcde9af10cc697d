"""The build's parts that need no PyInstaller: staging, icons, the Inno Setup script, the Linux entry."""

from __future__ import annotations

import configparser
import filecmp
import re
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

from tests.installer.helpers import ROOT

TRANSLATIONS = ROOT / "resources" / "translations"
ISS = ROOT / "installer" / "windows" / "gdpr-desk.iss"
DESKTOP_ENTRY = ROOT / "installer" / "linux" / "gdpr-desk.desktop"
INSTALL_SH = ROOT / "installer" / "linux" / "install.sh"
#: The translations Inno Setup 6.4+ ships in its own folder (Languages\Unofficial is not among them).
OFFICIAL_ISL = {"compiler:Default.isl", r"compiler:Languages\Norwegian.isl", r"compiler:Languages\Swedish.isl"}


@pytest.fixture(scope="module")
def staged(build: ModuleType, tmp_path_factory: pytest.TempPathFactory, qapp: QApplication) -> Any:
    return build.stage(tmp_path_factory.mktemp("staging"))


def test_every_catalog_is_compiled_and_no_source_is_shipped(staged: Any) -> None:
    from PySide6.QtCore import QTranslator

    sources = {p.stem.removeprefix("gdpr_desk_") for p in TRANSLATIONS.glob("gdpr_desk_*.ts")}
    assert "nb" in sources
    assert set(staged.catalogs) == sources
    assert not list(staged.resources.rglob("*.ts"))
    for lang, qm in staged.catalogs.items():
        assert qm.parent == staged.resources / "translations"
        translator = QTranslator()
        assert translator.load(str(qm)), lang
    nb = QTranslator()
    assert nb.load(str(staged.catalogs["nb"]))
    assert nb.translate("LoginDialog", "Password") not in ("", "Password")


def test_the_other_resources_are_shipped_unchanged(staged: Any) -> None:
    for folder in ("policy", "fonts", "templates"):
        compare = filecmp.dircmp(ROOT / "resources" / folder, staged.resources / folder)
        assert not compare.left_only and not compare.right_only and not compare.diff_files, folder
    assert (staged.resources / "fonts" / "LICENSE").exists()


def test_the_icon_is_drawn_at_every_size(staged: Any, build: ModuleType) -> None:
    from PySide6.QtGui import QImage

    assert sorted(staged.icons) == sorted(build.ICON_SIZES)
    for size, path in staged.icons.items():
        image = QImage(str(path))
        assert (image.width(), image.height()) == (size, size)
    small = QImage(str(staged.icons[16]))
    # The shield fills the middle, opaque, even at 16 px; the corners stay transparent.
    assert small.pixelColor(8, 8).alpha() == 255
    assert small.pixelColor(0, 0).alpha() == 0
    large = QImage(str(staged.icons[256]))
    # The white check crosses the shield's middle.
    centre = large.pixelColor(112, 160)
    assert min(centre.red(), centre.green(), centre.blue()) > 240


def test_the_windows_icon_holds_every_size(staged: Any, build: ModuleType) -> None:
    from PIL import Image

    assert staged.ico == staged.resources / "icons" / "gdpr-desk.ico"
    with Image.open(staged.ico) as ico:
        assert {(n, n) for n in build.ICON_SIZES} <= set(ico.info["sizes"])


def test_version_resources_for_both_executables(staged: Any, build: ModuleType) -> None:
    assert set(staged.version_files) == set(build.EXECUTABLES)
    for exe, path in staged.version_files.items():
        text = path.read_text(encoding="utf-8")
        assert f"StringStruct('OriginalFilename', '{exe}.exe')" in text


def _resources_copy(tmp_path: Path) -> Path:
    copy = tmp_path / "resources"
    shutil.copytree(ROOT / "resources", copy, ignore=shutil.ignore_patterns("*.qm", "__pycache__"))
    return copy


def test_a_catalog_that_does_not_compile_stops_the_build(build: ModuleType, tmp_path: Path) -> None:
    source = _resources_copy(tmp_path)
    (source / "translations" / "gdpr_desk_da.ts").write_text(
        '<?xml version="1.0"?>\n<TS version="2.1" language="da"><context><name>X', encoding="utf-8")
    with pytest.raises(build.BuildError, match=r"gdpr_desk_da\.ts"):
        build.stage(tmp_path / "staging", source)


def test_no_catalog_at_all_stops_the_build(build: ModuleType, tmp_path: Path) -> None:
    source = _resources_copy(tmp_path)
    for ts in (source / "translations").glob("*.ts"):
        ts.unlink()
    with pytest.raises(build.BuildError, match="no translations"):
        build.stage(tmp_path / "staging", source)


def test_a_missing_icon_stops_the_build(build: ModuleType, tmp_path: Path) -> None:
    source = _resources_copy(tmp_path)
    (source / "icons" / "gdpr-desk.svg").unlink()
    with pytest.raises(build.BuildError, match=r"gdpr-desk\.svg is missing"):
        build.stage(tmp_path / "staging", source)


# --- Inno Setup ------------------------------------------------------------------------------------

def _iss_sections() -> dict[str, list[str]]:
    sections: dict[str, list[str]] = {}
    current = ""
    for raw in ISS.read_text(encoding="utf-8-sig").splitlines():
        line = raw.strip()
        if line.startswith("[") and line.endswith("]"):
            current = line[1:-1]
            sections[current] = []
        elif line and not line.startswith(";") and current:
            sections[current].append(line)
    return sections


def _entry(line: str) -> dict[str, str]:
    """One `Name: "x"; Flags: y` line of an Inno Setup section."""
    return {key.strip(): value.strip().strip('"') for key, _, value in
            (part.partition(":") for part in line.split("; "))}


def test_installer_languages_are_official_with_bokmal_first() -> None:
    languages = [_entry(line) for line in _iss_sections()["Languages"]]
    assert [lang["Name"] for lang in languages] == ["nb", "en", "sv"]
    assert {lang["MessagesFile"] for lang in languages} <= OFFICIAL_ISL
    assert "#if Ver < EncodeVer(6, 4, 0)" in ISS.read_text(encoding="utf-8-sig")


def test_installer_is_per_user_by_default_with_optional_desktop_icon() -> None:
    setup = dict(line.split("=", 1) for line in _iss_sections()["Setup"] if "=" in line and not line.startswith("#"))
    assert setup["PrivilegesRequired"] == "lowest"
    assert "dialog" in setup["PrivilegesRequiredOverridesAllowed"]
    assert setup["DefaultDirName"].startswith("{autopf}")
    icons = [_entry(line) for line in _iss_sections()["Icons"]]
    assert any(i["Name"].startswith("{autoprograms}") and "Tasks" not in i for i in icons)
    assert any(i["Name"].startswith("{autodesktop}") and i.get("Tasks") == "desktopicon" for i in icons)
    tasks = [_entry(line) for line in _iss_sections()["Tasks"]]
    assert any(t["Name"] == "desktopicon" and "unchecked" in t["Flags"] for t in tasks)


def test_uninstall_keeps_the_data_and_says_so_in_each_language() -> None:
    messages = dict(line.split("=", 1) for line in _iss_sections()["CustomMessages"])
    for lang in ("nb", "en", "sv"):
        assert "%1" in messages[f"{lang}.DataKept"], lang
    code = ISS.read_text(encoding="utf-8-sig").split("[Code]", 1)[1]
    assert "usPostUninstall" in code and "CustomMessage('DataKept')" in code
    assert r"{localappdata}\GDPR Desk\gdpr-desk" in code
    # Nothing of the user's is deleted: only the bundle's own folder is ever removed.
    assert "UninstallDelete" not in _iss_sections()
    assert [_entry(line)["Name"] for line in _iss_sections()["InstallDelete"]] == [r"{app}\_internal"]


def test_installer_takes_exactly_the_files_the_build_makes(build: ModuleType) -> None:
    """What the script reads from the bundle, by name; tests/installer/test_bundle.py checks they exist."""
    text = ISS.read_text(encoding="utf-8-sig")
    defines = dict(re.findall(r'#define (\w+) "([^"]*)"', text))
    assert {defines["AppExe"], defines["CliExe"]} == {f"{name}.exe" for name in build.EXECUTABLES}
    setup_icon = re.search(r"SetupIconFile=\{#BundleDir\}\\(.+)", text)
    assert setup_icon is not None
    assert setup_icon.group(1).replace("\\", "/") == "_internal/resources/icons/gdpr-desk.ico"
    sources = [_entry(line)["Source"] for line in _iss_sections()["Files"]]
    assert sources == [r"{#BundleDir}\{#AppExe}", r"{#BundleDir}\{#CliExe}", r"{#BundleDir}\_internal\*"]


def test_installer_script_is_utf8_with_bom() -> None:
    # Inno Setup reads a script without a byte-order mark in the system's ANSI code page.
    assert ISS.read_bytes().startswith(b"\xef\xbb\xbf")


# --- Linux -----------------------------------------------------------------------------------------

def _desktop_entry(path: Path) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(path, encoding="utf-8")
    return parser["Desktop Entry"]


def test_desktop_entry_names_the_program_and_icon(build: ModuleType) -> None:
    entry = _desktop_entry(DESKTOP_ENTRY)
    assert entry["Exec"] in build.EXECUTABLES
    assert (ROOT / "resources" / "icons" / f"{entry['Icon']}.svg").exists()
    assert entry["Name"] == "GDPR Desk"
    assert {"Comment[nb]", "Comment[sv]", "GenericName[nb]", "GenericName[sv]"} <= set(entry)


def _validate(path: Path) -> None:
    validator = shutil.which("desktop-file-validate")
    if validator is None:
        pytest.skip("desktop-file-validate is not installed (apt-get install desktop-file-utils)")
    result = subprocess.run([validator, str(path)], capture_output=True, text=True, check=False)
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout + result.stderr


def test_desktop_entry_is_valid() -> None:
    _validate(DESKTOP_ENTRY)


@pytest.fixture
def fake_bundle(tmp_path: Path, build: ModuleType) -> Path:
    """A folder shaped like the bundle (the real one is built in test_bundle.py)."""
    bundle = tmp_path / "dist" / "gdpr-desk"
    icons = bundle / "_internal" / "resources" / "icons"
    icons.mkdir(parents=True)
    for name in build.EXECUTABLES:
        exe = bundle / name
        exe.write_text("#!/bin/sh\necho fake gdpr-desk\n")
        exe.chmod(0o755)
    for size in build.ICON_SIZES:
        (icons / f"gdpr-desk-{size}.png").write_bytes(b"png")
    shutil.copy(ROOT / "resources" / "icons" / "gdpr-desk.svg", icons)
    return bundle


@pytest.mark.skipif(sys.platform == "win32" or shutil.which("bash") is None, reason="install.sh is for Linux")
def test_install_script_installs_and_removes_everything_but_the_data(fake_bundle: Path, tmp_path: Path,
                                                                      build: ModuleType) -> None:
    prefix = tmp_path / "home dir" / ".local"
    data = prefix / "share" / "gdpr-desk"
    data.mkdir(parents=True)
    (data / "gdpr-desk.sqlite3").write_text("the user's desk")
    result = subprocess.run(["bash", str(INSTALL_SH), "--prefix", str(prefix), str(fake_bundle)],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    app = prefix / "lib" / "gdpr-desk"
    assert (app / "gdpr-desk").exists()
    assert (prefix / "bin" / "gdpr-desk").resolve() == (app / "gdpr-desk").resolve()
    for size in build.ICON_SIZES:
        assert (prefix / "share" / "icons" / "hicolor" / f"{size}x{size}" / "apps" / "gdpr-desk.png").exists()
    assert (prefix / "share" / "icons" / "hicolor" / "scalable" / "apps" / "gdpr-desk.svg").exists()
    installed = prefix / "share" / "applications" / "gdpr-desk.desktop"
    entry = _desktop_entry(installed)
    assert entry["Exec"] == f'"{app / "gdpr-desk"}"'
    assert entry["TryExec"] == str(app / "gdpr-desk")
    _validate(installed)

    result = subprocess.run(["bash", str(INSTALL_SH), "--prefix", str(prefix), "--uninstall"],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert not app.exists() and not installed.exists() and not (prefix / "bin" / "gdpr-desk").exists()
    assert not list((prefix / "share" / "icons").rglob("gdpr-desk.*"))
    assert (data / "gdpr-desk.sqlite3").read_text() == "the user's desk"


@pytest.mark.skipif(sys.platform == "win32" or shutil.which("bash") is None, reason="install.sh is for Linux")
def test_install_script_refuses_a_folder_that_is_not_a_bundle(tmp_path: Path) -> None:
    result = subprocess.run(["bash", str(INSTALL_SH), "--prefix", str(tmp_path / "p"), str(tmp_path)],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 1
    assert "is not a GDPR Desk bundle" in result.stderr
    assert not (tmp_path / "p").exists()


def test_the_desk_shows_its_icon_and_names_its_desktop_entry(qapp: QApplication) -> None:
    from PySide6.QtCore import QSize

    from desktop.app import make_application

    app = make_application()
    assert not app.windowIcon().isNull()
    assert not app.windowIcon().pixmap(QSize(16, 16)).isNull()
    assert app.desktopFileName() == DESKTOP_ENTRY.stem
