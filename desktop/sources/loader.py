"""Read and validate a systems file, so the desk never syncs from a mapping it has misread.

Every failure is a `SourcesError` naming the file, the system and the field path
(``systems[0].tables[2].columns.email.category``). Unknown keys are refused (a misspelt optional key
would otherwise vanish), cross references are checked (record kinds, purposes, categories and
recipients against the policy; desk fields against the desk's own tables when the caller knows them),
and a password written into a URL is refused: secrets live only in the OS keyring.
"""

from __future__ import annotations

import tomllib
from collections.abc import Collection, Mapping
from pathlib import Path
from typing import Any, NoReturn

from desktop.errors import DeskError
from desktop.policy.model import Policy
from desktop.sources.model import (
    IDENTITY_KEYS,
    SYSTEM_KINDS,
    VALUE_TYPES,
    ColumnMap,
    Completion,
    Join,
    PersonLink,
    SourcesFile,
    System,
    TableMap,
)

__all__ = ["SourcesError", "load_sources", "parse_sources"]

_SYSTEM_KEYS = {
    "name", "kind", "label", "url", "password", "writer_account", "record_kinds", "purposes", "recipient",
    "privacy_contact", "languages", "phone_region", "number_prefix", "tables",
}
_TABLE_KEYS = {
    "name", "table", "record_kind", "key", "person", "columns", "joins", "changed", "constants", "completion",
    "where",
}
_COLUMN_KEYS = {"field", "category", "type", "separator", "values", "identity", "format"}
_PERSON_KEYS = {"self", "via", "column", "parent_field"}
_JOIN_KEYS = {"table", "on", "outer"}
_COMPLETION_KEYS = {"column", "complete", "at"}
_LANGS = ("nb", "en", "sv")


class SourcesError(DeskError):
    """A systems file that cannot be trusted; says which file, which system and which field."""

    def __init__(self, source: str, system: str | None, field: str, problem: str,
                 problem_nb: str | None = None) -> None:
        where = source + (f": system '{system}'" if system else "") + (f": {field}" if field else "")
        where_nb = source + (f": system '{system}'" if system else "") + (f": {field}" if field else "")
        super().__init__(f"{where}: {problem}", f"{where_nb}: {problem_nb or problem}")
        self.source = source
        self.system = system
        self.field = field
        self.problem = problem


class _Reader:
    def __init__(self, source: str, policy: Policy | None,
                 desk_fields: Mapping[str, Collection[str]] | None) -> None:
        self.source = source
        self.policy = policy
        self.desk_fields = desk_fields
        self.system: str | None = None

    def fail(self, field: str, problem: str, problem_nb: str | None = None) -> NoReturn:
        raise SourcesError(self.source, self.system, field, problem, problem_nb)

    # --- typed getters -------------------------------------------------------------------------
    def table(self, raw: Any, path: str, allowed: set[str]) -> dict[str, Any]:
        if not isinstance(raw, dict):
            self.fail(path, "must be a table", "må være en tabell")
        unknown = sorted(set(raw) - allowed)
        if unknown:
            self.fail(f"{path}.{unknown[0]}" if path else unknown[0],
                      f"unknown key (allowed: {', '.join(sorted(allowed))})",
                      f"ukjent nøkkel (tillatt: {', '.join(sorted(allowed))})")
        return raw

    def text(self, raw: dict[str, Any], key: str, path: str, *, required: bool = True) -> str | None:
        value = raw.get(key)
        where = f"{path}.{key}" if path else key
        if value is None:
            if required:
                self.fail(where, "is missing", "mangler")
            return None
        if not isinstance(value, str) or not value.strip():
            self.fail(where, "must be non-empty text", "må være tekst som ikke er tom")
        return value.strip()

    def texts(self, raw: dict[str, Any], key: str, path: str) -> tuple[str, ...]:
        value = raw.get(key, [])
        where = f"{path}.{key}" if path else key
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            self.fail(where, "must be a list of non-empty texts", "må være en liste med tekster")
        return tuple(v.strip() for v in value)

    def boolean(self, raw: dict[str, Any], key: str, path: str) -> bool:
        value = raw.get(key, False)
        if not isinstance(value, bool):
            self.fail(f"{path}.{key}", "must be true or false", "må være true eller false")
        return value

    def pairs(self, raw: dict[str, Any], key: str, path: str) -> tuple[tuple[str, str], ...]:
        value = raw.get(key, {})
        if not isinstance(value, dict) or not all(isinstance(v, str | int | float | bool) for v in value.values()):
            self.fail(f"{path}.{key}", "must be a table of texts", "må være en tabell med tekster")
        return tuple((str(k), str(v)) for k, v in value.items())

    # --- the structure -------------------------------------------------------------------------
    def read(self, data: dict[str, Any]) -> SourcesFile:
        self.table(data, "", {"format", "systems"})
        if data.get("format", 1) != 1:
            self.fail("format", "this desk reads format 1", "denne versjonen leser format 1")
        raw_systems = data.get("systems")
        if not isinstance(raw_systems, list) or not raw_systems:
            self.fail("systems", "at least one [[systems]] is needed", "minst ett [[systems]] trengs")
        systems: list[System] = []
        names: set[str] = set()
        for i, raw in enumerate(raw_systems):
            self.system = raw.get("name") if isinstance(raw, dict) and isinstance(raw.get("name"), str) else None
            system = self.read_system(raw, f"systems[{i}]")
            if system.name in names:
                self.fail(f"systems[{i}].name", "is used by an earlier system", "er brukt av et tidligere system")
            names.add(system.name)
            systems.append(system)
        self.system = None
        return SourcesFile(self.source, tuple(systems))

    def read_system(self, raw: Any, path: str) -> System:
        raw = self.table(raw, path, _SYSTEM_KEYS)
        name = self.text(raw, "name", path)
        assert name is not None
        kind = self.text(raw, "kind", path)
        if kind not in SYSTEM_KINDS:
            self.fail(f"{path}.kind", f"must be one of {', '.join(SYSTEM_KINDS)}",
                      f"må være en av {', '.join(SYSTEM_KINDS)}")
        label = self.label(raw.get("label"), f"{path}.label", name)
        url = self.text(raw, "url", path, required=kind == "sql")
        if url is not None:
            self.check_url(url, f"{path}.url")
        password = self.text(raw, "password", path, required=False)
        if password is not None and password != "keyring":  # noqa: S105  the word, not a secret
            self.fail(f"{path}.password", 'may only say "keyring": the password itself is kept in the OS keyring',
                      'kan bare være "keyring": selve passordet ligger i nøkkelringen')
        record_kinds = self.texts(raw, "record_kinds", path)
        purposes = self.texts(raw, "purposes", path)
        recipient = self.text(raw, "recipient", path, required=False)
        if self.policy is not None:
            known_kinds = {k.key for k in self.policy.record_kinds}
            for j, k in enumerate(record_kinds):
                if k not in known_kinds:
                    self.fail(f"{path}.record_kinds[{j}]", f"'{k}' is not a record kind of the policy",
                              f"'{k}' er ikke en registertype i personvernerklæringen")
            known_purposes = {p.key for p in self.policy.purposes}
            for j, p in enumerate(purposes):
                if p not in known_purposes:
                    self.fail(f"{path}.purposes[{j}]", f"'{p}' is not a purpose of the policy",
                              f"'{p}' er ikke et formål i personvernerklæringen")
            if recipient is not None and recipient not in {r.key for r in self.policy.recipients}:
                self.fail(f"{path}.recipient", f"'{recipient}' is not a recipient or processor of the policy",
                          f"'{recipient}' er ikke en mottaker eller databehandler i personvernerklæringen")
        contact = self.text(raw, "privacy_contact", path, required=False)
        if contact is not None and ("@" not in contact or " " in contact):
            self.fail(f"{path}.privacy_contact", "must be an e-mail address", "må være en e-postadresse")
        languages = self.texts(raw, "languages", path) or ("nb", "en", "sv")
        for j, lang in enumerate(languages):
            if lang not in _LANGS:
                self.fail(f"{path}.languages[{j}]", "must be nb, en or sv", "må være nb, en eller sv")
        region = self.text(raw, "phone_region", path, required=False) or "NO"
        if len(region) != 2 or not region.isalpha() or not region.isupper():
            self.fail(f"{path}.phone_region", "must be a two-letter country code such as NO",
                      "må være en landkode på to bokstaver, som NO")
        prefix = self.text(raw, "number_prefix", path, required=False) or ""
        if len(prefix) > 6:
            self.fail(f"{path}.number_prefix", "may be at most 6 characters", "kan være høyst 6 tegn")
        raw_tables = raw.get("tables", [])
        if kind == "sql" and not raw_tables:
            self.fail(f"{path}.tables", "a sql system needs at least one [[systems.tables]]",
                      "et sql-system trenger minst én [[systems.tables]]")
        if not isinstance(raw_tables, list):
            self.fail(f"{path}.tables", "must be an array of tables", "må være en liste av tabeller")
        tables: list[TableMap] = []
        for j, rt in enumerate(raw_tables):
            t = self.read_table(rt, f"{path}.tables[{j}]", tables, record_kinds)
            tables.append(t)
        return System(
            name=name, kind=kind, label=label, url=url, password=password,
            writer_account=self.boolean(raw, "writer_account", path), record_kinds=record_kinds,
            purposes=purposes, recipient=recipient, privacy_contact=contact, languages=languages,
            phone_region=region, number_prefix=prefix, tables=tuple(tables),
        )

    def label(self, raw: Any, path: str, default: str) -> dict[str, str]:
        if raw is None:
            return {lang: default for lang in _LANGS}
        if isinstance(raw, str):
            return {lang: raw for lang in _LANGS}
        raw = self.table(raw, path, set(_LANGS))
        if "nb" not in raw or not all(isinstance(v, str) and v for v in raw.values()):
            self.fail(path, "needs at least nb, as text", "trenger minst nb, som tekst")
        return {lang: str(raw.get(lang) or raw.get("en") or raw["nb"]) for lang in _LANGS}

    def check_url(self, url: str, path: str) -> None:
        from sqlalchemy.engine import make_url
        from sqlalchemy.exc import ArgumentError

        try:
            parsed = make_url(url)
        except ArgumentError:
            self.fail(path, "is not a database URL such as postgresql+psycopg://user@host/db",
                      "er ikke en database-URL som postgresql+psycopg://bruker@vert/db")
        if parsed.password:
            self.fail(path, "holds a password: put it in the OS keyring ('gdpr-desk sources password') "
                      'and write password = "keyring"',
                      "inneholder et passord: legg det i nøkkelringen ('gdpr-desk sources password') "
                      'og skriv password = "keyring"')

    def read_table(self, raw: Any, path: str, earlier: list[TableMap], kinds: tuple[str, ...]) -> TableMap:
        raw = self.table(raw, path, _TABLE_KEYS)
        table = self.text(raw, "table", path)
        assert table is not None
        name = self.text(raw, "name", path, required=False) or table
        if any(t.name == name for t in earlier):
            self.fail(f"{path}.name", f"'{name}' is used by an earlier table",
                      f"'{name}' er brukt av en tidligere tabell")
        kind = self.text(raw, "record_kind", path)
        assert kind is not None
        if kinds and kind not in kinds:
            self.fail(f"{path}.record_kind", f"'{kind}' is not among the system's record_kinds",
                      f"'{kind}' er ikke blant systemets record_kinds")
        if self.policy is not None and kind not in {k.key for k in self.policy.record_kinds}:
            self.fail(f"{path}.record_kind", f"'{kind}' is not a record kind of the policy",
                      f"'{kind}' er ikke en registertype i personvernerklæringen")
        key = self.texts(raw, "key", path)
        if not key:
            self.fail(f"{path}.key", "names the primary key column(s)", "må nevne primærnøkkelen")
        person = self.read_person(raw.get("person"), f"{path}.person", earlier)
        joins = self.read_joins(raw.get("joins", []), f"{path}.joins")
        columns = self.read_columns(raw.get("columns"), f"{path}.columns", kind)
        if person.self_ and not any(c.identity for c in columns) and not person.column:
            self.fail(f"{path}.columns", "a person table needs at least one column with identity = "
                      f"{' | '.join(IDENTITY_KEYS)}", "en persontabell trenger minst én identitetskolonne")
        constants = self.pairs(raw, "constants", path)
        where = self.pairs(raw, "where", path)
        fields = self.desk_fields.get(kind) if self.desk_fields is not None else None
        if fields is not None:
            for field, _ in constants:
                if field not in fields:
                    self.fail(f"{path}.constants.{field}", f"the desk's {kind} records have no field '{field}'",
                              f"registertypen {kind} har ikke feltet '{field}'")
            if person.parent_field and person.parent_field not in fields:
                self.fail(f"{path}.person.parent_field", f"the desk's {kind} records have no field "
                          f"'{person.parent_field}'", f"registertypen {kind} har ikke feltet '{person.parent_field}'")
        completion = None
        if raw.get("completion") is not None:
            rc = self.table(raw["completion"], f"{path}.completion", _COMPLETION_KEYS)
            column = self.text(rc, "column", f"{path}.completion")
            assert column is not None
            complete = self.texts(rc, "complete", f"{path}.completion")
            if not complete:
                self.fail(f"{path}.completion.complete", "lists the statuses that mean the purchase is complete",
                          "lister statusene som betyr at kjøpet er fullført")
            completion = Completion(column=column, complete=complete,
                                    at=self.text(rc, "at", f"{path}.completion", required=False))
        return TableMap(
            name=name, table=table, record_kind=kind, key=key, person=person, columns=columns, joins=joins,
            changed=self.text(raw, "changed", path, required=False), constants=constants,
            completion=completion, where=where,
        )

    def read_person(self, raw: Any, path: str, earlier: list[TableMap]) -> PersonLink:
        if raw == "self":
            return PersonLink(self_=True)
        if raw is None:
            self.fail(path, 'is missing: "self", or { via = "<earlier table>", column = "<its key here>" }',
                      'mangler: "self", eller { via = "<tidligere tabell>", column = "<nøkkelen her>" }')
        raw = self.table(raw, path, _PERSON_KEYS)
        via = self.text(raw, "via", path, required=False)
        if raw.get("self") is True:
            return PersonLink(self_=True, column=self.text(raw, "column", path, required=False))
        if via is None:
            self.fail(f"{path}.via", "names an earlier table of this system", "må nevne en tidligere tabell i systemet")
        if not any(t.name == via for t in earlier):
            self.fail(f"{path}.via", f"'{via}' is not an earlier table of this system (order matters: parents first)",
                      f"'{via}' er ikke en tidligere tabell i systemet (foreldre først)")
        column = self.text(raw, "column", path)
        return PersonLink(via=via, column=column,
                          parent_field=self.text(raw, "parent_field", path, required=False))

    def read_joins(self, raw: Any, path: str) -> tuple[Join, ...]:
        if not isinstance(raw, list):
            self.fail(path, "must be an array of tables", "må være en liste av tabeller")
        joins = []
        for i, raw_join in enumerate(raw):
            rj = self.table(raw_join, f"{path}[{i}]", _JOIN_KEYS)
            table = self.text(rj, "table", f"{path}[{i}]")
            assert table is not None
            on = self.pairs(rj, "on", f"{path}[{i}]")
            if not on:
                self.fail(f"{path}[{i}].on", "pairs the joined table's column with one already in the query",
                          "må koble en kolonne i tabellen med en som alt er i spørringen")
            joins.append(Join(table=table, on=on, outer=self.boolean(rj, "outer", f"{path}[{i}]")))
        return tuple(joins)

    def read_columns(self, raw: Any, path: str, kind: str) -> tuple[ColumnMap, ...]:
        if not isinstance(raw, dict) or not raw:
            self.fail(path, "maps at least one source column", "må kartlegge minst én kildekolonne")
        fields = self.desk_fields.get(kind) if self.desk_fields is not None else None
        categories = {c.key for c in self.policy.categories} if self.policy is not None else None
        out = []
        for column, raw_spec in raw.items():
            where = f"{path}.{column}"
            spec = self.table(raw_spec, where, _COLUMN_KEYS)
            field = self.text(spec, "field", where, required=False)
            identity = self.text(spec, "identity", where, required=False)
            if field is None and identity is None:
                self.fail(where, "needs a field (the desk field it fills) or an identity key",
                          "trenger field (desk-feltet) eller identity")
            if identity is not None and identity not in IDENTITY_KEYS:
                self.fail(f"{where}.identity", f"must be one of {', '.join(IDENTITY_KEYS)}",
                          f"må være en av {', '.join(IDENTITY_KEYS)}")
            if field is not None and fields is not None and field not in fields:
                self.fail(f"{where}.field", f"the desk's {kind} records have no field '{field}'",
                          f"registertypen {kind} har ikke feltet '{field}'")
            category = self.text(spec, "category", where, required=False)
            if category is None and (field is not None or identity is not None):
                self.fail(f"{where}.category", "is missing: the policy category this column holds",
                          "mangler: personvernkategorien kolonnen inneholder")
            if categories is not None and category is not None and category not in categories:
                self.fail(f"{where}.category", f"'{category}' is not a category of the policy",
                          f"'{category}' er ikke en kategori i personvernerklæringen")
            vtype = self.text(spec, "type", where, required=False) or "auto"
            if vtype not in VALUE_TYPES:
                self.fail(f"{where}.type", f"must be one of {', '.join(VALUE_TYPES)}",
                          f"må være en av {', '.join(VALUE_TYPES)}")
            separator = spec.get("separator", " ")
            if not isinstance(separator, str):
                self.fail(f"{where}.separator", "must be text", "må være tekst")
            fmt = self.text(spec, "format", where, required=False)
            if fmt is not None and fmt.count("{}") != 1:
                self.fail(f"{where}.format", "must hold {} exactly once, where the value goes",
                          "må ha {} nøyaktig én gang, der verdien settes inn")
            out.append(ColumnMap(column=column, field=field, category=category, type=vtype, separator=separator,
                                 values=self.pairs(spec, "values", where), identity=identity, format=fmt))
        return tuple(out)


def parse_sources(text: str, source: str = "<text>", *, policy: Policy | None = None,
                  desk_fields: Mapping[str, Collection[str]] | None = None) -> SourcesFile:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise SourcesError(source, None, "", f"is not valid TOML ({exc})", f"er ikke gyldig TOML ({exc})") from None
    return _Reader(source, policy, desk_fields).read(data)


def load_sources(path: Path, *, policy: Policy | None = None,
                 desk_fields: Mapping[str, Collection[str]] | None = None) -> SourcesFile:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise SourcesError(str(path), None, "", "the file does not exist", "filen finnes ikke") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise SourcesError(str(path), None, "", f"cannot be read ({exc})", f"kan ikke leses ({exc})") from None
    return parse_sources(text, str(path), policy=policy, desk_fields=desk_fields)
