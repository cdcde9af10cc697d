"""Norwegian public holidays, for rolling a deadline forward (Regulation 1182/71 Art. 3(4)).

Only the statutory holidays (helligdager and the two høytidsdager) count. Christmas Eve and
New Year's Eve are not public holidays, even though many offices close.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache

__all__ = [
    "easter_sunday",
    "is_working_day",
    "next_working_day",
    "norwegian_public_holidays",
]

_SATURDAY = 5


def easter_sunday(year: int) -> date:
    """Gregorian Easter Sunday (anonymous algorithm), since every movable holiday hangs off it."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l = (32 + 2 * e + 2 * i - h - k) % 7  # noqa: E741 - the algorithm's published name
    m = (a + 11 * h + 22 * l) // 451
    month, day = divmod(h + l - 7 * m + 114, 31)
    return date(year, month, day + 1)


@lru_cache(maxsize=64)
def _holidays(year: int) -> tuple[tuple[date, str], ...]:
    """Cached because rolling a deadline forward asks about the same year many times."""
    easter = easter_sunday(year)
    listed = [
        (date(year, 1, 1), "1. nyttårsdag"),
        (easter - timedelta(days=3), "skjærtorsdag"),
        (easter - timedelta(days=2), "langfredag"),
        (easter, "1. påskedag"),
        (easter + timedelta(days=1), "2. påskedag"),
        (date(year, 5, 1), "1. mai"),
        (date(year, 5, 17), "17. mai"),
        (easter + timedelta(days=39), "Kristi himmelfartsdag"),
        (easter + timedelta(days=49), "1. pinsedag"),
        (easter + timedelta(days=50), "2. pinsedag"),
        (date(year, 12, 25), "1. juledag"),
        (date(year, 12, 26), "2. juledag"),
    ]
    # Movable and fixed holidays can fall on the same day (17. mai is 2. pinsedag in 2027);
    # keep both names rather than silently losing one.
    merged: dict[date, str] = {}
    for day, name in listed:
        merged[day] = f"{merged[day]} / {name}" if day in merged else name
    return tuple(sorted(merged.items()))


@lru_cache(maxsize=64)
def _holiday_dates(year: int) -> frozenset[date]:
    return frozenset(day for day, _ in _holidays(year))


def norwegian_public_holidays(year: int) -> dict[date, str]:
    """The year's public holidays with their Bokmål names, in date order.

    A fresh dict each call, so a caller that edits it cannot corrupt the cache.
    """
    return dict(_holidays(year))


def is_working_day(d: date) -> bool:
    """Saturdays, Sundays and public holidays are the days Art. 3(4) lets a deadline skip."""
    return d.weekday() < _SATURDAY and d not in _holiday_dates(d.year)


def next_working_day(d: date) -> date:
    """The first working day on or after ``d``; the longest run (Easter) is five days."""
    while not is_working_day(d):
        d += timedelta(days=1)
    return d
