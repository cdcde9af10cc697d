"""SQLAlchemy 2 typed models for every kind of record the policy names."""

from desktop.models.audit import AccessLogEntry, AuditHead, DbMeta
from desktop.models.base import Base, RecordMixin
from desktop.models.cases import CaseMessage, ServiceCase, WarrantyCase
from desktop.models.commerce import CreditCheck, Delivery, Order, OrderLine, Payment
from desktop.models.customer import Address, Customer, SearchToken
from desktop.models.engagement import (
    CompetitionEntry,
    ContactMessage,
    Favourite,
    JobApplication,
    MarketingConsent,
    MarketingSuppression,
    Membership,
)
from desktop.models.erasure import ErasureApproval, ErasurePlanRecord, ErasureRun, RetentionRun
from desktop.models.organisation import FraudWeighingRecord, OrgSetting
from desktop.models.register_copy import RegisterCopyRedaction
from desktop.models.requests import (
    DsrRequest,
    RecipientNotification,
    RectificationChange,
    RequestEvent,
    RequestLetter,
    RestrictionRecord,
)
from desktop.models.security import FraudSignal, ItEnvironment
from desktop.models.sources import SourceConflict, SourceCursor, SourceRecord, SourceSyncRun
from desktop.models.staff import Role, StaffAccount
from desktop.models.verification import (
    AccessReason,
    Contact,
    IdentityVerification,
    OneTimeCode,
    VerificationLockout,
)
from desktop.models.written_file import WrittenFile

#: Every table that holds personal data, by the policy's record-kind key.
RECORD_MODELS: dict[str, type[RecordMixin]] = {
    m.RECORD_KIND: m
    for m in (
        Customer, Address, Order, OrderLine, Delivery, Payment, CreditCheck, WarrantyCase,
        ServiceCase, CaseMessage, CompetitionEntry, FraudSignal, ItEnvironment, Membership,
        Favourite, JobApplication, ContactMessage, MarketingConsent, MarketingSuppression,
    )
}

__all__ = [
    "RECORD_MODELS",
    "AccessLogEntry",
    "AccessReason",
    "Address",
    "AuditHead",
    "Base",
    "CaseMessage",
    "CompetitionEntry",
    "Contact",
    "ContactMessage",
    "CreditCheck",
    "Customer",
    "DbMeta",
    "Delivery",
    "DsrRequest",
    "ErasureApproval",
    "ErasurePlanRecord",
    "ErasureRun",
    "Favourite",
    "FraudSignal",
    "FraudWeighingRecord",
    "IdentityVerification",
    "ItEnvironment",
    "JobApplication",
    "MarketingConsent",
    "MarketingSuppression",
    "Membership",
    "OneTimeCode",
    "Order",
    "OrderLine",
    "OrgSetting",
    "Payment",
    "RecipientNotification",
    "RecordMixin",
    "RectificationChange",
    "RegisterCopyRedaction",
    "RequestEvent",
    "RequestLetter",
    "RestrictionRecord",
    "RetentionRun",
    "Role",
    "SearchToken",
    "ServiceCase",
    "SourceConflict",
    "SourceCursor",
    "SourceRecord",
    "SourceSyncRun",
    "StaffAccount",
    "VerificationLockout",
    "WarrantyCase",
    "WrittenFile",
]
