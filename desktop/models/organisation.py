"""What the organisation decides once for every workstation, and what its supervisors weighed.

`org_setting` holds rules of the organisation that change a legal outcome (e.g. whether a deadline
rolls off a weekend): one database gives one answer, whichever workstation asks. Changes are made
by an administrator through `services.org_settings`, which logs them in the access log.

`fraud_weighing` records a supervisor's weighing of the shop's fraud records against a person's
erasure request (GDPR Art. 17(1)(c) with 21(1)): keep or erase, and why. Rows are never changed; a
new weighing adds a row, and the latest one for a request counts. See docs/rules.md#r-fraud.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from desktop.models.base import Base

__all__ = ["FraudWeighingRecord", "OrgSetting"]


class OrgSetting(Base):
    __tablename__ = "org_setting"

    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
    changed_at: Mapped[datetime | None] = mapped_column(DateTime, default=None)
    changed_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("staff_account.id", ondelete="SET NULL"), default=None
    )


class FraudWeighingRecord(Base):
    __tablename__ = "fraud_weighing"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("dsr_request.id", ondelete="CASCADE"), index=True)
    decision: Mapped[str] = mapped_column(String(10))  # keep | erase
    reasons: Mapped[str] = mapped_column(Text)
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff_account.id", ondelete="SET NULL"))
    decided_by: Mapped[str] = mapped_column(String(60))
    decided_at: Mapped[datetime] = mapped_column(DateTime)

    __table_args__ = (
        CheckConstraint("decision IN ('keep', 'erase')", name="decision"),
        CheckConstraint("length(trim(reasons)) > 0", name="reasons"),
    )
