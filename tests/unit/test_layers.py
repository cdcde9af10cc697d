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


# --- private names and import cycles ------------------------------------------------------------


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


#: Every module of the package by dotted name: `desktop.services.requests` is the package's __init__.
MODULES: dict[str, Path] = {_module_name(p): p for p in ROOT.rglob("*.py")}


def _absolute(path: Path, node: ast.ImportFrom) -> str | None:
    """The module an ImportFrom names, with relative imports resolved against the file's package."""
    if node.level == 0:
        return node.module
    package = _module_name(path).split(".")
    if path.name != "__init__.py":
        package.pop()
    base = package[: len(package) - (node.level - 1)]
    return ".".join(base + ([node.module] if node.module else []))


def _is_private(name: str) -> bool:
    return name.startswith("_") and not (name.startswith("__") and name.endswith("__"))


def _private_uses(path: Path, text: str | None = None) -> list[str]:
    """`from desktop.x import _y`, and `m._y` where `m` is a desktop module imported by name."""
    tree = ast.parse(text if text is not None else path.read_text(encoding="utf-8"), str(path))
    found: list[str] = []
    modules: set[str] = set()  # local names bound to desktop modules
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            source = _absolute(path, node) or ""
            if not (source == "desktop" or source.startswith("desktop.")):
                continue
            for alias in node.names:
                if _is_private(alias.name):
                    found.append(f"{path.relative_to(ROOT.parent)}:{node.lineno}: from {source} import {alias.name}")
                elif f"{source}.{alias.name}" in MODULES:
                    modules.add(alias.asname or alias.name)
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("desktop") and alias.asname:
                    modules.add(alias.asname)
    for node in ast.walk(tree):
        if (isinstance(node, ast.Attribute) and _is_private(node.attr) and isinstance(node.value, ast.Name)
                and node.value.id in modules):
            found.append(f"{path.relative_to(ROOT.parent)}:{node.lineno}: {node.value.id}.{node.attr}")
    return found


def test_no_private_name_is_imported_across_modules() -> None:
    offenders = [use for path in sorted(ROOT.rglob("*.py")) for use in _private_uses(path)]
    assert offenders == []


def test_the_private_name_scan_sees_both_forms() -> None:
    probe = ROOT / "services" / "probe.py"  # where the text would live; nothing is written
    text = ("from desktop.services.profile import _owned_by, SPECS\nfrom desktop import __version__\n"
            "from desktop.services import profile\nimport desktop.domain.retention as retention\n"
            "def f():\n    from .registry import _private\n"
            "    return profile._VALUES, retention._WORDS, profile.SPECS\n")
    found = [line.split(": ", 1)[1] for line in _private_uses(probe, text)]
    assert sorted(found) == sorted([
        "from desktop.services.profile import _owned_by", "from desktop.services.registry import _private",
        "profile._VALUES", "retention._WORDS",
    ])


def _runtime_nodes(tree: ast.Module) -> list[ast.AST]:
    """Every node but those under `if TYPE_CHECKING:`: annotations only, never run, so never a cycle."""
    skipped: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and ast.unparse(node.test) in ("TYPE_CHECKING", "typing.TYPE_CHECKING"):
            skipped.update(id(inner) for stmt in node.body for inner in ast.walk(stmt))
    return [node for node in ast.walk(tree) if id(node) not in skipped]


def import_graph() -> dict[str, set[str]]:
    """Which desktop module imports which, at the top or inside functions (a deferred import is still an edge)."""
    graph: dict[str, set[str]] = {name: set() for name in MODULES}
    for name, path in MODULES.items():
        for node in _runtime_nodes(ast.parse(path.read_text(encoding="utf-8"), str(path))):
            targets: list[str] = []
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                source = _absolute(path, node) or ""
                targets = [f"{source}.{a.name}" if f"{source}.{a.name}" in MODULES else source for a in node.names]
            for target in targets:
                if target in MODULES and target != name:
                    graph[name].add(target)
    return graph


def import_cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components with more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return sorted(found)


def _touches_the_ui(component: list[str]) -> bool:
    return any(m == "desktop.app" or m.startswith("desktop.ui.") for m in component)


def test_no_import_cycle_below_the_ui() -> None:
    cycles = [c for c in import_cycles(import_graph()) if not _touches_the_ui(c)]
    assert cycles == []


def test_no_import_cycle_between_the_ui_and_the_app() -> None:
    cycles = [c for c in import_cycles(import_graph()) if _touches_the_ui(c)]
    assert cycles == []


def test_the_cycle_finder_sees_a_cycle_through_a_deferred_import() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}, "e": set()}
    assert import_cycles(graph) == [["a", "b", "c"]]
    assert import_cycles({"a": {"b"}, "b": set()}) == []


def test_type_checking_imports_are_not_runtime_edges() -> None:
    tree = ast.parse("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from x import A\nimport y\n")
    names = [a.name for n in _runtime_nodes(tree) if isinstance(n, ast.Import | ast.ImportFrom) for a in n.names]
    assert names == ["TYPE_CHECKING", "y"]


#: Private members of other libraries' objects that have no public accessor.
FOREIGN_PRIVATE = {
    "desktop/reports/register_copy.py: canvas._doc",  # ReportLab's Canvas gives its PDFDocument no public name
}


def _private_member_uses(path: Path, text: str | None = None) -> list[str]:
    """`x._y` where `x` is not `self`/`cls`: reaching into another object's internals (`self.requests._begin`)."""
    tree = ast.parse(text if text is not None else path.read_text(encoding="utf-8"), str(path))
    return [f"{path.relative_to(ROOT.parent)}: {ast.unparse(node)}" for node in ast.walk(tree)
            if isinstance(node, ast.Attribute) and _is_private(node.attr)
            and not (isinstance(node.value, ast.Name) and node.value.id in ("self", "cls"))]


def test_no_object_reaches_into_another_objects_private_members() -> None:
    offenders = [use for path in sorted(ROOT.rglob("*.py")) for use in _private_member_uses(path)]
    assert [use for use in offenders if use not in FOREIGN_PRIVATE] == []


def test_the_private_member_scan_sees_a_borrowed_unit_of_work() -> None:
    text = "def f(self, s, a):\n    self.requests._begin(s, a)\n    self._own()\n    return s._x, self.__dict__\n"
    found = [use.split(": ", 1)[1] for use in _private_member_uses(ROOT / "services" / "probe.py", text)]
    assert sorted(found) == ["s._x", "self.requests._begin"]


def test_no_production_module_reads_a_test_switch() -> None:
    """Fault injection goes through seams the tests install (ErasureService.on_step), never the environment."""
    offenders = [str(path.relative_to(ROOT.parent)) for path in sorted(ROOT.rglob("*.py"))
                 if "GDPR_DESK_TEST" in path.read_text(encoding="utf-8")]
    assert offenders == []


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
