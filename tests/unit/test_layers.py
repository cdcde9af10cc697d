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


#: The database's session and connection APIs: only services open units of work.
SESSION_APIS = frozenset({"transaction", "retry_read", "engine", "integrity_check", "dispose", "sessionmaker"})


def _session_uses(path: Path) -> list[str]:
    """`<anything>.db.<session API>` or `db.<session API>`, at any depth: the UI holding a database session."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if not isinstance(node, ast.Attribute) or node.attr not in SESSION_APIS:
            continue
        owner = node.value
        if (isinstance(owner, ast.Attribute) and owner.attr == "db") or (
                isinstance(owner, ast.Name) and owner.id == "db"):
            found.append(f"{path.name}:{node.lineno}: {ast.unparse(node)}")
    return found


def test_the_ui_opens_no_database_sessions() -> None:
    offenders = []
    for path in [*sorted((ROOT / "ui").glob("*.py")), ROOT / "app.py"]:
        offenders += _session_uses(path)
        if "db.transaction(" in path.read_text(encoding="utf-8"):  # however it was reached
            offenders.append(f"{path.name}: db.transaction(")
    assert offenders == []


def test_the_session_scan_sees_a_transaction_opened_in_the_ui(tmp_path: Path) -> None:
    probe = tmp_path / "probe.py"
    probe.write_text("def f(ctx):\n    with ctx.db.transaction() as s:\n        pass\n"
                     "    db = ctx.db\n    db.retry_read(print)\n    ctx.db.display_name()\n", encoding="utf-8")
    assert sorted(line.split(": ", 1)[1] for line in _session_uses(probe)) == ["ctx.db.transaction", "db.retry_read"]


def test_the_scan_sees_imports_inside_functions(tmp_path: Path) -> None:
    probe = tmp_path / "probe.py"
    probe.write_text("def f():\n    from desktop.storage.migrate import head_revision\n", encoding="utf-8")
    assert "desktop.storage.migrate" in _imports(probe)


def _imports_the_app(path: Path) -> bool:
    """`import desktop.app`, `from desktop.app import ...` or `from desktop import app`, anywhere in the file."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import) and any(a.name == "desktop.app" for a in node.names):
            return True
        if not isinstance(node, ast.ImportFrom) or node.level != 0:
            continue
        if node.module == "desktop.app" or (node.module == "desktop" and any(a.name == "app" for a in node.names)):
            return True
    return False


def test_the_ui_never_imports_the_composition_root() -> None:
    """desktop.app builds the widgets; a widget importing it back would make a cycle."""
    offenders = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "ui").rglob("*.py") if _imports_the_app(p))
    assert offenders == []


def test_the_app_import_scan_sees_every_form(tmp_path: Path) -> None:
    for text in ("import desktop.app\n", "def f():\n    from desktop.app import run_gui\n",
                 "from desktop import app\n"):
        probe = tmp_path / "probe.py"
        probe.write_text(text, encoding="utf-8")
        assert _imports_the_app(probe), text
    probe.write_text("from desktop import app_logging\nimport desktop.application\n", encoding="utf-8")
    assert not _imports_the_app(probe)
