"""The shipped policy file says what the seed policy says, and broken files fail by field name."""

from __future__ import annotations

import copy
import dataclasses
import os
import tomllib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.policy import (
    DEFAULT_POLICY_PATH,
    RECORD_KINDS,
    RIGHT_KEYS,
    Policy,
    PolicyError,
    Text,
    load_policy,
    parse_policy,
)

SHIPPED = DEFAULT_POLICY_PATH.read_text(encoding="utf-8")
FILE = DEFAULT_POLICY_PATH.name

PURPOSE_KEYS = [
    "purchase",
    "legal_obligations",
    "customer_service",
    "competitions",
    "fraud",
    "membership",
    "job_application",
    "contact",
]


@pytest.fixture(scope="module")
def policy() -> Policy:
    return load_policy()


def _data() -> dict[str, Any]:
    return tomllib.loads(SHIPPED)


def _broken_file(tmp_path: Path, old: str, new: str) -> Path:
    """The shipped file with one exact edit, so each case breaks one thing in a real file."""
    assert SHIPPED.count(old) == 1, f"edit target not unique in the shipped file: {old!r}"
    path = tmp_path / FILE
    path.write_text(SHIPPED.replace(old, new), encoding="utf-8")
    return path


def _texts(value: object) -> Iterator[Text]:
    if isinstance(value, Text):
        yield value
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for f in dataclasses.fields(value):
            yield from _texts(getattr(value, f.name))
    elif isinstance(value, tuple):
        for item in value:
            yield from _texts(item)


# --- The shipped policy ------------------------------------------------------------------------


def test_shipped_policy_loads_with_company_facts(policy: Policy) -> None:
    assert policy.id == "teknikproffset-no"
    assert policy.version == "2021-05-07"
    assert policy.default_language == "nb"
    assert policy.source == FILE
    company = policy.company
    assert company.name == "TP E-commerce Norway"
    assert company.brand == "Teknikproffset"
    assert company.organisation_number == "931502107"
    assert company.email == "kundservice@teknikproffset.se"
    assert company.country == "NO"
    assert company.bookkeeping_law == "no-bokforingsloven"
    assert company.postal_address == ()  # the policy gives none; never invented


def test_purposes_are_the_eight_in_policy_order(policy: Policy) -> None:
    assert [p.key for p in policy.purposes] == PURPOSE_KEYS
    assert [p.number for p in policy.purposes] == list(range(1, 9))
    assert policy.purpose("purchase").title.get("nb") == "Bestilling / kjøp"


@pytest.mark.parametrize(
    ("key", "anchor", "after_months", "minimum_days", "minimum_months"),
    [
        ("purchase", "purchase_completed", 36, 0, 0),
        ("legal_obligations", "purchase_completed", 36, 0, 0),
        ("customer_service", "case_closed", 0, 30, 0),
        ("competitions", "event_ended", 0, 30, 0),
        ("fraud", "collected", 36, 0, 0),
        ("membership", "membership_ended", 0, 0, 0),
        ("job_application", "recruitment_ended", 0, 0, 6),
        ("contact", "case_closed", 0, 30, 0),
    ],
)
def test_retention_rules_match_rulebook(
    policy: Policy, key: str, anchor: str, after_months: int, minimum_days: int, minimum_months: int
) -> None:
    rule = policy.purpose(key).retention
    assert (rule.anchor, rule.after_months, rule.minimum_days, rule.minimum_months) == (
        anchor,
        after_months,
        minimum_days,
        minimum_months,
    )


def test_retention_text_reads_as_the_policy(policy: Policy) -> None:
    assert "36 måneder etter" in policy.purpose("purchase").retention.text.get("nb")
    assert policy.purpose("customer_service").retention.text.get("en") == (
        "Until the customer-service case is closed, but at least 30 days."
    )


@pytest.mark.parametrize(
    ("key", "basis", "article"),
    [
        ("purchase", "contract", "6(1)(b)"),
        ("legal_obligations", "legal_obligation", "6(1)(c)"),
        ("customer_service", "legitimate_interest", "6(1)(f)"),
        ("competitions", "legitimate_interest", "6(1)(f)"),
        ("fraud", "legal_obligation_or_legitimate_interest", "6(1)(c), 6(1)(f)"),
        ("membership", "contract", "6(1)(b)"),
        ("job_application", "consent", "6(1)(a)"),
        ("contact", "consent", "6(1)(a)"),
    ],
)
def test_legal_bases(policy: Policy, key: str, basis: str, article: str) -> None:
    purpose = policy.purpose(key)
    assert purpose.legal_basis == basis
    assert policy.legal_basis(basis).gdpr_article == article


def test_consequences_only_where_the_policy_states_them(policy: Policy) -> None:
    stated = [p.key for p in policy.purposes if p.consequence_if_not_provided is not None]
    assert stated == ["purchase", "legal_obligations", "membership", "job_application"]


def test_qliro_is_named_recipient_of_purchase_data(policy: Policy) -> None:
    qliro = policy.recipient("qliro")
    assert qliro.named
    assert qliro.name.get("nb") == "Qliro"
    assert qliro.kind == "independent_controller"
    assert "purchase" in qliro.purposes
    assert {"credit_check", "address"} <= set(qliro.record_kinds)
    assert "qliro" in policy.purpose("purchase").recipients
    assert qliro in policy.recipients_for(purpose_keys=["purchase"])
    decision = policy.automated_decision("credit_check")
    assert decision.recipients == ("qliro",)
    assert "Qliro" in decision.description.get("nb")


def test_recipient_kinds_follow_section_9(policy: Policy) -> None:
    processors = {r.key for r in policy.recipients if r.is_processor}
    controllers = {r.key for r in policy.recipients if r.kind == "independent_controller"}
    assert processors == {"payment_solutions", "transport_freight", "marketing", "it_services"}
    assert controllers == {"authorities", "transport_companies", "payment_providers", "qliro"}
    assert "Skatteetaten" in policy.recipient("authorities").description.get("nb")


def test_sources_and_categories(policy: Policy) -> None:
    assert [s.key for s in policy.sources] == ["data_subject", "public_address_register", "credit_bureaus"]
    assert policy.purpose("purchase").sources == ("data_subject", "public_address_register", "credit_bureaus")
    keys = {c.key for c in policy.categories}
    assert {
        "name",
        "national_id",
        "contact",
        "it_environment",
        "payment_history",
        "payment_information",
        "credit_information",
        "purchase_information",
        "correspondence",
        "purchase_time_place_faults",
        "purchase_and_user_generated",
        "ip_address",
        "competition_submission",
        "event_evaluation",
        "purchase_history",
        "username_password",
        "profile_settings",
    } == keys
    assert policy.category("username_password").label.get("nb") == "Brukernavn / passord"


def test_every_record_kind_maps_to_a_purpose(policy: Policy) -> None:
    assert {k.key for k in policy.record_kinds} == set(RECORD_KINDS)
    for kind in RECORD_KINDS:
        assert policy.purposes_for_record_kind(kind), kind


def test_purposes_for_record_kind_in_policy_order(policy: Policy) -> None:
    assert [p.key for p in policy.purposes_for_record_kind("contact_message")] == [
        "customer_service",
        "contact",
    ]
    assert [p.key for p in policy.purposes_for_record_kind("fraud_signal")] == ["fraud"]


def test_recipients_for_is_deduplicated_and_in_policy_order(policy: Policy) -> None:
    found = policy.recipients_for(purpose_keys=["fraud", "purchase"], record_kinds=["credit_check"])
    keys = [r.key for r in found]
    assert len(keys) == len(set(keys))
    assert keys == [r.key for r in policy.recipients if r.key in set(keys)]
    assert set(keys) == {
        "payment_solutions",
        "transport_freight",
        "it_services",
        "authorities",
        "transport_companies",
        "payment_providers",
        "qliro",
    }
    # Marketing processors serve no purpose of their own but do receive consent records.
    assert "marketing" not in keys
    assert "marketing" in [r.key for r in policy.recipients_for(record_kinds=["marketing_consent"])]
    assert policy.recipients_for() == ()
    assert [r.key for r in policy.recipients_for(purpose_keys=iter(["contact"]))] == ["it_services"]


def test_recipients_for_rejects_unknown_keys_and_bare_strings(policy: Policy) -> None:
    with pytest.raises(KeyError, match="no purpose 'shopping'"):
        policy.recipients_for(purpose_keys=["shopping"])
    with pytest.raises(KeyError, match="no record kind 'invoice'"):
        policy.recipients_for(record_kinds=["invoice"])
    with pytest.raises(TypeError, match="not the string"):
        policy.recipients_for(purpose_keys="purchase")


@pytest.mark.parametrize(
    ("lookup", "what"),
    [
        (Policy.purpose, "purpose"),
        (Policy.category, "category"),
        (Policy.recipient, "recipient"),
        (Policy.record_kind, "record kind"),
        (Policy.legal_basis, "legal basis"),
        (Policy.right, "right"),
    ],
)
def test_lookups_name_the_missing_key(
    policy: Policy, lookup: Callable[[Policy, str], object], what: str
) -> None:
    with pytest.raises(KeyError, match=f"policy 'teknikproffset-no' has no {what} 'nope' \\(known: "):
        lookup(policy, "nope")


def test_rights_and_erasure_exemptions(policy: Policy) -> None:
    assert [r.key for r in policy.rights] == list(RIGHT_KEYS)
    erasure = policy.right("erasure")
    assert erasure.gdpr_article == "17"
    articles = {g.gdpr_article for g in erasure.grounds}
    assert {"17(1)(a)", "17(1)(c)", "17(1)(d)", "17(1)(e)", "17(1)(f)"} <= articles
    assert [e.key for e in erasure.exemptions] == [
        "bookkeeping_tax",
        "bank_aml",
        "consumer_purchase",
        "legal_claims",
    ]
    assert policy.right("portability").text.get("sv").startswith("Om vår rätt att behandla")
    assert policy.right("complaint").gdpr_article == "77"


def test_location_authority_and_marketing(policy: Policy) -> None:
    assert policy.processing_location.own_systems_country == "SE"
    assert "Sverige" in policy.processing_location.text.get("nb")
    assert "EU-kommisjonen" in policy.processing_location.safeguards.get("nb")
    authority = policy.supervisory_authority
    assert authority.name == "Datatilsynet"
    assert authority.website == "https://www.datatilsynet.no"
    assert authority.postal_address == ("Postboks 458 Sentrum", "0105 Oslo")
    assert [c.key for c in policy.marketing_channels] == ["email", "sms", "post"]
    assert "bekreftelse av bestilling og levering" in policy.marketing_note.get("nb")


def test_every_text_has_bokmal_and_english(policy: Policy) -> None:
    texts = list(_texts(policy))
    assert len(texts) > 150
    for text in texts:
        assert {"nb", "en"} <= set(text.languages), text


def test_load_is_cached_per_path(policy: Policy) -> None:
    assert load_policy() is policy
    assert load_policy(DEFAULT_POLICY_PATH) is policy


def test_edited_file_is_read_again(tmp_path: Path) -> None:
    path = tmp_path / FILE
    path.write_text(SHIPPED, encoding="utf-8")
    first = load_policy(path)
    path.write_text(SHIPPED.replace('version = "2021-05-07"', 'version = "2021-05-08"'), encoding="utf-8")
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    assert first.version == "2021-05-07"
    assert load_policy(path).version == "2021-05-08"


def test_native_toml_date_is_accepted_as_version() -> None:
    data = tomllib.loads(SHIPPED.replace('version = "2021-05-07"', "version = 2021-05-07"))
    assert parse_policy(data, FILE).version == "2021-05-07"


# --- Text ---------------------------------------------------------------------------------------


def test_text_falls_back_to_bokmal_then_english() -> None:
    text = Text({"nb": "hei", "en": "hello"})
    assert text.get("nb") == "hei"
    assert text.get("en_GB") == "hello"
    assert text.get("sv") == "hei"
    assert Text(en="hello", de="hallo").get("sv") == "hello"
    assert Text({"nb": "hei", "en": "hello"}) == Text({"en": "hello", "nb": "hei"})
    assert len({Text(nb="a"), Text(nb="a")}) == 1
    with pytest.raises(ValueError, match="at least one language"):
        Text()


@given(st.text(max_size=12))
def test_text_get_always_answers(lang: str) -> None:
    text = Text({"nb": "hei", "en": "hello", "sv": "hej"})
    assert text.get(lang) in {"hei", "hello", "hej"}


# --- Broken files ---------------------------------------------------------------------------------


def _error(path: Path) -> str:
    with pytest.raises(PolicyError) as caught:
        load_policy(path)
    message = str(caught.value)
    assert message.startswith(f"{FILE}: "), message
    return message


def test_missing_nb_label_is_named(tmp_path: Path) -> None:
    path = _broken_file(
        tmp_path, 'label = { nb = "Navn", en = "Name", sv = "Namn" }', 'label = { en = "Name" }'
    )
    assert "categories[0].label.nb: missing: every text needs a Norwegian Bokmål (nb) version" in _error(path)


def test_unknown_anchor_is_named(tmp_path: Path) -> None:
    path = _broken_file(tmp_path, 'anchor = "event_ended"', 'anchor = "foo"')
    message = _error(path)
    assert (
        "purposes[3].retention.anchor: unknown anchor 'foo' (expected one of: purchase_completed, " in message
    )


def test_dangling_category_reference_is_named(tmp_path: Path) -> None:
    path = _broken_file(
        tmp_path,
        'categories = ["national_id", "purchase_and_user_generated", "it_environment"]',
        'categories = ["national_id", "clickstream", "it_environment"]',
    )
    assert "purposes[4].categories[1]: unknown category 'clickstream' (expected one of: name, " in _error(
        path
    )


def test_duplicate_key_is_named(tmp_path: Path) -> None:
    path = _broken_file(tmp_path, 'key = "correspondence"', 'key = "name"')
    assert "categories[8].key: duplicate key 'name' (already used by categories[0])" in _error(path)


@pytest.mark.parametrize(
    ("number", "problem"),
    [
        ("93150210", "is not a Norwegian organisation number (9 digits, no spaces)"),
        ("931 502 107", "is not a Norwegian organisation number"),
        ("931502108", "has a wrong control digit (mod 11)"),
    ],
)
def test_bad_organisation_number_is_named(tmp_path: Path, number: str, problem: str) -> None:
    path = _broken_file(tmp_path, 'organisation_number = "931502107"', f'organisation_number = "{number}"')
    message = _error(path)
    assert f"company.organisation_number: '{number}' {problem}" in message


def test_toml_syntax_error_is_a_policy_error(tmp_path: Path) -> None:
    path = _broken_file(tmp_path, 'country = "NO"', 'country = "NO')
    message = _error(path)
    assert "TOML syntax error" in message
    assert "line" in message


def test_unreadable_files_are_policy_errors(tmp_path: Path) -> None:
    assert "cannot read policy file" in _error(tmp_path / FILE)
    path = tmp_path / FILE
    path.write_bytes(b'[policy]\nid = "\xff"\n')
    assert "not UTF-8 text" in _error(path)


# --- Validation rules on parsed data ------------------------------------------------------------------


def _parse_error(data: dict[str, Any]) -> str:
    with pytest.raises(PolicyError) as caught:
        parse_policy(data, FILE)
    return str(caught.value)


def _mutations() -> list[tuple[str, Callable[[dict[str, Any]], None], str]]:
    def set_in(*path: str | int, value: object) -> Callable[[dict[str, Any]], None]:
        def apply(data: dict[str, Any]) -> None:
            target: Any = data
            for step in path[:-1]:
                target = target[step]
            target[path[-1]] = value

        return apply

    def delete(*path: str | int) -> Callable[[dict[str, Any]], None]:
        def apply(data: dict[str, Any]) -> None:
            target: Any = data
            for step in path[:-1]:
                target = target[step]
            del target[path[-1]]

        return apply

    def drop_record_kind(data: dict[str, Any]) -> None:
        data["record_kinds"] = [k for k in data["record_kinds"] if k["key"] != "favourite"]

    return [
        ("missing section", delete("rights"), "teknikproffset-no.toml: rights: missing (required)"),
        (
            "misspelt optional field",
            set_in("purposes", 0, "consequense_if_not_provided", value={"nb": "x"}),
            "purposes[0].consequense_if_not_provided: unknown field (expected one of: key, ",
        ),
        (
            "bookkeeping law",
            set_in("company", "bookkeeping_law", value="dk-bogforingsloven"),
            "company.bookkeeping_law: unknown bookkeeping law 'dk-bogforingsloven' "
            "(expected one of: no-bokforingsloven, se-bokforingslagen)",
        ),
        (
            "negative minimum",
            set_in("purposes", 2, "retention", "minimum_days", value=-1),
            "purposes[2].retention.minimum_days: must not be negative, got -1",
        ),
        (
            "boolean as a number",
            set_in("purposes", 0, "retention", "after_months", value=True),
            "purposes[0].retention.after_months: expected a whole number, got a boolean",
        ),
        (
            "dangling legal basis",
            set_in("purposes", 0, "legal_basis", value="gut_feeling"),
            "purposes[0].legal_basis: unknown legal basis 'gut_feeling'",
        ),
        (
            "dangling record-kind purpose",
            set_in("record_kinds", 0, "purposes", value=["purchase", "newsletter"]),
            "record_kinds[0].purposes[1]: unknown purpose 'newsletter'",
        ),
        (
            "dangling recipient record kind",
            set_in("recipients", 0, "record_kinds", value=["invoice"]),
            "recipients[0].record_kinds[0]: unknown record kind 'invoice'",
        ),
        (
            "recipient views disagree",
            set_in(
                "purposes", 0, "recipients", value=["payment_solutions", "transport_freight", "it_services"]
            ),
            "recipients[5].purposes[0]: lists 'purchase', but that purpose's recipients do not list "
            "'transport_companies'",
        ),
        (
            "record kind outside its purposes' categories",
            set_in("record_kinds", 15, "categories", value=["name", "correspondence"]),
            "record_kinds[15].categories[1]: 'correspondence' is not a category of any of this record "
            "kind's purposes (job_application)",
        ),
        ("missing record kind", drop_record_kind, "record_kinds: missing 'favourite'"),
        (
            "unknown record kind",
            set_in("record_kinds", 14, "key", value="wishlist"),
            "record_kinds[14].key: unknown record kind 'wishlist'",
        ),
        (
            "purposes out of order",
            set_in("purposes", 1, "number", value=1),
            "purposes[1].number: 1 is out of order",
        ),
        (
            "duplicate reference",
            set_in("purposes", 7, "categories", value=["name", "contact", "name"]),
            "purposes[7].categories[2]: duplicate 'name' (already at purposes[7].categories[0])",
        ),
        (
            "empty text",
            set_in("purposes", 0, "title", "nb", value="  "),
            "purposes[0].title.nb: must not be empty",
        ),
        (
            "text given as a plain string",
            set_in("purposes", 0, "title", value="Kjøp"),
            'purposes[0].title: expected a text table like {nb = "...", en = "..."}, got a string',
        ),
        (
            "bad version",
            set_in("policy", "version", value="7 May 2021"),
            "policy.version: '7 May 2021' is not a date (YYYY-MM-DD)",
        ),
        (
            "unknown right",
            set_in("rights", 0, "key", value="be_forgotten_twice"),
            "rights[0].key: unknown right 'be_forgotten_twice'",
        ),
        (
            "duplicate erasure ground",
            set_in("rights", 2, "grounds", 1, "key", value="no_longer_necessary"),
            "rights[2].grounds[1].key: duplicate key 'no_longer_necessary' "
            "(already used by rights[2].grounds[0])",
        ),
        (
            "bad e-mail",
            set_in("company", "email", value="kundservice"),
            "company.email: 'kundservice' is not an e-mail address",
        ),
    ]


@pytest.mark.parametrize(("name", "mutate", "expected"), _mutations(), ids=[m[0] for m in _mutations()])
def test_validation_names_the_field(
    name: str, mutate: Callable[[dict[str, Any]], None], expected: str
) -> None:
    data = copy.deepcopy(_data())
    mutate(data)
    assert expected in _parse_error(data)


def test_default_language_other_than_nb_is_required_too() -> None:
    data = _data()
    data["policy"]["default_language"] = "en"
    assert parse_policy(data, FILE).default_language == "en"
    del data["categories"][1]["label"]["en"]
    assert (
        "categories[1].label.en: missing: every text needs a default-language (en) version"
        in _parse_error(data)
    )


def test_swedish_company_uses_luhn() -> None:
    data = _data()
    data["company"].update(
        country="SE", organisation_number="556036-0794", bookkeeping_law="se-bokforingslagen"
    )
    assert "has a wrong control digit (Luhn)" in _parse_error(data)
    data["company"]["organisation_number"] = "556036-0793"
    assert parse_policy(data, FILE).company.bookkeeping_law == "se-bokforingslagen"
