"""Staff accounts: who may sign in, in which role, and their sign-in throttling state."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, DateTime, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from desktop.domain.roles import Role
from desktop.models.base import Base

__all__ = ["Role", "StaffAccount"]


class StaffAccount(Base):
    __tablename__ = "staff_account"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    username: Mapped[str] = mapped_column(String(60), unique=True)
    display_name: Mapped[str] = mapped_column(String(120))
    role: Mapped[str] = mapped_column(String(20))
    password_hash: Mapped[str] = mapped_column(String(200))
    disabled: Mapped[bool] = mapped_column(Boolean, default=False)
    failed_attempts: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(DateTime, default=None)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    last_login_at: Mapped[datetime | None] = mapped_column(DateTime, default=None)
    # The person's own PostgreSQL login in team mode (migration 0010); None on SQLite.
    db_login: Mapped[str | None] = mapped_column(String(63), default=None)

    __table_args__ = (Index("uq_staff_account_db_login", "db_login", unique=True),)
