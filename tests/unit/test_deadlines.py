"""Answer deadlines (docs/rules.md#r-deadline): one month, the extension, and the optional roll-forward."""

from __future__ import annotations

import calendar
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.domain import deadlines
from desktop.domain.deadlines import (
    DUE_SOON_DAYS,
    DeadlineState,
    ExtensionRefused,
    ReceivedInFuture,
    add_months,
    check_extension,
    days_left,
    deadline_state,
    extended_due,
    response_due,
    validate_received,
)
from desktop.domain.holidays import is_working_day

# --- add_months -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (date(2026, 1, 15), 1, date(2026, 2, 15)),
        (date(2026, 1, 31), 1, date(2026, 2, 28)),
        (date(2028, 1, 31), 1, date(2028, 2, 29)),  # leap year
        (date(2027, 1, 31), 1, date(2027, 2, 28)),
        (date(2028, 1, 30), 1, date(2028, 2, 29)),
        (date(2028, 1, 29), 1, date(2028, 2, 29)),
        (date(2026, 3, 31), 1, date(2026, 4, 30)),
        (date(2026, 5, 31), 1, date(2026, 6, 30)),
        (date(2026, 8, 31), 1, date(2026, 9, 30)),
        (date(2026, 10, 31), 1, date(2026, 11, 30)),
        (date(2026, 12, 31), 1, date(2027, 1, 31)),  # across the year
        (date(2026, 12, 15), 2, date(2027, 2, 15)),
        (date(2028, 2, 29), 12, date(2029, 2, 28)),
        (date(2026, 1, 31), 3, date(2026, 4, 30)),
        (date(2026, 3, 31), -1, date(2026, 2, 28)),  # backwards
        (date(2026, 1, 10), -1, date(2025, 12, 10)),
        (date(2026, 6, 5), 0, date(2026, 6, 5)),
        (date(2026, 3, 15), 60, date(2031, 3, 15)),
    ],
)
def test_add_months(start: date, months: int, expected: date) -> None:
    assert add_months(start, months) == expected


# --- response_due: docs/rules.md#r-deadline and every month end ---------------------------------


@pytest.mark.parametrize(
    ("received", "due"),
    [
        # docs/rules.md#r-deadline examples
        (date(2026, 1, 31), date(2026, 2, 28)),
        (date(2026, 3, 31), date(2026, 4, 30)),
        (date(2026, 11, 25), date(2026, 12, 25)),
        # leap years
        (date(2028, 1, 31), date(2028, 2, 29)),
        (date(2027, 1, 31), date(2027, 2, 28)),
        (date(2028, 1, 29), date(2028, 2, 29)),
        (date(2027, 1, 29), date(2027, 2, 28)),
        (date(2028, 2, 29), date(2028, 3, 29)),
        # 31st into 30-day months
        (date(2026, 5, 31), date(2026, 6, 30)),
        (date(2026, 8, 31), date(2026, 9, 30)),
        (date(2026, 10, 31), date(2026, 11, 30)),
        # month ends that fit
        (date(2026, 4, 30), date(2026, 5, 30)),
        (date(2026, 2, 28), date(2026, 3, 28)),
        (date(2026, 7, 31), date(2026, 8, 31)),
        (date(2026, 12, 31), date(2027, 1, 31)),
        (date(2026, 6, 30), date(2026, 7, 30)),
    ],
)
def test_response_due(received: date, due: date) -> None:
    assert response_due(received) == due


def test_importable_by_full_path_with_plain_dates() -> None:
    due = deadlines.response_due(date(2026, 1, 31))
    extended = deadlines.extended_due(date(2026, 1, 31))
    assert type(due) is date
    assert type(extended) is date
    assert (due, extended) == (date(2026, 2, 28), date(2026, 4, 28))


def test_no_roll_forward_by_default() -> None:
    # 2026-02-28 is a Saturday: the default keeps it.
    assert response_due(date(2026, 1, 31)) == date(2026, 2, 28)


# --- extended_due -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("received", "extended"),
    [
        (date(2026, 1, 31), date(2026, 4, 28)),  # docs/rules.md#r-extension: capped by due + 2 months
        (date(2026, 3, 31), date(2026, 6, 30)),
        (date(2026, 11, 25), date(2027, 2, 25)),
        (date(2026, 1, 15), date(2026, 4, 15)),
        (date(2028, 1, 31), date(2028, 4, 29)),
        (date(2026, 5, 31), date(2026, 8, 30)),  # due 06-30 + 2 months < 08-31
        (date(2026, 12, 31), date(2027, 3, 31)),
        (date(2026, 11, 30), date(2027, 2, 28)),  # receipt + 3 months clamps below due + 2
        (date(2027, 11, 30), date(2028, 2, 29)),
    ],
)
def test_extended_due(received: date, extended: date) -> None:
    assert extended_due(received) == extended


# --- roll-forward -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("received", "due"),
    [
        (date(2026, 1, 31), date(2026, 3, 2)),  # Saturday 28 Feb -> Monday
        (date(2026, 2, 1), date(2026, 3, 2)),  # Sunday 1 Mar -> Monday
        (date(2026, 3, 2), date(2026, 4, 7)),  # skjærtorsdag 2 Apr -> Tuesday after Easter
        (date(2026, 3, 3), date(2026, 4, 7)),  # langfredag
        (date(2026, 3, 5), date(2026, 4, 7)),  # 1. påskedag (Easter Sunday 2026-04-05)
        (date(2026, 3, 6), date(2026, 4, 7)),  # 2. påskedag
        (date(2026, 3, 7), date(2026, 4, 7)),  # a working day stays
        (date(2028, 4, 17), date(2028, 5, 18)),  # 17. mai on a Wednesday
        (date(2026, 4, 17), date(2026, 5, 18)),  # 17. mai on a Sunday
        (date(2027, 4, 17), date(2027, 5, 18)),  # 17. mai is also 2. pinsedag
        (date(2026, 11, 25), date(2026, 12, 28)),  # 1. juledag Friday, 2. juledag Saturday
        (date(2026, 11, 26), date(2026, 12, 28)),
        (date(2026, 11, 24), date(2026, 12, 24)),  # Christmas Eve is a working day
        (date(2026, 12, 1), date(2027, 1, 4)),  # 1. nyttårsdag on a Friday
        (date(2026, 4, 14), date(2026, 5, 15)),  # Kristi himmelfartsdag 14 May
    ],
)
def test_response_due_rolled_forward(received: date, due: date) -> None:
    assert response_due(received, roll_forward=True) == due


def test_extended_due_rolled_forward() -> None:
    # 2026-01-31 extends to Tuesday 2026-04-28: nothing to roll.
    assert extended_due(date(2026, 1, 31), roll_forward=True) == date(2026, 4, 28)
    # Received 2026-01-02 extends to 2026-04-02, skjærtorsdag: rolled past Easter.
    assert extended_due(date(2026, 1, 2)) == date(2026, 4, 2)
    assert extended_due(date(2026, 1, 2), roll_forward=True) == date(2026, 4, 7)
    # 2026-09-25 extends to 1. juledag.
    assert extended_due(date(2026, 9, 25), roll_forward=True) == date(2026, 12, 28)


def test_roll_forward_does_not_stretch_the_extension() -> None:
    # First due date Saturday 2026-02-28 rolls to 2026-03-02, but the extension still counts
    # from the statutory date.
    assert extended_due(date(2026, 1, 31), roll_forward=True) == date(2026, 4, 28)


# --- check_extension --------------------------------------------------------------------------


def test_extension_granted_inside_first_month() -> None:
    assert check_extension(date(2026, 1, 31), date(2026, 2, 10), "Many requests") == date(2026, 4, 28)


def test_extension_on_the_last_day_of_the_first_month_is_allowed() -> None:
    assert check_extension(date(2026, 1, 31), date(2026, 2, 28), "Complex") == date(2026, 4, 28)


def test_extension_on_the_day_of_receipt_is_allowed() -> None:
    assert check_extension(date(2026, 3, 31), date(2026, 3, 31), "Complex") == date(2026, 6, 30)


def test_extension_after_first_month_is_refused() -> None:
    with pytest.raises(ExtensionRefused, match="2026-02-28") as info:
        check_extension(date(2026, 1, 31), date(2026, 3, 1), "Complex request")
    assert info.value.code == "too_late"
    assert "within the first month" in str(info.value)
    assert "28.02.2026" in info.value.message_nb
    assert "første måneden" in info.value.message_nb


def test_roll_forward_setting_extends_the_first_month_for_extensions() -> None:
    # With roll-forward the first month ends Monday 2026-03-02 instead of Saturday 02-28.
    assert check_extension(date(2026, 1, 31), date(2026, 3, 2), "Complex", roll_forward=True) == date(
        2026, 4, 28
    )
    with pytest.raises(ExtensionRefused):
        check_extension(date(2026, 1, 31), date(2026, 3, 2), "Complex")


@pytest.mark.parametrize("reason", ["", "   ", "\t\n"])
def test_extension_without_reason_is_refused(reason: str) -> None:
    with pytest.raises(ExtensionRefused, match="reasons") as info:
        check_extension(date(2026, 1, 31), date(2026, 2, 1), reason)
    assert info.value.code == "reason_missing"
    assert "begrunnelse" in info.value.message_nb


def test_extension_with_received_after_extension_date_is_refused() -> None:
    with pytest.raises(ExtensionRefused, match="received date") as info:
        check_extension(date(2026, 2, 10), date(2026, 2, 9), "Complex")
    assert info.value.code == "received_in_future"
    assert "10.02.2026" in info.value.message_nb


def test_extension_refused_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="first month"):
        check_extension(date(2026, 1, 31), date(2026, 5, 1), "Complex")


# --- received date ----------------------------------------------------------------------------


def test_received_today_or_earlier_is_fine() -> None:
    validate_received(date(2026, 4, 30), date(2026, 4, 30))
    validate_received(date(2025, 4, 30), date(2026, 4, 30))


def test_received_in_the_future_is_refused() -> None:
    with pytest.raises(ValueError, match=r"received date 2026-05-01 is in the future") as info:
        validate_received(date(2026, 5, 1), date(2026, 4, 30))
    assert isinstance(info.value, ReceivedInFuture)
    assert "01.05.2026" in info.value.message_nb
    assert "fremtiden" in info.value.message_nb


# --- days left and state ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("due", "today", "left", "state"),
    [
        (date(2026, 2, 28), date(2026, 2, 1), 27, DeadlineState.OK),
        (date(2026, 2, 28), date(2026, 2, 20), 8, DeadlineState.OK),
        (date(2026, 2, 28), date(2026, 2, 21), 7, DeadlineState.DUE_SOON),
        (date(2026, 2, 28), date(2026, 2, 28), 0, DeadlineState.DUE_SOON),
        (date(2026, 2, 28), date(2026, 3, 1), -1, DeadlineState.OVERDUE),
        (date(2026, 2, 28), date(2026, 4, 1), -32, DeadlineState.OVERDUE),
    ],
)
def test_days_left_and_state(due: date, today: date, left: int, state: DeadlineState) -> None:
    assert days_left(due, today) == left
    assert deadline_state(due, today) is state


def test_deadline_state_values_are_strings() -> None:
    assert DUE_SOON_DAYS == 7
    assert [s.value for s in DeadlineState] == ["ok", "due_soon", "overdue"]
    assert deadline_state(date(2026, 3, 1), date(2026, 3, 1)) == "due_soon"


def test_due_soon_window_is_adjustable() -> None:
    assert deadline_state(date(2026, 3, 10), date(2026, 3, 1), soon_days=14) is (DeadlineState.DUE_SOON)


# --- properties -------------------------------------------------------------------------------

_dates = st.dates(min_value=date(1900, 1, 1), max_value=date(2200, 12, 31))


@given(_dates, st.booleans())
def test_response_and_extended_due_ordering(received: date, roll: bool) -> None:
    due = response_due(received, roll_forward=roll)
    extended = extended_due(received, roll_forward=roll)
    assert due > received
    assert due <= extended
    cap = add_months(received, 3)
    if roll:
        assert is_working_day(due)
        assert is_working_day(extended)
        assert extended >= response_due(received)
    else:
        assert response_due(received) < extended <= cap


@given(_dates)
def test_response_due_is_one_month_by_day_number(received: date) -> None:
    due = response_due(received)
    assert (due.year * 12 + due.month) - (received.year * 12 + received.month) == 1
    assert due.day == min(received.day, calendar.monthrange(due.year, due.month)[1])


@given(_dates)
def test_extension_granted_on_any_day_of_the_first_month(received: date) -> None:
    on = response_due(received)
    assert check_extension(received, on, "Complex") == extended_due(received)
