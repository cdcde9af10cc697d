"""The layers stay apart: only the UI knows Qt, and the UI reaches data through services only."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2] / "desktop"
#: Where Qt may be imported: the widgets and the composition root that starts them.
QT_ALLOWED = {ROOT / "app.py"}
#: What the UI must not import: it goes through desktop.services for every read and write.
BELOW_SERVICES = ("desktop.storage", "desktop.models", "desktop.audit", "sqlalchemy")


def _imports(path: Path) -> set[str]:
    """Every module a file imports, at the top or inside functions."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def test_nothing_below_the_ui_imports_qt() -> None:
    offenders = []
    for path in ROOT.rglob("*.py"):
        if ROOT / "ui" in path.parents or path in QT_ALLOWED:
            continue
        if any(name == "PySide6" or name.startswith("PySide6.") for name in _imports(path)):
            offenders.append(str(path.relative_to(ROOT)))
    assert offenders == []


def test_the_ui_reaches_data_only_through_services() -> None:
    offenders = []
    for path in sorted((ROOT / "ui").glob("*.py")):
        bad = sorted(n for n in _imports(path) if any(n == b or n.startswith(b + ".") for b in BELOW_SERVICES))
        if bad:
            offenders.append(f"{path.name}: {', '.join(bad)}")
    assert offenders == []


def test_the_scan_sees_imports_inside_functions(tmp_path: Path) -> None:
    probe = tmp_path / "probe.py"
    probe.write_text("def f():\n    from desktop.storage.migrate import head_revision\n", encoding="utf-8")
    assert "desktop.storage.migrate" in _imports(probe)
