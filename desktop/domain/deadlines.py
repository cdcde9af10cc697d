"""Answer deadlines for data-subject requests (GDPR Art. 12(3)-(4)).

Months are counted as Regulation 1182/71 Art. 3 counts them: the period ends on the same day
number in the target month, or on that month's last day when it is shorter. Rolling a due date off
a weekend or Norwegian public holidays (Art. 3(4)) is a setting that defaults to off, so every
function takes ``roll_forward`` and leaves it False unless the caller passes the setting in.
"""

from __future__ import annotations

import calendar
from datetime import date
from enum import StrEnum

from desktop.domain.holidays import next_working_day

__all__ = [
    "DUE_SOON_DAYS",
    "GDPR_APPLIES",
    "DeadlineState",
    "ExtensionRefused",
    "ReceivedInFuture",
    "ReceivedTooEarly",
    "add_months",
    "check_extension",
    "days_left",
    "deadline_state",
    "extended_due",
    "response_due",
    "validate_received",
]

DUE_SOON_DAYS = 7
"""A request this many days (or fewer) from its due date is flagged, so it is not missed."""

_RESPONSE_MONTHS = 1
_EXTENSION_MONTHS = 2
_EXTENSION_CAP_MONTHS = 3


def _nb(d: date) -> str:
    """Norwegian readers expect 31.01.2026, not ISO, in messages meant for them."""
    return d.strftime("%d.%m.%Y")


def add_months(d: date, months: int) -> date:
    """Same day number ``months`` later (or earlier), clamped to a shorter month's last day.

    Clamping is what Regulation 1182/71 Art. 3(2)(c) prescribes; plain arithmetic on day
    numbers would produce 31 February.
    """
    year, month_index = divmod(d.year * 12 + (d.month - 1) + months, 12)
    month = month_index + 1
    last_day = calendar.monthrange(year, month)[1]
    return date(year, month, min(d.day, last_day))


def _roll(d: date, roll_forward: bool) -> date:
    return next_working_day(d) if roll_forward else d


def response_due(received: date, *, roll_forward: bool = False) -> date:
    """The last day to answer: one month after receipt (Art. 12(3))."""
    return _roll(add_months(received, _RESPONSE_MONTHS), roll_forward)


def extended_due(received: date, *, roll_forward: bool = False) -> date:
    """The last day once extended: two further months, but never past receipt + 3 months.

    Both candidates are computed from the un-rolled first due date, so switching the
    roll-forward setting on can only move the final day, never stretch the extension itself.
    A month-end receipt shows why the cap matters: 2026-01-31 gives 2026-02-28 + 2 months =
    2026-04-28, earlier than 2026-04-30.
    """
    first_due = add_months(received, _RESPONSE_MONTHS)
    extended = min(
        add_months(first_due, _EXTENSION_MONTHS),
        add_months(received, _EXTENSION_CAP_MONTHS),
    )
    return _roll(extended, roll_forward)


class ExtensionRefused(ValueError):
    """An extension the law does not allow; the UI shows ``message_nb`` to Norwegian staff.

    ``code`` is one of "reason_missing", "received_in_future", "too_late", so callers can react
    without parsing the message.
    """

    def __init__(self, message: str, *, message_nb: str, code: str) -> None:
        super().__init__(message)
        self.message = message
        self.message_nb = message_nb
        self.code = code


class ReceivedInFuture(ValueError):
    """A received date after today would start the clock late; refuse it at entry."""

    def __init__(self, message: str, *, message_nb: str) -> None:
        super().__init__(message)
        self.message = message
        self.message_nb = message_nb


class ReceivedTooEarly(ReceivedInFuture):
    """A received date before the shop (or the GDPR) existed: a typo such as 2102 for 2021 or 0024.

    A subclass, so every place that refuses a future date refuses this one the same way.
    """


#: The GDPR applied from this day; no request under it can have arrived earlier.
GDPR_APPLIES = date(2018, 5, 25)


def validate_received(received: date, today: date, *, earliest: date = GDPR_APPLIES) -> None:
    """Reject a received date in the future, the typo that would hide a request's real age, or one
    before `earliest` (the day the shop began trading, or the GDPR applied)."""
    if received < earliest:
        raise ReceivedTooEarly(
            f"The received date {received.isoformat()} is before {earliest.isoformat()}, when the shop was "
            "trading under the GDPR: check the year.",
            message_nb=f"Mottatt-datoen {_nb(received)} er før {_nb(earliest)}, da butikken var i drift under "
                       "personvernforordningen: sjekk årstallet.",
        )
    if received > today:
        raise ReceivedInFuture(
            f"The received date {received.isoformat()} is in the future (today is {today.isoformat()}).",
            message_nb=(f"Mottatt-datoen {_nb(received)} ligger i fremtiden (i dag er {_nb(today)})."),
        )


def check_extension(received: date, on: date, reason: str, *, roll_forward: bool = False) -> date:
    """Allow an extension only as Art. 12(3) does, and return the new due date.

    The reasons must be given to the person inside the first month, so a blank reason or an
    extension recorded after the first due date is refused rather than silently accepted.
    ``roll_forward`` must match the setting used for the first due date, since it decides
    when the first month ends.
    """
    if not reason.strip():
        raise ExtensionRefused(
            "Extension refused: the reasons for the extension are missing. They must be "
            "given to the person within the first month (GDPR Art. 12(3)).",
            message_nb=(
                "Forlengelse avvist: begrunnelsen for forlengelsen mangler. Den må gis til "
                "den registrerte innen den første måneden (personvernforordningen art. 12 nr. 3)."
            ),
            code="reason_missing",
        )
    if received > on:
        raise ExtensionRefused(
            f"Extension refused: the received date {received.isoformat()} is after the "
            f"extension date {on.isoformat()}; correct the received date first.",
            message_nb=(
                f"Forlengelse avvist: mottatt-datoen {_nb(received)} er etter datoen for "
                f"forlengelsen {_nb(on)}; rett mottatt-datoen først."
            ),
            code="received_in_future",
        )
    first_due = response_due(received, roll_forward=roll_forward)
    if on > first_due:
        raise ExtensionRefused(
            f"Extension refused: the first month ended on {first_due.isoformat()} and the "
            f"extension was recorded on {on.isoformat()}. An extension must be given, with "
            "reasons, within the first month (GDPR Art. 12(3)); the request is overdue.",
            message_nb=(
                f"Forlengelse avvist: den første måneden gikk ut {_nb(first_due)}, og "
                f"forlengelsen ble registrert {_nb(on)}. En forlengelse må gis, med "
                "begrunnelse, innen den første måneden (personvernforordningen art. 12 nr. 3); "
                "fristen er overskredet."
            ),
            code="too_late",
        )
    return extended_due(received, roll_forward=roll_forward)


def days_left(due: date, today: date) -> int:
    """Whole days until ``due``: 0 on the due day itself, negative once it has passed."""
    return (due - today).days


class DeadlineState(StrEnum):
    """How urgent a request is, for colouring and sorting the work list."""

    OK = "ok"
    DUE_SOON = "due_soon"
    OVERDUE = "overdue"


def deadline_state(due: date, today: date, *, soon_days: int = DUE_SOON_DAYS) -> DeadlineState:
    """The due day itself is still in time (due soon); overdue starts the day after."""
    left = days_left(due, today)
    if left < 0:
        return DeadlineState.OVERDUE
    if left <= soon_days:
        return DeadlineState.DUE_SOON
    return DeadlineState.OK
