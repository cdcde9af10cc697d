"""Norwegian public holidays: the calendar a rolled-forward deadline depends on."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.domain.holidays import (
    easter_sunday,
    is_working_day,
    next_working_day,
    norwegian_public_holidays,
)

KNOWN_EASTERS = [
    date(2019, 4, 21),
    date(2024, 3, 31),
    date(2025, 4, 20),
    date(2026, 4, 5),
    date(2027, 3, 28),
    date(2028, 4, 16),
    date(2029, 4, 1),
    date(2030, 4, 21),
    date(2038, 4, 25),  # latest possible date
    date(2285, 3, 22),  # earliest possible date
    date(2000, 4, 23),
]


@pytest.mark.parametrize("easter", KNOWN_EASTERS, ids=lambda d: str(d.year))
def test_easter_sunday_known_years(easter: date) -> None:
    assert easter_sunday(easter.year) == easter


@given(st.integers(min_value=1583, max_value=9999))
def test_easter_is_a_sunday_between_22_march_and_25_april(year: int) -> None:
    easter = easter_sunday(year)
    assert easter.weekday() == 6
    assert date(year, 3, 22) <= easter <= date(year, 4, 25)


def test_holidays_2026_have_bokmal_names() -> None:
    assert norwegian_public_holidays(2026) == {
        date(2026, 1, 1): "1. nyttårsdag",
        date(2026, 4, 2): "skjærtorsdag",
        date(2026, 4, 3): "langfredag",
        date(2026, 4, 5): "1. påskedag",
        date(2026, 4, 6): "2. påskedag",
        date(2026, 5, 1): "1. mai",
        date(2026, 5, 14): "Kristi himmelfartsdag",
        date(2026, 5, 17): "17. mai",
        date(2026, 5, 24): "1. pinsedag",
        date(2026, 5, 25): "2. pinsedag",
        date(2026, 12, 25): "1. juledag",
        date(2026, 12, 26): "2. juledag",
    }


def test_holidays_are_in_date_order() -> None:
    days = list(norwegian_public_holidays(2026))
    assert days == sorted(days)


def test_coinciding_holidays_keep_both_names() -> None:
    # Whit Monday 2027 falls on Constitution Day.
    holidays = norwegian_public_holidays(2027)
    assert holidays[date(2027, 5, 17)] == "17. mai / 2. pinsedag"
    assert len(holidays) == 11


def test_returned_dict_is_a_copy() -> None:
    norwegian_public_holidays(2026).clear()
    assert date(2026, 12, 25) in norwegian_public_holidays(2026)
    assert not is_working_day(date(2026, 12, 25))


def test_christmas_eve_and_new_years_eve_are_working_days() -> None:
    assert is_working_day(date(2026, 12, 24))  # Thursday
    assert is_working_day(date(2026, 12, 31))  # Thursday


@pytest.mark.parametrize(
    ("day", "working"),
    [
        (date(2026, 4, 1), True),  # Wednesday before Easter
        (date(2026, 4, 2), False),  # skjærtorsdag
        (date(2026, 4, 3), False),  # langfredag
        (date(2026, 4, 4), False),  # Saturday
        (date(2026, 4, 5), False),  # 1. påskedag
        (date(2026, 4, 6), False),  # 2. påskedag
        (date(2026, 4, 7), True),
        (date(2028, 5, 17), False),  # Wednesday, 17. mai
        (date(2026, 5, 14), False),  # Kristi himmelfartsdag
        (date(2026, 5, 25), False),  # 2. pinsedag
        (date(2026, 3, 2), True),  # Monday
        (date(2026, 2, 28), False),  # Saturday
        (date(2026, 3, 1), False),  # Sunday
    ],
)
def test_is_working_day(day: date, working: bool) -> None:
    assert is_working_day(day) is working


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2026, 4, 2), date(2026, 4, 7)),  # Easter: five days off in a row
        (date(2026, 12, 25), date(2026, 12, 28)),  # Christmas on Friday, then a weekend
        (date(2026, 2, 28), date(2026, 3, 2)),  # weekend
        (date(2027, 5, 16), date(2027, 5, 18)),  # Whit Sunday, then 17. mai / Whit Monday
        (date(2026, 12, 31), date(2026, 12, 31)),  # already a working day
        (date(2027, 1, 1), date(2027, 1, 4)),  # New Year's Day on Friday
    ],
)
def test_next_working_day(day: date, expected: date) -> None:
    assert next_working_day(day) == expected


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2200, 12, 1)))
def test_next_working_day_is_the_first_working_day_on_or_after(d: date) -> None:
    result = next_working_day(d)
    assert result >= d
    assert is_working_day(result)
    day = d
    while day < result:
        assert not is_working_day(day)
        day += timedelta(days=1)
