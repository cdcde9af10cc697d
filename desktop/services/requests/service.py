"""The request service: one class whose use cases live one module per right (see the package docstring)."""

from __future__ import annotations

from desktop.domain.requests import (
    Action,
    RequestType,
    TransitionRefused,
)
from desktop.domain.roles import Actor
from desktop.services.requests.lifecycle import LifecycleMixin
from desktop.services.requests.objection import ObjectionMixin
from desktop.services.requests.portability import PortabilityMixin
from desktop.services.requests.rectification import RectificationMixin
from desktop.services.requests.restriction import RestrictionMixin
from desktop.services.requests.views import (
    RequestView,
)

__all__ = ["RequestService"]


class RequestService(LifecycleMixin, RectificationMixin, RestrictionMixin, ObjectionMixin, PortabilityMixin):
    """Use cases for data-subject requests; `clock` returns naive UTC, `roll_forward` is the setting.

    Every public method is one unit of work (desktop.services.unit_of_work); the rights share
    RequestCore (the view, letters, Art. 19 notices, restriction) and nothing else.
    """

    def transition(self, actor: Actor, request_id: int, action: Action | str, *, reason: str | None = None,
                   version: int | None = None) -> RequestView:
        """Any action by name; the ones with their own rules go through their own method."""
        act = Action(action)
        if act is Action.VERIFY_IDENTITY:
            return self.verify_identity(actor, request_id, note=reason or "", version=version)
        if act is Action.REFUSE:
            return self.refuse(actor, request_id, reason or "", version=version)
        if act is Action.WITHDRAW:
            return self.withdraw(actor, request_id, note=reason or "", version=version)
        if act is Action.EXTEND:
            return self.extend(actor, request_id, reason or "", version=version).request
        if act is Action.COMPLETE:
            return self.complete(actor, request_id, reason or "", version=version)
        if act is Action.SUBMIT_FOR_APPROVAL:
            with self.uow.begin(actor) as w:
                s = w.session
                rtype = RequestType(w.load(request_id, version).type)
            if rtype is RequestType.ERASURE:
                # An erasure waits for approval with its plan: making the plan is what submits it.
                from desktop.services.erasure import ErasureService

                ErasureService(self.ctx, clock=self.clock).make_plan(actor, request_id)
                return self.get(actor, request_id)
        if act in (Action.APPROVE, Action.REJECT):
            with self.uow.begin(actor) as w:
                s = w.session
                rtype = RequestType(w.load(request_id, version).type)
            if rtype is RequestType.OBJECTION_LEGITIMATE_INTEREST:
                return self.decide_objection(actor, request_id, act is Action.APPROVE, reason or "",
                                             version=version)
            if rtype is RequestType.ERASURE:
                # Approval binds to the exact stored plan and needs the password again (four eyes);
                # a bare "approve" carries neither: ErasureService.approve / reject does.
                raise TransitionRefused(
                    "An erasure is approved or rejected against its stored plan, with your password: use the "
                    "erasure approval (gdpr-desk request approve|reject).",
                    "En sletting godkjennes eller avvises mot den lagrede sletteplanen, med passordet ditt: bruk "
                    "godkjenningen av sletteplanen (gdpr-desk request approve|reject).",
                    code="erasure_plan",
                )
        with self.uow.begin(actor) as w:
            s = w.session
            req = w.load(request_id, version)
            before = req.state
            w.move(req, act, reason=reason)
            w.flush(req)
            w.audit(req, f"request_{act.value}", f"{before}->{req.state}")
            return self._view(s, actor, req)
