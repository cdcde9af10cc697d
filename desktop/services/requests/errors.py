"""Errors the request service raises beyond desktop.errors."""

from __future__ import annotations

from desktop.domain.requests import (
    RequestType,
)
from desktop.errors import InvalidInput
from desktop.services.unit_of_work import (
    ConcurrentChange,
    reference,
)

__all__ = ["ConcurrentChange", "DuplicateRequest"]


class DuplicateRequest(InvalidInput):
    """An open request of the same type for the same person exists; `existing_id` names it."""

    def __init__(self, existing_id: int, request_type: RequestType) -> None:
        super().__init__(
            f"Request {reference(existing_id)} of type {request_type.value} is already open for this "
            "customer. Work on that one, or file again as a duplicate if this is a new request.",
            f"Henvendelse {reference(existing_id)} av typen {request_type.value} er allerede åpen for "
            "denne kunden. Arbeid videre med den, eller registrer på nytt som duplikat hvis dette er "
            "en ny henvendelse.",
        )
        self.existing_id = existing_id
