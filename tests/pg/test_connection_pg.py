"""The connection check and the settings dialog against the real PostgreSQL server.

This server trusts local connections, so it accepts any password and a wrong one cannot be made to
fail here; tests/unit/test_connection.py runs that case through libpq against a stand-in server
that refuses the password.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot
from sqlalchemy.engine import make_url

from desktop.services.connection import Verdict, check_connection
from desktop.services.context import DeskContext
from desktop.storage.migrate import head_revision
from tests.helpers.memory_keyring import MemoryKeyring
from tests.helpers.pg import ADMIN_URL, libpq, unique_role


def _public_tables(url: str) -> list[str]:
    with psycopg.connect(libpq(url), autocommit=True) as conn:
        return [r[0] for r in conn.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")]


def test_a_current_team_database_is_ok(pg_desk: DeskContext, pg_url: str) -> None:
    report = check_connection(pg_url, "any-password-trust-ignores")
    assert report.verdict is Verdict.OK and report.usable, report
    assert report.backend == "postgresql" and report.fsync_ok is True
    assert report.server_version and report.server_version[0].isdigit()
    assert report.schema_version == head_revision()
    parsed = make_url(pg_url)
    assert report.target == f"{parsed.host}:{parsed.port}/{parsed.database}"


def test_an_empty_database_has_no_schema_and_the_check_creates_none(pg_url: str) -> None:
    report = check_connection(pg_url)
    assert report.verdict is Verdict.SCHEMA_MISSING and report.fsync_ok is True
    assert _public_tables(pg_url) == []


def test_an_outdated_schema_asks_for_an_upgrade(pg_desk: DeskContext, pg_url: str) -> None:
    with psycopg.connect(libpq(pg_url), autocommit=True) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '0001'")
    report = check_connection(pg_url)
    assert report.verdict is Verdict.SCHEMA_OUTDATED
    assert (report.schema_version, report.expected_schema) == ("0001", head_revision())


def test_a_missing_database_is_named(pg_url: str) -> None:
    missing = pg_url.rsplit("/", 1)[0] + f"/gdpr_desk_missing_{uuid.uuid4().hex[:8]}"
    assert check_connection(missing).verdict is Verdict.DATABASE_MISSING


def test_a_closed_port_on_the_server_host_is_unreachable() -> None:
    host = make_url(ADMIN_URL).host or "127.0.0.1"
    report = check_connection(f"postgresql+psycopg://postgres@{host}:1/postgres", timeout_s=2)
    assert report.verdict is Verdict.UNREACHABLE


def test_an_unknown_user_is_refused(pg_url: str) -> None:
    url = make_url(pg_url).set(username=f"nobody_{uuid.uuid4().hex[:8]}").render_as_string(hide_password=False)
    assert check_connection(url).verdict is Verdict.ACCESS_DENIED


@pytest.fixture
def bare_role() -> Iterator[str]:
    """A login role with no rights on any GDPR Desk table (roles are cluster-wide: unique, and dropped)."""
    name = unique_role("gdpr_desk_bare")
    with psycopg.connect(ADMIN_URL, autocommit=True) as conn:
        conn.execute(f'CREATE ROLE "{name}" LOGIN')
    try:
        yield name
    finally:
        with psycopg.connect(ADMIN_URL, autocommit=True) as conn:
            conn.execute(f'DROP ROLE IF EXISTS "{name}"')


def test_a_user_without_rights_on_the_tables_is_refused(pg_desk: DeskContext, pg_url: str,
                                                        bare_role: str) -> None:
    url = make_url(pg_url).set(username=bare_role).render_as_string(hide_password=False)
    report = check_connection(url)
    assert report.verdict is Verdict.ACCESS_DENIED
    assert "permission denied" in report.detail


# --- the dialog, against the server ---------------------------------------------------------------


@pytest.fixture
def isolated_settings(tmp_path: Path) -> Iterator[None]:
    """The UI tests' private settings folder, for this folder's tests."""
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    for fmt in (QSettings.Format.IniFormat, QSettings.Format.NativeFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    yield


def test_the_dialog_reports_a_working_team_server(qtbot: QtBot, pg_desk: DeskContext, pg_url: str,
                                                   isolated_settings: None, memory_keyring: MemoryKeyring) -> None:
    from desktop.ui.settings_dialog import SettingsDialog
    from desktop.ui.settings_store import SettingsStore

    parsed = make_url(pg_url)
    dialog = SettingsDialog(store=SettingsStore())
    qtbot.addWidget(dialog)
    dialog.pg_radio.setChecked(True)
    dialog.pg_host_edit.setText(parsed.host or "")
    dialog.pg_port_edit.setText(str(parsed.port or 5432))
    dialog.pg_name_edit.setText(parsed.database or "")
    dialog.pg_user_edit.setText(parsed.username or "")
    dialog.pg_secret.edit.setText("synthetic-pg-secret")
    dialog.test_connection()
    qtbot.waitUntil(lambda: dialog.last_report is not None and not dialog.worker.is_busy(), timeout=15000)
    assert dialog.last_report is not None and dialog.last_report.verdict is Verdict.OK
    assert not dialog.test_result.isHidden()
    assert dialog.test_result.text() == dialog.report_text(dialog.last_report)
    assert "PostgreSQL" in dialog.test_result.text()
    # Testing saves nothing: neither the settings nor the password.
    assert not [entry for _service, entry in memory_keyring.store if entry.startswith("postgresql:")]
    assert SettingsStore().load().db_kind == "sqlite"
