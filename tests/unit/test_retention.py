"""Retention periods (docs/rules.md#r-retention), legal holds (#r-holds) and the erasure decision (#r-erasure)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.domain.retention import (
    ANCHORS,
    LAW_CONSUMER_PURCHASES,
    LAW_FRAUD_POLICY,
    LAW_NO_BOOKKEEPING,
    LAW_SE_BOOKKEEPING,
    Decision,
    ErasureDecision,
    LegalHold,
    RetentionDue,
    RetentionExplanation,
    RetentionRuleLike,
    bookkeeping_hold,
    consumer_complaint_hold,
    decide,
    fraud_hold,
    is_retention_expired,
    retention_due,
)


@dataclass(frozen=True)
class Rule:
    """Stands in for the policy loader's rule objects."""

    anchor: str
    after_months: int = 0
    minimum_days: int = 0
    minimum_months: int = 0


# The policy's eight rules, as docs/rules.md#r-retention reads them.
PURCHASE = Rule("purchase_completed", after_months=36)
LEGAL = Rule("purchase_completed", after_months=36)
SERVICE = Rule("case_closed", minimum_days=30)
COMPETITION = Rule("event_ended", minimum_days=30)
FRAUD = Rule("collected", after_months=36)
MEMBERSHIP = Rule("membership_ended")
JOB = Rule("recruitment_ended", minimum_months=6)
EMAIL = Rule("case_closed", minimum_days=30)


def test_a_frozen_dataclass_satisfies_the_protocol() -> None:
    rule: RetentionRuleLike = PURCHASE
    assert rule.anchor in ANCHORS


def test_anchor_names() -> None:
    expected = {
        "purchase_completed",
        "collected",
        "case_closed",
        "event_ended",
        "membership_ended",
        "recruitment_ended",
    }
    assert expected == ANCHORS


# --- each anchor ------------------------------------------------------------------------------


def test_purchase_completed_plus_36_months() -> None:
    r = retention_due(PURCHASE, collected=date(2026, 3, 10), anchor_date=date(2026, 3, 31))
    assert r.due == date(2029, 3, 31)
    assert r.anchor == "purchase_completed"
    assert r.anchor_date == date(2026, 3, 31)
    assert r.minimum_until is None
    assert r.explanation_key is RetentionExplanation.AFTER_ANCHOR
    assert r.describe("nb") == "lagres til 31.03.2029: 36 måneder etter at kjøpet ble fullført"
    assert r.describe("en") == "kept until 2029-03-31: 36 months after the purchase was completed"


def test_legal_obligations_follow_the_purchase() -> None:
    r = retention_due(LEGAL, collected=date(2026, 1, 5), anchor_date=date(2026, 1, 31))
    assert r.due == date(2029, 1, 31)


def test_purchase_not_completed_has_no_due_date() -> None:
    r = retention_due(PURCHASE, collected=date(2026, 3, 10), anchor_date=None)
    assert r.due is None
    assert r.minimum_until is None
    assert r.explanation_key is RetentionExplanation.PENDING
    assert r.describe("nb") == "lagres til kjøpet er fullført, og deretter i 36 måneder"
    assert r.describe("en") == "kept until the purchase is completed, then for 36 months"


def test_collected_anchor_uses_the_collection_date() -> None:
    r = retention_due(FRAUD, collected=date(2026, 2, 28), anchor_date=None)
    assert r.anchor_date == date(2026, 2, 28)
    assert r.due == date(2029, 2, 28)
    assert r.describe("en") == "kept until 2029-02-28: 36 months after the data was collected"
    # An anchor date passed by mistake does not move a "collected" rule.
    r2 = retention_due(FRAUD, collected=date(2026, 2, 28), anchor_date=date(2027, 1, 1))
    assert r2.due == date(2029, 2, 28)


def test_case_open_reports_the_minimum() -> None:
    r = retention_due(SERVICE, collected=date(2026, 12, 2), anchor_date=None)
    assert r.due is None
    assert r.minimum_until == date(2027, 1, 1)
    assert r.explanation_key is RetentionExplanation.PENDING_MINIMUM
    assert r.describe("nb") == "lagres til saken er avsluttet, minst til 01.01.2027"
    assert r.describe("en") == "kept until the case is closed, at least until 2027-01-01"


def test_case_closed_quickly_is_kept_for_the_minimum() -> None:
    r = retention_due(SERVICE, collected=date(2026, 12, 2), anchor_date=date(2026, 12, 5))
    assert r.due == date(2027, 1, 1)
    assert r.explanation_key is RetentionExplanation.MINIMUM_DAYS
    assert r.describe("nb") == ("lagres til 01.01.2027: minst 30 dager etter at opplysningene ble samlet inn")
    assert r.describe("en") == "kept until 2027-01-01: at least 30 days after the data was collected"


def test_case_closed_late_ends_at_closure() -> None:
    r = retention_due(EMAIL, collected=date(2026, 12, 2), anchor_date=date(2027, 3, 5))
    assert r.due == date(2027, 3, 5)
    assert r.explanation_key is RetentionExplanation.AT_ANCHOR
    assert r.describe("nb") == "lagres til 05.03.2027: da saken ble avsluttet"
    assert r.describe("en") == "kept until 2027-03-05: when the case was closed"


def test_case_closed_exactly_at_the_minimum_credits_the_closure() -> None:
    r = retention_due(SERVICE, collected=date(2026, 12, 2), anchor_date=date(2027, 1, 1))
    assert r.due == date(2027, 1, 1)
    assert r.explanation_key is RetentionExplanation.AT_ANCHOR


def test_competition_runs_at_least_30_days() -> None:
    running = retention_due(COMPETITION, collected=date(2026, 6, 1), anchor_date=None)
    assert running.due is None
    assert running.minimum_until == date(2026, 7, 1)
    assert running.describe("en") == (
        "kept until the competition or event has ended, at least until 2026-07-01"
    )
    ended = retention_due(COMPETITION, collected=date(2026, 6, 1), anchor_date=date(2026, 8, 15))
    assert ended.due == date(2026, 8, 15)


def test_membership_until_it_ends() -> None:
    active = retention_due(MEMBERSHIP, collected=date(2024, 1, 1), anchor_date=None)
    assert active.due is None
    assert active.minimum_until is None
    assert active.describe("nb") == "lagres til medlemskapet avsluttes"
    assert active.describe("en") == "kept until the membership ends"
    ended = retention_due(MEMBERSHIP, collected=date(2024, 1, 1), anchor_date=date(2026, 5, 2))
    assert ended.due == date(2026, 5, 2)
    assert ended.describe("nb") == "lagres til 02.05.2026: da medlemskapet ble avsluttet"


def test_job_application_at_least_six_months() -> None:
    early = retention_due(JOB, collected=date(2026, 8, 31), anchor_date=date(2026, 10, 1))
    assert early.due == date(2027, 2, 28)  # six months, clamped to February's end
    assert early.explanation_key is RetentionExplanation.MINIMUM_MONTHS
    assert early.describe("nb") == (
        "lagres til 28.02.2027: minst 6 måneder etter at opplysningene ble samlet inn"
    )
    late = retention_due(JOB, collected=date(2026, 8, 31), anchor_date=date(2027, 5, 1))
    assert late.due == date(2027, 5, 1)
    pending = retention_due(JOB, collected=date(2026, 8, 31), anchor_date=None)
    assert pending.describe("en") == (
        "kept until the recruitment process has ended, at least until 2027-02-28"
    )


def test_longer_of_two_minimums_wins() -> None:
    rule = Rule("case_closed", minimum_days=200, minimum_months=6)
    r = retention_due(rule, collected=date(2026, 1, 1), anchor_date=date(2026, 1, 2))
    assert r.due == date(2026, 7, 20)  # 200 days beats 2026-07-01
    assert r.explanation_key is RetentionExplanation.MINIMUM_DAYS
    rule = Rule("case_closed", minimum_days=30, minimum_months=6)
    r = retention_due(rule, collected=date(2026, 1, 1), anchor_date=date(2026, 1, 2))
    assert r.due == date(2026, 7, 1)
    assert r.explanation_key is RetentionExplanation.MINIMUM_MONTHS


def test_after_months_and_minimum_together() -> None:
    rule = Rule("case_closed", after_months=1, minimum_days=30)
    r = retention_due(rule, collected=date(2026, 1, 1), anchor_date=date(2026, 3, 31))
    assert r.due == date(2026, 4, 30)
    assert r.describe("en") == "kept until 2026-04-30: 1 month after the case was closed"
    assert r.describe("nb") == "lagres til 30.04.2026: 1 måned etter at saken ble avsluttet"


def test_params_carry_the_raw_values() -> None:
    r = retention_due(PURCHASE, collected=date(2026, 3, 10), anchor_date=date(2026, 3, 31))
    assert r.params["due"] == date(2029, 3, 31)
    assert r.params["after_months"] == 36
    assert r.params["anchor"] == "purchase_completed"


def test_unknown_anchor_is_refused() -> None:
    with pytest.raises(ValueError, match="purchase_completed"):
        retention_due(Rule("order_shipped"), collected=date(2026, 1, 1), anchor_date=None)


def test_negative_months_are_refused() -> None:
    with pytest.raises(ValueError, match="after_months"):
        retention_due(Rule("collected", after_months=-1), collected=date(2026, 1, 1), anchor_date=None)


def test_unknown_language_is_refused() -> None:
    r = retention_due(PURCHASE, collected=date(2026, 3, 10), anchor_date=None)
    with pytest.raises(ValueError, match="nb, en"):
        r.describe("de")


def test_retention_expiry() -> None:
    r = retention_due(PURCHASE, collected=date(2026, 3, 10), anchor_date=date(2026, 3, 31))
    assert not is_retention_expired(r, date(2029, 3, 31))  # kept through the due day
    assert is_retention_expired(r, date(2029, 4, 1))
    pending = retention_due(MEMBERSHIP, collected=date(2020, 1, 1), anchor_date=None)
    assert not is_retention_expired(pending, date(2099, 1, 1))


@given(
    st.sampled_from(sorted(ANCHORS)),
    st.integers(0, 60),
    st.integers(0, 400),
    st.integers(0, 24),
    st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 1, 1)),
    st.integers(0, 2000),
)
def test_due_is_never_before_minimum_or_anchor(
    anchor: str, after: int, min_days: int, min_months: int, collected: date, delay: int
) -> None:
    rule = Rule(anchor, after, min_days, min_months)
    anchor_date = collected + timedelta(days=delay)
    r = retention_due(rule, collected=collected, anchor_date=anchor_date)
    assert r.due is not None
    assert r.due >= collected + timedelta(days=min_days)
    assert r.due >= (r.anchor_date or collected)
    if r.minimum_until is not None:
        assert r.due >= r.minimum_until
    assert r.describe("nb").startswith("lagres til ")
    assert r.describe("en").startswith("kept until ")


# --- legal holds ------------------------------------------------------------------------------


def test_norwegian_bookkeeping_primary() -> None:
    hold = bookkeeping_hold(date(2026, 3, 15), "no-bokforingsloven")
    assert hold.until == date(2031, 12, 31)
    assert hold.law == LAW_NO_BOOKKEEPING
    assert "§ 13" in hold.label_nb
    assert "primary" in hold.label_en


def test_swedish_bookkeeping() -> None:
    hold = bookkeeping_hold(date(2026, 3, 15), "se-bokforingslagen")
    assert hold.until == date(2033, 12, 31)
    assert hold.law == LAW_SE_BOOKKEEPING
    assert "bokföringslagen" in hold.label_en
    # Swedish law draws no primary/secondary line.
    assert bookkeeping_hold(date(2026, 3, 15), LAW_SE_BOOKKEEPING, primary=False).until == (
        date(2033, 12, 31)
    )


def test_norwegian_bookkeeping_secondary_is_three_and_a_half_years() -> None:
    hold = bookkeeping_hold(date(2026, 3, 15), LAW_NO_BOOKKEEPING, primary=False)
    assert hold.until == date(2030, 6, 30)
    assert "sekundær" in hold.label_nb


@pytest.mark.parametrize(
    ("document", "fy_end", "primary", "until"),
    [
        # Financial year ending 30 June: a March invoice belongs to the year ending 2026-06-30.
        (date(2026, 3, 15), (6, 30), True, date(2031, 6, 30)),
        (date(2026, 3, 15), (6, 30), False, date(2029, 12, 31)),  # 31 Dec, not 30 Dec
        # A July invoice belongs to the year ending the next 30 June.
        (date(2026, 7, 1), (6, 30), True, date(2032, 6, 30)),
        (date(2026, 6, 30), (6, 30), True, date(2031, 6, 30)),
        # Year ending 28 Feb 2027: five years ends on leap day 2032.
        (date(2026, 12, 1), (2, 28), True, date(2032, 2, 29)),
        (date(2026, 12, 1), (2, 28), False, date(2030, 8, 31)),
        # Year ending on 29 February: that day in leap years, 28 February otherwise.
        (date(2027, 1, 10), (2, 29), True, date(2032, 2, 29)),
        (date(2027, 9, 30), (9, 30), False, date(2031, 3, 31)),
    ],
)
def test_norwegian_bookkeeping_with_other_financial_years(
    document: date, fy_end: tuple[int, int], primary: bool, until: date
) -> None:
    hold = bookkeeping_hold(document, LAW_NO_BOOKKEEPING, primary=primary, financial_year_end=fy_end)
    assert hold.until == until


def test_swedish_bookkeeping_with_a_broken_financial_year() -> None:
    # Financial year 2026-07-01..2027-06-30 ends in calendar 2027: kept to end of 2034.
    hold = bookkeeping_hold(date(2026, 9, 1), LAW_SE_BOOKKEEPING, financial_year_end=(6, 30))
    assert hold.until == date(2034, 12, 31)


def test_unknown_law_names_the_allowed_values() -> None:
    with pytest.raises(ValueError, match="no-bokforingsloven, se-bokforingslagen"):
        bookkeeping_hold(date(2026, 3, 15), "dk-bogforingsloven")


@pytest.mark.parametrize("fy_end", [(13, 1), (0, 5), (4, 31), (2, 30), (1, 0)])
def test_invalid_financial_year_end(fy_end: tuple[int, int]) -> None:
    with pytest.raises(ValueError, match="financial year end"):
        bookkeeping_hold(date(2026, 3, 15), LAW_NO_BOOKKEEPING, financial_year_end=fy_end)


def test_consumer_complaint_hold() -> None:
    normal = consumer_complaint_hold(date(2026, 3, 15))
    assert normal.until == date(2028, 3, 15)
    assert normal.law == LAW_CONSUMER_PURCHASES
    assert "§ 27" in normal.label_nb
    assert consumer_complaint_hold(date(2026, 3, 15), long_lived=True).until == date(2031, 3, 15)
    assert consumer_complaint_hold(date(2028, 2, 29)).until == date(2030, 2, 28)


def test_fraud_hold() -> None:
    hold = fraud_hold(date(2026, 3, 15))
    assert hold.until == date(2029, 3, 15)
    assert hold.law == LAW_FRAUD_POLICY
    assert "§ 5" in hold.label_en


def test_hold_is_active_through_its_last_day() -> None:
    hold = fraud_hold(date(2026, 3, 15))
    assert hold.is_active(date(2029, 3, 15))
    assert not hold.is_active(date(2029, 3, 16))
    assert hold.label("nb") == hold.label_nb
    assert hold.label("en") == hold.label_en


# --- decide -----------------------------------------------------------------------------------

_RETENTION = retention_due(PURCHASE, collected=date(2026, 3, 10), anchor_date=date(2026, 3, 31))


def test_erase_without_holds() -> None:
    d = decide(date(2027, 1, 1), _RETENTION, [])
    assert d.decision == "erase"
    assert d.decision is Decision.ERASE
    assert d.holds == ()
    assert d.until is None
    assert d.erase_on == date(2027, 1, 1)
    assert not d.retention_expired  # an erasure request does not wait for retention
    assert d.describe("en") == "erased now"


def test_erase_when_every_hold_has_ended() -> None:
    holds = [fraud_hold(date(2020, 1, 1)), consumer_complaint_hold(date(2024, 1, 1))]
    d = decide(date(2027, 1, 1), _RETENTION, holds)
    assert d.decision == "erase"
    assert d.holds == ()


def test_restrict_until_the_latest_active_hold() -> None:
    bookkeeping = bookkeeping_hold(date(2026, 3, 15), LAW_NO_BOOKKEEPING)
    complaint = consumer_complaint_hold(date(2026, 3, 20))
    expired = fraud_hold(date(2020, 1, 1))
    d = decide(date(2027, 1, 1), _RETENTION, [bookkeeping, expired, complaint])
    assert d.decision == "restrict"
    assert d.decision is Decision.RESTRICT
    assert d.until == date(2031, 12, 31)
    assert d.holds == (complaint, bookkeeping)  # only the active ones, soonest first
    assert d.erase_on == date(2032, 1, 1)
    assert d.retention is _RETENTION
    assert d.describe("nb") == (
        "begrenses og lagres til 31.12.2031 på grunn av Forbrukerkjøpsloven § 27 (reklamasjon), "
        "Bokføringsloven § 13 (primærdokumentasjon)"
    )
    assert d.describe("en").startswith("restricted and kept until 2031-12-31 because of ")


def test_swedish_hold_outlasts_norwegian() -> None:
    holds = [
        bookkeeping_hold(date(2026, 3, 15), LAW_NO_BOOKKEEPING),
        bookkeeping_hold(date(2026, 3, 15), LAW_SE_BOOKKEEPING),
    ]
    assert decide(date(2032, 6, 1), _RETENTION, holds).until == date(2033, 12, 31)


def test_hold_ending_today_still_restricts() -> None:
    hold = fraud_hold(date(2026, 3, 15))
    assert decide(date(2029, 3, 15), _RETENTION, [hold]).decision == "restrict"
    assert decide(date(2029, 3, 16), _RETENTION, [hold]).decision == "erase"


def test_decision_records_whether_retention_had_expired() -> None:
    d = decide(date(2029, 4, 1), _RETENTION, [bookkeeping_hold(date(2026, 3, 15), LAW_NO_BOOKKEEPING)])
    assert d.retention_expired
    assert d.decision == "restrict"


def test_inconsistent_decisions_cannot_be_built() -> None:
    hold = fraud_hold(date(2026, 3, 15))
    with pytest.raises(ValueError, match="restriction needs"):
        ErasureDecision(Decision.RESTRICT, date(2027, 1, 1), _RETENTION)
    with pytest.raises(ValueError, match="erasure carries no holds"):
        ErasureDecision(Decision.ERASE, date(2027, 1, 1), _RETENTION, (hold,), hold.until)
    built = ErasureDecision(Decision("restrict"), date(2027, 1, 1), _RETENTION, (hold,), hold.until)
    assert built.decision is Decision.RESTRICT


def test_value_objects_are_frozen_and_hashable() -> None:
    hold = fraud_hold(date(2026, 3, 15))
    with pytest.raises(AttributeError):
        hold.until = date(2030, 1, 1)  # type: ignore[misc]
    assert isinstance(_RETENTION, RetentionDue)
    assert len({hold, fraud_hold(date(2026, 3, 15))}) == 1
    assert hash(decide(date(2027, 1, 1), _RETENTION, [hold])) is not None
    assert isinstance(hold, LegalHold)
