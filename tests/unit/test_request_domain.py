"""The request state machine as a truth table: every role x state x action x type, and its rules."""

from __future__ import annotations

import itertools

import pytest

from desktop.domain.requests import (
    Action,
    RequestState,
    RequestType,
    TransitionForbidden,
    TransitionRefused,
    allowed_actions,
    is_open,
    needs_approval,
    transition,
)
from desktop.domain.roles import Role
from desktop.errors import InvalidInput, PermissionDenied

S, A, T, R = RequestState, Action, RequestType, Role
EVERYONE = frozenset(Role)
DECIDERS = frozenset({R.SUPERVISOR, R.ADMIN})
ALL_TYPES = frozenset(RequestType)
APPROVAL = frozenset({T.ERASURE, T.OBJECTION_LEGITIMATE_INTEREST})
NO_IDENTITY = frozenset({T.OBJECTION_DIRECT_MARKETING})

# (state, action) -> (target, roles allowed, types allowed). Written out by hand from issue 4 and
# docs/rules.md (#r-erasure to #r-marketing); everything not listed must be refused.
EXPECTED: dict[tuple[RequestState, Action], tuple[RequestState, frozenset[Role], frozenset[RequestType]]] = {
    (S.RECEIVED, A.VERIFY_IDENTITY): (S.IDENTITY_VERIFIED, EVERYONE, ALL_TYPES),
    (S.RECEIVED, A.START): (S.IN_PROGRESS, EVERYONE, NO_IDENTITY),
    (S.RECEIVED, A.REFUSE): (S.REFUSED, EVERYONE, ALL_TYPES),
    (S.RECEIVED, A.WITHDRAW): (S.WITHDRAWN, EVERYONE, ALL_TYPES),
    (S.RECEIVED, A.EXTEND): (S.RECEIVED, EVERYONE, ALL_TYPES),
    (S.IDENTITY_VERIFIED, A.START): (S.IN_PROGRESS, EVERYONE, ALL_TYPES),
    (S.IDENTITY_VERIFIED, A.REFUSE): (S.REFUSED, EVERYONE, ALL_TYPES),
    (S.IDENTITY_VERIFIED, A.WITHDRAW): (S.WITHDRAWN, EVERYONE, ALL_TYPES),
    (S.IDENTITY_VERIFIED, A.EXTEND): (S.IDENTITY_VERIFIED, EVERYONE, ALL_TYPES),
    (S.IN_PROGRESS, A.SUBMIT_FOR_APPROVAL): (S.AWAITING_APPROVAL, EVERYONE, APPROVAL),
    (S.IN_PROGRESS, A.COMPLETE): (S.DONE, EVERYONE, ALL_TYPES),  # approval types: only once decided
    (S.IN_PROGRESS, A.REFUSE): (S.REFUSED, EVERYONE, ALL_TYPES),
    (S.IN_PROGRESS, A.WITHDRAW): (S.WITHDRAWN, EVERYONE, ALL_TYPES),
    (S.IN_PROGRESS, A.EXTEND): (S.IN_PROGRESS, EVERYONE, ALL_TYPES),
    (S.AWAITING_APPROVAL, A.APPROVE): (S.IN_PROGRESS, DECIDERS, APPROVAL),
    (S.AWAITING_APPROVAL, A.REJECT): (S.IN_PROGRESS, DECIDERS, APPROVAL),
    (S.AWAITING_APPROVAL, A.REFUSE): (S.REFUSED, DECIDERS, APPROVAL),
    (S.AWAITING_APPROVAL, A.WITHDRAW): (S.WITHDRAWN, EVERYONE, APPROVAL),
    (S.AWAITING_APPROVAL, A.EXTEND): (S.AWAITING_APPROVAL, EVERYONE, APPROVAL),
}

CASES = list(itertools.product(Role, RequestState, Action))


@pytest.mark.parametrize(("role", "state", "action"), CASES, ids=[f"{r}-{s}-{a}" for r, s, a in CASES])
@pytest.mark.parametrize("approved", [False, True], ids=["undecided", "decided"])
def test_truth_table(role: Role, state: RequestState, action: Action, approved: bool) -> None:
    for rtype in RequestType:
        expected = EXPECTED.get((state, action))
        allowed = expected is not None and role in expected[1] and rtype in expected[2]
        if allowed and action is A.COMPLETE and rtype in APPROVAL and not approved:
            allowed = False
        if allowed:
            assert expected is not None
            got = transition(role, state, action, request_type=rtype, reason="because", approved=approved)
            assert got is expected[0], rtype
        else:
            with pytest.raises(TransitionRefused) as exc:
                transition(role, state, action, request_type=rtype, reason="because", approved=approved)
            assert exc.value.message and exc.value.message_nb and exc.value.message != exc.value.message_nb


def test_terminal_states_are_terminal() -> None:
    for state in (S.DONE, S.REFUSED, S.WITHDRAWN):
        assert not is_open(state)
        for action in Action:
            with pytest.raises(TransitionRefused) as exc:
                transition(R.ADMIN, state, action, request_type=T.ACCESS, reason="x", approved=True)
            assert exc.value.code == "terminal"
            assert "file a new request" in exc.value.message


@pytest.mark.parametrize("action", [A.REFUSE, A.REJECT, A.EXTEND])
@pytest.mark.parametrize("reason", [None, "", "   \n"])
def test_denials_and_extensions_need_a_written_reason(action: Action, reason: str | None) -> None:
    state = S.AWAITING_APPROVAL if action is A.REJECT else S.IN_PROGRESS
    with pytest.raises(TransitionRefused) as exc:
        transition(R.SUPERVISOR, state, action, request_type=T.ERASURE, reason=reason)
    assert exc.value.code == "reason_missing"
    assert "reason" in exc.value.message and "begrunnelsen" in exc.value.message_nb


def test_approval_belongs_to_supervisors() -> None:
    with pytest.raises(TransitionForbidden) as exc:
        transition(R.AGENT, S.AWAITING_APPROVAL, A.APPROVE, request_type=T.ERASURE)
    assert isinstance(exc.value, PermissionDenied) and isinstance(exc.value, InvalidInput)
    assert exc.value.code == "role" and "supervisor" in exc.value.message and "leder" in exc.value.message_nb


def test_only_erasure_and_legitimate_interest_objections_wait_for_approval() -> None:
    assert {t for t in RequestType if needs_approval(t)} == APPROVAL
    with pytest.raises(TransitionRefused) as exc:
        transition(R.AGENT, S.IN_PROGRESS, A.SUBMIT_FOR_APPROVAL, request_type=T.ACCESS)
    assert exc.value.code == "wrong_type"


def test_approval_types_complete_only_after_a_decision() -> None:
    with pytest.raises(TransitionRefused) as exc:
        transition(R.ADMIN, S.IN_PROGRESS, A.COMPLETE, request_type=T.OBJECTION_LEGITIMATE_INTEREST)
    assert exc.value.code == "needs_approval"
    assert transition(R.AGENT, S.IN_PROGRESS, A.COMPLETE, request_type=T.ERASURE, approved=True) is S.DONE


def test_identity_first_except_for_marketing_objections() -> None:
    with pytest.raises(TransitionRefused) as exc:
        transition(R.AGENT, S.RECEIVED, A.START, request_type=T.RECTIFICATION)
    assert "Verify" in exc.value.message and "identiteten" in exc.value.message_nb
    assert transition(R.AGENT, S.RECEIVED, A.START, request_type=T.OBJECTION_DIRECT_MARKETING) is S.IN_PROGRESS


def test_allowed_actions_are_what_the_screen_offers() -> None:
    assert allowed_actions(R.AGENT, S.RECEIVED, request_type=T.ACCESS) == (
        A.VERIFY_IDENTITY, A.REFUSE, A.WITHDRAW, A.EXTEND)
    assert allowed_actions(R.AGENT, S.AWAITING_APPROVAL, request_type=T.ERASURE) == (A.WITHDRAW, A.EXTEND)
    assert A.APPROVE in allowed_actions(R.SUPERVISOR, S.AWAITING_APPROVAL, request_type=T.ERASURE)
    assert allowed_actions(R.ADMIN, S.DONE, request_type=T.ACCESS) == ()


def test_articles_and_values() -> None:
    assert {t.value: t.gdpr_article for t in RequestType} == {
        "access": "15", "rectification": "16", "erasure": "17", "restriction": "18",
        "objection_legitimate_interest": "21(1)", "objection_direct_marketing": "21(2)",
        "portability": "20", "withdraw_consent": "7(3)",
    }
    with pytest.raises(ValueError):
        transition("agent", "received", "fly", request_type="access")
