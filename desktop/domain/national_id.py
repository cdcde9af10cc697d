"""Norwegian and Swedish national identity numbers (docs/rules.md#r-national-id, #r-nid-display).

python-stdnum supplies the control-digit arithmetic, but its validators reject numbers the desk must
accept: Tenor synthetic numbers (month + 80), the control digits Skatteetaten issues from 2032, and
Swedish samordningsnummer. So this module does the validation itself and reports *which* rule a
number breaks, in English and Bokmål, because an agent reading "invalid" cannot tell a typo from a
D-number.

``NationalId.number`` is deliberately left out of ``repr``: an identity number must never reach a
log or a traceback in full (docs/rules.md#r-access-log). Display it through :func:`mask`; :func:`format_full` is
for the logged "show in full" action only.
"""

from __future__ import annotations

import random
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

from stdnum import luhn
from stdnum.no import fodselsnummer as stdnum_fnr

__all__ = [
    "Country",
    "InvalidNationalId",
    "Kind",
    "NationalId",
    "Rule",
    "format_full",
    "looks_like_national_id",
    "mask",
    "parse_national_id",
    "parse_no",
    "parse_se",
    "synthetic_no",
    "synthetic_se",
]

Country = Literal["NO", "SE"]
Kind = Literal[
    "fodselsnummer",
    "d_number",
    "h_number",
    "synthetic",
    "personnummer",
    "samordningsnummer",
    "test",
]
Rule = Literal["length", "characters", "date", "control_digit", "century", "birth_number"]

# From 1 January 2032 the first control digit k1 may be any of four values. Skatteetaten,
# "Nytt fødselsnummer fra 2032" (https://skatteetaten.github.io/folkeregisteret-api-dokumentasjon/
# nytt-fodselsnummer-fra-2032/): "k1 = {11,12,13,14} - (weighted sum MOD 11)"; "rest etter
# moduluskontrollen [tillater] 0, 1, 2 og 3"; a k1 of 10 is still rejected; k2 is unchanged.
# Equivalently k1 = (old k1 + r) mod 11 for r in 0..3, which is what _k1_remainder() tests.
# The same page says the individual number no longer encodes the century for numbers issued
# from 2032 (also to people born before 2032), so the birth date read from such a number is
# an estimate: the register holds the real one.
_NEW_SERIES_FROM = date(2032, 1, 1)
_K1_REMAINDERS = range(4)
#: The oldest series: individual numbers 500-749 were given to people born 1854-1899.
_OLDEST_BIRTH_YEAR = 1854

_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2212\ufe63\uff0d"
_DASH_TABLE = str.maketrans(dict.fromkeys(_DASHES, "-"))
_SEPARATORS = re.compile(r"[\s.\-]")


class InvalidNationalId(ValueError):
    """A number that breaks one named rule, so the UI can say what to check."""

    rule: Rule
    message: str
    message_nb: str

    def __init__(self, rule: Rule, message: str, message_nb: str) -> None:
        super().__init__(message)
        self.rule = rule
        self.message = message
        self.message_nb = message_nb


@dataclass(frozen=True)
class NationalId:
    """A validated identity number.

    ``number`` is canonical digits: 11 for Norway (D/H/synthetic offsets kept), 12 with the
    century for Sweden (samordningsnummer day + 60 kept), so equal people compare equal however
    the number was typed.
    """

    country: Country
    number: str = field(repr=False)
    kind: Kind
    birth_date: date


# --- shared helpers ------------------------------------------------------------------------------


def _nb(d: date) -> str:
    return d.strftime("%d.%m.%Y")


def _clean(text: str) -> str:
    """Fold look-alike characters (fullwidth digits, en dashes, NBSP) into their ASCII forms."""
    return unicodedata.normalize("NFKC", text).translate(_DASH_TABLE).strip()


def _check_characters(cleaned: str, allowed_extra: str) -> None:
    plus_en, plus_nb = (" and '+'", " og «+»") if "+" in allowed_extra else ("", "")
    for ch in cleaned:
        if ch in "0123456789" or ch in allowed_extra or ch.isspace():
            continue
        raise InvalidNationalId(
            "characters",
            f"only digits, spaces, dots, hyphens{plus_en} are allowed (found {ch!r})",
            f"bare sifre, mellomrom, punktum, bindestrek{plus_nb} er tillatt (fant «{ch}»)",
        )


def _length_error(found: int, expected: str, expected_nb: str) -> InvalidNationalId:
    return InvalidNationalId(
        "length",
        f"{expected} expected, found {found} digits",
        f"forventet {expected_nb}, fant {found} sifre",
    )


def _control_digit_error() -> InvalidNationalId:
    return InvalidNationalId("control_digit", "control digit does not match", "kontrollsifferet stemmer ikke")


def _impossible_day_month(day: int, month: int) -> InvalidNationalId:
    return InvalidNationalId(
        "date",
        f"{day:02d}.{month:02d} is not a date",
        f"datoen finnes ikke ({day:02d}.{month:02d})",
    )


def _make_date(year: int, month: int, day: int) -> date:
    """The birth date, or the "date" rule when it does not exist in that year (29.02.1900)."""
    try:
        return date(year, month, day)
    except ValueError:
        pass
    try:
        date(2000, month, day)  # 2000 is a leap year: anything valid in some year is valid here
    except ValueError:
        raise _impossible_day_month(day, month) from None
    raise InvalidNationalId(
        "date",
        f"{day:02d}.{month:02d}.{year} is not a date ({year} is not a leap year)",
        f"datoen finnes ikke ({day:02d}.{month:02d}.{year}; {year} er ikke et skuddår)",
    )


def _not_in_future(born: date, today: date) -> date:
    if born > today:
        raise InvalidNationalId(
            "date",
            f"birth date {_nb(born)} is in the future",
            f"fødselsdatoen {_nb(born)} er fram i tid",
        )
    return born


def _latest_year(yy: int, month: int, day: int, today: date) -> int:
    """Latest year ending in ``yy`` whose (month, day) is not after ``today``."""
    year = today.year - (today.year - yy) % 100
    if (month, day) > (today.month, today.day) and year == today.year:
        year -= 100
    return year


# --- Norway ----------------------------------------------------------------------------------------


def _k1_remainder(digits: str) -> int | None:
    """How far k1 is above the pre-2032 value (0 = classic number, 1-3 = 2032 series), or None."""
    computed = int(stdnum_fnr.calc_check_digit1(digits))  # 0..10, where 10 was never valid
    k1 = int(digits[9])
    for r in _K1_REMAINDERS:
        if (computed + r) % 11 == k1:
            return r
    return None


def _century_from_individual(individual: int, yy: int) -> int | None:
    """Skatteetaten's allocation table for numbers issued before 2032; None where never issued."""
    if individual <= 499:
        return 1900
    if individual <= 749 and yy >= 54:
        return 1800
    if yy <= 39:
        return 2000
    if individual >= 900:
        return 1900
    return None


def _latest_real_date(yy: int, month: int, day: int, today: date) -> date | None:
    """The latest date ending in year ``yy`` that exists and is not after ``today``, or None.

    What a number says once its individual digits no longer tell the century: the person was born
    in one of the years ending in ``yy`` since 1854 (the oldest series), not in the future.
    """
    year = today.year - (today.year - yy) % 100
    while year >= _OLDEST_BIRTH_YEAR:
        try:
            born = date(year, month, day)
        except ValueError:
            born = None
        if born is not None and born <= today:
            return born
        year -= 100
    return None


def _no_birth_date(digits: str, remainder: int, month: int, day: int, *, free: bool, today: date) -> date:
    """The birth date a valid number implies, or the rule it breaks.

    Before 2032 (``free`` False, not a Tenor number) the individual number tells the century by
    Skatteetaten's table, and a combination the table never issued is refused. From 2032 a number may
    have been issued under the new rules, to a person born in any year, so the table is only the
    first guess: where it is silent, gives a date that does not exist, or one in the future, the
    number is valid if its date exists in some earlier century, and the latest such date is taken.
    Tenor test numbers are never bound by the table (Skatteetaten's test file lists 41819077302).
    """
    yy = int(digits[4:6])
    century = _century_from_individual(int(digits[6:9]), yy) if remainder == 0 else None
    if century is not None:
        try:
            born = _make_date(century + yy, month, day)
        except InvalidNationalId:
            if not free:
                raise
        else:
            if born <= today or not free:
                return _not_in_future(born, today)
    elif not free:
        raise InvalidNationalId(
            "century",
            f"individual number {digits[6:9]} was never issued for birth year {yy:02d}",
            f"individnummeret {digits[6:9]} er aldri tildelt for fødselsår {yy:02d}",
        )
    latest = _latest_real_date(yy, month, day, today)
    if latest is None:
        # Only a 29 February in no leap year gets here: name the year the reader would expect.
        _make_date(today.year - (today.year - yy) % 100, month, day)
        raise _impossible_day_month(day, month)
    return latest


def parse_no(text: str, today: date) -> NationalId:
    """Validate a fødselsnummer, D-, H- or Tenor synthetic number as of ``today``.

    Rules are checked in the order characters, length, control digits, date, century: a wrong
    control digit is almost always a typo, so it is named before anything the typo may have
    garbled. ``today`` decides whether the 2032 series exists yet (the four-valued first control
    digit, and individual numbers that no longer tell the century) and bounds birth dates, so a
    replay of any day gives that day's answer. See docs/rules.md#r-national-id.
    """
    cleaned = _clean(text)
    _check_characters(cleaned, ".-")
    digits = _SEPARATORS.sub("", cleaned)
    if len(digits) != 11:
        raise _length_error(len(digits), "11 digits (DDMMYY NNNNN)", "11 sifre (DDMMÅÅ NNNNN)")

    remainder = _k1_remainder(digits)
    if remainder is None or digits[10] != stdnum_fnr.calc_check_digit2(digits):
        raise _control_digit_error()

    day, month = int(digits[0:2]), int(digits[2:4])
    kind: Kind = "fodselsnummer"
    d_number = 41 <= day <= 71
    if d_number:
        day -= 40
        kind = "d_number"
    if 81 <= month <= 92:
        month -= 80
        kind = "synthetic"
    elif 41 <= month <= 52:
        if d_number:
            raise InvalidNationalId(
                "date",
                "a number cannot be both a D-number (day + 40) and an H-number (month + 40)",
                "et nummer kan ikke være både D-nummer (dag + 40) og H-nummer (måned + 40)",
            )
        month -= 40
        kind = "h_number"
    if not (1 <= month <= 12 and 1 <= day <= 31):
        raise _impossible_day_month(day, month)

    # Tenor already issues test numbers of the 2032 kind; real ones exist from 1 January 2032.
    free = today >= _NEW_SERIES_FROM or kind == "synthetic"
    if remainder and not free:
        raise InvalidNationalId(
            "control_digit",
            "control digit does not match (the other first control digits are issued from 01.01.2032)",
            "kontrollsifferet stemmer ikke (de andre første kontrollsifrene tildeles fra 01.01.2032)",
        )
    born = _no_birth_date(digits, remainder, month, day, free=free, today=today)
    return NationalId("NO", digits, kind, born)


# --- Sweden ----------------------------------------------------------------------------------------

# Skatteverket: "Födelsenumret (tre siffror) är något av talen 001 till 999" (Rättslig vägledning,
# "Personnumrets olika delar", https://www4.skatteverket.se/rattsligvagledning/edition/2020.9/
# 330245.html). 000 is therefore never a real person, which is what synthetic_se() relies on.
# Skatteverket has no reserved *range* for tests: its test personnummer are a published list of
# individual numbers (dataset "Testpersonnummer", https://www.dataportal.se/sv/datasets/6_67959),
# spread over ordinary series, and the 9xx series was historically given to immigrants.
_NEVER_ISSUED_BIRTH_NUMBER = "000"
_SE_CENTURIES = (18, 19, 20)  # same Rättslig vägledning page: "kan vara 18, 19 eller 20"


def parse_se(text: str, today: date, *, test_numbers: bool = False) -> NationalId:
    """Validate a personnummer or samordningsnummer in any usual form, as of ``today``.

    Ten-digit forms take their century from ``today``: '-' (or nothing) means under 100 this
    year, '+' means 100 or older (folkbokföringslagen 18 §: the sign changes at the start of the
    year of the 100th birthday). A '-' number whose date is later this year would make the person
    born in the future; only then is it read as the century before, since a birth in the future is
    impossible and the slip is common. Birth number 000 is never issued (Skatteverket: 001-999):
    it is refused, except as the desk's own test numbers (:func:`synthetic_se`) where
    ``test_numbers`` allows them (a demo database). Rules are checked in the order characters,
    length, control digit, date, century, birth number. See docs/rules.md#r-national-id.
    """
    cleaned = _clean(text)
    _check_characters(cleaned, ".-+")
    compact = re.sub(r"[\s.]", "", cleaned)
    plus = "+" in compact
    if plus and not re.fullmatch(r"\d+\+\d{4}", compact.replace("-", "")):
        raise InvalidNationalId(
            "characters",
            "'+' may only stand before the last four digits",
            "«+» kan bare stå foran de fire siste sifrene",
        )
    digits = compact.replace("-", "").replace("+", "")
    if len(digits) not in (10, 12):
        raise _length_error(
            len(digits), "10 or 12 digits (YYMMDD-NNNN or YYYYMMDD-NNNN)", "10 eller 12 sifre"
        )

    short = digits[-10:]
    if luhn.checksum(short) != 0:
        raise _control_digit_error()

    yy, month, coded_day = int(short[0:2]), int(short[2:4]), int(short[4:6])
    day = coded_day - 60 if coded_day > 60 else coded_day
    if not (1 <= month <= 12 and 1 <= day <= 31):
        raise _impossible_day_month(day, month)

    if len(digits) == 12:
        century = int(digits[0:2])
        if century not in _SE_CENTURIES:
            raise InvalidNationalId(
                "century",
                f"century {century} is not possible (18, 19 or 20)",
                f"århundret {century} er ikke mulig (18, 19 eller 20)",
            )
        born = _not_in_future(_make_date(century * 100 + yy, month, day), today)
        if plus and today.year - born.year < 100:
            raise InvalidNationalId(
                "century",
                f"'+' means 100 years or older, but {_nb(born)} is younger",
                f"«+» betyr 100 år eller eldre, men {_nb(born)} er yngre",
            )
    else:
        if plus:
            latest = today.year - 100
            year = latest - (latest - yy) % 100
        else:
            year = _latest_year(yy, month, day, today)
        born = _not_in_future(_make_date(year, month, day), today)

    kind: Kind
    if short[6:9] == _NEVER_ISSUED_BIRTH_NUMBER:
        if not test_numbers:
            raise InvalidNationalId(
                "birth_number",
                "birth number 000 is never issued (001-999), so no person holds this number",
                "fødselsnummer 000 (de tre sifrene etter datoen) blir aldri tildelt (001–999), "
                "så ingen person har dette nummeret",
            )
        kind = "test"
    elif coded_day > 60:
        kind = "samordningsnummer"
    else:
        kind = "personnummer"
    return NationalId("SE", f"{born.year:04d}{short[2:]}", kind, born)


# --- either country ------------------------------------------------------------------------------


def parse_national_id(text: str, today: date, *, test_numbers: bool = False) -> NationalId:
    """Parse a number whose country is told by its shape: 11 digits Norway, 10/12 or '+' Sweden.

    ``today`` comes from the calling service's clock; ``test_numbers`` admits the desk's own
    Swedish test numbers (birth number 000), which only a demo database holds.
    """
    cleaned = _clean(text)
    _check_characters(cleaned, ".-+")
    digit_count = sum(ch in "0123456789" for ch in cleaned)
    if "+" in cleaned or digit_count in (10, 12):
        return parse_se(cleaned, today, test_numbers=test_numbers)
    if digit_count == 11:
        return parse_no(cleaned, today)
    raise _length_error(
        digit_count,
        "11 digits (Norway) or 10/12 digits (Sweden)",
        "11 sifre (Norge) eller 10/12 sifre (Sverige)",
    )


def _plausible_date_part(digits: str) -> bool:
    if len(digits) == 11:  # DDMMYY with D (+40), H (+40) and synthetic (+80) offsets
        day, month = int(digits[0:2]), int(digits[2:4])
        return (1 <= day <= 31 or 41 <= day <= 71) and any(
            1 <= month - offset <= 12 for offset in (0, 40, 80)
        )
    short = digits[-10:]  # YYMMDD, samordningsnummer day + 60
    month, day = int(short[2:4]), int(short[4:6])
    return 1 <= month <= 12 and (1 <= day <= 31 or 61 <= day <= 91)


def looks_like_national_id(text: str) -> bool:
    """Shape only, for the search box: digits and separators, 10-12 digits, a possible day/month.

    No control digits are checked, so a half-remembered number still goes to the identity search
    (which then says what is wrong); phone numbers written with a leading '+' do not qualify.
    """
    cleaned = _clean(text)
    if not cleaned or any(not (ch in "0123456789.-+" or ch.isspace()) for ch in cleaned):
        return False
    compact = re.sub(r"[\s.\-]", "", cleaned)
    if "+" in compact and not re.fullmatch(r"\d{6}(\d{2})?\+\d{4}", compact):
        return False
    digits = compact.replace("+", "")
    if len(digits) not in (10, 11, 12):
        return False
    return _plausible_date_part(digits)


# --- display -------------------------------------------------------------------------------------


def mask(nid: NationalId) -> str:
    """The everyday display form: birth date visible, individual digits hidden (docs/rules.md#r-nid-display)."""
    if nid.country == "NO":
        return f"{nid.number[:6]} *****"
    return f"{nid.number[:8]}-****"


def format_full(nid: NationalId) -> str:
    """The full number, for the reasoned and logged "show in full" action only."""
    if nid.country == "NO":
        return f"{nid.number[:6]} {nid.number[6:]}"
    return f"{nid.number[:8]}-{nid.number[8:]}"


# --- synthetic numbers for demo data -------------------------------------------------------------


def _individual_numbers(year: int) -> list[int]:
    """Individual numbers Skatteetaten allocates to a birth year, so the century reads back right."""
    if 1854 <= year <= 1899:
        return list(range(500, 750))
    if 1900 <= year <= 1939:
        return list(range(500))
    if 1940 <= year <= 1999:
        return [*range(500), *range(900, 1000)]
    if 2000 <= year <= 2039:
        return list(range(500, 1000))
    raise ValueError(f"Norwegian numbers encode birth years 1854-2039 only, not {year}")


def synthetic_no(rng: random.Random, birth_date: date) -> str:
    """A Tenor synthetic number (month + 80): valid in form, reserved for test data, never a person.

    Classic control digits (k1 remainder 0) are used so that any Tenor-aware validator accepts it.
    """
    individuals = _individual_numbers(birth_date.year)
    prefix = f"{birth_date.day:02d}{birth_date.month + 80:02d}{birth_date.year % 100:02d}"
    while True:
        base = f"{prefix}{rng.choice(individuals):03d}"
        k1 = stdnum_fnr.calc_check_digit1(base)
        if k1 == "10":
            continue
        k2 = stdnum_fnr.calc_check_digit2(base + k1)
        if k2 == "10":
            continue
        return base + k1 + k2


def synthetic_se(rng: random.Random, birth_date: date) -> str:
    """A 12-digit Swedish number that no person can hold: birth number 000, which is never issued.

    There is exactly one such number per birth date, so demo data that needs distinct numbers must
    use distinct birth dates. ``rng`` is taken for symmetry with :func:`synthetic_no` and is not
    consumed, which keeps a caller's random sequence the same whichever country it generates.
    """
    del rng
    if birth_date.year // 100 not in _SE_CENTURIES:
        raise ValueError(f"Swedish numbers hold centuries 18-20 only, not {birth_date.year}")
    nine = f"{birth_date.year % 100:02d}{birth_date.month:02d}{birth_date.day:02d}000"
    return f"{birth_date.year // 100}{nine}{luhn.calc_check_digit(nine)}"
