"""Data-subject requests: their types, states and the one table that says who may move them where.

The transition table is data, not code paths, so the UI can ask which buttons to show
(`allowed_actions`) and the tests can read the whole machine as a truth table. Rules that are
not about states (a refusal needs a written reason, approval needs a supervisor) live here too,
so the service layer, the CLI and the UI cannot disagree about them.

Terminal states stay terminal: an answered request is the record of what was answered and when,
and reopening it would rewrite that record and its deadline. A new request is filed instead.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from desktop.domain.roles import Role
from desktop.errors import InvalidInput, PermissionDenied

__all__ = [
    "APPROVAL_TYPES",
    "CLOSED_STATES",
    "IDENTITY_NOT_NEEDED",
    "OPEN_STATES",
    "REASON_REQUIRED",
    "TRANSITIONS",
    "Action",
    "Channel",
    "IdentityState",
    "RequestState",
    "RequestType",
    "Rule",
    "TransitionForbidden",
    "TransitionRefused",
    "allowed_actions",
    "is_open",
    "needs_approval",
    "state_label",
    "transition",
]


class RequestType(StrEnum):
    """The rights of the policy's §11 that a person can exercise; values are the policy's right keys."""

    ACCESS = "access"
    RECTIFICATION = "rectification"
    ERASURE = "erasure"
    RESTRICTION = "restriction"
    OBJECTION_LEGITIMATE_INTEREST = "objection_legitimate_interest"
    OBJECTION_DIRECT_MARKETING = "objection_direct_marketing"
    PORTABILITY = "portability"
    WITHDRAW_CONSENT = "withdraw_consent"

    @property
    def gdpr_article(self) -> str:
        return _ARTICLES[self]


_ARTICLES: dict[RequestType, str] = {
    RequestType.ACCESS: "15",
    RequestType.RECTIFICATION: "16",
    RequestType.ERASURE: "17",
    RequestType.RESTRICTION: "18",
    RequestType.OBJECTION_LEGITIMATE_INTEREST: "21(1)",
    RequestType.OBJECTION_DIRECT_MARKETING: "21(2)",
    RequestType.PORTABILITY: "20",
    RequestType.WITHDRAW_CONSENT: "7(3)",
}


class RequestState(StrEnum):
    RECEIVED = "received"
    IDENTITY_VERIFIED = "identity_verified"
    IN_PROGRESS = "in_progress"
    AWAITING_APPROVAL = "awaiting_approval"
    DONE = "done"
    REFUSED = "refused"
    WITHDRAWN = "withdrawn"


OPEN_STATES: frozenset[RequestState] = frozenset(
    {RequestState.RECEIVED, RequestState.IDENTITY_VERIFIED, RequestState.IN_PROGRESS,
     RequestState.AWAITING_APPROVAL}
)
CLOSED_STATES: frozenset[RequestState] = frozenset(
    {RequestState.DONE, RequestState.REFUSED, RequestState.WITHDRAWN}
)


class Action(StrEnum):
    VERIFY_IDENTITY = "verify_identity"
    START = "start"
    SUBMIT_FOR_APPROVAL = "submit_for_approval"
    APPROVE = "approve"
    REJECT = "reject"
    COMPLETE = "complete"
    REFUSE = "refuse"
    WITHDRAW = "withdraw"
    EXTEND = "extend"


class Channel(StrEnum):
    """How the request reached the shop; an electronic request gets an electronic answer (Art. 12(3))."""

    PHONE = "phone"
    EMAIL = "email"
    LETTER = "letter"
    COUNTER = "counter"
    WEB = "web"


class IdentityState(StrEnum):
    """How sure the desk is that the requester is the person: asked for only where it matters (§4)."""

    UNVERIFIED = "unverified"
    VERIFIED = "verified"
    NOT_REQUIRED = "not_required"


#: Types a supervisor decides: erasure (four eyes, issue 5) and the Art. 21(1) balancing test.
APPROVAL_TYPES: frozenset[RequestType] = frozenset(
    {RequestType.ERASURE, RequestType.OBJECTION_LEGITIMATE_INTEREST}
)
#: A marketing objection is absolute and only ever reduces processing, so a false one harms no
#: one: it may start without identity checks and take effect at once (Art. 21(3), docs/rules.md#r-marketing).
IDENTITY_NOT_NEEDED: frozenset[RequestType] = frozenset({RequestType.OBJECTION_DIRECT_MARKETING})
#: Actions that must carry a written reason: refusals and rejections are denials (docs/rules.md#r-refusal),
#: an extension's reasons must be given to the person (Art. 12(3)).
REASON_REQUIRED: frozenset[Action] = frozenset({Action.REFUSE, Action.REJECT, Action.EXTEND})

_ALL_ROLES: frozenset[Role] = frozenset(Role)
_DECIDERS: frozenset[Role] = frozenset({Role.SUPERVISOR, Role.ADMIN})
_ALL_TYPES: frozenset[RequestType] = frozenset(RequestType)


@dataclass(frozen=True)
class Rule:
    """One allowed move: from `source` by `action` to `target`, for these roles and request types."""

    source: RequestState
    action: Action
    target: RequestState
    roles: frozenset[Role] = _ALL_ROLES
    types: frozenset[RequestType] = _ALL_TYPES


def _rules() -> tuple[Rule, ...]:
    s, a = RequestState, Action
    open_ = (s.RECEIVED, s.IDENTITY_VERIFIED, s.IN_PROGRESS)
    rules = [
        Rule(s.RECEIVED, a.VERIFY_IDENTITY, s.IDENTITY_VERIFIED),
        Rule(s.RECEIVED, a.START, s.IN_PROGRESS, types=IDENTITY_NOT_NEEDED),
        Rule(s.IDENTITY_VERIFIED, a.START, s.IN_PROGRESS),
        Rule(s.IN_PROGRESS, a.SUBMIT_FOR_APPROVAL, s.AWAITING_APPROVAL, types=APPROVAL_TYPES),
        # Both decisions hand the request back to be carried out (an approved erasure still has
        # to run; a rejected plan is reworked or refused), so nothing closes without a last step.
        Rule(s.AWAITING_APPROVAL, a.APPROVE, s.IN_PROGRESS, roles=_DECIDERS, types=APPROVAL_TYPES),
        Rule(s.AWAITING_APPROVAL, a.REJECT, s.IN_PROGRESS, roles=_DECIDERS, types=APPROVAL_TYPES),
        Rule(s.IN_PROGRESS, a.COMPLETE, s.DONE),
        Rule(s.AWAITING_APPROVAL, a.REFUSE, s.REFUSED, roles=_DECIDERS, types=APPROVAL_TYPES),
        Rule(s.AWAITING_APPROVAL, a.WITHDRAW, s.WITHDRAWN, types=APPROVAL_TYPES),
        Rule(s.AWAITING_APPROVAL, a.EXTEND, s.AWAITING_APPROVAL, types=APPROVAL_TYPES),
    ]
    for state in open_:
        rules += [
            Rule(state, a.REFUSE, s.REFUSED),
            Rule(state, a.WITHDRAW, s.WITHDRAWN),
            Rule(state, a.EXTEND, state),
        ]
    return tuple(rules)


#: The whole machine. Anything not listed here is refused.
TRANSITIONS: tuple[Rule, ...] = _rules()


class TransitionRefused(InvalidInput):
    """A move the machine does not allow; `code` lets callers react without parsing the text.

    Codes: "terminal", "not_allowed", "wrong_type", "reason_missing", "needs_approval", "role".
    """

    def __init__(self, message: str, message_nb: str, *, code: str) -> None:
        super().__init__(message, message_nb)
        self.code = code


class TransitionForbidden(TransitionRefused, PermissionDenied):
    """The move exists, but not for this role: approval and rejection belong to a supervisor."""


_STATE_NB: dict[RequestState, str] = {
    RequestState.RECEIVED: "mottatt",
    RequestState.IDENTITY_VERIFIED: "identitet bekreftet",
    RequestState.IN_PROGRESS: "under arbeid",
    RequestState.AWAITING_APPROVAL: "venter på godkjenning",
    RequestState.DONE: "ferdig",
    RequestState.REFUSED: "avslått",
    RequestState.WITHDRAWN: "trukket tilbake",
}
_STATE_SV: dict[RequestState, str] = {
    RequestState.RECEIVED: "mottagen",
    RequestState.IDENTITY_VERIFIED: "identitet bekräftad",
    RequestState.IN_PROGRESS: "under arbete",
    RequestState.AWAITING_APPROVAL: "väntar på godkännande",
    RequestState.DONE: "klar",
    RequestState.REFUSED: "avslagen",
    RequestState.WITHDRAWN: "återkallad",
}
_ACTION_NB: dict[Action, str] = {
    Action.VERIFY_IDENTITY: "bekrefte identitet",
    Action.START: "starte",
    Action.SUBMIT_FOR_APPROVAL: "sende til godkjenning",
    Action.APPROVE: "godkjenne",
    Action.REJECT: "avvise",
    Action.COMPLETE: "fullføre",
    Action.REFUSE: "avslå",
    Action.WITHDRAW: "trekke tilbake",
    Action.EXTEND: "forlenge fristen",
}
_ACTION_EN: dict[Action, str] = {
    Action.VERIFY_IDENTITY: "verify the identity of",
    Action.START: "start",
    Action.SUBMIT_FOR_APPROVAL: "submit for approval",
    Action.APPROVE: "approve",
    Action.REJECT: "reject",
    Action.COMPLETE: "complete",
    Action.REFUSE: "refuse",
    Action.WITHDRAW: "withdraw",
    Action.EXTEND: "extend",
}


def state_label(state: RequestState, lang: str = "nb") -> str:
    """The state as staff read it (Bokmål, Swedish); English keeps the key with spaces."""
    if lang == "nb":
        return _STATE_NB[state]
    if lang == "sv":
        return _STATE_SV[state]
    return state.value.replace("_", " ")


def is_open(state: RequestState | str) -> bool:
    return RequestState(state) in OPEN_STATES


def needs_approval(request_type: RequestType | str) -> bool:
    return RequestType(request_type) in APPROVAL_TYPES


def _rule_for(state: RequestState, action: Action, request_type: RequestType) -> Rule | None:
    for rule in TRANSITIONS:
        if rule.source is state and rule.action is action and request_type in rule.types:
            return rule
    return None


def _check_role(rule: Rule, role: Role, action: Action) -> None:
    if role not in rule.roles:
        raise TransitionForbidden(
            f"Only a supervisor or an administrator may {_ACTION_EN[action]} a request; "
            f"you are signed in as {role.value}.",
            f"Bare en leder eller en administrator kan {_ACTION_NB[action]} en henvendelse; "
            f"du er logget inn som {role.value}.",
            code="role",
        )


def transition(
    role: Role | str,
    state: RequestState | str,
    action: Action | str,
    *,
    request_type: RequestType | str,
    reason: str | None = None,
    approved: bool = False,
) -> RequestState:
    """The state after `action`, or TransitionRefused saying in nb and en why not.

    `approved` tells whether a supervisor has approved a type that needs approval; such a
    request can only be completed after that, which is the hook issue 5's four eyes hang on.
    """
    role, state, action = Role(role), RequestState(state), Action(action)
    request_type = RequestType(request_type)
    if state in CLOSED_STATES:
        raise TransitionRefused(
            f"The request is {state_label(state, 'en')} and closed; file a new request instead.",
            f"Henvendelsen er {state_label(state)} og avsluttet; registrer en ny henvendelse i stedet.",
            code="terminal",
        )
    rule = _rule_for(state, action, request_type)
    if rule is None:
        if action in (Action.SUBMIT_FOR_APPROVAL, Action.APPROVE, Action.REJECT) and not needs_approval(
            request_type
        ):
            raise TransitionRefused(
                f"A request of type {request_type.value} is not decided by a supervisor; "
                "only erasure and objections under Art. 21(1) are.",
                f"En henvendelse av typen {request_type.value} avgjøres ikke av en leder; "
                "det gjør bare sletting og innsigelser etter art. 21 nr. 1.",
                code="wrong_type",
            )
        if action is Action.START and state is RequestState.RECEIVED:
            raise TransitionRefused(
                "Verify the person's identity before starting work on this request.",
                "Bekreft identiteten til personen før arbeidet med henvendelsen starter.",
                code="not_allowed",
            )
        raise TransitionRefused(
            f"A request that is {state_label(state, 'en')} cannot be {_past_en(action)}.",
            f"Handlingen «{_ACTION_NB[action]}» er ikke mulig for en henvendelse som er {state_label(state)}.",
            code="not_allowed",
        )
    _check_role(rule, role, action)
    if action in REASON_REQUIRED and not (reason or "").strip():
        raise TransitionRefused(
            f"To {_ACTION_EN[action]} a request, write the reason; it is given to the person.",
            f"For å {_ACTION_NB[action]} en henvendelse må du skrive begrunnelsen; den gis til personen.",
            code="reason_missing",
        )
    if action is Action.COMPLETE and needs_approval(request_type) and not approved:
        raise TransitionRefused(
            "This request needs a supervisor's decision before it can be completed.",
            "Denne henvendelsen må avgjøres av en leder før den kan fullføres.",
            code="needs_approval",
        )
    return rule.target


def _past_en(action: Action) -> str:
    special = {Action.VERIFY_IDENTITY: "verified", Action.SUBMIT_FOR_APPROVAL: "submitted for approval",
               Action.START: "started", Action.EXTEND: "extended", Action.WITHDRAW: "withdrawn"}
    return special.get(action, f"{action.value}d" if action.value.endswith("e") else f"{action.value}ed")


def allowed_actions(
    role: Role | str, state: RequestState | str, *, request_type: RequestType | str, approved: bool = False
) -> tuple[Action, ...]:
    """The actions this role may take now, in table order: what the request screen offers."""
    result: list[Action] = []
    for action in Action:
        try:
            transition(role, state, action, request_type=request_type, reason="x", approved=approved)
        except TransitionRefused:
            continue
        result.append(action)
    return tuple(result)
