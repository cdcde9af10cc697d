"""The file source: CSV or JSON Lines exports, one file per desk record kind (docs/import-format.md).

Columns are the desk's own field names, plus ``source_key`` (the row's key in the exporting system),
``person_key`` (the ``source_key`` of the person's customer row in the same system) or the identity
columns ``email``, ``phone`` and ``national_id`` to find the person, and ``parent_key`` for records
that belong to another (an order line to its order). Every cell is text in the file; it is parsed to
the desk field's type here, and a cell that does not parse is a rejected row with file, line and
field. Nothing here writes: the import service decides all or nothing.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from desktop.sources.model import ColumnMap, PersonLink, System, TableMap
from desktop.sources.sql import FieldType, SourceRow

__all__ = ["PARENT_KINDS", "FileRows", "Reject", "file_system", "read_rows"]

#: Which record kind a record's parent_key points at (the desk's own structure, not a platform's).
PARENT_KINDS: dict[str, str] = {
    "order_line": "order", "delivery": "order", "payment": "order", "favourite": "membership",
    "case_message": "service_case",
}
_IDENTITY = ("email", "phone", "national_id")
_SPECIAL = {"source_key", "person_key", "parent_key"}


@dataclass(frozen=True)
class Reject:
    file: str
    line: int
    field: str
    reason: str

    def text(self) -> str:
        return f"{self.file}:{self.line}: {self.field}: {self.reason}"


@dataclass
class FileRows:
    kind: str
    rows: list[SourceRow]
    lines: dict[str, int]
    rejects: list[Reject]


def file_system(name: str, kinds: tuple[str, ...]) -> System:
    """A system of kind `file` with one mapping entry per record kind, named after the kind.

    The customer file's rows are people; a record with a parent (PARENT_KINDS) belongs to its parent's
    person; any other record belongs to the customer row its person_key names, or failing that to
    the person its identity columns find.
    """
    tables = []
    for kind in ("customer", *sorted(k for k in kinds if k != "customer")):
        if kind == "customer":
            person = PersonLink(self_=True)
        else:
            person = PersonLink(via=PARENT_KINDS.get(kind, "customer"), column="person_key")
        tables.append(TableMap(name=kind, table=kind, record_kind=kind, key=("source_key",), person=person,
                               columns=(ColumnMap(column="email", field=None, category=None, identity="email"),)))
    return System(name=name, kind="file", label={"nb": name, "en": name, "sv": name}, tables=tuple(tables))


def _parse(value: Any, ftype: FieldType) -> Any:
    if value is None or value == "":
        return None
    kind = ftype.kind
    if kind == "text":
        return str(value)
    if kind == "int":
        if isinstance(value, bool):
            raise ValueError("expected a whole number")
        if isinstance(value, int):
            return value
        text = str(value).strip()
        if not text.lstrip("-").isdigit():
            raise ValueError("expected a whole number")
        return int(text)
    if kind == "bool":
        if isinstance(value, bool):
            return value
        text = str(value).strip().lower()
        if text in ("true", "1", "yes", "ja"):
            return True
        if text in ("false", "0", "no", "nei"):
            return False
        raise ValueError("expected true or false")
    if kind == "datetime":
        try:
            parsed = datetime.fromisoformat(str(value).strip())
        except ValueError:
            raise ValueError("expected a date and time such as 2026-03-01T14:02:00") from None
        return parsed.astimezone(UTC).replace(tzinfo=None) if parsed.tzinfo else parsed
    if kind == "date":
        try:
            return date.fromisoformat(str(value).strip())
        except ValueError:
            raise ValueError("expected a date such as 2026-03-01") from None
    return str(value)


def _records(path: Path) -> list[tuple[int, dict[str, Any]]]:
    text = path.read_text(encoding="utf-8-sig")
    if path.suffix.lower() in (".jsonl", ".ndjson", ".json"):
        out = []
        for number, line in enumerate(text.splitlines(), start=1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                raise ValueError(f"{path.name}:{number}: not a JSON object ({exc.msg})") from None
            if not isinstance(obj, dict):
                raise ValueError(f"{path.name}:{number}: not a JSON object")
            out.append((number, obj))
        return out
    dialect = csv.Sniffer().sniff(text.splitlines()[0] if text else ",", delimiters=",;\t")
    reader = csv.DictReader(io.StringIO(text), dialect=dialect)
    return [(reader.line_num, dict(row)) for row in reader]


def read_rows(path: Path, kind: str, fields: Mapping[str, FieldType]) -> FileRows:
    """Parse one export file into desk rows; rows that do not parse become rejects with line and field."""
    name = path.name
    records = _records(path)
    header = set().union(*(r.keys() for _, r in records)) if records else set()
    rejects: list[Reject] = []
    unknown = sorted(h for h in header if h not in fields and h not in _SPECIAL and h not in _IDENTITY)
    if unknown:
        rejects.append(Reject(name, 1, unknown[0], f"not a field of the desk's {kind} records "
                              f"(fields: {', '.join(sorted(fields))})"))
        return FileRows(kind, [], {}, rejects)
    rows: list[SourceRow] = []
    lines: dict[str, int] = {}
    for line, record in records:
        key = record.get("source_key")
        if key in (None, ""):
            rejects.append(Reject(name, line, "source_key", "missing: every row needs its key in the exporting system"))
            continue
        key_text = str(key)
        if key_text in lines:
            rejects.append(Reject(name, line, "source_key", f"the same key as line {lines[key_text]}"))
            continue
        values: dict[str, Any] = {}
        bad = False
        for column, raw in record.items():
            if column in _SPECIAL or (column in _IDENTITY and column not in fields):
                continue
            try:
                value = _parse(raw, fields[column])
            except ValueError as exc:
                rejects.append(Reject(name, line, column, str(exc)))
                bad = True
                break
            length = fields[column].length
            if isinstance(value, str) and length is not None and len(value) > length:
                rejects.append(Reject(name, line, column, f"{len(value)} characters; the desk holds {length}"))
                bad = True
                break
            values[column] = value
        if bad:
            continue
        identity = {k: str(record[k]) for k in _IDENTITY if record.get(k) not in (None, "")}
        link = record.get("parent_key") if kind in PARENT_KINDS else record.get("person_key")
        lines[key_text] = line
        rows.append(SourceRow(key=(key_text,), key_text=key_text, values=values, identity=identity,
                              parent_key=None if link in (None, "") else str(link), changed=None))
    return FileRows(kind, rows, lines, rejects)
