"""Dates, times, numbers and name order as the interface language's readers write them.

One place for every value the interface shows, so Bokmål reads 25.11.2026 and 19 686, Swedish
2026-11-25 and 19 686, English (British) 25/11/2026 and 19,686, and a test can switch the
language and see all of them follow. The locale is the default QLocale that
`desktop.ui.i18n.install_translator` sets. Only display text: what services store and what the
access log records stay ISO and UTC.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, date, datetime, time

from PySide6.QtCore import QCoreApplication, QDate, QLocale, QTime

from desktop.domain.sorting import sort_key_for
from desktop.ui.i18n import current_lang

__all__ = [
    "date_hint",
    "date_input_format",
    "format_date",
    "format_datetime",
    "format_local_date",
    "format_local_datetime",
    "format_number",
    "format_time",
    "parse_date",
    "to_local",
    "ui_sort_key",
]

_SHORT = QLocale.FormatType.ShortFormat


def to_local(value: datetime) -> datetime:
    """Stored times are naive UTC; the agent reads the computer's local time."""
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone()


def date_input_format() -> str:
    """The locale's short date pattern with a four-digit year, for QDateEdit and for parsing."""
    pattern = QLocale().dateFormat(_SHORT)
    return pattern if "yyyy" in pattern else re.sub(r"y+", "yyyy", pattern)


def date_hint() -> str:
    """The date pattern in the reader's words: dd.mm.åååå, åååå-mm-dd, dd/mm/yyyy."""
    # How the reader spells the parts of a date (dd.mm.åååå in Bokmål, not dd.MM.yyyy).
    day, month, year = (QCoreApplication.translate("DateHint", "dd"), QCoreApplication.translate("DateHint", "mm"),
                        QCoreApplication.translate("DateHint", "yyyy"))
    pattern = re.sub(r"d+", "\0d", date_input_format())
    pattern = re.sub(r"M+", "\0m", pattern)
    pattern = re.sub(r"y+", "\0y", pattern)
    return pattern.replace("\0d", day).replace("\0m", month).replace("\0y", year)


def format_date(value: date) -> str:
    return QLocale().toString(QDate(value.year, value.month, value.day), date_input_format())


def _time_pattern(seconds: bool) -> str:
    pattern = QLocale().timeFormat(_SHORT)
    if seconds and "s" not in pattern:
        # The separator the locale puts before the minutes goes before the seconds as well.
        pattern = re.sub(r"([^Hhm]*)(m+)", lambda m: f"{m.group(1)}{m.group(2)}{m.group(1) or ':'}ss", pattern,
                         count=1)
    return pattern


def format_time(value: time | datetime, *, seconds: bool = False) -> str:
    """The clock time as given (convert stored UTC with `to_local` first, or use `format_local_*`)."""
    qtime = QTime(value.hour, value.minute, value.second)
    return QLocale().toString(qtime, _time_pattern(seconds))


def format_datetime(value: datetime, *, seconds: bool = False) -> str:
    return f"{format_date(value.date())} {format_time(value, seconds=seconds)}"


def format_local_date(value: datetime) -> str:
    """The local calendar date of a stored (naive UTC) time."""
    return format_date(to_local(value).date())


def format_local_datetime(value: datetime, *, seconds: bool = False) -> str:
    return format_datetime(to_local(value), seconds=seconds)


def format_number(value: int | float, decimals: int | None = None) -> str:
    """Grouped the reader's way: 19 686 in Bokmål and Swedish, 19,686 in English."""
    locale = QLocale()
    if isinstance(value, int) and decimals is None:
        return locale.toString(value)
    return locale.toString(float(value), "f", 2 if decimals is None else decimals)


def parse_date(text: str) -> date | None:
    """A date typed in the locale's short form (one-digit day and month allowed), or ISO; None if neither."""
    text = text.strip()
    if not text:
        return None
    lenient = date_input_format().replace("dd", "d").replace("MM", "M")
    for pattern in (lenient, "yyyy-M-d"):
        parsed = QLocale().toDate(text, pattern)
        if parsed.isValid():
            return date(parsed.year(), parsed.month(), parsed.day())
    return None


def ui_sort_key() -> Callable[[str], str]:
    """The key that orders names as the interface language does (Å after Ø in Bokmål, Ö last in Swedish)."""
    return sort_key_for(current_lang())
