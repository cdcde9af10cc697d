"""Checks on what a script passes the CLI, so odd input gets one line and exit code 1 or 2, never a traceback.

- Arguments that are not valid UTF-8 (POSIX hands them to Python as lone surrogates, which no
  database driver can store) are refused before anything runs.
- Ids are whole numbers the database can hold: the tables use 32-bit integer keys on PostgreSQL.
  Digits of other scripts (Arabic-Indic, full-width ...) are read as the numbers they are, the
  way Python reads them; anything else is refused with the argument's name.
- Counts given to options have a ceiling, so a typo cannot start a job that never ends.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence

from desktop.errors import DeskError

__all__ = ["MAX_DB_ID", "bounded_int", "first_undecodable", "parse_id"]

#: The largest key a PostgreSQL `integer` column holds (SQLite holds more, but the desk runs on both).
MAX_DB_ID = 2**31 - 1


def first_undecodable(argv: Sequence[str]) -> int | None:
    """The 1-based position of the first argument that was not valid UTF-8, or None."""
    for i, arg in enumerate(argv, start=1):
        try:
            arg.encode("utf-8")
        except UnicodeEncodeError:
            return i
    return None


def parse_id(text: str, what: str, what_nb: str) -> int:
    """A database id from the command line: 1 to MAX_DB_ID, in any script's decimal digits."""
    value = text.strip()
    if not value.isdecimal() or len(value) > 30:
        raise DeskError(f"'{value}' is not {what} (a whole number).", f"'{value}' er ikke {what_nb} (et heltall).")
    number = int(value)
    if not 1 <= number <= MAX_DB_ID:
        raise DeskError(f"{what.capitalize()} {number} does not exist: ids run from 1 to {MAX_DB_ID}.",
                        f"{what_nb.capitalize()} {number} finnes ikke: id-er går fra 1 til {MAX_DB_ID}.")
    return number


def bounded_int(low: int, high: int) -> Callable[[str], int]:
    """An argparse type: a whole number from `low` to `high`, refused by argparse (exit 2) otherwise."""

    def parse(text: str) -> int:
        value = text.strip()
        if not value.lstrip("-").isdecimal() or len(value) > 30:
            raise argparse.ArgumentTypeError(f"'{value}' is not a whole number")
        number = int(value)
        if not low <= number <= high:
            raise argparse.ArgumentTypeError(f"{number} is outside {low}-{high:,}")
        return number

    parse.__name__ = "whole number"
    return parse
