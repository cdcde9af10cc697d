"""Build the GDPR Desk bundle: `python installer/build.py` (see installer/README.md).

1. Stages the resources: everything in resources/ except the .ts sources, every
   resources/translations/*.ts compiled to .qm with PySide6's lrelease (a failed or empty
   catalog stops the build), the SVG icon drawn to PNGs at the usual sizes and, with Pillow, a
   Windows .ico, and the Windows version resources written from `desktop.__version__`.
2. Runs PyInstaller on installer/gdpr-desk.spec into --dist and --work (default dist/ and
   build/ in the checkout, both ignored by git).
3. Prints the bundle's size and how long each step took; on Windows with --installer also
   compiles installer/windows/gdpr-desk.iss with Inno Setup, passing the same version.

The staging functions are importable, so the tests check them without a full build.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
INSTALLER = ROOT / "installer"
SPEC = INSTALLER / "gdpr-desk.spec"
ISS = INSTALLER / "windows" / "gdpr-desk.iss"
APP_ID = "gdpr-desk"
#: PNG sizes for the Linux icon theme (hicolor) and for the .ico; 256 is the largest Windows shows.
ICON_SIZES: tuple[int, ...] = (16, 24, 32, 48, 64, 128, 256)
_LRELEASE_TIMEOUT_S = 120


class BuildError(Exception):
    """A step failed; the message says which and why, and the build stops."""


def app_version() -> str:
    """`desktop.__version__`, read from the source so the build never imports a stale installed copy."""
    text = (ROOT / "desktop" / "__init__.py").read_text(encoding="utf-8")
    match = re.search(r'^__version__\s*=\s*"([^"]+)"', text, re.MULTILINE)
    if match is None:
        raise BuildError("desktop/__init__.py has no __version__")
    return match.group(1)


def version_tuple(version: str) -> tuple[int, int, int, int]:
    """The four numbers Windows wants: major, minor, patch and a zero; a suffix such as rc1 is dropped."""
    release = re.match(r"[\d.]*", version)
    numbers = [int(part) for part in (release.group(0) if release else "").split(".") if part][:3]
    if not numbers:
        raise BuildError(f"the version {version!r} has no numbers")
    padded = (*numbers, 0, 0, 0, 0)[:4]
    return padded[0], padded[1], padded[2], padded[3]


@dataclass
class Staged:
    """What `stage` made: the resources folder to bundle and what went into it."""

    resources: Path
    catalogs: dict[str, Path] = field(default_factory=dict)
    icons: dict[int, Path] = field(default_factory=dict)
    ico: Path | None = None
    version_files: dict[str, Path] = field(default_factory=dict)


def find_lrelease() -> Path:
    """PySide6's own lrelease (the one the desk uses at run time), or pyside6-lrelease on PATH."""
    import PySide6

    exe = "lrelease.exe" if sys.platform == "win32" else "lrelease"
    beside = Path(PySide6.__file__).resolve().parent / exe
    if beside.exists():
        return beside
    script = shutil.which("pyside6-lrelease")
    if script is None:
        raise BuildError("lrelease not found: install PySide6-Essentials into the build environment")
    return Path(script)


def compile_catalogs(translations: Path, dest: Path) -> dict[str, Path]:
    """Every gdpr_desk_*.ts to a .qm of the same name in `dest`; refuses a build with none."""
    sources = sorted(translations.glob("gdpr_desk_*.ts"))
    if not sources:
        raise BuildError(f"no translations (gdpr_desk_*.ts) in {translations}")
    lrelease = find_lrelease()
    dest.mkdir(parents=True, exist_ok=True)
    compiled: dict[str, Path] = {}
    for ts in sources:
        qm = dest / ts.with_suffix(".qm").name
        # Our own fixed paths, no shell.
        result = subprocess.run([str(lrelease), str(ts), "-qm", str(qm)], capture_output=True, text=True,  # noqa: S603
                                timeout=_LRELEASE_TIMEOUT_S, check=False)
        if result.returncode != 0 or not qm.exists() or qm.stat().st_size == 0:
            raise BuildError(f"lrelease could not compile {ts.name}: {(result.stderr or result.stdout).strip()}")
        lang = ts.stem.removeprefix("gdpr_desk_")
        compiled[lang] = qm
        summary = " ".join(line.strip() for line in result.stdout.splitlines() if "Generated" in line)
        print(f"  {ts.name} -> {qm.name}: {summary or 'compiled'}")
    return compiled


def render_icons(svg: Path, dest: Path, sizes: Sequence[int] = ICON_SIZES) -> dict[int, Path]:
    """The SVG drawn by Qt's own renderer, so the PNGs match what the running desk shows."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer
    from PySide6.QtWidgets import QApplication

    # A QApplication (not just a QGuiApplication), so a caller that later needs widgets can still have them.
    _app = QApplication.instance() or QApplication([])
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise BuildError(f"{svg} is not a valid SVG")
    dest.mkdir(parents=True, exist_ok=True)
    made: dict[int, Path] = {}
    for size in sizes:
        image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        path = dest / f"{APP_ID}-{size}.png"
        if not image.save(str(path)):  # the .png suffix picks the format
            raise BuildError(f"could not write {path}")
        made[size] = path
    return made


def make_ico(pngs: dict[int, Path], target: Path) -> Path | None:
    """A multi-size .ico from the PNGs (Pillow, which ReportLab already needs); None without Pillow."""
    try:
        from PIL import Image
    except ImportError:
        print("  Pillow is not installed: no .ico (the Windows executables keep PyInstaller's icon)")
        return None
    sizes = sorted(n for n in pngs if n <= 256)
    images = [Image.open(pngs[n]).convert("RGBA") for n in sizes]
    largest = images[-1]
    largest.save(target, format="ICO", sizes=[(n, n) for n in sizes], append_images=images[:-1])
    return target


def version_info_text(version: str, exe_name: str, description: str) -> str:
    """The Windows version resource in PyInstaller's text form (the `version=` file of an EXE)."""
    numbers = version_tuple(version)
    strings = {
        "CompanyName": "GDPR Desk",
        "FileDescription": description,
        "FileVersion": version,
        "InternalName": exe_name,
        "OriginalFilename": f"{exe_name}.exe",
        "ProductName": "GDPR Desk",
        "ProductVersion": version,
    }
    table = ",\n          ".join(f"StringStruct({key!r}, {value!r})" for key, value in strings.items())
    return (
        "VSVersionInfo(\n"
        f"  ffi=FixedFileInfo(filevers={numbers}, prodvers={numbers}, mask=0x3f, flags=0x0, OS=0x40004,\n"
        "                    fileType=0x1, subtype=0x0, date=(0, 0)),\n"
        "  kids=[\n"
        "    StringFileInfo([StringTable('040904B0', [\n"
        f"          {table}])]),\n"
        "    VarFileInfo([VarStruct('Translation', [1033, 1200])])\n"
        "  ]\n"
        ")\n"
    )


#: The two executables of the one bundle: the desk itself (no console window on Windows) and the
#: command line for IT and scheduled jobs.
EXECUTABLES: dict[str, str] = {
    APP_ID: "GDPR Desk",
    f"{APP_ID}-cli": "GDPR Desk command line",
}


def stage(staging: Path, source: Path = ROOT / "resources", version: str | None = None) -> Staged:
    """The resources exactly as the bundle ships them, in `staging` (emptied first)."""
    version = version or app_version()
    if staging.exists():
        shutil.rmtree(staging)
    resources = staging / "resources"
    # The .ts sources stay behind: the bundle has no lrelease, and the .qm next to where the .ts
    # would be is what desktop.ui.i18n loads then.
    shutil.copytree(source, resources, ignore=shutil.ignore_patterns("*.ts", "__pycache__", "*.qm"))
    staged = Staged(resources=resources)
    staged.catalogs = compile_catalogs(source / "translations", resources / "translations")
    svg = source / "icons" / f"{APP_ID}.svg"
    if not svg.exists():
        raise BuildError(f"the application icon {svg} is missing")
    staged.icons = render_icons(svg, resources / "icons")
    staged.ico = make_ico(staged.icons, resources / "icons" / f"{APP_ID}.ico")
    for exe, description in EXECUTABLES.items():
        path = staging / f"version-{exe}.txt"
        path.write_text(version_info_text(version, exe, description), encoding="utf-8")
        staged.version_files[exe] = path
    return staged


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def run_pyinstaller(staging: Path, dist: Path, work: Path) -> Path:
    command = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
               "--distpath", str(dist), "--workpath", str(work), str(SPEC), "--", "--staging", str(staging)]
    try:
        import PyInstaller  # noqa: F401
    except ImportError as exc:
        raise BuildError("PyInstaller is not installed: pip install -e '.[build]'") from exc
    result = subprocess.run(command, cwd=ROOT, check=False)  # noqa: S603
    if result.returncode != 0:
        raise BuildError(f"PyInstaller failed (exit {result.returncode})")
    bundle = dist / APP_ID
    if not bundle.is_dir():
        raise BuildError(f"PyInstaller made no {bundle}")
    return bundle


def find_iscc() -> Path | None:
    found = shutil.which("iscc") or shutil.which("ISCC")
    if found:
        return Path(found)
    # Windows environment names are case-insensitive.
    local = os.environ.get("LOCALAPPDATA")
    for base in (os.environ.get("PROGRAMFILES(X86)"), os.environ.get("PROGRAMFILES"),
                 str(Path(local) / "Programs") if local else None):
        if base:
            candidate = Path(base) / "Inno Setup 6" / "ISCC.exe"
            if candidate.exists():
                return candidate
    return None


def iscc_command(iscc: Path | str, bundle: Path, output: Path, version: str) -> list[str]:
    """Inno Setup gets the version from here, never from the script itself."""
    numeric = ".".join(str(n) for n in version_tuple(version))
    return [str(iscc), f"/DAppVersion={version}", f"/DAppVersionNumeric={numeric}", f"/DBundleDir={bundle}",
            f"/O{output}", str(ISS)]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="installer/build.py", description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="where the bundle goes (default dist/)")
    parser.add_argument("--work", type=Path, default=ROOT / "build",
                        help="PyInstaller's work folder and the staged resources (default build/)")
    parser.add_argument("--stage-only", action="store_true", help="stage the resources and stop")
    parser.add_argument("--installer", action="store_true",
                        help="on Windows, also compile the Inno Setup installer into --dist")
    args = parser.parse_args(argv)
    version = app_version()
    staging = args.work.resolve() / "staging"
    try:
        started = time.perf_counter()
        print(f"GDPR Desk {version}: staging resources in {staging}")
        staged = stage(staging, version=version)
        print(f"  catalogs: {', '.join(sorted(staged.catalogs))}; icons: {len(staged.icons)} sizes"
              f"{' and .ico' if staged.ico else ''}")
        if args.stage_only:
            return 0
        staged_at = time.perf_counter()
        print("running PyInstaller (a few minutes on two cores)")
        bundle = run_pyinstaller(staging, args.dist.resolve(), args.work.resolve())
        built_at = time.perf_counter()
        print(f"bundle: {bundle}")
        print(f"size: {folder_size(bundle) / 1e6:.1f} MB")
        print(f"time: staging {staged_at - started:.0f} s, PyInstaller {built_at - staged_at:.0f} s")
        if args.installer:
            iscc = find_iscc()
            if sys.platform != "win32" or iscc is None:
                raise BuildError("--installer needs Windows with Inno Setup 6.4 or newer (ISCC.exe)")
            command = iscc_command(iscc, bundle, args.dist.resolve(), version)
            if subprocess.run(command, check=False).returncode != 0:  # noqa: S603
                raise BuildError("Inno Setup failed")
        else:
            print("installer (on Windows): " + " ".join(iscc_command("iscc", bundle, args.dist.resolve(), version)))
    except BuildError as exc:
        print(f"build failed: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
