"""What the mapping misses: columns in a source database that look personal but are not mapped.

A column is suspect by its name (e-mail, phone, address, name, ip, note, comment ...) or by a sample
of its values (how many look like e-mail addresses, phone numbers or identity numbers). Sampled
values are only counted, never returned or printed: the scan's output is safe to paste into a ticket.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import String, Text, inspect, select
from sqlalchemy.engine import Connection
from sqlalchemy.exc import DBAPIError, SQLAlchemyError

from desktop.domain.contact import normalize_email, normalize_phone
from desktop.domain.national_id import InvalidNationalId, looks_like_national_id, parse_national_id
from desktop.sources.model import System

__all__ = ["ScanFinding", "mapped_columns", "scan"]

#: Words in a column name that mean personal data (matched against the name's words).
_PERSONAL_WORDS = {
    "email": "e-mail", "mail": "e-mail", "phone": "phone", "mobile": "phone", "tel": "phone",
    "telephone": "phone", "address": "address", "street": "address", "line1": "address", "line2": "address",
    "line3": "address", "line4": "address", "postcode": "address", "zip": "address", "city": "address",
    "surname": "name", "fullname": "name", "firstname": "name", "lastname": "name", "username": "name",
    "ip": "ip address", "note": "note", "notes": "note", "comment": "comment", "comments": "comment",
    "message": "message", "body": "message", "birth": "birth date", "birthday": "birth date",
    "ssn": "identity number", "personnummer": "identity number", "fodselsnummer": "identity number",
    "nid": "identity number", "search": "search text", "query": "search text",
}
#: Columns that point at a person: with one of them in the table, a bare "name" is a person's name.
_PERSON_LINKS = {"user_id", "owner_id", "customer_id", "email", "guest_email"}
_WORD = re.compile(r"[a-z0-9]+")
#: Words that make a name about the system, not a person ("email_body_template", "enable_comments").
_NOT_PERSONAL = {"template", "enable", "enabled", "num", "count", "is", "has", "error", "type", "code"}
#: Words that, before "name", make it a person's ("first_name", "full_name").
_NAME_QUALIFIERS = {"first", "last", "full", "given", "family", "middle", "display", "contact", "recipient"}


@dataclass(frozen=True)
class ScanFinding:
    table: str
    column: str
    reasons: tuple[str, ...]


def mapped_columns(system: System) -> set[tuple[str, str]]:
    """(table, column) for every column the system's mapping reads."""
    out: set[tuple[str, str]] = set()
    for tm in system.tables:
        names = [*tm.source_columns(), *(ours for j in tm.joins for _, ours in j.on)]
        for name in names:
            table, _, column = name.rpartition(".")
            out.add((table or tm.table, column))
        for j in tm.joins:
            for theirs, _ in j.on:
                out.add((j.table, theirs))
    return out


def _name_reasons(column: str, columns: set[str]) -> list[str]:
    words = _WORD.findall(column.lower())
    if _NOT_PERSONAL & set(words):
        return []
    reasons = sorted({_PERSONAL_WORDS[w] for w in words if w in _PERSONAL_WORDS})
    if "name" in words and not reasons and (_NAME_QUALIFIERS & set(words) or columns & _PERSON_LINKS):
        reasons.append("name")
    return [f"its name suggests {r}" for r in reasons]


def _value_reasons(values: list[str]) -> list[str]:
    today = datetime.now(UTC).date()  # a number's century depends on the day from 2032
    if not values:
        return []
    counts = {"e-mail addresses": 0, "phone numbers": 0, "identity numbers": 0}
    for v in values:
        text = v.strip()
        if not text or len(text) > 254:
            continue
        if "@" in text and normalize_email(text):
            counts["e-mail addresses"] += 1
        elif looks_like_national_id(text):
            try:
                parse_national_id(text, today)
                counts["identity numbers"] += 1
            except InvalidNationalId:
                pass
        elif sum(ch.isdigit() for ch in text) >= 7 and re.fullmatch(r"[\d\s+\-().]+", text) \
                and normalize_phone(text) is not None:
            counts["phone numbers"] += 1
    out = []
    for what, n in counts.items():
        if n and n * 5 >= len(values):  # a fifth of the sample: more than chance
            out.append(f"{round(100 * n / len(values))}% of {len(values)} sampled values look like {what}")
    return out


def scan(conn: Connection, system: System, *, sample: int = 200) -> list[ScanFinding]:
    """Every unmapped column that looks personal, table by table, in name order."""
    mapped = mapped_columns(system)
    inspector = inspect(conn)
    findings: list[ScanFinding] = []
    from sqlalchemy import MetaData, Table

    meta = MetaData()
    for table_name in sorted(inspector.get_table_names()):
        try:
            columns = inspector.get_columns(table_name)
        except (DBAPIError, SQLAlchemyError):
            continue
        names = {c["name"] for c in columns}
        table: Table | None = None
        for col in columns:
            if (table_name, col["name"]) in mapped:
                continue
            textual = isinstance(col["type"], String | Text) or "inet" in str(col["type"]).lower()
            # Counts, flags and dates named after an address or a mail are not personal data themselves.
            reasons = _name_reasons(col["name"], names) if textual else []
            if isinstance(col["type"], String | Text):
                if table is None:
                    table = Table(table_name, meta, autoload_with=conn)
                try:
                    rows = conn.execute(select(table.c[col["name"]]).where(table.c[col["name"]].is_not(None))
                                        .limit(sample)).scalars().all()
                except (DBAPIError, SQLAlchemyError):
                    rows = []
                reasons += _value_reasons([str(v) for v in rows])
            if reasons:
                findings.append(ScanFinding(table_name, col["name"], tuple(reasons)))
    return findings
