"""Phone numbers and e-mail addresses: normalising, search candidates, display and masks."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.domain.contact import (
    format_phone,
    looks_like_email,
    mask_email,
    mask_phone,
    normalize_email,
    normalize_phone,
    phone_candidates,
)

# --- normalize_phone ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "region", "e164"),
    [
        ("+47 912 34 567", "NO", "+4791234567"),
        ("0047 91234567", "NO", "+4791234567"),
        ("91234567", "NO", "+4791234567"),
        ("912 34 567", "NO", "+4791234567"),
        (" 912-34-567 ", "NO", "+4791234567"),
        ("22 22 22 22", "NO", "+4722222222"),
        ("070-123 45 67", "SE", "+46701234567"),
        ("+46 70 123 45 67", "SE", "+46701234567"),
        ("+46 70 123 45 67", "NO", "+46701234567"),  # the prefix wins over the default region
        ("0046 70 123 45 67", "NO", "+46701234567"),
        ("08-123 456 78", "SE", "+46812345678"),
    ],
)
def test_normalize_phone(text: str, region: str, e164: str) -> None:
    assert normalize_phone(text, region) == e164


def test_default_region_is_norway() -> None:
    assert normalize_phone("912 34 567") == "+4791234567"


@pytest.mark.parametrize(
    ("text", "region"),
    [
        ("", "NO"),
        ("hello", "NO"),
        ("123", "NO"),
        ("070-123 45 67", "NO"),  # a Swedish national number is not a Norwegian one
        ("+47 123", "NO"),
        ("9" * 200, "NO"),
    ],
)
def test_normalize_phone_rejects(text: str, region: str) -> None:
    assert normalize_phone(text, region) is None


# --- phone_candidates --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "candidates"),
    [
        ("+47 912 34 567", ["+4791234567"]),
        ("0047 91234567", ["+4791234567"]),
        ("91234567", ["+4791234567", "+4691234567"]),  # valid in both countries: Norway first
        ("912 34 567", ["+4791234567", "+4691234567"]),
        ("070-123 45 67", ["+46701234567"]),
        ("+46 70 123 45 67", ["+46701234567"]),
        ("(+47) 912.34.567", ["+4791234567"]),
    ],
)
def test_phone_candidates(query: str, candidates: list[str]) -> None:
    assert phone_candidates(query) == candidates


@pytest.mark.parametrize("query", ["", "Ola Nordmann", "ola 91234567", "912 34", "1234", "ola@example.no"])
def test_not_phone_shaped(query: str) -> None:
    assert phone_candidates(query) == []


@given(st.text(max_size=30))
def test_candidates_are_distinct_e164(query: str) -> None:
    candidates = phone_candidates(query)
    assert len(candidates) == len(set(candidates))
    assert all(c.startswith("+") and c[1:].isdigit() for c in candidates)


# --- format_phone ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("e164", "shown"),
    [
        ("+4791234567", "912 34 567"),  # mobile: 3-2-3
        ("+4741234567", "412 34 567"),
        ("+4780012345", "800 12 345"),  # service number: 3-2-3
        ("+4722222222", "22 22 22 22"),  # landline: pairs
        ("+46701234567", "070-123 45 67"),
        ("+46812345678", "08-123 456 78"),
        ("+4532123456", "+45 32 12 34 56"),  # elsewhere: international form
    ],
)
def test_format_phone(e164: str, shown: str) -> None:
    assert format_phone(e164) == shown


def test_format_phone_leaves_unparseable_text_alone() -> None:
    assert format_phone("not a number") == "not a number"


@given(st.sampled_from(["+4791234567", "+4722222222", "+46701234567", "+46812345678"]))
def test_displayed_numbers_normalise_back(e164: str) -> None:
    region = "NO" if e164.startswith("+47") else "SE"
    assert normalize_phone(format_phone(e164), region) == e164


# --- mask_phone --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("e164", "masked"),
    [
        ("+4791234567", "+47 *** ** 567"),
        ("+4722222222", "+47 ** ** *2 22"),
        ("+46701234567", "+46 ** *** *5 67"),
    ],
)
def test_mask_phone(e164: str, masked: str) -> None:
    assert mask_phone(e164) == masked


def test_mask_phone_never_shows_an_unparseable_value() -> None:
    assert mask_phone("91234567") == "***"  # not E.164: no country to keep
    assert mask_phone("garbage") == "***"


def test_mask_phone_keeps_exactly_three_digits() -> None:
    masked = mask_phone("+4791234567")
    national = masked.split(" ", 1)[1]
    assert sum(ch.isdigit() for ch in national) == 3


# --- e-mail ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "normal"),
    [
        ("ola.nordmann@example.no", "ola.nordmann@example.no"),
        ("  Ola.Nordmann@Example.NO ", "ola.nordmann@example.no"),
        ("mailto:Kari@Example.se", "kari@example.se"),
        ("<kari@example.se>", "kari@example.se"),
        ("kari+ordre@post.example.co.uk", "kari+ordre@post.example.co.uk"),
        ("kåre@nordmann.no", "kåre@nordmann.no"),
    ],
)
def test_normalize_email(text: str, normal: str) -> None:
    assert normalize_email(text) == normal


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Ola Nordmann",
        "ola@",
        "@example.no",
        "ola@example",
        "a@b",
        "ola@@example.no",
        "ola nordmann@example.no",
        "ola..nordmann@example.no",
        ".ola@example.no",
        "ola@example.n0",
        "ola@-example.no",
        "91234567",
    ],
)
def test_normalize_email_rejects(text: str) -> None:
    assert normalize_email(text) is None


@pytest.mark.parametrize("text", ["ola@example.no", "ola.nordmann@exa", "ola@", " ola@example.no "])
def test_looks_like_email(text: str) -> None:
    assert looks_like_email(text)


@pytest.mark.parametrize("text", ["", "ola", "@example.no", "ola nordmann@x.no", "a@b@c", "91234567"])
def test_does_not_look_like_email(text: str) -> None:
    assert not looks_like_email(text)


@pytest.mark.parametrize(
    ("text", "masked"),
    [
        ("ola.nordmann@example.no", "o***@e***.no"),
        ("Kari@Post.Example.SE", "k***@p***.se"),
        ("x@y.com", "x***@y***.com"),
    ],
)
def test_mask_email(text: str, masked: str) -> None:
    assert mask_email(text) == masked


def test_mask_email_never_shows_an_invalid_value() -> None:
    assert mask_email("ola nordmann") == "***"
    assert mask_email("ola@") == "***"
