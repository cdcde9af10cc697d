"""National identity numbers (docs/rules.md#r-national-id): every example, every rule, every format."""

from __future__ import annotations

import random
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st
from stdnum.no import fodselsnummer as stdnum_fnr

from desktop.domain.national_id import (
    InvalidNationalId,
    NationalId,
    format_full,
    looks_like_national_id,
    mask,
    parse_national_id,
    parse_no,
    parse_se,
    synthetic_no,
    synthetic_se,
)

TODAY = date(2026, 11, 25)
AFTER_2032 = date(2032, 6, 1)

_W1 = (3, 7, 6, 1, 8, 9, 4, 5, 2)
_W2 = (5, 4, 3, 2, 7, 6, 5, 4, 3, 2)


def _k(weights: tuple[int, ...], digits: str, remainder: int = 0) -> int:
    """A control digit computed independently of the module under test."""
    return (11 + remainder - sum(w * int(d) for w, d in zip(weights, digits, strict=False)) % 11) % 11


def no_number(nine: str, remainder: int = 0) -> str:
    """Nine digits plus control digits; ``remainder`` 1-3 gives a 2032-series k1."""
    k1 = _k(_W1, nine, remainder)
    assert k1 != 10, "pick other digits: this k1 does not exist"
    k2 = _k(_W2, nine + str(k1))
    assert k2 != 10, "pick other digits: this k2 does not exist"
    return f"{nine}{k1}{k2}"


def se_number(nine: str) -> str:
    """YYMMDDNNN plus its Luhn digit, computed independently of the module under test."""
    total = 0
    for i, ch in enumerate(nine):
        product = int(ch) * (2 if i % 2 == 0 else 1)
        total += product - 9 if product > 9 else product
    return f"{nine}{(10 - total % 10) % 10}"


def broken(text: str, today: date = TODAY) -> InvalidNationalId:
    with pytest.raises(InvalidNationalId) as info:
        parse_national_id(text, today)
    return info.value


# --- docs/rules.md#r-national-id examples ----------------------------------------------------------


def test_rulebook_valid_fodselsnummer() -> None:
    nid = parse_no("15108695088", TODAY)
    assert nid == NationalId("NO", "15108695088", "fodselsnummer", date(1986, 10, 15))
    # Individual number 567 with year 99 is the 1855-1899 series.
    assert parse_no("31129956715", TODAY).birth_date == date(1899, 12, 31)


def test_rulebook_invalid_control_digit() -> None:
    error = broken("15108695077")
    assert error.rule == "control_digit"
    assert str(error) == "control digit does not match"
    assert error.message_nb == "kontrollsifferet stemmer ikke"


def test_rulebook_d_number() -> None:
    nid = parse_national_id("55108695071", TODAY)
    assert (nid.country, nid.kind, nid.birth_date) == ("NO", "d_number", date(1986, 10, 15))


def test_rulebook_swedish_examples() -> None:
    nid = parse_national_id("121212-1212", TODAY)
    assert nid == NationalId("SE", "201212121212", "personnummer", date(2012, 12, 12))
    assert broken("121212-1213").rule == "control_digit"
    sam = parse_national_id("701063-2391", TODAY)
    assert (sam.kind, sam.number, sam.birth_date) == ("samordningsnummer", "197010632391", date(1970, 10, 3))


def test_invalid_national_id_is_a_value_error() -> None:
    assert issubclass(InvalidNationalId, ValueError)


# --- Norway: kinds -----------------------------------------------------------------------------


def test_h_number_is_month_plus_40() -> None:
    nid = parse_no(no_number("155086950"), TODAY)
    assert (nid.kind, nid.birth_date) == ("h_number", date(1986, 10, 15))


# Tenor numbers issued by Skatteetaten (quoted in navikt/fnrvalidator#116): month + 80, and with a
# D-number day. python-stdnum rejects every one of them.
TENOR = [
    ("17912099997", date(2020, 11, 17)),
    ("29822099635", date(2020, 2, 29)),
    ("05840399895", date(2003, 4, 5)),
    ("12829499914", date(1994, 2, 12)),
    ("12905299938", date(1952, 10, 12)),
    ("21883649874", date(1936, 8, 21)),
    ("21929774873", date(1897, 12, 21)),
    ("57912075186", date(2020, 11, 17)),
    ("69822075096", date(2020, 2, 29)),
    ("45840375084", date(2003, 4, 5)),
    ("52829400197", date(1994, 2, 12)),
    ("52905200100", date(1952, 10, 12)),
    ("61883600222", date(1936, 8, 21)),
    ("61929750062", date(1897, 12, 21)),
]


@pytest.mark.parametrize(("number", "born"), TENOR)
def test_tenor_synthetic_numbers(number: str, born: date) -> None:
    assert not stdnum_fnr.is_valid(number)
    nid = parse_no(number, TODAY)
    assert (nid.kind, nid.birth_date, nid.number) == ("synthetic", born, number)


def test_d_and_h_at_once_is_refused() -> None:
    error = broken(no_number("555086950"))
    assert error.rule == "date"
    assert "D-number" in str(error)


# --- Norway: 2032 control digits ---------------------------------------------------------------


def test_skatteetaten_2032_examples() -> None:
    # From Skatteetaten's "Nytt fødselsnummer fra 2032": rest 0 and rest 1 for the same person.
    assert parse_no("30108299920", AFTER_2032).birth_date == date(1982, 10, 30)
    nid = parse_no("30108299939", AFTER_2032)
    assert (nid.kind, nid.birth_date) == ("fodselsnummer", date(1982, 10, 30))
    assert not stdnum_fnr.is_valid("30108299939")
    assert parse_no("02013299997", AFTER_2032).birth_date == date(2032, 1, 2)


@pytest.mark.parametrize("remainder", [0, 1, 2, 3])
def test_all_four_k1_values_are_accepted_from_2032(remainder: int) -> None:
    nid = parse_no(no_number("151086953", remainder), AFTER_2032)
    assert nid.birth_date == date(1986, 10, 15)


@pytest.mark.parametrize("remainder", [1, 2, 3])
def test_new_k1_values_do_not_exist_before_2032(remainder: int) -> None:
    number = no_number("151086953", remainder)
    error = broken(number, date(2031, 12, 31))
    assert error.rule == "control_digit"
    assert "2032" in str(error) and "2032" in error.message_nb
    assert parse_no(number, date(2032, 1, 1)).birth_date == date(1986, 10, 15)


def test_a_fifth_k1_value_is_refused() -> None:
    nine = "151086953"
    accepted = {_k(_W1, nine, r) for r in range(4)}
    for k1 in sorted(set(range(10)) - accepted):
        k2 = _k(_W2, nine + str(k1))
        if k2 == 10:
            continue
        assert broken(f"{nine}{k1}{k2}", AFTER_2032).rule == "control_digit"


def test_second_control_digit_is_checked() -> None:
    good = "15108695088"
    assert broken(good[:10] + "7").rule == "control_digit"


def test_2032_series_century_is_the_latest_past_one() -> None:
    # Remainder 1: the individual number says nothing about the century any more.
    assert parse_no(no_number("010125600", 1), AFTER_2032).birth_date == date(2025, 1, 1)
    assert parse_no(no_number("010135602", 1), AFTER_2032).birth_date == date(1935, 1, 1)


# --- Norway: date and century ------------------------------------------------------------------


def test_31_february_is_not_a_date_even_with_good_control_digits() -> None:
    error = broken(no_number("310286124"))
    assert error.rule == "date"
    assert str(error) == "31.02 is not a date"
    assert error.message_nb.startswith("datoen finnes ikke")


def test_29_february_needs_a_leap_year() -> None:
    error = broken(no_number("290200123"))  # individual 123 -> 1900, not a leap year
    assert error.rule == "date"
    assert "29.02.1900" in str(error)
    assert parse_no(no_number("290200600"), TODAY).birth_date == date(2000, 2, 29)


def test_month_13_is_not_a_date() -> None:
    error = broken(no_number("011386123"))
    assert (error.rule, str(error)) == ("date", "01.13 is not a date")


def test_birth_in_the_future_is_refused() -> None:
    error = broken(no_number("010130602"))  # 602 with year 30 -> 2030
    assert error.rule == "date"
    assert "future" in str(error)
    assert "fram i tid" in error.message_nb


@pytest.mark.parametrize(
    ("nine", "year"),
    [
        ("010186499", 1986),  # 000-499: 1900-1999
        ("010160600", 1860),  # 500-749 with year >= 54: 1854-1899
        ("010105600", 2005),  # 500-999 with year < 40: 2000-2039
        ("010186950", 1986),  # 900-999 with year >= 40: 1940-1999
    ],
)
def test_century_from_individual_number(nine: str, year: int) -> None:
    assert parse_no(no_number(nine), TODAY).birth_date.year == year


def test_individual_number_never_issued_for_that_year() -> None:
    number = no_number("010145600")  # 500-749 only with year >= 54; 750-899 never with 40-99
    error = broken(number)
    assert error.rule == "century"
    assert "600" in str(error)
    # From 2032 the individual number stops telling the century, so the number may exist.
    assert parse_no(number, AFTER_2032).birth_date == date(1945, 1, 1)


# --- length and characters ---------------------------------------------------------------------


@pytest.mark.parametrize("text", ["1510869508", "151086950888", "12345"])
def test_wrong_length_no(text: str) -> None:
    with pytest.raises(InvalidNationalId) as info:
        parse_no(text, TODAY)
    assert info.value.rule == "length"
    assert str(len(text)) in str(info.value)


@pytest.mark.parametrize("text", ["12345", "1234567", "1234567890123"])
def test_wrong_length_either(text: str) -> None:
    error = broken(text)
    assert error.rule == "length"
    assert "sifre" in error.message_nb


@pytest.mark.parametrize("text", ["15108695O88", "151086/95088", "abc", "121212*1212"])
def test_characters(text: str) -> None:
    error = broken(text)
    assert error.rule == "characters"
    assert "digits" in str(error)
    assert "sifre" in error.message_nb


def test_plus_in_a_norwegian_number_is_a_character_error() -> None:
    with pytest.raises(InvalidNationalId) as info:
        parse_no("151086+95088", TODAY)
    assert info.value.rule == "characters"


# --- formats -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "15108695088",
        "151086 95088",
        "151086-95088",
        "15.10.86 95088",
        "15 10 86 950 88",
        " 151086\u00a095088 ",
        "151086\u201395088",  # en dash from a word processor
        "\uff11\uff15\uff11\uff10\uff18\uff16\uff19\uff15\uff10\uff18\uff18",  # fullwidth digits
    ],
)
def test_norwegian_formats(text: str) -> None:
    assert parse_national_id(text, TODAY).number == "15108695088"


@pytest.mark.parametrize(
    "text",
    ["121212-1212", "1212121212", "20121212-1212", "201212121212", "20121212 1212", "12.12.12-1212"],
)
def test_swedish_formats(text: str) -> None:
    nid = parse_national_id(text, TODAY)
    assert (nid.number, nid.birth_date) == ("201212121212", date(2012, 12, 12))


def test_swedish_plus_means_a_hundred_or_older() -> None:
    nid = parse_national_id("121212+1212", TODAY)
    assert (nid.number, nid.birth_date) == ("191212121212", date(1912, 12, 12))
    assert parse_se("19121212+1212", TODAY).birth_date == date(1912, 12, 12)
    error = broken("20121212+1212")
    assert error.rule == "century"


def test_swedish_plus_only_before_the_last_four_digits() -> None:
    assert broken("12+12121212").rule == "characters"
    assert broken("121212+12+12").rule == "characters"


def test_swedish_ten_digit_century_follows_today() -> None:
    assert parse_se(se_number("261124001"), TODAY).birth_date.year == 2026  # yesterday
    assert parse_se(se_number("261126001"), TODAY).birth_date.year == 1926  # tomorrow: 100 years ago
    leap = se_number("000229001")
    assert parse_se(leap, TODAY).birth_date == date(2000, 2, 29)
    error = broken(f"{leap[:6]}+{leap[6:]}")  # 1900 is no leap year
    assert (error.rule, "1900" in str(error)) == ("date", True)


def test_swedish_century_must_be_18_19_or_20() -> None:
    error = broken("211212121212")
    assert error.rule == "century"
    assert "21" in str(error)
    assert "århundret" in error.message_nb


def test_swedish_twelve_digit_future_is_refused() -> None:
    error = broken("20" + se_number("270101001"))
    assert error.rule == "date"


def test_swedish_impossible_dates() -> None:
    assert broken(se_number("861302001")).rule == "date"  # month 13
    assert broken(se_number("860231001")).rule == "date"  # 31 February
    assert broken(se_number("860292001")).rule == "date"  # samordningsnummer day 32


def test_eleven_digits_with_hyphen_is_norwegian_and_ten_is_swedish() -> None:
    assert parse_national_id("151086-95088", TODAY).country == "NO"
    assert parse_national_id("8112189876", TODAY).country == "SE"


# --- display -----------------------------------------------------------------------------------


def test_mask_and_format_full() -> None:
    no = parse_national_id("15108695088", TODAY)
    se = parse_national_id("701063-2391", TODAY)
    assert mask(no) == "151086 *****"
    assert format_full(no) == "151086 95088"
    assert mask(se) == "19701063-****"
    assert format_full(se) == "19701063-2391"


def test_repr_never_shows_the_number() -> None:
    nid = parse_national_id("15108695088", TODAY)
    assert "95088" not in repr(nid)
    assert "95088" not in str(nid)


# --- looks_like_national_id --------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["15108695088", "151086 95088", "121212-1212", "121212+1212", "19121212-1212", "15108695077"],
)
def test_looks_like_national_id(text: str) -> None:
    assert looks_like_national_id(text)


@pytest.mark.parametrize(
    "text",
    ["", "ola", "91234567", "+47 912 34 567", "+46 70 123 45 67", "1234567890123", "991312-1234", "15.10"],
)
def test_does_not_look_like_national_id(text: str) -> None:
    assert not looks_like_national_id(text)


# --- synthetic numbers -------------------------------------------------------------------------

DATES = st.dates(min_value=date(1900, 1, 1), max_value=date(2025, 12, 31))


@given(born=DATES, seed=st.integers(min_value=0, max_value=2**32))
def test_synthetic_no_round_trips(born: date, seed: int) -> None:
    number = synthetic_no(random.Random(seed), born)
    nid = parse_no(number, TODAY)
    assert (nid.kind, nid.birth_date, nid.number) == ("synthetic", born, number)
    assert int(number[2:4]) - 80 == born.month
    assert synthetic_no(random.Random(seed), born) == number


@given(born=DATES, seed=st.integers(min_value=0, max_value=2**32))
def test_synthetic_se_round_trips(born: date, seed: int) -> None:
    number = synthetic_se(random.Random(seed), born)
    assert len(number) == 12
    assert number[8:11] == "000"
    nid = parse_se(number, TODAY, test_numbers=True)
    assert (nid.kind, nid.birth_date, nid.number) == ("test", born, number)
    assert synthetic_se(random.Random(seed), born) == number


def test_synthetic_se_ten_digit_form_is_still_test() -> None:
    number = synthetic_se(random.Random(0), date(1980, 5, 17))
    assert parse_national_id(f"{number[2:8]}-{number[8:]}", TODAY, test_numbers=True).kind == "test"


def test_birth_number_000_is_never_issued() -> None:
    number = synthetic_se(random.Random(0), date(1980, 5, 17))
    for text in (number, f"{number[2:8]}-{number[8:]}"):
        error = broken(text)
        assert error.rule == "birth_number"
        assert "000" in str(error) and "000" in error.message_nb


def test_synthetic_no_is_deterministic_per_rng_state() -> None:
    born = date(1990, 6, 1)
    first = [synthetic_no(random.Random(7), born) for _ in range(3)]
    assert len(set(first)) == 1
    rng = random.Random(7)
    sequence = {synthetic_no(rng, born) for _ in range(20)}
    assert len(sequence) > 1


@pytest.mark.parametrize("year", [1853, 2040])
def test_synthetic_no_outside_the_encodable_years(year: int) -> None:
    with pytest.raises(ValueError, match="1854-2039"):
        synthetic_no(random.Random(0), date(year, 1, 1))


def test_synthetic_se_outside_the_encodable_years() -> None:
    with pytest.raises(ValueError, match="18-20"):
        synthetic_se(random.Random(0), date(2100, 1, 1))


# --- robustness --------------------------------------------------------------------------------


@given(st.text(alphabet="0123456789 .-+x", max_size=16))
def test_any_text_parses_or_names_a_rule(text: str) -> None:
    try:
        nid = parse_national_id(text, TODAY)
    except InvalidNationalId as error:
        assert error.rule in {"length", "characters", "date", "control_digit", "century", "birth_number"}
        assert str(error)
        assert error.message_nb
    else:
        assert nid.birth_date <= TODAY
        assert len(nid.number) == (11 if nid.country == "NO" else 12)
