"""Why an erasure step is refused, with a code the screens and the CLI act on."""

from __future__ import annotations

from desktop.domain.requests import TransitionRefused
from desktop.errors import PermissionDenied
from desktop.services.erasure.views import PlanView


class ErasureRefused(TransitionRefused):
    """A step of the erasure that is not allowed now; `code` says which rule, `plan` why (if any).

    Codes: not_erasure, closed, rejected, executed, already_decided, not_awaiting, no_plan,
    stale_plan, plan_changed, all_held, grace, grace_over, not_approved, reason_missing,
    wrong_purpose, self_approval, approver.
    """

    def __init__(self, message: str, message_nb: str, *, code: str, plan: PlanView | None = None) -> None:
        super().__init__(message, message_nb, code=code)
        self.plan = plan


class ErasureForbidden(ErasureRefused, PermissionDenied):
    """The person may not take this step: the filer approving, or a role that may not approve."""


def plan_changed() -> ErasureRefused:
    return ErasureRefused(
        "The data changed since the plan was made; make the plan again.",
        "Opplysningene er endret siden planen ble laget; lag planen på nytt.",
        code="plan_changed",
    )
