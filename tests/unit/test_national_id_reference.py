"""Identity numbers against references nobody here wrote, and a replay of the years around 2032.

* python-stdnum (Norway and Sweden) and the `personnummer` package (Sweden) judge hundreds of
  thousands of generated numbers with the desk; every disagreement must fall under one of the
  deliberate differences listed in ``NO_EXPLAINED`` / ``SE_EXPLAINED`` (each says why the desk
  is right), and each listed difference must actually occur, so the list cannot go stale.
* A replay issues numbers as Skatteetaten does (the 1964 rules before 2032, the new rules from
  1 January 2032, to people born in any year) and checks the desk, as of each day from 2031 to
  2040, accepts every number issued by then and refuses the ones that cannot exist yet.

The references read today's date from the system clock; the tests pin it to the replayed day.
The counts are printed (``pytest -s``) for the record. See docs/rules.md#r-national-id.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Iterator
from datetime import date, timedelta
from types import SimpleNamespace

import personnummer.personnummer as pnr_mod
import pytest
from stdnum.no import fodselsnummer as stdnum_fnr
from stdnum.se import personnummer as stdnum_pnr

from desktop.domain.national_id import InvalidNationalId, NationalId, parse_no, parse_se

#: Numbers per reference run: together with the replay about 230,000 numbers, ~20 s on one core.
NO_COUNT = 50_000
SE_COUNT = 30_000

_W1 = (3, 7, 6, 1, 8, 9, 4, 5, 2)
_W2 = (5, 4, 3, 2, 7, 6, 5, 4, 3, 2)
NEW_SERIES = date(2032, 1, 1)


def _k(weights: tuple[int, ...], digits: str, remainder: int = 0) -> int:
    """A control digit computed independently of the module under test (10 = impossible)."""
    return (11 + remainder - sum(w * int(d) for w, d in zip(weights, digits, strict=False)) % 11) % 11


def _with_controls(nine: str, remainder: int) -> str | None:
    k1 = _k(_W1, nine, remainder)
    if k1 == 10:
        return None
    k2 = _k(_W2, nine + str(k1))
    return None if k2 == 10 else f"{nine}{k1}{k2}"


def _first(six: str, individuals: range, remainder: int = 0) -> str:
    """The first number with this date part and one of ``individuals`` whose controls exist."""
    for individual in individuals:
        number = _with_controls(f"{six}{individual:03d}", remainder)
        if number is not None:
            return number
    raise AssertionError(f"no number for {six}")


def _luhn_digit(nine: str) -> int:
    total = 0
    for i, ch in enumerate(nine):
        product = int(ch) * (2 if i % 2 == 0 else 1)
        total += product - 9 if product > 9 else product
    return (10 - total % 10) % 10


def _fixed_date(today: date) -> type[date]:
    """A ``date`` whose ``today()`` is the replayed day, for references that ask the system clock."""

    class Fixed(date):
        @classmethod
        def today(cls) -> Fixed:
            return cls(today.year, today.month, today.day)

    return Fixed


def _pin_references(monkeypatch: pytest.MonkeyPatch, today: date) -> None:
    fixed = SimpleNamespace(date=_fixed_date(today))
    monkeypatch.setattr(stdnum_fnr, "datetime", fixed)
    monkeypatch.setattr(stdnum_pnr, "datetime", fixed)
    monkeypatch.setattr(pnr_mod, "_get_current_date", lambda: today)


def _desk_no(number: str, today: date) -> NationalId | None:
    try:
        return parse_no(number, today)
    except InvalidNationalId:
        return None


def _desk_se(text: str, today: date) -> NationalId | None:
    try:
        return parse_se(text, today)
    except InvalidNationalId:
        return None


# --- Norway: python-stdnum -----------------------------------------------------------------------

#: Every way the desk and python-stdnum may rightly disagree on a Norwegian number.
NO_EXPLAINED = {
    "tenor": "Tenor synthetic numbers (month + 80) are Skatteetaten's test numbers and valid; stdnum "
             "reads month + 80 as an H-number and finds no month.",
    "d_and_h": "A number cannot be both a D-number (day + 40) and an H-number (month + 40); stdnum "
               "does not check.",
    "k1_2032": "From 1 January 2032 (and in Tenor's test numbers already) the first control digit may "
               "leave remainder 0-3 (Skatteetaten, 'Nytt fødselsnummer fra 2032'); stdnum knows only 0.",
    "century_2032": "From 2032 the individual number no longer tells the century, so a number whose "
                    "table century is missing or in the future is valid with the latest past century; "
                    "stdnum still reads the century from the 1964 table.",
    "tenor_century": "Tenor test numbers are not bound by the individual-number table (Skatteetaten's "
                     "test file lists 41819077302); stdnum rejects them anyway for their month.",
}


def _no_candidates(rng: random.Random, count: int) -> Iterator[str]:
    """Numbers near validity: real-looking dates with every offset, all remainders, some typos."""
    made = 0
    while made < count:
        x = rng.random()
        day = rng.randint(1, 31) if x < 0.97 else rng.choice((0, 32, 40, 72))
        if rng.random() < 0.2:
            day += 40  # D-number
        y = rng.random()
        month = rng.randint(1, 12) if y < 0.97 else rng.choice((0, 13, 20))
        z = rng.random()
        if z < 0.1:
            month += 40  # H-number
        elif z < 0.25:
            month += 80  # Tenor
        nine = f"{day:02d}{month:02d}{rng.randint(0, 99):02d}{rng.randint(0, 999):03d}"
        number = _with_controls(nine, rng.choice((0, 0, 0, 1, 2, 3)))
        if number is None:
            continue
        if rng.random() < 0.03:  # a typo in one digit
            i = rng.randrange(11)
            number = number[:i] + str((int(number[i]) + rng.randint(1, 9)) % 10) + number[i + 1:]
        made += 1
        yield number


def _no_reason(number: str, today: date, desk: NationalId | None, ref_ok: bool) -> str | None:
    day, month = int(number[0:2]), int(number[2:4])
    tenor = 81 <= month <= 92
    remainder = (int(number[9]) - _k(_W1, number[:9])) % 11
    if desk is not None and not ref_ok:
        if tenor:
            return "tenor" if remainder == 0 else "k1_2032"
        if remainder in (1, 2, 3) and today >= NEW_SERIES:
            return "k1_2032"
        if today >= NEW_SERIES:
            return "century_2032"
    if desk is None and ref_ok and 41 <= day <= 71 and 41 <= month <= 52:
        return "d_and_h"
    return None


def _no_differential(today: date, count: int, seed: int) -> tuple[Counter[str], list[str]]:
    counts: Counter[str] = Counter()
    unexplained: list[str] = []
    for number in _no_candidates(random.Random(seed), count):
        counts["numbers"] += 1
        desk = _desk_no(number, today)
        ref_ok = stdnum_fnr.is_valid(number)
        if (desk is not None) == ref_ok:
            counts["agree_valid" if ref_ok else "agree_invalid"] += 1
            # Where stdnum accepts, its table century gives a past date, which the desk takes too.
            if desk is not None and desk.birth_date != stdnum_fnr.get_birth_date(number):
                unexplained.append(f"{number}: birth date {desk.birth_date} vs {stdnum_fnr.get_birth_date(number)}")
            continue
        reason = _no_reason(number, today, desk, ref_ok)
        if reason is None:
            unexplained.append(f"{number} as of {today}: desk {'valid' if desk else 'invalid'}, stdnum {ref_ok}")
        else:
            counts[reason] += 1
    return counts, unexplained


@pytest.mark.parametrize("today", [date(2026, 11, 25), date(2033, 6, 1)])
def test_norway_against_python_stdnum(monkeypatch: pytest.MonkeyPatch, today: date) -> None:
    _pin_references(monkeypatch, today)
    counts, unexplained = _no_differential(today, NO_COUNT, seed=today.toordinal())
    print(f"\nNO vs python-stdnum as of {today}: {dict(sorted(counts.items()))}")
    assert not unexplained, unexplained[:20]
    assert counts["numbers"] == NO_COUNT
    assert counts["agree_valid"] > NO_COUNT // 4 and counts["agree_invalid"] > 1_000
    assert set(counts) - {"numbers", "agree_valid", "agree_invalid"} <= set(NO_EXPLAINED)
    expected = {"tenor", "d_and_h", "k1_2032"} | ({"century_2032"} if today >= NEW_SERIES else set())
    assert expected <= set(counts), f"an explained difference never occurred: {expected - set(counts)}"


# --- Sweden: python-stdnum and personnummer -----------------------------------------------------

#: Every way the desk and a reference may rightly disagree on a Swedish number.
SE_EXPLAINED = {
    "samordning": "Samordningsnummer (day + 60) identify people without a personnummer and are valid; "
                  "stdnum reads day + 60 as a day and rejects them.",
    "birth_number_000": "Birth number 000 is never issued (Skatteverket: 001-999); stdnum does not check "
                        "(personnummer agrees with the desk).",
    "future_this_year": "A '-' number whose date is later this year would make the person born in the "
                        "future; only then the desk reads it as the century before (folkbokföringslagen "
                        "18 §: a birth cannot lie ahead). The references read it as this year.",
    "future_12": "A 12-digit number dated after today is nobody's yet; the references do not check.",
    "century_12": "A 12-digit number's century can only be 18, 19 or 20 (Skatteverket); the references "
                  "accept any.",
    "plus_12": "A '+' says the person is 100 or older this year; a 12-digit number with '+' for someone "
               "younger contradicts itself; the references ignore the sign when the century is given.",
}


def _se_candidates(rng: random.Random, count: int, today: date) -> Iterator[str]:
    for _ in range(count):
        yy = rng.randint(0, 99)
        if rng.random() < 0.08:
            yy = today.year % 100  # this year's numbers decide the '-' reading
        month = rng.randint(1, 12) if rng.random() < 0.98 else rng.choice((0, 13))
        day = rng.randint(1, 31) if rng.random() < 0.98 else rng.choice((0, 32))
        if rng.random() < 0.1:
            day += 60  # samordningsnummer
        birth = rng.randint(0, 999) if rng.random() < 0.97 else 0
        nine = f"{yy:02d}{month:02d}{day:02d}{birth:03d}"
        check = _luhn_digit(nine)
        if rng.random() < 0.03:
            check = (check + rng.randint(1, 9)) % 10
        ten = f"{nine}{check}"
        form = rng.random()
        if form < 0.45:
            yield f"{ten[:6]}-{ten[6:]}"
        elif form < 0.6:
            yield f"{ten[:6]}+{ten[6:]}"
        elif form < 0.65:
            yield ten
        else:
            century = rng.choice((19, 20, 19, 20, 18)) if rng.random() < 0.97 else rng.choice((17, 21))
            sep = rng.choice(("", "-", "-", "+")) if rng.random() < 0.3 else ""
            yield f"{century}{ten[:6]}{sep}{ten[6:]}"


def _se_reason(text: str, today: date, desk: NationalId | None, ref_ok: bool, ref_born: date | None,
               *, stdnum: bool) -> str | None:
    digits = text.replace("-", "").replace("+", "")
    short = digits[-10:]
    yy, day = int(short[0:2]), int(short[4:6])
    twelve = len(digits) == 12
    if desk is not None and not ref_ok:
        if stdnum and day > 60:
            return "samordning"
        return None
    if desk is None and ref_ok:
        if short[6:9] == "000":
            return "birth_number_000"
        if twelve and int(digits[:2]) not in (18, 19, 20):
            return "century_12"
        if twelve and ref_born is not None and ref_born > today:
            return "future_12"
        if twelve and "+" in text:
            return "plus_12"
        return None
    # Both valid, different birth dates.
    assert desk is not None and ref_born is not None
    if (not twelve and "+" not in text and yy == today.year % 100 and ref_born > today
            and desk.birth_date == ref_born.replace(year=ref_born.year - 100)):
        return "future_this_year"
    return None


def _se_stdnum(text: str) -> tuple[bool, date | None]:
    if not stdnum_pnr.is_valid(text):
        return False, None
    return True, stdnum_pnr.get_birth_date(text)


def _se_personnummer(text: str) -> tuple[bool, date | None]:
    try:
        parsed = pnr_mod.Personnummer(text)
    except pnr_mod.PersonnummerException:
        return False, None
    return True, parsed.get_date()


def _se_differential(today: date, count: int, seed: int) -> tuple[Counter[str], list[str]]:
    counts: Counter[str] = Counter()
    unexplained: list[str] = []
    refs = (("stdnum", _se_stdnum), ("personnummer", _se_personnummer))
    for text in _se_candidates(random.Random(seed), count, today):
        counts["numbers"] += 1
        desk = _desk_se(text, today)
        for name, ref in refs:
            ref_ok, ref_born = ref(text)
            if (desk is not None) == ref_ok and (desk is None or desk.birth_date == ref_born):
                counts[f"{name}:agree_{'valid' if ref_ok else 'invalid'}"] += 1
                continue
            reason = _se_reason(text, today, desk, ref_ok, ref_born, stdnum=name == "stdnum")
            if reason is None:
                unexplained.append(f"{text} as of {today}: desk {desk.birth_date if desk else 'invalid'}, "
                                   f"{name} {ref_born if ref_ok else 'invalid'}")
            else:
                counts[f"{name}:{reason}"] += 1
    return counts, unexplained


@pytest.mark.parametrize("today", [date(2026, 11, 25), date(2026, 2, 3)])
def test_sweden_against_stdnum_and_personnummer(monkeypatch: pytest.MonkeyPatch, today: date) -> None:
    _pin_references(monkeypatch, today)
    counts, unexplained = _se_differential(today, SE_COUNT, seed=today.toordinal())
    print(f"\nSE vs python-stdnum and personnummer as of {today}: {dict(sorted(counts.items()))}")
    assert not unexplained, unexplained[:20]
    assert counts["numbers"] == SE_COUNT
    for name in ("stdnum", "personnummer"):
        assert counts[f"{name}:agree_valid"] > SE_COUNT // 2 and counts[f"{name}:agree_invalid"] > 1_000
        reasons = {k.split(":", 1)[1] for k in counts if k.startswith(f"{name}:") and "agree" not in k}
        assert reasons <= set(SE_EXPLAINED)
    stdnum_only = {"samordning", "birth_number_000"}
    both = {"future_this_year", "future_12", "century_12", "plus_12"}
    for reason in stdnum_only | both:
        assert counts[f"stdnum:{reason}"], f"explained difference {reason} never occurred against stdnum"
    for reason in both:
        assert counts[f"personnummer:{reason}"], f"explained difference {reason} never occurred"
    assert not any(counts[f"personnummer:{r}"] for r in stdnum_only)  # personnummer agrees with the desk


# --- the replay across 2031-2040 ----------------------------------------------------------------


def _table_individuals(year: int) -> range | tuple[int, ...]:
    """Skatteetaten's 1964 allocation, written out here independently of the module."""
    if year <= 1899:
        return range(500, 750)
    if year <= 1939:
        return range(0, 500)
    if year <= 1999:
        return (*range(0, 500), *range(900, 1000))
    return range(500, 1000)


def _random_day(rng: random.Random, first: date, last: date) -> date:
    return first + timedelta(days=rng.randint(0, (last - first).days))


def _issued(rng: random.Random, today: date, count: int) -> Iterator[tuple[str, date, bool]]:
    """(number, birth date, exact) for numbers Skatteetaten could have issued by ``today``.

    Before 2032 numbers follow the 1964 table with remainder 0, so the birth date is exact. From
    2032 numbers go to newborns and to newcomers born in any year, with any individual number and
    remainder 0-3: the number then tells the birth date up to the century only.
    """
    made = 0
    while made < count:
        new = today >= NEW_SERIES and rng.random() < 0.5
        if new:
            issued_on = _random_day(rng, NEW_SERIES, today)
            born = _random_day(rng, date(1900, 1, 1), issued_on)
            individual, remainder = rng.randint(0, 999), rng.randint(0, 3)
        else:
            born = _random_day(rng, date(1855, 1, 1), min(today, NEW_SERIES - timedelta(days=1)))
            individual, remainder = rng.choice(_table_individuals(born.year)), 0
        day = born.day + (40 if rng.random() < 0.15 else 0)
        number = _with_controls(f"{day:02d}{born.month:02d}{born.year % 100:02d}{individual:03d}", remainder)
        if number is None:
            continue
        made += 1
        yield number, born, not new


REPLAY_DAYS = [date(2031, 6, 1), date(2031, 12, 31), date(2032, 1, 1),
               *(date(year, 6, 1) for year in range(2033, 2041))]


@pytest.mark.parametrize("today", REPLAY_DAYS, ids=str)
def test_replay_every_issued_number_is_valid(today: date) -> None:
    rng = random.Random(today.toordinal())
    checked = 0
    for number, born, exact in _issued(rng, today, 4_000):
        nid = parse_no(number, today)
        assert nid.birth_date <= today
        assert (nid.birth_date.month, nid.birth_date.day, nid.birth_date.year % 100) == (
            born.month, born.day, born.year % 100), number
        if exact:
            assert nid.birth_date == born, number
        checked += 1
    assert checked == 4_000


@pytest.mark.parametrize("today", REPLAY_DAYS, ids=str)
def test_replay_numbers_that_cannot_exist_yet_are_refused(today: date) -> None:
    rng = random.Random(-today.toordinal())
    refused = Counter[str]()
    for number, _born, _exact in _issued(rng, today, 1_500):
        i = rng.randrange(11)  # any one-digit typo breaks the second control digit
        typo = number[:i] + str((int(number[i]) + rng.randint(1, 9)) % 10) + number[i + 1:]
        with pytest.raises(InvalidNationalId):
            parse_no(typo, today)
        refused["typo"] += 1
    # 29 February of a year that is never a leap year, in any century.
    leap = _first("290201", range(100, 500))
    with pytest.raises(InvalidNationalId) as info:
        parse_no(leap, today)
    assert info.value.rule == "date"
    if today < NEW_SERIES:
        for remainder in (1, 2, 3):
            with pytest.raises(InvalidNationalId) as info:
                parse_no(_first("151086", range(950, 1000), remainder), today)
            assert info.value.rule == "control_digit"
        with pytest.raises(InvalidNationalId) as info:
            parse_no(_first("010145", range(750, 900)), today)  # 750-899 never issued for 1945
        assert info.value.rule == "century"
        with pytest.raises(InvalidNationalId) as info:
            parse_no(_first("111138", range(600, 700)), today)  # 6xx with 38 is 2038: not born yet
        assert info.value.rule == "date"
    assert refused["typo"] == 1_500


def test_issue_examples() -> None:
    # Replayed as of 2033-06-01, a number read by the 1964 table as born 2038 belongs to 1938.
    assert parse_no("11113867207", date(2033, 6, 1)).birth_date == date(1938, 11, 11)
    # Skatteetaten's test file: every line, as of a day after 2032 (the file's own validator
    # ignores the date; before 2032 the desk refuses the real 2032-type numbers, see above).
    file = [("30108299939", True), ("30908299902", True), ("20036914700", True), ("03851598730", True),
            ("20036914712", False), ("29020073150", True), ("29020105729", False), ("55102499947", True),
            ("41819077906", True), ("41819077302", True)]
    for number, valid in file:
        assert (_desk_no(number, date(2033, 6, 1)) is not None) == valid, number
    # Tenor numbers whose individual number was never issued for their year are valid today too.
    assert parse_no("41819077302", date(2026, 11, 25)).kind == "synthetic"
    assert parse_no("41819077906", date(2026, 11, 25)).birth_date == date(1990, 1, 1)
