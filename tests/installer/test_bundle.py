"""The bundle builds and starts: PyInstaller on installer/gdpr-desk.spec, then the bundle's self-test.

Slow (about a minute on two cores, most of it PyInstaller's analysis), so it is marked `slow`;
it skips, saying so, where PyInstaller is not installed. The build goes to a temporary folder,
with PyInstaller's own cache there too, so nothing lands in the checkout or the home folder.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

import pytest

from desktop import __version__
from tests.installer.helpers import CHECKS, ROOT, run_self_test, statuses

pytestmark = pytest.mark.slow

EXE = ".exe" if sys.platform == "win32" else ""
BUILD_TIMEOUT_S = 1200


@dataclass
class Bundle:
    path: Path
    seconds: float
    log: str

    def exe(self, name: str) -> Path:
        return self.path / f"{name}{EXE}"


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Bundle:
    pytest.importorskip("PyInstaller", reason="PyInstaller is not installed (pip install -e '.[build]'), "
                        "so the bundle cannot be built here")
    out = tmp_path_factory.mktemp("bundle")
    env = {**os.environ, "PYINSTALLER_CONFIG_DIR": str(out / "pyinstaller-cache")}
    started = time.perf_counter()
    command = [sys.executable, str(ROOT / "installer" / "build.py"), "--dist", str(out / "dist"),
               "--work", str(out / "work")]
    result = subprocess.run(
        command, capture_output=True, text=True, env=env, timeout=BUILD_TIMEOUT_S, cwd=ROOT, check=False,
    )
    seconds = time.perf_counter() - started
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-4000:]
    return Bundle(out / "dist" / "gdpr-desk", seconds, result.stdout)


def test_the_bundle_builds_and_reports_its_size(bundle: Bundle) -> None:
    print(f"\nbundle built in {bundle.seconds:.0f} s")
    assert re.search(r"^size: \d+\.\d MB$", bundle.log, re.MULTILINE), bundle.log
    assert bundle.exe("gdpr-desk").is_file() and bundle.exe("gdpr-desk-cli").is_file()


def test_the_bundle_passes_its_self_test(bundle: Bundle, tmp_path: Path) -> None:
    data = tmp_path / "data"
    result = run_self_test([str(bundle.exe("gdpr-desk-cli"))], data)
    assert result.returncode == 0, result.stdout + result.stderr
    assert statuses(result.stdout) == dict.fromkeys(CHECKS, "ok")
    assert f"gdpr-desk {__version__} (bundle)" in result.stdout
    assert result.stdout.splitlines()[-1] == f"self-test passed: {len(CHECKS)} checks"
    assert not data.exists() or {p.name for p in data.iterdir()} <= {"logs"}


@pytest.mark.parametrize("name", ["gdpr-desk", "gdpr-desk-cli"])
def test_both_executables_print_the_version(bundle: Bundle, name: str) -> None:
    if sys.platform == "win32" and name == "gdpr-desk":
        pytest.skip("the windowed executable has no console to print to")
    result = subprocess.run([str(bundle.exe(name)), "--version"], capture_output=True, text=True, timeout=60,
                            check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"gdpr-desk {__version__}"


def test_the_bundle_ships_compiled_catalogs_and_the_migrations(bundle: Bundle) -> None:
    internal = bundle.path / "_internal"
    catalogs = internal / "resources" / "translations"
    for ts in (ROOT / "resources" / "translations").glob("gdpr_desk_*.ts"):
        assert (catalogs / ts.with_suffix(".qm").name).is_file(), ts.name
    assert not list(internal.rglob("*.ts"))
    versions = ROOT / "desktop" / "storage" / "migrations" / "versions"
    shipped = internal / "desktop" / "storage" / "migrations" / "versions"
    assert {p.name for p in shipped.glob("*.py")} == {p.name for p in versions.glob("*.py")}
    assert (internal / "desktop" / "storage" / "migrations" / "env.py").is_file()


def test_the_bundle_leaves_out_what_the_desk_never_loads(bundle: Bundle) -> None:
    internal = bundle.path / "_internal"
    names = {p.name for p in internal.rglob("*")}
    assert not any(n.startswith(("tkinter", "_tkinter", "libtk", "libtcl")) for n in names)
    assert not any(n.startswith("QtQuick") or n.startswith("QtQml") for n in names)
    assert not (internal / "PySide6" / "Qt" / "translations").exists()
    assert not list(internal.rglob("*qgtk3*"))


def test_the_installer_and_linux_script_find_their_files_in_the_bundle(bundle: Bundle, build: ModuleType) -> None:
    # The Inno Setup script's sources (see test_build_support.py for how they are read from it).
    for name in build.EXECUTABLES:
        assert bundle.exe(name).is_file()
    icons = bundle.path / "_internal" / "resources" / "icons"
    assert (icons / "gdpr-desk.ico").is_file()
    # installer/linux/install.sh's icons.
    assert (icons / "gdpr-desk.svg").is_file()
    for size in build.ICON_SIZES:
        assert (icons / f"gdpr-desk-{size}.png").is_file()
