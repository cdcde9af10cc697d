"""The SQL connector: reads a shop's own database through its mapping, with SQLAlchemy Core.

Any dialect SQLAlchemy speaks works (tested on PostgreSQL and MariaDB). The connector only reads:
it checks the login cannot write before a sync (`write_privileges`), reflects the mapped tables so a
renamed or dropped column is named before any row moves, and streams rows in key order in batches
(keyset pagination), so a sync resumes from the last committed key after a kill -9 and memory does
not grow with the table. Each row comes out typed for the desk field it fills; a value of a type the
mapping did not expect, or too long for the desk, is a `SourceProblem` naming system, table, column
and row key. Normalising (folded names, e-mail and phone keys, protected identity numbers) is the
desk's own code and happens in the sync service.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

from sqlalchemy import (
    Column,
    ColumnElement,
    Engine,
    MetaData,
    Select,
    Table,
    and_,
    create_engine,
    func,
    or_,
    select,
    text,
    tuple_,
)
from sqlalchemy.engine import URL, Connection, make_url
from sqlalchemy.exc import DBAPIError, NoSuchTableError, SQLAlchemyError

from desktop.errors import DeskError, KeyringUnavailable
from desktop.sources.model import ColumnMap, System, TableMap

__all__ = [
    "FieldType",
    "SourceProblem",
    "SourceRow",
    "SqlSource",
    "decode_position",
    "encode_position",
    "source_password",
    "source_url",
]


class SourceProblem(DeskError):
    """Something in a source the desk cannot take as it is; names what and where, never a traceback."""

    def __init__(self, system: str, problem: str, problem_nb: str, *, table: str | None = None,
                 column: str | None = None, key: str | None = None) -> None:
        where = [f"system '{system}'"]
        where_nb = [f"system '{system}'"]
        if table:
            where.append(f"table {table}")
            where_nb.append(f"tabell {table}")
        if column:
            where.append(f"column {column}")
            where_nb.append(f"kolonne {column}")
        if key:
            where.append(f"row {key}")
            where_nb.append(f"rad {key}")
        super().__init__(f"{', '.join(where)}: {problem}", f"{', '.join(where_nb)}: {problem_nb}")
        self.system = system
        self.table = table
        self.column = column
        self.key = key


@dataclass(frozen=True)
class FieldType:
    """What a desk field takes: 'text', 'int', 'datetime', 'date' or 'bool', and a text's length."""

    kind: str
    length: int | None = None
    required: bool = False


@dataclass
class SourceRow:
    """One source row as the desk will see it: typed field values, identity, links and position."""

    key: tuple[Any, ...]
    key_text: str
    values: dict[str, Any]
    identity: dict[str, str]
    parent_key: str | None
    changed: Any
    complete: bool | None = None
    completed_at: datetime | None = None
    #: Set when the row cannot be taken as it is: the sync reports it and leaves the desk's copy alone.
    problem: SourceProblem | None = None
    #: Filled by the sync: the hash of what the desk makes of the row, and its normalised identity keys.
    digest: str = ""
    identity_keys: dict[str, str] | None = None
    #: A hash of the row exactly as the source returned it: an unchanged row is known without typing it.
    raw_hash: str | None = None
    #: Types and checks the row on demand (most rows of an incremental sync never need it).
    pending: Callable[[], SourceRow] | None = None

    def typed(self) -> SourceRow:
        """This row with its values typed for the desk (or its problem set)."""
        return self.pending() if self.pending is not None else self


# --- connecting ------------------------------------------------------------------------------------

def source_password(system: System) -> str | None:
    """The reading login's password from the OS keyring, or None when the file says there is none."""
    if system.password != "keyring":  # noqa: S105  the word, not a secret
        return None
    from desktop.security.keys import HOW_TO_GET_A_KEYRING, SERVICE, keyring_available

    if not keyring_available():
        raise KeyringUnavailable(
            f"System '{system.name}' needs its password from the OS keyring, and none is available. "
            + HOW_TO_GET_A_KEYRING,
            f"System '{system.name}' trenger passordet sitt fra nøkkelringen, og ingen nøkkelring er "
            "tilgjengelig. " + HOW_TO_GET_A_KEYRING,
        )
    import keyring
    from keyring.errors import KeyringError

    try:
        secret = keyring.get_password(SERVICE, system.keyring_user())
    except KeyringError as exc:
        raise KeyringUnavailable(f"The OS keyring failed ({exc}). {HOW_TO_GET_A_KEYRING}",
                                 f"Nøkkelringen feilet ({exc}). {HOW_TO_GET_A_KEYRING}") from None
    if secret is None:
        raise KeyringUnavailable(
            f"The keyring has no password for system '{system.name}'. Store it with "
            f"'gdpr-desk sources password {system.name}'.",
            f"Nøkkelringen har ikke passordet for system '{system.name}'. Lagre det med "
            f"'gdpr-desk sources password {system.name}'.",
        )
    return secret


def source_url(system: System, override: str | None = None) -> URL:
    raw = override or system.url
    if not raw:
        raise SourceProblem(system.name, "has no connection URL", "mangler tilkoblings-URL")
    try:
        url = make_url(raw)
    except Exception:
        raise SourceProblem(system.name, f"'{raw}' is not a database URL",
                            f"'{raw}' er ikke en database-URL") from None
    if url.password:
        # Not even on the command line, where every user of the machine can read it in the process list.
        raise SourceProblem(system.name, "the URL holds a password; keep it in the OS keyring "
                            f"('gdpr-desk sources password {system.name}')",
                            "URL-en inneholder et passord; legg det i nøkkelringen "
                            f"('gdpr-desk sources password {system.name}')")
    password = source_password(system)
    return url.set(password=password) if password is not None else url


def describe_source_error(system: str, exc: BaseException, url: URL | None = None) -> SourceProblem:
    raw = str(getattr(exc, "orig", None) or exc).strip().splitlines()
    first = raw[0] if raw else type(exc).__name__
    low = first.lower()
    where = url.render_as_string(hide_password=True) if url is not None else "the source"
    if "password" in low or "access denied" in low or "authentication" in low:
        return SourceProblem(system, f"the server refused the login for {where} ({first})",
                             f"serveren avviste innloggingen for {where} ({first})")
    if "unknown database" in low or ("database" in low and "does not exist" in low):
        return SourceProblem(system, f"the server has no such database: {where}",
                             f"serveren har ingen slik database: {where}")
    if any(w in low for w in ("connect", "connection", "refused", "timeout", "timed out", "resolve")):
        return SourceProblem(system, f"cannot be reached: {where} ({first}); the desk keeps what it has",
                             f"svarer ikke: {where} ({first}); desken beholder det den har")
    return SourceProblem(system, f"the source database failed: {first}", f"kildedatabasen feilet: {first}")


# --- positions ---------------------------------------------------------------------------------

def _encode_value(value: Any) -> Any:
    if isinstance(value, datetime):
        return {"dt": value.isoformat()}
    if isinstance(value, date):
        return {"d": value.isoformat()}
    if isinstance(value, Decimal):
        return {"dec": str(value)}
    return value


def _decode_value(value: Any) -> Any:
    if isinstance(value, dict):
        if "dt" in value:
            return datetime.fromisoformat(value["dt"])
        if "d" in value:
            return date.fromisoformat(value["d"])
        if "dec" in value:
            return Decimal(value["dec"])
    return value


def encode_position(values: Sequence[Any]) -> str:
    return json.dumps([_encode_value(v) for v in values])


def decode_position(text_: str | None) -> tuple[Any, ...] | None:
    if text_ is None:
        return None
    return tuple(_decode_value(v) for v in json.loads(text_))


# --- converting values -----------------------------------------------------------------------------

_MONEY_STEP = Decimal("0.01")


def _as_naive_utc(value: datetime) -> datetime:
    return value.astimezone(UTC).replace(tzinfo=None) if value.tzinfo is not None else value


class _Converter:
    def __init__(self, system: str, table: str, key_text: str) -> None:
        self.system = system
        self.table = table
        self.key_text = key_text

    def bad(self, column: str, problem: str, problem_nb: str) -> SourceProblem:
        return SourceProblem(self.system, problem, problem_nb, table=self.table, column=column, key=self.key_text)

    def convert(self, column: str, value: Any, kind: str) -> Any:
        if value is None:
            return None
        type_name = type(value).__name__
        unexpected = self.bad(column, f"a value of type {type_name} where the mapping expects {kind}",
                              f"en verdi av typen {type_name} der kartleggingen venter {kind}")
        if kind == "text":
            if isinstance(value, str):
                return value
            if isinstance(value, int | Decimal) and not isinstance(value, bool):
                return str(value)
            raise unexpected
        if kind == "int":
            if isinstance(value, bool):
                raise unexpected
            if isinstance(value, int):
                return value
            if isinstance(value, Decimal) and value == value.to_integral_value():
                return int(value)
            raise unexpected
        if kind == "money":
            if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
                raise unexpected
            try:
                minor = (Decimal(str(value)) * 100).quantize(Decimal(1), rounding=ROUND_HALF_UP)
            except InvalidOperation:
                raise unexpected from None
            return int(minor)
        if kind == "datetime":
            if isinstance(value, datetime):
                return _as_naive_utc(value)
            if isinstance(value, date):
                return datetime(value.year, value.month, value.day)
            raise unexpected
        if kind == "date":
            if isinstance(value, datetime):
                return _as_naive_utc(value).date()
            if isinstance(value, date):
                return value
            raise unexpected
        if kind == "bool":
            if isinstance(value, bool):
                return value
            if isinstance(value, int) and value in (0, 1):
                return bool(value)
            raise unexpected
        raise unexpected


# --- the source ------------------------------------------------------------------------------------

_QUALIFIED = re.compile(r"^([A-Za-z_][\w$]*)\.([A-Za-z_][\w$]*)$")


class SqlSource:
    """One SQL system: connection, reflected tables, read-only check, row batches, and the scan."""

    def __init__(self, system: System, *, url: str | None = None, connect_timeout: int = 10) -> None:
        self.system = system
        self.url = source_url(system, url)
        args: dict[str, Any] = {}
        backend = self.url.get_backend_name()
        if backend in ("postgresql", "mysql", "mariadb"):
            args["connect_timeout"] = connect_timeout
        self.engine: Engine = create_engine(self.url, connect_args=args, pool_pre_ping=True,
                                            **({"pool_size": 2} if backend != "sqlite" else {}))
        self.tables: dict[str, Table] = {}

    def close(self) -> None:
        self.engine.dispose()

    def display(self) -> str:
        return self.url.render_as_string(hide_password=True)

    def connect(self) -> Connection:
        try:
            return self.engine.connect()
        except (DBAPIError, SQLAlchemyError, OSError) as exc:
            raise describe_source_error(self.system.name, exc, self.url) from None

    # --- schema ----------------------------------------------------------------------------------
    def reflect(self, conn: Connection) -> None:
        """Reflect every mapped table and check every mapped column exists, before any row moves."""
        meta = MetaData()
        names = {t.table for t in self.system.tables} | {j.table for t in self.system.tables for j in t.joins}
        for name in sorted(names):
            try:
                self.tables[name] = Table(name, meta, autoload_with=conn)
            except NoSuchTableError:
                raise SourceProblem(self.system.name, "the table does not exist (renamed or dropped?)",
                                    "tabellen finnes ikke (omdøpt eller slettet?)", table=name) from None
            except (DBAPIError, SQLAlchemyError) as exc:
                raise describe_source_error(self.system.name, exc, self.url) from None
        for tm in self.system.tables:
            for j in tm.joins:
                for theirs, _ in j.on:
                    if theirs not in self.tables[j.table].c:
                        raise SourceProblem(self.system.name, "the column does not exist (renamed or dropped?)",
                                            "kolonnen finnes ikke (omdøpt eller slettet?)", table=j.table,
                                            column=theirs)
            for name in (*tm.source_columns(), *(ours for j in tm.joins for _, ours in j.on),
                         *(c for c, _ in tm.where)):
                self.column(tm, name)

    def column(self, tm: TableMap, name: str) -> Column[Any]:
        match = _QUALIFIED.match(name)
        table_name, column_name = (match.group(1), match.group(2)) if match else (tm.table, name)
        table = self.tables.get(table_name)
        if table is None or (table_name != tm.table and all(j.table != table_name for j in tm.joins)):
            raise SourceProblem(self.system.name, f"'{name}' names a table the mapping does not join",
                                f"'{name}' nevner en tabell kartleggingen ikke kobler inn",
                                table=tm.table, column=name)
        if column_name not in table.c:
            raise SourceProblem(self.system.name, "the column does not exist (renamed or dropped?)",
                                "kolonnen finnes ikke (omdøpt eller slettet?)", table=table_name, column=column_name)
        return table.c[column_name]

    def _join_column(self, tm: TableMap, join_table: str, name: str) -> Column[Any]:
        return self.tables[join_table].c[name]

    def _from(self, tm: TableMap) -> Any:
        base: Any = self.tables[tm.table]
        for j in tm.joins:
            cond = and_(*(self._join_column(tm, j.table, theirs) == self.column(tm, ours) for theirs, ours in j.on))
            base = base.join(self.tables[j.table], cond, isouter=j.outer)
        return base

    def _where(self, tm: TableMap) -> list[ColumnElement[bool]]:
        out: list[ColumnElement[bool]] = []
        for name, raw in tm.where:
            col = self.column(tm, name)
            value: Any = {"true": True, "false": False}.get(raw.lower(), raw)
            out.append(col == value)
        return out

    # --- read-only ---------------------------------------------------------------------------------
    def write_privileges(self, conn: Connection) -> list[str]:
        """What the login may change in the mapped tables ("INSERT on auth_user"); [] when read-only."""
        dialect = conn.dialect.name
        tables = sorted({t.table for t in self.system.tables})
        found: list[str] = []
        if dialect == "postgresql":
            # One round trip when the login is read-only (the usual case), the detail only when it is not.
            anything = conn.execute(text(
                "SELECT bool_or(has_table_privilege(current_user, t, 'INSERT,UPDATE,DELETE,TRUNCATE')) "
                "FROM unnest(CAST(:tables AS text[])) AS t"), {"tables": tables}).scalar()
            if not anything:
                return []
            for name in tables:
                for privilege in ("INSERT", "UPDATE", "DELETE", "TRUNCATE"):
                    if conn.execute(text("SELECT has_table_privilege(current_user, :t, :p)"),
                                    {"t": name, "p": privilege}).scalar():
                        found.append(f"{privilege} on {name}")
            return found
        if dialect in ("mysql", "mariadb"):
            database = conn.execute(text("SELECT DATABASE()")).scalar() or ""
            for (grant,) in conn.execute(text("SHOW GRANTS")):
                found += _mysql_write_grants(str(grant), str(database), tables)
            return found
        if dialect == "sqlite":
            readonly = conn.execute(text("PRAGMA query_only")).scalar()
            mode_ro = "mode=ro" in str(self.url)
            return [] if readonly or mode_ro else ["writes (the file is not opened with mode=ro)"]
        return [f"unknown ({dialect}: the desk cannot check this kind of server)"]

    # --- rows ------------------------------------------------------------------------------------
    def count(self, conn: Connection, tm: TableMap, after_changed: Any = None) -> int:
        query = select(func.count()).select_from(self._from(tm)).where(*self._where(tm))
        if tm.changed and after_changed is not None:
            query = query.where(self.column(tm, tm.changed) > after_changed)
        try:
            return int(conn.execute(query).scalar() or 0)
        except (DBAPIError, SQLAlchemyError) as exc:
            raise describe_source_error(self.system.name, exc, self.url) from None

    def select_rows(self, tm: TableMap) -> tuple[Select[Any], list[str]]:
        """The mapping's SELECT (table, joins, filter) and the source column name of each result column."""
        names = list(tm.source_columns())
        cols = [self.column(tm, n).label(f"c{i}") for i, n in enumerate(names)]
        return select(*cols).select_from(self._from(tm)).where(*self._where(tm)), names

    def batch(self, conn: Connection, tm: TableMap, fields: Mapping[str, FieldType], *, by_change: bool,
              after_key: tuple[Any, ...] | None, after_changed: Any, limit: int) -> list[SourceRow]:
        """The next `limit` rows after a position: (change value, key) when `by_change`, else key."""
        query, names = self.select_rows(tm)
        keys = [self.column(tm, k) for k in tm.key]
        key_expr: Any = tuple_(*keys) if len(keys) > 1 else keys[0]
        key_value: Any = (tuple_(*after_key) if len(keys) > 1 else after_key[0]) if after_key else None
        if by_change and tm.changed:
            changed = self.column(tm, tm.changed)
            if after_changed is not None and key_value is not None:
                query = query.where(or_(changed > after_changed, and_(changed == after_changed, key_expr > key_value)))
            elif after_changed is not None:
                query = query.where(changed > after_changed)
            query = query.order_by(changed, *keys)
        else:
            if key_value is not None:
                query = query.where(key_expr > key_value)
            query = query.order_by(*keys)
        try:
            result = conn.execute(query.limit(limit)).all()
        except (DBAPIError, SQLAlchemyError) as exc:
            raise describe_source_error(self.system.name, exc, self.url) from None
        return [self._row(tm, fields, names, r) for r in result]

    def _row(self, tm: TableMap, fields: Mapping[str, FieldType], names: list[str], row: Any) -> SourceRow:
        raw = dict(zip(names, row, strict=True))
        key = tuple(raw[k] for k in tm.key)
        key_text = "|".join(str(k) for k in key)
        raw_hash = hashlib.sha1(repr(tuple(row)).encode("utf-8"), usedforsecurity=False).hexdigest()
        changed = raw[tm.changed] if tm.changed else None

        def typed() -> SourceRow:
            try:
                full = self._typed_row(tm, fields, raw, key, key_text)
            except SourceProblem as problem:
                full = SourceRow(key=key, key_text=key_text, values={}, identity={}, parent_key=None,
                                 changed=changed, problem=problem)
            full.raw_hash = raw_hash
            return full

        return SourceRow(key=key, key_text=key_text, values={}, identity={}, parent_key=None, changed=changed,
                         raw_hash=raw_hash, pending=typed)

    def _typed_row(self, tm: TableMap, fields: Mapping[str, FieldType], raw: dict[str, Any], key: tuple[Any, ...],
                   key_text: str) -> SourceRow:
        conv = _Converter(self.system.name, tm.table, key_text)
        values: dict[str, Any] = {}
        parts: dict[str, list[tuple[ColumnMap, Any]]] = {}
        identity: dict[str, str] = {}
        for c in tm.columns:
            value = raw[c.column]
            if c.values and value is not None:
                value = dict(c.values).get(str(value), value)
            if c.identity and value not in (None, ""):
                identity[c.identity] = str(value)
            if c.field is None:
                continue
            parts.setdefault(c.field, []).append((c, value))
        for field_name, pieces in parts.items():
            ftype = fields.get(field_name, FieldType("text"))
            if len(pieces) > 1:
                texts = [str(conv.convert(c.column, v, "text")) for c, v in pieces if v not in (None, "")]
                joined = ""
                for (c, _), piece in zip([p for p in pieces if p[1] not in (None, "")], texts, strict=True):
                    joined = f"{joined}{c.separator}{piece}" if joined else piece
                value = joined
                column = pieces[0][0].column
            else:
                c, v = pieces[0]
                kind = c.type if c.type != "auto" else ftype.kind
                value = conv.convert(c.column, v, kind)
                if c.format is not None and value is not None:
                    value = c.format.replace("{}", str(value))
                column = c.column
            if isinstance(value, str) and ftype.length is not None and len(value) > ftype.length:
                raise conv.bad(column, f"the value is {len(value)} characters; the desk's {field_name} holds "
                               f"{ftype.length}", f"verdien er {len(value)} tegn; deskens {field_name} rommer "
                               f"{ftype.length}")
            values[field_name] = value
        parent = raw[tm.person.column] if tm.person.column else None
        complete = None
        completed_at = None
        if tm.completion is not None:
            complete = str(raw[tm.completion.column]) in tm.completion.complete
            if complete and tm.completion.at:
                completed_at = conv.convert(tm.completion.at, raw[tm.completion.at], "datetime")
        return SourceRow(
            key=key, key_text=key_text, values=values, identity=identity,
            parent_key=None if parent is None or parent == "" else str(parent),
            changed=raw[tm.changed] if tm.changed else None, complete=complete, completed_at=completed_at,
        )

    def _typed_keys(self, column: Column[Any], keys: Sequence[str]) -> list[Any]:
        try:
            kind = column.type.python_type
        except NotImplementedError:
            kind = str
        out: list[Any] = []
        for k in keys:
            try:
                out.append(kind(k) if kind in (int, str) else k)
            except ValueError:
                continue
        return out

    def rows_of(self, conn: Connection, tm: TableMap, fields: Mapping[str, FieldType], *, keys: Sequence[str],
                parent_keys: Sequence[str], limit: int = 5000) -> list[SourceRow]:
        """One person's rows: those whose key the desk already links to them, and those under their parents.

        This is how an order placed five minutes ago is found while the person is on the phone.
        """
        query, names = self.select_rows(tm)
        conditions: list[ColumnElement[bool]] = []
        if keys and len(tm.key) == 1:
            key_col = self.column(tm, tm.key[0])
            conditions.append(key_col.in_(self._typed_keys(key_col, keys)))
        if parent_keys and tm.person.column:
            via_col = self.column(tm, tm.person.column)
            conditions.append(via_col.in_(self._typed_keys(via_col, parent_keys)))
        if not conditions:
            return []
        try:
            result = conn.execute(query.where(or_(*conditions)).limit(limit)).all()
        except (DBAPIError, SQLAlchemyError) as exc:
            raise describe_source_error(self.system.name, exc, self.url) from None
        return [self._row(tm, fields, names, r) for r in result]

    def limit_statements(self, conn: Connection, seconds: float) -> None:
        """Make every statement on this connection give up after `seconds` (a person is on the phone)."""
        ms = max(1, int(seconds * 1000))
        dialect = conn.dialect.name
        if dialect == "postgresql":
            conn.execute(text(f"SET statement_timeout = {ms}"))
        elif dialect in ("mysql", "mariadb"):
            with_mariadb = "mariadb" in str(conn.execute(text("SELECT VERSION()")).scalar() or "").lower()
            if with_mariadb:
                conn.execute(text(f"SET SESSION max_statement_time = {ms / 1000:.3f}"))
            else:
                conn.execute(text(f"SET SESSION max_execution_time = {ms}"))

    def rows(self, conn: Connection, tm: TableMap, fields: Mapping[str, FieldType], *, batch: int = 2000
             ) -> Iterator[SourceRow]:
        """Every row in key order (the scan and the file-free tests use it)."""
        after: tuple[Any, ...] | None = None
        while True:
            rows = self.batch(conn, tm, fields, by_change=False, after_key=after, after_changed=None, limit=batch)
            yield from (r.typed() for r in rows)
            if len(rows) < batch:
                return
            after = rows[-1].key


_MYSQL_GRANT = re.compile(r"^GRANT (.+?) ON (\S+) TO ", re.IGNORECASE)
_WRITE_WORDS = ("ALL PRIVILEGES", "INSERT", "UPDATE", "DELETE", "DROP", "ALTER")


def _mysql_write_grants(grant: str, database: str, tables: list[str]) -> list[str]:
    """Write privileges in one SHOW GRANTS line that reach the mapped tables."""
    match = _MYSQL_GRANT.match(grant)
    if not match:
        return []
    privileges = match.group(1).upper()
    target = match.group(2).replace("`", "")
    scope_db, _, scope_table = target.partition(".")
    if scope_db not in ("*", database):
        return []
    hits = [w for w in _WRITE_WORDS if re.search(rf"\b{w}\b", privileges)]
    if not hits:
        return []
    reached = tables if scope_table == "*" else [t for t in tables if t == scope_table]
    return [f"{w} on {t}" for t in reached for w in hits]
