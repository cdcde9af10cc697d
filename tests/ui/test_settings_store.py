"""The settings store and what the start-up makes of it: passwords only in the keyring, the default kept."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from desktop.app import DeskOpener, OpenRequest, describe_url, desk_settings, open_request
from desktop.errors import KeyringUnavailable
from desktop.paths import default_database_path
from desktop.ui.settings_store import (
    KEYRING_SERVICE,
    SMTP_KEYRING_ENTRY,
    DeskSettings,
    SecretChange,
    SettingsStore,
)
from tests.helpers.memory_keyring import MemoryKeyring, lose_keyring

TEAM = DeskSettings(db_kind="postgresql", pg_host="db.example.internal", pg_port=5433, pg_name="gdpr",
                    pg_user="desk")


def _file_text(settings: QSettings) -> str:
    settings.sync()
    path = Path(settings.fileName())
    return path.read_text(encoding="utf-8") if path.exists() else ""


def test_a_fresh_workstation_has_the_defaults() -> None:
    loaded = SettingsStore().load()
    assert loaded == DeskSettings()
    assert (loaded.db_kind, loaded.language, loaded.idle_lock_minutes) == ("sqlite", "system", 15)
    assert loaded.database_url() is None


def test_saving_puts_passwords_in_the_keyring_and_nothing_secret_in_the_file(memory_keyring: MemoryKeyring) -> None:
    store = SettingsStore()
    saved = store.save(TEAM, pg_password=SecretChange(new_value="synthetic-pg-secret"),
                       smtp_password=SecretChange(new_value="synthetic-smtp-secret"))
    assert saved.pg_password_stored
    assert memory_keyring.store[(KEYRING_SERVICE, "postgresql:desk@db.example.internal:5433/gdpr")] \
        == "synthetic-pg-secret"
    assert memory_keyring.store[(KEYRING_SERVICE, SMTP_KEYRING_ENTRY)] == "synthetic-smtp-secret"
    text = _file_text(store.settings)
    assert "db.example.internal" in text
    assert "synthetic" not in text
    assert SettingsStore().load() == saved


def test_without_a_keyring_a_password_is_refused_and_the_file_untouched() -> None:
    store = SettingsStore()
    store.save(DeskSettings(language="nb"))
    before = _file_text(store.settings)
    lose_keyring()
    with pytest.raises(KeyringUnavailable) as caught:
        store.save(TEAM, pg_password=SecretChange(new_value="synthetic-pg-secret"))
    assert "GNOME Keyring" in caught.value.message and "trust" in caught.value.message
    assert _file_text(store.settings) == before
    # With nothing secret to store, the same settings save without a keyring (trust or peer auth).
    saved = store.save(TEAM)
    assert not saved.pg_password_stored
    assert "synthetic" not in _file_text(store.settings)


def test_a_new_server_entry_only_counts_a_password_stored_for_it(memory_keyring: MemoryKeyring) -> None:
    store = SettingsStore()
    assert store.save(TEAM, pg_password=SecretChange(new_value="synthetic-pg-secret")).pg_password_stored
    moved = store.save(DeskSettings(db_kind="postgresql", pg_host="db2.example.internal", pg_name="gdpr",
                                    pg_user="desk"))
    assert not moved.pg_password_stored
    back = store.save(TEAM)
    assert back.pg_password_stored
    forgotten = store.save(TEAM, pg_password=SecretChange(forget=True))
    assert not forgotten.pg_password_stored
    assert (KEYRING_SERVICE, TEAM.pg_keyring_entry()) not in memory_keyring.store


@pytest.mark.parametrize(("value", "expected"), [
    ("nb_NO", "nb"), ("nb-NO", "nb"), ("no", "nb"), ("nn_NO", "nb"), (" SV ", "sv"), ("EN", "en"),
    ("system", "system"), ("", "system"), ("klingon", "system"),
])
def test_the_language_reads_as_the_desk_reads_it(value: str, expected: str) -> None:
    """The settings and the start-up share one reading, so the dialog never shows another language."""
    from desktop.ui import i18n

    settings = desk_settings()
    settings.setValue("ui/language", value)
    loaded = SettingsStore(settings).load()
    assert loaded.language == expected
    shown = i18n.configured_language(settings)
    if expected != "system":
        assert shown == expected
    # Saving what was read leaves the language the desk starts in as it was.
    SettingsStore(settings).save(loaded)
    assert i18n.configured_language(settings) == shown
    assert SettingsStore(settings).load().language == expected


def test_hand_edited_nonsense_falls_back_per_setting() -> None:
    settings = desk_settings()
    for key, value in (("database/kind", "oracle"), ("database/pg_port", "lots"), ("smtp/port", "99999"),
                       ("smtp/tls", "false"), ("ui/language", "klingon"), ("session/idle_lock_minutes", "0")):
        settings.setValue(key, value)
    loaded = SettingsStore(settings).load()
    assert (loaded.db_kind, loaded.pg_port, loaded.smtp_port, loaded.smtp_tls) == ("sqlite", 5432, None, "none")
    assert (loaded.language, loaded.idle_lock_minutes) == ("system", 15)
    settings.setValue("database/kind", "postgresql")
    settings.setValue("database/pg_host", "")
    assert SettingsStore(settings).load().db_kind == "sqlite"


def test_the_mailer_reads_what_the_store_writes() -> None:
    from desktop.bootstrap import SettingsMailer, mailer_from_settings
    from desktop.settings import MailSettings

    SettingsStore().save(DeskSettings(smtp_host="smtp.example.com", smtp_port=2525, smtp_tls="ssl",
                                      smtp_user="desk@example.com", smtp_sender="privacy@example.com"))
    mailer = mailer_from_settings(desk_settings())
    assert isinstance(mailer, SettingsMailer)
    assert mailer.config == MailSettings(host="smtp.example.com", port=2525, security="ssl",
                                       username="desk@example.com", sender="privacy@example.com")


# --- the start-up ----------------------------------------------------------------------------------


def test_nothing_configured_keeps_the_default_database() -> None:
    request = open_request(None)
    assert request.url == f"sqlite:///{default_database_path()}" and request.create
    assert request.password_entry is None


def test_a_chosen_sqlite_file_is_used_and_created_on_first_start(tmp_path: Path) -> None:
    path = tmp_path / "elsewhere" / "desk.sqlite3"
    SettingsStore().save(DeskSettings(sqlite_path=str(path)))
    request = open_request(None)
    assert request.url == f"sqlite:///{path}" and request.create and path in request.created_files
    path.parent.mkdir()
    path.write_bytes(b"SQLite format 3\0")
    assert not open_request(None).create


def test_a_team_server_opens_without_a_password_in_the_url(memory_keyring: MemoryKeyring) -> None:
    SettingsStore().save(TEAM, pg_password=SecretChange(new_value="synthetic-pg-secret"))
    request = open_request(None)
    assert request.url == "postgresql+psycopg://desk@db.example.internal:5433/gdpr"
    assert not request.create and request.password_entry == TEAM.pg_keyring_entry()
    assert describe_url(request.url) == "db.example.internal:5433/gdpr"
    # The opener, on its own thread, is the only place the password joins the URL.
    assert "synthetic-pg-secret" in DeskOpener(request)._url()


def test_trust_auth_never_asks_the_keyring() -> None:
    SettingsStore().save(TEAM)
    lose_keyring()
    request = open_request(None)
    assert request.password_entry is None
    assert DeskOpener(request)._url() == request.url


def test_a_stored_password_with_the_keyring_gone_is_a_clear_error(memory_keyring: MemoryKeyring) -> None:
    SettingsStore().save(TEAM, pg_password=SecretChange(new_value="synthetic-pg-secret"))
    request = open_request(None)
    lose_keyring()
    with pytest.raises(KeyringUnavailable) as caught:
        DeskOpener(request)._url()
    assert "keyring" in caught.value.message.lower()


def test_an_explicit_url_and_the_demo_ignore_the_settings(tmp_path: Path) -> None:
    SettingsStore().save(TEAM)
    demo = f"sqlite:///{tmp_path / 'demo.sqlite3'}"
    assert open_request(demo) == OpenRequest(demo, create=False)


def test_the_command_line_reads_the_same_settings(capsys: pytest.CaptureFixture[str]) -> None:
    from desktop.cli import main

    SettingsStore().save(DeskSettings(smtp_host="smtp.example.com", smtp_port=2525, smtp_tls="ssl",
                                      idle_lock_minutes=30))
    desk_settings().setValue("appearance/theme", "purple")  # nonsense reads as the default, as in the desk
    assert main(["settings", "--key", "smtp/port"]) == 0
    assert capsys.readouterr().out == "2525\n"
    assert main(["settings"]) == 0
    listing = capsys.readouterr().out.splitlines()
    assert any(line.startswith("smtp/host = smtp.example.com  (default (empty))") for line in listing)
    assert any(line.startswith("session/idle_lock_minutes = 30  (default 15)") for line in listing)
    assert any(line.startswith("appearance/theme = system  #") for line in listing)
    assert main(["settings", "--key", "smtp/password"]) == 2
    assert "unknown setting" in capsys.readouterr().err
